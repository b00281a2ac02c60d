//! Data custody: for every data asset and department, whether the department holds it, or
//! owns a touchpoint that uses it without holding it.

use super::super::finding::{Finding, Subject};
use super::super::rules;
use crate::model::Workspace;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Custody {
    Holds,
    UsesWithoutHolding,
    None,
}

#[derive(Debug)]
pub struct CustodyRow {
    /// It has a `data-silo` finding.
    pub silo: bool,
    /// It has an `unowned-data` finding.
    pub held_by_nobody: bool,
    /// One per department, in workspace order.
    pub cells: Vec<Custody>,
}

pub fn custody(ws: &Workspace, findings: &[Finding]) -> Vec<CustodyRow> {
    let mut rows: Vec<CustodyRow> = ws
        .data
        .iter()
        .map(|data| {
            let mut cells = vec![Custody::None; ws.departments.len()];
            for &d in &data.held_by {
                cells[d] = Custody::Holds;
            }
            CustodyRow {
                silo: false,
                held_by_nobody: false,
                cells,
            }
        })
        .collect();
    for (_, tp) in ws.touchpoints() {
        for &x in &tp.uses {
            for &d in &tp.owners {
                let cell = &mut rows[x].cells[d];
                if *cell == Custody::None {
                    *cell = Custody::UsesWithoutHolding;
                }
            }
        }
    }
    for f in findings {
        if let Subject::Data(x) = f.subject {
            if f.rule == &rules::DATA_SILO {
                rows[x].silo = true;
            } else if f.rule == &rules::UNOWNED_DATA {
                rows[x].held_by_nobody = true;
            }
        }
    }
    rows
}
