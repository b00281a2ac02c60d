//! `--format json`: the contract's shape, `{ "errors": [...], "findings": [...] }`, plus a
//! summary. Streamed to the writer: no copy of the whole output is ever held in memory.

use std::io::Write;

use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};

use crate::analyse::finding::{Finding, Severity};
use crate::analyse::names::Names;
use crate::analyse::waivers::Waived;
use crate::analyse::{Analysis, Checked};
use crate::model::Workspace;
use crate::problem::Problem;

#[derive(Serialize)]
struct Output<'a> {
    errors: Problems<'a>,
    findings: Findings<'a>,
    waived: WaivedList<'a>,
    summary: Summary,
}

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

/// Waived findings serialised one at a time.
pub struct WaivedList<'a> {
    pub analysis: Option<&'a Analysis>,
    pub workspace: &'a Workspace,
}

impl Serialize for WaivedList<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let waived: &[Waived] = self.analysis.map_or(&[], |a| a.waived.as_slice());
        let mut seq = serializer.serialize_seq(Some(waived.len()))?;
        if let Some(a) = self.analysis {
            for w in waived {
                seq.serialize_element(&WaivedJson::new(w, a, self.workspace))?;
            }
        }
        seq.end()
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
    fingerprint: String,
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
            fingerprint: f.fingerprint(ws).to_string(),
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
    let findings: &[Finding] = checked
        .analysis
        .as_ref()
        .map_or(&[], |a| a.findings.as_slice());
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let output = Output {
        errors: Problems {
            problems: &checked.problems,
            workspace: ws,
        },
        findings: Findings {
            findings,
            workspace: ws,
        },
        waived: WaivedList {
            analysis: checked.analysis.as_ref(),
            workspace: ws,
        },
        summary: Summary {
            valid: checked.is_valid(),
            files: checked.model_files,
            journeys: ws.journeys.len(),
            touchpoints: ws.touchpoint_count(),
            departments: ws.departments.len(),
            errors: checked.problems.len(),
            error: count(Severity::Error),
            warning: count(Severity::Warning),
            info: count(Severity::Info),
            waived: checked.analysis.as_ref().map_or(0, |a| a.waived.len()),
            known: checked.analysis.as_ref().and_then(Analysis::known_count),
        },
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &output).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}
