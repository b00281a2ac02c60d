//! What `cxmap.toml` asks of the rules, checked against the rule registry and the workspace:
//! a severity per rule (or `off`), and the waivers. Unknown rule names and severities, a
//! waiver without a rule or a reason, or for a journey that does not exist, are invalid
//! input, pointed at where they are written, with "did you mean".

use toml::Spanned;

use super::finding::Severity;
use super::rules::{RULES, Rule, find, unknown_rule_help};
use super::waivers::Waiver;
use crate::load::config::{Allow, Config};
use crate::model::Workspace;
use crate::problem::Problem;
use crate::source::{FileId, Span};
use crate::suggest::help_for_unknown;

/// The severity of each rule for this workspace, and its waivers.
#[derive(Debug, Clone)]
pub struct Settings {
    /// In registry order; `None` means off.
    severities: Vec<Option<Severity>>,
    /// In file order.
    pub waivers: Vec<Waiver>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            severities: RULES.iter().map(|r| Some(r.default_severity)).collect(),
            waivers: Vec::new(),
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
pub fn configure(config: Option<&Config>, ws: &Workspace) -> (Settings, Vec<Problem>) {
    let mut settings = Settings::default();
    let mut problems = Vec::new();
    let Some(config) = config else {
        return (settings, problems);
    };
    let file = config.file;
    for (name, level) in &config.rules {
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
    settings.waivers = config
        .allow
        .iter()
        .filter_map(|a| waiver(file, a, ws, &mut problems))
        .collect();
    (settings, problems)
}

/// One `[[allow]]`, checked: every problem in it reported.
fn waiver(file: FileId, a: &Allow, ws: &Workspace, problems: &mut Vec<Problem>) -> Option<Waiver> {
    let at = |s: &Spanned<String>| Span::new(file, s.span());
    let rule = match &a.rule {
        None => {
            problems.push(Problem::new(a.span, "a waiver needs a `rule`").with_help(
                "name the rule of the findings to waive: `rule = \"missing-purchase\"`",
            ));
            None
        }
        Some(name) => match find(name.get_ref()) {
            None => {
                problems.push(
                    Problem::new(at(name), format!("unknown rule `{}`", name.get_ref()))
                        .with_help(unknown_rule_help(name.get_ref())),
                );
                None
            }
            Some(rule) if !rule.can_be_waived() => {
                problems.push(
                    Problem::new(at(name), format!("`{}` cannot be waived", rule.name))
                        .with_help("remove or correct the waiver it is about instead"),
                );
                None
            }
            Some(rule) => Some(rule),
        },
    };
    let reason = a
        .reason
        .as_ref()
        .map(|r| r.get_ref().trim().to_owned())
        .filter(|r| !r.is_empty());
    if reason.is_none() {
        let span = a.reason.as_ref().map_or(a.span, at);
        problems.push(
            Problem::new(span, "a waiver needs a reason")
                .with_help("say why the team lives with these findings: `reason = \"A service journey: nothing is bought here\"`"),
        );
    }
    let journey = match &a.journey {
        None => None,
        Some(j) => {
            let found = ws.journeys.iter().position(|x| x.id == *j.get_ref());
            if found.is_none() {
                let ids: Vec<&str> = ws.journeys.iter().map(|x| x.id.as_str()).collect();
                problems.push(
                    Problem::new(
                        at(j),
                        format!("`journey` names an unknown journey `{}`", j.get_ref()),
                    )
                    .with_help(help_for_unknown(j.get_ref(), "journey", &ids)),
                );
            }
            Some(found?)
        }
    };
    Some(Waiver {
        rule: rule?,
        journey,
        subject: a.subject.as_ref().map(|s| s.get_ref().clone()),
        detail: a.detail.as_ref().map(|d| d.get_ref().clone()),
        reason: reason?,
        until: a.until,
        at: a.span,
    })
}
