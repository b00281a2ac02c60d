//! The command line: arguments (clap), one `run` that dispatches to a subcommand (one file
//! each) and returns the exit status, and the entry point `main` calls. Nothing here computes
//! findings or formats them: each subcommand wires load → analyse → present.

mod check;
mod diff;
mod export;
mod import;
mod init;
mod metrics;
mod render;
mod report;
mod rules;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use check::{CheckArgs, CheckFormat};
pub use diff::{DiffArgs, DiffFormat};
pub use export::{ExportArgs, SheetFormat};
pub use import::{ImportArgs, ProblemFormat, convert as import_book};
pub use metrics::MetricsArgs;
pub use render::{Engine, RenderArgs, RenderFormat, View};
pub use report::{ReportArgs, ReportFormat};

use crate::analyse::{self, Checked};
use crate::fatal::FatalError;
use crate::load::{self, LoadOptions};
use crate::model::Date;
use crate::present;

#[derive(Parser, Debug)]
#[command(
    name = "cxmap",
    version,
    about = "Find the silos in your customer journeys"
)]
#[command(propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check journey files and report silos, gaps and invalid input, like a linter
    Check(CheckArgs),
    /// Compare two versions of the journeys: findings new and resolved, touchpoints, hand-offs,
    /// data custody, scores and the headline figures before and after
    Diff(DiffArgs),
    /// Draw journey maps and service blueprints (SVG, PNG or DOT), one file per journey and view
    Render(RenderArgs),
    /// Write the silo report for the VP of customer experience (HTML, Markdown or JSON)
    Report(ReportArgs),
    /// Journeys from an Excel workbook or CSV files into TOML journey files
    Import(ImportArgs),
    /// The journeys as an Excel workbook or CSV files (or the empty template with --template)
    Export(ExportArgs),
    /// Write a survey export's figures into the journey files' metrics (the monthly refresh)
    Metrics(MetricsArgs),
    /// List the rules with their default severity
    Rules {
        /// Print the full rule documentation as Markdown (docs/rules.md)
        #[arg(long)]
        markdown: bool,
    },
    /// Print the full documentation of a rule
    Explain {
        /// Rule name, e.g. data-silo
        rule: String,
    },
    /// Write a small starter workspace to edit into your own
    Init {
        /// Folder to create it in
        #[arg(default_value = "journeys")]
        dir: PathBuf,
    },
    /// Print the JSON Schema of a model file (or of cxmap.toml with --config)
    Schema {
        /// The schema of cxmap.toml instead
        #[arg(long)]
        config: bool,
    },
    /// Print shell completions
    Completions { shell: clap_complete::Shell },
}

#[derive(clap::Args, Debug, Clone)]
pub struct WorkspaceArgs {
    /// Journey files or folders (default: journeys/ when it exists, else the current folder)
    pub paths: Vec<PathBuf>,
    /// Configuration file (default: cxmap.toml in the folder given, else in the current folder)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Auto: colour only on a terminal, and never when `NO_COLOR` is set.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// Exit statuses of the contract.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FINDINGS: u8 = 1;
    pub const CANNOT_RUN: u8 = 2;
}

/// Where a command writes.
pub struct Io<'a> {
    pub stdout: &'a mut dyn Write,
    pub stderr: &'a mut dyn Write,
    pub stdout_is_terminal: bool,
}

/// Runs a parsed command line; returns the exit status.
pub fn run(cli: Cli, io: &mut Io) -> std::io::Result<u8> {
    let result = match cli.command {
        Command::Check(args) => check::run(&args, io),
        Command::Diff(args) => diff::run(&args, io),
        Command::Render(args) => render::run(&args, io),
        Command::Report(args) => report::run(&args, io),
        Command::Import(args) => import::run(&args, io),
        Command::Export(args) => export::run(&args, io),
        Command::Metrics(args) => metrics::run(&args, io),
        Command::Rules { markdown } => rules::list(markdown, io),
        Command::Explain { rule } => rules::explain(&rule, io),
        Command::Init { dir } => init::run(&dir, io),
        Command::Schema { config } => rules::schema(config, io),
        Command::Completions { shell } => Ok(rules::completions(shell, io)),
    };
    match result {
        Ok(code) => Ok(code),
        Err(Failure::Io(e)) => Err(e),
        Err(Failure::Fatal(e)) => {
            writeln!(
                io.stderr,
                "error: {}",
                present::escape::terminal(&e.message)
            )?;
            if let Some(help) = &e.help {
                writeln!(io.stderr, "  help: {}", present::escape::terminal(help))?;
            }
            Ok(exit::CANNOT_RUN)
        }
    }
}

