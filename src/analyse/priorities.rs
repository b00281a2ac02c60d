//! "Focus on these three": findings grouped into changes a VP can ask a department for, ranked
//! by customer impact.
//!
//! **Ranking** (also in `docs/report.md`): every priority reaches a set of customer-facing
//! touchpoints. Each reached touchpoint counts 1, plus its pain: 1 more at score -1, 2 more
//! at score -2. The sum is the priority's *impact*. Priorities sort by impact, then by the
//! number of touchpoints reached, then by the order of their rule in the rule table, then by
//! title, so the ranking is deterministic. Findings that reach no customer-facing touchpoint
//! (`unreachable-touchpoint`, `missing-purchase`, `uninvolved-department`) are not priorities.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::Analysis;
use super::finding::{Finding, TouchpointRef};
use super::rules::RULES;
use crate::model::{DataIdx, DepartmentIdx, Workspace};

#[derive(Debug, Serialize, Clone)]
pub struct Priority {
    /// The change to make, in a sentence.
    pub change: String,
    /// Ids of the departments to talk to (empty when nobody is accountable yet).
    pub talk_to: Vec<String>,
    /// The rule that found it, and its one-line explanation.
    pub rule: &'static str,
    pub why: &'static str,
    /// Customer-facing touchpoints reached.
    pub reach: usize,
    /// Reach weighted by pain (see the module docs).
    pub impact: u32,
    /// The touchpoints reached, as (journey id, touchpoint id), in workspace order.
    pub touchpoints: Vec<(String, String)>,
}

struct Candidate {
    change: String,
    talk_to: Vec<DepartmentIdx>,
    rule: &'static str,
    reach: BTreeSet<TouchpointRef>,
}

