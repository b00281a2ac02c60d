//! Finding and reading the workspace's files: sorted, size-capped, UTF-8 checked. Only
//! regular files are read, through a bounded reader, so a FIFO, a device or an endless file
//! can neither hang cxmap nor fill its memory.

use std::path::{Path, PathBuf};

use super::LoadOptions;
use crate::fatal::FatalError;
use crate::problem::Problem;
use crate::source::{FileId, SourceFile, Sources, Span};

/// Input files larger than this are refused (a journey file is a few kilobytes; 100,000
/// touchpoints fit in about 20 MiB spread over many files).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The name of the configuration file at the top of a folder.
pub const CONFIG_FILE: &str = "cxmap.toml";

pub struct Found {
    pub config: Option<PathBuf>,
    pub models: Vec<PathBuf>,
}

/// Is this the configuration file's name?
pub fn is_config(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == CONFIG_FILE)
}

/// With no path given: `journeys/` when it exists (the layout `cxmap init` writes and the
/// README uses), else the current folder (inside such a folder, `cxmap check` just works).
pub fn default_paths() -> Vec<PathBuf> {
    let journeys = Path::new("journeys");
    if journeys.is_dir() {
        vec![journeys.to_owned()]
    } else {
        vec![PathBuf::from(".")]
    }
}

/// The files a workspace is read from. Relative paths are read below `root` (empty: the
/// current folder), and named as given: `root` never shows in what users read.
pub fn discover(root: &Path, options: &LoadOptions) -> Result<Found, FatalError> {
    let paths = if options.paths.is_empty() {
        default_paths()
    } else {
        options.paths.clone()
    };
    let mut config = options.config.clone();
    if let Some(path) = &config
        && !root.join(path).is_file()
    {
        return Err(FatalError::new(format!(
            "the configuration file `{}` does not exist",
            path.display()
        )));
    }
    let mut models = Vec::new();
    for path in &paths {
        let meta = std::fs::metadata(root.join(path)).map_err(|_| {
            if std::fs::symlink_metadata(root.join(path)).is_ok() {
                broken_link(path)
            } else {
                FatalError::new(format!("`{}` does not exist", path.display()))
                    .with_help("give a journey file or a folder of them (default: `journeys/`, else the current folder)")
            }
        })?;
        if !meta.is_dir() && !meta.is_file() {
            return Err(not_a_file(path));
        }
        if meta.is_dir() {
            let top_config = path.join(CONFIG_FILE);
            if config.is_none() && root.join(&top_config).is_file() {
                config = Some(top_config.clone());
            }
            walk(root, path, &top_config, &mut models)?;
        } else {
            models.push(path.clone());
        }
    }
    if config.is_none() && root.join(CONFIG_FILE).is_file() {
        config = Some(PathBuf::from(CONFIG_FILE));
    }
    // A file named twice (a folder and a file in it) is read once.
    let mut seen = std::collections::BTreeSet::new();
    models.retain(|p| seen.insert(p.clone()));
    if let Some(c) = &config {
        models.retain(|m| m != c);
    }
    Ok(Found { config, models })
}

fn broken_link(path: &Path) -> FatalError {
    FatalError::new(format!(
        "`{}` is a broken link: what it points to does not exist, or links back to itself",
        path.display()
    ))
    .with_help("remove the link or point it at a journey file")
}

fn not_a_file(path: &Path) -> FatalError {
    FatalError::new(format!(
        "`{}` is not a regular file (a pipe, a device or a socket)",
        path.display()
    ))
    .with_help("give journey files (`.toml`) or folders of them")
}

/// Every `*.toml` below `dir` in sorted path order. Hidden entries and symlinked folders are
/// skipped (a link loop must not hang the tool), and so is anything that is not a regular
/// file (a pipe, a socket); a link named `*.toml` that leads nowhere is an error, as it is
/// when given directly.
fn walk(
    root: &Path,
    dir: &Path,
    top_config: &Path,
    out: &mut Vec<PathBuf>,
) -> Result<(), FatalError> {
    let entries = std::fs::read_dir(root.join(dir))
        .map_err(|e| FatalError::new(format!("cannot read folder `{}`: {e}", dir.display())))?;
    let mut entries: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| dir.join(e.file_name()))
        .collect();
    entries.sort();
    for path in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden || path == top_config {
            continue;
        }
        let on_disk = root.join(&path);
        let Ok(meta) = std::fs::symlink_metadata(&on_disk) else {
            continue;
        };
        let toml = path.extension().is_some_and(|e| e == "toml");
        if meta.is_dir() {
            walk(root, &path, top_config, out)?;
        } else if toml && meta.is_symlink() && std::fs::metadata(&on_disk).is_err() {
            return Err(broken_link(&path));
        } else if toml && on_disk.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// `journeys/org.toml`, whatever the platform's separator.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

/// Reads one file (below `root`) into `sources`. Returns `None` (with a problem) for a file
/// that is too large or not UTF-8; `Err` when it cannot be read at all.
pub fn read(
    root: &Path,
    path: &Path,
    sources: &mut Sources,
    problems: &mut Vec<Problem>,
) -> Result<Option<FileId>, FatalError> {
    let display = display_path(path);
    let cannot = |e: std::io::Error| FatalError::new(format!("cannot read `{display}`: {e}"));
    let path = &root.join(path);
    let file = std::fs::File::open(path).map_err(cannot)?;
    // Asked of the open file, so that what is read is what was checked.
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(not_a_file(path));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(1 << 24));
    // Never more than the limit and one byte, whatever the file says its size is.
    std::io::Read::read_to_end(
        &mut std::io::Read::take(file, MAX_FILE_BYTES + 1),
        &mut bytes,
    )
    .map_err(cannot)?;
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        let id = sources.add(SourceFile::new(display, path.to_owned(), String::new()));
        problems.push(
            Problem::new(
                Span::new(id, 0..0),
                format!(
                    "file is too large ({} MiB; the limit is {} MiB)",
                    meta.len().max(size) / (1024 * 1024),
                    MAX_FILE_BYTES / (1024 * 1024)
                ),
            )
            .with_help("split the workspace into several files: one per journey, plus an org.toml"),
        );
        return Ok(None);
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    // The bytes become the text without a copy when they are UTF-8, as nearly all files are.
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(sources.add(SourceFile::new(
            display,
            path.to_owned(),
            text,
        )))),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let id = sources.add(SourceFile::new(display, path.to_owned(), text));
            problems.push(
                Problem::new(Span::new(id, at..at), "file is not valid UTF-8 text")
                    .with_help("save the file as UTF-8 in your editor"),
            );
            Ok(None)
        }
    }
}
