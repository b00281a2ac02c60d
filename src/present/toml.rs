//! Journey files as a person would write them, from a spreadsheet's rows (`cxmap import`):
//! the `#:schema` line, `org.toml` with the organisation, departments and data, and one file
//! per journey with `[journey]` and its `[[touchpoint]]`s; keys in the order of the format's
//! reference, one blank line between tables, and no key that says nothing (an empty cell, a
//! default such as `backstage = false`, a name equal to the id).
//!
//! Every value written is marked with the cell it came from, so that a problem `cxmap check`
//! finds in the TOML can be pointed back at the spreadsheet.

use std::ops::Range;

use super::escape;
use crate::fatal::FatalError;
use crate::load::sheets::{At, Book, DataRow, DepartmentRow, JourneyRows, TouchpointRow, Val};

/// The name of the file holding the organisation, departments and data.
pub const ORG_FILE: &str = "org.toml";

/// A written file, with the cell behind each value.
#[derive(Debug)]
pub struct TomlFile {
    /// The file's name (no folder).
    pub name: String,
    pub text: String,
    pub marks: Vec<(Range<usize>, At)>,
}

impl TomlFile {
    /// The cell behind a byte offset: the smallest marked range holding it.
    ///
    /// Marks are sorted by start, longer first on a tie ([`files`] sorts them), and nest
    /// like the TOML they mark (values inside tables), so the innermost mark holding the
    /// offset is the first found walking back from the last one that starts at or before
    /// it: a few steps, whatever the file's size.
    pub fn cell_at(&self, offset: usize) -> Option<At> {
        let end = self.marks.partition_point(|(r, _)| r.start <= offset);
        self.marks[..end]
            .iter()
            .rev()
            .find(|(r, _)| offset <= r.end)
            .map(|(_, at)| *at)
    }
}

struct Writer {
    text: String,
    marks: Vec<(Range<usize>, At)>,
}

impl Writer {
    fn new(source: &str) -> Writer {
        Writer {
            text: format!(
                "#:schema ./cxmap.schema.json\n# Imported from {} with `cxmap import`.\n",
                escape::terminal(source)
            ),
            marks: Vec::new(),
        }
    }

    /// Starts a table; returns where it starts, for [`Writer::end_table`].
    fn table(&mut self, header: &str) -> usize {
        let start = self.text.len() + 1;
        self.text.push('\n');
        self.text.push_str(header);
        self.text.push('\n');
        start
    }

    fn end_table(&mut self, start: usize, at: Option<At>) {
        if let Some(at) = at {
            self.marks.push((start..self.text.len(), at.row_only()));
        }
    }

    fn raw(&mut self, key: &str, value: &str, at: At) {
        self.text.push_str(key);
        self.text.push_str(" = ");
        let start = self.text.len();
        self.text.push_str(value);
        self.marks.push((start..self.text.len(), at));
        self.text.push('\n');
    }

    fn string(&mut self, key: &str, value: &Val<String>) {
        self.raw(key, &string(&value.value), value.at);
    }

    fn opt_string(&mut self, key: &str, value: Option<&Val<String>>) {
        if let Some(v) = value {
            self.string(key, v);
        }
    }

    /// `name`, unless it only repeats the id (the default).
    fn name(&mut self, name: Option<&Val<String>>, id: &str) {
        self.opt_string("name", name.filter(|n| n.value != id));
    }

    fn flag(&mut self, key: &str, value: Option<&Val<bool>>) {
        if let Some(v) = value.filter(|v| v.value) {
            self.raw(key, "true", v.at);
        }
    }

    fn list(&mut self, key: &str, value: Option<&Val<Vec<String>>>) {
        if let Some(v) = value.filter(|v| !v.value.is_empty()) {
            self.raw(key, &array(&v.value), v.at);
        }
    }

