//! Analyse: the validated model in, findings (and the graphs they were computed on) out.
//!
//! Rules only build [`Finding`] values; presenters decide how they look. Findings come in the
//! contract's stable order: file, line, rule, subject.

pub mod figures;
pub mod finding;
pub mod graph;
pub mod priorities;
pub mod rules;

use finding::{Finding, Severity};
use graph::JourneyGraph;
use rules::{Context, RULES};

use crate::load::RuleSettings;
use crate::model::Workspace;

pub struct Analysis {
    /// One per journey, in workspace order.
    pub graphs: Vec<JourneyGraph>,
    /// Sorted by file, line, rule, subject; rules set to `off` produce none.
    pub findings: Vec<Finding>,
}

impl Analysis {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

pub fn analyse(workspace: &Workspace, settings: &RuleSettings) -> Analysis {
    let graphs: Vec<JourneyGraph> = workspace.journeys.iter().map(JourneyGraph::build).collect();
    let cx = Context {
        workspace,
        graphs: &graphs,
    };
    let mut findings = Vec::new();
    for rule in RULES {
        let Some(severity) = settings.severity(rule.name, rule.default_severity) else {
            continue;
        };
        let start = findings.len();
        (rule.check)(&cx, &mut findings);
        for f in &mut findings[start..] {
            f.severity = severity;
        }
    }
    let sources = &workspace.sources;
    // The contract's order: file, line, rule, subject (then journey and message, so that
    // findings equal in those four still come out the same way every time).
    let line = |f: &Finding| sources.get(f.span.file).line_col(f.span.range.start).0;
    findings.sort_by_cached_key(|f| {
        (
            sources.get(f.span.file).display.clone(),
            line(f),
            f.rule,
            f.subject.clone(),
            f.journey.clone(),
            f.message.clone(),
        )
    });
    Analysis { graphs, findings }
}
