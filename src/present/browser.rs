//! Printing the HTML report to PDF through a real headless Chromium: finding the browser
//! (`--browser PATH`, else `chromium`, `chromium-browser` or `google-chrome` on `PATH`),
//! printing a page from a private temporary folder with a fresh profile, and giving up with a
//! clear error when the browser is missing, fails or takes longer than [`TIMEOUT`].

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::fatal::FatalError;

/// The names looked up on `PATH`, in order.
pub const NAMES: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// How long a browser may take to print the report.
const TIMEOUT: Duration = Duration::from_secs(180);

/// The browser to print with: `explicit` when given (it must exist), else the first of
/// [`NAMES`] found on `path` (the value of `PATH`).
pub fn find(explicit: Option<&Path>, path: Option<&OsString>) -> Result<PathBuf, FatalError> {
    if let Some(p) = explicit {
        return if p.is_file() {
            Ok(p.to_owned())
        } else {
            Err(FatalError::new(format!("no browser at `{}`", p.display()))
                .with_help("give the path of a Chromium or Google Chrome executable"))
        };
    }
    path.into_iter()
        .flat_map(std::env::split_paths)
        .flat_map(|dir| NAMES.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            FatalError::new("`--format pdf` needs Chromium or Google Chrome, and none was found")
                .with_help(format!(
                    "install one (e.g. `apt install chromium`), or give its path with `--browser PATH`; looked for {} on PATH",
                    NAMES.join(", ")
                ))
        })
}

/// Chromium refuses to start as root without `--no-sandbox` (containers, CI runners). The
/// page printed is cxmap's own, with no script and nothing loaded from elsewhere.
fn running_as_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// Prints `html` to PDF with `browser` and returns the PDF's bytes.
pub fn print_pdf(browser: &Path, html: &str) -> Result<Vec<u8>, FatalError> {
    // A folder of our own, removed when dropped, with the page and a fresh browser profile.
    let scratch = tempfile::Builder::new()
        .prefix("cxmap-pdf-")
        .tempdir()
        .map_err(|e| FatalError::new(format!("cannot create a temporary folder: {e}")))?;
    let page = scratch.path().join("report.html");
    let pdf = scratch.path().join("report.pdf");
    std::fs::write(&page, html)
        .map_err(|e| FatalError::new(format!("cannot write `{}`: {e}", page.display())))?;
    let mut command = Command::new(browser);
    command
        .arg("--headless")
        .arg("--disable-gpu")
        .arg("--no-first-run")
        .arg("--no-default-browser-check")
        .arg("--disable-extensions")
        .arg("--no-pdf-header-footer")
        .arg(format!(
            "--user-data-dir={}",
            scratch.path().join("profile").display()
        ))
        .arg(format!("--print-to-pdf={}", pdf.display()));
    if running_as_root() {
        command.arg("--no-sandbox");
    }
    command
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let failed = |why: String| {
        FatalError::new(format!("{} could not print the report: {why}", browser.display()))
            .with_help("check that the browser starts (`chromium --headless --version`), or give another with `--browser PATH`")
    };
    let mut child = command.spawn().map_err(|e| failed(e.to_string()))?;
    // Drain stderr on a thread so a chatty browser never blocks on a full pipe.
    let stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut s) = stderr {
            let _ = std::io::Read::read_to_string(&mut s, &mut text);
        }
        text
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| failed(e.to_string()))? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed(format!(
                "no PDF after {} seconds",
                TIMEOUT.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let log = reader.join().unwrap_or_default();
    match std::fs::read(&pdf) {
        Ok(bytes) if status.success() && bytes.starts_with(b"%PDF") => Ok(bytes),
        _ => {
            let last: Vec<&str> = log.lines().rev().take(3).collect();
            Err(failed(format!(
                "{status}{}",
                if last.is_empty() {
                    String::new()
                } else {
                    format!(
                        "; it said: {}",
                        last.into_iter().rev().collect::<Vec<_>>().join(" / ")
                    )
                }
            )))
        }
    }
}
