//! What the HTML and Markdown reports show, with every id resolved to the name people use:
//! the analysis's figures and priorities laid out for the VP, ids and file positions kept for
//! the architects' appendix only. Nothing here counts, ranks or judges.

use serde::Serialize;

use super::evidence::{Moment, Quote, moments, quotes};
use super::since::Since;
use crate::analyse::Analysis;
use crate::analyse::figures::{Custody, HeatmapColumn};
use crate::analyse::finding::Finding;
use crate::analyse::names::{Names, quantity};
use crate::model::{DepartmentIdx, Workspace};

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
    pub partners: usize,
    pub coverage_percent: u32,
    pub single: usize,
    pub shared: usize,
    pub unowned: usize,
    pub unowned_customer_facing: usize,
    pub data_silos: Vec<String>,
    pub unowned_data: Vec<String>,
    pub journeys_ending_at_purchase: Vec<String>,
    pub backstage_affecting: Vec<String>,
    pub without_champion: Vec<String>,
    pub focus: Vec<PriorityView>,
    pub more_priorities: Vec<PriorityView>,
    pub scorecards: Vec<ScorecardView>,
    /// Who owns the touchpoints of each stage, journeys in impact order.
    pub stage_owners: Vec<StageOwners>,
    pub custody_departments: Vec<String>,
    pub custody: Vec<CustodyView>,
    /// Ordered by how much each journey hurts, most first.
    pub journey_sections: Vec<JourneyView>,
    pub findings: Vec<FindingView>,
    pub counts: (usize, usize, usize),
    pub waived: Vec<WaivedView>,
    pub version: &'static str,
    /// What changed since an earlier version, when asked for.
    pub since: Option<Since>,
}

#[derive(Serialize, Clone)]
pub struct PriorityView {
    pub rank: usize,
    pub change: String,
    pub talk_to: Vec<String>,
    pub severity: &'static str,
    /// One line per rule: what it finds.
    pub why: Vec<&'static str>,
    pub reach: usize,
    pub impact: u32,
    /// The moments it reaches, with who owns them, how they feel and what is measured.
    pub moments: Vec<Moment>,
    /// What customers said at those moments.
    pub quotes: Vec<Quote>,
    /// Moments downstream of the work, shown but not counted.
    pub context: Vec<String>,
}

#[derive(Serialize)]
pub struct ScorecardView {
    pub name: String,
    pub customer_facing: bool,
    pub external: bool,
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

/// One stage of one journey and the departments owning its touchpoints, with how many.
#[derive(Serialize)]
pub struct StageOwners {
    pub journey: String,
    pub stage: String,
    pub owners: Vec<(String, usize)>,
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
    /// Index of the journey in the workspace (the diagrams are drawn per journey).
    pub index: usize,
    pub anchor: String,
    pub name: String,
    pub persona: Option<String>,
    pub touchpoints: usize,
    pub customer_facing: usize,
    pub handoffs: usize,
    pub after_purchase: usize,
    /// The journey has a purchase touchpoint.
    pub has_purchase: bool,
    /// The journey has a purchase and nothing the customer sees after it.
    pub ends_at_purchase: bool,
    pub artifacts: Vec<(String, Vec<String>)>,
    pub quotes: Vec<Quote>,
    pub metrics: Vec<MetricView>,
    /// In names, for people; most severe first.
    pub findings: Vec<String>,
    /// File-name stem for the diagrams beside a Markdown report.
    pub stem: String,
}

/// A metric beside its target.
#[derive(Serialize, Clone)]
pub struct MetricView {
    pub touchpoint: String,
    pub metric: String,
    pub value: String,
    pub target: Option<String>,
    /// It has a `metric-off-target` finding.
    pub off_target: bool,
}

/// A finding for the architects' appendix: ids, file and line.
#[derive(Serialize, Clone)]
pub struct FindingView {
    pub severity: &'static str,
    pub rule: &'static str,
    pub summary: &'static str,
    pub message: String,
    pub location: String,
}

#[derive(Serialize)]
pub struct WaivedView {
    pub rule: &'static str,
    pub message: String,
    pub reason: String,
}

/// A department as the VP reads it: its name, marked when it is a partner.
pub fn department_name(ws: &Workspace, d: DepartmentIdx) -> String {
    let dept = &ws.departments[d];
    if dept.external {
        format!("{} (partner)", dept.name)
    } else {
        dept.name.clone()
    }
}

fn finding_view(ws: &Workspace, ids: &Names, f: &Finding) -> FindingView {
    let loc = ws.sources.locate(&f.at);
    FindingView {
        severity: f.severity.as_str(),
        rule: f.rule.name,
        summary: f.rule.summary,
        message: f.message(ids),
        location: format!("{}:{}", loc.file, loc.line),
    }
}

fn priorities(ws: &Workspace, analysis: &Analysis) -> Vec<PriorityView> {
    analysis
        .figures(ws)
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| PriorityView {
            rank: i + 1,
            change: p.change.sentence(ws),
            talk_to: p.talk_to.iter().map(|&d| department_name(ws, d)).collect(),
            severity: p.severity.as_str(),
            why: p.rules.iter().map(|r| r.summary).collect(),
            reach: p.reach.len(),
            impact: p.impact,
            moments: moments(ws, analysis, &p.reach),
            quotes: quotes(ws, &p.reach),
            context: p
                .context
                .iter()
                .map(|&t| {
                    format!(
                        "{} ({})",
                        ws.touchpoint(t).name,
                        ws.journeys[t.journey].name
                    )
                })
                .collect(),
        })
        .collect()
}

