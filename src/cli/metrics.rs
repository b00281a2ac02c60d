//! `cxmap metrics FILE.csv [PATHS]`: the monthly refresh. A survey export's figures are
//! written into the journey files' `metrics`, in place: only the numbers change, targets
//! are left alone. Unknown journeys, touchpoints or metrics are reported with "did you
//! mean", and then nothing is changed (exit status 1). `--check` prints the change as a
//! diff and writes nothing.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::PathBuf;

use super::import::ProblemFormat;
use super::{Failure, Io, WorkspaceArgs, exit, load_valid};
use crate::fatal::FatalError;
use crate::load::sheets::{self, read::Table, survey};
use crate::present::{self, metric_values::Edit, sheet_problems};

#[derive(clap::Args, Debug)]
pub struct MetricsArgs {
    /// The survey export: CSV (or a workbook's first sheet) in long form (journey,
    /// touchpoint, metric, value[, date]) or wide form (journey, touchpoint, one column per
    /// metric)
    #[arg(value_name = "FILE")]
    pub survey: PathBuf,
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Print what would change, as a diff, and change nothing
    #[arg(long)]
    pub check: bool,
    /// Also add metrics that no touchpoint has yet (otherwise an unknown metric is a
    /// problem, in case it is misspelt)
    #[arg(long)]
    pub add_metrics: bool,
    /// How to report problems
    #[arg(long, value_enum, default_value_t = ProblemFormat::Text)]
    pub format: ProblemFormat,
}

fn survey_table(
    path: &std::path::Path,
) -> Result<(Option<Table>, Vec<crate::problem::SheetProblem>), FatalError> {
    let what = if path.is_dir() {
        "is a folder"
    } else {
        "does not exist"
    };
    if !path.is_file() {
        return Err(FatalError::new(format!("`{}` {what}", path.display()))
            .with_help("give the survey export as a CSV file"));
    }
    let mut tables = Vec::new();
    let mut problems = Vec::new();
    let display = path.to_string_lossy().replace('\\', "/");
    sheets::read::read_file(path, &display, &mut tables, &mut problems)?;
    Ok((tables.into_iter().next(), problems))
}

pub fn run(args: &MetricsArgs, io: &mut Io) -> Result<u8, Failure> {
    let (table, mut problems) = survey_table(&args.survey)?;
    let checked = match load_valid(&args.workspace, io)? {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    let ws = &checked.workspace;
    let mut updates = Vec::new();
    if let Some(table) = &table {
        let (u, p) = survey::join(table, ws, args.add_metrics);
        updates = u;
        problems.extend(p);
    }
    if !problems.is_empty() {
        match args.format {
            ProblemFormat::Text => {
                let color = args
                    .workspace
                    .color
                    .enabled(std::io::stderr().is_terminal());
                sheet_problems::write_text(&problems, color, "nothing was changed", io.stderr)?;
            }
            ProblemFormat::Json => sheet_problems::write_json(&problems, &[], io.stdout)?,
        }
        return Ok(exit::FINDINGS);
    }
    // The edits of each file, in workspace order; unchanged values are left out.
    let mut by_file: BTreeMap<crate::source::FileId, Vec<Edit>> = BTreeMap::new();
    for u in &updates {
        let t = &ws.journeys[u.journey].touchpoints[u.touchpoint];
        let old = t
            .metrics
            .iter()
            .find(|m| m.name == u.metric)
            .map(|m| m.value);
        if old.is_some_and(|v| v.to_bits() == u.value.to_bits()) {
            continue;
        }
        by_file.entry(t.spans.id.file).or_default().push(Edit {
            touchpoint: &t.id,
            metric: &u.metric,
            value: u.value,
        });
    }
    let mut outputs = Vec::new();
    let mut diff = String::new();
    let changed: usize = by_file.values().map(Vec::len).sum();
    for (file, edits) in &by_file {
        let source = ws.sources.get(*file);
        let on_disk = std::fs::read_to_string(&source.path)
            .map_err(|e| FatalError::new(format!("cannot read `{}`: {e}", source.display)))?;
        let new = present::metric_values::apply(&on_disk, edits).map_err(|e| {
            FatalError::new(format!("cannot update `{}`: {e}", source.display))
                .with_help("run `cxmap check` and try again")
        })?;
        diff.push_str(&unified(&source.display, &on_disk, &new));
        outputs.push((source.path.clone(), new.into_bytes()));
    }
    let files = present::terminal::plural(outputs.len(), "file");
    let values = present::terminal::plural(changed, "value");
    if args.check {
        io.stdout
            .write_all(present::escape::terminal_same_length(&diff).as_bytes())?;
        writeln!(
            io.stdout,
            "{values} would change in {files}; nothing was written (--check)"
        )?;
        return Ok(exit::OK);
    }
    present::write_all(&outputs)?;
    let unchanged = updates.len() - changed;
    writeln!(
        io.stdout,
        "updated {values} in {files} ({unchanged} already up to date)"
    )?;
    Ok(exit::OK)
}

/// A unified diff of one file, as `git diff` shows it.
fn unified(name: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
