//! The tables of a diff that hold both versions side by side: hand-offs per journey, data
//! custody (who holds each data asset, and whether it is a silo) and the average score per
//! stage. Rows are matched by id (stages by name) and say whether they changed.

use std::collections::{HashMap, HashSet};

use super::{Change, Side};
use crate::analyse::finding::Subject;
use crate::analyse::rules;
use crate::model::{DataIdx, DepartmentIdx, Journey, JourneyIdx, Workspace};

/// A journey in either version, with its hand-offs in each.
#[derive(Debug)]
pub struct JourneyRow<'a> {
    pub id: &'a str,
    pub before: Option<JourneyIdx>,
    pub after: Option<JourneyIdx>,
    /// `next` steps that hand the customer from one team to another; `None` where the
    /// journey does not exist.
    pub handoffs: Change<Option<usize>>,
}

impl JourneyRow<'_> {
    pub fn changed(&self) -> bool {
        self.handoffs.before != self.handoffs.after
    }
}

/// A data asset in either version: who holds it (department indices of each version's
/// workspace, in the order written) and whether it is a silo.
#[derive(Debug)]
pub struct CustodyRow<'a> {
    pub id: &'a str,
    pub before: Option<DataIdx>,
    pub after: Option<DataIdx>,
    pub held_by: Change<Vec<DepartmentIdx>>,
    /// It has a `data-silo` finding.
    pub silo: Change<bool>,
    /// Its `data-silo` finding is waived in `after`: still a silo, set aside by a decision.
    pub silo_waived: bool,
    /// Added, removed, held by other departments (by id, in any order), or a silo that is no
    /// longer one (or the reverse).
    pub changed: bool,
}

/// The scores of a stage's touchpoints, added up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Average {
    pub sum: i64,
    pub count: usize,
}

impl Average {
    pub fn value(self) -> f64 {
        self.sum as f64 / self.count.max(1) as f64
    }

    /// The same average (compared exactly, as fractions).
    pub fn same(self, other: Average) -> bool {
        i128::from(self.sum) * other.count as i128 == i128::from(other.sum) * self.count as i128
    }
}

/// The average score of one stage of one journey, before and after; `None` where no
/// touchpoint of it has a score.
#[derive(Debug)]
pub struct StageScore<'a> {
    pub journey: &'a str,
    /// `None`: the touchpoints without a stage.
    pub stage: Option<&'a str>,
    pub average: Change<Option<Average>>,
}

impl StageScore<'_> {
    pub fn changed(&self) -> bool {
        match (self.average.before, self.average.after) {
            (Some(b), Some(a)) => !b.same(a),
            (None, None) => false,
            _ => true,
        }
    }
}

/// Ids of both versions: `after`'s in order, then those only `before` has, with the index of
/// each in each version.
fn union<'a>(
    before: impl Iterator<Item = &'a str>,
    after: impl Iterator<Item = &'a str>,
) -> Vec<(&'a str, Option<usize>, Option<usize>)> {
    let old: Vec<&str> = before.collect();
    let mut index: HashMap<&str, usize> = old.iter().enumerate().map(|(i, &id)| (id, i)).collect();
    let mut rows: Vec<(&str, Option<usize>, Option<usize>)> = after
        .enumerate()
        .map(|(i, id)| (id, index.remove(id), Some(i)))
        .collect();
    rows.extend(
        old.iter()
            .enumerate()
            .filter(|(_, id)| index.contains_key(*id))
            .map(|(i, &id)| (id, Some(i), None)),
    );
    rows
}

fn journey_ids(ws: &Workspace) -> impl Iterator<Item = &str> {
    ws.journeys.iter().map(|j| j.id.as_str())
}

pub fn journeys<'a>(before: Side<'a>, after: Side<'a>) -> Vec<JourneyRow<'a>> {
    let handoffs = |side: Side, j: Option<usize>| {
        j.map(|j| side.analysis.figures(side.workspace).journey_figures[j].handoffs)
    };
    union(journey_ids(before.workspace), journey_ids(after.workspace))
        .into_iter()
        .map(|(id, b, a)| JourneyRow {
            id,
            before: b,
            after: a,
            handoffs: Change {
                before: handoffs(before, b),
                after: handoffs(after, a),
            },
        })
        .collect()
}

