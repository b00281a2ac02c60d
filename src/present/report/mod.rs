//! The silo report for the VP of customer experience: HTML (self-contained), Markdown (for
//! wikis, diagrams as SVG files beside it) and JSON (figures for BI tools).
//!
//! `analyse::figures` computes every number; this module resolves ids to the names people
//! read and lays the figures out. Nothing here decides what matters.

pub mod charts;
pub mod html;
pub mod json;
pub mod markdown;

use serde::Serialize;

use crate::analyse::Analysis;
use crate::analyse::figures::{Custody, Figures};
use crate::analyse::rules;
use crate::load::source::Sources;
use crate::model::Workspace;

/// A report of one analysed workspace, ready to be written in any format.
pub struct Report<'a> {
    ws: &'a Workspace,
    sources: &'a Sources,
    analysis: &'a Analysis,
    figures: Figures,
    date: Option<String>,
    /// File-name stems of the journeys (see `present::file_stems`).
    stems: Vec<String>,
}

impl<'a> Report<'a> {
    pub fn new(
        ws: &'a Workspace,
        sources: &'a Sources,
        analysis: &'a Analysis,
        date: Option<String>,
        stems: Vec<String>,
    ) -> Self {
        let figures = crate::analyse::figures::compute(ws, analysis);
        Report {
            ws,
            sources,
            analysis,
            figures,
            date,
            stems,
        }
    }

    fn view(&self) -> ReportView {
        view(
            self.ws,
            self.sources,
            self.analysis,
            &self.figures,
            self.date.clone(),
            &self.stems,
        )
    }

    fn blueprints(&self) -> impl Iterator<Item = String> + '_ {
        use crate::present::diagram::{DiagramInput, blueprint, svg};
        self.ws.journeys.iter().map(|j| {
            svg::write(&blueprint::scene(&DiagramInput::new(
                self.ws,
                j,
                self.analysis,
            )))
        })
    }

    /// The self-contained HTML page.
    pub fn html(&self) -> String {
        let ws = self.ws;
        let names: Vec<String> = ws.departments.iter().map(|d| d.name.clone()).collect();
        let journeys: Vec<(String, String)> = ws
            .journeys
            .iter()
            .map(|j| (j.id.clone(), j.name.clone()))
            .collect();
        let diagrams = html::Diagrams {
            ownership: charts::ownership_bars(ws, &self.figures),
            heatmap: charts::heatmap(&self.figures, &names, &journeys),
            journeys: self
                .blueprints()
                .zip(ws.journeys.iter().zip(&self.figures.journey_figures))
                .map(|(b, (j, jf))| (b, charts::emotion(&j.id, jf)))
                .collect(),
        };
        html::render(&self.view(), &diagrams)
    }

    /// The Markdown text, and the diagrams to write beside it as (file name, SVG).
    pub fn markdown(&self) -> (String, Vec<(String, String)>) {
        let names: Vec<String> = self
            .stems
            .iter()
            .map(|s| format!("{s}.blueprint.svg"))
            .collect();
        let text = markdown::render(&self.view(), &names);
        (text, names.into_iter().zip(self.blueprints()).collect())
    }

    /// The figures and findings as JSON.
    pub fn json(&self) -> String {
        json::render(
            self.ws,
            self.sources,
            self.analysis,
            &self.figures,
            self.date.as_deref(),
        )
    }
}

/// Everything the HTML and Markdown reports show, with names resolved.
#[derive(Serialize)]
pub struct ReportView {
    pub organization: String,
    pub north_star: Option<String>,
    pub date: Option<String>,
    pub journeys: usize,
    pub touchpoints: usize,
    pub customer_facing_touchpoints: usize,
    pub departments: usize,
    pub coverage_percent: u32,
    pub single: usize,
    pub shared: usize,
    pub unowned: usize,
    pub data_silos: Vec<String>,
    pub unowned_data: Vec<String>,
    pub journeys_ending_at_purchase: Vec<String>,
    pub backstage_affecting: Vec<String>,
    pub without_champion: Vec<String>,
    pub focus: Vec<PriorityView>,
    pub more_priorities: Vec<PriorityView>,
    pub scorecards: Vec<ScorecardView>,
    /// (journey name, stage) per column.
    pub heatmap_columns: Vec<(String, String)>,
    pub heatmap_rows: Vec<(String, Vec<usize>)>,
    pub custody_departments: Vec<String>,
    pub custody: Vec<CustodyView>,
    pub journey_sections: Vec<JourneyView>,
    pub findings: Vec<FindingView>,
    pub counts: (usize, usize, usize),
    pub version: &'static str,
}

