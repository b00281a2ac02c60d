//! Journeys, their touchpoints and the research behind them: the journeys sheet's rows,
//! touchpoint rows grouped by their `journey` cell (in the order written), and insight rows
//! attached to their touchpoint.
//!
//! Without a journeys sheet (or with an empty one), a journey is any id the `journey` column
//! names, and its stages are the touchpoints' stages in the order they first appear. With
//! one, a touchpoint's journey must be a row of it, so a misspelt journey id is reported
//! instead of starting a journey of its own.

use std::collections::BTreeMap;

use super::cells;
use super::rows::{ColumnKey, Problems, Row, Sheet, first_time};
use super::{InsightRow, JourneyRows, MetricCells, TouchpointRow, Val};
use crate::suggest;

pub(super) fn read(
    journeys: Option<&Sheet>,
    touchpoints: Option<&Sheet>,
    insights: Option<&Sheet>,
    problems: &mut Problems,
) -> Vec<JourneyRows> {
    let mut out: Vec<JourneyRows> = Vec::new();
    let mut seen = BTreeMap::new();
    for row in journeys.iter().flat_map(|s| s.rows()) {
        let Some(id) = row
            .required(
                "id",
                cells::id,
                "give the journey an id, e.g. `switch-supplier`",
                problems,
            )
            .filter(|id| first_time(&mut seen, id, "journey", problems))
        else {
            continue;
        };
        out.push(JourneyRows {
            row: Some(row.at(None)),
            name: row.get("name", cells::text, problems),
            persona: row.get("persona", cells::text, problems),
            owner: row.get("owner", cells::id, problems),
            stages: row.get("stages", cells::list, problems),
            touchpoints: Vec::new(),
            id,
        });
    }
    let declared = !out.is_empty();
    let mut index_of: BTreeMap<String, usize> = out
        .iter()
        .enumerate()
        .map(|(i, j)| (j.id.value.clone(), i))
        .collect();
    let mut tp_seen: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); out.len()];
    for row in touchpoints.iter().flat_map(|s| s.rows()) {
        let journey = row.required(
            "journey",
            cells::id,
            "write the id of the journey this touchpoint belongs to",
            problems,
        );
        let id = row.required(
            "id",
            cells::id,
            "give the touchpoint an id, unique in its journey, e.g. `sign-contract`",
            problems,
        );
        let tp = touchpoint(&row, id, problems);
        let Some(journey) = journey else { continue };
        let index = match index_of.get(&journey.value).copied() {
            Some(i) => i,
            None if declared => {
                let ids: Vec<&str> = out.iter().map(|j| j.id.value.as_str()).collect();
                problems.at(
                    journey.at,
                    format!("unknown journey `{}`", journey.value),
                    Some(suggest::help_for_unknown(&journey.value, "journey", &ids)),
                );
                continue;
            }
            None => {
                out.push(JourneyRows {
                    row: None,
                    id: journey,
                    name: None,
                    persona: None,
                    owner: None,
                    stages: None,
                    touchpoints: Vec::new(),
                });
                tp_seen.push(BTreeMap::new());
                index_of.insert(out[out.len() - 1].id.value.clone(), out.len() - 1);
                out.len() - 1
            }
        };
        if let Some(tp) =
            tp.filter(|tp| first_time(&mut tp_seen[index], &tp.id, "touchpoint", problems))
        {
            out[index].touchpoints.push(tp);
        }
    }
    for journey in out.iter_mut().filter(|j| j.row.is_none()) {
        journey.stages = implied_stages(&journey.touchpoints);
    }
    for row in insights.iter().flat_map(|s| s.rows()) {
        attach_insight(&row, &mut out, problems);
    }
    out
}

/// The stages of a journey with no row in the journeys sheet: its touchpoints' stages in
/// the order they first appear.
fn implied_stages(touchpoints: &[TouchpointRow]) -> Option<Val<Vec<String>>> {
    let mut stages: Option<Val<Vec<String>>> = None;
    for stage in touchpoints.iter().filter_map(|t| t.stage.as_ref()) {
        match &mut stages {
            None => {
                stages = Some(Val {
                    value: vec![stage.value.clone()],
                    at: stage.at,
                });
            }
            Some(s) if !s.value.contains(&stage.value) => s.value.push(stage.value.clone()),
            Some(_) => {}
        }
    }
    stages
}

