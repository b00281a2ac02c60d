//! The figures behind the report: headline numbers, department scorecards, the ownership
//! heatmap, data custody and per-journey figures. Computed once here; the report presenters
//! only lay them out.

use std::collections::BTreeSet;

use serde::Serialize;

use super::Analysis;
use super::priorities::{self, Priority};
use crate::model::{DepartmentIdx, Workspace};

#[derive(Debug, Serialize)]
pub struct Figures {
    pub journeys: usize,
    pub touchpoints: usize,
    pub customer_facing_touchpoints: usize,
    pub departments: usize,
    pub ownership: Ownership,
    /// Ids of data held by exactly one department.
    pub data_silos: Vec<String>,
    /// Ids of data held by no department.
    pub unowned_data: Vec<String>,
    /// Ids of journeys with an `ends-at-purchase` finding.
    pub journeys_ending_at_purchase: Vec<String>,
    /// Ids of backstage departments with a `backstage-influence` finding.
    pub backstage_departments_affecting_customers: Vec<String>,
    /// Ids of departments that own or support a customer-facing touchpoint and have no champion.
    pub customer_touching_departments_without_champion: Vec<String>,
    /// Ranked, most customer impact first.
    pub priorities: Vec<Priority>,
    pub scorecards: Vec<Scorecard>,
    pub heatmap: Heatmap,
    pub custody: Vec<CustodyRow>,
    pub journey_figures: Vec<JourneyFigures>,
    pub findings: FindingCounts,
}

#[derive(Debug, Serialize)]
pub struct Ownership {
    pub single: usize,
    pub shared: usize,
    pub none: usize,
    /// Share of touchpoints with exactly one owner, 0..=1 (1 when there are none).
    pub coverage: f64,
}

#[derive(Debug, Serialize, Default)]
pub struct FindingCounts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

#[derive(Debug, Serialize)]
pub struct Scorecard {
    pub department: String,
    pub name: String,
    pub customer_facing: bool,
    pub champion: Option<String>,
    /// Touchpoints it owns (alone or with others).
    pub owned: usize,
    pub owned_customer_facing: usize,
    /// Touchpoints that list it in `supported_by`.
    pub supported: usize,
    /// Owned touchpoints with a score of -1 or -2.
    pub pain_points_owned: usize,
    /// Ids of data only this department holds.
    pub data_held_alone: Vec<String>,
    /// Ids of journeys it owns, or owns or supports a touchpoint in.
    pub journeys: Vec<String>,
    /// `next` steps from a touchpoint it owns (first owner) to one another department owns.
    pub handoffs_out: usize,
    /// `next` steps into a touchpoint it owns (first owner) from one another department owns.
    pub handoffs_in: usize,
}

/// Touchpoints owned per department and stage, across journeys: one column per stage of each
/// journey, journeys in workspace order. A journey without stages has one column, `(all)`;
/// touchpoints without a stage in a journey with stages have a `(no stage)` column.
#[derive(Debug, Serialize)]
pub struct Heatmap {
    /// (journey id, stage name) per column.
    pub columns: Vec<(String, String)>,
    /// One row per department, in workspace order: (department id, counts per stage).
    pub rows: Vec<(String, Vec<usize>)>,
    pub max: usize,
}

#[derive(Debug, Serialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Custody {
    Holds,
    UsesWithoutHolding,
    None,
}

#[derive(Debug, Serialize)]
pub struct CustodyRow {
    pub data: String,
    pub name: String,
    pub silo: bool,
    /// One per department, in workspace order.
    pub cells: Vec<Custody>,
}

#[derive(Debug, Serialize)]
pub struct JourneyFigures {
    pub journey: String,
    pub touchpoints: usize,
    pub customer_facing: usize,
    /// `next` steps between touchpoints whose (first) owners differ.
    pub handoffs: usize,
    /// Customer-facing touchpoints after a purchase.
    pub customer_facing_after_purchase: usize,
    /// Scores in stage order, then file order: (touchpoint id, name, score).
    pub emotion: Vec<(String, String, i8)>,
    /// (touchpoint name, metric, value), in file order.
    pub metrics: Vec<(String, String, f64)>,
    pub findings: FindingCounts,
}

