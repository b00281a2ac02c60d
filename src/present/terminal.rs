//! `--format text`: diagnostics in the style of rustc and ruff, grouped by file, then a
//! one-line summary. Only what a user wrote is shown, and never raw: control and bidi
//! characters are escaped. Each diagnostic shows at most a window of its line, so a line
//! holding thousands of problems still renders in linear time.

use std::io::Write;
use std::ops::Range;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

use super::escape::{terminal, terminal_same_length};
use crate::analyse::Checked;
use crate::analyse::finding::Severity;
use crate::analyse::names::Names;
use crate::source::{SourceFile, Span};

/// Lines longer than this many bytes are shown as a window around the span.
const WINDOW: usize = 120;

pub struct Terminal {
    pub color: bool,
    /// Also list the findings waivers left out, with their reasons.
    pub show_waived: bool,
}

struct Item<'a> {
    level: Level<'a>,
    title: String,
    id: Option<&'a str>,
    span: Span,
    help: Option<String>,
    /// Why it is waived.
    note: Option<String>,
}

impl Terminal {
    /// No colour, waived findings counted but not listed: what a log or a test reads.
    pub fn plain() -> Terminal {
        Terminal {
            color: false,
            show_waived: false,
        }
    }

    fn renderer(&self) -> Renderer {
        let r = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        r.decor_style(DecorStyle::Ascii)
    }

    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    /// Writes every problem or finding, then the summary.
    pub fn write(&self, checked: &Checked, out: &mut dyn Write) -> std::io::Result<()> {
        let mut out = std::io::BufWriter::new(out);
        let ws = &checked.workspace;
        let names = Names::ids(ws);
        let problems = checked.problems.iter().map(|p| Item {
            level: Level::ERROR,
            title: terminal(&p.message),
            id: None,
            span: p.span,
            help: p.help.clone(),
            note: None,
        });
        let findings = checked
            .analysis
            .iter()
            .flat_map(|a| &a.findings)
            .map(|f| Item {
                level: level(f.severity),
                title: terminal(&f.message(&names)),
                id: Some(f.rule.name),
                span: f.at,
                help: Some(f.help(&names)),
                note: None,
            });
        let waived = checked
            .analysis
            .iter()
            .filter(|_| self.show_waived)
            .flat_map(|a| a.waived.iter().map(move |w| (a, w)))
            .map(|(a, w)| Item {
                level: Level::NOTE,
                title: terminal(&format!("waived: {}", w.finding.message(&names))),
                id: Some(w.finding.rule.name),
                span: w.finding.at,
                help: None,
                note: Some(format!("reason: {}", a.waivers[w.waiver].reason)),
            });
        let renderer = self.renderer();
        let mut current_file = None;
        for item in problems.chain(findings).chain(waived) {
            let file = ws.sources.get(item.span.file);
            if current_file != Some(item.span.file) {
                current_file = Some(item.span.file);
                let name = terminal(&file.display);
                writeln!(
                    out,
                    "{}",
                    self.paint(Style::new().bold().underline(), &name)
                )?;
            }
            writeln!(out, "{}\n", renderer.render(&[group(file, &item)]))?;
        }
        out.write_all(self.summary(checked).as_bytes())?;
        out.flush()
    }

    /// The whole output as a string (for tests and snapshots).
    pub fn render(&self, checked: &Checked) -> String {
        let mut out = Vec::new();
        self.write(checked, &mut out)
            .expect("writing to memory cannot fail");
        String::from_utf8(out).expect("the terminal presenter writes UTF-8")
    }

