//! Findings: what a rule says about one subject, as typed data. A finding names its rule (a
//! reference into the registry), its subject and detail as indices into the model, the one
//! place it points at, and the customer-facing touchpoints it reaches. Its message is derived
//! from those by the rule, in ids for the linter or in names for the report; only presenters
//! ask for it.

use std::fmt;

use serde::Serialize;

use super::names::Names;
use super::rules::Rule;
use crate::model::{DataIdx, Date, DepartmentIdx, JourneyIdx, TouchpointRef, Workspace};
use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

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

/// What a finding is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    Touchpoint(TouchpointRef),
    Journey(JourneyIdx),
    Department(DepartmentIdx),
    Data(DataIdx),
    /// A waiver in `cxmap.toml`; the contract names it by its rule.
    Waiver(WaiverRef),
}

/// A waiver, as a finding about it needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WaiverRef {
    /// Its place among the `[[allow]]` tables.
    pub index: usize,
    pub rule: &'static Rule,
    pub until: Option<Date>,
}

impl Subject {
    /// The subject's id, as the contract's JSON shows it (a waiver's is its rule's name).
    pub fn id(self, ws: &Workspace) -> &str {
        match self {
            Subject::Touchpoint(t) => &ws.touchpoint(t).id,
            Subject::Journey(j) => &ws.journeys[j].id,
            Subject::Department(d) => &ws.departments[d].id,
            Subject::Data(d) => &ws.data[d].id,
            Subject::Waiver(w) => w.rule.name,
        }
    }

    pub fn touchpoint(self) -> Option<TouchpointRef> {
        match self {
            Subject::Touchpoint(t) => Some(t),
            _ => None,
        }
    }
}

/// What tells apart findings of one rule on one subject: a data asset, or a metric of the
/// subject touchpoint (its place in the touchpoint's metrics).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Detail {
    Data(DataIdx),
    Metric(TouchpointRef, usize),
}

impl Detail {
    /// The detail's id, as the contract's JSON shows it: the data id or the metric name.
    pub fn id(self, ws: &Workspace) -> &str {
        match self {
            Detail::Data(d) => &ws.data[d].id,
            Detail::Metric(t, m) => &ws.touchpoint(t).metrics[m].name,
        }
    }
}

/// One finding of one rule.
#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: &'static Rule,
    /// After the workspace's settings.
    pub severity: Severity,
    /// The journey it belongs to, for per-journey rules.
    pub journey: Option<JourneyIdx>,
    pub subject: Subject,
    pub detail: Option<Detail>,
    /// The one place it points at, in every output: the key or value it is about.
    pub at: Span,
    /// Customer-facing touchpoints this finding reaches directly: those it is about, or those
    /// its subject owns or supports. Sorted, distinct.
    pub reach: Vec<TouchpointRef>,
    /// Other touchpoints the finding names without reaching them: the first customer-facing
    /// steps downstream of a backstage team's work. Sorted, distinct, none in `reach`.
    pub context: Vec<TouchpointRef>,
}

impl Finding {
    /// A finding of `rule` with its default severity, reaching nothing yet.
    pub fn new(rule: &'static Rule, subject: Subject, at: Span) -> Finding {
        Finding {
            rule,
            severity: rule.default_severity,
            journey: None,
            subject,
            detail: None,
            at,
            reach: Vec::new(),
            context: Vec::new(),
        }
    }

    #[must_use]
    pub fn in_journey(mut self, journey: JourneyIdx) -> Finding {
        self.journey = Some(journey);
        self
    }

    #[must_use]
    pub fn with_detail(mut self, detail: Detail) -> Finding {
        self.detail = Some(detail);
        self
    }

    /// Sets the touchpoints reached (sorted and made distinct here).
    #[must_use]
    pub fn reaching(mut self, touchpoints: impl IntoIterator<Item = TouchpointRef>) -> Finding {
        self.reach = sorted(touchpoints);
        self
    }

    /// Sets the touchpoints named as context (those also reached are left out).
    #[must_use]
    pub fn with_context(mut self, touchpoints: impl IntoIterator<Item = TouchpointRef>) -> Finding {
        let mut context = sorted(touchpoints);
        context.retain(|t| self.reach.binary_search(t).is_err());
        self.context = context;
        self
    }

    /// The short message, names in backticks (or, for people, display names).
    pub fn message(&self, names: &Names) -> String {
        (self.rule.message)(self, names)
    }

    /// What to do about it.
    pub fn help(&self, names: &Names) -> String {
        (self.rule.help)(self, names)
    }

    /// The reached touchpoints, then the context, in order: what the message names.
    pub fn touchpoints_named(&self) -> Vec<TouchpointRef> {
        let mut all: Vec<TouchpointRef> = self.reach.iter().chain(&self.context).copied().collect();
        all.sort_unstable();
        all
    }
}

fn sorted(touchpoints: impl IntoIterator<Item = TouchpointRef>) -> Vec<TouchpointRef> {
    let mut v: Vec<TouchpointRef> = touchpoints.into_iter().collect();
    v.sort_unstable();
    v.dedup();
    v
}