pub fn compute(ws: &Workspace, analysis: &Analysis) -> Figures {
    let n_depts = ws.departments.len();
    let all_tps = || ws.journeys.iter().flat_map(|j| j.touchpoints.iter());
    let touchpoints = ws.touchpoint_count();
    let (mut single, mut shared, mut none) = (0, 0, 0);
    for tp in all_tps() {
        match tp.owners.len() {
            0 => none += 1,
            1 => single += 1,
            _ => shared += 1,
        }
    }
    let ids_of = |rule: &str| -> Vec<String> {
        let set: BTreeSet<&str> = analysis
            .findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.subject.as_str())
            .collect();
        set.into_iter().map(str::to_owned).collect()
    };

    // Per department tallies.
    let mut owned = vec![0usize; n_depts];
    let mut owned_cf = vec![0usize; n_depts];
    let mut supported = vec![0usize; n_depts];
    let mut pains = vec![0usize; n_depts];
    let mut touches_customers = vec![false; n_depts];
    let mut journeys_of: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n_depts];
    let mut out_ = vec![0usize; n_depts];
    let mut in_ = vec![0usize; n_depts];
    let mut journey_figures = Vec::new();
    let mut columns: Vec<(String, String)> = Vec::new();
    let mut heat: Vec<Vec<usize>> = vec![Vec::new(); n_depts];
    let mut custody = vec![vec![Custody::None; n_depts]; ws.data.len()];
    for (d, data) in ws.data.iter().enumerate() {
        for &h in &data.held_by {
            custody[d][h] = Custody::Holds;
        }
    }
    for (ji, j) in ws.journeys.iter().enumerate() {
        if let Some(o) = j.owner {
            journeys_of[o].insert(ji);
        }
        // This journey's columns: its stages, then `(no stage)` if some touchpoint has none.
        let first_col = columns.len();
        if j.stages.is_empty() {
            columns.push((j.id.clone(), "(all)".to_owned()));
        } else {
            columns.extend(j.stages.iter().map(|s| (j.id.clone(), s.clone())));
            if j.touchpoints.iter().any(|t| t.stage.is_none()) {
                columns.push((j.id.clone(), "(no stage)".to_owned()));
            }
        }
        let mut handoffs = 0;
        for tp in &j.touchpoints {
            for &d in &tp.owners {
                owned[d] += 1;
                journeys_of[d].insert(ji);
                if tp.is_customer_facing() {
                    owned_cf[d] += 1;
                    touches_customers[d] = true;
                }
                if tp.score.is_some_and(|s| s <= -1) {
                    pains[d] += 1;
                }
                let col = match tp.stage {
                    Some(s) => first_col + s,
                    None if j.stages.is_empty() => first_col,
                    None => first_col + j.stages.len(),
                };
                if heat[d].len() <= col {
                    heat[d].resize(col + 1, 0);
                }
                heat[d][col] += 1;
                for &data in &tp.uses {
                    if custody[data][d] == Custody::None {
                        custody[data][d] = Custody::UsesWithoutHolding;
                    }
                }
            }
            for &d in &tp.supported_by {
                supported[d] += 1;
                journeys_of[d].insert(ji);
                if tp.is_customer_facing() {
                    touches_customers[d] = true;
                }
            }
            for step in &tp.next {
                let from = tp.owners.first();
                let to = j.touchpoints[step.to].owners.first();
                if let (Some(&a), Some(&b)) = (from, to)
                    && a != b
                {
                    out_[a] += 1;
                    in_[b] += 1;
                }
                if from != to {
                    handoffs += 1;
                }
            }
        }
        let graph = &analysis.graphs[ji];
        let mut scored: Vec<(usize, usize)> = j
            .touchpoints
            .iter()
            .enumerate()
            .filter(|(_, t)| t.score.is_some())
            .map(|(i, t)| (t.stage.unwrap_or(usize::MAX), i))
            .collect();
        scored.sort_unstable();
        let mut counts = FindingCounts::default();
        for f in analysis
            .findings
            .iter()
            .filter(|f| f.journey.as_deref() == Some(j.id.as_str()))
        {
            count(&mut counts, f.severity);
        }
        journey_figures.push(JourneyFigures {
            journey: j.id.clone(),
            touchpoints: j.touchpoints.len(),
            customer_facing: j
                .touchpoints
                .iter()
                .filter(|t| t.is_customer_facing())
                .count(),
            handoffs,
            customer_facing_after_purchase: j
                .touchpoints
                .iter()
                .zip(&graph.after_purchase)
                .filter(|(t, a)| **a && t.is_customer_facing())
                .count(),
            emotion: scored
                .into_iter()
                .map(|(_, i)| {
                    let t = &j.touchpoints[i];
                    (t.id.clone(), t.name.clone(), t.score.unwrap_or(0))
                })
                .collect(),
            metrics: j
                .touchpoints
                .iter()
                .flat_map(|t| {
                    t.metrics
                        .iter()
                        .map(move |(k, v)| (t.name.clone(), k.clone(), *v))
                })
                .collect(),
            findings: counts,
        });
    }
    let rows: Vec<(String, Vec<usize>)> = ws
        .departments
        .iter()
        .enumerate()
        .map(|(d, dept)| {
            let mut row = heat[d].clone();
            row.resize(columns.len(), 0);
            (dept.id.clone(), row)
        })
        .collect();
    let max = rows
        .iter()
        .flat_map(|(_, r)| r.iter().copied())
        .max()
        .unwrap_or(0);

    let silo_holder: Vec<Option<DepartmentIdx>> = ws
        .data
        .iter()
        .map(|d| match d.held_by.as_slice() {
            [only] => Some(*only),
            _ => None,
        })
        .collect();
    let scorecards = ws
        .departments
        .iter()
        .enumerate()
        .map(|(d, dept)| Scorecard {
            department: dept.id.clone(),
            name: dept.name.clone(),
            customer_facing: dept.customer_facing,
            champion: dept.champion.clone(),
            owned: owned[d],
            owned_customer_facing: owned_cf[d],
            supported: supported[d],
            pain_points_owned: pains[d],
            data_held_alone: ws
                .data
                .iter()
                .zip(&silo_holder)
                .filter(|(_, h)| **h == Some(d))
                .map(|(data, _)| data.id.clone())
                .collect(),
            journeys: journeys_of[d]
                .iter()
                .map(|&j| ws.journeys[j].id.clone())
                .collect(),
            handoffs_out: out_[d],
            handoffs_in: in_[d],
        })
        .collect();
    let mut counts = FindingCounts::default();
    for f in &analysis.findings {
        count(&mut counts, f.severity);
    }
    Figures {
        journeys: ws.journeys.len(),
        touchpoints,
        customer_facing_touchpoints: all_tps().filter(|t| t.is_customer_facing()).count(),
        departments: n_depts,
        ownership: Ownership {
            single,
            shared,
            none,
            coverage: if touchpoints == 0 {
                1.0
            } else {
                single as f64 / touchpoints as f64
            },
        },
        data_silos: ids_of("data-silo"),
        unowned_data: ids_of("unowned-data"),
        journeys_ending_at_purchase: ids_of("ends-at-purchase"),
        backstage_departments_affecting_customers: ids_of("backstage-influence"),
        customer_touching_departments_without_champion: ws
            .departments
            .iter()
            .enumerate()
            .filter(|(d, dept)| touches_customers[*d] && dept.champion.is_none())
            .map(|(_, dept)| dept.id.clone())
            .collect(),
        priorities: priorities::rank(ws, analysis),
        scorecards,
        heatmap: Heatmap { columns, rows, max },
        custody: ws
            .data
            .iter()
            .zip(custody)
            .zip(&silo_holder)
            .map(|((data, cells), holder)| CustodyRow {
                data: data.id.clone(),
                name: data.name.clone(),
                silo: holder.is_some(),
                cells,
            })
            .collect(),
        journey_figures,
        findings: counts,
    }
}

fn count(counts: &mut FindingCounts, severity: super::finding::Severity) {
    use super::finding::Severity;
    match severity {
        Severity::Error => counts.error += 1,
        Severity::Warning => counts.warning += 1,
        Severity::Info => counts.info += 1,
    }
}