pub fn rank(ws: &Workspace, analysis: &Analysis) -> Vec<Priority> {
    // The touchpoint a per-touchpoint finding is about, found by (journey id, touchpoint id)
    // in one index rather than a search per finding.
    let index: HashMap<(&str, &str), TouchpointRef> = ws
        .journeys
        .iter()
        .enumerate()
        .flat_map(|(ji, j)| {
            j.touchpoints
                .iter()
                .enumerate()
                .map(move |(ti, t)| ((j.id.as_str(), t.id.as_str()), (ji, ti)))
        })
        .collect();
    let touchpoint_of = |f: &Finding| {
        index
            .get(&(f.journey.as_deref()?, f.subject.as_str()))
            .copied()
    };
    let dept = |d: DepartmentIdx| ws.departments[d].name.as_str();
    let names = |ds: &[DepartmentIdx]| -> String {
        let names: Vec<&str> = ds.iter().map(|&d| dept(d)).collect();
        match names.as_slice() {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        }
    };
    let data_index = |id: &str| ws.data.iter().position(|d| d.id == id);
    let dept_index = |id: &str| ws.departments.iter().position(|d| d.id == id);
    let journey_index = |id: &str| ws.journeys.iter().position(|j| j.id == id);
    let by_rule = |rule: &'static str| analysis.findings.iter().filter(move |f| f.rule == rule);

    let mut candidates: Vec<Candidate> = Vec::new();

    // Data: a silo, data nobody holds, or data the serving team cannot see, one change per asset.
    let mut data_reach: BTreeMap<DataIdx, BTreeSet<TouchpointRef>> = BTreeMap::new();
    let mut data_blocked: BTreeMap<DataIdx, BTreeSet<DepartmentIdx>> = BTreeMap::new();
    for f in by_rule("inaccessible-data") {
        // The message names the data; the finding's reach is the touchpoint.
        if let Some((ji, ti)) = f.reach.first().copied().or_else(|| touchpoint_of(f)) {
            let tp = &ws.journeys[ji].touchpoints[ti];
            for &d in &tp.uses {
                if !tp.owners.iter().any(|o| ws.data[d].held_by.contains(o)) {
                    data_reach
                        .entry(d)
                        .or_default()
                        .extend(f.reach.iter().copied());
                    data_blocked
                        .entry(d)
                        .or_default()
                        .extend(tp.owners.iter().copied());
                }
            }
        }
    }
    for f in by_rule("data-silo").chain(by_rule("unowned-data")) {
        let Some(d) = data_index(&f.subject) else {
            continue;
        };
        let data = &ws.data[d];
        let reach: BTreeSet<TouchpointRef> = users(ws, d)
            .into_iter()
            .chain(data_reach.remove(&d).unwrap_or_default())
            .collect();
        let blocked: Vec<DepartmentIdx> = data_blocked
            .remove(&d)
            .unwrap_or_default()
            .into_iter()
            .collect();
        let change = if f.rule == "data-silo" {
            if blocked.is_empty() {
                format!(
                    "Open up “{}”: today only {} holds it",
                    data.name,
                    names(&data.held_by)
                )
            } else {
                format!(
                    "Share “{}” with {}: today only {} holds it",
                    data.name,
                    names(&blocked),
                    names(&data.held_by)
                )
            }
        } else {
            format!(
                "Name the teams that keep “{}”: no department holds it",
                data.name
            )
        };
        candidates.push(Candidate {
            change,
            talk_to: data.held_by.clone(),
            rule: f.rule,
            reach,
        });
    }
    for (d, reach) in data_reach {
        let data = &ws.data[d];
        let blocked: Vec<DepartmentIdx> = data_blocked
            .remove(&d)
            .unwrap_or_default()
            .into_iter()
            .collect();
        candidates.push(Candidate {
            change: format!("Give {} access to “{}”", names(&blocked), data.name),
            talk_to: data.held_by.clone(),
            rule: "inaccessible-data",
            reach,
        });
    }

    // Ownership.
    let mut unowned: BTreeMap<usize, BTreeSet<TouchpointRef>> = BTreeMap::new();
    for f in by_rule("unowned-touchpoint") {
        if let Some(ji) = f.journey.as_deref().and_then(journey_index) {
            let entry = unowned.entry(ji).or_default();
            entry.extend(f.reach.iter().copied());
            if f.reach.is_empty() {
                entry.extend(touchpoint_of(f));
            }
        }
    }
    for (ji, reach) in unowned {
        let j = &ws.journeys[ji];
        let n = reach.len();
        candidates.push(Candidate {
            change: format!(
                "Give {} in “{}” one accountable owner",
                if n == 1 {
                    "the touchpoint nobody owns".to_owned()
                } else {
                    format!("the {n} touchpoints nobody owns")
                },
                j.name
            ),
            talk_to: j.owner.into_iter().collect(),
            rule: "unowned-touchpoint",
            reach: reach
                .into_iter()
                .filter(|&(ji, ti)| ws.journeys[ji].touchpoints[ti].is_customer_facing())
                .collect(),
        });
    }
    for f in by_rule("shared-ownership") {
        let Some((ji, ti)) = touchpoint_of(f) else {
            continue;
        };
        let tp = &ws.journeys[ji].touchpoints[ti];
        candidates.push(Candidate {
            change: format!(
                "Make one of {} accountable for “{}”",
                names(&tp.owners).replace(" and ", " or "),
                tp.name
            ),
            talk_to: tp.owners.clone(),
            rule: f.rule,
            reach: f.reach.iter().copied().collect(),
        });
    }

    // After the purchase.
    for f in by_rule("ends-at-purchase").chain(by_rule("seller-owns-aftercare")) {
        let Some(ji) = journey_index(&f.subject) else {
            continue;
        };
        let j = &ws.journeys[ji];
        let sellers = j.purchase_owners();
        let change = if f.rule == "ends-at-purchase" {
            format!(
                "Map and own what customers live through after buying in “{}”",
                j.name
            )
        } else {
            format!(
                "Hand the after-sale steps of “{}” from {} to the teams that serve customers",
                j.name,
                names(&sellers)
            )
        };
        candidates.push(Candidate {
            change,
            talk_to: sellers,
            rule: f.rule,
            reach: f.reach.iter().copied().collect(),
        });
    }

    // Backstage teams and champions, one change per department.
    let mut backstage: BTreeMap<DepartmentIdx, (BTreeSet<TouchpointRef>, BTreeSet<usize>)> =
        BTreeMap::new();
    for f in by_rule("backstage-influence") {
        if let (Some(d), Some(ji)) = (
            dept_index(&f.subject),
            f.journey.as_deref().and_then(journey_index),
        ) {
            let e = backstage.entry(d).or_default();
            e.0.extend(f.reach.iter().copied());
            e.1.insert(ji);
        }
    }
    let no_champion: BTreeSet<DepartmentIdx> = by_rule("missing-champion")
        .filter_map(|f| dept_index(&f.subject))
        .collect();
    for (&d, (reach, journeys)) in &backstage {
        let journeys: Vec<&str> = journeys
            .iter()
            .map(|&j| ws.journeys[j].name.as_str())
            .collect();
        let champion = if no_champion.contains(&d) {
            " and name a CX champion there"
        } else {
            ""
        };
        candidates.push(Candidate {
            change: format!(
                "Bring {} into the customer reviews of {}{champion}",
                dept(d),
                journeys
                    .iter()
                    .map(|j| format!("“{j}”"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            talk_to: vec![d],
            rule: "backstage-influence",
            reach: reach.clone(),
        });
    }
    for &d in no_champion.iter().filter(|d| !backstage.contains_key(d)) {
        candidates.push(Candidate {
            change: format!("Name a CX champion in {}", dept(d)),
            talk_to: vec![d],
            rule: "missing-champion",
            reach: customer_facing_of(ws, d),
        });
    }

    // Pain points, one change per owning department.
    let mut pain: BTreeMap<Option<DepartmentIdx>, BTreeSet<TouchpointRef>> = BTreeMap::new();
    for f in by_rule("pain-point") {
        if let Some((ji, ti)) = touchpoint_of(f) {
            let owner = ws.journeys[ji].touchpoints[ti].owners.first().copied();
            pain.entry(owner)
                .or_default()
                .extend(f.reach.iter().copied());
        }
    }
    for (owner, reach) in pain {
        let n = reach.len();
        let what = if n == 1 {
            "the pain point".to_owned()
        } else {
            format!("the {n} pain points")
        };
        candidates.push(Candidate {
            change: match owner {
                Some(d) => format!("Fix {what} {} owns", dept(d)),
                None => format!("Fix {what} nobody owns"),
            },
            talk_to: owner.into_iter().collect(),
            rule: "pain-point",
            reach,
        });
    }

    let mut ranked: Vec<Priority> = candidates
        .into_iter()
        .filter(|c| !c.reach.is_empty())
        .map(|c| {
            let impact = c
                .reach
                .iter()
                .map(|&(ji, ti)| {
                    1 + u32::from(
                        ws.journeys[ji].touchpoints[ti]
                            .score
                            .map_or(0, |s| (-s).max(0).unsigned_abs()),
                    )
                })
                .sum();
            Priority {
                change: c.change,
                talk_to: c
                    .talk_to
                    .iter()
                    .map(|&d| ws.departments[d].id.clone())
                    .collect(),
                rule: c.rule,
                why: RULES
                    .iter()
                    .find(|r| r.name == c.rule)
                    .map_or("", |r| r.summary),
                reach: c.reach.len(),
                impact,
                touchpoints: c
                    .reach
                    .iter()
                    .map(|&(ji, ti)| {
                        (
                            ws.journeys[ji].id.clone(),
                            ws.journeys[ji].touchpoints[ti].id.clone(),
                        )
                    })
                    .collect(),
            }
        })
        .collect();
    let rule_order = |r: &str| RULES.iter().position(|x| x.name == r).unwrap_or(usize::MAX);
    ranked.sort_by(|a, b| {
        b.impact
            .cmp(&a.impact)
            .then(b.reach.cmp(&a.reach))
            .then(rule_order(a.rule).cmp(&rule_order(b.rule)))
            .then(a.change.cmp(&b.change))
    });
    ranked
}

/// Customer-facing touchpoints that use data `d`.
fn users(ws: &Workspace, d: DataIdx) -> Vec<TouchpointRef> {
    let mut out = Vec::new();
    for (ji, j) in ws.journeys.iter().enumerate() {
        for (ti, t) in j.touchpoints.iter().enumerate() {
            if t.is_customer_facing() && t.uses.contains(&d) {
                out.push((ji, ti));
            }
        }
    }
    out
}

/// Customer-facing touchpoints a department owns or supports.
fn customer_facing_of(ws: &Workspace, d: DepartmentIdx) -> BTreeSet<TouchpointRef> {
    let mut out = BTreeSet::new();
    for (ji, j) in ws.journeys.iter().enumerate() {
        for (ti, t) in j.touchpoints.iter().enumerate() {
            if t.is_customer_facing() && (t.owners.contains(&d) || t.supported_by.contains(&d)) {
                out.insert((ji, ti));
            }
        }
    }
    out
}
