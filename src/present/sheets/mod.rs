//! Spreadsheets out (`cxmap export`): the workspace as the tables of a journey workbook, one
//! row per touchpoint, department, data asset, journey and insight, then written as an Excel
//! workbook ([`xlsx`]) or as CSV files ([`csv`]). The columns are those the import reads
//! (`load::sheets::columns`), so an export imports back to the same model.
//!
//! List cells join their items with `; ` and keep a `;` inside an item with a backslash
//! (`present::escape::list_item`); text that a spreadsheet would take for a formula is
//! guarded in each format (`present::escape::csv_cell`, `looks_like_formula`).

pub mod csv;
pub mod xlsx;

use super::escape;
use crate::load::sheets::columns::{self, Kind, SheetSpec};
use crate::model::{Better, Date, Workspace};

/// A cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
}

/// A column to write: its header, the note on it, its width and what it holds.
#[derive(Debug, Clone)]
pub struct Header {
    pub text: String,
    pub note: String,
    pub width: u16,
    /// `None` for metric columns.
    pub kind: Option<Kind>,
}

/// One sheet's headers and rows.
#[derive(Debug)]
pub struct Table {
    pub spec: &'static SheetSpec,
    pub headers: Vec<Header>,
    pub rows: Vec<Vec<Value>>,
}

fn headers(spec: &SheetSpec) -> Vec<Header> {
    spec.columns
        .iter()
        .map(|c| Header {
            text: c.key.to_owned(),
            note: c.note.to_owned(),
            width: c.width,
            kind: Some(c.kind),
        })
        .collect()
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}

fn opt_text(s: Option<&str>) -> Value {
    s.map_or(Value::Empty, text)
}

fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> Value {
    let joined: Vec<String> = items.into_iter().map(escape::list_item).collect();
    if joined.is_empty() {
        Value::Empty
    } else {
        Value::Text(joined.join("; "))
    }
}

/// The empty tables of the template: every sheet with its headers and no rows.
pub fn template() -> Vec<Table> {
    columns::SHEETS
        .iter()
        .map(|spec| Table {
            spec,
            headers: headers(spec),
            rows: Vec::new(),
        })
        .collect()
}

/// The workspace as the six tables of a journey workbook, in [`columns::SHEETS`] order.
pub fn tables(ws: &Workspace) -> Vec<Table> {
    let dept = |d: usize| ws.departments[d].id.as_str();
    let mut out = vec![touchpoints(ws)];
    out.push(Table {
        spec: &columns::DEPARTMENTS,
        headers: headers(&columns::DEPARTMENTS),
        rows: ws
            .departments
            .iter()
            .map(|d| {
                vec![
                    text(&d.id),
                    text(&d.name),
                    Value::Bool(d.customer_facing),
                    opt_text(d.champion.as_deref()),
                    Value::Bool(d.external),
                ]
            })
            .collect(),
    });
    out.push(Table {
        spec: &columns::DATA,
        headers: headers(&columns::DATA),
        rows: ws
            .data
            .iter()
            .map(|d| {
                vec![
                    text(&d.id),
                    text(&d.name),
                    list(d.held_by.iter().map(|&h| dept(h))),
                ]
            })
            .collect(),
    });
    out.push(Table {
        spec: &columns::JOURNEYS,
        headers: headers(&columns::JOURNEYS),
        rows: ws
            .journeys
            .iter()
            .map(|j| {
                vec![
                    text(&j.id),
                    text(&j.name),
                    opt_text(j.persona.as_deref()),
                    opt_text(j.owner.map(dept)),
                    list(j.stages.iter().map(String::as_str)),
                ]
            })
            .collect(),
    });
    let mut insights = Vec::new();
    for j in &ws.journeys {
        for t in &j.touchpoints {
            for i in &t.insights {
                insights.push(vec![
                    text(&j.id),
                    text(&t.id),
                    text(&i.source),
                    opt_text(i.quote.as_deref()),
                    i.date.map_or(Value::Empty, Value::Date),
                    i.sample
                        .map_or(Value::Empty, |s| Value::Number(f64::from(s))),
                ]);
            }
        }
    }
    out.push(Table {
        spec: &columns::INSIGHTS,
        headers: headers(&columns::INSIGHTS),
        rows: insights,
    });
    out.push(Table {
        spec: &columns::ORGANIZATION,
        headers: headers(&columns::ORGANIZATION),
        rows: ws
            .organization
            .iter()
            .map(|o| vec![text(&o.name), opt_text(o.north_star.as_deref())])
            .collect(),
    });
    out
}

