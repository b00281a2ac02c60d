//! `cxmap import FILE... -o DIR`: journeys from a workbook or CSV files into TOML files, one
//! per journey plus `org.toml`. The rows are written as TOML, then loaded like any workspace,
//! so an import is exactly as valid as `cxmap check` finds it; a problem found in the TOML
//! is pointed back at the cell it came from. All problems are reported in one run, and
//! nothing is written while there is any. Never overwrites a file.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;

use super::rules::schema_text;
use super::{ColorChoice, Failure, Io, exit};
use crate::load::{self, sheets};
use crate::present::terminal::plural;
use crate::present::{self, files::Output, sheet_problems, toml::TomlFile};
use crate::problem::SheetProblem;
use crate::source::CellPlace;

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// An Excel workbook (.xlsx), or CSV files named after their sheet (touchpoints.csv,
    /// departments.csv, data.csv, ...), or a folder of them
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The folder to write the journey files to (it may exist; no file in it is replaced)
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub output: PathBuf,
    /// How to report problems
    #[arg(long, value_enum, default_value_t = ProblemFormat::Text)]
    pub format: ProblemFormat,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemFormat {
    Text,
    Json,
}

/// The journey files a book makes, or every problem found in it: those of its cells, then
/// those `cxmap check` finds in the TOML, pointed back at their cells. `source` names the
/// spreadsheet in the files' first comment.
pub fn convert(
    book: &sheets::Book,
    mut problems: Vec<SheetProblem>,
    source: &str,
) -> Result<Result<Vec<TomlFile>, Vec<SheetProblem>>, crate::fatal::FatalError> {
    let files = present::toml::files(book, source)?;
    let texts: Vec<(&str, &str)> = files
        .iter()
        .map(|f| (f.name.as_str(), f.text.as_str()))
        .collect();
    let loaded = load::load_texts(&texts);
    for p in &loaded.problems {
        let file = &files[p.span.file.0 as usize];
        let at = file
            .cell_at(p.span.start as usize)
            .map_or_else(|| CellPlace::file(&file.name, None), |at| book.place(at));
        let mut sp = SheetProblem::new(at, p.message.clone());
        sp.help.clone_from(&p.help);
        problems.push(sp);
    }
    problems.sort();
    problems.dedup();
    Ok(if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    })
}

pub fn run(args: &ImportArgs, io: &mut Io) -> Result<u8, Failure> {
    let (book, problems) = sheets::read_files(&args.files)?;
    // The files the rows came from, by name, for the first comment of each written file.
    let mut source: Vec<&str> = Vec::new();
    for t in &book.tables {
        let name = t.file.rsplit('/').next().unwrap_or(&t.file);
        if !source.contains(&name) {
            source.push(name);
        }
    }
    let files = match convert(&book, problems, &source.join(", "))? {
        Ok(files) => files,
        Err(problems) => {
            match args.format {
                ProblemFormat::Text => {
                    let color = args.color.enabled(std::io::stderr().is_terminal());
                    sheet_problems::write_text(&problems, color, "nothing was written", io.stderr)?;
                }
                ProblemFormat::Json => sheet_problems::write_json(&problems, &[], io.stdout)?,
            }
            return Ok(exit::FINDINGS);
        }
    };
    let mut outputs: Vec<Output> = files
        .iter()
        .map(|f| (args.output.join(&f.name), f.text.clone().into_bytes()))
        .collect();
    // The `#:schema` line names this file; an existing one is left as it is.
    let schema = args.output.join("cxmap.schema.json");
    if !schema.exists() {
        outputs.push((schema, schema_text(false).into_bytes()));
    }
    present::write_new(&outputs).map_err(|e| {
        if e.message.starts_with("not overwriting") {
            e.with_help(
                "import into a new folder, e.g. `-o journeys-new`, or move the old files away",
            )
        } else {
            e
        }
    })?;
    let names: Vec<String> = outputs
        .iter()
        .map(|(p, _)| p.display().to_string())
        .collect();
    match args.format {
        ProblemFormat::Json => sheet_problems::write_json(&[], &names, io.stdout)?,
        ProblemFormat::Text => {
            let touchpoints: usize = book.journeys.iter().map(|j| j.touchpoints.len()).sum();
            writeln!(
                io.stdout,
                "wrote {} to `{}`: {}, {}, {}, {}\nnext: `cxmap check {}`",
                plural(outputs.len(), "file"),
                present::escape::terminal(&args.output.display().to_string()),
                plural(book.journeys.len(), "journey"),
                plural(touchpoints, "touchpoint"),
                plural(book.departments.len(), "department"),
                plural(book.data.len(), "data asset"),
                present::escape::terminal(&args.output.display().to_string()),
            )?;
        }
    }
    Ok(exit::OK)
}
