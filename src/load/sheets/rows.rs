//! Reading a table's header and rows by its sheet's columns: every header matched (without
//! regard to case, with "did you mean" for a misspelt one), every cell converted, every
//! problem kept (the header row is matched in [`super::headers`]). Departments, data and the
//! organisation are read here; journeys, touchpoints and insights in [`super::journeys`].

use std::collections::BTreeMap;

use super::cells::{self, Read, Wrong};
use super::columns::{self, SheetSpec};
use super::headers::{header_text, layout, match_tables};
use super::read::{Cell, Table};
use super::{At, Book, DataRow, DepartmentRow, OrganizationRow, TableInfo, Val, place};
use crate::problem::SheetProblem;

/// What a column of a table is.
#[derive(Debug, Clone)]
pub(super) enum ColumnKey {
    Known,
    /// `metric:<name>` and friends: the prefix and the metric's name.
    Metric(&'static str, String),
    /// A note column (`#...`) or an empty one, or one already reported.
    Skip,
}

/// A table read against its sheet's columns.
pub(super) struct Sheet<'a> {
    pub index: usize,
    pub table: &'a Table,
    pub keys: Vec<ColumnKey>,
    pub by_key: BTreeMap<&'static str, usize>,
}

/// Collects problems with their places.
pub(super) struct Problems<'a> {
    pub tables: &'a [TableInfo],
    pub list: &'a mut Vec<SheetProblem>,
}

impl Problems<'_> {
    pub fn at(&mut self, at: At, message: impl Into<String>, help: Option<String>) {
        let mut p = SheetProblem::new(place(self.tables, at), message);
        p.help = help;
        self.list.push(p);
    }

    pub fn wrong(&mut self, at: At, wrong: Wrong) {
        self.at(at, wrong.message, wrong.help);
    }
}

/// One row of a sheet, read cell by cell.
pub(super) struct Row<'s, 't> {
    pub sheet: &'s Sheet<'t>,
    pub row: usize,
}

impl Row<'_, '_> {
    pub fn at(&self, column: Option<usize>) -> At {
        At {
            table: self.sheet.index,
            row: self.row,
            column,
        }
    }

    pub fn cell(&self, column: usize) -> &Cell {
        self.sheet.table.rows[self.row]
            .get(column)
            .unwrap_or(&Cell::Empty)
    }

    /// The value of the column `key`, read with `convert`; a problem when it cannot be read.
    pub fn get<T>(
        &self,
        key: &str,
        convert: fn(&Cell) -> Read<T>,
        problems: &mut Problems,
    ) -> Option<Val<T>> {
        let column = *self.sheet.by_key.get(key)?;
        self.read(column, convert, problems)
    }

    pub fn read<T>(
        &self,
        column: usize,
        convert: fn(&Cell) -> Read<T>,
        problems: &mut Problems,
    ) -> Option<Val<T>> {
        let at = self.at(Some(column));
        match convert(self.cell(column)) {
            Ok(value) => value.map(|value| Val { value, at }),
            Err(wrong) => {
                problems.wrong(at, wrong);
                None
            }
        }
    }

    /// A required value: a problem when its cell is empty.
    pub fn required<T>(
        &self,
        key: &str,
        convert: fn(&Cell) -> Read<T>,
        help: &str,
        problems: &mut Problems,
    ) -> Option<Val<T>> {
        let column = *self.sheet.by_key.get(key)?;
        if self.cell(column).is_empty() {
            problems.at(
                self.at(Some(column)),
                format!("`{key}` is empty"),
                Some(help.to_owned()),
            );
            return None;
        }
        self.read(column, convert, problems)
    }
}

impl<'t> Sheet<'t> {
    /// The rows below the header that hold anything.
    pub fn rows<'s>(&'s self) -> impl Iterator<Item = Row<'s, 't>> + 's {
        (1..self.table.rows.len())
            .filter(|&r| self.table.rows[r].iter().any(|c| !c.is_empty()))
            .map(move |row| Row { sheet: self, row })
    }
}

