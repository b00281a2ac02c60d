//! `--format github`: GitHub Actions workflow commands, one per problem or finding, so they
//! show up as annotations on the pull request.

use std::fmt::Write;

use super::escape::{github_data, github_property};
use super::{CheckOutcome, with_help};
use crate::analyse::finding::Severity;
use crate::load::source::Location;

pub fn render(outcome: &CheckOutcome) -> String {
    let sources = outcome.loaded.sources();
    let mut out = String::new();
    for p in &outcome.loaded.problems {
        let text = with_help(&p.message, p.help.as_deref());
        command(
            &mut out,
            "error",
            &sources.locate(&p.span),
            "cxmap: invalid input",
            &text,
        );
    }
    for f in outcome.analysis.iter().flat_map(|a| &a.findings) {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let text = with_help(&f.message, f.help.as_deref());
        command(
            &mut out,
            kind,
            &sources.locate(&f.span),
            &format!("cxmap {}", f.rule),
            &text,
        );
    }
    out
}

/// One workflow command, escaped as GitHub requires.
fn command(out: &mut String, kind: &str, loc: &Location, title: &str, message: &str) {
    let _ = writeln!(
        out,
        "::{kind} file={},line={},col={},title={}::{}",
        github_property(&loc.file),
        loc.line,
        loc.column,
        github_property(title),
        github_data(message)
    );
}
