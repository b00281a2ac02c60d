//! `cxmap check`: the linter. Diagnostics as text for people, JSON, SARIF, GitHub workflow
//! commands or a GitLab Code Quality report for CI; exit status 1 when the workspace is
//! invalid or a finding is an error. With a baseline (`--baseline FILE`, an earlier JSON
//! output, or `--base REV`, the workspace at a git revision) only new findings are shown and
//! counted.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{Failure, Io, WorkspaceArgs, check_workspace, exit, revision_options, today};
use crate::analyse::{self, Checked, baseline::Known};
use crate::load;
use crate::present;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Also list the findings waived in cxmap.toml, with their reasons (text output)
    #[arg(long)]
    pub show_waived: bool,
    /// Show and count only findings that are not in FILE, an earlier `--format json` output
    #[arg(long, value_name = "FILE", conflicts_with = "base")]
    pub baseline: Option<PathBuf>,
    /// Show and count only findings the workspace did not have at git revision REV
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
    Github,
    Gitlab,
}

pub fn run(args: &CheckArgs, io: &mut Io) -> Result<u8, Failure> {
    // The baseline is read first: a baseline that cannot be used is a usage error (exit 2),
    // whatever the workspace holds.
    let file = args
        .baseline
        .as_deref()
        .map(load::baseline::read)
        .transpose()?;
    let old = match &args.base {
        Some(rev) => {
            let at = load::git::load_revision(rev, &revision_options(&args.workspace))?;
            Some(analyse::check(at.loaded, today()?))
        }
        None => None,
    };
    let known = match (&file, &old) {
        (Some(file), _) => Some(Known::from_baseline(file)),
        (None, Some(old)) => Some(match &old.analysis {
            Some(a) => Known::from_analysis(a, &old.workspace),
            None => {
                writeln!(
                    io.stderr,
                    "note: the workspace at `{}` is invalid ({}), so no finding is known: every finding is shown",
                    present::escape::terminal(args.base.as_deref().unwrap_or_default()),
                    present::terminal::plural(old.problems.len(), "problem")
                )?;
                Known::default()
            }
        }),
        (None, None) => None,
    };
    let mut checked = check_workspace(&args.workspace)?;
    if let (Some(known), Some(analysis)) = (&known, checked.analysis.as_mut()) {
        analysis.set_aside_known(&checked.workspace, known);
    }
    write(args, &checked, io)?;
    let failed = !checked.is_valid()
        || checked
            .analysis
            .as_ref()
            .is_some_and(analyse::Analysis::has_errors);
    // Freeing a workspace of a hundred thousand touchpoints piece by piece takes a twentieth
    // of the run: it is done beside the exit rather than before it (a caller that goes on
    // running gets the memory back all the same).
    std::thread::spawn(move || drop(checked));
    Ok(if failed { exit::FINDINGS } else { exit::OK })
}

fn write(args: &CheckArgs, checked: &Checked, io: &mut Io) -> std::io::Result<()> {
    match args.format {
        CheckFormat::Text => {
            let color = args.workspace.color.enabled(io.stdout_is_terminal);
            present::terminal::Terminal {
                color,
                show_waived: args.show_waived,
            }
            .write(checked, io.stdout)
        }
        CheckFormat::Json => present::json::write(checked, io.stdout),
        CheckFormat::Sarif => present::sarif::write(checked, io.stdout),
        CheckFormat::Github => present::github::write(checked, io.stdout),
        CheckFormat::Gitlab => present::gitlab::write(checked, io.stdout),
    }
}
