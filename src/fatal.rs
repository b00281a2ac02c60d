//! "The command cannot run": a path that does not exist, an output that cannot be written,
//! a browser that is not installed. Exit status 2, as opposed to invalid input (a
//! [`crate::problem::Problem`], exit status 1).
//!
//! Architecture invariant: a leaf; any layer may return one.

use std::fmt;

/// The command cannot run (exit status 2).
#[derive(Debug)]
pub struct FatalError {
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for FatalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FatalError {}

impl FatalError {
    pub fn new(message: impl Into<String>) -> Self {
        FatalError {
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