    /// One value as a string, several as an array (`owner`, `channel`).
    fn one_or_many(&mut self, key: &str, value: Option<&Val<Vec<String>>>) {
        match value.map(|v| (v, v.value.as_slice())) {
            Some((v, [one])) => self.raw(key, &string(one), v.at),
            _ => self.list(key, value),
        }
    }
}

/// A TOML basic or literal string that reads back as exactly `text`.
fn string(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

fn array(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| string(i)).collect();
    format!("[{}]", items.join(", "))
}

/// A number as a person writes it: `12`, `81.5`.
pub fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        format!("{n:?}")
    }
}

/// The TOML files of a book: `org.toml` (when there is anything for it) and one file per
/// journey, named after its id. `source` names the spreadsheet in the files' first comment.
pub fn files(book: &Book, source: &str) -> Result<Vec<TomlFile>, FatalError> {
    let mut out = Vec::new();
    if book.organization.is_some() || !book.departments.is_empty() || !book.data.is_empty() {
        out.push(org(book, source));
    }
    let names = journey_file_names(book.journeys.iter().map(|j| j.id.value.as_str()))?;
    for (journey, name) in book.journeys.iter().zip(names) {
        let mut w = Writer::new(source);
        write_journey(&mut w, journey);
        out.push(TomlFile {
            name,
            text: w.text,
            marks: w.marks,
        });
    }
    for file in &mut out {
        file.marks
            .sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    }
    Ok(out)
}

/// `<id>.toml` for each journey id, made safe as a file name; never `org.toml` nor
/// `cxmap.toml` (the configuration).
pub fn journey_file_names<'a>(
    ids: impl Iterator<Item = &'a str>,
) -> Result<Vec<String>, FatalError> {
    let stems = super::file_stems(ids)?;
    let mut taken: Vec<String> = vec!["org".to_owned(), "cxmap".to_owned()];
    taken.extend(stems.iter().map(|s| s.to_lowercase()));
    let mut names = Vec::with_capacity(stems.len());
    for stem in stems {
        let mut name = stem.clone();
        if matches!(stem.to_lowercase().as_str(), "org" | "cxmap") {
            let mut n = 1;
            name = format!("{stem}-journey");
            while taken.contains(&name.to_lowercase()) {
                n += 1;
                name = format!("{stem}-journey-{n}");
            }
            taken.push(name.to_lowercase());
        }
        names.push(format!("{name}.toml"));
    }
    Ok(names)
}

fn org(book: &Book, source: &str) -> TomlFile {
    let mut w = Writer::new(source);
    if let Some(o) = &book.organization {
        let start = w.table("[organization]");
        w.string("name", &o.name);
        w.opt_string("north_star", o.north_star.as_ref());
        w.end_table(start, Some(o.name.at));
    }
    for d in &book.departments {
        department(&mut w, d);
    }
    for d in &book.data {
        data(&mut w, d);
    }
    TomlFile {
        name: ORG_FILE.to_owned(),
        text: w.text,
        marks: w.marks,
    }
}

fn department(w: &mut Writer, d: &DepartmentRow) {
    let start = w.table("[[department]]");
    w.string("id", &d.id);
    w.name(d.name.as_ref(), &d.id.value);
    w.raw(
        "customer_facing",
        if d.customer_facing.value {
            "true"
        } else {
            "false"
        },
        d.customer_facing.at,
    );
    w.opt_string("champion", d.champion.as_ref());
    w.flag("external", d.external.as_ref());
    w.end_table(start, Some(d.id.at));
}

fn data(w: &mut Writer, d: &DataRow) {
    let start = w.table("[[data]]");
    w.string("id", &d.id);
    w.name(d.name.as_ref(), &d.id.value);
    w.raw("held_by", &array(&d.held_by.value), d.held_by.at);
    w.end_table(start, Some(d.id.at));
}

