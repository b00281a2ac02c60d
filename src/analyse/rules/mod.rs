//! The rules: one file each, with the same anatomy — the documentation (`What it finds`,
//! `Why it matters`, `Example`, `Instead`), the metadata, and a `check` function.
//!
//! [`RULES`] is the one registry that the checker, `cxmap rules`, `cxmap explain`, the SARIF
//! presenter, `docs/rules.md` and the tests all iterate. Code outside a rule's file refers to
//! the rule by its static (`rules::DATA_SILO`), never by its name as a string.

use std::fmt::Write;

use super::facts::Facts;
use super::finding::{Finding, Severity, Subject};
use super::graph::JourneyGraph;
use super::names::Names;
use super::waivers::WaiverContext;
use crate::model::{
    DataIdx, DepartmentIdx, Journey, JourneyIdx, Touchpoint, TouchpointRef, Workspace,
};
use crate::source::Span;

mod asked_again;
mod backstage_influence;
mod data_silo;
mod disconnected_touchpoint;
mod ends_at_purchase;
mod expired_waiver;
mod inaccessible_data;
mod metric_off_target;
mod missing_champion;
mod missing_purchase;
mod missing_stage;
mod pain_point;
mod partner_owned_touchpoint;
mod seller_owns_aftercare;
mod shared_ownership;
mod uninvolved_department;
mod unowned_data;
mod unowned_touchpoint;
mod unreachable_touchpoint;
mod unused_waiver;

pub use asked_again::RULE as ASKED_AGAIN;
pub use backstage_influence::RULE as BACKSTAGE_INFLUENCE;
pub use data_silo::RULE as DATA_SILO;
pub use disconnected_touchpoint::RULE as DISCONNECTED_TOUCHPOINT;
pub use ends_at_purchase::RULE as ENDS_AT_PURCHASE;
pub use expired_waiver::RULE as EXPIRED_WAIVER;
pub use inaccessible_data::RULE as INACCESSIBLE_DATA;
pub use metric_off_target::RULE as METRIC_OFF_TARGET;
pub use missing_champion::RULE as MISSING_CHAMPION;
pub use missing_purchase::RULE as MISSING_PURCHASE;
pub use missing_stage::RULE as MISSING_STAGE;
pub use pain_point::RULE as PAIN_POINT;
pub use partner_owned_touchpoint::RULE as PARTNER_OWNED_TOUCHPOINT;
pub use seller_owns_aftercare::RULE as SELLER_OWNS_AFTERCARE;
pub use shared_ownership::RULE as SHARED_OWNERSHIP;
pub use uninvolved_department::RULE as UNINVOLVED_DEPARTMENT;
pub use unowned_data::RULE as UNOWNED_DATA;
pub use unowned_touchpoint::RULE as UNOWNED_TOUCHPOINT;
pub use unreachable_touchpoint::RULE as UNREACHABLE_TOUCHPOINT;
pub use unused_waiver::RULE as UNUSED_WAIVER;

/// What a rule looks at: the model and the facts computed once for every rule.
pub struct Context<'a> {
    pub workspace: &'a Workspace,
    pub facts: &'a Facts,
}

impl<'a> Context<'a> {
    /// Journeys with their index and graph.
    pub fn journeys(&self) -> impl Iterator<Item = (JourneyIdx, &'a Journey, &'a JourneyGraph)> {
        self.workspace
            .journeys
            .iter()
            .zip(&self.facts.graphs)
            .enumerate()
            .map(|(j, (journey, graph))| (j, journey, graph))
    }

    /// Every touchpoint of the workspace with its reference.
    pub fn touchpoints(&self) -> impl Iterator<Item = (TouchpointRef, &'a Touchpoint)> {
        self.workspace.touchpoints()
    }

    /// A finding about a touchpoint: in its journey, reaching it when the customer sees it.
    pub fn on_touchpoint(&self, rule: &'static Rule, t: TouchpointRef, at: Span) -> Finding {
        let reach = self
            .workspace
            .touchpoint(t)
            .is_customer_facing()
            .then_some(t);
        Finding::new(rule, Subject::Touchpoint(t), at)
            .in_journey(t.journey)
            .reaching(reach)
    }

    /// A finding about a journey, in that journey.
    pub fn on_journey(&self, rule: &'static Rule, j: JourneyIdx, at: Span) -> Finding {
        Finding::new(rule, Subject::Journey(j), at).in_journey(j)
    }

    /// A finding about a department (workspace-wide unless placed in a journey).
    pub fn on_department(&self, rule: &'static Rule, d: DepartmentIdx, at: Span) -> Finding {
        Finding::new(rule, Subject::Department(d), at)
    }

