//! The figures behind the report and the diagrams: headline numbers, department scorecards,
//! the ownership heatmap, data custody, per-journey figures and the ranked priorities. Each
//! is derived here, once, from the findings and the facts, so that a rule turned off or a
//! changed severity shows the same way in every output. Figures hold indices into the
//! model; presenters look up the names.

mod custody;
mod departments;
mod journeys;
mod stages;

pub use custody::{Custody, CustodyRow};
pub use departments::Scorecard;
pub use journeys::JourneyFigures;
pub use stages::{Heatmap, HeatmapColumn};

use super::Marks;
use super::facts::Facts;
use super::finding::{Finding, Severity, Subject};
use super::priorities::{self, Priority};
use super::rules::{self, Rule};
use crate::model::{DataIdx, DepartmentIdx, JourneyIdx, Workspace};

#[derive(Debug)]
pub struct Figures {
    pub journeys: usize,
    pub touchpoints: usize,
    pub customer_facing_touchpoints: usize,
    pub departments: usize,
    pub ownership: Ownership,
    /// Data with a `data-silo` finding, in workspace order.
    pub data_silos: Vec<DataIdx>,
    /// Data with an `unowned-data` finding, in workspace order.
    pub unowned_data: Vec<DataIdx>,
    /// Journeys with an `ends-at-purchase` finding, in workspace order.
    pub journeys_ending_at_purchase: Vec<JourneyIdx>,
    /// Departments with a `backstage-influence` finding, in workspace order.
    pub backstage_departments_affecting_customers: Vec<DepartmentIdx>,
    /// Departments with a `missing-champion` finding that own or support a customer-facing
    /// touchpoint, in workspace order.
    pub customer_touching_departments_without_champion: Vec<DepartmentIdx>,
    /// Ranked, most customer impact first.
    pub priorities: Vec<Priority>,
    /// One per department, in workspace order.
    pub scorecards: Vec<Scorecard>,
    pub heatmap: Heatmap,
    /// One per data asset, in workspace order.
    pub custody: Vec<CustodyRow>,
    /// One per journey, in workspace order.
    pub journey_figures: Vec<JourneyFigures>,
    /// Journeys by how much they hurt, most first.
    pub journey_order: Vec<JourneyIdx>,
    pub findings: FindingCounts,
}

#[derive(Debug, Clone, Copy)]
pub struct Ownership {
    pub single: usize,
    pub shared: usize,
    pub none: usize,
    /// Customer-facing touchpoints with an `unowned-touchpoint` finding.
    pub unowned_customer_facing: usize,
    /// Share of touchpoints with exactly one owner, 0..=1 (1 when there are none).
    pub coverage: f64,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FindingCounts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
}

impl FindingCounts {
    pub fn of<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> FindingCounts {
        let mut counts = FindingCounts::default();
        for f in findings {
            counts.add(f.severity);
        }
        counts
    }

    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.error += 1,
            Severity::Warning => self.warning += 1,
            Severity::Info => self.info += 1,
        }
    }
}

pub fn compute(ws: &Workspace, facts: &Facts, findings: &[Finding], marks: &Marks) -> Figures {
    let subjects = |rule: &'static Rule| subjects_of(findings, rule);
    let journey_figures = journeys::journey_figures(ws, facts, findings, marks);
    let without_champion = subjects(&rules::MISSING_CHAMPION)
        .into_iter()
        .filter_map(department)
        .filter(|&d| !facts.customer_facing_of(ws, d).is_empty())
        .collect();
    Figures {
        journeys: ws.journeys.len(),
        touchpoints: ws.touchpoint_count(),
        customer_facing_touchpoints: ws
            .touchpoints()
            .filter(|(_, t)| t.is_customer_facing())
            .count(),
        departments: ws.departments.len(),
        ownership: ownership(ws, marks),
        data_silos: subjects(&rules::DATA_SILO)
            .into_iter()
            .filter_map(data)
            .collect(),
        unowned_data: subjects(&rules::UNOWNED_DATA)
            .into_iter()
            .filter_map(data)
            .collect(),
        journeys_ending_at_purchase: subjects(&rules::ENDS_AT_PURCHASE)
            .into_iter()
            .filter_map(journey)
            .collect(),
        backstage_departments_affecting_customers: subjects(&rules::BACKSTAGE_INFLUENCE)
            .into_iter()
            .filter_map(department)
            .collect(),
        customer_touching_departments_without_champion: without_champion,
        priorities: priorities::rank(ws, facts, findings, marks),
        scorecards: departments::scorecards(ws, facts, findings),
        heatmap: stages::heatmap(ws),
        custody: custody::custody(ws, findings),
        journey_order: journeys::order(&journey_figures),
        journey_figures,
        findings: FindingCounts::of(findings),
    }
}

/// How many touchpoints have one owner, several, or none.
fn ownership(ws: &Workspace, marks: &Marks) -> Ownership {
    let (mut single, mut shared, mut none, mut unowned_cf) = (0, 0, 0, 0);
    for (t, tp) in ws.touchpoints() {
        match tp.owners.len() {
            0 => none += 1,
            1 => single += 1,
            _ => shared += 1,
        }
        if tp.is_customer_facing() && marks.has(t, &rules::UNOWNED_TOUCHPOINT) {
            unowned_cf += 1;
        }
    }
    let total = single + shared + none;
    Ownership {
        single,
        shared,
        none,
        unowned_customer_facing: unowned_cf,
        coverage: if total == 0 {
            1.0
        } else {
            single as f64 / total as f64
        },
    }
}

/// The distinct subjects of a rule's findings, in workspace order.
fn subjects_of(findings: &[Finding], rule: &'static Rule) -> Vec<Subject> {
    let mut s: Vec<Subject> = findings
        .iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.subject)
        .collect();
    s.sort_unstable();
    s.dedup();
    s
}

fn department(s: Subject) -> Option<DepartmentIdx> {
    match s {
        Subject::Department(d) => Some(d),
        _ => None,
    }
}

fn data(s: Subject) -> Option<DataIdx> {
    match s {
        Subject::Data(d) => Some(d),
        _ => None,
    }
}

fn journey(s: Subject) -> Option<JourneyIdx> {
    match s {
        Subject::Journey(j) => Some(j),
        _ => None,
    }
}
