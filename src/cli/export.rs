//! `cxmap export`: the workspace as a journey workbook (`--format xlsx`) or as one CSV file
//! per sheet (`--format csv`), the inverse of `cxmap import`; `--template` writes the empty
//! workbook to start from. All files or none are written.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{Failure, Io, WorkspaceArgs, exit, load_valid};
use crate::fatal::FatalError;
use crate::present::{self, files::Output, sheets};

#[derive(clap::Args, Debug)]
pub struct ExportArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// xlsx: one workbook; csv: a folder with one CSV file per sheet
    #[arg(long, value_enum, default_value_t = SheetFormat::Xlsx)]
    pub format: SheetFormat,
    /// Write the empty template workbook (headers, instructions, dropdowns) instead
    #[arg(long, conflicts_with = "paths")]
    pub template: bool,
    /// Output file for xlsx (default: output/journeys.xlsx), folder for csv (default:
    /// output/journeys-csv)
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SheetFormat {
    Xlsx,
    Csv,
}

pub fn run(args: &ExportArgs, io: &mut Io) -> Result<u8, Failure> {
    let output = args.output.clone().unwrap_or_else(|| {
        PathBuf::from("output").join(match args.format {
            SheetFormat::Xlsx => "journeys.xlsx",
            SheetFormat::Csv => "journeys-csv",
        })
    });
    let (tables, stages, sources) = if args.template {
        (sheets::template(), Vec::new(), None)
    } else {
        let checked = match load_valid(&args.workspace, io)? {
            Ok(x) => x,
            Err(code) => return Ok(code),
        };
        let ws = checked.workspace;
        let tables = sheets::tables(&ws);
        let stages = sheets::stage_names(&ws);
        (tables, stages, Some(ws.sources))
    };
    let files: Vec<Output> = match args.format {
        SheetFormat::Xlsx => {
            if output.is_dir() {
                return Err(
                    FatalError::new(format!("`{}` is a folder", output.display()))
                        .with_help("give a file name, e.g. `-o output/journeys.xlsx`")
                        .into(),
                );
            }
            vec![(
                output.clone(),
                sheets::xlsx::workbook(&tables, &stages, args.template)?,
            )]
        }
        SheetFormat::Csv => {
            if output.is_file() {
                return Err(FatalError::new(format!("`{}` is a file", output.display()))
                    .with_help("CSV export writes a folder of files: give a folder, e.g. `-o output/journeys-csv`")
                    .into());
            }
            sheets::csv::files(&tables)
                .into_iter()
                .map(|(name, bytes)| (output.join(name), bytes))
                .collect()
        }
    };
    if let Some(sources) = &sources {
        present::files::refuse_inputs(&files, sources)?;
    }
    present::write_all(&files)?;
    writeln!(
        io.stdout,
        "wrote {}",
        present::escape::terminal(&output.display().to_string())
    )?;
    Ok(exit::OK)
}