    fn summary(&self, checked: &Checked) -> String {
        let ws = &checked.workspace;
        let problems = checked.problems.len();
        if problems > 0 {
            let files: std::collections::BTreeSet<_> =
                checked.problems.iter().map(|p| p.span.file).collect();
            let text = format!(
                "invalid workspace: {} in {}; fix {} to see findings",
                plural(problems, "problem"),
                plural(files.len(), "file"),
                if problems == 1 { "it" } else { "them" }
            );
            return format!(
                "{}\n",
                self.paint(AnsiColor::Red.on_default().bold(), &text)
            );
        }
        let Some(a) = &checked.analysis else {
            return String::new();
        };
        if checked.model_files == 0 {
            return "no journey files found: give a folder of `.toml` files, or run `cxmap init`\n"
                .to_owned();
        }
        let head = format!(
            "{}, {}",
            plural(ws.journeys.len(), "journey"),
            plural(ws.touchpoint_count(), "touchpoint")
        );
        let mut counts = Vec::new();
        for (severity, color) in [
            (Severity::Error, AnsiColor::Red),
            (Severity::Warning, AnsiColor::Yellow),
            (Severity::Info, AnsiColor::Cyan),
        ] {
            let n = a.count(severity);
            if n > 0 {
                let text = if severity == Severity::Info {
                    format!("{n} info")
                } else {
                    plural(n, severity.as_str())
                };
                counts.push(self.paint(color.on_default().bold(), &text));
            }
        }
        if counts.is_empty() {
            let new = if a.known.is_some() { "new " } else { "" };
            counts.push(format!("no {new}findings"));
        }
        if !a.waived.is_empty() {
            counts.push(format!("{} waived", a.waived.len()));
        }
        let mut line = format!("{head}: {}\n", counts.join(", "));
        if let Some(known) = a.known_count() {
            line.push_str(&format!(
                "{} not shown: {} in the baseline\n",
                plural(known, "known finding"),
                if known == 1 { "it is" } else { "they are" }
            ));
        }
        line
    }
}

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// What a diagnostic shows of its file: the line (or lines, at most a few) its span starts
/// on, sanitised, cut to a window around the span when the line is long; and the span
/// relative to that text.
struct Excerpt {
    line: usize,
    text: String,
    span: Range<usize>,
    /// The text starts inside its line, so its columns are not the line's.
    windowed: bool,
}

fn excerpt(file: &SourceFile, span: Span) -> Excerpt {
    let text = &file.text;
    let at = (span.start as usize).min(text.len());
    let first = file.line_range(at);
    let last = file.line_range((span.end as usize).clamp(at, text.len()));
    // Long multi-line values are cut to their first line.
    let mut end = if file.line(last.start) - file.line(first.start) > 3 {
        first.end
    } else {
        last.end
    };
    // A span that starts on a line break (a bare `\r`, the end of the file) sits at its end.
    let start_in = at.clamp(first.start, first.end);
    let mut start = first.start;
    let mut windowed = false;
    if end - start > WINDOW {
        let stop_in = (span.end as usize).clamp(start_in, end);
        let from = floor_char(text, start_in.saturating_sub(WINDOW / 3).max(start));
        let to = ceil_char(
            text,
            (from + WINDOW)
                .max(stop_in.min(start_in + WINDOW) + WINDOW / 3)
                .min(end),
        );
        windowed = from > start;
        start = from;
        end = to.max(from);
    }
    let shown = terminal_same_length(&text[start..end]);
    let rel_start = start_in.clamp(start, end) - start;
    let rel_stop = (span.end as usize).clamp(start_in, end).max(start_in) - start;
    Excerpt {
        line: file.line(at),
        text: shown,
        span: rel_start..rel_stop.max(rel_start),
        windowed,
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn group<'a>(file: &'a SourceFile, item: &'a Item) -> Group<'a> {
    let excerpt = excerpt(file, item.span);
    let mut title = item.level.clone().primary_title(item.title.clone());
    if let Some(id) = item.id {
        title = title.id(id);
    }
    let path = terminal(&file.display);
    let snippet = Snippet::source(excerpt.text)
        .line_start(excerpt.line)
        .annotation(AnnotationKind::Primary.span(excerpt.span));
    let mut group = if excerpt.windowed {
        // The window does not start at the line's start: say where it is ourselves.
        let (line, column) = file.line_col(item.span.start as usize);
        Group::with_title(title)
            .element(Origin::path(path).line(line).char_column(column))
            .element(snippet)
    } else {
        Group::with_title(title).element(snippet.path(path))
    };
    if let Some(help) = &item.help {
        group = group.element(Level::HELP.message(terminal(help)));
    }
    if let Some(note) = &item.note {
        group = group.element(Level::NOTE.message(terminal(note)));
    }
    group
}
