//! Waivers: findings a team has decided to live with, each with its reason (`[[allow]]` in
//! `cxmap.toml`). A waiver in force leaves out every finding it matches; waived findings are
//! kept apart, each with the reason of the first matching waiver in file order, so every
//! output can still show them. `unused-waiver` and `expired-waiver` then look at what the
//! waivers did.

use super::finding::{Finding, WaiverRef};
use super::rules::{RULES, Rule};
use super::settings::Settings;
use crate::model::{Date, JourneyIdx, Workspace};
use crate::source::Span;

/// A valid `[[allow]]`.
#[derive(Debug, Clone)]
pub struct Waiver {
    pub rule: &'static Rule,
    pub journey: Option<JourneyIdx>,
    pub subject: Option<String>,
    pub detail: Option<String>,
    pub reason: String,
    /// The waiver ends after this day.
    pub until: Option<Date>,
    /// The `[[allow]]` table.
    pub at: Span,
}

impl Waiver {
    /// Today is on or before `until`, or there is none.
    pub fn in_force(&self, today: Date) -> bool {
        self.until.is_none_or(|until| today <= until)
    }

    /// It names the finding's rule, and its journey, subject and detail (each when given)
    /// equal the finding's.
    pub fn matches(&self, f: &Finding, ws: &Workspace) -> bool {
        f.rule == self.rule
            && self.journey.is_none_or(|j| f.journey == Some(j))
            && self
                .subject
                .as_deref()
                .is_none_or(|s| f.subject.id(ws) == s)
            && self
                .detail
                .as_deref()
                .is_none_or(|d| f.detail.is_some_and(|x| x.id(ws) == d))
    }
}

/// A waived finding and the waiver whose reason it carries.
#[derive(Debug, Clone)]
pub struct Waived {
    pub finding: Finding,
    /// Index into the waivers: the first in file order that matches.
    pub waiver: usize,
}

/// What the waiver rules look at: the waivers, which of them matched a finding, today, and
/// which rules are on.
pub struct WaiverContext<'a> {
    pub waivers: &'a [Waiver],
    /// Per waiver: it waived at least one finding.
    pub matched: &'a [bool],
    pub today: Date,
    pub settings: &'a Settings,
}

impl WaiverContext<'_> {
    pub fn reference(&self, index: usize) -> WaiverRef {
        let w = &self.waivers[index];
        WaiverRef {
            index,
            rule: w.rule,
            until: w.until,
        }
    }
}

/// Splits the findings into those kept and those waived; says which waivers matched.
pub fn apply(
    findings: Vec<Finding>,
    waivers: &[Waiver],
    today: Date,
    ws: &Workspace,
) -> (Vec<Finding>, Vec<Waived>, Vec<bool>) {
    let mut matched = vec![false; waivers.len()];
    if waivers.is_empty() {
        return (findings, Vec::new(), matched);
    }
    // The waivers in force of each rule, in file order.
    let mut by_rule: Vec<Vec<usize>> = vec![Vec::new(); RULES.len()];
    for (i, w) in waivers.iter().enumerate() {
        if w.in_force(today) {
            by_rule[w.rule.index()].push(i);
        }
    }
    let mut kept = Vec::with_capacity(findings.len());
    let mut waived = Vec::new();
    for f in findings {
        let mut first = None;
        for &i in &by_rule[f.rule.index()] {
            if waivers[i].matches(&f, ws) {
                matched[i] = true;
                first.get_or_insert(i);
            }
        }
        match first {
            Some(waiver) => waived.push(Waived { finding: f, waiver }),
            None => kept.push(f),
        }
    }
    (kept, waived, matched)
}