#[derive(Serialize, Clone)]
pub struct PriorityView {
    pub rank: usize,
    pub change: String,
    pub talk_to: Vec<String>,
    pub why: String,
    pub rule: String,
    pub reach: usize,
    pub impact: u32,
    /// "Touchpoint (journey)".
    pub touchpoints: Vec<String>,
}

#[derive(Serialize)]
pub struct ScorecardView {
    pub name: String,
    pub customer_facing: bool,
    pub champion: Option<String>,
    pub owned: usize,
    pub owned_customer_facing: usize,
    pub supported: usize,
    pub pain_points_owned: usize,
    pub data_held_alone: Vec<String>,
    pub journeys: usize,
    pub handoffs_in: usize,
    pub handoffs_out: usize,
}

#[derive(Serialize)]
pub struct CustodyView {
    pub name: String,
    pub silo: bool,
    pub nobody: bool,
    /// "holds", "uses-without-holding" or "none", one per department.
    pub cells: Vec<&'static str>,
}

#[derive(Serialize)]
pub struct JourneyView {
    pub id: String,
    pub anchor: String,
    pub name: String,
    pub persona: Option<String>,
    pub touchpoints: usize,
    pub customer_facing: usize,
    pub handoffs: usize,
    pub after_purchase: usize,
    /// The journey has a purchase and nothing the customer sees after it.
    pub ends_at_purchase: bool,
    pub metrics: Vec<(String, String, String)>,
    pub findings: Vec<FindingView>,
    /// File-name stem for the diagrams beside a Markdown report.
    pub stem: String,
}

#[derive(Serialize, Clone)]
pub struct FindingView {
    pub severity: &'static str,
    pub rule: &'static str,
    pub summary: &'static str,
    pub message: String,
    pub location: String,
}

/// Formats a metric without noise: `81.5`, `18`.
fn metric(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        format!("{}", v as i64)
    } else {
        format!("{v:.1}")
    }
}

