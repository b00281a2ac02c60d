//! The command line: arguments (clap), and one `run` that wires load → analyse → present and
//! returns the exit status. Nothing here computes findings or formats them.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::analyse::{self, Analysis, rules};
use crate::load::{self, FatalError, LoadOptions};
use crate::present::{self, CheckOutcome};

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
    /// Draw journey maps and service blueprints (SVG, PNG or DOT), one file per journey and view
    Render(RenderArgs),
    /// Write the silo report for the VP of customer experience (HTML, Markdown or JSON)
    Report(ReportArgs),
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
    /// Journey files or folders (default: journeys/)
    pub paths: Vec<PathBuf>,
    /// Configuration file (default: cxmap.toml in the folder given, else in the current folder)
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// When to colour the output
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Which view (default: both)
    #[arg(long, value_enum)]
    pub view: Option<View>,
    /// Output format
    #[arg(long, value_enum, default_value_t = RenderFormat::Svg)]
    pub format: RenderFormat,
    /// Layout engine: cxmap's own, or the Graphviz `dot` program (map view only)
    #[arg(long, value_enum, default_value_t = Engine::Builtin)]
    pub engine: Engine,
    /// Output folder
    #[arg(
        short = 'o',
        long = "output",
        value_name = "DIR",
        default_value = "output"
    )]
    pub output: PathBuf,
    /// PNG resolution: pixels per SVG unit
    #[arg(long, default_value_t = 2.0, value_parser = parse_scale)]
    pub scale: f32,
    /// Seconds Graphviz may take per diagram
    #[arg(long, default_value_t = 60, value_name = "SECONDS")]
    pub dot_timeout: u64,
}

fn parse_scale(s: &str) -> Result<f32, String> {
    let v: f32 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.1..=8.0).contains(&v) {
        Ok(v)
    } else {
        Err("the scale must be between 0.1 and 8".to_owned())
    }
}

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Output format
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    pub format: ReportFormat,
    /// Output file (default: output/report.html, .md or .json)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Print this date in the header (YYYY-MM-DD, or `today`); none by default, so reruns
    /// are byte-identical
    #[arg(long, value_parser = parse_date)]
    pub date: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Markdown,
    Json,
}

fn parse_date(s: &str) -> Result<String, String> {
    if s == "today" {
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_err(|e| e.to_string())?
            .as_secs()
            / 86_400;
        return Ok(civil_date(i64::try_from(days).unwrap_or(0)));
    }
    let ok = s.len() == 10
        && s.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0));
    if ok {
        Ok(s.to_owned())
    } else {
        Err("expected YYYY-MM-DD or `today`".to_owned())
    }
}

/// Days since 1970-01-01 to YYYY-MM-DD (Howard Hinnant's civil-from-days algorithm).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Map,
    Blueprint,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Map => "map",
            View::Blueprint => "blueprint",
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RenderFormat {
    Svg,
    Png,
    Dot,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Builtin,
    Graphviz,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
    Github,
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
        Command::Check(args) => check(&args, io),
        Command::Render(args) => render(&args, io),
        Command::Report(args) => report(&args, io),
        Command::Rules { markdown } => list_rules(markdown, io),
        Command::Explain { rule } => explain(&rule, io),
        Command::Init { dir } => init(&dir, io),
        Command::Schema { config } => {
            let schema = if config {
                schemars::schema_for!(crate::load::config::RawConfig)
            } else {
                schemars::schema_for!(crate::load::raw::RawFile)
            };
            let mut text = serde_json::to_string_pretty(&schema).expect("schema serialises");
            text.push('\n');
            io.stdout.write_all(text.as_bytes())?;
            Ok(exit::OK)
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "cxmap", io.stdout);
            Ok(exit::OK)
        }
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

