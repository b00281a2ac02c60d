//! What `cxmap.toml` asks of the rules, checked against the rule registry: a severity per rule
//! (or `off`). Unknown rule names and severities are invalid input, pointed at where they are
//! written, with "did you mean".

use super::finding::Severity;
use super::rules::{RULES, Rule, find, unknown_rule_help};
use crate::load::Config;
use crate::problem::Problem;
use crate::source::Span;

/// The severity of each rule for this workspace, in registry order; `None` means off.
#[derive(Debug, Clone)]
pub struct Settings {
    severities: Vec<Option<Severity>>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            severities: RULES.iter().map(|r| Some(r.default_severity)).collect(),
        }
    }
}

impl Settings {
    /// The severity a rule reports with, or `None` when it is off.
    pub fn severity(&self, rule: &'static Rule) -> Option<Severity> {
        self.severities[rule.index()]
    }

    pub fn set(&mut self, rule: &'static Rule, severity: Option<Severity>) {
        self.severities[rule.index()] = severity;
    }
}

/// Reads the settings from the configuration file, reporting every problem in it.
pub fn configure(config: Option<&Config>) -> (Settings, Vec<Problem>) {
    let mut settings = Settings::default();
    let mut problems = Vec::new();
    let Some(config) = config else {
        return (settings, problems);
    };
    let file = config.file;
    for (name, level) in &config.raw.rules {
        let Some(rule) = find(name.get_ref()) else {
            problems.push(
                Problem::new(
                    Span::new(file, name.span()),
                    format!("unknown rule `{}`", name.get_ref()),
                )
                .with_help(unknown_rule_help(name.get_ref())),
            );
            continue;
        };
        let severity = match level.get_ref().as_str() {
            "off" => Some(None),
            s => Severity::parse(s).map(Some),
        };
        match severity {
            Some(s) => settings.set(rule, s),
            None => problems.push(
                Problem::new(
                    Span::new(file, level.span()),
                    format!("unknown severity `{}` for `{}`", level.get_ref(), rule.name),
                )
                .with_help("use \"error\", \"warning\", \"info\" or \"off\""),
            ),
        }
    }
    (settings, problems)
}