pub fn view(
    ws: &Workspace,
    sources: &Sources,
    analysis: &Analysis,
    figures: &Figures,
    date: Option<String>,
    stems: &[String],
) -> ReportView {
    let dept_name = |id: &str| {
        ws.departments
            .iter()
            .find(|d| d.id == id)
            .map_or(id.to_owned(), |d| d.name.clone())
    };
    let data_name = |id: &str| {
        ws.data
            .iter()
            .find(|d| d.id == id)
            .map_or(id.to_owned(), |d| d.name.clone())
    };
    let journey_name = |id: &str| {
        ws.journeys
            .iter()
            .find(|j| j.id == id)
            .map_or(id.to_owned(), |j| j.name.clone())
    };
    let tp_name = |j: &str, t: &str| {
        ws.journeys
            .iter()
            .find(|x| x.id == j)
            .and_then(|x| x.touchpoints.iter().find(|tp| tp.id == t))
            .map_or(t.to_owned(), |tp| tp.name.clone())
    };
    let priorities: Vec<PriorityView> = figures
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| PriorityView {
            rank: i + 1,
            change: p.change.clone(),
            talk_to: p.talk_to.iter().map(|d| dept_name(d)).collect(),
            why: p.why.to_owned(),
            rule: p.rule.to_owned(),
            reach: p.reach,
            impact: p.impact,
            touchpoints: p
                .touchpoints
                .iter()
                .map(|(j, t)| format!("{} ({})", tp_name(j, t), journey_name(j)))
                .collect(),
        })
        .collect();
    let finding_view = |f: &crate::analyse::finding::Finding| {
        let loc = sources.locate(&f.span);
        FindingView {
            severity: f.severity.as_str(),
            rule: f.rule,
            summary: rules::find(f.rule).map_or("", |r| r.summary),
            message: f.message.clone(),
            location: format!("{}:{}", loc.file, loc.line),
        }
    };
    let journey_sections = ws
        .journeys
        .iter()
        .zip(&figures.journey_figures)
        .zip(stems)
        .enumerate()
        .map(|(i, ((j, jf), stem))| JourneyView {
            id: j.id.clone(),
            anchor: format!("journey-{}", i + 1),
            name: j.name.clone(),
            persona: j.persona.clone(),
            touchpoints: jf.touchpoints,
            customer_facing: jf.customer_facing,
            handoffs: jf.handoffs,
            after_purchase: jf.customer_facing_after_purchase,
            ends_at_purchase: figures.journeys_ending_at_purchase.contains(&j.id),
            metrics: jf
                .metrics
                .iter()
                .map(|(t, k, v)| (t.clone(), k.clone(), metric(*v)))
                .collect(),
            findings: analysis
                .findings
                .iter()
                .filter(|f| f.journey.as_deref() == Some(j.id.as_str()))
                .map(finding_view)
                .collect(),
            stem: stem.clone(),
        })
        .collect();
    let (focus, more) = priorities.split_at(priorities.len().min(3));
    ReportView {
        organization: ws
            .organization
            .as_ref()
            .map_or_else(|| "Your organisation".to_owned(), |o| o.name.clone()),
        north_star: ws.organization.as_ref().and_then(|o| o.north_star.clone()),
        date,
        journeys: figures.journeys,
        touchpoints: figures.touchpoints,
        customer_facing_touchpoints: figures.customer_facing_touchpoints,
        departments: figures.departments,
        coverage_percent: (figures.ownership.coverage * 100.0).round() as u32,
        single: figures.ownership.single,
        shared: figures.ownership.shared,
        unowned: figures.ownership.none,
        data_silos: figures.data_silos.iter().map(|d| data_name(d)).collect(),
        unowned_data: figures.unowned_data.iter().map(|d| data_name(d)).collect(),
        journeys_ending_at_purchase: figures
            .journeys_ending_at_purchase
            .iter()
            .map(|j| journey_name(j))
            .collect(),
        backstage_affecting: figures
            .backstage_departments_affecting_customers
            .iter()
            .map(|d| dept_name(d))
            .collect(),
        without_champion: figures
            .customer_touching_departments_without_champion
            .iter()
            .map(|d| dept_name(d))
            .collect(),
        focus: focus.to_vec(),
        more_priorities: more.iter().take(7).cloned().collect(),
        scorecards: figures
            .scorecards
            .iter()
            .map(|s| ScorecardView {
                name: s.name.clone(),
                customer_facing: s.customer_facing,
                champion: s.champion.clone(),
                owned: s.owned,
                owned_customer_facing: s.owned_customer_facing,
                supported: s.supported,
                pain_points_owned: s.pain_points_owned,
                data_held_alone: s.data_held_alone.iter().map(|d| data_name(d)).collect(),
                journeys: s.journeys.len(),
                handoffs_in: s.handoffs_in,
                handoffs_out: s.handoffs_out,
            })
            .collect(),
        heatmap_columns: figures
            .heatmap
            .columns
            .iter()
            .map(|(j, s)| (journey_name(j), s.clone()))
            .collect(),
        heatmap_rows: figures
            .heatmap
            .rows
            .iter()
            .map(|(d, r)| (dept_name(d), r.clone()))
            .collect(),
        custody_departments: ws.departments.iter().map(|d| d.name.clone()).collect(),
        custody: figures
            .custody
            .iter()
            .map(|row| CustodyView {
                name: row.name.clone(),
                silo: row.silo,
                nobody: !row.cells.contains(&Custody::Holds),
                cells: row
                    .cells
                    .iter()
                    .map(|c| match c {
                        Custody::Holds => "holds",
                        Custody::UsesWithoutHolding => "uses-without-holding",
                        Custody::None => "none",
                    })
                    .collect(),
            })
            .collect(),
        journey_sections,
        findings: analysis.findings.iter().map(finding_view).collect(),
        counts: (
            figures.findings.error,
            figures.findings.warning,
            figures.findings.info,
        ),
        version: env!("CARGO_PKG_VERSION"),
    }
}
