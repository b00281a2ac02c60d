//! `--format github`: GitHub Actions workflow commands, one per problem or finding, so they
//! show up as annotations on the pull request.

use std::fmt::Write;

use super::CheckOutcome;
use super::escape::{github_data, github_property};
use crate::analyse::finding::Severity;

pub fn render(outcome: &CheckOutcome) -> String {
    let sources = outcome.loaded.sources();
    let mut out = String::new();
    for p in &outcome.loaded.problems {
        let loc = sources.locate(&p.span);
        let mut message = p.message.clone();
        if let Some(help) = &p.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::error file={},line={},col={},title={}::{}",
            github_property(&loc.file),
            loc.line,
            loc.column,
            github_property("cxmap: invalid input"),
            github_data(&message)
        );
    }
    for f in outcome.analysis.iter().flat_map(|a| &a.findings) {
        let loc = sources.locate(&f.span);
        let command = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{command} file={},line={},col={},title={}::{}",
            github_property(&loc.file),
            loc.line,
            loc.column,
            github_property(&format!("cxmap {}", f.rule)),
            github_data(&message)
        );
    }
    out
}
