//! `cxmap diff`: two versions of the journeys compared, either two files or folders
//! (`cxmap diff OLD NEW`) or the working tree against a git revision (`cxmap diff --base REV`).
//! Exit status 0 unless `--fail-on` names a severity that a new finding reaches (then 1); 1
//! when either version is invalid (reported as `check` reports it, on stderr); 2 when it
//! cannot run.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{ColorChoice, Failure, Io, exit, report_invalid, today};
use crate::analyse::diff::{Diff, Side};
use crate::analyse::finding::Severity;
use crate::analyse::{self, Checked};
use crate::fatal::FatalError;
use crate::load::{self, LoadOptions};
use crate::present::{self, diff::Labels};

#[derive(clap::Args, Debug)]
pub struct DiffArgs {
    /// OLD and NEW, two journey files or folders; with --base, the journey files or folders to
    /// compare (default: journeys/ when it exists, else the current folder)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Compare the working tree with the journeys as they were at git revision REV
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,
    /// Configuration file for both versions (default: each version's cxmap.toml)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
    /// Exit with status 1 when a new finding has at least this severity
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<FailOn>,
    /// When to colour the diagnostics of an invalid version
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    Text,
    Markdown,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

fn shown(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| load::display_path(p))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn run(args: &DiffArgs, io: &mut Io) -> Result<u8, Failure> {
    let today = today()?;
    let (before, after, labels) = if let Some(rev) = &args.base {
        let mut options = LoadOptions {
            paths: args.paths.clone(),
            config: args.config.clone(),
        };
        if options.paths.is_empty() {
            options.paths = load::default_paths();
        }
        let at = load::git::load_revision(rev, &options)?;
        let short = at.short_commit().to_owned();
        let before = analyse::check(at.loaded, today);
        let after = analyse::check(load::load(&options)?, today);
        let what = shown(&options.paths);
        let labels = Labels {
            before: format!("{what} at {rev} ({short})"),
            after: format!("{what} in the working tree"),
        };
        (before, after, labels)
    } else {
        let [old, new] = args.paths.as_slice() else {
            return Err(FatalError::new(format!(
                "give two versions to compare (got {})",
                present::terminal::plural(args.paths.len(), "path")
            ))
            .with_help("`cxmap diff OLD NEW` compares two files or folders; `cxmap diff --base REV` compares the working tree with a git revision")
            .into());
        };
        let side = |path: &PathBuf| -> Result<Checked, FatalError> {
            Ok(analyse::check(
                load::load(&LoadOptions {
                    paths: vec![path.clone()],
                    config: args.config.clone(),
                })?,
                today,
            ))
        };
        let labels = Labels {
            before: load::display_path(old),
            after: load::display_path(new),
        };
        (side(old)?, side(new)?, labels)
    };
    let mut invalid = false;
    for (which, checked, label) in [
        ("old", &before, &labels.before),
        ("new", &after, &labels.after),
    ] {
        if !checked.is_valid() {
            writeln!(
                io.stderr,
                "the {which} version ({}) is invalid:",
                present::escape::terminal(label)
            )?;
            report_invalid(checked, args.color, io)?;
            invalid = true;
        }
    }
    let (Some(b), Some(a), false) = (Side::of(&before), Side::of(&after), invalid) else {
        return Ok(exit::FINDINGS);
    };
    let diff = Diff::new(b, a);
    match args.format {
        DiffFormat::Text => present::diff::text::write(&diff, &labels, io.stdout)?,
        DiffFormat::Markdown => present::diff::markdown::write(&diff, &labels, io.stdout)?,
        DiffFormat::Json => present::diff::json::write(&diff, &labels, io.stdout)?,
    }
    let failed = args
        .fail_on
        .is_some_and(|level| diff.findings.new_at_least(level.severity()));
    Ok(if failed { exit::FINDINGS } else { exit::OK })
}
