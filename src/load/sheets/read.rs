//! Reading spreadsheet files into plain tables of cells: `.xlsx` (and the other workbooks
//! calamine reads: `.xlsm`, `.xls`, `.ods`) sheet by sheet, `.csv` as one table named after
//! the file. Nothing here knows what a sheet means; [`super::rows`] does.
//!
//! A CSV file may come from Excel: a UTF-8 byte-order mark is skipped, CRLF line ends are
//! read, and a file written with `;` between fields (Excel in many European locales) is
//! recognised from its header line. A text cell that starts with `'` followed by one of
//! `= + - @ ' \t \r` loses the `'`: that is how cxmap's CSV export keeps such text from
//! becoming a formula (see `present::escape::csv_cell`), and how Excel users write it.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader};

use crate::fatal::FatalError;
use crate::model::Date;
use crate::problem::SheetProblem;
use crate::source::CellPlace;

/// Workbooks and CSV files larger than this are refused, as TOML files are.
pub const MAX_SHEET_FILE_BYTES: u64 = crate::load::MAX_FILE_BYTES;
/// More rows than this in one sheet are refused (a workspace of 100,000 touchpoints fits).
const MAX_ROWS: usize = 200_000;
/// More columns than this in one sheet are refused.
const MAX_COLUMNS: usize = 2_000;

/// One cell's value, as the file gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
    /// An Excel error value such as `#N/A`.
    Error(String),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A sheet of a workbook, or a CSV file.
#[derive(Debug)]
pub struct Table {
    /// The file's path as shown to users.
    pub file: String,
    /// The sheet's name; `None` for a CSV file.
    pub sheet: Option<String>,
    /// What the table is matched by: the sheet's name, or the CSV file's name without `.csv`.
    pub name: String,
    /// Rows from the first (the header row), each as long as it was written.
    pub rows: Vec<Vec<Cell>>,
}

/// The file kinds cxmap reads tables from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Workbook,
    Csv,
}

/// What kind of file a path names, by its extension.
pub fn kind(path: &Path) -> Option<Kind> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "xlsx" | "xlsm" | "xls" | "ods" => Some(Kind::Workbook),
        "csv" => Some(Kind::Csv),
        _ => None,
    }
}

/// Reads one file's tables. `Err` when the file cannot be read at all (exit status 2); a
/// file that can be read but is not a workbook or not UTF-8 is a problem (exit status 1).
pub fn read_file(
    path: &Path,
    display: &str,
    tables: &mut Vec<Table>,
    problems: &mut Vec<SheetProblem>,
) -> Result<(), FatalError> {
    let Some(kind) = kind(path) else {
        return Err(FatalError::new(format!(
            "cannot read `{display}`: not a spreadsheet cxmap reads"
        ))
        .with_help("give an Excel workbook (.xlsx) or CSV files named after their sheet (touchpoints.csv, departments.csv, ...)"));
    };
    let cannot = |e: std::io::Error| FatalError::new(format!("cannot read `{display}`: {e}"));
    let size = std::fs::metadata(path).map_err(cannot)?.len();
    if size > MAX_SHEET_FILE_BYTES {
        problems.push(
            SheetProblem::new(
                CellPlace::file(display, None),
                format!(
                    "file is too large ({} MiB; the limit is {} MiB)",
                    size / (1024 * 1024),
                    MAX_SHEET_FILE_BYTES / (1024 * 1024)
                ),
            )
            .with_help("split the journeys over several workbooks"),
        );
        return Ok(());
    }
    let bytes = std::fs::read(path).map_err(cannot)?;
    match kind {
        Kind::Workbook => read_workbook(&bytes, display, tables, problems),
        Kind::Csv => {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            read_csv(&bytes, display, &name, tables, problems);
        }
    }
    Ok(())
}

/// Every sheet of a workbook given as bytes.
pub fn read_workbook(
    bytes: &[u8],
    display: &str,
    tables: &mut Vec<Table>,
    problems: &mut Vec<SheetProblem>,
) {
    // A malformed workbook must be a problem, never a crash: calamine is guarded.
    let read = std::panic::catch_unwind(|| workbook_tables(bytes, display));
    match read {
        Ok(Ok(read)) => {
            for table in read {
                check_size(&table, problems);
                tables.push(table);
            }
        }
        Ok(Err(message)) => problems.push(
            SheetProblem::new(CellPlace::file(display, None), message)
                .with_help("save it from Excel or LibreOffice as an Excel workbook (.xlsx)"),
        ),
        Err(_) => problems.push(
            SheetProblem::new(
                CellPlace::file(display, None),
                "the workbook is damaged and cannot be read",
            )
            .with_help("open it in Excel or LibreOffice and save it again as .xlsx"),
        ),
    }
}

