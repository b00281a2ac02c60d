//! `--format text`: diagnostics in the style of rustc and ruff, grouped by file, then a
//! one-line summary. Only what a user wrote is shown, and never raw: control and bidi
//! characters are escaped.

use std::fmt::Write;
use std::ops::Range;

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use anstyle::{AnsiColor, Style};

use super::CheckOutcome;
use super::escape::{terminal, terminal_same_length};
use crate::analyse::finding::Severity;
use crate::load::source::{Sources, Span};

pub struct Terminal {
    pub color: bool,
}

struct Item<'a> {
    level: Level<'a>,
    title: String,
    id: Option<&'a str>,
    span: &'a Span,
    help: Option<&'a str>,
}

impl Terminal {
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

    pub fn render(&self, outcome: &CheckOutcome) -> String {
        let sources = outcome.loaded.sources();
        let mut items: Vec<Item> = outcome
            .loaded
            .problems
            .iter()
            .map(|p| Item {
                level: Level::ERROR,
                title: terminal(&p.message),
                id: None,
                span: &p.span,
                help: p.help.as_deref(),
            })
            .collect();
        if let Some(a) = outcome.analysis {
            items.extend(a.findings.iter().map(|f| Item {
                level: match f.severity {
                    Severity::Error => Level::ERROR,
                    Severity::Warning => Level::WARNING,
                    Severity::Info => Level::INFO,
                },
                title: terminal(&f.message),
                id: Some(f.rule),
                span: &f.marker,
                help: f.help.as_deref(),
            }));
        }
        let renderer = self.renderer();
        let mut out = String::new();
        let mut current_file = None;
        for item in &items {
            if current_file != Some(item.span.file) {
                current_file = Some(item.span.file);
                let name = terminal(&sources.get(item.span.file).display);
                let _ = writeln!(
                    out,
                    "{}",
                    self.paint(Style::new().bold().underline(), &name)
                );
            }
            let _ = writeln!(out, "{}\n", renderer.render(&[group(sources, item)]));
        }
        out.push_str(&self.summary(outcome));
        out
    }

    fn summary(&self, outcome: &CheckOutcome) -> String {
        let ws = &outcome.loaded.workspace;
        let problems = outcome.loaded.problems.len();
        if problems > 0 {
            let files: std::collections::BTreeSet<_> = outcome
                .loaded
                .problems
                .iter()
                .map(|p| p.span.file)
                .collect();
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
        let Some(a) = outcome.analysis else {
            return String::new();
        };
        if outcome.loaded.sources().is_empty() {
            return "no journey files found: give a folder of `.toml` files, or run `cxmap init`\n"
                .to_owned();
        }
        let head = format!(
            "{}, {}",
            plural(ws.journeys.len(), "journey"),
            plural(ws.touchpoint_count(), "touchpoint")
        );
        let mut counts = Vec::new();
        for (severity, word, color) in [
            (Severity::Error, "error", AnsiColor::Red),
            (Severity::Warning, "warning", AnsiColor::Yellow),
            (Severity::Info, "info", AnsiColor::Cyan),
        ] {
            let n = a.count(severity);
            if n > 0 {
                let text = if severity == Severity::Info {
                    format!("{n} info")
                } else {
                    plural(n, word)
                };
                counts.push(self.paint(color.on_default().bold(), &text));
            }
        }
        if counts.is_empty() {
            format!("{head}: no findings\n")
        } else {
            format!("{head}: {}\n", counts.join(", "))
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The lines a span covers (at most a few), sanitised, with the span relative to them.
fn excerpt(sources: &Sources, span: &Span) -> (usize, String, Range<usize>) {
    let file = sources.get(span.file);
    let first = file.line_range(span.range.start);
    let last = file.line_range(span.range.end.max(span.range.start));
    // Long multi-line values are cut to their first line.
    let end = if file.line_col(last.start).0 - file.line_col(first.start).0 > 3 {
        first.end
    } else {
        last.end
    };
    let text = terminal_same_length(&file.text[first.start..end]);
    let start = span.range.start - first.start;
    let stop = span.range.end.clamp(span.range.start, end) - first.start;
    let (line, _) = file.line_col(span.range.start);
    (line, text, start..stop)
}

fn group<'a>(sources: &'a Sources, item: &'a Item) -> Group<'a> {
    let (line, text, range) = excerpt(sources, item.span);
    let mut title = item.level.clone().primary_title(item.title.clone());
    if let Some(id) = item.id {
        title = title.id(id);
    }
    let path = terminal(&sources.get(item.span.file).display);
    let mut group = Group::with_title(title).element(
        Snippet::source(text)
            .line_start(line)
            .path(path)
            .annotation(AnnotationKind::Primary.span(range)),
    );
    if let Some(help) = item.help {
        group = group.element(Level::HELP.message(terminal(help)));
    }
    group
}
