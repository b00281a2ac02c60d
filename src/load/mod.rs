//! Load: the workspace's TOML files into a validated [`Workspace`], with every problem found.
//!
//! Two phases, in the manner of rust-analyzer's `(T, Vec<Error>)`: each file is parsed into
//! the serde mirror in [`raw`] ([`parse`], table by table, so one bad table does not hide the
//! next; [`values`] explains wrong values), then [`resolve`] resolves ids and checks the
//! contract's rules, returning the model and all problems instead of stopping at the first.
//!
//! Architecture invariant: load knows nothing of the analysis or of any output format. When
//! the problem list is empty the model is fully valid; when it is not, nothing downstream
//! may use the model.

pub mod baseline;
pub mod config;
mod depth;
mod events;
mod evidence;
mod fields;
mod files;
pub mod git;
mod parse;
mod pieces;
pub mod raw;
mod resolve;
pub mod sheets;
mod text;
mod touchpoints;
mod values;

use std::path::{Path, PathBuf};

pub use config::Config;
pub use files::{MAX_FILE_BYTES, default_paths, display_path};

use crate::fatal::FatalError;
use crate::model::Workspace;
use crate::problem::Problem;
use crate::source::{SourceFile, Sources};

/// What `load` gives back: the model, the configuration as written and every problem found.
#[derive(Debug)]
pub struct Loaded {
    pub workspace: Workspace,
    /// `cxmap.toml`, when there is one.
    pub config: Option<Config>,
    /// How many model files were read (the configuration file aside).
    pub model_files: usize,
    /// Sorted by file and position. Empty means the files are valid.
    pub problems: Vec<Problem>,
}

/// Where to read from.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Files and folders; empty means `journeys/` when it exists, else the current folder.
    pub paths: Vec<PathBuf>,
    /// `--config FILE`; otherwise `cxmap.toml` is looked up in the folders given, then in the
    /// current folder.
    pub config: Option<PathBuf>,
}

/// Reads and validates a workspace. `Err` only when the command cannot run at all (a path
/// that does not exist, a file that cannot be read): that is exit status 2, not invalid input.
pub fn load(options: &LoadOptions) -> Result<Loaded, FatalError> {
    load_at(Path::new(""), options)
}

/// [`load`], with relative paths (and the current folder's `cxmap.toml`) read below `root`
/// but named as given: how a revision checked out into a temporary folder is read (see
/// [`git`]).
pub fn load_at(root: &Path, options: &LoadOptions) -> Result<Loaded, FatalError> {
    let found = files::discover(root, options)?;
    let mut sources = Sources::default();
    let mut problems = Vec::new();
    let config_file = match &found.config {
        Some(path) => files::read(root, path, &mut sources, &mut problems)?,
        None => None,
    };
    let mut file_ids = Vec::with_capacity(found.models.len());
    for path in &found.models {
        if let Some(id) = files::read(root, path, &mut sources, &mut problems)? {
            file_ids.push(id);
        }
    }
    let config = config_file.map(|file| config::parse(file, &sources, &mut problems));
    let workspace = resolve::lower(sources, &file_ids, &mut problems);
    Ok(finish(workspace, config, found.models.len(), problems))
}

/// Loads a workspace from in-memory files (`(display name, text)`), for tests and benchmarks.
/// A file named `cxmap.toml` is the configuration, as on disk.
pub fn load_texts(files: &[(&str, &str)]) -> Loaded {
    let mut sources = Sources::default();
    let mut problems = Vec::new();
    let mut config = None;
    let mut ids = Vec::with_capacity(files.len());
    for (name, text) in files {
        let id = sources.add(SourceFile::new(
            (*name).to_owned(),
            PathBuf::from(name),
            (*text).to_owned(),
        ));
        if files::is_config(std::path::Path::new(name)) {
            config = Some(id);
        } else {
            ids.push(id);
        }
    }
    let config = config.map(|file| config::parse(file, &sources, &mut problems));
    let workspace = resolve::lower(sources, &ids, &mut problems);
    finish(workspace, config, ids.len(), problems)
}

fn finish(
    workspace: Workspace,
    config: Option<Config>,
    model_files: usize,
    mut problems: Vec<Problem>,
) -> Loaded {
    problems.sort();
    problems.dedup();
    Loaded {
        workspace,
        config,
        model_files,
        problems,
    }
}
