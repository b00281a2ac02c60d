//! A workspace as it was at a git revision, read through the `git` program: the revision's
//! files below the paths asked for are written into a temporary folder that mirrors the
//! repository, and read from there by the same code that reads the working tree, so both
//! sides of a comparison are found, named and judged the same way (paths are shown as the
//! user gave them, never the temporary folder).
//!
//! Only plain files are taken from the revision: links and submodules are left out. Every way
//! this can fail (no `git`, not a repository, an unknown revision, a path the revision does not
//! have) is a [`FatalError`] with a hint: the command cannot run, exit status 2.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use super::{LoadOptions, Loaded, MAX_FILE_BYTES, load_at};
use crate::fatal::FatalError;

/// A revision's workspace, loaded.
pub struct AtRevision {
    pub loaded: Loaded,
    /// The commit the revision names (full hash).
    pub commit: String,
}

impl AtRevision {
    /// The commit as people quote it: its first seven hex digits.
    pub fn short_commit(&self) -> &str {
        self.commit.get(..7).unwrap_or(&self.commit)
    }
}

/// Loads the workspace `options` names (its paths relative to the current folder, none empty:
/// resolve the default first) as it was at revision `rev`. A relative `--config` file is read
/// as it was at the revision too; when the revision does not have it, it is left out and the
/// revision is read with the configuration it had. An absolute one is read from disk.
pub fn load_revision(rev: &str, options: &LoadOptions) -> Result<AtRevision, FatalError> {
    if rev.is_empty() || rev.starts_with('-') || rev.chars().any(char::is_control) {
        return Err(
            FatalError::new(format!("`{rev}` is not a git revision")).with_help(
                "give a commit, a branch or a tag, e.g. `origin/main` or a tag like `2026-q3`",
            ),
        );
    }
    for p in &options.paths {
        if p.is_absolute() {
            return Err(FatalError::new(format!(
                "`{}` is an absolute path; with a git revision, paths are read relative to the current folder",
                p.display()
            ))
            .with_help("give the path relative to the current folder, e.g. `journeys`"));
        }
    }
    let prefix = git_text(&["rev-parse", "--show-prefix"])?;
    let prefix = prefix.trim_end_matches(['\n', '\r']).to_owned();
    let commit = resolve(rev)?;

    let mut wanted: Vec<String> = Vec::new();
    for p in &options.paths {
        wanted.push(repo_path(&prefix, p).ok_or_else(|| outside(p))?);
    }
    let config = match &options.config {
        Some(c) if !c.is_absolute() => repo_path(&prefix, c),
        _ => None,
    };
    let mut specs: Vec<&OsStr> = options.paths.iter().map(|p| p.as_os_str()).collect();
    specs.push(OsStr::new(super::files::CONFIG_FILE));
    if let Some(c) = options.config.as_ref().filter(|c| !c.is_absolute()) {
        specs.push(c.as_os_str());
    }
    let entries = list(&commit, &specs)?;

    for (given, path) in options.paths.iter().zip(&wanted) {
        if !entries.iter().any(|e| is_within(&e.path, path)) {
            return Err(FatalError::new(format!(
                "`{}` does not exist at `{rev}`",
                given.display()
            ))
            .with_help(format!(
                "give paths that exist in both versions (`git ls-tree -r --name-only {rev}` lists the files there), or an older or newer revision"
            )));
        }
    }

    let dir = tempfile::tempdir()
        .map_err(|e| FatalError::new(format!("cannot make a temporary folder: {e}")))?;
    let mut blobs = Vec::new();
    for e in &entries {
        let target = dir.path().join(&e.path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).map_err(|err| cannot_write(&target, &err))?;
        }
        let named = wanted.contains(&e.path) || config.as_deref() == Some(&e.path);
        // As the working tree is walked: `*.toml`, the extension as written.
        let toml = Path::new(&e.path).extension().is_some_and(|x| x == "toml");
        if !(toml || named) {
            continue;
        }
        if e.size > MAX_FILE_BYTES {
            // Never copied: a file of that size (without its bytes) is refused by the reader,
            // with its real size in the message.
            std::fs::File::create(&target)
                .and_then(|f| f.set_len(e.size))
                .map_err(|err| cannot_write(&target, &err))?;
        } else {
            blobs.push((e.object.clone(), target));
        }
    }
    copy_blobs(&blobs)?;

    let root = dir.path().join(&prefix);
    std::fs::create_dir_all(&root).map_err(|err| cannot_write(&root, &err))?;
    let mut options = options.clone();
    if let Some(c) = &options.config
        && !root.join(c).is_file()
    {
        options.config = None;
    }
    let loaded = load_at(&root, &options)?;
    Ok(AtRevision { loaded, commit })
}