fn journey(ws: &Workspace, analysis: &Analysis, j: usize, stem: &str) -> JourneyView {
    let journey = &ws.journeys[j];
    let jf = &analysis.figures(ws).journey_figures[j];
    let people = Names::for_people(ws);
    let mut findings: Vec<&Finding> = analysis.in_journey(j).collect();
    findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
    let all: Vec<crate::model::TouchpointRef> = (0..journey.touchpoints.len())
        .map(|t| crate::model::TouchpointRef::new(j, t))
        .collect();
    JourneyView {
        index: j,
        anchor: format!("journey-{}", j + 1),
        name: journey.name.clone(),
        persona: journey.persona.clone(),
        touchpoints: jf.touchpoints,
        customer_facing: jf.customer_facing,
        handoffs: jf.handoffs,
        after_purchase: jf.customer_facing_after_purchase,
        has_purchase: journey.touchpoints.iter().any(|t| t.purchase),
        ends_at_purchase: analysis
            .figures(ws)
            .journeys_ending_at_purchase
            .contains(&j),
        artifacts: journey
            .touchpoints
            .iter()
            .filter(|t| !t.artifacts.is_empty())
            .map(|t| (t.name.clone(), t.artifacts.to_vec()))
            .collect(),
        quotes: quotes(ws, &all),
        metrics: journey
            .touchpoints
            .iter()
            .enumerate()
            .flat_map(|(t, tp)| {
                let flagged = analysis.marked(
                    crate::model::TouchpointRef::new(j, t),
                    &crate::analyse::rules::METRIC_OFF_TARGET,
                );
                tp.metrics.iter().map(move |m| MetricView {
                    touchpoint: tp.name.clone(),
                    metric: m.name.clone(),
                    value: quantity(m.value, m.unit.as_deref()),
                    target: m.target.map(|v| quantity(v, m.unit.as_deref())),
                    off_target: flagged && m.misses_target(),
                })
            })
            .collect(),
        findings: findings.iter().map(|f| f.message(&people)).collect(),
        stem: stem.to_owned(),
    }
}

pub fn view(
    ws: &Workspace,
    analysis: &Analysis,
    date: Option<String>,
    stems: &[String],
) -> ReportView {
    let figures = analysis.figures(ws);
    let dept = |&d: &usize| department_name(ws, d);
    let data_name = |&d: &usize| ws.data[d].name.clone();
    let ids = Names::ids(ws);
    let priorities = priorities(ws, analysis);
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
        departments: ws.departments.iter().filter(|d| !d.external).count(),
        partners: ws.departments.iter().filter(|d| d.external).count(),
        coverage_percent: (figures.ownership.coverage * 100.0).round() as u32,
        single: figures.ownership.single,
        shared: figures.ownership.shared,
        unowned: figures.ownership.none,
        unowned_customer_facing: figures.ownership.unowned_customer_facing,
        data_silos: figures.data_silos.iter().map(data_name).collect(),
        unowned_data: figures.unowned_data.iter().map(data_name).collect(),
        journeys_ending_at_purchase: figures
            .journeys_ending_at_purchase
            .iter()
            .map(|&j| ws.journeys[j].name.clone())
            .collect(),
        backstage_affecting: figures
            .backstage_departments_affecting_customers
            .iter()
            .map(dept)
            .collect(),
        without_champion: figures
            .customer_touching_departments_without_champion
            .iter()
            .map(dept)
            .collect(),
        focus: focus.to_vec(),
        more_priorities: more.iter().take(7).cloned().collect(),
        scorecards: figures
            .scorecards
            .iter()
            .zip(&ws.departments)
            .map(|(s, d)| ScorecardView {
                name: d.name.clone(),
                customer_facing: d.customer_facing,
                external: d.external,
                champion: d.champion.clone(),
                owned: s.owned,
                owned_customer_facing: s.owned_customer_facing,
                supported: s.supported,
                pain_points_owned: s.pain_points_owned,
                data_held_alone: s.data_held_alone.iter().map(data_name).collect(),
                journeys: s.journeys.len(),
                handoffs_in: s.handoffs_in,
                handoffs_out: s.handoffs_out,
            })
            .collect(),
        stage_owners: figures
            .journey_order
            .iter()
            .flat_map(|&j| {
                let hm = &figures.heatmap;
                hm.columns
                    .iter()
                    .enumerate()
                    .filter(move |(_, (cj, _))| *cj == j)
                    .map(move |(col, &(_, column))| StageOwners {
                        journey: ws.journeys[j].name.clone(),
                        stage: column_name(ws, j, column),
                        owners: hm
                            .rows
                            .iter()
                            .enumerate()
                            .filter(|(_, row)| row[col] > 0)
                            .map(|(d, row)| (department_name(ws, d), row[col]))
                            .collect(),
                    })
            })
            .collect(),
        custody_departments: (0..ws.departments.len()).map(|d| dept(&d)).collect(),
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
        journey_sections: figures
            .journey_order
            .iter()
            .map(|&j| journey(ws, analysis, j, &stems[j]))
            .collect(),
        findings: analysis
            .findings
            .iter()
            .map(|f| finding_view(ws, &ids, f))
            .collect(),
        counts: (
            figures.findings.error,
            figures.findings.warning,
            figures.findings.info,
        ),
        waived: analysis
            .waived
            .iter()
            .map(|w| WaivedView {
                rule: w.finding.rule.name,
                message: w.finding.message(&ids),
                reason: analysis.waivers[w.waiver].reason.clone(),
            })
            .collect(),
        version: env!("CARGO_PKG_VERSION"),
        since: None,
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
