//! Present: the checked workspace turned into text and pictures for people and machines.
//!
//! Architecture invariant: only this module knows output formats, and it decides nothing.
//! Presenters lay out what `load` and `analyse` computed (problems, findings, facts and
//! figures); they never count, rank or judge. All user text passes through [`escape`].

pub mod browser;
pub mod diagram;
pub mod diff;
pub mod escape;
pub mod files;
pub mod github;
pub mod gitlab;
pub mod json;
pub mod metric_values;
pub mod report;
pub mod sarif;
pub mod sheet_problems;
pub mod sheets;
pub mod terminal;
pub mod toml;

pub use files::{file_stems, write_all, write_new};

/// A message with its help on a second line, for formats with one text field.
fn with_help(message: &str, help: Option<&str>) -> String {
    match help {
        Some(help) => format!("{message}\nhelp: {help}"),
        None => message.to_owned(),
    }
}