/// Why a subcommand stopped early.
pub enum Failure {
    /// Writing to stdout or stderr failed.
    Io(std::io::Error),
    /// The command cannot run (exit status 2).
    Fatal(FatalError),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure::Io(e)
    }
}

impl From<FatalError> for Failure {
    fn from(e: FatalError) -> Self {
        Failure::Fatal(e)
    }
}

fn load_options(args: &WorkspaceArgs) -> LoadOptions {
    LoadOptions {
        paths: args.paths.clone(),
        config: args.config.clone(),
    }
}

/// The arguments' workspace with the default paths made explicit: what a git revision is read
/// at, so that both versions are the same paths.
fn revision_options(args: &WorkspaceArgs) -> LoadOptions {
    let mut options = load_options(args);
    if options.paths.is_empty() {
        options.paths = load::default_paths();
    }
    options
}

/// Loads the workspace the arguments name and checks it.
fn check_workspace(args: &WorkspaceArgs) -> Result<Checked, Failure> {
    let today = today()?;
    Ok(analyse::check(load::load(&load_options(args))?, today))
}

/// Today for waivers: `CXMAP_TODAY` (`YYYY-MM-DD`) when it is set and not empty, else the
/// current UTC date.
pub fn today() -> Result<Date, FatalError> {
    match std::env::var("CXMAP_TODAY") {
        Ok(s) if !s.is_empty() => Date::parse(&s).ok_or_else(|| {
            FatalError::new(format!(
                "CXMAP_TODAY is `{}`, not a date",
                present::escape::terminal(&s)
            ))
            .with_help("set it to a day as YYYY-MM-DD, e.g. `CXMAP_TODAY=2026-11-26`, or unset it")
        }),
        Ok(_) | Err(std::env::VarError::NotPresent) => Ok(today_utc()),
        Err(std::env::VarError::NotUnicode(_)) => Err(FatalError::new("CXMAP_TODAY is not a date")
            .with_help("set it to a day as YYYY-MM-DD, or unset it")),
    }
}

/// The current date in UTC.
pub fn today_utc() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// Loads and analyses a workspace for the commands that write files. An invalid workspace is
/// reported as `check` reports it (on stderr, since stdout is not the product here) and
/// `Err(1)` says to stop with exit status 1 and write nothing.
fn load_valid(args: &WorkspaceArgs, io: &mut Io) -> Result<Result<Checked, u8>, Failure> {
    let checked = check_workspace(args)?;
    if !checked.is_valid() {
        report_invalid(&checked, args.color, io)?;
        writeln!(io.stderr, "nothing was written")?;
        return Ok(Err(exit::FINDINGS));
    }
    Ok(Ok(checked))
}

/// An invalid workspace's problems, as `check` shows them, on stderr.
fn report_invalid(checked: &Checked, color: ColorChoice, io: &mut Io) -> std::io::Result<()> {
    present::terminal::Terminal {
        color: color.enabled(std::io::stderr().is_terminal()),
        show_waived: false,
    }
    .write(checked, io.stderr)
}

/// Entry point for `main`: parses arguments, runs, maps a broken pipe to success.
pub fn main_with_args() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                exit::CANNOT_RUN
            } else {
                exit::OK
            };
        }
    };
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let mut io = Io {
        stdout_is_terminal: stdout.is_terminal(),
        stdout: &mut stdout.lock(),
        stderr: &mut stderr.lock(),
    };
    match run(cli, &mut io) {
        Ok(code) => {
            let _ = io.stdout.flush();
            code
        }
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => exit::OK,
        Err(e) => {
            let _ = writeln!(io.stderr, "error: cannot write output: {e}");
            exit::CANNOT_RUN
        }
    }
}
