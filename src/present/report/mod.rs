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
use crate::analyse::figures::{Custody, Figures, HeatmapColumn};
use crate::analyse::finding::Finding;
use crate::analyse::names::{Names, quantity};
use crate::model::{TouchpointRef, Workspace};

/// A report of one analysed workspace, ready to be written in any format.
pub struct Report<'a> {
    ws: &'a Workspace,
    analysis: &'a Analysis,
    date: Option<String>,
    /// File-name stems of the journeys (see `present::file_stems`).
    stems: Vec<String>,
}

impl<'a> Report<'a> {
    pub fn new(
        ws: &'a Workspace,
        analysis: &'a Analysis,
        date: Option<String>,
        stems: Vec<String>,
    ) -> Self {
        Report {
            ws,
            analysis,
            date,
            stems,
        }
    }

    fn figures(&self) -> &'a Figures {
        &self.analysis.figures
    }

    fn view(&self) -> ReportView {
        view(self.ws, self.analysis, self.date.clone(), &self.stems)
    }

    fn blueprints(&self) -> impl Iterator<Item = String> + '_ {
        use crate::present::diagram::{DiagramInput, blueprint, svg};
        (0..self.ws.journeys.len()).map(|j| {
            svg::write(&blueprint::scene(&DiagramInput::new(
                self.ws,
                self.analysis,
                j,
            )))
        })
    }

    /// The self-contained HTML page.
    pub fn html(&self) -> String {
        let ws = self.ws;
        let figures = self.figures();
        let diagrams = html::Diagrams {
            ownership: charts::ownership_bars(ws, figures),
            heatmap: charts::heatmap(ws, figures),
            journeys: self
                .blueprints()
                .zip(ws.journeys.iter().zip(&figures.journey_figures))
                .map(|(b, (j, jf))| (b, charts::emotion(j, jf)))
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
        json::render(self.ws, self.analysis, self.date.as_deref())
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
    pub metrics: Vec<MetricView>,
    pub findings: Vec<FindingView>,
    /// File-name stem for the diagrams beside a Markdown report.
    pub stem: String,
}

/// A metric beside its target.
#[derive(Serialize)]
pub struct MetricView {
    pub touchpoint: String,
    pub metric: String,
    pub value: String,
    pub target: Option<String>,
    /// It has a `metric-off-target` finding.
    pub off_target: bool,
}

#[derive(Serialize, Clone)]
pub struct FindingView {
    pub severity: &'static str,
    pub rule: &'static str,
    pub summary: &'static str,
    pub message: String,
    pub location: String,
}

pub fn view(
    ws: &Workspace,
    analysis: &Analysis,
    date: Option<String>,
    stems: &[String],
) -> ReportView {
    let figures = &analysis.figures;
    let dept_name = |d: usize| ws.departments[d].name.clone();
    let data_name = |d: usize| ws.data[d].name.clone();
    let journey_name = |j: usize| ws.journeys[j].name.clone();
    let ids = Names::ids(ws);
    let priorities: Vec<PriorityView> = figures
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| PriorityView {
            rank: i + 1,
            change: p.change.sentence(ws),
            talk_to: p.talk_to.iter().map(|&d| dept_name(d)).collect(),
            why: p.rule.summary.to_owned(),
            rule: p.rule.name.to_owned(),
            reach: p.reach.len(),
            impact: p.impact,
            touchpoints: p
                .reach
                .iter()
                .map(|&t| format!("{} ({})", ws.touchpoint(t).name, journey_name(t.journey)))
                .collect(),
        })
        .collect();
    let finding_view = |f: &Finding| {
        let loc = ws.sources.locate(&f.at);
        FindingView {
            severity: f.severity.as_str(),
            rule: f.rule.name,
            summary: f.rule.summary,
            message: f.message(&ids),
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
            ends_at_purchase: figures.journeys_ending_at_purchase.contains(&i),
            metrics: j
                .touchpoints
                .iter()
                .enumerate()
                .flat_map(|(ti, t)| {
                    let flagged = analysis.marked(
                        TouchpointRef::new(i, ti),
                        &crate::analyse::rules::METRIC_OFF_TARGET,
                    );
                    t.metrics.iter().map(move |m| MetricView {
                        touchpoint: t.name.clone(),
                        metric: m.name.clone(),
                        value: quantity(m.value, m.unit.as_deref()),
                        target: m.target.map(|v| quantity(v, m.unit.as_deref())),
                        off_target: flagged && m.misses_target(),
                    })
                })
                .collect(),
            findings: analysis.in_journey(i).map(finding_view).collect(),
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
        data_silos: figures.data_silos.iter().map(|&d| data_name(d)).collect(),
        unowned_data: figures.unowned_data.iter().map(|&d| data_name(d)).collect(),
        journeys_ending_at_purchase: figures
            .journeys_ending_at_purchase
            .iter()
            .map(|&j| journey_name(j))
            .collect(),
        backstage_affecting: figures
            .backstage_departments_affecting_customers
            .iter()
            .map(|&d| dept_name(d))
            .collect(),
        without_champion: figures
            .customer_touching_departments_without_champion
            .iter()
            .map(|&d| dept_name(d))
            .collect(),
        focus: focus.to_vec(),
        more_priorities: more.iter().take(7).cloned().collect(),
        scorecards: figures
            .scorecards
            .iter()
            .zip(&ws.departments)
            .map(|(s, dept)| ScorecardView {
                name: dept.name.clone(),
                customer_facing: dept.customer_facing,
                champion: dept.champion.clone(),
                owned: s.owned,
                owned_customer_facing: s.owned_customer_facing,
                supported: s.supported,
                pain_points_owned: s.pain_points_owned,
                data_held_alone: s.data_held_alone.iter().map(|&d| data_name(d)).collect(),
                journeys: s.journeys.len(),
                handoffs_in: s.handoffs_in,
                handoffs_out: s.handoffs_out,
            })
            .collect(),
        heatmap_columns: figures
            .heatmap
            .columns
            .iter()
            .map(|&(j, c)| (journey_name(j), column_name(ws, j, c)))
            .collect(),
        heatmap_rows: figures
            .heatmap
            .rows
            .iter()
            .enumerate()
            .map(|(d, r)| (dept_name(d), r.clone()))
            .collect(),
        custody_departments: ws.departments.iter().map(|d| d.name.clone()).collect(),
        custody: figures
            .custody
            .iter()
            .zip(&ws.data)
            .map(|(row, data)| CustodyView {
                name: data.name.clone(),
                silo: row.silo,
                nobody: row.held_by_nobody,
                cells: row.cells.iter().map(|&c| custody_name(c)).collect(),
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

/// A heatmap column as people read it: the stage's name, `(all)` or `(no stage)`.
pub fn column_name(ws: &Workspace, j: usize, column: HeatmapColumn) -> String {
    match column {
        HeatmapColumn::Stage(s) => ws.journeys[j].stages[s].clone(),
        HeatmapColumn::All => "(all)".to_owned(),
        HeatmapColumn::NoStage => "(no stage)".to_owned(),
    }
}

/// A custody cell as the views and the JSON name it.
pub fn custody_name(c: Custody) -> &'static str {
    match c {
        Custody::Holds => "holds",
        Custody::UsesWithoutHolding => "uses-without-holding",
        Custody::None => "none",
    }
}
