//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning. Rule ids are the rule names;
//! invalid input is reported as `toolExecutionNotifications` of a failed invocation.

use std::io::Write;

use serde_json::{Value, json};

use super::with_help;
use crate::analyse::Checked;
use crate::analyse::finding::Severity;
use crate::analyse::names::Names;
use crate::analyse::rules::RULES;
use crate::source::Location;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: unreserved characters and `/` kept, the rest
/// percent-encoded (a file name may hold spaces, `#` or `?`).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn location(loc: &Location) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&loc.file) },
            "region": { "startLine": loc.line, "startColumn": loc.column }
        }
    })
}

pub fn write(checked: &Checked, out: &mut dyn Write) -> std::io::Result<()> {
    let ws = &checked.workspace;
    let sources = &ws.sources;
    let names = Names::ids(ws);
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.name,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.doc.trim() },
                "help": { "text": r.explanation(), "markdown": r.explanation() },
                "defaultConfiguration": { "level": level(r.default_severity) }
            })
        })
        .collect();
    let result = |f: &crate::analyse::finding::Finding| {
        let text = with_help(&f.message(&names), Some(&f.help(&names)));
        let journey = f.journey.map_or("-", |j| ws.journeys[j].id.as_str());
        json!({
            "ruleId": f.rule.name,
            "ruleIndex": f.rule.index(),
            "level": level(f.severity),
            "message": { "text": text },
            "locations": [location(&sources.locate(&f.at))],
            "partialFingerprints": {
                "cxmapSubject/v1": format!("{}/{journey}/{}", f.rule.name, f.subject.id(ws))
            }
        })
    };
    let mut results: Vec<Value> = checked
        .analysis
        .iter()
        .flat_map(|a| &a.findings)
        .map(result)
        .collect();
    // Waived findings are results too, suppressed with the team's reason, so code scanning
    // shows them as dismissed rather than forgetting them.
    if let Some(a) = &checked.analysis {
        for w in &a.waived {
            let mut r = result(&w.finding);
            r["suppressions"] = json!([{
                "kind": "external",
                "justification": a.waivers[w.waiver].reason
            }]);
            results.push(r);
        }
    }
    let notifications: Vec<Value> = checked
        .problems
        .iter()
        .map(|p| {
            let text = with_help(&p.message, p.help.as_deref());
            json!({
                "level": "error",
                "message": { "text": text },
                "locations": [location(&sources.locate(&p.span))]
            })
        })
        .collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "cxmap",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": rules
                }
            },
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications
            }],
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &log).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}
