//! The diff between two versions of a workspace: what a change to the journey files did to
//! the silos. Findings new and resolved (matched by what they are about, never by line),
//! touchpoints added, removed and changed, hand-offs per journey, data custody and the average
//! score per stage before and after, and the headline figures of both versions.
//!
//! A [`Diff`] is computed once from two checked workspaces and holds references into both
//! sides (`before` and `after`), so that every presenter (`cxmap diff` in text, Markdown and
//! JSON, and the report's "what changed" section) lays out the same value and decides nothing.
//! Things are matched by id: journeys by id, touchpoints by journey and id, data by id, stages
//! by name. Everything is linear in the size of both workspaces.

mod findings;
mod headline;
mod tables;
mod touchpoints;

pub use findings::FindingChanges;
pub use headline::{Amount, Figure, FigureChange, Headline, Trend};
pub use tables::{Average, CustodyRow, JourneyRow, StageScore};
pub use touchpoints::{Field, TouchpointChange, TouchpointChanges};

use super::{Analysis, Checked};
use crate::model::Workspace;

/// One version of the workspace: its model and its analysis.
#[derive(Clone, Copy)]
pub struct Side<'a> {
    pub workspace: &'a Workspace,
    pub analysis: &'a Analysis,
}

impl<'a> Side<'a> {
    /// A checked workspace as a side of a diff; `None` when it is invalid (not analysed).
    pub fn of(checked: &'a Checked) -> Option<Side<'a>> {
        Some(Side {
            workspace: &checked.workspace,
            analysis: checked.analysis.as_ref()?,
        })
    }
}

/// A value before and after.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Change<T> {
    pub before: T,
    pub after: T,
}

impl<T> Change<T> {
    /// Both values turned into something else the same way.
    pub fn map<U>(&self, f: impl Fn(&T) -> U) -> Change<U> {
        Change {
            before: f(&self.before),
            after: f(&self.after),
        }
    }
}

/// What changed between two versions of a workspace.
pub struct Diff<'a> {
    pub before: Side<'a>,
    pub after: Side<'a>,
    pub figures: Change<Headline>,
    pub findings: FindingChanges<'a>,
    pub touchpoints: TouchpointChanges,
    /// Every journey of either version: those of `after` in order, then those only `before`
    /// had.
    pub journeys: Vec<JourneyRow<'a>>,
    /// Every data asset of either version, in the same order.
    pub custody: Vec<CustodyRow<'a>>,
    /// Every stage with a scored touchpoint in either version (and, per journey, the scored
    /// touchpoints without a stage, last), journeys as above, stages in `after`'s order.
    pub stage_scores: Vec<StageScore<'a>>,
}

impl<'a> Diff<'a> {
    /// Compares two valid, checked versions of a workspace. For a git revision, load the old
    /// version with `load::git::load_revision` and check it like the working tree.
    ///
    /// ```
    /// use cxmap::analyse::{self, diff::{Diff, Side}, rules};
    /// use cxmap::load::load_texts;
    /// use cxmap::model::Date;
    ///
    /// let today = Date::new(2026, 11, 26);
    /// let org = "[[department]]\nid = \"sales\"\ncustomer_facing = true\nchampion = \"Ana\"\n\
    ///            [[department]]\nid = \"care\"\ncustomer_facing = true\nchampion = \"Bo\"\n";
    /// let old = analyse::check(
    ///     load_texts(&[("org.toml", &format!("{org}[[data]]\nid = \"contract\"\nheld_by = [\"sales\"]\n"))]),
    ///     today,
    /// );
    /// let new = analyse::check(
    ///     load_texts(&[("org.toml", &format!("{org}[[data]]\nid = \"contract\"\nheld_by = [\"sales\", \"care\"]\n"))]),
    ///     today,
    /// );
    /// let diff = Diff::new(Side::of(&old).unwrap(), Side::of(&new).unwrap());
    /// assert_eq!((diff.figures.before.data_silos, diff.figures.after.data_silos), (1, 0));
    /// let resolved_silos: Vec<_> = diff.findings.resolved.iter()
    ///     .filter(|f| f.rule == &rules::DATA_SILO)
    ///     .map(|f| f.subject.id(&old.workspace))
    ///     .collect();
    /// assert_eq!(resolved_silos, ["contract"]);
    /// ```
    pub fn new(before: Side<'a>, after: Side<'a>) -> Diff<'a> {
        Diff {
            before,
            after,
            figures: Change {
                before: Headline::of(before),
                after: Headline::of(after),
            },
            findings: findings::compare(before, after),
            touchpoints: touchpoints::compare(before.workspace, after.workspace),
            journeys: tables::journeys(before, after),
            custody: tables::custody(before, after),
            stage_scores: tables::stage_scores(before.workspace, after.workspace),
        }
    }

    /// Nothing changed that the diff looks at.
    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
            && self.touchpoints.is_empty()
            && self.figures.before == self.figures.after
            && self.journeys.iter().all(|r| !r.changed())
            && self.custody.iter().all(|r| !r.changed)
            && self.stage_scores.iter().all(|r| !r.changed())
    }
}
