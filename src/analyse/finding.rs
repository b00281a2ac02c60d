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
    /// Customer-facing touchpoints this finding reaches (ids in the finding's journey), used
    /// to rank priorities; empty for workspace-wide findings that reach none directly.
    pub reach: Vec<String>,
}
