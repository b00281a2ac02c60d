//! The validated model of a workspace: organisation, departments, data, journeys and their
//! touchpoints. Every reference is resolved to an index, every value is known to be valid.
//!
//! The model keeps byte spans into [`Sources`] so that findings can point at the TOML; it
//! knows nothing about any output format. The few predicates that every layer needs (is a
//! touchpoint customer-facing, who leads it, is a step a hand-off) are defined here, once.
//!
//! Architecture invariant: depends only on [`crate::source`].

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
    /// A partner outside the organisation (a solicitor, a courier, an installer).
    pub external: bool,
    /// The `id` value.
    pub id_span: Span,
}

impl Department {
    /// Part of the organisation (not an external partner).
    pub fn is_internal(&self) -> bool {
        !self.external
    }
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
    pub owners: Box<[DepartmentIdx]>,
    /// Free text (web, app, phone, ...), in the order written.
    pub channels: Box<[String]>,
    pub backstage: bool,
    pub purchase: bool,
    /// Distinct data assets this step needs, in the order written.
    pub uses: Box<[DataIdx]>,
    /// Distinct data assets the customer is asked to provide here, in the order written.
    pub asks: Box<[DataIdx]>,
    /// Physical evidence: what the customer sees or keeps (a letter, a price card).
    pub artifacts: Box<[String]>,
    /// The research behind this step, in the order written.
    pub insights: Box<[Insight]>,
    /// Distinct supporting departments, in the order written.
    pub supported_by: Box<[DepartmentIdx]>,
    /// -2..=2
    pub score: Option<i8>,
    /// By name.
    pub metrics: Box<[Metric]>,
    pub next: Box<[Step]>,
    pub spans: TouchpointSpans,
}

/// A measured figure of a touchpoint, with its target if it has one.
#[derive(Debug, Clone)]
pub struct Metric {
    pub name: String,
    pub value: f64,
    pub target: Option<f64>,
    pub better: Better,
    pub unit: Option<String>,
    /// The metric's value as written (`csat = 81` or `nps = { ... }`).
    pub span: Span,
}

impl Metric {
    /// The value misses its target (there is a target, and the value is on its wrong side).
    pub fn misses_target(&self) -> bool {
        self.target.is_some_and(|t| match self.better {
            Better::Higher => self.value < t,
            Better::Lower => self.value > t,
        })
    }
}

/// Which way a metric improves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// Research behind a touchpoint: where it comes from, what a customer said.
#[derive(Debug, Clone)]
pub struct Insight {
    pub source: String,
    pub quote: Option<String>,
    pub date: Option<Date>,
    /// How many people the research heard.
    pub sample: Option<u32>,
}

/// A calendar date (TOML local date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub const fn new(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    /// `YYYY-MM-DD`, a real day of the calendar.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            s.get(r.clone())
                .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))?
                .parse()
                .ok()
        };
        let date = Date {
            year: i32::try_from(num(0..4)?).ok()?,
            month: u8::try_from(num(5..7)?).ok()?,
            day: u8::try_from(num(8..10)?).ok()?,
        };
        date.is_valid().then_some(date)
    }

    pub fn is_valid(self) -> bool {
        let leap = self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0);
        let days = match self.month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return false,
        };
        (1..=days).contains(&self.day)
    }

    /// The date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days).
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Date {
            year: i32::try_from(y).unwrap_or(i32::MAX),
            month: u8::try_from(m).unwrap_or(1),
            day: u8::try_from(d).unwrap_or(1),
        }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
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
    pub uses: Box<[Span]>,
    /// Each `supported_by` entry, in the order of [`Touchpoint::supported_by`].
    pub supported_by: Box<[Span]>,
    /// Each `asks` entry, in the order of [`Touchpoint::asks`].
    pub asks: Box<[Span]>,
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
        match &*self.owners {
            [only] => Some(*only),
            _ => None,
        }
    }

    /// Its owners inside the organisation (external partners left out), in the order
    /// written.
    pub fn internal_owners<'a>(
        &'a self,
        ws: &'a Workspace,
    ) -> impl Iterator<Item = DepartmentIdx> + 'a {
        self.owners
            .iter()
            .copied()
            .filter(|&d| ws.departments[d].is_internal())
    }

    /// Exactly one internal owner, partners beside it aside.
    pub fn sole_internal_owner(&self, ws: &Workspace) -> Option<DepartmentIdx> {
        let mut internal = self.internal_owners(ws);
        match (internal.next(), internal.next()) {
            (Some(only), None) => Some(only),
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
