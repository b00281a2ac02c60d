//! `--format github`: GitHub Actions workflow commands, one per problem or finding, so they
//! show up as annotations on the pull request.

use std::io::Write;

use super::escape::{github_data, github_property};
use super::with_help;
use crate::analyse::Checked;
use crate::analyse::finding::Severity;
use crate::analyse::names::Names;
use crate::source::Location;

pub fn write(checked: &Checked, out: &mut dyn Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    let sources = &checked.workspace.sources;
    let names = Names::ids(&checked.workspace);
    for p in &checked.problems {
        let text = with_help(&p.message, p.help.as_deref());
        command(
            &mut out,
            "error",
            &sources.locate(&p.span),
            "cxmap: invalid input",
            &text,
        )?;
    }
    for f in checked.analysis.iter().flat_map(|a| &a.findings) {
        let kind = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let text = with_help(&f.message(&names), Some(&f.help(&names)));
        command(
            &mut out,
            kind,
            &sources.locate(&f.at),
            &format!("cxmap {}", f.rule.name),
            &text,
        )?;
    }
    out.flush()
}

/// One workflow command, escaped as GitHub requires.
fn command(
    out: &mut dyn Write,
    kind: &str,
    loc: &Location,
    title: &str,
    message: &str,
) -> std::io::Result<()> {
    writeln!(
        out,
        "::{kind} file={},line={},col={},title={}::{}",
        github_property(&loc.file),
        loc.line,
        loc.column,
        github_property(title),
        github_data(message)
    )
}
