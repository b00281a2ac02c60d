//! The validated model of a workspace: organisation, departments, data, journeys and their
//! touchpoints. Every reference is resolved to an index, every value is known to be valid.
//!
//! The model keeps byte spans into [`Sources`] so that findings can point at the TOML; it
//! knows nothing about any output format.

use std::collections::BTreeMap;

use crate::load::source::{Sources, Span};

/// Index of a department in [`Workspace::departments`].
pub type DepartmentIdx = usize;
/// Index of a data asset in [`Workspace::data`].
pub type DataIdx = usize;
/// Index of a touchpoint in its journey's [`Journey::touchpoints`].
pub type TouchpointIdx = usize;

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
    /// The `[[department]]` table.
    pub span: Span,
    /// The `id` value.
    pub id_span: Span,
}

#[derive(Debug)]
pub struct DataAsset {
    pub id: String,
    pub name: String,
    /// Distinct departments, in the order written.
    pub held_by: Vec<DepartmentIdx>,
    /// The `[[data]]` table.
    pub span: Span,
    /// The `held_by` value.
    pub held_by_span: Span,
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
    /// The `[journey]` table.
    pub span: Span,
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
    /// The `[[touchpoint]]` table.
    pub span: Span,
    /// The `id` value.
    pub id_span: Span,
    /// The `owner` value, when given.
    pub owner_span: Option<Span>,
    /// The `score` value, when given.
    pub score_span: Option<Span>,
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
}

impl Touchpoint {
    /// Seen by the customer.
    pub fn is_customer_facing(&self) -> bool {
        !self.backstage
    }

    /// Owned by exactly one department.
    pub fn sole_owner(&self) -> Option<DepartmentIdx> {
        match self.owners.as_slice() {
            [only] => Some(*only),
            _ => None,
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

    pub fn department_by_id(&self, id: &str) -> Option<DepartmentIdx> {
        self.departments.iter().position(|d| d.id == id)
    }
}
