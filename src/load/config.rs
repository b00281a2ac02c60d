//! `cxmap.toml`: per-rule severities.
//!
//! ```toml
//! [rules]
//! data-silo = "error"   # error | warning | info | off
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use super::Problem;
use super::source::{FileId, Sources, Span};
use super::suggest::did_you_mean;
use crate::analyse::finding::Severity;
use crate::analyse::rules::RULES;

/// Severity overrides by rule name; `None` means the rule is off.
#[derive(Debug, Clone, Default)]
pub struct RuleSettings {
    overrides: BTreeMap<&'static str, Option<Severity>>,
}

impl RuleSettings {
    /// The severity a rule reports with, or `None` when it is off.
    pub fn severity(&self, rule: &str, default: Severity) -> Option<Severity> {
        self.overrides.get(rule).copied().unwrap_or(Some(default))
    }

    pub fn set(&mut self, rule: &'static str, severity: Option<Severity>) {
        self.overrides.insert(rule, severity);
    }
}

/// The serde mirror of `cxmap.toml`, also the source of its JSON Schema.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cxmap configuration (cxmap.toml)")]
pub struct RawConfig {
    /// Severity per rule name: "error", "warning", "info" or "off".
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, SeverityOrOff>")]
    pub rules: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// Schema-only: the values a rule can be set to.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum SeverityOrOff {
    Error,
    Warning,
    Info,
    Off,
}

pub fn parse(file: Option<FileId>, sources: &Sources, problems: &mut Vec<Problem>) -> RuleSettings {
    let mut settings = RuleSettings::default();
    let Some(file) = file else { return settings };
    let text = &sources.get(file).text;
    let raw = match toml::from_str::<RawConfig>(text) {
        Ok(raw) => raw,
        Err(e) => {
            problems.push(
                Problem::new(Span::new(file, e.span().unwrap_or(0..0)), format!("invalid cxmap.toml: {}", e.message().trim()))
                    .with_help("cxmap.toml holds a `[rules]` table: `rule-name = \"error\" | \"warning\" | \"info\" | \"off\"`"),
            );
            return settings;
        }
    };
    let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    for (name, level) in &raw.rules {
        let Some(rule) = RULES.iter().find(|r| r.name == name.get_ref()) else {
            let help = match did_you_mean(name.get_ref(), names.iter().copied()) {
                Some(c) => format!("did you mean `{c}`?"),
                None => "`cxmap rules` lists the rules".to_owned(),
            };
            problems.push(
                Problem::new(
                    Span::new(file, name.span()),
                    format!("unknown rule `{}`", name.get_ref()),
                )
                .with_help(help),
            );
            continue;
        };
        let severity = match level.get_ref().as_str() {
            "off" => Some(None),
            s => Severity::parse(s).map(Some),
        };
        match severity {
            Some(s) => settings.set(rule.name, s),
            None => problems.push(
                Problem::new(
                    Span::new(file, level.span()),
                    format!("unknown severity `{}` for `{}`", level.get_ref(), rule.name),
                )
                .with_help("use \"error\", \"warning\", \"info\" or \"off\""),
            ),
        }
    }
    settings
}
