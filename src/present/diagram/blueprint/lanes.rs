//! Lane assignment for the service blueprint, by the work rather than the department: a
//! step the customer sees sits in its lead owner's frontstage lane, a backstage step in its
//! lead owner's backstage lane (a department with both kinds of step has two lanes, same name
//! and colour), and each department that supports a step (`supported_by`) without owning it
//! has a support lane for that work. Steps nobody owns get a "No owner" lane in their zone.
//! The Mermaid flowchart uses the same lanes.

use std::collections::BTreeMap;

use crate::model::{DepartmentIdx, TouchpointIdx};
use crate::present::diagram::DiagramInput;

/// The zones of a blueprint below the customer's row, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Zone {
    /// Seen by the customer: between the line of interaction and the line of visibility.
    Front,
    /// Not seen: between the line of visibility and the line of internal interaction.
    Back,
    /// Work other steps depend on: below the line of internal interaction.
    Support,
}

impl Zone {
    pub fn name(self) -> &'static str {
        match self {
            Zone::Front => "frontstage",
            Zone::Back => "backstage",
            Zone::Support => "support",
        }
    }
}

/// One lane: a zone and a department (`None`: the steps nobody owns).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Lane {
    pub zone: Zone,
    pub dept: Option<DepartmentIdx>,
}

/// The lanes of one journey's blueprint.
#[derive(Debug)]
pub struct Lanes {
    /// Top to bottom: frontstage, backstage, support lanes; within a zone in the order their
    /// work starts left to right (the column of their first card or chip), ties in workspace
    /// order with the "No owner" lane first, so the journey reads from top left down.
    pub lanes: Vec<Lane>,
    /// The lane of each touchpoint.
    pub of: Vec<usize>,
    /// Support drawn: (support lane, the touchpoint it supports), in touchpoint order, then
    /// in the order `supported_by` names them.
    pub support: Vec<(usize, TouchpointIdx)>,
}

impl Lanes {
    /// Lanes for the touchpoints of `input`, placed in columns `column` (by the layout).
    pub fn assign(input: &DiagramInput, column: &[usize]) -> Lanes {
        let j = input.journey;
        let lane_of = |t: TouchpointIdx| {
            let tp = &j.touchpoints[t];
            Lane {
                zone: if tp.backstage {
                    Zone::Back
                } else {
                    Zone::Front
                },
                dept: tp.lead_owner(),
            }
        };
        // Each lane with the first column it has work in.
        let mut wanted: BTreeMap<Lane, usize> = BTreeMap::new();
        let mut want = |lane: Lane, c: usize| {
            let first = wanted.entry(lane).or_insert(c);
            *first = (*first).min(c);
        };
        for (t, &c) in column.iter().enumerate().take(j.touchpoints.len()) {
            want(lane_of(t), c);
        }
        let mut pairs = Vec::new();
        for (t, tp) in j.touchpoints.iter().enumerate() {
            // A department's support of a step it owns itself is its own work, already drawn.
            for &d in tp.supported_by.iter().filter(|d| !tp.owners.contains(d)) {
                let lane = Lane {
                    zone: Zone::Support,
                    dept: Some(d),
                };
                want(lane, column[t]);
                pairs.push((lane, t));
            }
        }
        let mut order: Vec<(Zone, usize, Lane)> =
            wanted.into_iter().map(|(l, c)| (l.zone, c, l)).collect();
        // Zone, first column, then `None` before any department, then workspace order.
        order.sort();
        let lanes: Vec<Lane> = order.into_iter().map(|(_, _, l)| l).collect();
        let by_lane: BTreeMap<Lane, usize> =
            lanes.iter().enumerate().map(|(i, l)| (*l, i)).collect();
        let index = |lane: Lane| by_lane[&lane];
        let of = (0..j.touchpoints.len())
            .map(|t| index(lane_of(t)))
            .collect();
        let support = pairs
            .into_iter()
            .map(|(lane, t)| (index(lane), t))
            .collect();
        Lanes { lanes, of, support }
    }

    /// The departments with at least one lane, in workspace order.
    pub fn departments(&self) -> Vec<DepartmentIdx> {
        let mut ds: Vec<DepartmentIdx> = self.lanes.iter().filter_map(|l| l.dept).collect();
        ds.sort_unstable();
        ds.dedup();
        ds
    }

    /// The lane's name and what kind of lane it is ("frontstage", "support · partner", ...).
    pub fn describe(&self, input: &DiagramInput, lane: usize) -> (String, String) {
        let l = self.lanes[lane];
        match l.dept {
            None => ("No owner".to_owned(), "nobody accountable".to_owned()),
            Some(d) => {
                let dept = &input.workspace.departments[d];
                let kind = if dept.external {
                    format!("{} · external partner", l.zone.name())
                } else {
                    l.zone.name().to_owned()
                };
                (dept.name.clone(), kind)
            }
        }
    }
}
