//! `--format json`: the contract's shape, `{ "errors": [...], "findings": [...] }`, plus a
//! summary.

use serde::Serialize;

use super::CheckOutcome;
use crate::analyse::finding::Severity;

#[derive(Serialize)]
struct Output<'a> {
    errors: Vec<Error<'a>>,
    findings: Vec<Finding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Error<'a> {
    message: &'a str,
    file: String,
    line: usize,
    column: usize,
    help: Option<&'a str>,
}

/// A finding as the contract's JSON shows it (also used by the JSON report).
#[derive(Serialize)]
pub(crate) struct Finding<'a> {
    rule: &'a str,
    severity: Severity,
    journey: Option<&'a str>,
    subject: &'a str,
    message: &'a str,
    file: String,
    line: usize,
    column: usize,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    valid: bool,
    files: usize,
    journeys: usize,
    touchpoints: usize,
    departments: usize,
    error: usize,
    warning: usize,
    info: usize,
}

pub fn render(outcome: &CheckOutcome) -> String {
    let sources = outcome.loaded.sources();
    let ws = &outcome.loaded.workspace;
    let errors = outcome
        .loaded
        .problems
        .iter()
        .map(|p| {
            let loc = sources.locate(&p.span);
            Error {
                message: &p.message,
                file: loc.file,
                line: loc.line,
                column: loc.column,
                help: p.help.as_deref(),
            }
        })
        .collect();
    let findings = outcome
        .analysis
        .map(|a| {
            a.findings
                .iter()
                .map(|f| Finding::new(f, sources))
                .collect()
        })
        .unwrap_or_default();
    let count = |s| outcome.analysis.map_or(0, |a| a.count(s));
    let out = Output {
        errors,
        findings,
        summary: Summary {
            valid: outcome.loaded.problems.is_empty(),
            files: sources.len(),
            journeys: ws.journeys.len(),
            touchpoints: ws.touchpoint_count(),
            departments: ws.departments.len(),
            error: count(Severity::Error),
            warning: count(Severity::Warning),
            info: count(Severity::Info),
        },
    };
    let mut s = serde_json::to_string_pretty(&out).expect("plain data serialises");
    s.push('\n');
    s
}

impl<'a> Finding<'a> {
    pub(crate) fn new(
        f: &'a crate::analyse::finding::Finding,
        sources: &crate::load::source::Sources,
    ) -> Self {
        let loc = sources.locate(&f.span);
        Finding {
            rule: f.rule,
            severity: f.severity,
            journey: f.journey.as_deref(),
            subject: &f.subject,
            message: &f.message,
            file: loc.file,
            line: loc.line,
            column: loc.column,
            help: f.help.as_deref(),
        }
    }
}