pub fn custody<'a>(before: Side<'a>, after: Side<'a>) -> Vec<CustodyRow<'a>> {
    let ids = |ws: &'a Workspace| ws.data.iter().map(|d| d.id.as_str());
    let held = |side: Side, x: Option<usize>| {
        x.map(|x| side.workspace.data[x].held_by.clone())
            .unwrap_or_default()
    };
    let silo = |side: Side, x: Option<usize>| {
        x.is_some_and(|x| {
            side.analysis
                .figures(side.workspace)
                .data_silos
                .contains(&x)
        })
    };
    let sorted_ids = |ws: &'a Workspace, ds: &[DepartmentIdx]| {
        let mut v: Vec<&str> = ds.iter().map(|&d| ws.departments[d].id.as_str()).collect();
        v.sort_unstable();
        v
    };
    let waived_silos: HashSet<DataIdx> = after
        .analysis
        .waived
        .iter()
        .filter_map(|w| match w.finding.subject {
            Subject::Data(x) if w.finding.rule == &rules::DATA_SILO => Some(x),
            _ => None,
        })
        .collect();
    union(ids(before.workspace), ids(after.workspace))
        .into_iter()
        .map(|(id, b, a)| {
            let held_by = Change {
                before: held(before, b),
                after: held(after, a),
            };
            let silo = Change {
                before: silo(before, b),
                after: silo(after, a),
            };
            let silo_waived = a.is_some_and(|x| waived_silos.contains(&x));
            let changed = b.is_some() != a.is_some()
                || silo.before != silo.after
                || sorted_ids(before.workspace, &held_by.before)
                    != sorted_ids(after.workspace, &held_by.after);
            CustodyRow {
                id,
                before: b,
                after: a,
                held_by,
                silo,
                silo_waived,
                changed,
            }
        })
        .collect()
}

/// Per stage name (`None` for no stage): the scores added up, stages in the journey's order.
fn stage_averages(journey: &Journey) -> Vec<(Option<&str>, Average)> {
    let mut per: Vec<Average> = vec![Average::default(); journey.stages.len() + 1];
    for tp in &journey.touchpoints {
        if let Some(score) = tp.score {
            let a = &mut per[tp.stage.unwrap_or(journey.stages.len())];
            a.sum += i64::from(score);
            a.count += 1;
        }
    }
    journey
        .stages
        .iter()
        .map(|s| Some(s.as_str()))
        .chain([None])
        .zip(per)
        .filter(|(_, a)| a.count > 0)
        .collect()
}

pub fn stage_scores<'a>(before: &'a Workspace, after: &'a Workspace) -> Vec<StageScore<'a>> {
    let mut rows = Vec::new();
    for (id, b, a) in union(journey_ids(before), journey_ids(after)) {
        let old = b
            .map(|b| stage_averages(&before.journeys[b]))
            .unwrap_or_default();
        let new = a
            .map(|a| stage_averages(&after.journeys[a]))
            .unwrap_or_default();
        let find = |list: &[(Option<&str>, Average)], stage: Option<&str>| {
            list.iter().find(|(s, _)| *s == stage).map(|(_, a)| *a)
        };
        // Stages as `after` orders them, then those only `before` scored; no stage last.
        let mut stages: Vec<Option<&str>> = new.iter().filter_map(|(s, _)| *s).map(Some).collect();
        for (s, _) in &old {
            if s.is_some() && !stages.contains(s) {
                stages.push(*s);
            }
        }
        if find(&new, None).is_some() || find(&old, None).is_some() {
            stages.push(None);
        }
        rows.extend(stages.into_iter().map(|stage| StageScore {
            journey: id,
            stage,
            average: Change {
                before: find(&old, stage),
                after: find(&new, stage),
            },
        }));
    }
    rows
}
