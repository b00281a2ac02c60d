//! Findings new, resolved and newly waived, matched by [`Identity`] and counted, so that two
//! findings about one thing where there was one leave one new, whatever lines they are on.

use std::collections::HashMap;

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

pub fn compare<'a>(before: Side<'a>, after: Side<'a>) -> FindingChanges<'a> {
    let (bws, aws) = (before.workspace, after.workspace);
    let mut unmatched: HashMap<Identity, usize> = HashMap::new();
    for f in &before.analysis.findings {
        *unmatched.entry(f.identity(bws)).or_default() += 1;
    }
    let mut new = Vec::new();
    for f in &after.analysis.findings {
        match unmatched.get_mut(&f.identity(aws)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => new.push(f),
        }
    }
    // Of each identity, the last `unmatched` findings of `before` are the ones gone.
    let mut seen: HashMap<Identity, usize> = HashMap::new();
    let mut totals: HashMap<Identity, usize> = HashMap::new();
    for f in &before.analysis.findings {
        *totals.entry(f.identity(bws)).or_default() += 1;
    }
    let waived_after: std::collections::HashSet<Identity> = after
        .analysis
        .waived
        .iter()
        .map(|w| w.finding.identity(aws))
        .collect();
    let (mut resolved, mut waived) = (Vec::new(), Vec::new());
    for f in &before.analysis.findings {
        let id = f.identity(bws);
        let gone = unmatched.get(&id).copied().unwrap_or(0);
        let nth = seen.entry(id).or_default();
        *nth += 1;
        if *nth > totals[&id] - gone {
            if waived_after.contains(&id) {
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
