//! A table's header row matched against its sheet's columns (without regard to case, with
//! "did you mean" for a misspelt header, `#` columns kept for notes), and the tables of a
//! workbook matched to the sheets cxmap reads.

use std::collections::BTreeMap;

use super::At;
use super::cells;
use super::columns::{self, SheetSpec};
use super::read::{Cell, Table};
use super::rows::{ColumnKey, Problems, Sheet};
use crate::suggest;

/// Matches a table's header row against its sheet's columns.
pub(super) fn layout<'t>(
    index: usize,
    table: &'t Table,
    spec: &SheetSpec,
    problems: &mut Problems,
) -> Sheet<'t> {
    let header_at = |column| At {
        table: index,
        row: 0,
        column,
    };
    let headers: Vec<String> = table
        .rows
        .first()
        .map(|r| r.iter().map(header_text).collect())
        .unwrap_or_default();
    let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut keys = Vec::with_capacity(width);
    let mut by_key: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut metrics: BTreeMap<(&'static str, String), usize> = BTreeMap::new();
    let known: Vec<&str> = spec.columns.iter().map(|c| c.key).collect();
    for column in 0..width {
        let header = headers.get(column).map_or("", String::as_str);
        let key = if header.trim().is_empty() || header.trim_start().starts_with('#') {
            let holds = table
                .rows
                .iter()
                .skip(1)
                .any(|r| r.get(column).is_some_and(|c| !c.is_empty()));
            if header.trim().is_empty() && holds {
                problems.at(
                    header_at(Some(column)),
                    "this column holds values but has no header",
                    Some("give it one of the sheet's headers, or a header starting with # for a column of notes cxmap ignores".to_owned()),
                );
            }
            ColumnKey::Skip
        } else if let Some(c) = spec.column(&columns::normalise(header)) {
            if let Some(first) = by_key.get(c.key) {
                problems.at(
                    header_at(Some(column)),
                    format!("a second `{}` column", c.key),
                    Some(format!(
                        "the first is column {}; keep one",
                        crate::source::column_letters(first + 1)
                    )),
                );
                ColumnKey::Skip
            } else {
                by_key.insert(c.key, column);
                ColumnKey::Known
            }
        } else if let Some((prefix, name)) = columns::metric_header(header).filter(|_| spec.metrics)
        {
            if name.is_empty() {
                problems.at(
                    header_at(Some(column)),
                    format!("`{prefix}` names no metric"),
                    Some(format!(
                        "write the metric's name after the colon, e.g. `{prefix}csat`"
                    )),
                );
                ColumnKey::Skip
            } else if metrics.insert((prefix, name.to_owned()), column).is_some() {
                problems.at(
                    header_at(Some(column)),
                    format!("a second `{prefix}{name}` column"),
                    None,
                );
                ColumnKey::Skip
            } else {
                ColumnKey::Metric(prefix, name.to_owned())
            }
        } else {
            let mut candidates = known.clone();
            if spec.metrics {
                candidates.extend(columns::METRIC_PREFIXES);
            }
            let help = suggest::did_you_mean_or(
                &columns::normalise(header),
                candidates.iter().copied(),
                || {
                    let list: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
                    let metric = if spec.metrics {
                        ", `metric:<name>`, `target:<name>`, `better:<name>`, `unit:<name>`"
                    } else {
                        ""
                    };
                    format!(
                        "the {} sheet's columns are {}{metric}; start a header with # for a column of notes",
                        spec.name,
                        list.join(", ")
                    )
                },
            );
            problems.at(
                header_at(Some(column)),
                format!("unknown column `{}`", header.trim()),
                Some(help),
            );
            ColumnKey::Skip
        };
        keys.push(key);
    }
    let has_rows = table
        .rows
        .iter()
        .skip(1)
        .any(|r| r.iter().any(|c| !c.is_empty()));
    if headers.iter().all(|h| h.trim().is_empty()) {
        if has_rows {
            problems.at(
                header_at(None),
                "the first row holds no headers",
                Some(format!(
                    "the first row names the columns: {}",
                    known.join(", ")
                )),
            );
        }
    } else {
        for c in spec
            .columns
            .iter()
            .filter(|c| c.required && !by_key.contains_key(c.key))
        {
            problems.at(
                header_at(None),
                format!("the {} sheet has no `{}` column", spec.name, c.key),
                Some(format!("add a column headed `{}`: {}", c.key, c.note)),
            );
        }
    }
    for ((prefix, name), column) in &metrics {
        if *prefix != "metric:" && !metrics.contains_key(&("metric:", name.clone())) {
            problems.at(
                header_at(Some(*column)),
                format!("`{prefix}{name}` has no `metric:{name}` column beside it"),
                Some(format!(
                    "add a `metric:{name}` column with the measured values"
                )),
            );
        }
    }
    Sheet {
        index,
        table,
        keys,
        by_key,
    }
}

pub(super) fn header_text(cell: &Cell) -> String {
    cells::text(cell).ok().flatten().unwrap_or_default()
}

/// Sheets of cxmap's own workbooks that import leaves alone: the instructions and the
/// stage names behind the `stage` dropdown.
const IGNORED: [&str; 2] = ["instructions", "lists"];

/// The table of each known sheet, and problems for unknown ones that look like a misspelt
/// sheet name (or any unknown CSV file, which was named on purpose).
pub(super) fn match_tables(
    tables: &[Table],
    problems: &mut Problems,
) -> BTreeMap<&'static str, usize> {
    let mut found: BTreeMap<&'static str, usize> = BTreeMap::new();
    let names: Vec<&str> = columns::SHEETS.iter().map(|s| s.name).collect();
    for (index, table) in tables.iter().enumerate() {
        let at = At {
            table: index,
            row: 0,
            column: None,
        };
        let normal = columns::normalise(&table.name);
        if let Some(spec) = columns::SHEETS.iter().find(|s| s.name == normal) {
            if found.insert(spec.name, index).is_some() {
                problems.at(
                    at,
                    format!("a second `{}` sheet", spec.name),
                    Some("give each sheet once".to_owned()),
                );
            }
            continue;
        }
        if IGNORED.contains(&normal.as_str()) {
            continue;
        }
        let near = suggest::did_you_mean(&normal, names.iter().copied());
        let wanted = table.sheet.is_none()
            || near.is_some_and(|n| !tables.iter().any(|t| columns::normalise(&t.name) == n));
        if wanted {
            let what = if table.sheet.is_some() {
                "sheet"
            } else {
                "CSV file"
            };
            problems.at(
                at,
                format!("`{}` is not a {what} cxmap reads", table.name),
                Some(suggest::did_you_mean_or(
                    &normal,
                    names.iter().copied(),
                    || {
                        format!(
                            "name CSV files after their sheet: {}",
                            names
                                .iter()
                                .map(|n| format!("{n}.csv"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    },
                )),
            );
        }
    }
    found
}
