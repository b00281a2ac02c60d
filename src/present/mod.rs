//! Present: findings, problems and the model turned into text for people and machines.
//!
//! Only this module knows output formats. Presenters never re-derive analysis: they format
//! what `load` and `analyse` computed. All user text passes through [`escape`].

pub mod diagram;
pub mod escape;
pub mod github;
pub mod json;
mod output;
pub mod report;
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

/// A message with its help on a second line, for formats with one text field.
fn with_help(message: &str, help: Option<&str>) -> String {
    match help {
        Some(help) => format!("{message}\nhelp: {help}"),
        None => message.to_owned(),
    }
}

/// File-name stems for journeys (`<stem>.<view>.<ext>`): the id where it is a safe name,
/// otherwise the id with every other character replaced by `-`. Two journeys whose stems
/// would differ only in letter case (or be equal) are refused, since on some file systems one
/// would overwrite the other.
pub fn file_stems<'a>(
    ids: impl Iterator<Item = &'a str>,
) -> Result<Vec<String>, crate::load::FatalError> {
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
            return Err(crate::load::FatalError::new(format!(
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
