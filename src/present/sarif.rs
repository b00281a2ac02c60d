//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning. Rule ids are the rule names; invalid
//! input is reported as results of the rule `invalid-input` (a descriptor of its own, not in
//! the rule registry), so code scanning marks the broken line. Every finding carries its
//! fingerprint in `partialFingerprints`, so an alert follows the finding across commits.

use std::io::Write;

use serde_json::{Value, json};

use super::with_help;
use crate::analyse::Checked;
use crate::analyse::finding::Severity;
use crate::analyse::names::Names;
use crate::analyse::rules::RULES;
use crate::problem::INVALID_INPUT;
use crate::source::Location;

/// The key of cxmap's fingerprint in `partialFingerprints`.
const FINGERPRINT_KEY: &str = "cxmapFinding/v1";

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
    let mut rules: Vec<Value> = RULES
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
    let invalid_input_help = "A journey file or cxmap.toml is invalid (not TOML, a misspelt key, a value of the wrong type, an unknown id): nothing is analysed until it is fixed. The message says what is wrong and, where a near name exists, what was meant.";
    rules.push(json!({
        "id": INVALID_INPUT,
        "name": INVALID_INPUT,
        "shortDescription": { "text": "The journey files or the configuration are invalid" },
        "fullDescription": { "text": invalid_input_help },
        "help": { "text": invalid_input_help, "markdown": invalid_input_help },
        "defaultConfiguration": { "level": "error" }
    }));
    let baseline = checked.analysis.as_ref().is_some_and(|a| a.known.is_some());
    let result = |f: &crate::analyse::finding::Finding| {
        let text = with_help(&f.message(&names), Some(&f.help(&names)));
        json!({
            "ruleId": f.rule.name,
            "ruleIndex": f.rule.index(),
            "level": level(f.severity),
            "message": { "text": text },
            "locations": [location(&sources.locate(&f.at))],
            "partialFingerprints": { FINGERPRINT_KEY: f.fingerprint(ws).to_string() }
        })
    };
    let mut results: Vec<Value> = checked
        .problems
        .iter()
        .map(|p| {
            json!({
                "ruleId": INVALID_INPUT,
                "ruleIndex": RULES.len(),
                "level": "error",
                "message": { "text": with_help(&p.message, p.help.as_deref()) },
                "locations": [location(&sources.locate(&p.span))]
            })
        })
        .collect();
    for f in checked.analysis.iter().flat_map(|a| &a.findings) {
        let mut r = result(f);
        // With a baseline, only new findings are reported, and SARIF can say so.
        if baseline {
            r["baselineState"] = json!("new");
        }
        results.push(r);
    }
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
            "invocations": [{ "executionSuccessful": true }],
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    let mut out = std::io::BufWriter::new(out);
    serde_json::to_writer_pretty(&mut out, &log).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}