enum Failure {
    Io(std::io::Error),
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

fn check(args: &CheckArgs, io: &mut Io) -> Result<u8, Failure> {
    let loaded = load::load(&load_options(&args.workspace))?;
    let analysis = loaded
        .problems
        .is_empty()
        .then(|| analyse::analyse(&loaded.workspace, &loaded.settings));
    let outcome = CheckOutcome {
        loaded: &loaded,
        analysis: analysis.as_ref(),
    };
    let text = match args.format {
        CheckFormat::Text => {
            let color = args.workspace.color.enabled(io.stdout_is_terminal);
            present::terminal::Terminal { color }.render(&outcome)
        }
        CheckFormat::Json => present::json::render(&outcome),
        CheckFormat::Sarif => present::sarif::render(&outcome),
        CheckFormat::Github => present::github::render(&outcome),
    };
    io.stdout.write_all(text.as_bytes())?;
    let failed = !loaded.problems.is_empty() || analysis.as_ref().is_some_and(Analysis::has_errors);
    Ok(if failed { exit::FINDINGS } else { exit::OK })
}

/// Loads and analyses a workspace for `render` and `report`. An invalid workspace is reported
/// as `check` reports it (on stderr, since stdout is not the product here) and `Err(1)` says
/// to stop with exit status 1 and write nothing.
fn load_valid(
    args: &WorkspaceArgs,
    io: &mut Io,
) -> Result<Result<(load::Loaded, analyse::Analysis), u8>, Failure> {
    let loaded = load::load(&load_options(args))?;
    if !loaded.problems.is_empty() {
        let outcome = CheckOutcome {
            loaded: &loaded,
            analysis: None,
        };
        let color = args.color.enabled(std::io::stderr().is_terminal());
        let text = present::terminal::Terminal { color }.render(&outcome);
        io.stderr.write_all(text.as_bytes())?;
        writeln!(io.stderr, "nothing was written")?;
        return Ok(Err(exit::FINDINGS));
    }
    let analysis = analyse::analyse(&loaded.workspace, &loaded.settings);
    Ok(Ok((loaded, analysis)))
}

fn render(args: &RenderArgs, io: &mut Io) -> Result<u8, Failure> {
    use present::diagram::{self, DiagramInput};
    if args.format == RenderFormat::Dot && args.view == Some(View::Blueprint) {
        return Err(
            FatalError::new("the blueprint is drawn by cxmap itself and has no DOT form")
                .with_help(
                    "use `--view map` with `--format dot`, or `--format svg` for the blueprint",
                )
                .into(),
        );
    }
    if args.engine == Engine::Graphviz && args.view == Some(View::Blueprint) {
        return Err(
            FatalError::new("the Graphviz engine draws the journey map only")
                .with_help(
                    "use `--view map --engine graphviz`, or the builtin engine for the blueprint",
                )
                .into(),
        );
    }
    let (loaded, analysis) = match load_valid(&args.workspace, io)? {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    let ws = &loaded.workspace;
    let stems = present::file_stems(ws.journeys.iter().map(|j| j.id.as_str()))?;
    let views: Vec<View> = match (args.view, args.format, args.engine) {
        (Some(v), _, _) => vec![v],
        // DOT and Graphviz exist for the map only.
        (None, RenderFormat::Dot, _) | (None, _, Engine::Graphviz) => vec![View::Map],
        (None, _, _) => vec![View::Map, View::Blueprint],
    };
    let limit = std::time::Duration::from_secs(args.dot_timeout);
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for (journey, stem) in ws.journeys.iter().zip(&stems) {
        let input = DiagramInput::new(ws, journey, &analysis);
        for &view in &views {
            let ext = match args.format {
                RenderFormat::Svg => "svg",
                RenderFormat::Png => "png",
                RenderFormat::Dot => "dot",
            };
            let path = args.output.join(format!("{stem}.{}.{ext}", view.name()));
            let svg = || -> Result<String, FatalError> {
                match (args.engine, view) {
                    (Engine::Graphviz, _) => {
                        let dot = diagram::dot::map(&input);
                        let out = diagram::dot::run_dot(&dot, "svg", limit).map_err(|e| {
                            let help = match e {
                                diagram::dot::DotError::Missing => "install Graphviz (e.g. `apt-get install graphviz`), or use `--engine builtin`",
                                diagram::dot::DotError::TimedOut(_) => "raise `--dot-timeout`, or use `--engine builtin`, which handles large journeys",
                                diagram::dot::DotError::Failed(_) => "use `--engine builtin`",
                            };
                            FatalError::new(format!("journey `{}`: {e}", journey.id)).with_help(help)
                        })?;
                        let svg = String::from_utf8(out)
                            .map_err(|_| FatalError::new("Graphviz wrote invalid UTF-8"))?;
                        Ok(diagram::dot::without_doctype(&svg))
                    }
                    (Engine::Builtin, View::Map) => {
                        Ok(diagram::svg::write(&diagram::map::scene(&input)))
                    }
                    (Engine::Builtin, View::Blueprint) => {
                        Ok(diagram::svg::write(&diagram::blueprint::scene(&input)))
                    }
                }
            };
            let bytes = match args.format {
                RenderFormat::Dot => diagram::dot::map(&input).into_bytes(),
                RenderFormat::Svg => svg()?.into_bytes(),
                RenderFormat::Png => diagram::png::render(&svg()?, args.scale)
                    .map_err(|e| FatalError::new(format!("journey `{}`: {e}", journey.id)))?,
            };
            files.push((path, bytes));
        }
    }
    std::fs::create_dir_all(&args.output).map_err(|e| {
        FatalError::new(format!(
            "cannot create the output folder `{}`: {e}",
            args.output.display()
        ))
    })?;
    for (path, bytes) in &files {
        present::write_atomic(path, bytes)?;
    }
    writeln!(
        io.stdout,
        "wrote {} file{} to {}",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        present::escape::terminal(&args.output.display().to_string())
    )?;
    Ok(if analysis.has_errors() {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

fn report(args: &ReportArgs, io: &mut Io) -> Result<u8, Failure> {
    use present::report;
    let (loaded, analysis) = match load_valid(&args.workspace, io)? {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    let ws = &loaded.workspace;
    let output = args.output.clone().unwrap_or_else(|| {
        PathBuf::from("output").join(match args.format {
            ReportFormat::Html => "report.html",
            ReportFormat::Markdown => "report.md",
            ReportFormat::Json => "report.json",
        })
    });
    refuse_input_as_output(&output, ws)?;
    let stems = present::file_stems(ws.journeys.iter().map(|j| j.id.as_str()))?;
    let report = report::Report::new(ws, loaded.sources(), &analysis, args.date.clone(), stems);
    let files: Vec<(PathBuf, Vec<u8>)> = match args.format {
        ReportFormat::Json => vec![(output.clone(), report.json().into_bytes())],
        ReportFormat::Html => vec![(output.clone(), report.html().into_bytes())],
        ReportFormat::Markdown => {
            let dir = output.parent().map(PathBuf::from).unwrap_or_default();
            let (markdown, diagrams) = report.markdown();
            let mut files: Vec<(PathBuf, Vec<u8>)> = diagrams
                .into_iter()
                .map(|(name, svg)| (dir.join(name), svg.into_bytes()))
                .collect();
            files.push((output.clone(), markdown.into_bytes()));
            files
        }
    };
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            FatalError::new(format!("cannot create the folder `{}`: {e}", dir.display()))
        })?;
    }
    for (path, bytes) in &files {
        present::write_atomic(path, bytes)?;
    }
    writeln!(
        io.stdout,
        "wrote {}",
        present::escape::terminal(&output.display().to_string())
    )?;
    Ok(if analysis.has_errors() {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

/// An output must never replace one of the journey files it was made from.
fn refuse_input_as_output(output: &Path, ws: &crate::model::Workspace) -> Result<(), FatalError> {
    if output.is_dir() {
        return Err(
            FatalError::new(format!("`{}` is a folder", output.display()))
                .with_help("give a file name, e.g. `-o output/report.html`"),
        );
    }
    let Ok(out) = output.canonicalize() else {
        return Ok(()); // does not exist yet
    };
    for (_, file) in ws.sources.iter() {
        if file.path.canonicalize().is_ok_and(|p| p == out) {
            return Err(FatalError::new(format!(
                "`{}` is one of the input files",
                output.display()
            ))
            .with_help("write the report somewhere else, e.g. `-o output/report.html`"));
        }
    }
    Ok(())
}

fn list_rules(markdown: bool, io: &mut Io) -> Result<u8, Failure> {
    if markdown {
        io.stdout.write_all(rules::rules_markdown().as_bytes())?;
        return Ok(exit::OK);
    }
    let width = rules::RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in rules::RULES {
        writeln!(
            io.stdout,
            "{:width$}  {:7}  {}",
            r.name,
            r.default_severity.as_str(),
            r.summary
        )?;
    }
    Ok(exit::OK)
}

fn explain(name: &str, io: &mut Io) -> Result<u8, Failure> {
    match rules::find(name) {
        Some(rule) => {
            io.stdout.write_all(rule.explanation().as_bytes())?;
            Ok(exit::OK)
        }
        None => {
            let names: Vec<&str> = rules::RULES.iter().map(|r| r.name).collect();
            let help = match crate::load::did_you_mean(name, names.iter().copied()) {
                Some(c) => format!("did you mean `{c}`?"),
                None => "`cxmap rules` lists the rules".to_owned(),
            };
            Err(FatalError::new(format!("there is no rule `{name}`"))
                .with_help(help)
                .into())
        }
    }
}

/// The starter workspace: (file name, contents).
const STARTER: &[(&str, &str)] = &[
    ("cxmap.toml", include_str!("../templates/init/cxmap.toml")),
    ("org.toml", include_str!("../templates/init/org.toml")),
    (
        "buy-online.toml",
        include_str!("../templates/init/buy-online.toml"),
    ),
    (
        "get-help.toml",
        include_str!("../templates/init/get-help.toml"),
    ),
];

fn init(dir: &Path, io: &mut Io) -> Result<u8, Failure> {
    let existing: Vec<String> = STARTER
        .iter()
        .map(|(name, _)| dir.join(name))
        .chain([
            dir.join("cxmap.schema.json"),
            dir.join("cxmap-config.schema.json"),
        ])
        .filter(|p| p.exists())
        .map(|p| format!("`{}`", p.display()))
        .collect();
    if !existing.is_empty() {
        return Err(
            FatalError::new(format!("not overwriting {}", existing.join(", ")))
                .with_help("run `cxmap init` with a new folder, e.g. `cxmap init my-journeys`")
                .into(),
        );
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| FatalError::new(format!("cannot create `{}`: {e}", dir.display())))?;
    let model_schema =
        serde_json::to_string_pretty(&schemars::schema_for!(crate::load::raw::RawFile))
            .expect("schema serialises");
    let config_schema =
        serde_json::to_string_pretty(&schemars::schema_for!(crate::load::config::RawConfig))
            .expect("schema serialises");
    let mut files: Vec<(&str, String)> = vec![
        ("cxmap.schema.json", model_schema + "\n"),
        ("cxmap-config.schema.json", config_schema + "\n"),
    ];
    files.extend(STARTER.iter().map(|(n, t)| (*n, (*t).to_owned())));
    for (name, text) in &files {
        crate::present::write_new(&dir.join(name), text.as_bytes())?;
    }
    writeln!(
        io.stdout,
        "Wrote a starter workspace to `{}`: org.toml (departments and data), two journeys and cxmap.toml.\nNext: edit them into your own, then run `cxmap check {}`.",
        dir.display(),
        dir.display()
    )?;
    Ok(exit::OK)
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
