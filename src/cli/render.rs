//! `cxmap render`: a journey map and a service blueprint per journey, as SVG, PNG, PDF, DOT
//! or Mermaid, laid out by cxmap itself or by Graphviz, as whole diagrams or as 16:9 slides.
//! All files or none are written. What is not drawn is said, never silently dropped.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{Failure, Io, WorkspaceArgs, exit, load_valid};
use crate::fatal::FatalError;
use crate::present::diagram::{self, DiagramInput};
use crate::present::{self, escape, files::Output};

#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    #[command(flatten)]
    pub workspace: WorkspaceArgs,
    /// Which view (default: both)
    #[arg(long, value_enum)]
    pub view: Option<View>,
    /// Output format (pdf: one document of slides per journey)
    #[arg(long, value_enum, default_value_t = RenderFormat::Svg)]
    pub format: RenderFormat,
    /// Layout engine: cxmap's own, or the Graphviz `dot` program (journey map only)
    #[arg(long, value_enum, default_value_t = Engine::Builtin)]
    pub engine: Engine,
    /// 16:9 slides of 1920 x 1080 px: a wide journey is split at stage boundaries into
    /// numbered pages, `<journey>.<view>.<n>.<svg|png>`
    #[arg(long)]
    pub slides: bool,
    /// Output folder
    #[arg(
        short = 'o',
        long = "output",
        value_name = "DIR",
        default_value = "output"
    )]
    pub output: PathBuf,
    /// PNG resolution: pixels per SVG unit (a diagram too large at this scale is scaled
    /// down to fit the largest PNG, with a note)
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
    Pdf,
    Dot,
    Mermaid,
}

impl RenderFormat {
    fn extension(self) -> &'static str {
        match self {
            RenderFormat::Svg => "svg",
            RenderFormat::Png => "png",
            RenderFormat::Pdf => "pdf",
            RenderFormat::Dot => "dot",
            RenderFormat::Mermaid => "mmd",
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
    let mut notes: Vec<String> = Vec::new();
    let views: Vec<View> = match (args.view, args.format, args.engine) {
        (Some(v), _, _) => vec![v],
        (None, RenderFormat::Dot, _) => {
            notes.push(
                "DOT is written for journey maps only: the blueprint has no DOT form (use `--format svg` for it)"
                    .to_owned(),
            );
            vec![View::Map]
        }
        (None, _, Engine::Graphviz) => {
            notes.push(
                "the Graphviz engine draws journey maps only: blueprints were not drawn (draw them with `--engine builtin`)"
                    .to_owned(),
            );
            vec![View::Map]
        }
        (None, _, _) => vec![View::Map, View::Blueprint],
    };
    let slides = args.slides || args.format == RenderFormat::Pdf;
    let mut files: Vec<Output> = Vec::new();
    for (j, stem) in stems.iter().enumerate() {
        let input = DiagramInput::new(ws, analysis, j);
        let mut pdf_pages: Vec<String> = Vec::new();
        for &view in &views {
            let name = |n: Option<usize>| {
                let n = n.map_or(String::new(), |n| format!(".{n}"));
                args.output.join(format!(
                    "{stem}.{}{n}.{}",
                    view.name(),
                    args.format.extension()
                ))
            };
            if slides {
                let pages = diagram::pages::pages(&drawing(&input, view), &diagram::pages::SLIDE);
                for (n, page) in pages.iter().enumerate() {
                    let svg = diagram::svg::write(page);
                    match args.format {
                        RenderFormat::Pdf => pdf_pages.push(svg),
                        RenderFormat::Png => {
                            let png = png(&svg, 1.0, &input, view)?;
                            files.push((name(Some(n + 1)), png.bytes));
                        }
                        _ => files.push((name(Some(n + 1)), svg.into_bytes())),
                    }
                }
            } else {
                let bytes = match args.format {
                    RenderFormat::Dot => diagram::dot::map(&input).into_bytes(),
                    RenderFormat::Mermaid => match view {
                        View::Map => diagram::mermaid::journey(&input),
                        View::Blueprint => diagram::mermaid::flowchart(&input),
                    }
                    .into_bytes(),
                    RenderFormat::Svg => svg(args, &input, view)?.into_bytes(),
                    _ => {
                        let png = png(&svg(args, &input, view)?, args.scale, &input, view)?;
                        if let Some((used, w, h)) = png.fitted {
                            notes.push(format!(
                                "journey `{}`, {}: {} × {} px at scale {} is larger than the largest PNG cxmap writes; written at scale {used:.3} ({} × {} px). For pages that stay readable use `--slides`, or SVG",
                                escape::terminal(&input.journey.id),
                                view.name(),
                                w.round(),
                                h.round(),
                                args.scale,
                                png.width,
                                png.height
                            ));
                        }
                        png.bytes
                    }
                };
                files.push((name(None), bytes));
            }
        }
        if args.format == RenderFormat::Pdf {
            let title = format!("{} — {}", input.journey.name, view_names(&views));
            let bytes = diagram::pdf::document(&title, &pdf_pages)
                .map_err(|e| FatalError::new(format!("journey `{}`: {e}", input.journey.id)))?;
            files.push((args.output.join(format!("{stem}.pdf")), bytes));
        }
    }
    present::files::refuse_inputs(&files, &ws.sources)?;
    present::write_all(&files)?;
    for note in &notes {
        writeln!(io.stderr, "note: {note}")?;
    }
    writeln!(
        io.stdout,
        "wrote {} file{} to {}",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        escape::terminal(&args.output.display().to_string())
    )?;
    Ok(exit::OK)
}

fn view_names(views: &[View]) -> String {
    let names: Vec<&str> = views
        .iter()
        .map(|v| match v {
            View::Map => "journey map",
            View::Blueprint => "service blueprint",
        })
        .collect();
    names.join(" and ")
}

fn refuse_what_cannot_be_drawn(args: &RenderArgs) -> Result<(), FatalError> {
    use RenderFormat::{Dot, Mermaid, Pdf};
    if args.format == Dot && args.view == Some(View::Blueprint) {
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
    if args.slides && matches!(args.format, Dot | Mermaid) {
        return Err(FatalError::new(format!(
            "slides are pages of SVG, PNG or PDF, not {}",
            args.format.extension().to_uppercase()
        ))
        .with_help("use `--slides` with `--format svg`, `png` or `pdf`"));
    }
    if args.engine == Engine::Graphviz && (args.slides || matches!(args.format, Pdf | Mermaid)) {
        return Err(
            FatalError::new("slides, PDF and Mermaid are drawn by cxmap's own engine")
                .with_help("leave out `--engine graphviz`"),
        );
    }
    Ok(())
}

fn drawing(input: &DiagramInput, view: View) -> diagram::scene::Drawing {
    match view {
        View::Map => diagram::map::drawing(input),
        View::Blueprint => diagram::blueprint::drawing(input),
    }
}

fn png(
    svg: &str,
    scale: f32,
    input: &DiagramInput,
    view: View,
) -> Result<diagram::png::Png, FatalError> {
    diagram::png::render(svg, scale).map_err(|e| {
        FatalError::new(format!(
            "journey `{}`, {}: {e}",
            input.journey.id,
            view.name()
        ))
    })
}

fn svg(args: &RenderArgs, input: &DiagramInput, view: View) -> Result<String, FatalError> {
    match (args.engine, view) {
        (Engine::Graphviz, _) => graphviz_svg(args, input),
        (Engine::Builtin, _) => Ok(diagram::svg::write(&drawing(input, view).scene)),
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
