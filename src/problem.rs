//! Invalid input: something wrong with what a user wrote, pointed at a place in a file, with
//! a plain message and a hint. Loading and configuration both report them; presenters show
//! them; a workspace with any is never analysed. A [`SheetProblem`] is the same for a
//! spreadsheet, pointed at a sheet, row and column instead of a byte span.
//!
//! Architecture invariant: depends only on [`crate::source`].

use crate::source::{CellPlace, Span};

/// The name CI outputs give invalid input where they want a rule name (SARIF's rule id,
/// GitLab's `check_name`). Not a rule: no configuration can turn it off or waive it.
pub const INVALID_INPUT: &str = "invalid-input";

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

/// Something wrong in a spreadsheet or CSV file, pointed at its sheet, row and column: what
/// `import` and `metrics` report where `check` would report a [`Problem`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SheetProblem {
    pub at: CellPlace,
    pub message: String,
    pub help: Option<String>,
}

impl SheetProblem {
    pub fn new(at: CellPlace, message: impl Into<String>) -> Self {
        SheetProblem {
            at,
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
