//! `--format json`: the contract's shape, `{ "errors": [...], "findings": [...] }`, plus the
//! waived findings and a summary. Streamed to the writer: no copy of the whole output is ever
//! held in memory, and the findings are serialised on all cores ([`layout`]).

mod layout;

use std::io::Write;

use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};

use crate::analyse::finding::{Finding, Severity};
use crate::analyse::fingerprint::Fingerprint;
use crate::analyse::names::Names;
use crate::analyse::waivers::Waived;
use crate::analyse::{Analysis, Checked};
use crate::model::Workspace;
use crate::problem::Problem;

/// A waived finding: the same fields as a finding, plus the waiver's reason.
#[derive(Serialize)]
pub struct WaivedJson<'a> {
    #[serde(flatten)]
    finding: FindingJson<'a>,
    reason: &'a str,
}

impl<'a> WaivedJson<'a> {
    pub fn new(w: &'a Waived, analysis: &'a Analysis, ws: &'a Workspace) -> Self {
        WaivedJson {
            finding: FindingJson::new(&w.finding, ws),
            reason: &analysis.waivers[w.waiver].reason,
        }
    }
}

/// A problem as the contract's JSON shows it.
#[derive(Serialize)]
pub struct ProblemJson<'a> {
    message: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    help: Option<&'a str>,
}

impl<'a> ProblemJson<'a> {
    pub fn new(p: &'a Problem, ws: &'a Workspace) -> Self {
        let file = ws.sources.get(p.span.file);
        let (line, column) = file.line_col(p.span.start as usize);
        ProblemJson {
            message: &p.message,
            file: &file.display,
            line,
            column,
            help: p.help.as_deref(),
        }
    }
}

/// A finding as the contract's JSON shows it (also used by the JSON report).
#[derive(Serialize)]
pub struct FindingJson<'a> {
    rule: &'static str,
    severity: Severity,
    journey: Option<&'a str>,
    subject: &'a str,
    detail: Option<&'a str>,
    message: String,
    file: &'a str,
    line: usize,
    column: usize,
    help: String,
    /// What the finding is about, hashed (see `analyse::fingerprint`).
    fingerprint: Fingerprint,
}

impl<'a> FindingJson<'a> {
    pub fn new(f: &'a Finding, ws: &'a Workspace) -> Self {
        let names = Names::ids(ws);
        let file = ws.sources.get(f.at.file);
        let (line, column) = file.line_col(f.at.start as usize);
        FindingJson {
            rule: f.rule.name,
            severity: f.severity,
            journey: f.journey.map(|j| ws.journeys[j].id.as_str()),
            subject: f.subject.id(ws),
            detail: f.detail.map(|d| d.id(ws)),
            message: f.message(&names),
            file: &file.display,
            line,
            column,
            help: f.help(&names),
            fingerprint: f.fingerprint(ws),
        }
    }
}

/// Findings serialised one at a time.
pub struct Findings<'a> {
    pub findings: &'a [Finding],
    pub workspace: &'a Workspace,
}

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.findings.len()))?;
        for f in self.findings {
            seq.serialize_element(&FindingJson::new(f, self.workspace))?;
        }
        seq.end()
    }
}

struct Problems<'a> {
    problems: &'a [Problem],
    workspace: &'a Workspace,
}

impl Serialize for Problems<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.problems
                .iter()
                .map(|p| ProblemJson::new(p, self.workspace)),
        )
    }
}

#[derive(Serialize)]
struct Summary {
    valid: bool,
    /// Journey files read (the configuration file aside).
    files: usize,
    journeys: usize,
    touchpoints: usize,
    departments: usize,
    /// Invalid-input problems (the `errors` above).
    errors: usize,
    error: usize,
    warning: usize,
    info: usize,
    /// Findings left out by waivers (the `waived` above).
    waived: usize,
    /// With a baseline: the findings it knew, left out of `findings`.
    #[serde(skip_serializing_if = "Option::is_none")]
    known: Option<usize>,
}

pub fn write(checked: &Checked, out: &mut dyn Write) -> std::io::Result<()> {
    let ws = &checked.workspace;
    let analysis = checked.analysis.as_ref();
    let findings: &[Finding] = analysis.map_or(&[], |a| a.findings.as_slice());
    let waived: &[Waived] = analysis.map_or(&[], |a| a.waived.as_slice());
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let summary = Summary {
        valid: checked.is_valid(),
        files: checked.model_files,
        journeys: ws.journeys.len(),
        touchpoints: ws.touchpoint_count(),
        departments: ws.departments.len(),
        errors: checked.problems.len(),
        error: count(Severity::Error),
        warning: count(Severity::Warning),
        info: count(Severity::Info),
        waived: waived.len(),
        known: analysis.and_then(Analysis::known_count),
    };
    let problems = Problems {
        problems: &checked.problems,
        workspace: ws,
    };
    // The object `{ errors, findings, waived, summary }`, laid out as serde_json's pretty
    // printer lays it out, its parts written one after another.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"{\n  \"errors\": ")?;
    layout::write_at(&mut out, 1, &problems)?;
    out.write_all(b",\n  \"findings\": ")?;
    layout::write_array(&mut out, 1, findings, |f| FindingJson::new(f, ws))?;
    out.write_all(b",\n  \"waived\": ")?;
    if let Some(a) = analysis {
        layout::write_array(&mut out, 1, waived, |w| WaivedJson::new(w, a, ws))?;
    } else {
        out.write_all(b"[]")?;
    }
    out.write_all(b",\n  \"summary\": ")?;
    layout::write_at(&mut out, 1, &summary)?;
    out.write_all(b"\n}\n")?;
    out.flush()
}
