//! "Focus on these three": findings grouped into changes a VP can ask a department for, ranked
//! so the ranking can be defended (also in `docs/report.md`).
//!
//! **What a change reaches.** Each change reaches the customer-facing touchpoints its findings
//! reach: those they are about, or those the department owns or supports. Steps downstream of
//! a backstage team's work are shown as *context* but add nothing. A touchpoint counts once per
//! change, and each finding feeds at most one change.
//!
//! **Weight.** Each reached touchpoint weighs 1, plus 1 at a score of -1 or 2 at -2 (when it
//! has a `pain-point` finding), plus 1 when a metric misses its target (a `metric-off-target`
//! finding). The sum is the change's *impact*.
//!
//! **Order.** By the number of customer-facing touchpoints reached, then by severity (the
//! highest of the change's findings), then by impact, then by the order of the change's first
//! rule in the rule table, then by the change's sentence. So a change ranks above one of higher
//! severity only when it reaches strictly more customer-facing touchpoints, and among changes
//! of equal reach and severity the moments that hurt or miss their targets weigh more.
//! Findings that reach no customer-facing touchpoint are not priorities.

mod candidates;
mod change;

pub use change::Change;

use super::Marks;
use super::facts::Facts;
use super::finding::{Finding, Severity};
use super::rules::{self, Rule};
use crate::model::{DepartmentIdx, TouchpointRef, Workspace};

#[derive(Debug, Clone)]
pub struct Priority {
    pub change: Change,
    /// The departments to talk to (never empty when the workspace has departments).
    pub talk_to: Vec<DepartmentIdx>,
    /// The rules of its findings, in registry order.
    pub rules: Vec<&'static Rule>,
    /// The highest severity among its findings.
    pub severity: Severity,
    /// Customer-facing touchpoints reached, sorted.
    pub reach: Vec<TouchpointRef>,
    /// Touchpoints shown for context (downstream of the work), not counted; sorted.
    pub context: Vec<TouchpointRef>,
    /// Reach weighted by pain and missed targets (see the module docs).
    pub impact: u32,
    /// The findings it comes from, as indices into the analysis's findings.
    pub findings: Vec<usize>,
}

/// A priority before it is weighed.
struct Candidate {
    change: Change,
    talk_to: Vec<DepartmentIdx>,
    /// Indices of its findings.
    findings: Vec<usize>,
}

/// The weight of one reached touchpoint.
pub fn weight(marks: &Marks, ws: &Workspace, t: TouchpointRef) -> u32 {
    let pain = if marks.has(t, &rules::PAIN_POINT) {
        ws.touchpoint(t)
            .score
            .map_or(0, |s| u32::from((-s).max(0).unsigned_abs()))
    } else {
        0
    };
    1 + pain + u32::from(marks.has(t, &rules::METRIC_OFF_TARGET))
}

pub fn rank(ws: &Workspace, facts: &Facts, findings: &[Finding], marks: &Marks) -> Vec<Priority> {
    let candidates = candidates::all(ws, facts, findings);
    let mut ranked: Vec<(Priority, String)> = candidates
        .into_iter()
        .map(|c| weigh(ws, findings, marks, c))
        .filter(|p| !p.reach.is_empty())
        .map(|p| {
            let sentence = p.change.sentence(ws);
            (p, sentence)
        })
        .collect();
    ranked.sort_by(|(a, a_text), (b, b_text)| {
        b.reach
            .len()
            .cmp(&a.reach.len())
            .then(b.severity.cmp(&a.severity))
            .then(b.impact.cmp(&a.impact))
            .then(a.rules[0].index().cmp(&b.rules[0].index()))
            .then(a_text.cmp(b_text))
    });
    ranked.into_iter().map(|(p, _)| p).collect()
}

/// Gathers what a candidate's findings reach, its rules and severity, and its impact.
fn weigh(ws: &Workspace, findings: &[Finding], marks: &Marks, c: Candidate) -> Priority {
    let mut reach: Vec<TouchpointRef> = Vec::new();
    let mut context: Vec<TouchpointRef> = Vec::new();
    let mut rules: Vec<&'static Rule> = Vec::new();
    let mut severity = Severity::Info;
    for &i in &c.findings {
        let f = &findings[i];
        reach.extend(&f.reach);
        context.extend(&f.context);
        rules.push(f.rule);
        severity = severity.max(f.severity);
    }
    reach.sort_unstable();
    reach.dedup();
    context.sort_unstable();
    context.dedup();
    context.retain(|t| reach.binary_search(t).is_err());
    rules.sort_by_key(|r| r.index());
    rules.dedup();
    let impact = reach.iter().map(|&t| weight(marks, ws, t)).sum();
    Priority {
        change: c.change,
        talk_to: c.talk_to,
        rules,
        severity,
        reach,
        context,
        impact,
        findings: c.findings,
    }
}