/// One file of the revision.
struct Entry {
    /// From the top of the repository, `/`-separated.
    path: String,
    object: String,
    size: u64,
}

fn git(args: &[&OsStr]) -> Command {
    let mut cmd = Command::new("git");
    cmd.args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null());
    cmd
}

fn no_git(e: &std::io::Error) -> FatalError {
    if e.kind() == std::io::ErrorKind::NotFound {
        FatalError::new("cannot run `git`: it is not installed, or not on the PATH")
            .with_help("install git, or compare two folders instead: `cxmap diff OLD NEW`")
    } else {
        FatalError::new(format!("cannot run `git`: {e}"))
    }
}

/// Runs git and returns its standard output; a failure becomes git's own first line, or the
/// plain words for the usual one.
fn git_bytes(args: &[&OsStr]) -> Result<Vec<u8>, FatalError> {
    let out = git(args).output().map_err(|e| no_git(&e))?;
    if out.status.success() {
        return Ok(out.stdout);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("not a git repository") {
        return Err(
            FatalError::new("the current folder is not in a git repository").with_help(
                "run cxmap inside the repository that holds the journeys, or compare two folders: `cxmap diff OLD NEW`",
            ),
        );
    }
    let first = stderr
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no message");
    Err(FatalError::new(format!("git failed: {}", first.trim())))
}

fn git_text(args: &[&str]) -> Result<String, FatalError> {
    let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    Ok(String::from_utf8_lossy(&git_bytes(&args)?).into_owned())
}

/// The commit a revision names.
fn resolve(rev: &str) -> Result<String, FatalError> {
    let spec = format!("{rev}^{{commit}}");
    let out = git(&[
        OsStr::new("rev-parse"),
        OsStr::new("--verify"),
        OsStr::new("--quiet"),
        OsStr::new(&spec),
    ])
    .output()
    .map_err(|e| no_git(&e))?;
    if out.status.success() {
        return Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned());
    }
    // `--quiet` says nothing about an unknown revision; anything on stderr is another failure
    // (not a repository, most often), which the plain call explains.
    if out.stderr.iter().all(u8::is_ascii_whitespace) {
        return Err(FatalError::new(format!("unknown revision `{rev}`")).with_help(
            "give a commit, branch or tag of this repository (`git log --oneline` lists commits); in CI, fetch it first, e.g. `git fetch origin main`",
        ));
    }
    Ok(git_text(&["rev-parse", "--verify", &spec])?
        .trim()
        .to_owned())
}

/// Every file of `commit` below the pathspecs (relative to the current folder, taken
/// literally), with its object and size.
fn list(commit: &str, specs: &[&OsStr]) -> Result<Vec<Entry>, FatalError> {
    let fixed = [
        "--literal-pathspecs",
        "ls-tree",
        "-r",
        "-z",
        "-l",
        "--full-name",
        commit,
        "--",
    ];
    let mut args: Vec<&OsStr> = fixed.iter().map(OsStr::new).collect();
    args.extend(specs);
    let out = git_bytes(&args)?;
    let mut entries = Vec::new();
    for record in out.split(|&b| b == 0).filter(|r| !r.is_empty()) {
        let text = String::from_utf8_lossy(record);
        let Some((meta, path)) = text.split_once('\t') else {
            continue;
        };
        let mut fields = meta.split_whitespace();
        let (Some(mode), Some(kind), Some(object), Some(size)) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        // Plain files only: links (120000) and submodules are left out.
        if kind != "blob" || mode == "120000" {
            continue;
        }
        if Path::new(path)
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            continue;
        }
        entries.push(Entry {
            path: path.to_owned(),
            object: object.to_owned(),
            size: size.parse().unwrap_or(0),
        });
    }
    Ok(entries)
}

