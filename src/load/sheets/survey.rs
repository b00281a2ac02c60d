//! A survey export (Qualtrics, Medallia, a spreadsheet) joined to a workspace for
//! `cxmap metrics`: which metric of which touchpoint gets which value.
//!
//! Two shapes are read. Long form has `journey`, `touchpoint`, `metric` and `value` columns
//! (and optionally `date`): one row per figure. Wide form has `journey` and `touchpoint` and
//! one column per metric, headed with the metric's name (and optionally `date`). Headers
//! match without regard to case; columns headed with `#` are notes. An empty value leaves
//! the metric as it is. When a figure is given more than once, the row with the latest date
//! counts; the same figure twice with different values and no date to tell them apart is a
//! problem.
//!
//! A metric name matches the touchpoint's metric of that name, or one differing only in
//! case; a metric the touchpoint does not have yet is added when some touchpoint of the
//! workspace has it (or, with `add_new`, whatever its name). Unknown journeys, touchpoints
//! and metrics get a "did you mean".

use std::collections::BTreeMap;

use super::cells;
use super::columns::normalise;
use super::read::Table;
use super::{At, Val, place};
use crate::model::{Date, JourneyIdx, TouchpointIdx, Workspace};
use crate::problem::SheetProblem;
use crate::suggest;

/// One metric value to write.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    pub journey: JourneyIdx,
    pub touchpoint: TouchpointIdx,
    /// The metric's name as the workspace spells it.
    pub metric: String,
    pub value: f64,
    /// The touchpoint has no such metric yet.
    pub new: bool,
    /// The cell the value came from.
    pub at: At,
}

struct Reading {
    journey: Val<String>,
    touchpoint: Val<String>,
    metric: Val<String>,
    value: Val<f64>,
    date: Option<Date>,
}

/// The updates a survey table asks for, or the problems that stop them.
pub fn join(table: &Table, ws: &Workspace, add_new: bool) -> (Vec<Update>, Vec<SheetProblem>) {
    let info = super::TableInfo {
        file: table.file.clone(),
        sheet: table.sheet.clone(),
        headers: table
            .rows
            .first()
            .map(|r| {
                r.iter()
                    .map(|c| cells::text(c).ok().flatten().unwrap_or_default())
                    .collect()
            })
            .unwrap_or_default(),
    };
    let tables = [info];
    let mut problems = Vec::new();
    let mut problem = |at: At, message: String, help: Option<String>| {
        let mut p = SheetProblem::new(place(&tables, at), message);
        p.help = help;
        problems.push(p);
    };
    let readings = readings(table, &tables[0].headers, &mut problem);
    let mut chosen: BTreeMap<(usize, usize, String), (Reading, Update)> = BTreeMap::new();
    let metric_names: Vec<&str> = {
        let mut names: Vec<&str> = ws
            .touchpoints()
            .flat_map(|(_, t)| t.metrics.iter().map(|m| m.name.as_str()))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    };
    for r in readings {
        let Some(j) = ws.journeys.iter().position(|j| j.id == r.journey.value) else {
            let ids: Vec<&str> = ws.journeys.iter().map(|j| j.id.as_str()).collect();
            problem(
                r.journey.at,
                format!("unknown journey `{}`", r.journey.value),
                Some(suggest::help_for_unknown(&r.journey.value, "journey", &ids)),
            );
            continue;
        };
        let journey = &ws.journeys[j];
        let Some(t) = journey
            .touchpoints
            .iter()
            .position(|t| t.id == r.touchpoint.value)
        else {
            let ids: Vec<&str> = journey.touchpoints.iter().map(|t| t.id.as_str()).collect();
            problem(
                r.touchpoint.at,
                format!(
                    "journey `{}` has no touchpoint `{}`",
                    journey.id, r.touchpoint.value
                ),
                Some(suggest::help_for_unknown(
                    &r.touchpoint.value,
                    "touchpoint",
                    &ids,
                )),
            );
            continue;
        };
        let tp = &journey.touchpoints[t];
        let wanted = r.metric.value.as_str();
        let own = tp.metrics.iter().find(|m| m.name == wanted).or_else(|| {
            tp.metrics
                .iter()
                .find(|m| m.name.eq_ignore_ascii_case(wanted))
        });
        let (name, new) = match own {
            Some(m) => (m.name.clone(), false),
            None => match metric_names
                .iter()
                .find(|n| **n == wanted)
                .or_else(|| metric_names.iter().find(|n| n.eq_ignore_ascii_case(wanted)))
            {
                Some(n) => ((*n).to_owned(), true),
                None if add_new => (wanted.to_owned(), true),
                None => {
                    let help = suggest::did_you_mean_or(
                        wanted,
                        metric_names.iter().copied(),
                        || {
                            "no touchpoint has this metric yet: pass `--add-metrics` to start tracking it".to_owned()
                        },
                    );
                    problem(
                        r.metric.at,
                        format!("unknown metric `{wanted}`"),
                        Some(help),
                    );
                    continue;
                }
            },
        };
        let update = Update {
            journey: j,
            touchpoint: t,
            metric: name.clone(),
            value: r.value.value,
            new,
            at: r.value.at,
        };
        match chosen.get(&(j, t, name.clone())) {
            Some((earlier, _)) if earlier.date > r.date => {}
            Some((earlier, _))
                if earlier.date == r.date
                    && earlier.value.value.to_bits() != r.value.value.to_bits() =>
            {
                problem(
                    r.value.at,
                    format!(
                        "metric `{name}` of touchpoint `{}` is also given in row {}, with another value",
                        tp.id,
                        earlier.value.at.row + 1
                    ),
                    Some(
                        "keep one row, or add a `date` column so that the latest value counts"
                            .to_owned(),
                    ),
                );
            }
            _ => {
                chosen.insert((j, t, name), (r, update));
            }
        }
    }
    problems.sort();
    problems.dedup();
    let updates = if problems.is_empty() {
        chosen.into_values().map(|(_, u)| u).collect()
    } else {
        Vec::new()
    };
    (updates, problems)
}

