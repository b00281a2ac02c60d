//! `report --format json`: the figures and findings for BI tools (shape in `docs/report.md`),
//! with ids where the figures hold indices.

use serde::Serialize;

use super::since::{SiloChange, Since};
use super::{column_name, custody_name};
use crate::analyse::Analysis;
use crate::analyse::diff::Change;
use crate::analyse::figures::{Figures, FindingCounts, Ownership};
use crate::analyse::finding::Severity;
use crate::analyse::priorities::Priority;
use crate::model::{Better, TouchpointRef, Workspace};
use crate::present::diff::json::Figures as DiffFigures;
use crate::present::json::Findings;

#[derive(Serialize)]
struct Report<'a> {
    cxmap_version: &'static str,
    organization: Option<&'a str>,
    north_star: Option<&'a str>,
    date: Option<&'a str>,
    figures: FiguresJson<'a>,
    findings: Findings<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<SinceJson<'a>>,
}

/// What changed since an earlier version (`--since REV`): the headline figures of both,
/// data silos new and resolved (by id), and how many findings and touchpoints changed.
#[derive(Serialize)]
struct SinceJson<'a> {
    revision: &'a str,
    commit: &'a str,
    figures: Change<DiffFigures>,
    silos: NewResolved<Vec<&'a str>>,
    findings: NewResolved<usize>,
    touchpoints: TouchpointCounts,
}

/// New and resolved, and now waived: still there, set aside by a decision.
#[derive(Serialize)]
struct NewResolved<T> {
    new: T,
    resolved: T,
    waived: T,
}

#[derive(Serialize)]
struct TouchpointCounts {
    added: usize,
    removed: usize,
    changed: usize,
}

impl<'a> From<&'a Since> for SinceJson<'a> {
    fn from(s: &'a Since) -> Self {
        let ids = |list: &'a [SiloChange]| list.iter().map(|x| x.id.as_str()).collect();
        SinceJson {
            revision: &s.revision,
            commit: &s.commit,
            figures: s.headline.map(|h| DiffFigures::from(h)),
            silos: NewResolved {
                new: ids(&s.new_silos),
                resolved: ids(&s.resolved_silos),
                waived: ids(&s.waived_silos),
            },
            findings: NewResolved {
                new: s.new_findings,
                resolved: s.resolved_findings,
                waived: s.waived_findings,
            },
            touchpoints: TouchpointCounts {
                added: s.touchpoints_added,
                removed: s.touchpoints_removed,
                changed: s.touchpoints_changed,
            },
        }
    }
}

#[derive(Serialize)]
struct FiguresJson<'a> {
    journeys: usize,
    touchpoints: usize,
    customer_facing_touchpoints: usize,
    departments: usize,
    ownership: OwnershipJson,
    data_silos: Vec<&'a str>,
    unowned_data: Vec<&'a str>,
    journeys_ending_at_purchase: Vec<&'a str>,
    backstage_departments_affecting_customers: Vec<&'a str>,
    customer_touching_departments_without_champion: Vec<&'a str>,
    priorities: Vec<PriorityJson<'a>>,
    scorecards: Vec<ScorecardJson<'a>>,
    heatmap: HeatmapJson<'a>,
    custody: Vec<CustodyJson<'a>>,
    journey_figures: Vec<JourneyJson<'a>>,
    findings: CountsJson,
}

#[derive(Serialize)]
struct OwnershipJson {
    single: usize,
    shared: usize,
    none: usize,
    coverage: f64,
}

#[derive(Serialize)]
struct MetricJson<'a> {
    touchpoint: &'a str,
    metric: &'a str,
    value: f64,
    target: Option<f64>,
    better: &'static str,
    unit: Option<&'a str>,
}

#[derive(Serialize)]
struct CountsJson {
    error: usize,
    warning: usize,
    info: usize,
}

#[derive(Serialize)]
struct PriorityJson<'a> {
    change: String,
    talk_to: Vec<&'a str>,
    /// The highest severity of its findings.
    severity: Severity,
    /// The rules of its findings.
    rules: Vec<&'static str>,
    reach: usize,
    impact: u32,
    /// (journey id, touchpoint id) of the moments it reaches.
    touchpoints: Vec<(&'a str, &'a str)>,
    /// Moments downstream of the work, shown but not counted.
    context: Vec<(&'a str, &'a str)>,
}

#[derive(Serialize)]
struct ScorecardJson<'a> {
    department: &'a str,
    name: &'a str,
    customer_facing: bool,
    champion: Option<&'a str>,
    owned: usize,
    owned_customer_facing: usize,
    supported: usize,
    pain_points_owned: usize,
    data_held_alone: Vec<&'a str>,
    journeys: Vec<&'a str>,
    handoffs_out: usize,
    handoffs_in: usize,
}

#[derive(Serialize)]
struct HeatmapJson<'a> {
    columns: Vec<(&'a str, String)>,
    rows: Vec<(&'a str, &'a [usize])>,
    max: usize,
}

#[derive(Serialize)]
struct CustodyJson<'a> {
    data: &'a str,
    name: &'a str,
    silo: bool,
    cells: Vec<&'static str>,
}

#[derive(Serialize)]
struct JourneyJson<'a> {
    journey: &'a str,
    touchpoints: usize,
    customer_facing: usize,
    handoffs: usize,
    customer_facing_after_purchase: usize,
    /// (touchpoint id, name, score), in stage order.
    emotion: Vec<(&'a str, &'a str, i8)>,
    /// Every metric of every touchpoint, touchpoints in file order.
    metrics: Vec<MetricJson<'a>>,
    findings: CountsJson,
}

