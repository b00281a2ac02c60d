//! Analyse: the validated model in, one [`Analysis`] out: the facts computed once (graphs,
//! who is involved where), the findings after the workspace's settings, and the figures the
//! report and the diagrams show, derived from those findings and facts.
//!
//! Architecture invariant: analyse knows nothing of output formats, and presenters decide
//! nothing: turning a rule off or changing its severity changes every output the same way,
//! because every output reads this one value. Rules only build [`Finding`] values; findings
//! come in the contract's stable order: file, line, rule, subject.

pub mod baseline;
pub mod diff;
pub mod facts;
pub mod figures;
pub mod finding;
pub mod fingerprint;
pub mod graph;
pub mod names;
pub mod priorities;
pub mod rules;
pub mod settings;
pub mod waivers;

use facts::Facts;
use std::sync::OnceLock;

use figures::Figures;
use finding::{Finding, Severity};
use rules::{Check, Context, RULES, Rule};
use settings::Settings;
use waivers::{Waived, Waiver, WaiverContext};

use crate::load::Loaded;
use crate::model::{Date, JourneyIdx, TouchpointRef, Workspace};
use crate::problem::Problem;

/// Everything one run knows about a valid workspace.
pub struct Analysis {
    pub facts: Facts,
    /// Sorted by file, line, rule, subject; rules set to `off` produce none; waived ones are
    /// not here.
    pub findings: Vec<Finding>,
    /// The findings waivers left out, in the same order, each with its waiver.
    pub waived: Vec<Waived>,
    /// The waivers of `cxmap.toml`, in file order.
    pub waivers: Vec<Waiver>,
    /// With a baseline: the findings it knew, left out of `findings` (see [`baseline`]).
    pub known: Option<Vec<Finding>>,
    /// Computed the first time they are asked for (`check` never asks), from the findings
    /// shown; see [`Analysis::figures`].
    figures: OnceLock<Figures>,
    marks: Marks,
}

impl Analysis {
    /// The figures of the report, the diagrams and the diff, derived from the findings shown
    /// and the facts: computed once, when first asked for, so that `check`, which shows none,
    /// does not pay for them. `ws` is the workspace this analysis is of.
    pub fn figures(&self, ws: &Workspace) -> &Figures {
        self.figures
            .get_or_init(|| figures::compute(ws, &self.facts, &self.findings, &self.marks))
    }
}

/// Per journey, per touchpoint: the rules with a finding about it.
pub struct Marks(Vec<Vec<u32>>);

impl Marks {
    fn new(ws: &Workspace, findings: &[Finding]) -> Marks {
        let mut marks: Vec<Vec<u32>> = ws
            .journeys
            .iter()
            .map(|j| vec![0; j.touchpoints.len()])
            .collect();
        for f in findings {
            if let Some(t) = f.subject.touchpoint() {
                marks[t.journey][t.touchpoint] |= 1 << f.rule.index();
            }
        }
        Marks(marks)
    }

    /// Is there a finding of `rule` about touchpoint `t`?
    pub fn has(&self, t: TouchpointRef, rule: &'static Rule) -> bool {
        self.0[t.journey][t.touchpoint] & (1 << rule.index()) != 0
    }
}

impl Analysis {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// Is there a finding of `rule` about touchpoint `t`?
    pub fn marked(&self, t: TouchpointRef, rule: &'static Rule) -> bool {
        self.marks.has(t, rule)
    }

    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    /// The findings of one rule, in order.
    pub fn of_rule(&self, rule: &'static Rule) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.rule == rule)
    }

    /// The findings that belong to a journey, in order.
    pub fn in_journey(&self, j: JourneyIdx) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.journey == Some(j))
    }
}

/// A workspace as `check` sees it: the model, every problem (in the files and in the
/// configuration), and the analysis when there is no problem.
pub struct Checked {
    pub workspace: Workspace,
    /// Sorted by file and position. Empty means the workspace is valid.
    pub problems: Vec<Problem>,
    pub analysis: Option<Analysis>,
    /// How many model files were read (the configuration file aside).
    pub model_files: usize,
}

