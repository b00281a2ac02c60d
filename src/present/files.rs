//! Writing output files: all of a command's outputs or none. Every target is checked before
//! anything is written, each file goes to a temporary file beside its target, and only when
//! all are written are they renamed into place; on any failure the temporaries are removed.
//! A reader never sees half a file, and a failed run leaves the old files as they were.
//!
//! Also the safe file names of journeys.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::escape;
use crate::fatal::FatalError;
use crate::source::Sources;

/// One output file: where, and what.
pub type Output = (PathBuf, Vec<u8>);

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.cxmap-{}.tmp", std::process::id()))
}

fn cannot(path: &Path, e: &std::io::Error) -> FatalError {
    FatalError::new(format!("cannot write `{}`: {e}", path.display()))
}

fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf, FatalError> {
    let tmp = temp_path(path);
    let mut file = std::fs::File::create(&tmp).map_err(|e| cannot(path, &e))?;
    if let Err(e) = file.write_all(bytes).and_then(|()| file.sync_all()) {
        let _ = std::fs::remove_file(&tmp);
        return Err(cannot(path, &e));
    }
    Ok(tmp)
}

/// Refuses targets that cannot be written as files (a folder in the way), before anything
/// is written; creates the folders they go in.
fn prepare(files: &[Output]) -> Result<(), FatalError> {
    for (path, _) in files {
        if path.is_dir() {
            return Err(FatalError::new(format!(
                "cannot write `{}`: a folder of that name is in the way",
                path.display()
            ))
            .with_help("remove or rename the folder, or write somewhere else with `-o`"));
        }
    }
    for (path, _) in files {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                FatalError::new(format!("cannot create the folder `{}`: {e}", dir.display()))
            })?;
        }
    }
    Ok(())
}

/// Writes every temporary file, or none (removing those already written).
fn write_temps(files: &[Output]) -> Result<Vec<PathBuf>, FatalError> {
    let mut temps = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        match write_temp(path, bytes) {
            Ok(tmp) => temps.push(tmp),
            Err(e) => {
                remove(&temps);
                return Err(e);
            }
        }
    }
    Ok(temps)
}

fn remove(temps: &[PathBuf]) {
    for tmp in temps {
        let _ = std::fs::remove_file(tmp);
    }
}

/// Replaces every target with its bytes: all or none.
pub fn write_all(files: &[Output]) -> Result<(), FatalError> {
    prepare(files)?;
    let temps = write_temps(files)?;
    for (i, ((path, _), tmp)) in files.iter().zip(&temps).enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            remove(&temps[i..]);
            return Err(cannot(path, &e));
        }
    }
    Ok(())
}

/// Creates every target, none of which may exist: all or none (never overwrites).
pub fn write_new(files: &[Output]) -> Result<(), FatalError> {
    let existing: Vec<String> = files
        .iter()
        .filter(|(p, _)| p.exists() || p.is_symlink())
        .map(|(p, _)| format!("`{}`", p.display()))
        .collect();
    if !existing.is_empty() {
        return Err(FatalError::new(format!(
            "not overwriting {}",
            existing.join(", ")
        )));
    }
    prepare(files)?;
    let temps = write_temps(files)?;
    let mut linked: Vec<&Path> = Vec::new();
    for ((path, _), tmp) in files.iter().zip(&temps) {
        // A hard link fails if the target appeared meanwhile: never overwrite.
        if let Err(e) = std::fs::hard_link(tmp, path) {
            for done in &linked {
                let _ = std::fs::remove_file(done);
            }
            remove(&temps);
            return Err(if e.kind() == std::io::ErrorKind::AlreadyExists {
                FatalError::new(format!("not overwriting `{}`", path.display()))
            } else {
                cannot(path, &e)
            });
        }
        linked.push(path);
    }
    remove(&temps);
    Ok(())
}

/// File-name stems for journeys (`<stem>.<view>.<ext>`): the id where it is a safe name,
/// otherwise the id with every other character replaced by `-`. Two journeys whose stems
/// would differ only in letter case (or be equal) are refused, since on some file systems one
/// would overwrite the other.
pub fn file_stems<'a>(ids: impl Iterator<Item = &'a str>) -> Result<Vec<String>, FatalError> {
    let mut stems: Vec<String> = Vec::new();
    let mut seen: std::collections::BTreeMap<String, String> = std::collections::BTreeMap::new();
    for id in ids {
        let mut stem: String = id
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        stem = stem.trim_matches('-').chars().take(100).collect();
        if stem.is_empty() {
            "journey".clone_into(&mut stem);
        }
        let key = stem.to_lowercase();
        if let Some(other) = seen.get(&key) {
            return Err(FatalError::new(format!(
                "journeys `{}` and `{}` would be written to the same file name `{stem}`",
                escape::terminal(other),
                escape::terminal(id)
            ))
            .with_help(
                "give the journeys ids that differ in more than letter case and punctuation",
            ));
        }
        seen.insert(key, id.to_owned());
        stems.push(stem);
    }
    Ok(stems)
}

/// An output must never replace one of the files it was made from.
pub fn refuse_inputs(files: &[Output], sources: &Sources) -> Result<(), FatalError> {
    let inputs: Vec<PathBuf> = sources
        .iter()
        .filter_map(|(_, f)| f.path.canonicalize().ok())
        .collect();
    for (path, _) in files {
        if path.canonicalize().is_ok_and(|p| inputs.contains(&p)) {
            return Err(
                FatalError::new(format!("`{}` is one of the input files", path.display()))
                    .with_help("write somewhere else, e.g. `-o output/report.html`"),
            );
        }
    }
    Ok(())
}
