//! Problems in spreadsheets and CSV files, for people and for machines. The text form reads
//! like `cxmap check`'s, with the cell in place of a line:
//!
//! ```text
//! error: unknown department `salse`
//!  --> journeys.xlsx, sheet touchpoints, row 4, column E (owner)
//!   = help: did you mean `sales`?
//! ```

use std::io::Write;

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::escape::terminal;
use super::terminal::plural;
use crate::problem::SheetProblem;

/// Every problem, then a summary line ending in `tail` ("nothing was written").
pub fn write_text(
    problems: &[SheetProblem],
    color: bool,
    tail: &str,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let paint = |style: Style, text: &str| {
        if color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    };
    let red = AnsiColor::Red.on_default().bold();
    let blue = AnsiColor::Blue.on_default().bold();
    for p in problems {
        writeln!(out, "{}: {}", paint(red, "error"), terminal(&p.message))?;
        writeln!(
            out,
            " {} {}",
            paint(blue, "-->"),
            terminal(&p.at.to_string())
        )?;
        if let Some(help) = &p.help {
            writeln!(out, "  {} help: {}", paint(blue, "="), terminal(help))?;
        }
        writeln!(out)?;
    }
    let files: std::collections::BTreeSet<&str> =
        problems.iter().map(|p| p.at.file.as_str()).collect();
    let summary = format!(
        "{} in {}; {tail}",
        plural(problems.len(), "problem"),
        plural(files.len(), "file")
    );
    writeln!(out, "{}", paint(red, &summary))
}

#[derive(Serialize)]
struct ProblemJson<'a> {
    message: &'a str,
    file: &'a str,
    sheet: Option<&'a str>,
    row: Option<usize>,
    column: Option<String>,
    header: Option<&'a str>,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct Output<'a> {
    errors: Vec<ProblemJson<'a>>,
    /// The files written (none when there is any error).
    written: &'a [String],
}

/// `{ "errors": [ { message, file, sheet, row, column, header, help } ], "written": [...] }`;
/// `column` is the column's letters (`C`).
pub fn write_json(
    problems: &[SheetProblem],
    written: &[String],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let errors = problems
        .iter()
        .map(|p| ProblemJson {
            message: &p.message,
            file: &p.at.file,
            sheet: p.at.sheet.as_deref(),
            row: p.at.row,
            column: p.at.column.map(crate::source::column_letters),
            header: p.at.header.as_deref(),
            help: p.help.as_deref(),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &Output { errors, written })
        .map_err(std::io::Error::from)?;
    writeln!(out)
}