    /// A finding about a data asset (workspace-wide).
    pub fn on_data(&self, rule: &'static Rule, d: DataIdx, at: Span) -> Finding {
        Finding::new(rule, Subject::Data(d), at)
    }
}

pub struct Rule {
    /// Kebab-case; reads well after "allow".
    pub name: &'static str,
    pub default_severity: Severity,
    /// One line, used by `cxmap rules`, SARIF's short description and the report's appendix.
    pub summary: &'static str,
    /// Where its findings point, in every output (completes "Points at ...").
    pub points_at: &'static str,
    /// Markdown with the sections What it finds / Why it matters / Example / Instead.
    pub doc: &'static str,
    pub check: Check,
    /// The finding's short message, from its typed fields.
    pub message: fn(&Finding, &Names) -> String,
    /// What to do about it.
    pub help: fn(&Finding, &Names) -> String,
}

/// What a rule looks at.
pub enum Check {
    /// The workspace and its facts.
    Workspace(fn(&Context, &mut Vec<Finding>)),
    /// The waivers, once the other rules' findings are known and waived.
    Waivers(fn(&WaiverContext, &mut Vec<Finding>)),
}

impl PartialEq for Rule {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Rule {}

/// Rules order by name (names are unique), as the contract orders findings.
impl Ord for Rule {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.name.cmp(other.name)
    }
}

impl PartialOrd for Rule {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::hash::Hash for Rule {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.name.hash(state);
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

impl Rule {
    /// The full text `cxmap explain` prints and `docs/rules.md` holds.
    pub fn explanation(&self) -> String {
        format!(
            "# {}\n\nDefault severity: {}. {}. Points at {}.\n\n{}\n",
            self.name,
            self.default_severity,
            self.summary,
            self.points_at,
            self.doc.trim()
        )
    }

    /// A waiver may name it (the rules about waivers themselves cannot be waived).
    pub fn can_be_waived(&self) -> bool {
        matches!(self.check, Check::Workspace(_))
    }

    /// Its place in [`RULES`].
    pub fn index(&'static self) -> usize {
        RULES
            .iter()
            .position(|r| *r == self)
            .expect("every rule is registered")
    }
}

/// Every rule, in the order of the contract's table.
pub static RULES: &[&Rule] = &[
    &unowned_touchpoint::RULE,
    &shared_ownership::RULE,
    &data_silo::RULE,
    &unowned_data::RULE,
    &inaccessible_data::RULE,
    &ends_at_purchase::RULE,
    &missing_purchase::RULE,
    &seller_owns_aftercare::RULE,
    &backstage_influence::RULE,
    &missing_champion::RULE,
    &unreachable_touchpoint::RULE,
    &pain_point::RULE,
    &uninvolved_department::RULE,
    &partner_owned_touchpoint::RULE,
    &asked_again::RULE,
    &missing_stage::RULE,
    &disconnected_touchpoint::RULE,
    &metric_off_target::RULE,
    &unused_waiver::RULE,
    &expired_waiver::RULE,
];

/// The rule of that name.
pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}

/// "did you mean" for a misspelt rule name, else where to find the list.
pub fn unknown_rule_help(name: &str) -> String {
    crate::suggest::did_you_mean_or(name, RULES.iter().map(|r| r.name), || {
        "`cxmap rules` lists the rules".to_owned()
    })
}

/// `docs/rules.md`: every rule's explanation, generated so it cannot drift from the code.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "<!-- Generated by `cxmap rules --markdown`; do not edit. CI fails when it is stale. -->\n\n# cxmap rules\n\n| rule | default | finds |\n|---|---|---|\n",
    );
    for r in RULES {
        let _ = writeln!(
            out,
            "| [`{}`](#{}) | {} | {} |",
            r.name, r.name, r.default_severity, r.summary
        );
    }
    for r in RULES {
        out.push('\n');
        // Rule docs use `#` for the rule and `##` for sections; shift one level for the page.
        for line in r.explanation().lines() {
            if line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_unique_name_and_all_doc_sections() {
        let mut names: Vec<_> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 20);
        for r in RULES {
            assert!(
                r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.name
            );
            for heading in [
                "## What it finds",
                "## Why it matters",
                "## Example",
                "## Instead",
            ] {
                assert!(r.doc.contains(heading), "{} lacks {heading}", r.name);
            }
            assert!(r.doc.contains("```toml"), "{} has no TOML example", r.name);
            assert!(!r.summary.ends_with('.'), "{}", r.name);
            assert!(!r.points_at.ends_with('.'), "{}", r.name);
        }
    }
}