fn workbook_tables(bytes: &[u8], display: &str) -> Result<Vec<Table>, String> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| format!("not a workbook cxmap can read: {e}"))?;
    let mut tables = Vec::new();
    for sheet in book.sheet_names() {
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| format!("cannot read the sheet `{sheet}`: {e}"))?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((top, left)) = range.start() {
            let (top, left) = (top as usize, left as usize);
            if top > MAX_ROWS || left > MAX_COLUMNS {
                return Err(format!(
                    "the sheet `{sheet}` starts too far from its corner"
                ));
            }
            rows.resize_with(top, Vec::new);
            for row in range.rows().take(MAX_ROWS + 1) {
                let mut cells = vec![Cell::Empty; left];
                cells.extend(row.iter().take(MAX_COLUMNS + 1).map(cell));
                while cells.last().is_some_and(Cell::is_empty) {
                    cells.pop();
                }
                rows.push(cells);
            }
        }
        tables.push(Table {
            file: display.to_owned(),
            name: sheet.clone(),
            sheet: Some(sheet),
            rows,
        });
    }
    Ok(tables)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        #[allow(clippy::cast_precision_loss)] // cell integers are far below 2^53
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(Date::new(i32::from(y), m, d))
        }
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

fn check_size(table: &Table, problems: &mut Vec<SheetProblem>) {
    let wide = table.rows.iter().any(|r| r.len() > MAX_COLUMNS);
    if table.rows.len() > MAX_ROWS || wide {
        problems.push(SheetProblem::new(
            CellPlace::file(&table.file, table.sheet.clone()),
            format!(
                "the sheet is too large (the limit is {MAX_ROWS} rows and {MAX_COLUMNS} columns)"
            ),
        ));
    }
}

/// The field separator of a CSV file: `,`, or `;` or a tab when the header line has more of
/// those outside quotes (Excel writes `;` in locales where `,` is the decimal mark).
fn delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    match counts {
        [c, s, t] if s > c && s >= t => b';',
        [c, s, t] if t > c && t > s => b'\t',
        _ => b',',
    }
}

/// A CSV file given as bytes, as the table `name`.
pub fn read_csv(
    bytes: &[u8],
    display: &str,
    name: &str,
    tables: &mut Vec<Table>,
    problems: &mut Vec<SheetProblem>,
) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let line = bytecount(&bytes[..e.valid_up_to()], b'\n');
            problems.push(
                SheetProblem::new(
                    CellPlace::file(display, None),
                    format!("the file is not UTF-8 text (line {})", line + 1),
                )
                .with_help("in Excel, save as \"CSV UTF-8 (Comma delimited)\""),
            );
            return;
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => rows.push(record.iter().map(csv_cell).collect()),
            Err(e) => {
                let mut at = CellPlace::file(display, None);
                at.row = e
                    .position()
                    .map(|p| usize::try_from(p.record()).unwrap_or(0) + 1);
                problems.push(
                    SheetProblem::new(at, format!("cannot read the CSV file: {e}"))
                        .with_help("save it again as CSV from your spreadsheet program"),
                );
                return;
            }
        }
        if rows.len() > MAX_ROWS {
            break;
        }
    }
    let table = Table {
        file: display.to_owned(),
        sheet: None,
        name: name.to_owned(),
        rows,
    };
    check_size(&table, problems);
    tables.push(table);
}

fn bytecount(bytes: &[u8], byte: u8) -> usize {
    bytes.split(|&b| b == byte).count() - 1
}

/// A CSV field: empty is no value; the export's formula guard is taken off.
fn csv_cell(field: &str) -> Cell {
    if field.is_empty() {
        return Cell::Empty;
    }
    Cell::Text(csv_unguard(field).to_owned())
}

/// The inverse of `present::escape::csv_cell`: `'=SUM(A1)` is the text `=SUM(A1)`.
pub fn csv_unguard(field: &str) -> &str {
    match field.as_bytes() {
        [b'\'', b'=' | b'+' | b'-' | b'@' | b'\'' | b'\t' | b'\r', ..] => &field[1..],
        _ => field,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_recognised_from_the_header() {
        assert_eq!(delimiter("journey,id,name\n"), b',');
        assert_eq!(delimiter("journey;id;name\r\n"), b';');
        assert_eq!(delimiter("\"a;b\",c\n"), b',');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
    }

    #[test]
    fn the_formula_guard_comes_off() {
        assert_eq!(csv_unguard("'=1+1"), "=1+1");
        assert_eq!(csv_unguard("''=1"), "'=1");
        assert_eq!(csv_unguard("'tis"), "'tis");
        assert_eq!(csv_unguard("-"), "-");
    }
}
