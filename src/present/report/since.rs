//! The report's "What changed since REV" section (`cxmap report --since REV`): the headline
//! figures before and after, the data silos that appeared and those that were resolved, and
//! how many findings are new or resolved. Laid out from the same [`Diff`] as `cxmap diff`,
//! with names for people instead of ids.

use serde::Serialize;

use super::view::department_name;
use crate::analyse::diff::Trend;
use crate::analyse::diff::{Change, CustodyRow, Diff, Headline};
use crate::model::Workspace;
use crate::present::diff::headline_rows;

/// What changed since an earlier version, names resolved.
#[derive(Serialize, Clone, Debug)]
pub struct Since {
    /// The revision as the user gave it, e.g. `v2026-q3`.
    pub revision: String,
    /// Its commit, abbreviated as people quote it.
    pub commit: String,
    pub figures: Vec<FigureChange>,
    /// The same figures as numbers, for JSON.
    #[serde(skip)]
    pub headline: Change<Headline>,
    /// Data held by one team now that was not a silo before.
    pub new_silos: Vec<SiloChange>,
    /// Data that was a silo and no longer is.
    pub resolved_silos: Vec<SiloChange>,
    /// Data that was a silo and still is, its finding now waived (a decision, not a fix).
    pub waived_silos: Vec<SiloChange>,
    pub new_findings: usize,
    pub resolved_findings: usize,
    /// Findings of the earlier version that a waiver now sets aside.
    pub waived_findings: usize,
    pub touchpoints_added: usize,
    pub touchpoints_removed: usize,
    pub touchpoints_changed: usize,
}

/// One headline figure, before and after.
#[derive(Serialize, Clone, Debug)]
pub struct FigureChange {
    pub label: &'static str,
    pub before: String,
    pub after: String,
    pub trend: Trend,
}

/// A data asset whose silo appeared or went away.
#[derive(Serialize, Clone, Debug)]
pub struct SiloChange {
    pub id: String,
    pub data: String,
    /// Who holds it now: the sole holder of a new or waived silo, every holder of a resolved
    /// one (empty when the data is gone).
    pub held_by: Vec<String>,
}

impl Since {
    pub fn new(diff: &Diff, revision: &str, commit: &str) -> Since {
        let (before, after) = (diff.before.workspace, diff.after.workspace);
        // Each silo named as the version it is about knows it, held by whom it is held now.
        let silos = |keep: fn(&CustodyRow) -> bool, named_before: bool| -> Vec<SiloChange> {
            diff.custody
                .iter()
                .filter(|r| keep(r))
                .map(|r| SiloChange {
                    id: r.id.to_owned(),
                    data: if named_before {
                        data_name(before, r, r.before)
                    } else {
                        data_name(after, r, r.after)
                    },
                    held_by: holders(after, r.after),
                })
                .collect()
        };
        let new_silos = silos(|r| r.silo.after && !r.silo.before, false);
        let resolved_silos = silos(|r| r.silo.before && !r.silo.after && !r.silo_waived, true);
        let waived_silos = silos(|r| r.silo.before && r.silo_waived, false);
        Since {
            revision: revision.to_owned(),
            commit: commit.to_owned(),
            figures: headline_rows(diff)
                .into_iter()
                .map(|row| FigureChange {
                    label: row.label,
                    before: row.before,
                    after: row.after,
                    trend: row.trend,
                })
                .collect(),
            headline: diff.figures,
            new_silos,
            resolved_silos,
            waived_silos,
            new_findings: diff.findings.new.len(),
            resolved_findings: diff.findings.resolved.len(),
            waived_findings: diff.findings.waived.len(),
            touchpoints_added: diff.touchpoints.added.len(),
            touchpoints_removed: diff.touchpoints.removed.len(),
            touchpoints_changed: diff.touchpoints.changed.len(),
        }
    }
}

/// A data asset's name in the version that has it (its id if none does).
fn data_name(ws: &Workspace, row: &CustodyRow, data: Option<usize>) -> String {
    data.map_or_else(|| row.id.to_owned(), |d| ws.data[d].name.clone())
}

/// The names of the departments holding a data asset of `ws`, none when it is not there.
fn holders(ws: &Workspace, data: Option<usize>) -> Vec<String> {
    data.map(|d| {
        ws.data[d]
            .held_by
            .iter()
            .map(|&h| department_name(ws, h))
            .collect()
    })
    .unwrap_or_default()
}