/// Reads every table into a book.
pub(super) fn book(tables: &[Table], list: &mut Vec<SheetProblem>) -> Book {
    let infos: Vec<TableInfo> = tables
        .iter()
        .map(|t| TableInfo {
            file: t.file.clone(),
            sheet: t.sheet.clone(),
            headers: t
                .rows
                .first()
                .map(|r| r.iter().map(header_text).collect())
                .unwrap_or_default(),
        })
        .collect();
    let mut problems = Problems {
        tables: &infos,
        list,
    };
    let found = match_tables(tables, &mut problems);
    if found.is_empty() && !tables.is_empty() {
        problems.at(
            At { table: 0, row: 0, column: None },
            "no sheet of a journey workbook was found",
            Some(format!("cxmap reads the sheets {}; `cxmap export --template -o journeys.xlsx` writes an empty workbook to start from", columns::SHEETS.iter().map(|s| s.name).collect::<Vec<_>>().join(", "))),
        );
    }
    let sheet = |spec: &SheetSpec, problems: &mut Problems| {
        found
            .get(spec.name)
            .map(|&i| layout(i, &tables[i], spec, problems))
    };
    let mut book = Book::default();
    if let Some(s) = sheet(&columns::DEPARTMENTS, &mut problems) {
        book.departments = departments(&s, &mut problems);
    }
    if let Some(s) = sheet(&columns::DATA, &mut problems) {
        book.data = data(&s, &mut problems);
    }
    if let Some(s) = sheet(&columns::ORGANIZATION, &mut problems) {
        book.organization = organization(&s, &mut problems);
    }
    let journeys = sheet(&columns::JOURNEYS, &mut problems);
    let touchpoints = sheet(&columns::TOUCHPOINTS, &mut problems);
    let insights = sheet(&columns::INSIGHTS, &mut problems);
    book.journeys = super::journeys::read(
        journeys.as_ref(),
        touchpoints.as_ref(),
        insights.as_ref(),
        &mut problems,
    );
    let empty = book.organization.is_none()
        && book.departments.is_empty()
        && book.data.is_empty()
        && book.journeys.is_empty();
    if let Some(&first) = found
        .values()
        .min()
        .filter(|_| empty && problems.list.is_empty())
    {
        problems.at(
            At {
                table: first,
                row: 0,
                column: None,
            },
            "nothing to import: the sheets have no rows below their headers",
            Some(
                "fill in the departments, data, journeys and touchpoints sheets, one row each"
                    .to_owned(),
            ),
        );
    }
    book.tables.clone_from(&infos);
    book
}

/// Reports an id seen before in the same namespace; true when it is new.
pub(super) fn first_time(
    seen: &mut BTreeMap<String, usize>,
    id: &Val<String>,
    what: &str,
    problems: &mut Problems,
) -> bool {
    if let Some(row) = seen.get(&id.value) {
        problems.at(
            id.at,
            format!("{what} `{}` is already in row {}", id.value, row + 1),
            Some("ids are unique: rename one of them, or merge the two rows".to_owned()),
        );
        return false;
    }
    seen.insert(id.value.clone(), id.at.row);
    true
}

fn departments(sheet: &Sheet, problems: &mut Problems) -> Vec<DepartmentRow> {
    let mut out = Vec::new();
    let mut seen = BTreeMap::new();
    for row in sheet.rows() {
        let id = row.required(
            "id",
            cells::id,
            "give the department an id, e.g. `customer-care`",
            problems,
        );
        let facing = row.required(
            "customer_facing",
            cells::boolean,
            "write TRUE when its people deal with customers, else FALSE",
            problems,
        );
        let Some(id) = id.filter(|id| first_time(&mut seen, id, "department", problems)) else {
            continue;
        };
        out.push(DepartmentRow {
            customer_facing: facing.unwrap_or(Val {
                value: false,
                at: row.at(None),
            }),
            name: row.get("name", cells::text, problems),
            champion: row.get("champion", cells::text, problems),
            external: row.get("external", cells::boolean, problems),
            id,
        });
    }
    out
}

fn data(sheet: &Sheet, problems: &mut Problems) -> Vec<DataRow> {
    let mut out = Vec::new();
    let mut seen = BTreeMap::new();
    for row in sheet.rows() {
        let Some(id) = row
            .required(
                "id",
                cells::id,
                "give the data asset an id, e.g. `customer-profile`",
                problems,
            )
            .filter(|id| first_time(&mut seen, id, "data asset", problems))
        else {
            continue;
        };
        let held_at = row.at(sheet.by_key.get("held_by").copied());
        let held_by = row.get("held_by", cells::list, problems).unwrap_or(Val {
            value: Vec::new(),
            at: held_at,
        });
        out.push(DataRow {
            name: row.get("name", cells::text, problems),
            held_by,
            id,
        });
    }
    out
}

fn organization(sheet: &Sheet, problems: &mut Problems) -> Option<OrganizationRow> {
    let mut out = None;
    for row in sheet.rows() {
        if out.is_some() {
            problems.at(
                row.at(None),
                "a second organisation",
                Some(
                    "the organization sheet has one row: the organisation's name and north star"
                        .to_owned(),
                ),
            );
            continue;
        }
        let name = row.required(
            "name",
            cells::text,
            "write the organisation's name",
            problems,
        );
        let north_star = row.get("north_star", cells::text, problems);
        out = name.map(|name| OrganizationRow { name, north_star });
    }
    out
}
