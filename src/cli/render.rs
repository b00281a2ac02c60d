//! `cxmap render`: a journey map and a service blueprint per journey, as SVG, PNG or DOT,
//! laid out by cxmap itself or by Graphviz. All files or none are written.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{Failure, Io, WorkspaceArgs, exit, load_valid};
use crate::fatal::FatalError;
use crate::present::diagram::{self, DiagramInput};
use crate::present::{self, files::Output};

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

impl RenderFormat {
    fn extension(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
            RenderFormat::Dot => "dot",
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Builtin,
    Graphviz,
}

pub fn run(args: &RenderArgs, io: &mut Io) -> Result<u8, Failure> {
    refuse_what_cannot_be_drawn(args)?;
    let checked = match load_valid(&args.workspace, io)? {
        Ok(x) => x,
        Err(code) => return Ok(code),
    };
    let ws = &checked.workspace;
    let analysis = checked
        .analysis
        .as_ref()
        .expect("a valid workspace is analysed");
    let stems = present::file_stems(ws.journeys.iter().map(|j| j.id.as_str()))?;
    let views: Vec<View> = match (args.view, args.format, args.engine) {
        (Some(v), _, _) => vec![v],
        // DOT and Graphviz exist for the map only.
        (None, RenderFormat::Dot, _) | (None, _, Engine::Graphviz) => vec![View::Map],
        (None, _, _) => vec![View::Map, View::Blueprint],
    };
    let mut files: Vec<Output> = Vec::new();
    for (j, stem) in stems.iter().enumerate() {
        let input = DiagramInput::new(ws, analysis, j);
        for &view in &views {
            let path = args.output.join(format!(
                "{stem}.{}.{}",
                view.name(),
                args.format.extension()
            ));
            files.push((path, draw(args, &input, view)?));
        }
    }
    present::files::refuse_inputs(&files, &ws.sources)?;
    present::write_all(&files)?;
    writeln!(
        io.stdout,
        "wrote {} file{} to {}",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        present::escape::terminal(&args.output.display().to_string())
    )?;
    Ok(exit::OK)
}

fn refuse_what_cannot_be_drawn(args: &RenderArgs) -> Result<(), FatalError> {
    if args.format == RenderFormat::Dot && args.view == Some(View::Blueprint) {
        return Err(
            FatalError::new("the blueprint is drawn by cxmap itself and has no DOT form")
                .with_help(
                    "use `--view map` with `--format dot`, or `--format svg` for the blueprint",
                ),
        );
    }
    if args.engine == Engine::Graphviz && args.view == Some(View::Blueprint) {
        return Err(
            FatalError::new("the Graphviz engine draws the journey map only").with_help(
                "use `--view map --engine graphviz`, or the builtin engine for the blueprint",
            ),
        );
    }
    Ok(())
}

/// One view of one journey in the format asked for.
fn draw(args: &RenderArgs, input: &DiagramInput, view: View) -> Result<Vec<u8>, FatalError> {
    let journey = &input.journey.id;
    Ok(match args.format {
        RenderFormat::Dot => diagram::dot::map(input).into_bytes(),
        RenderFormat::Svg => svg(args, input, view)?.into_bytes(),
        RenderFormat::Png => diagram::png::render(&svg(args, input, view)?, args.scale)
            .map_err(|e| FatalError::new(format!("journey `{journey}`: {e}")))?,
    })
}

fn svg(args: &RenderArgs, input: &DiagramInput, view: View) -> Result<String, FatalError> {
    match (args.engine, view) {
        (Engine::Graphviz, _) => graphviz_svg(args, input),
        (Engine::Builtin, View::Map) => Ok(diagram::svg::write(&diagram::map::scene(input))),
        (Engine::Builtin, View::Blueprint) => {
            Ok(diagram::svg::write(&diagram::blueprint::scene(input)))
        }
    }
}

fn graphviz_svg(args: &RenderArgs, input: &DiagramInput) -> Result<String, FatalError> {
    use diagram::dot::DotError;
    let limit = std::time::Duration::from_secs(args.dot_timeout);
    let dot = diagram::dot::map(input);
    let out = diagram::dot::run_dot(&dot, "svg", limit).map_err(|e| {
        let help = match e {
            DotError::Missing => {
                "install Graphviz (e.g. `apt-get install graphviz`), or use `--engine builtin`"
            }
            DotError::TimedOut(_) => {
                "raise `--dot-timeout`, or use `--engine builtin`, which handles large journeys"
            }
            DotError::Failed(_) => "use `--engine builtin`",
        };
        FatalError::new(format!("journey `{}`: {e}", input.journey.id)).with_help(help)
    })?;
    let svg =
        String::from_utf8(out).map_err(|_| FatalError::new("Graphviz wrote invalid UTF-8"))?;
    Ok(diagram::dot::without_doctype(&svg))
}
