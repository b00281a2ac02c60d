//! The journey map as DOT (built with graphviz-rust), and running the real Graphviz `dot` on
//! it with a time limit.
//!
//! graphviz-rust prints ids as given, so every piece of user text goes through
//! `escape::dot_string`/`dot_inner`; node ids are generated (`n0`, `n1`, ...), never user
//! text; no user text becomes a URL, image or style. Department clusters are not used: at a
//! thousand touchpoints they make `dot` drop edges.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};

use super::DiagramInput;
use super::palette::{ACCENT, ALERT, ALERT_FILL, BACKSTAGE_FILL, LINE, department_color};
use crate::present::escape::{dot_inner, dot_string};

fn attr(key: &str, value: Id) -> Attribute {
    Attribute(Id::Plain(key.to_owned()), value)
}

/// A fixed value cxmap chooses (a colour, a shape): quoted, never user text.
fn fixed(value: &str) -> Id {
    Id::Escaped(format!("\"{value}\""))
}

fn node_id(i: usize) -> NodeId {
    NodeId(Id::Plain(format!("n{i}")), None)
}

pub fn map(input: &DiagramInput) -> String {
    let ws = input.workspace;
    let j = input.journey;
    let mut stmts = vec![
        Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("rankdir", fixed("LR")),
            attr("fontname", fixed("Liberation Sans")),
            attr("labelloc", fixed("t")),
            attr(
                "label",
                Id::Escaped(dot_string(&format!("{} — journey map", j.name))),
            ),
            attr("nodesep", fixed("0.3")),
            attr("ranksep", fixed("0.6")),
        ])),
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("shape", fixed("box")),
            attr("style", fixed("rounded,filled")),
            attr("fontname", fixed("Liberation Sans")),
            attr("fontsize", fixed("11")),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", fixed("Liberation Sans")),
            attr("fontsize", fixed("10")),
        ])),
    ];
    for (i, tp) in j.touchpoints.iter().enumerate() {
        let unowned = input.unowned(i);
        let mut parts = vec![dot_inner(&tp.name)];
        let owner = if unowned {
            "NO OWNER".to_owned()
        } else {
            tp.owners
                .iter()
                .map(|&d| ws.departments[d].name.as_str())
                .collect::<Vec<_>>()
                .join(" + ")
        };
        let mut meta = vec![owner];
        if let Some(s) = tp.stage {
            meta.push(j.stages[s].clone());
        }
        if !tp.channels.is_empty() {
            meta.push(tp.channels.join(" / "));
        }
        if tp.backstage {
            meta.push("backstage".to_owned());
        }
        if tp.purchase {
            meta.push("purchase".to_owned());
        }
        if let Some(s) = tp.score {
            meta.push(if s > 0 {
                format!("score +{s}")
            } else {
                format!("score {s}")
            });
        }
        parts.push(dot_inner(&meta.join(" · ")));
        let (strong, light) = match tp.owners.first() {
            Some(&d) => department_color(d),
            None => (ALERT, ALERT_FILL),
        };
        let (fill, style, color, pen) = if unowned {
            (ALERT_FILL, "rounded,filled,dashed", ALERT, "2")
        } else if tp.backstage {
            (BACKSTAGE_FILL, "rounded,filled,dashed", LINE, "1")
        } else {
            (light, "rounded,filled", strong, "1.2")
        };
        stmts.push(Stmt::Node(Node::new(
            node_id(i),
            vec![
                attr("label", Id::Escaped(format!("\"{}\"", parts.join("\\n")))),
                attr("fillcolor", fixed(fill)),
                attr("color", fixed(color)),
                attr("style", fixed(style)),
                attr("penwidth", fixed(pen)),
            ],
        )));
    }
    for (i, tp) in j.touchpoints.iter().enumerate() {
        for step in &tp.next {
            // The same accent as the builtin views: a hand-off across the line of
            // visibility or into a pain point.
            let accent = input.accent(i, step.to);
            let mut attributes = vec![attr("color", fixed(if accent { ACCENT } else { LINE }))];
            if accent {
                attributes.push(attr("penwidth", fixed("2.2")));
            }
            if let Some(label) = &step.label {
                attributes.push(attr("label", Id::Escaped(dot_string(label))));
            }
            stmts.push(Stmt::Edge(Edge {
                ty: EdgeTy::Pair(Vertex::N(node_id(i)), Vertex::N(node_id(step.to))),
                attributes,
            }));
        }
    }
    let graph = Graph::DiGraph {
        id: Id::Plain("journey".to_owned()),
        strict: false,
        stmts,
    };
    let mut text = graph.print(&mut PrinterContext::default());
    text.push('\n');
    text
}

/// Why running `dot` failed.
#[derive(Debug)]
pub enum DotError {
    Missing,
    TimedOut(Duration),
    Failed(String),
}

impl std::fmt::Display for DotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DotError::Missing => f.write_str("Graphviz `dot` was not found on PATH"),
            DotError::TimedOut(t) => {
                write!(f, "Graphviz `dot` did not finish within {} s", t.as_secs())
            }
            DotError::Failed(msg) => write!(f, "Graphviz `dot` failed: {msg}"),
        }
    }
}

/// Runs `dot -T<format>` on `source`, killing it after `limit`.
pub fn run_dot(source: &str, format: &str, limit: Duration) -> Result<Vec<u8>, DotError> {
    let mut child = Command::new("dot")
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                DotError::Missing
            } else {
                DotError::Failed(e.to_string())
            }
        })?;
    // Feed and drain on threads so a large graph cannot deadlock on full pipes.
    let mut stdin = child.stdin.take().expect("piped");
    let input = source.to_owned();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let mut stderr = child.stderr.take().expect("piped");
    let err_reader = std::thread::spawn(move || {
        let mut buf = String::new();
        let _ = stderr.read_to_string(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(DotError::TimedOut(limit));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(DotError::Failed(e.to_string())),
        }
    };
    let _ = writer.join();
    let out = reader.join().unwrap_or_default();
    let err = err_reader.join().unwrap_or_default();
    if !status.success() {
        return Err(DotError::Failed(err.trim().to_owned()));
    }
    Ok(out)
}

/// Graphviz's SVG without its `<!DOCTYPE>`, which points at an external DTD: the SVG cxmap
/// writes refers to nothing outside itself.
pub fn without_doctype(svg: &str) -> String {
    match (svg.find("<!DOCTYPE"), svg.find("<svg")) {
        (Some(start), Some(svg_start)) if start < svg_start => {
            let end = svg[start..].find('>').map_or(start, |e| start + e + 1);
            format!(
                "{}{}",
                &svg[..start],
                svg[end..].trim_start_matches(['\r', '\n'])
            )
        }
        _ => svg.to_owned(),
    }
}
