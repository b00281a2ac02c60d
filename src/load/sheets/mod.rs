//! Spreadsheets in: a journey workbook (`.xlsx`) or its sheets as CSV files, read into a
//! [`Book`]: the rows of every sheet as typed values, each with the cell it came from.
//!
//! Reading is three steps: [`read`] turns files into plain tables of cells, [`columns`] says
//! what each sheet and column means, and [`rows`] and [`journeys`] read every row, collecting
//! every problem (a misspelt header, `maybe` in a TRUE/FALSE column, a touchpoint of an
//! unknown journey) instead of stopping at the first. What a `Book` means as a workspace is
//! decided by writing it as TOML (`present::toml`) and loading that like any other TOML, so
//! an import is exactly as valid as `cxmap check` would find it.
//!
//! Architecture invariant: like the rest of `load`, this knows no output format; cells are
//! never written here.

pub mod cells;
pub mod columns;
mod headers;
mod journeys;
pub mod read;
mod rows;
pub mod survey;

use std::path::Path;

use crate::fatal::FatalError;
use crate::model::Date;
use crate::problem::SheetProblem;
use crate::source::CellPlace;

pub use read::{Cell, Table};

/// A cell of a read table: the table's index in [`Book::tables`], the row and the column
/// (0-based; the header is row 0). `column` is `None` for a whole row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct At {
    pub table: usize,
    pub row: usize,
    pub column: Option<usize>,
}

impl At {
    /// The row this cell is in.
    #[must_use]
    pub fn row_only(self) -> At {
        At {
            column: None,
            ..self
        }
    }
}

/// A value with the cell it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Val<T> {
    pub value: T,
    pub at: At,
}

/// Where a table came from and its headers, for pointing at its cells.
#[derive(Debug, Clone)]
pub struct TableInfo {
    pub file: String,
    pub sheet: Option<String>,
    pub headers: Vec<String>,
}

/// Every row of a journey workbook, read and typed, not yet checked as a workspace.
#[derive(Debug, Default)]
pub struct Book {
    pub tables: Vec<TableInfo>,
    pub organization: Option<OrganizationRow>,
    pub departments: Vec<DepartmentRow>,
    pub data: Vec<DataRow>,
    /// The journeys sheet's rows in order, then journeys only named by touchpoints, in the
    /// order they first appear.
    pub journeys: Vec<JourneyRows>,
}

impl Book {
    /// The cell `at` as users read it: file, sheet, row, column and header.
    pub fn place(&self, at: At) -> CellPlace {
        place(&self.tables, at)
    }
}

fn place(tables: &[TableInfo], at: At) -> CellPlace {
    let Some(table) = tables.get(at.table) else {
        return CellPlace::file("", None);
    };
    CellPlace {
        file: table.file.clone(),
        sheet: table.sheet.clone(),
        row: Some(at.row + 1),
        column: at.column.map(|c| c + 1),
        header: at
            .column
            .and_then(|c| table.headers.get(c))
            .map(|h| h.trim().to_owned()),
    }
}

/// A `next` entry: the touchpoint id and the arrow's label.
pub type NextEntry = (String, Option<String>);

#[derive(Debug)]
pub struct OrganizationRow {
    pub name: Val<String>,
    pub north_star: Option<Val<String>>,
}

#[derive(Debug)]
pub struct DepartmentRow {
    pub id: Val<String>,
    pub name: Option<Val<String>>,
    pub customer_facing: Val<bool>,
    pub champion: Option<Val<String>>,
    pub external: Option<Val<bool>>,
}

#[derive(Debug)]
pub struct DataRow {
    pub id: Val<String>,
    pub name: Option<Val<String>>,
    pub held_by: Val<Vec<String>>,
}

#[derive(Debug)]
pub struct JourneyRows {
    /// The journeys sheet's row; `None` for a journey only named by touchpoints.
    pub row: Option<At>,
    pub id: Val<String>,
    pub name: Option<Val<String>>,
    pub persona: Option<Val<String>>,
    pub owner: Option<Val<String>>,
    pub stages: Option<Val<Vec<String>>>,
    pub touchpoints: Vec<TouchpointRow>,
}

#[derive(Debug)]
pub struct TouchpointRow {
    pub row: At,
    pub id: Val<String>,
    pub name: Option<Val<String>>,
    pub stage: Option<Val<String>>,
    pub owner: Option<Val<Vec<String>>>,
    pub channel: Option<Val<Vec<String>>>,
    pub backstage: Option<Val<bool>>,
    pub purchase: Option<Val<bool>>,
    pub uses: Option<Val<Vec<String>>>,
    pub asks: Option<Val<Vec<String>>>,
    pub artifacts: Option<Val<Vec<String>>>,
    pub insights: Vec<InsightRow>,
    pub supported_by: Option<Val<Vec<String>>>,
    pub score: Option<Val<i64>>,
    /// In the order of their columns.
    pub metrics: Vec<MetricCells>,
    pub next: Option<Val<Vec<NextEntry>>>,
}

/// A metric of one touchpoint, from its `metric:`, `target:`, `better:` and `unit:` cells.
#[derive(Debug)]
pub struct MetricCells {
    pub name: String,
    pub value: Val<f64>,
    pub target: Option<Val<f64>>,
    /// `true` for `lower` (the value should go down); `higher` is the default.
    pub lower_is_better: Option<Val<bool>>,
    pub unit: Option<Val<String>>,
}

#[derive(Debug)]
pub struct InsightRow {
    pub row: At,
    pub source: Val<String>,
    pub quote: Option<Val<String>>,
    pub date: Option<Val<Date>>,
    pub sample: Option<Val<i64>>,
}

/// Reads the files (one workbook, or CSV files named after their sheets; a folder stands
/// for the CSV files in it) into a [`Book`] and every problem found. `Err` when the command
/// cannot run (a file that does not exist or cannot be read).
pub fn read_files(paths: &[impl AsRef<Path>]) -> Result<(Book, Vec<SheetProblem>), FatalError> {
    let mut tables = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let path = path.as_ref();
        if path.is_dir() {
            let mut csvs: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| FatalError::new(format!("cannot read `{}`: {e}", path.display())))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| read::kind(p) == Some(read::Kind::Csv))
                .collect();
            csvs.sort();
            if csvs.is_empty() {
                return Err(FatalError::new(format!(
                    "`{}` holds no CSV files",
                    path.display()
                ))
                .with_help("give a workbook (.xlsx), or CSV files named touchpoints.csv, departments.csv, data.csv, ..."));
            }
            for csv in csvs {
                read::read_file(&csv, &display(&csv), &mut tables, &mut problems)?;
            }
        } else if path.exists() {
            read::read_file(path, &display(path), &mut tables, &mut problems)?;
        } else {
            return Err(FatalError::new(format!(
                "`{}` does not exist",
                path.display()
            )));
        }
    }
    let book = rows::book(&tables, &mut problems);
    problems.sort();
    problems.dedup();
    Ok((book, problems))
}

/// Reads tables already in memory (for tests): the same as [`read_files`] after reading.
pub fn read_tables(tables: &[Table]) -> (Book, Vec<SheetProblem>) {
    let mut problems = Vec::new();
    let book = rows::book(tables, &mut problems);
    problems.sort();
    problems.dedup();
    (book, problems)
}

fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}