/// Which metric columns a workspace needs: each metric name in the order first met, with
/// whether any touchpoint gives it a target, a direction or a unit.
fn metric_columns(ws: &Workspace) -> Vec<(String, bool, bool, bool)> {
    let mut out: Vec<(String, bool, bool, bool)> = Vec::new();
    for (_, t) in ws.touchpoints() {
        for m in &t.metrics {
            let i = match out.iter().position(|(n, ..)| *n == m.name) {
                Some(i) => i,
                None => {
                    out.push((m.name.clone(), false, false, false));
                    out.len() - 1
                }
            };
            out[i].1 |= m.target.is_some();
            out[i].2 |= m.better == Better::Lower;
            out[i].3 |= m.unit.is_some();
        }
    }
    out
}

fn touchpoints(ws: &Workspace) -> Table {
    let spec = &columns::TOUCHPOINTS;
    let mut headers = headers(spec);
    let metrics = metric_columns(ws);
    for (name, target, better, unit) in &metrics {
        let mut add = |prefix: &str, note: String, wanted: bool| {
            if wanted {
                let text = format!("{prefix}{name}");
                let width = u16::try_from(text.chars().count() + 2)
                    .unwrap_or(30)
                    .clamp(12, 30);
                headers.push(Header {
                    text,
                    note,
                    width,
                    kind: None,
                });
            }
        };
        add(
            "metric:",
            format!("The measured value of {name} at this touchpoint."),
            true,
        );
        add(
            "target:",
            format!("The value {name} should reach."),
            *target,
        );
        add(
            "better:",
            format!("Which way {name} improves: higher (the default) or lower."),
            *better,
        );
        add(
            "unit:",
            format!("The unit of {name}, shown beside the value (days, %, points)."),
            *unit,
        );
    }
    let dept = |d: &usize| ws.departments[*d].id.as_str();
    let data = |d: &usize| ws.data[*d].id.as_str();
    let mut rows = Vec::new();
    for j in &ws.journeys {
        for t in &j.touchpoints {
            let next: Vec<String> = t
                .next
                .iter()
                .map(|s| {
                    let to = escape::next_target(&j.touchpoints[s.to].id);
                    match &s.label {
                        Some(label) => format!("{to}: {}", escape::list_item(label)),
                        None => to,
                    }
                })
                .collect();
            let mut row = vec![
                text(&j.id),
                text(&t.id),
                text(&t.name),
                opt_text(t.stage.map(|s| j.stages[s].as_str())),
                list(t.owners.iter().map(dept)),
                list(t.channels.iter().map(String::as_str)),
                Value::Bool(t.backstage),
                Value::Bool(t.purchase),
                list(t.uses.iter().map(data)),
                list(t.asks.iter().map(data)),
                list(t.supported_by.iter().map(dept)),
                list(t.artifacts.iter().map(String::as_str)),
                t.score
                    .map_or(Value::Empty, |s| Value::Number(f64::from(s))),
                if next.is_empty() {
                    Value::Empty
                } else {
                    Value::Text(next.join("; "))
                },
            ];
            for (name, target, better, unit) in &metrics {
                let m = t.metrics.iter().find(|m| m.name == *name);
                row.push(m.map_or(Value::Empty, |m| Value::Number(m.value)));
                if *target {
                    row.push(m.and_then(|m| m.target).map_or(Value::Empty, Value::Number));
                }
                if *better {
                    row.push(match m.map(|m| m.better) {
                        Some(Better::Lower) => text("lower"),
                        Some(Better::Higher) => text("higher"),
                        None => Value::Empty,
                    });
                }
                if *unit {
                    row.push(opt_text(m.and_then(|m| m.unit.as_deref())));
                }
            }
            rows.push(row);
        }
    }
    Table {
        spec,
        headers,
        rows,
    }
}

/// The stage names of every journey, each once, in the order first met: the dropdown of the
/// touchpoints' `stage` column.
pub fn stage_names(ws: &Workspace) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in ws.journeys.iter().flat_map(|j| &j.stages) {
        if !out.contains(s) {
            out.push(s.clone());
        }
    }
    out
}