fn readings(
    table: &Table,
    headers: &[String],
    problem: &mut impl FnMut(At, String, Option<String>),
) -> Vec<Reading> {
    let at = |row: usize, column: Option<usize>| At {
        table: 0,
        row,
        column,
    };
    let mut keys: BTreeMap<String, usize> = BTreeMap::new();
    for (c, h) in headers.iter().enumerate() {
        if !h.trim().is_empty() && !h.trim_start().starts_with('#') {
            keys.entry(normalise(h)).or_insert(c);
        }
    }
    let long = keys.contains_key("metric") && keys.contains_key("value");
    for key in ["journey", "touchpoint"] {
        if !keys.contains_key(key) {
            let help = suggest::did_you_mean_or(key, headers.iter().map(String::as_str), || {
                "a survey export has `journey` and `touchpoint` columns, then `metric` and `value` columns (long form) or one column per metric (wide form)".to_owned()
            });
            problem(
                at(0, None),
                format!("the file has no `{key}` column"),
                Some(help),
            );
        }
    }
    let (Some(&jc), Some(&tc)) = (keys.get("journey"), keys.get("touchpoint")) else {
        return Vec::new();
    };
    let date_col = keys.get("date").copied();
    let metric_cols: Vec<usize> = if long {
        vec![keys["value"]]
    } else {
        (0..headers.len())
            .filter(|c| {
                let h = headers[*c].trim();
                ![Some(jc), Some(tc), date_col].contains(&Some(*c))
                    && !h.is_empty()
                    && !h.starts_with('#')
            })
            .collect()
    };
    if metric_cols.is_empty() {
        problem(
            at(0, None),
            "the file has no metric columns".to_owned(),
            Some(
                "add a column per metric (e.g. `csat`), or `metric` and `value` columns".to_owned(),
            ),
        );
    }
    let empty = super::read::Cell::Empty;
    let mut out = Vec::new();
    for (r, row) in table.rows.iter().enumerate().skip(1) {
        if row.iter().all(super::read::Cell::is_empty) {
            continue;
        }
        let cell = |c: usize| row.get(c).unwrap_or(&empty);
        let read_id =
            |c: usize, what: &str, problem: &mut dyn FnMut(At, String, Option<String>)| {
                match cells::id(cell(c)) {
                    Ok(Some(v)) => Some(Val {
                        value: v,
                        at: at(r, Some(c)),
                    }),
                    Ok(None) => {
                        problem(
                            at(r, Some(c)),
                            format!("`{what}` is empty"),
                            Some(format!("write the {what} id")),
                        );
                        None
                    }
                    Err(w) => {
                        problem(at(r, Some(c)), w.message, w.help);
                        None
                    }
                }
            };
        let journey = read_id(jc, "journey", problem);
        let touchpoint = read_id(tc, "touchpoint", problem);
        let date = match date_col.map(|c| (c, cells::date(cell(c)))) {
            Some((_, Ok(d))) => d,
            Some((c, Err(w))) => {
                problem(at(r, Some(c)), w.message, w.help);
                None
            }
            None => None,
        };
        let metric_of_row = if long {
            read_id(keys["metric"], "metric", problem)
        } else {
            None
        };
        for &c in &metric_cols {
            let value = match cells::number(cell(c)) {
                Ok(Some(v)) => v,
                Ok(None) => continue,
                Err(w) => {
                    problem(at(r, Some(c)), w.message, w.help);
                    continue;
                }
            };
            let metric = if long {
                metric_of_row.clone()
            } else {
                Some(Val {
                    value: headers[c].trim().to_owned(),
                    at: at(0, Some(c)),
                })
            };
            if let (Some(journey), Some(touchpoint), Some(metric)) =
                (journey.clone(), touchpoint.clone(), metric)
            {
                out.push(Reading {
                    journey,
                    touchpoint,
                    metric,
                    value: Val {
                        value,
                        at: at(r, Some(c)),
                    },
                    date,
                });
            }
        }
    }
    out
}