/// Copies blobs into files through one `git cat-file --batch`, streamed: no file is held in
/// memory whole.
fn copy_blobs(blobs: &[(String, PathBuf)]) -> Result<(), FatalError> {
    if blobs.is_empty() {
        return Ok(());
    }
    let mut child = git(&[OsStr::new("cat-file"), OsStr::new("--batch")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| no_git(&e))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let mut requests = String::with_capacity(blobs.len() * 41);
    for (object, _) in blobs {
        requests.push_str(object);
        requests.push('\n');
    }
    // Written from another thread: git answers while it reads, and a full pipe each way
    // would otherwise block both.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(requests.as_bytes());
    });
    let stdout = child.stdout.take().expect("stdout is piped");
    let result = read_batch(BufReader::new(stdout), blobs);
    if result.is_err() {
        let _ = child.kill();
    }
    let _ = writer.join();
    let status = child.wait().map_err(|e| no_git(&e))?;
    result?;
    if !status.success() {
        return Err(FatalError::new(
            "git failed: `git cat-file --batch` did not finish",
        ));
    }
    Ok(())
}

fn read_batch(mut out: impl BufRead, blobs: &[(String, PathBuf)]) -> Result<(), FatalError> {
    let broken = || FatalError::new("git failed: `git cat-file --batch` answered unexpectedly");
    for (object, target) in blobs {
        let mut header = String::new();
        out.read_line(&mut header).map_err(|_| broken())?;
        let mut fields = header.split_whitespace();
        let (Some(got), Some(_), Some(size)) = (fields.next(), fields.next(), fields.next()) else {
            return Err(broken());
        };
        let size: u64 = size.parse().map_err(|_| broken())?;
        if got != object {
            return Err(broken());
        }
        let mut file = std::fs::File::create(target).map_err(|e| cannot_write(target, &e))?;
        let copied = std::io::copy(&mut (&mut out).take(size), &mut file)
            .map_err(|e| cannot_write(target, &e))?;
        let mut newline = [0u8; 1];
        if copied != size || out.read_exact(&mut newline).is_err() {
            return Err(broken());
        }
    }
    Ok(())
}

fn cannot_write(path: &Path, e: &std::io::Error) -> FatalError {
    FatalError::new(format!(
        "cannot write the revision's file `{}` to a temporary folder: {e}",
        path.display()
    ))
}

fn outside(p: &Path) -> FatalError {
    FatalError::new(format!("`{}` is outside the repository", p.display()))
        .with_help("give paths inside the repository that holds the journeys")
}

/// `path` (relative to the current folder, which is `prefix` in the repository) as a path from
/// the top of the repository, `/`-separated, `.` and `..` resolved; `None` when it leaves the
/// repository. The top itself is the empty string.
fn repo_path(prefix: &str, path: &Path) -> Option<String> {
    let mut parts: Vec<String> = prefix
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect();
    for c in path.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.join("/"))
}

/// `path` is `dir` or inside it.
fn is_within(path: &str, dir: &str) -> bool {
    dir.is_empty()
        || path == dir
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_from_the_top_of_the_repository() {
        assert_eq!(repo_path("", Path::new(".")).as_deref(), Some(""));
        assert_eq!(
            repo_path("sub/", Path::new("./journeys/")).as_deref(),
            Some("sub/journeys")
        );
        assert_eq!(repo_path("sub/", Path::new("../x")).as_deref(), Some("x"));
        assert_eq!(repo_path("", Path::new("../x")), None);
        assert!(is_within("journeys/a.toml", "journeys"));
        assert!(!is_within("journeys-old/a.toml", "journeys"));
        assert!(is_within("a.toml", ""));
    }
}
