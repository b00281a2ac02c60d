//! The validated model of a workspace: organisation, departments, data, journeys and their
//! touchpoints. Every reference is resolved to an index, every value is known to be valid.
//!
//! The model keeps byte spans into [`Sources`] so that findings can point at the TOML; it
//! knows nothing about any output format. The few predicates that every layer needs (is a
//! touchpoint customer-facing, who leads it, is a step a hand-off) are defined here, once.
//!
//! Architecture invariant: depends only on [`crate::source`].

use std::collections::BTreeMap;

use crate::source::{Sources, Span};

/// Index of a department in [`Workspace::departments`].
pub type DepartmentIdx = usize;
/// Index of a data asset in [`Workspace::data`].
pub type DataIdx = usize;
/// Index of a journey in [`Workspace::journeys`].
pub type JourneyIdx = usize;
/// Index of a touchpoint in its journey's [`Journey::touchpoints`].
pub type TouchpointIdx = usize;

/// A touchpoint anywhere in the workspace: its journey and its place in that journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TouchpointRef {
    pub journey: JourneyIdx,
    pub touchpoint: TouchpointIdx,
}

impl TouchpointRef {
    pub fn new(journey: JourneyIdx, touchpoint: TouchpointIdx) -> Self {
        TouchpointRef {
            journey,
            touchpoint,
        }
    }
}

#[derive(Debug, Default)]
pub struct Workspace {
    pub sources: Sources,
    pub organization: Option<Organization>,
    pub departments: Vec<Department>,
    pub data: Vec<DataAsset>,
    pub journeys: Vec<Journey>,
}

#[derive(Debug)]
pub struct Organization {
    pub name: String,
    pub north_star: Option<String>,
}

#[derive(Debug)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub customer_facing: bool,
    /// `None` when the key is missing or blank.
    pub champion: Option<String>,
    /// The `id` value.
    pub id_span: Span,
}

#[derive(Debug)]
pub struct DataAsset {
    pub id: String,
    pub name: String,
    /// Distinct departments, in the order written.
    pub held_by: Vec<DepartmentIdx>,
    /// The `id` value.
    pub id_span: Span,
    /// The `held_by` value.
    pub held_by_span: Span,
}

impl DataAsset {
    /// The one department holding it, when exactly one does: a data silo.
    pub fn sole_holder(&self) -> Option<DepartmentIdx> {
        match self.held_by.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub struct Journey {
    pub id: String,
    pub name: String,
    pub persona: Option<String>,
    pub owner: Option<DepartmentIdx>,
    pub stages: Vec<String>,
    /// In file order.
    pub touchpoints: Vec<Touchpoint>,
    /// The `id` value.
    pub id_span: Span,
}

#[derive(Debug)]
pub struct Touchpoint {
    pub id: String,
    pub name: String,
    /// Index into the journey's `stages`.
    pub stage: Option<usize>,
    /// Distinct owning departments, in the order written; empty when nobody owns it.
    pub owners: Vec<DepartmentIdx>,
    pub channel: Option<String>,
    pub backstage: bool,
    pub purchase: bool,
    /// Distinct data assets, in the order written.
    pub uses: Vec<DataIdx>,
    /// Distinct supporting departments, in the order written.
    pub supported_by: Vec<DepartmentIdx>,
    /// -2..=2
    pub score: Option<i8>,
    pub metrics: BTreeMap<String, f64>,
    pub next: Vec<Step>,
    pub spans: TouchpointSpans,
}

/// Where a touchpoint's values are written, for findings that point at them.
#[derive(Debug, Clone)]
pub struct TouchpointSpans {
    /// The `id` value.
    pub id: Span,
    /// The `owner` value, when given.
    pub owner: Option<Span>,
    /// The `score` value, when given.
    pub score: Option<Span>,
    /// Each `uses` entry, in the order of [`Touchpoint::uses`].
    pub uses: Vec<Span>,
    /// Each `supported_by` entry, in the order of [`Touchpoint::supported_by`].
    pub supported_by: Vec<Span>,
}

impl Journey {
    /// The departments that own a purchase touchpoint of this journey, in workspace order.
    pub fn purchase_owners(&self) -> Vec<DepartmentIdx> {
        let mut owners: Vec<DepartmentIdx> = self
            .touchpoints
            .iter()
            .filter(|t| t.purchase)
            .flat_map(|t| t.owners.iter().copied())
            .collect();
        owners.sort_unstable();
        owners.dedup();
        owners
    }

    /// A step from `from` to `step.to` changes who leads the work: the customer is handed
    /// from one team to another (or to or from a step nobody owns).
    pub fn is_handoff(&self, from: TouchpointIdx, step: &Step) -> bool {
        self.touchpoints[from].lead_owner() != self.touchpoints[step.to].lead_owner()
    }

    /// Every `next` step as (from, step), in file order.
    pub fn steps(&self) -> impl Iterator<Item = (TouchpointIdx, &Step)> {
        self.touchpoints
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.next.iter().map(move |s| (i, s)))
    }
}

impl Touchpoint {
    /// Seen by the customer.
    pub fn is_customer_facing(&self) -> bool {
        !self.backstage
    }

    /// The department that leads the step: the first owner written. Where a step is drawn,
    /// whose colour it takes and whom a hand-off goes to follow it.
    pub fn lead_owner(&self) -> Option<DepartmentIdx> {
        self.owners.first().copied()
    }

    /// Owned by exactly one department.
    pub fn sole_owner(&self) -> Option<DepartmentIdx> {
        match self.owners.as_slice() {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// The customer feels bad here (score -1 or -2): a pain point.
    pub fn is_pain_point(&self) -> bool {
        self.score.is_some_and(|s| s <= -1)
    }

    /// How the customer feels here, if a score is given.
    pub fn tone(&self) -> Option<Tone> {
        self.score.map(Tone::of)
    }
}

/// A score read as good, neutral or bad: what every view colours it by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Bad,
    Neutral,
    Good,
}

impl Tone {
    pub fn of(score: i8) -> Tone {
        match score {
            s if s < 0 => Tone::Bad,
            0 => Tone::Neutral,
            _ => Tone::Good,
        }
    }
}

/// A `next` edge.
#[derive(Debug, Clone)]
pub struct Step {
    pub to: TouchpointIdx,
    pub label: Option<String>,
}

impl Workspace {
    pub fn touchpoint_count(&self) -> usize {
        self.journeys.iter().map(|j| j.touchpoints.len()).sum()
    }

    pub fn touchpoint(&self, r: TouchpointRef) -> &Touchpoint {
        &self.journeys[r.journey].touchpoints[r.touchpoint]
    }

    /// Every touchpoint with its reference, journeys in order, touchpoints in file order.
    pub fn touchpoints(&self) -> impl Iterator<Item = (TouchpointRef, &Touchpoint)> {
        self.journeys.iter().enumerate().flat_map(|(j, journey)| {
            journey
                .touchpoints
                .iter()
                .enumerate()
                .map(move |(t, tp)| (TouchpointRef::new(j, t), tp))
        })
    }

    pub fn department_by_id(&self, id: &str) -> Option<DepartmentIdx> {
        self.departments.iter().position(|d| d.id == id)
    }
}
