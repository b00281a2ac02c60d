//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning. Rule ids are the rule names;
//! invalid input is reported as `toolExecutionNotifications` of a failed invocation.

use serde_json::{Value, json};

use super::{CheckOutcome, with_help};
use crate::analyse::finding::Severity;
use crate::analyse::rules::RULES;
use crate::load::source::Location;

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

pub fn render(outcome: &CheckOutcome) -> String {
    let sources = outcome.loaded.sources();
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
    let results: Vec<Value> = outcome
        .analysis
        .iter()
        .flat_map(|a| &a.findings)
        .map(|f| {
            let index = RULES.iter().position(|r| r.name == f.rule).unwrap_or(0);
            let text = with_help(&f.message, f.help.as_deref());
            json!({
                "ruleId": f.rule,
                "ruleIndex": index,
                "level": level(f.severity),
                "message": { "text": text },
                "locations": [location(&sources.locate(&f.span))],
                "partialFingerprints": {
                    "cxmapSubject/v1": format!("{}/{}/{}", f.rule, f.journey.as_deref().unwrap_or("-"), f.subject)
                }
            })
        })
        .collect();
    let notifications: Vec<Value> = outcome
        .loaded
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
    let mut s = serde_json::to_string_pretty(&log).expect("plain data serialises");
    s.push('\n');
    s
}
