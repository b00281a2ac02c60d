//! The baseline gate: a team adopting cxmap on an existing map records what it finds today
//! (an earlier JSON output, or the workspace at a git revision) and from then on sees, and
//! fails on, only what is new. Findings are matched by what they are about ([`Identity`]),
//! never by line, and counted: two findings about the same thing where the baseline had one
//! leave one new.

use std::collections::HashMap;

use super::Analysis;
use super::fingerprint::Identity;
use crate::load::baseline::Baseline;
use crate::model::Workspace;

/// What was known before, with how many findings of each identity.
#[derive(Debug, Default)]
pub struct Known<'a> {
    counts: HashMap<Identity<'a>, usize>,
}

impl<'a> Known<'a> {
    /// The findings of a baseline file.
    pub fn from_baseline(baseline: &'a Baseline) -> Known<'a> {
        let mut known = Known::default();
        for f in &baseline.findings {
            known.add(Identity {
                rule: &f.rule,
                journey: f.journey.as_deref(),
                subject: &f.subject,
                detail: f.detail.as_deref(),
            });
        }
        known
    }

    /// The findings of an earlier analysis (waived ones aside, as a JSON output has them).
    pub fn from_analysis(analysis: &Analysis, ws: &'a Workspace) -> Known<'a> {
        let mut known = Known::default();
        for f in &analysis.findings {
            known.add(f.identity(ws));
        }
        known
    }

    fn add(&mut self, id: Identity<'a>) {
        *self.counts.entry(id).or_default() += 1;
    }

    /// How many findings are known.
    pub fn len(&self) -> usize {
        self.counts.values().sum()
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }
}

impl Analysis {
    /// Moves the findings the baseline knows into `known`, leaving in `findings` only the new
    /// ones, which are what outputs show and the exit status counts. The figures keep counting
    /// every finding.
    pub fn set_aside_known(&mut self, ws: &Workspace, known: &Known) {
        let mut left: HashMap<Identity, usize> =
            known.counts.iter().map(|(id, n)| (*id, *n)).collect();
        let (mut new, mut old) = (Vec::new(), Vec::new());
        for f in std::mem::take(&mut self.findings) {
            match left.get_mut(&f.identity(ws)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    old.push(f);
                }
                _ => new.push(f),
            }
        }
        self.findings = new;
        self.known = Some(old);
        self.marks = super::Marks::new(ws, &self.findings);
        // Figures follow the findings shown.
        self.figures = std::sync::OnceLock::new();
    }

    /// How many findings the baseline knew (not shown); `None` without a baseline.
    pub fn known_count(&self) -> Option<usize> {
        self.known.as_ref().map(Vec::len)
    }
}