fn write_journey(w: &mut Writer, j: &JourneyRows) {
    let start = w.table("[journey]");
    w.string("id", &j.id);
    w.name(j.name.as_ref(), &j.id.value);
    w.opt_string("persona", j.persona.as_ref());
    w.opt_string("owner", j.owner.as_ref());
    w.list("stages", j.stages.as_ref());
    w.end_table(start, j.row.or(Some(j.id.at)));
    for t in &j.touchpoints {
        touchpoint(w, t);
    }
}

fn touchpoint(w: &mut Writer, t: &TouchpointRow) {
    let start = w.table("[[touchpoint]]");
    w.string("id", &t.id);
    w.name(t.name.as_ref(), &t.id.value);
    w.opt_string("stage", t.stage.as_ref());
    w.one_or_many("owner", t.owner.as_ref());
    w.one_or_many("channel", t.channel.as_ref());
    w.flag("backstage", t.backstage.as_ref());
    w.flag("purchase", t.purchase.as_ref());
    w.list("uses", t.uses.as_ref());
    w.list("asks", t.asks.as_ref());
    w.list("artifacts", t.artifacts.as_ref());
    insights(w, t);
    w.list("supported_by", t.supported_by.as_ref());
    if let Some(s) = &t.score {
        w.raw("score", &s.value.to_string(), s.at);
    }
    metrics(w, t);
    next(w, t);
    w.end_table(start, Some(t.row));
}

/// `insights = [` with one inline table per line `]`.
fn insights(w: &mut Writer, t: &TouchpointRow) {
    if t.insights.is_empty() {
        return;
    }
    w.text.push_str("insights = [\n");
    for i in &t.insights {
        w.text.push_str("  ");
        let start = w.text.len();
        let mut parts = vec![format!("source = {}", string(&i.source.value))];
        if let Some(q) = &i.quote {
            parts.push(format!("quote = {}", string(&q.value)));
        }
        if let Some(d) = &i.date {
            parts.push(format!("date = {}", d.value));
        }
        if let Some(s) = &i.sample {
            parts.push(format!("sample = {}", s.value));
        }
        w.text.push_str(&format!("{{ {} }}", parts.join(", ")));
        w.marks.push((start..w.text.len(), i.row));
        w.text.push_str(",\n");
    }
    w.text.push_str("]\n");
}

/// `metrics = { csat = 81.5, wait = { value = 9, target = 5, better = "lower" } }`, each
/// metric marked with its value's cell.
fn metrics(w: &mut Writer, t: &TouchpointRow) {
    if t.metrics.is_empty() {
        return;
    }
    w.text.push_str("metrics = { ");
    for (i, m) in t.metrics.iter().enumerate() {
        if i > 0 {
            w.text.push_str(", ");
        }
        w.text
            .push_str(&toml_edit::Key::new(m.name.as_str()).to_string());
        w.text.push_str(" = ");
        let start = w.text.len();
        let lower = m.lower_is_better.as_ref().is_some_and(|b| b.value);
        if m.target.is_none() && !lower && m.unit.is_none() {
            w.text.push_str(&number(m.value.value));
        } else {
            let mut fields = vec![format!("value = {}", number(m.value.value))];
            if let Some(target) = &m.target {
                fields.push(format!("target = {}", number(target.value)));
            }
            if lower {
                fields.push("better = \"lower\"".to_owned());
            }
            if let Some(unit) = &m.unit {
                fields.push(format!("unit = {}", string(&unit.value)));
            }
            w.text.push_str(&format!("{{ {} }}", fields.join(", ")));
        }
        w.marks.push((start..w.text.len(), m.value.at));
    }
    w.text.push_str(" }\n");
}

fn next(w: &mut Writer, t: &TouchpointRow) {
    let Some(next) = t.next.as_ref().filter(|n| !n.value.is_empty()) else {
        return;
    };
    let items: Vec<String> = next
        .value
        .iter()
        .map(|(to, label)| match label {
            None => string(to),
            Some(label) => format!("{{ to = {}, label = {} }}", string(to), string(label)),
        })
        .collect();
    w.raw("next", &format!("[{}]", items.join(", ")), next.at);
}