fn touchpoint(
    row: &Row,
    id: Option<Val<String>>,
    problems: &mut Problems,
) -> Option<TouchpointRow> {
    let tp = TouchpointRow {
        row: row.at(None),
        id: Val {
            value: String::new(),
            at: row.at(None),
        },
        name: row.get("name", cells::text, problems),
        stage: row.get("stage", cells::id, problems),
        owner: row.get("owner", cells::list, problems),
        channel: row.get("channel", cells::list, problems),
        backstage: row.get("backstage", cells::boolean, problems),
        purchase: row.get("purchase", cells::boolean, problems),
        uses: row.get("uses", cells::list, problems),
        asks: row.get("asks", cells::list, problems),
        artifacts: row.get("artifacts", cells::list, problems),
        insights: Vec::new(),
        supported_by: row.get("supported_by", cells::list, problems),
        score: row.get("score", cells::score, problems),
        metrics: metrics(row, problems),
        next: row.get("next", cells::next, problems),
    };
    id.map(|id| TouchpointRow { id, ..tp })
}

/// The row's metrics, from its `metric:`, `target:`, `better:` and `unit:` cells.
fn metrics(row: &Row, problems: &mut Problems) -> Vec<MetricCells> {
    let mut by_name: Vec<(String, BTreeMap<&'static str, usize>)> = Vec::new();
    for (column, key) in row.sheet.keys.iter().enumerate() {
        if let ColumnKey::Metric(prefix, name) = key {
            match by_name.iter_mut().find(|(n, _)| n == name) {
                Some((_, cols)) => {
                    cols.insert(prefix, column);
                }
                None => by_name.push((name.clone(), BTreeMap::from([(*prefix, column)]))),
            }
        }
    }
    let mut out = Vec::new();
    for (name, cols) in by_name {
        let get = |prefix: &str| cols.get(prefix).copied();
        let value = get("metric:").and_then(|c| row.read(c, cells::number, problems));
        let target = get("target:").and_then(|c| row.read(c, cells::number, problems));
        let better = get("better:").and_then(|c| row.read(c, cells::id, problems));
        let lower_is_better = better.and_then(|b| match b.value.to_ascii_lowercase().as_str() {
            "higher" => Some(Val {
                value: false,
                at: b.at,
            }),
            "lower" => Some(Val {
                value: true,
                at: b.at,
            }),
            _ => {
                problems.at(
                    b.at,
                    format!("expected `higher` or `lower`, found `{}`", b.value),
                    Some(
                        "write which way the metric improves: higher (the default) or lower"
                            .to_owned(),
                    ),
                );
                None
            }
        });
        let unit = get("unit:").and_then(|c| row.read(c, cells::text, problems));
        match value {
            Some(value) => out.push(MetricCells {
                name,
                value,
                target,
                lower_is_better,
                unit,
            }),
            None => {
                let given = target.is_some() || lower_is_better.is_some() || unit.is_some();
                if let (true, Some(column)) = (given, get("metric:"))
                    && row.cell(column).is_empty()
                {
                    problems.at(
                        row.at(Some(column)),
                        format!("metric `{name}` has a target, direction or unit but no value"),
                        Some(format!("write the measured value in `metric:{name}`, or clear the row's other `{name}` cells")),
                    );
                }
            }
        }
    }
    out
}

fn attach_insight(row: &Row, journeys: &mut [JourneyRows], problems: &mut Problems) {
    let journey = row.required(
        "journey",
        cells::id,
        "write the journey id of the touchpoint",
        problems,
    );
    let touchpoint = row.required("touchpoint", cells::id, "write the touchpoint id", problems);
    let source = row.required(
        "source",
        cells::text,
        "write where the insight comes from, e.g. `Store interviews, May 2026`",
        problems,
    );
    let insight = InsightRow {
        row: row.at(None),
        quote: row.get("quote", cells::text, problems),
        date: row.get("date", cells::date, problems),
        sample: row.get("sample", cells::count, problems),
        source: source.unwrap_or(Val {
            value: String::new(),
            at: row.at(None),
        }),
    };
    let (Some(journey), Some(touchpoint)) = (journey, touchpoint) else {
        return;
    };
    let Some(j) = journeys.iter_mut().find(|j| j.id.value == journey.value) else {
        let ids: Vec<&str> = journeys.iter().map(|j| j.id.value.as_str()).collect();
        problems.at(
            journey.at,
            format!("unknown journey `{}`", journey.value),
            Some(suggest::help_for_unknown(&journey.value, "journey", &ids)),
        );
        return;
    };
    match j
        .touchpoints
        .iter_mut()
        .find(|t| t.id.value == touchpoint.value)
    {
        Some(t) if !insight.source.value.is_empty() => t.insights.push(insight),
        Some(_) => {}
        None => {
            let ids: Vec<&str> = j.touchpoints.iter().map(|t| t.id.value.as_str()).collect();
            problems.at(
                touchpoint.at,
                format!(
                    "journey `{}` has no touchpoint `{}`",
                    journey.value, touchpoint.value
                ),
                Some(suggest::help_for_unknown(
                    &touchpoint.value,
                    "touchpoint",
                    &ids,
                )),
            );
        }
    }
}
