//! `cxmap.toml` as written: its serde mirror with the span of every name and value, so that
//! the analysis can check rule names and severities against the rule registry and point at
//! them. Only TOML syntax and shape are checked here; what the values mean is checked beside
//! the rules (`analyse::settings`), so that loading knows nothing of the rules.
//!
//! ```toml
//! [rules]
//! data-silo = "error"   # error | warning | info | off
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::problem::Problem;
use crate::source::{FileId, Sources, Span};

/// The configuration file of a workspace, as written.
#[derive(Debug)]
pub struct Config {
    pub file: FileId,
    pub raw: RawConfig,
}

/// The serde mirror of `cxmap.toml`, also the source of its JSON Schema.
#[derive(Debug, Default, Deserialize, JsonSchema)]
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

/// Parses `cxmap.toml`; `None` (with a problem) when it is not a valid configuration file.
pub fn parse(file: FileId, sources: &Sources, problems: &mut Vec<Problem>) -> Option<Config> {
    match toml::from_str::<RawConfig>(&sources.get(file).text) {
        Ok(raw) => Some(Config { file, raw }),
        Err(e) => {
            problems.push(
                Problem::new(Span::new(file, e.span().unwrap_or(0..0)), format!("invalid cxmap.toml: {}", e.message().trim()))
                    .with_help("cxmap.toml holds a `[rules]` table: `rule-name = \"error\" | \"warning\" | \"info\" | \"off\"`"),
            );
            None
        }
    }
}
