//! Findings: what a rule says about one subject. Plain data; presenters decide how it looks.

use std::fmt;

use serde::Serialize;

use crate::load::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A touchpoint: its journey's index in the workspace and its index in the journey.
pub type TouchpointRef = (usize, usize);

/// One finding of one rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// The journey it belongs to, for per-journey rules.
    pub journey: Option<String>,
    /// The id the finding is about: a touchpoint, data, journey or department id.
    pub subject: String,
    /// Short lowercase phrase, names in backticks, no final period.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The subject's table: where the finding is reported (file, line, column).
    pub span: Span,
    /// The value to underline in a code view (the offending value, or the subject's id).
    pub marker: Span,
    /// Customer-facing touchpoints this finding reaches, as (journey, touchpoint) indices
    /// into the workspace; used to rank priorities. Empty when it reaches none directly.
    pub reach: Vec<TouchpointRef>,
}
