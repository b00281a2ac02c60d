//! Facts about the workspace that rules and figures share, computed once per run: each
//! journey's graph facts (entries, reachability, after-purchase), who is involved where (the
//! touchpoints a department owns or supports, the journeys it owns), and who uses which data.
//! Every rule uses these, so "involved" means the same thing everywhere.

use super::graph::JourneyGraph;
use crate::model::{JourneyIdx, TouchpointRef, Workspace};

pub struct Facts {
    /// One per journey, in workspace order.
    pub graphs: Vec<JourneyGraph>,
    /// One per department, in workspace order.
    pub departments: Vec<Involvement>,
    /// One per data asset, in workspace order.
    pub data: Vec<DataUse>,
}

/// Where a department appears in the workspace.
#[derive(Default)]
pub struct Involvement {
    /// Touchpoints it owns (alone or with others), in workspace order.
    pub owns: Vec<TouchpointRef>,
    /// Touchpoints that list it in `supported_by`, in workspace order.
    pub supports: Vec<TouchpointRef>,
    /// Journeys it owns end to end.
    pub owns_journeys: Vec<JourneyIdx>,
}

impl Involvement {
    /// Owns or supports at least one touchpoint.
    pub fn is_involved(&self) -> bool {
        !self.owns.is_empty() || !self.supports.is_empty()
    }
}

/// Where a data asset is used.
#[derive(Default)]
pub struct DataUse {
    /// Touchpoints that list it in `uses`, in workspace order.
    pub used_by: Vec<TouchpointRef>,
}

impl Facts {
    /// The journeys' graphs are built on a thread of their own while the rest is gathered:
    /// the two are independent, and each is half the work.
    pub fn new(ws: &Workspace) -> Facts {
        let (graphs, (departments, data)) = std::thread::scope(|scope| {
            let graphs = scope.spawn(|| ws.journeys.iter().map(JourneyGraph::build).collect());
            let involvement = involvement(ws);
            (
                graphs.join().expect("building a graph does not panic"),
                involvement,
            )
        });
        Facts {
            graphs,
            departments,
            data,
        }
    }

    /// Customer-facing touchpoints a department owns or supports, sorted.
    pub fn customer_facing_of(&self, ws: &Workspace, d: usize) -> Vec<TouchpointRef> {
        let inv = &self.departments[d];
        let mut out: Vec<TouchpointRef> = inv
            .owns
            .iter()
            .chain(&inv.supports)
            .copied()
            .filter(|&t| ws.touchpoint(t).is_customer_facing())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Who is involved where, and who uses which data.
fn involvement(ws: &Workspace) -> (Vec<Involvement>, Vec<DataUse>) {
    let mut departments: Vec<Involvement> = ws
        .departments
        .iter()
        .map(|_| Involvement::default())
        .collect();
    let mut data: Vec<DataUse> = ws.data.iter().map(|_| DataUse::default()).collect();
    for (j, journey) in ws.journeys.iter().enumerate() {
        if let Some(o) = journey.owner {
            departments[o].owns_journeys.push(j);
        }
    }
    for (r, tp) in ws.touchpoints() {
        for &d in &tp.owners {
            departments[d].owns.push(r);
        }
        for &d in &tp.supported_by {
            departments[d].supports.push(r);
        }
        for &x in &tp.uses {
            data[x].used_by.push(r);
        }
    }
    (departments, data)
}
