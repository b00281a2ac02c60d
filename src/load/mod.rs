//! Load: the workspace's TOML files into a validated [`Workspace`], with every problem found.
//!
//! Two phases, in the manner of rust-analyzer's `(T, Vec<Error>)`: each file is parsed into
//! the serde mirror in [`raw`] (element by element, so one bad table does not hide the next),
//! then [`lower`] resolves ids and checks the contract's rules, returning the model and all
//! problems instead of stopping at the first. Invariant: when the problem list is empty, the
//! model is fully valid; when it is not, nothing downstream may use the model.

pub mod config;
mod files;
mod lower;
pub mod raw;
pub mod source;
mod suggest;

pub use suggest::did_you_mean;

use std::path::PathBuf;

pub use config::RuleSettings;
pub use files::{FatalError, MAX_FILE_BYTES};
use source::{Sources, Span};

use crate::model::Workspace;

/// Something wrong with the input, pointed at a place in a file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

impl Problem {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Problem {
            span,
            message: message.into(),
            help: None,
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// What `load` gives back: the model, the rule settings and every problem found.
#[derive(Debug)]
pub struct Loaded {
    pub workspace: Workspace,
    pub settings: RuleSettings,
    /// Sorted by file and position. Empty means the workspace is valid.
    pub problems: Vec<Problem>,
}

impl Loaded {
    pub fn sources(&self) -> &Sources {
        &self.workspace.sources
    }
}

/// Where to read from.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Files and folders; empty means `journeys/`.
    pub paths: Vec<PathBuf>,
    /// `--config FILE`; otherwise `cxmap.toml` is looked up in the folders given, then in the
    /// current folder.
    pub config: Option<PathBuf>,
}

/// Reads and validates a workspace. `Err` only when the command cannot run at all (a path
/// that does not exist, a file that cannot be read): that is exit status 2, not invalid input.
pub fn load(options: &LoadOptions) -> Result<Loaded, FatalError> {
    let found = files::discover(options)?;
    let mut sources = Sources::default();
    let mut problems = Vec::new();

    let settings = match &found.config {
        Some(path) => {
            let file = files::read(path, &mut sources, &mut problems)?;
            config::parse(file, &sources, &mut problems)
        }
        None => RuleSettings::default(),
    };

    let mut file_ids = Vec::with_capacity(found.models.len());
    for path in &found.models {
        if let Some(id) = files::read(path, &mut sources, &mut problems)? {
            file_ids.push(id);
        }
    }
    let workspace = lower::lower(sources, &file_ids, &mut problems);
    problems.sort();
    problems.dedup();
    Ok(Loaded {
        workspace,
        settings,
        problems,
    })
}

/// Loads a workspace from in-memory files (`(display name, text)`), for tests and benchmarks.
pub fn load_texts(files: &[(&str, &str)]) -> Loaded {
    let mut sources = Sources::default();
    let ids: Vec<_> = files
        .iter()
        .map(|(name, text)| {
            sources.add(source::SourceFile::new(
                (*name).to_owned(),
                PathBuf::from(name),
                (*text).to_owned(),
            ))
        })
        .collect();
    let mut problems = Vec::new();
    let workspace = lower::lower(sources, &ids, &mut problems);
    problems.sort();
    problems.dedup();
    Loaded {
        workspace,
        settings: RuleSettings::default(),
        problems,
    }
}
