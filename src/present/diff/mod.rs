//! `cxmap diff` output: one [`Diff`] laid out as text for a terminal, Markdown short enough
//! for a pull-request comment, or JSON. The presenters only lay out what the diff says
//! changed; the values they show are read from the two versions' models.

pub mod json;
pub mod markdown;
pub mod text;

use crate::analyse::diff::{Amount, Average, Diff, Field, Trend};
use crate::analyse::finding::Finding;
use crate::model::{TouchpointRef, Workspace};

/// What the two versions are called: a folder, a file, a revision or the working tree.
#[derive(Debug, Clone)]
pub struct Labels {
    pub before: String,
    pub after: String,
}

/// A touchpoint field's value in one version.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Value<'a> {
    Ids(Vec<&'a str>),
    Text(Option<&'a str>),
    Flag(bool),
    Score(Option<i8>),
}

impl Value<'_> {
    /// For text and Markdown: ids joined, `none` for nothing.
    pub fn show(&self) -> String {
        match self {
            Value::Ids(ids) if ids.is_empty() => "none".to_owned(),
            Value::Ids(ids) => ids.join(", "),
            Value::Text(t) => t.unwrap_or("none").to_owned(),
            Value::Flag(b) => b.to_string(),
            Value::Score(s) => s.map_or_else(|| "none".to_owned(), |s| format!("{s:+}")),
        }
    }
}

/// A field of a touchpoint, as the diff compares it.
pub fn value(ws: &Workspace, t: TouchpointRef, field: Field) -> Value<'_> {
    let tp = ws.touchpoint(t);
    match field {
        Field::Owner => Value::Ids(
            tp.owners
                .iter()
                .map(|&d| ws.departments[d].id.as_str())
                .collect(),
        ),
        Field::Stage => Value::Text(tp.stage.map(|s| ws.journeys[t.journey].stages[s].as_str())),
        Field::Backstage => Value::Flag(tp.backstage),
        Field::Purchase => Value::Flag(tp.purchase),
        Field::Score => Value::Score(tp.score),
    }
}

/// A headline row: its label, and each version's value as shown.
pub struct HeadlineRow {
    pub label: &'static str,
    pub before: String,
    pub after: String,
    pub changed: bool,
    pub trend: Trend,
}

/// The headline figures, as rows, in the order people read them.
pub fn headline_rows(diff: &Diff) -> Vec<HeadlineRow> {
    let show = |a: Amount| match a {
        Amount::Percent(p) => format!("{p}%"),
        Amount::Count(n) => n.to_string(),
    };
    diff.figures
        .figures()
        .into_iter()
        .map(|f| HeadlineRow {
            label: f.figure.label(),
            before: show(f.before),
            after: show(f.after),
            changed: f.before != f.after,
            trend: f.trend,
        })
        .collect()
}

/// Who holds a data asset in one version, for a custody row: the department ids joined and
/// escaped for the target, "nobody", or `missing` when the version has no such data; a silo
/// marked "(silo)".
pub fn held_by(
    ws: &Workspace,
    exists: bool,
    holders: &[usize],
    silo: bool,
    missing: &str,
    escape: impl Fn(&str) -> String,
) -> String {
    if !exists {
        return missing.to_owned();
    }
    let ids: Vec<&str> = holders
        .iter()
        .map(|&d| ws.departments[d].id.as_str())
        .collect();
    let ids = if ids.is_empty() {
        "nobody".to_owned()
    } else {
        escape(&ids.join(", "))
    };
    if silo { format!("{ids} (silo)") } else { ids }
}

/// One of the diff's lists of findings.
#[derive(Clone, Copy)]
pub struct FindingList<'a> {
    /// "new", "resolved" or "now waived".
    pub what: &'static str,
    pub findings: &'a [&'a Finding],
}

impl FindingList<'_> {
    /// "2 new findings", "1 resolved finding", "1 finding now waived".
    pub fn heading(&self) -> String {
        let n = self.findings.len();
        let word = if n == 1 { "finding" } else { "findings" };
        match self.what {
            "now waived" => format!("{n} {word} now waived"),
            what => format!("{n} {what} {word}"),
        }
    }
}

/// The lists of findings, each with the workspace its findings belong to: new ones are in the
/// version after, resolved and now-waived ones in the version before.
pub fn finding_lists<'a>(diff: &'a Diff) -> [(FindingList<'a>, &'a Workspace); 3] {
    let f = &diff.findings;
    [
        (
            FindingList {
                what: "new",
                findings: &f.new,
            },
            diff.after.workspace,
        ),
        (
            FindingList {
                what: "resolved",
                findings: &f.resolved,
            },
            diff.before.workspace,
        ),
        (
            FindingList {
                what: "now waived",
                findings: &f.waived,
            },
            diff.before.workspace,
        ),
    ]
}

/// An average score as people read it: `-0.5`, `+1.0`, `none`.
pub fn average(a: Option<Average>) -> String {
    a.map_or_else(|| "none".to_owned(), |a| format!("{:+.1}", a.value()))
}

/// `a` → `b`, or `none` where the thing did not exist.
pub fn count(n: Option<usize>) -> String {
    n.map_or_else(|| "none".to_owned(), |n| n.to_string())
}
