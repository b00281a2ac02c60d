//! `cxmap.toml` as written: its serde mirror with the span of every name and value, so that
//! the analysis can check rule names, severities and waivers against the rule registry and
//! the workspace, and point at them. Only TOML syntax and shape are checked here (every
//! problem in one run, as for model files); what the values mean is checked beside the rules
//! (`analyse::settings`), so that loading knows nothing of the rules.
//!
//! ```toml
//! [rules]
//! data-silo = "error"   # error | warning | info | off
//!
//! [[allow]]
//! rule = "missing-purchase"
//! journey = "bereavement"
//! reason = "A service journey: nothing is bought here"
//! until = 2027-06-30
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::evidence::{date_of, date_problem};
use super::parse::{Pass, elements};
use crate::model::Date;
use crate::problem::Problem;
use crate::source::{FileId, Sources, Span};
use crate::suggest::did_you_mean_or;

/// The configuration file of a workspace, as written.
#[derive(Debug)]
pub struct Config {
    pub file: FileId,
    /// Severity per rule name.
    pub rules: Vec<(Spanned<String>, Spanned<String>)>,
    /// `[[allow]]` tables, in file order.
    pub allow: Vec<Allow>,
}

/// An `[[allow]]` table as written, its `until` read as a date. What its names mean (a rule,
/// a journey) is checked by the analysis.
#[derive(Debug)]
pub struct Allow {
    pub rule: Option<Spanned<String>>,
    pub journey: Option<Spanned<String>>,
    pub subject: Option<Spanned<String>>,
    pub detail: Option<Spanned<String>>,
    pub reason: Option<Spanned<String>>,
    pub until: Option<Date>,
    /// The `[[allow]]` table: where findings about the waiver point.
    pub span: Span,
}

/// The serde mirror of `cxmap.toml`: the source of its JSON Schema.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cxmap configuration (cxmap.toml)")]
pub struct RawConfig {
    /// Severity per rule name: "error", "warning", "info" or "off".
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, SeverityOrOff>")]
    pub rules: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Findings the team has decided to live with, each with its reason.
    #[serde(default)]
    pub allow: Vec<RawAllow>,
}

/// A waiver: the findings it matches are left out, with its reason.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawAllow {
    /// The rule of the findings to waive.
    #[schemars(with = "String", required)]
    pub rule: Option<Spanned<String>>,
    /// Only findings of this journey.
    #[schemars(with = "Option<String>")]
    pub journey: Option<Spanned<String>>,
    /// Only findings about this id (a touchpoint, department, data or journey id).
    #[schemars(with = "Option<String>")]
    pub subject: Option<Spanned<String>>,
    /// Only findings with this detail (the data id or metric name).
    #[schemars(with = "Option<String>")]
    pub detail: Option<Spanned<String>>,
    /// Why the team lives with it: shown beside every waived finding.
    #[schemars(with = "String", required, length(min = 1))]
    pub reason: Option<Spanned<String>>,
    /// The waiver ends after this day (a TOML date).
    #[schemars(with = "Option<String>", regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub until: Option<Spanned<toml::value::Datetime>>,
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

/// Parses `cxmap.toml`, reporting every problem in it.
pub fn parse(file: FileId, sources: &Sources, problems: &mut Vec<Problem>) -> Config {
    let mut config = Config {
        file,
        rules: Vec::new(),
        allow: Vec::new(),
    };
    let text = &sources.get(file).text;
    let (table, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        for e in errors {
            problems.push(
                Problem::new(
                    Span::new(file, e.span().unwrap_or(0..0)),
                    format!("not valid TOML: {}", e.message().trim()),
                )
                .with_help("see https://toml.io for the syntax; strings need \"quotes\""),
            );
        }
        return config;
    }
    for (key, value) in table.into_inner() {
        let key_span = Span::new(file, key.span());
        match key.get_ref().as_ref() {
            "rules" => config.rules = rules(file, value, problems),
            "allow" => {
                let mut broken = Vec::new();
                if let Ok(found) = elements::<RawAllow>(
                    file,
                    "allow",
                    key_span,
                    value,
                    problems,
                    &mut broken,
                    Pass::Careful,
                ) {
                    config.allow = found
                        .into_iter()
                        .map(|(raw, span)| allow(file, raw, span, problems))
                        .collect();
                }
            }
            other => {
                let help = did_you_mean_or(other, ["rules", "allow"], || {
                    "cxmap.toml holds a `[rules]` table and `[[allow]]` waivers".to_owned()
                });
                problems.push(
                    Problem::new(key_span, format!("unknown table `{other}` in cxmap.toml"))
                        .with_help(help),
                );
            }
        }
    }
    config
}

fn allow(file: FileId, raw: RawAllow, span: Span, problems: &mut Vec<Problem>) -> Allow {
    let until = raw.until.as_ref().and_then(|u| {
        let date = date_of(u.get_ref());
        if date.is_none() {
            problems.push(date_problem(file, u, "until"));
        }
        date
    });
    Allow {
        rule: raw.rule,
        journey: raw.journey,
        subject: raw.subject,
        detail: raw.detail,
        reason: raw.reason,
        until,
        span,
    }
}

/// `[rules]`: each name with its value, every value that is not a string reported.
fn rules(
    file: FileId,
    value: Spanned<DeValue<'_>>,
    problems: &mut Vec<Problem>,
) -> Vec<(Spanned<String>, Spanned<String>)> {
    let span = value.span();
    let DeValue::Table(table) = value.into_inner() else {
        problems.push(
            Problem::new(Span::new(file, span), "`rules` must be a table").with_help(
                "write `[rules]` on a line of its own, then `rule-name = \"error\"` lines",
            ),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, level) in table {
        let level_span = level.span();
        let name = Spanned::new(name.span(), name.get_ref().to_string());
        match String::deserialize(ValueDeserializer::from(level)) {
            Ok(l) => out.push((name, Spanned::new(level_span, l))),
            Err(_) => problems.push(
                Problem::new(
                    Span::new(file, level_span),
                    format!("the severity of `{}` must be a string", name.get_ref()),
                )
                .with_help("use \"error\", \"warning\", \"info\" or \"off\", in quotes"),
            ),
        }
    }
    out
}