impl Checked {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks the configuration against the rules and the workspace and, when nothing is
/// invalid, analyses. `today` decides which waivers are in force.
pub fn check(loaded: Loaded, today: Date) -> Checked {
    let (settings, mut problems) = settings::configure(loaded.config.as_ref(), &loaded.workspace);
    problems.extend(loaded.problems);
    problems.sort();
    problems.dedup();
    let analysis = problems
        .is_empty()
        .then(|| analyse(&loaded.workspace, settings, today));
    Checked {
        workspace: loaded.workspace,
        problems,
        analysis,
        model_files: loaded.model_files,
    }
}

/// The contract's order of work: the rules run, severities from `[rules]` apply and rules set
/// to `off` produce nothing; waivers apply; the rules about waivers add their findings; all is
/// sorted, and the figures derived from what is left.
pub fn analyse(ws: &Workspace, settings: Settings, today: Date) -> Analysis {
    let facts = Facts::new(ws);
    let cx = Context {
        workspace: ws,
        facts: &facts,
    };
    let mut findings = Vec::new();
    for &rule in RULES {
        if let (Check::Workspace(check), Some(severity)) = (&rule.check, settings.severity(rule)) {
            let start = findings.len();
            check(&cx, &mut findings);
            for f in &mut findings[start..] {
                f.severity = severity;
            }
        }
    }
    let (mut findings, mut waived, matched) =
        waivers::apply(findings, &settings.waivers, today, ws);
    let wx = WaiverContext {
        waivers: &settings.waivers,
        matched: &matched,
        today,
        settings: &settings,
    };
    for &rule in RULES {
        if let (Check::Waivers(check), Some(severity)) = (&rule.check, settings.severity(rule)) {
            let start = findings.len();
            check(&wx, &mut findings);
            for f in &mut findings[start..] {
                f.severity = severity;
            }
        }
    }
    sort(ws, &mut findings, |f| f);
    sort(ws, &mut waived, |w| &w.finding);
    let marks = Marks::new(ws, &findings);
    Analysis {
        facts,
        findings,
        waived,
        waivers: settings.waivers,
        known: None,
        figures: OnceLock::new(),
        marks,
    }
}

/// The contract's order: file, line, rule, subject (then journey and detail, so that
/// findings equal in those four still come out the same way every time).
fn sort<T>(ws: &Workspace, items: &mut [T], finding: impl Fn(&T) -> &Finding) {
    let sources = &ws.sources;
    let mut by_path: Vec<(&str, u32)> = sources
        .iter()
        .map(|(id, f)| (f.display.as_str(), id.0))
        .collect();
    by_path.sort_unstable();
    let mut rank = vec![0u32; by_path.len()];
    for (r, (_, id)) in (0u32..).zip(&by_path) {
        rank[*id as usize] = r;
    }
    // Ordered by (file, line) first, a number per finding; the rest of the order is looked
    // up only for findings on the same line. Ties end on the original position, so the
    // order is the same every time.
    let mut order: Vec<((u32, u32), u32)> = items
        .iter()
        .zip(0u32..)
        .map(|(item, i)| {
            let at = finding(item).at;
            let line = sources.get(at.file).line(at.start as usize);
            let line = u32::try_from(line).unwrap_or(u32::MAX);
            ((rank[at.file.0 as usize], line), i)
        })
        .collect();
    let rest = |i: u32| {
        let f = finding(&items[i as usize]);
        (
            f.rule.name,
            f.subject.id(ws),
            f.journey,
            f.detail.map(|d| d.id(ws)),
        )
    };
    // A stable sort: each rule's findings come in runs already in order, which it merges.
    order.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| rest(a.1).cmp(&rest(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let order: Vec<u32> = order.into_iter().map(|(_, i)| i).collect();
    permute(items, order);
}

/// Puts `items[order[k]]` at position `k`, for every `k`, in place: one cycle of swaps at a
/// time, `order` marking what is done.
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at] as usize;
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        // Fixed points, a 2-cycle and a 4-cycle, and a reversal.
        for order in [
            vec![0u32, 1, 2, 3, 4, 5, 6],
            vec![1, 0, 3, 4, 5, 2, 6],
            vec![6, 5, 4, 3, 2, 1, 0],
        ] {
            let items: Vec<char> = "abcdefg".chars().collect();
            let wanted: Vec<char> = order.iter().map(|&i| items[i as usize]).collect();
            let mut permuted = items.clone();
            permute(&mut permuted, order);
            assert_eq!(permuted, wanted);
        }
    }
}
