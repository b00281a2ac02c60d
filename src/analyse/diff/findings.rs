//! Findings new, resolved and newly waived, matched by [`Identity`] and counted, so that two
//! findings about one thing where there was one leave one new, whatever lines they are on.

use std::collections::{HashMap, HashSet};

use super::Side;
use crate::analyse::finding::{Finding, Severity};
use crate::analyse::fingerprint::Identity;

/// How the findings changed.
pub struct FindingChanges<'a> {
    /// Findings of `after` that `before` did not have, in `after`'s order.
    pub new: Vec<&'a Finding>,
    /// Findings of `before` that are gone from `after`, in `before`'s order.
    pub resolved: Vec<&'a Finding>,
    /// Findings of `before` that `after` waives: not resolved, decided on (in `before`'s
    /// order).
    pub waived: Vec<&'a Finding>,
}

impl FindingChanges<'_> {
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.resolved.is_empty() && self.waived.is_empty()
    }

    /// Is there a new finding of at least this severity?
    pub fn new_at_least(&self, severity: Severity) -> bool {
        self.new.iter().any(|f| f.severity >= severity)
    }
}

/// Per identity: findings of `before`, those of them `after` matched, those seen so far.
#[derive(Default)]
struct Tally {
    before: usize,
    matched: usize,
    seen: usize,
}

pub fn compare<'a>(before: Side<'a>, after: Side<'a>) -> FindingChanges<'a> {
    let (bws, aws) = (before.workspace, after.workspace);
    let old: Vec<Identity> = before
        .analysis
        .findings
        .iter()
        .map(|f| f.identity(bws))
        .collect();
    let mut tally: HashMap<Identity, Tally> = HashMap::with_capacity(old.len());
    for id in &old {
        tally.entry(*id).or_default().before += 1;
    }
    let mut new = Vec::new();
    for f in &after.analysis.findings {
        match tally.get_mut(&f.identity(aws)) {
            Some(t) if t.matched < t.before => t.matched += 1,
            _ => new.push(f),
        }
    }
    let waived_after: HashSet<Identity> = after
        .analysis
        .waived
        .iter()
        .map(|w| w.finding.identity(aws))
        .collect();
    // Of each identity, the findings of `before` past the matched ones are gone.
    let (mut resolved, mut waived) = (Vec::new(), Vec::new());
    for (f, id) in before.analysis.findings.iter().zip(&old) {
        let t = tally
            .get_mut(id)
            .expect("every identity of `before` is counted");
        t.seen += 1;
        if t.seen > t.matched {
            if waived_after.contains(id) {
                waived.push(f);
            } else {
                resolved.push(f);
            }
        }
    }
    FindingChanges {
        new,
        resolved,
        waived,
    }
}
