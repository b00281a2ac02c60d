//! Helpers shared by the integration tests: run the real binary, load fixtures.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Runs `cxmap ARGS` in `dir` (the crate root when `None`), with colour decisions left to
/// the flags: `NO_COLOR` is removed.
pub fn cxmap_in(dir: Option<&Path>, args: &[&str]) -> Output {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(args)
        .current_dir(dir.unwrap_or(&root))
        .env_remove("NO_COLOR")
        .output()
        .expect("cxmap runs");
    Output {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        code: out.status.code().expect("exit code"),
    }
}

pub fn cxmap(args: &[&str]) -> Output {
    cxmap_in(None, args)
}

pub fn fixture(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Writes files into a fresh temporary folder.
pub fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// Runs `cxmap ARGS` in `dir` with waivers judged on 2026-11-26 and extra environment.
pub fn cxmap_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("CXMAP_TODAY", "2026-11-26")
        .envs(env.iter().copied())
        .output()
        .expect("cxmap runs");
    Output {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        code: out.status.code().expect("exit code"),
    }
}

/// Is `git` installed? When it is not, tests that need it skip with a note, unless
/// `CXMAP_REQUIRE_TOOLS` is set (CI), where they fail.
#[allow(clippy::print_stderr)] // a skipped test says so
pub fn has_git() -> bool {
    let found = Command::new("git").arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CXMAP_REQUIRE_TOOLS").is_none(),
            "git is required (CXMAP_REQUIRE_TOOLS is set)"
        );
        eprintln!("skipped: git is not installed");
    }
    found
}

/// Runs git in `dir` with a fixed identity and no user or system configuration; panics with
/// git's message when it fails. Returns its standard output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "CX Office")
        .env("GIT_AUTHOR_EMAIL", "cx@example.com")
        .env("GIT_COMMITTER_NAME", "CX Office")
        .env("GIT_COMMITTER_EMAIL", "cx@example.com")
        .env("GIT_AUTHOR_DATE", "2026-11-26T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-26T10:00:00Z")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Copies every file below `from` into `to` (created), keeping relative paths.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// Replaces the folder `dir/sub` by a copy of `from`.
pub fn replace_with(dir: &Path, sub: &str, from: &Path) {
    let target = dir.join(sub);
    if target.exists() {
        std::fs::remove_dir_all(&target).unwrap();
    }
    copy_dir(from, &target);
}

/// The crate's folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
