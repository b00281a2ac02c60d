//! Present: findings, problems and the model turned into text for people and machines.
//!
//! Only this module knows output formats. Presenters never re-derive analysis: they format
//! what `load` and `analyse` computed. All user text passes through [`escape`].

pub mod escape;
pub mod github;
pub mod json;
mod output;
pub mod sarif;
pub mod terminal;

use crate::analyse::Analysis;
use crate::load::Loaded;

/// What `cxmap check` has to show: the loaded workspace with its problems, and the analysis
/// when the workspace is valid.
pub struct CheckOutcome<'a> {
    pub loaded: &'a Loaded,
    pub analysis: Option<&'a Analysis>,
}

pub use output::{write_atomic, write_new};
