//! `cxmap diff --format json`: the whole diff, nothing cut. Findings have the shape of
//! `cxmap check --format json` (with `fingerprint`); new findings point into the version
//! after, resolved and now-waived ones into the version before. Tables hold every row of
//! either version with `changed`, so a tool can draw before and after without a second run.

use std::io::Write;

use serde::Serialize;

use super::{Labels, Value, value};
use crate::analyse::diff::{Change, Diff, Field, Headline};
use crate::analyse::finding::Finding;
use crate::model::{TouchpointRef, Workspace};
use crate::present::json::FindingJson;

#[derive(Serialize)]
struct Output<'a> {
    before: &'a str,
    after: &'a str,
    figures: Change<Figures>,
    findings: Findings<'a>,
    touchpoints: Touchpoints<'a>,
    journeys: Vec<JourneyJson<'a>>,
    custody: Vec<CustodyJson<'a>>,
    stage_scores: Vec<StageJson<'a>>,
}

/// The headline figures of one version, as `cxmap diff` and `cxmap report --since` write
/// them.
#[derive(Serialize)]
pub struct Figures {
    journeys: usize,
    touchpoints: usize,
    ownership_coverage: f64,
    unowned_touchpoints: usize,
    data_silos: usize,
    journeys_ending_at_purchase: usize,
    handoffs: usize,
    error: usize,
    warning: usize,
    info: usize,
}

impl From<&Headline> for Figures {
    fn from(h: &Headline) -> Self {
        Figures {
            journeys: h.journeys,
            touchpoints: h.touchpoints,
            // Rounded so that the output does not depend on the last bits of a division.
            ownership_coverage: (h.ownership_coverage * 10_000.0).round() / 10_000.0,
            unowned_touchpoints: h.unowned_touchpoints,
            data_silos: h.data_silos,
            journeys_ending_at_purchase: h.journeys_ending_at_purchase,
            handoffs: h.handoffs,
            error: h.findings.error,
            warning: h.findings.warning,
            info: h.findings.info,
        }
    }
}

#[derive(Serialize)]
struct Findings<'a> {
    new: Vec<FindingJson<'a>>,
    resolved: Vec<FindingJson<'a>>,
    waived: Vec<FindingJson<'a>>,
}

fn findings<'a>(list: &[&'a Finding], ws: &'a Workspace) -> Vec<FindingJson<'a>> {
    list.iter().map(|f| FindingJson::new(f, ws)).collect()
}

#[derive(Serialize)]
struct Touchpoints<'a> {
    added: Vec<TouchpointJson<'a>>,
    removed: Vec<TouchpointJson<'a>>,
    changed: Vec<ChangedJson<'a>>,
}

/// A touchpoint added or removed, with the fields the diff compares and where it is written.
#[derive(Serialize)]
struct TouchpointJson<'a> {
    journey: &'a str,
    touchpoint: &'a str,
    name: &'a str,
    owner: Value<'a>,
    stage: Value<'a>,
    backstage: Value<'a>,
    purchase: Value<'a>,
    score: Value<'a>,
    file: String,
    line: usize,
    column: usize,
}

fn touchpoint(ws: &Workspace, r: TouchpointRef) -> TouchpointJson<'_> {
    let tp = ws.touchpoint(r);
    let at = ws.sources.locate(&tp.spans.id);
    TouchpointJson {
        journey: &ws.journeys[r.journey].id,
        touchpoint: &tp.id,
        name: &tp.name,
        owner: value(ws, r, Field::Owner),
        stage: value(ws, r, Field::Stage),
        backstage: value(ws, r, Field::Backstage),
        purchase: value(ws, r, Field::Purchase),
        score: value(ws, r, Field::Score),
        file: at.file,
        line: at.line,
        column: at.column,
    }
}

/// A touchpoint in both versions: the fields that changed, each before and after, keyed by
/// the field's name in a journey file; where it is written now.
#[derive(Serialize)]
struct ChangedJson<'a> {
    journey: &'a str,
    touchpoint: &'a str,
    changes: serde_json::Map<String, serde_json::Value>,
    file: String,
    line: usize,
    column: usize,
}

#[derive(Serialize)]
struct JourneyJson<'a> {
    journey: &'a str,
    handoffs: Change<Option<usize>>,
    changed: bool,
}

#[derive(Serialize)]
struct CustodyJson<'a> {
    data: &'a str,
    /// Department ids; null where the data does not exist.
    held_by: Change<Option<Vec<&'a str>>>,
    silo: Change<bool>,
    changed: bool,
}

#[derive(Serialize)]
struct StageJson<'a> {
    journey: &'a str,
    /// Null for the touchpoints without a stage.
    stage: Option<&'a str>,
    /// The average score, null where no touchpoint of the stage has one.
    average: Change<Option<f64>>,
    changed: bool,
}

pub fn write(diff: &Diff, labels: &Labels, out: &mut dyn Write) -> std::io::Result<()> {
    let (bws, aws) = (diff.before.workspace, diff.after.workspace);
    let f = &diff.findings;
    let t = &diff.touchpoints;
    let output = Output {
        before: &labels.before,
        after: &labels.after,
        figures: diff.figures.map(|h| Figures::from(h)),
        findings: Findings {
            new: findings(&f.new, aws),
            resolved: findings(&f.resolved, bws),
            waived: findings(&f.waived, bws),
        },
        touchpoints: Touchpoints {
            added: t.added.iter().map(|&r| touchpoint(aws, r)).collect(),
            removed: t.removed.iter().map(|&r| touchpoint(bws, r)).collect(),
            changed: t
                .changed
                .iter()
                .map(|c| {
                    let changes = c
                        .fields
                        .iter()
                        .map(|&field| {
                            let pair = serde_json::json!({
                                "before": value(bws, c.before, field),
                                "after": value(aws, c.after, field),
                            });
                            (field.key().to_owned(), pair)
                        })
                        .collect();
                    let tp = aws.touchpoint(c.after);
                    let at = aws.sources.locate(&tp.spans.id);
                    ChangedJson {
                        journey: &aws.journeys[c.after.journey].id,
                        touchpoint: &tp.id,
                        changes,
                        file: at.file,
                        line: at.line,
                        column: at.column,
                    }
                })
                .collect(),
        },
        journeys: diff
            .journeys
            .iter()
            .map(|r| JourneyJson {
                journey: r.id,
                handoffs: r.handoffs,
                changed: r.changed(),
            })
            .collect(),
        custody: diff
            .custody
            .iter()
            .map(|r| CustodyJson {
                data: r.id,
                held_by: Change {
                    before: held(bws, r.before, &r.held_by.before),
                    after: held(aws, r.after, &r.held_by.after),
                },
                silo: r.silo,
                changed: r.changed,
            })
            .collect(),
        stage_scores: diff
            .stage_scores
            .iter()
            .map(|r| StageJson {
                journey: r.journey,
                stage: r.stage,
                average: Change {
                    before: r.average.before.map(|a| round(a.value())),
                    after: r.average.after.map(|a| round(a.value())),
                },
                changed: r.changed(),
            })
            .collect(),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &output).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Department ids; `None` where the data does not exist in that version.
fn held<'a>(ws: &'a Workspace, x: Option<usize>, ds: &[usize]) -> Option<Vec<&'a str>> {
    x.map(|_| ds.iter().map(|&d| ws.departments[d].id.as_str()).collect())
}

fn round(v: f64) -> f64 {
    (v * 1000.0).round() / 1000.0
}
