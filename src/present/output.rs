//! Writing output files: atomically (a temporary file beside the target, then a rename), so
//! a reader never sees half a file, and an interrupted run leaves the old file intact.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::load::FatalError;

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.cxmap-{}.tmp", std::process::id()))
}

fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, FatalError> {
    let tmp = temp_path(path);
    let cannot =
        |e: std::io::Error| FatalError::new(format!("cannot write `{}`: {e}", path.display()));
    let mut file = std::fs::File::create(&tmp).map_err(cannot)?;
    if let Err(e) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        let _ = std::fs::remove_file(&tmp);
        return Err(cannot(e));
    }
    Ok(tmp)
}

/// Replaces `path` with `bytes` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), FatalError> {
    let tmp = write_temp(path, bytes)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        FatalError::new(format!("cannot write `{}`: {e}", path.display()))
    })
}

/// Creates `path` with `bytes`, failing if it exists (never overwrites).
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), FatalError> {
    let tmp = write_temp(path, bytes)?;
    let linked = std::fs::hard_link(&tmp, path);
    let _ = std::fs::remove_file(&tmp);
    linked.map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            FatalError::new(format!("not overwriting `{}`", path.display()))
        } else {
            FatalError::new(format!("cannot write `{}`: {e}", path.display()))
        }
    })
}
