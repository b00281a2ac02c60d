//! `cxmap report`: the silo report for the VP of customer experience, as one self-contained
//! HTML page, a PDF printed from it by headless Chromium, Markdown with the blueprints beside
//! it, or JSON. All files or none are written.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{
    Failure, Io, WorkspaceArgs, exit, load_valid, report_invalid, revision_options, today,
};
use crate::analyse::diff::{Diff, Side};
use crate::analyse::{self, Checked};
use crate::fatal::FatalError;
use crate::load;
use crate::model::Date;
use crate::present::{self, files::Output, report::Report, report::Since};

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// Output file (default: output/report.html, .pdf, .md or .json)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print this date in the header (YYYY-MM-DD, or `today`); none by default, so reruns
    /// are byte-identical
    #[arg(long, value_parser = parse_date)]
    pub date: Option<String>,
    /// Chromium or Google Chrome to print the PDF with (default: `chromium`,
    /// `chromium-browser` or `google-chrome` on PATH)
    #[arg(long, value_name = "PATH")]
    pub browser: Option<PathBuf>,
    /// Add "What changed since REV": the headline figures then and now, data silos new and
    /// resolved (REV is a git commit, branch or tag; read with `git`)
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    /// The HTML report printed to PDF by headless Chromium (landscape A4)
    Pdf,
    Markdown,
    Json,
}

fn parse_date(s: &str) -> Result<String, String> {
    if s == "today" {
        return Ok(super::today_utc().to_string());
    }
    Date::parse(s)
        .map(|d| d.to_string())
        .ok_or_else(|| "expected YYYY-MM-DD or `today`".to_owned())
}

pub fn run(args: &ReportArgs, io: &mut Io) -> Result<u8, Failure> {
    // Without a browser there is no PDF, whatever the journeys say: fail before reading them.
    let browser = match args.format {
        ReportFormat::Pdf => Some(present::browser::find(
            args.browser.as_deref(),
            std::env::var_os("PATH").as_ref(),
        )?),
        _ => None,
    };
    let checked = match load_valid(&args.workspace, io)? {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    let ws = &checked.workspace;
    let analysis = checked
        .analysis
        .as_ref()
        .expect("a valid workspace is analysed");
    let output = args.output.clone().unwrap_or_else(|| {
        PathBuf::from("output").join(match args.format {
            ReportFormat::Html => "report.html",
            ReportFormat::Pdf => "report.pdf",
            ReportFormat::Markdown => "report.md",
            ReportFormat::Json => "report.json",
        })
    });
    if output.is_dir() {
        return Err(
            FatalError::new(format!("`{}` is a folder", output.display()))
                .with_help("give a file name, e.g. `-o output/report.html`")
                .into(),
        );
    }
    let earlier = match &args.since {
        Some(rev) => match earlier_version(rev, &args.workspace, io)? {
            Ok(earlier) => Some((rev, earlier)),
            Err(code) => return Ok(code),
        },
        None => None,
    };
    let stems = present::file_stems(ws.journeys.iter().map(|j| j.id.as_str()))?;
    let mut report = Report::new(ws, analysis, args.date.clone(), stems);
    if let Some((rev, (commit, checked_then))) = &earlier {
        let then = Side::of(checked_then).expect("a valid version is analysed");
        let now = Side::of(&checked).expect("a valid workspace is analysed");
        report = report.with_since(Since::new(&Diff::new(then, now), rev, commit));
    }
    let files: Vec<Output> = match args.format {
        ReportFormat::Json => vec![(output.clone(), report.json().into_bytes())],
        ReportFormat::Html => vec![(output.clone(), report.html().into_bytes())],
        ReportFormat::Pdf => {
            let browser = browser.expect("found above");
            vec![(
                output.clone(),
                present::browser::print_pdf(&browser, &report.html())?,
            )]
        }
        ReportFormat::Markdown => {
            let dir = output.parent().map(PathBuf::from).unwrap_or_default();
            let (markdown, diagrams) = report.markdown();
            let mut files: Vec<Output> = diagrams
                .into_iter()
                .map(|(name, svg)| (dir.join(name), svg.into_bytes()))
                .collect();
            files.push((output.clone(), markdown.into_bytes()));
            files
        }
    };
    present::files::refuse_inputs(&files, &ws.sources)?;
    present::write_all(&files)?;
    writeln!(
        io.stdout,
        "wrote {}",
        present::escape::terminal(&output.display().to_string())
    )?;
    Ok(exit::OK)
}

/// The workspace as it was at a git revision, checked: its short commit and the result, or the exit
/// status when that version is invalid (its problems shown as `check` shows them).
fn earlier_version(
    rev: &str,
    workspace: &WorkspaceArgs,
    io: &mut Io,
) -> Result<Result<(String, Checked), u8>, Failure> {
    let at = load::git::load_revision(rev, &revision_options(workspace))?;
    let short = at.short_commit().to_owned();
    let checked = analyse::check(at.loaded, today()?);
    if !checked.is_valid() {
        writeln!(
            io.stderr,
            "the version at {} ({short}) is invalid:",
            present::escape::terminal(rev)
        )?;
        report_invalid(&checked, workspace.color, io)?;
        writeln!(io.stderr, "nothing was written")?;
        return Ok(Err(exit::FINDINGS));
    }
    Ok(Ok((short, checked)))
}