fn counts(c: FindingCounts) -> CountsJson {
    CountsJson {
        error: c.error,
        warning: c.warning,
        info: c.info,
    }
}

fn ownership(o: Ownership) -> OwnershipJson {
    OwnershipJson {
        single: o.single,
        shared: o.shared,
        none: o.none,
        coverage: o.coverage,
    }
}

fn touchpoint_ids(ws: &Workspace, t: TouchpointRef) -> (&str, &str) {
    (&ws.journeys[t.journey].id, &ws.touchpoint(t).id)
}

fn priority<'a>(ws: &'a Workspace, p: &Priority) -> PriorityJson<'a> {
    PriorityJson {
        change: p.change.sentence(ws),
        talk_to: p
            .talk_to
            .iter()
            .map(|&d| ws.departments[d].id.as_str())
            .collect(),
        severity: p.severity,
        rules: p.rules.iter().map(|r| r.name).collect(),
        reach: p.reach.len(),
        impact: p.impact,
        touchpoints: p.reach.iter().map(|&t| touchpoint_ids(ws, t)).collect(),
        context: p.context.iter().map(|&t| touchpoint_ids(ws, t)).collect(),
    }
}

fn figures<'a>(ws: &'a Workspace, f: &'a Figures) -> FiguresJson<'a> {
    let dept = |d: &usize| ws.departments[*d].id.as_str();
    let data = |d: &usize| ws.data[*d].id.as_str();
    let journey = |j: &usize| ws.journeys[*j].id.as_str();
    FiguresJson {
        journeys: f.journeys,
        touchpoints: f.touchpoints,
        customer_facing_touchpoints: f.customer_facing_touchpoints,
        departments: f.departments,
        ownership: ownership(f.ownership),
        data_silos: f.data_silos.iter().map(data).collect(),
        unowned_data: f.unowned_data.iter().map(data).collect(),
        journeys_ending_at_purchase: f.journeys_ending_at_purchase.iter().map(journey).collect(),
        backstage_departments_affecting_customers: f
            .backstage_departments_affecting_customers
            .iter()
            .map(dept)
            .collect(),
        customer_touching_departments_without_champion: f
            .customer_touching_departments_without_champion
            .iter()
            .map(dept)
            .collect(),
        priorities: f.priorities.iter().map(|p| priority(ws, p)).collect(),
        scorecards: f
            .scorecards
            .iter()
            .zip(&ws.departments)
            .map(|(s, d)| ScorecardJson {
                department: &d.id,
                name: &d.name,
                customer_facing: d.customer_facing,
                champion: d.champion.as_deref(),
                owned: s.owned,
                owned_customer_facing: s.owned_customer_facing,
                supported: s.supported,
                pain_points_owned: s.pain_points_owned,
                data_held_alone: s.data_held_alone.iter().map(data).collect(),
                journeys: s.journeys.iter().map(journey).collect(),
                handoffs_out: s.handoffs_out,
                handoffs_in: s.handoffs_in,
            })
            .collect(),
        heatmap: HeatmapJson {
            columns: f
                .heatmap
                .columns
                .iter()
                .map(|&(j, c)| (journey(&j), column_name(ws, j, c)))
                .collect(),
            rows: f
                .heatmap
                .rows
                .iter()
                .zip(&ws.departments)
                .map(|(r, d)| (d.id.as_str(), r.as_slice()))
                .collect(),
            max: f.heatmap.max,
        },
        custody: f
            .custody
            .iter()
            .zip(&ws.data)
            .map(|(row, d)| CustodyJson {
                data: &d.id,
                name: &d.name,
                silo: row.silo,
                cells: row.cells.iter().map(|&c| custody_name(c)).collect(),
            })
            .collect(),
        journey_figures: f
            .journey_figures
            .iter()
            .zip(&ws.journeys)
            .map(|(jf, j)| JourneyJson {
                journey: &j.id,
                touchpoints: jf.touchpoints,
                customer_facing: jf.customer_facing,
                handoffs: jf.handoffs,
                customer_facing_after_purchase: jf.customer_facing_after_purchase,
                emotion: jf
                    .emotion
                    .iter()
                    .map(|&t| {
                        let tp = &j.touchpoints[t];
                        (
                            tp.id.as_str(),
                            tp.name.as_str(),
                            tp.score.unwrap_or_default(),
                        )
                    })
                    .collect(),
                metrics: j
                    .touchpoints
                    .iter()
                    .flat_map(|t| {
                        t.metrics.iter().map(move |m| MetricJson {
                            touchpoint: &t.id,
                            metric: &m.name,
                            value: m.value,
                            target: m.target,
                            better: match m.better {
                                Better::Higher => "higher",
                                Better::Lower => "lower",
                            },
                            unit: m.unit.as_deref(),
                        })
                    })
                    .collect(),
                findings: counts(jf.findings),
            })
            .collect(),
        findings: counts(f.findings),
    }
}

pub fn render(
    ws: &Workspace,
    analysis: &Analysis,
    date: Option<&str>,
    since: Option<&Since>,
) -> String {
    let report = Report {
        cxmap_version: env!("CARGO_PKG_VERSION"),
        organization: ws.organization.as_ref().map(|o| o.name.as_str()),
        north_star: ws
            .organization
            .as_ref()
            .and_then(|o| o.north_star.as_deref()),
        date,
        figures: figures(ws, analysis.figures(ws)),
        findings: Findings {
            findings: &analysis.findings,
            workspace: ws,
        },
        since: since.map(SinceJson::from),
    };
    let mut s = serde_json::to_string_pretty(&report).expect("plain data serialises");
    s.push('\n');
    s
}
