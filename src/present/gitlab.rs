//! `--format gitlab`: GitLab's Code Quality report (a subset of the Code Climate issue format),
//! one issue per finding and per invalid-input problem, for `artifacts:reports:codequality`.
//! GitLab shows them in the merge request and compares fingerprints between the branches, so
//! findings carry their stable fingerprint (what they are about, not where). Waived findings,
//! and with a baseline the known ones, are left out. Paths are as cxmap shows them (relative to
//! the folder it ran in, which GitLab expects to be the top of the repository).

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::analyse::Checked;
use crate::analyse::finding::Severity;
use crate::analyse::fingerprint::problem_fingerprint;
use crate::analyse::names::Names;
use crate::problem::INVALID_INPUT;

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
}

/// GitLab's words: `error` findings fail the check, so they are `major`; invalid input stops
/// the whole analysis, so it is a `blocker`.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn write(checked: &Checked, out: &mut dyn Write) -> std::io::Result<()> {
    let ws = &checked.workspace;
    let names = Names::ids(ws);
    let mut issues = Vec::new();
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    for p in &checked.problems {
        let file = ws.sources.get(p.span.file);
        let (line, _) = file.line_col(p.span.start as usize);
        let nth = seen.entry((&file.display, &p.message)).or_default();
        issues.push(Issue {
            kind: "issue",
            description: p.message.clone(),
            check_name: INVALID_INPUT,
            fingerprint: problem_fingerprint(&file.display, &p.message, *nth).to_string(),
            severity: "blocker",
            location: Location {
                path: &file.display,
                lines: Lines { begin: line },
            },
        });
        *nth += 1;
    }
    for f in checked.analysis.iter().flat_map(|a| &a.findings) {
        let file = ws.sources.get(f.at.file);
        let (line, _) = file.line_col(f.at.start as usize);
        issues.push(Issue {
            kind: "issue",
            description: f.message(&names),
            check_name: f.rule.name,
            fingerprint: f.fingerprint(ws).to_string(),
            severity: severity(f.severity),
            location: Location {
                path: &file.display,
                lines: Lines { begin: line },
            },
        });
    }
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &issues).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}
