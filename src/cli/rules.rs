//! The commands that describe cxmap itself: `rules`, `explain`, `schema` and `completions`.

use clap::CommandFactory;

use super::{Cli, Failure, Io, exit};
use crate::analyse::rules;
use crate::fatal::FatalError;

/// `cxmap rules`: every rule with its default severity, or the whole of `docs/rules.md`.
pub fn list(markdown: bool, io: &mut Io) -> Result<u8, Failure> {
    if markdown {
        io.stdout.write_all(rules::rules_markdown().as_bytes())?;
        return Ok(exit::OK);
    }
    let width = rules::RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in rules::RULES {
        writeln!(
            io.stdout,
            "{:width$}  {:7}  {}",
            r.name,
            r.default_severity.as_str(),
            r.summary
        )?;
    }
    Ok(exit::OK)
}

/// `cxmap explain RULE`: what a rule finds, why it matters, an example and what to do.
pub fn explain(name: &str, io: &mut Io) -> Result<u8, Failure> {
    let rule = rules::find(name).ok_or_else(|| {
        FatalError::new(format!("there is no rule `{name}`"))
            .with_help(rules::unknown_rule_help(name))
    })?;
    io.stdout.write_all(rule.explanation().as_bytes())?;
    Ok(exit::OK)
}

/// The JSON Schema of a model file, or of `cxmap.toml`.
pub fn schema_text(config: bool) -> String {
    let schema = if config {
        schemars::schema_for!(crate::load::config::RawConfig)
    } else {
        schemars::schema_for!(crate::load::raw::RawFile)
    };
    let mut text = serde_json::to_string_pretty(&schema).expect("schema serialises");
    text.push('\n');
    text
}

/// `cxmap schema`.
pub fn schema(config: bool, io: &mut Io) -> Result<u8, Failure> {
    io.stdout.write_all(schema_text(config).as_bytes())?;
    Ok(exit::OK)
}

/// `cxmap completions SHELL`.
pub fn completions(shell: clap_complete::Shell, io: &mut Io) -> u8 {
    clap_complete::generate(shell, &mut Cli::command(), "cxmap", io.stdout);
    exit::OK
}
