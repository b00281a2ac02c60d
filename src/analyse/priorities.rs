//! "Focus on these three": findings grouped into changes a VP can ask a department for, ranked
//! by customer impact.
//!
//! **Ranking** (also in `docs/report.md`): every priority reaches a set of customer-facing
//! touchpoints. Each reached touchpoint counts 1, plus its pain: 1 more at score -1, 2 more
//! at score -2. The sum is the priority's *impact*. Priorities sort by impact, then by the
//! number of touchpoints reached, then by the order of their rule in the rule table, then by
//! the change, so the ranking is deterministic. Findings that reach no customer-facing
//! touchpoint (`unreachable-touchpoint`, `missing-purchase`, `uninvolved-department`) are not
//! priorities.

use std::collections::{BTreeMap, BTreeSet};

use super::facts::Facts;
use super::finding::{Detail, Finding, Subject};
use super::names::list;
use super::rules::{self, Rule};
use crate::model::{DataIdx, DepartmentIdx, JourneyIdx, TouchpointRef, Workspace};

/// A change to ask for, as data; [`Change::sentence`] says it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// A silo nobody else needs yet: open it up.
    OpenUp { data: DataIdx },
    /// A silo that keeps data from the teams serving the customer.
    Share {
        data: DataIdx,
        with: Vec<DepartmentIdx>,
    },
    /// Data nobody holds.
    NameKeepers { data: DataIdx },
    /// Data the serving team cannot see, held by more than one other team.
    GiveAccess {
        data: DataIdx,
        to: Vec<DepartmentIdx>,
    },
    /// Touchpoints of a journey that nobody owns.
    OwnUnowned { journey: JourneyIdx, count: usize },
    /// A touchpoint with several owners.
    OneAccountable { touchpoint: TouchpointRef },
    /// A journey that ends at the purchase.
    MapAfterPurchase { journey: JourneyIdx },
    /// A journey whose after-sale steps are all owned by the team that sold.
    HandOverAftercare { journey: JourneyIdx },
    /// A backstage team that shapes what customers live through.
    BringIntoReviews {
        department: DepartmentIdx,
        journeys: Vec<JourneyIdx>,
        and_name_champion: bool,
    },
    /// A team that touches customers without a CX champion.
    NameChampion { department: DepartmentIdx },
    /// Pain points led by one team (or by nobody).
    FixPainPoints {
        owner: Option<DepartmentIdx>,
        count: usize,
    },
}

impl Change {
    /// The change in a sentence, with the names people use.
    pub fn sentence(&self, ws: &Workspace) -> String {
        let dept = |d: DepartmentIdx| ws.departments[d].name.clone();
        let depts = |ds: &[DepartmentIdx]| list(ds.iter().map(|&d| dept(d)));
        let data = |d: DataIdx| &ws.data[d].name;
        let journey = |j: JourneyIdx| &ws.journeys[j].name;
        let holders = |d: DataIdx| depts(&ws.data[d].held_by);
        match self {
            Change::OpenUp { data: d } => {
                format!(
                    "Open up “{}”: today only {} holds it",
                    data(*d),
                    holders(*d)
                )
            }
            Change::Share { data: d, with } => format!(
                "Share “{}” with {}: today only {} holds it",
                data(*d),
                depts(with),
                holders(*d)
            ),
            Change::NameKeepers { data: d } => format!(
                "Name the teams that keep “{}”: no department holds it",
                data(*d)
            ),
            Change::GiveAccess { data: d, to } => {
                format!("Give {} access to “{}”", depts(to), data(*d))
            }
            Change::OwnUnowned { journey: j, count } => format!(
                "Give {} in “{}” one accountable owner",
                if *count == 1 {
                    "the touchpoint nobody owns".to_owned()
                } else {
                    format!("the {count} touchpoints nobody owns")
                },
                journey(*j)
            ),
            Change::OneAccountable { touchpoint } => {
                let tp = ws.touchpoint(*touchpoint);
                format!(
                    "Make one of {} accountable for “{}”",
                    depts(&tp.owners).replace(" and ", " or "),
                    tp.name
                )
            }
            Change::MapAfterPurchase { journey: j } => format!(
                "Map and own what customers live through after buying in “{}”",
                journey(*j)
            ),
            Change::HandOverAftercare { journey: j } => format!(
                "Hand the after-sale steps of “{}” from {} to the teams that serve customers",
                journey(*j),
                depts(&ws.journeys[*j].purchase_owners())
            ),
            Change::BringIntoReviews {
                department,
                journeys,
                and_name_champion,
            } => format!(
                "Bring {} into the customer reviews of {}{}",
                dept(*department),
                journeys
                    .iter()
                    .map(|&j| format!("“{}”", journey(j)))
                    .collect::<Vec<_>>()
                    .join(", "),
                if *and_name_champion {
                    " and name a CX champion there"
                } else {
                    ""
                }
            ),
            Change::NameChampion { department } => {
                format!("Name a CX champion in {}", dept(*department))
            }
            Change::FixPainPoints { owner, count } => {
                let what = if *count == 1 {
                    "the pain point".to_owned()
                } else {
                    format!("the {count} pain points")
                };
                match owner {
                    Some(d) => format!("Fix {what} {} owns", dept(*d)),
                    None => format!("Fix {what} nobody owns"),
                }
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct Priority {
    pub change: Change,
    /// The departments to talk to (empty when nobody is accountable yet).
    pub talk_to: Vec<DepartmentIdx>,
    /// The rule that found it.
    pub rule: &'static Rule,
    /// Customer-facing touchpoints reached, sorted.
    pub reach: Vec<TouchpointRef>,
    /// Reach weighted by pain (see the module docs).
    pub impact: u32,
}

/// A priority before it is weighed.
struct Candidate {
    change: Change,
    talk_to: Vec<DepartmentIdx>,
    rule: &'static Rule,
    /// In any order, possibly repeated; sorted and made distinct when weighed.
    reach: Vec<TouchpointRef>,
}

pub fn rank(ws: &Workspace, facts: &Facts, findings: &[Finding]) -> Vec<Priority> {
    let mut candidates = data_changes(ws, facts, findings);
    candidates.extend(ownership_changes(ws, findings));
    candidates.extend(after_purchase_changes(ws, findings));
    candidates.extend(team_changes(ws, facts, findings));
    candidates.extend(pain_changes(ws, findings));
    let mut ranked: Vec<(Priority, String)> = candidates
        .into_iter()
        .filter(|c| !c.reach.is_empty())
        .map(|c| {
            let sentence = c.change.sentence(ws);
            (weigh(ws, c), sentence)
        })
        .collect();
    ranked.sort_by(|(a, a_text), (b, b_text)| {
        b.impact
            .cmp(&a.impact)
            .then(b.reach.len().cmp(&a.reach.len()))
            .then(a.rule.index().cmp(&b.rule.index()))
            .then(a_text.cmp(b_text))
    });
    ranked.into_iter().map(|(p, _)| p).collect()
}

/// Each reached touchpoint counts 1, plus 1 at score -1 and 2 at score -2.
fn weigh(ws: &Workspace, mut c: Candidate) -> Priority {
    c.reach.sort_unstable();
    c.reach.dedup();
    let impact = c
        .reach
        .iter()
        .map(|&t| {
            let pain = ws
                .touchpoint(t)
                .score
                .map_or(0, |s| (-s).max(0).unsigned_abs());
            1 + u32::from(pain)
        })
        .sum();
    Priority {
        change: c.change,
        talk_to: c.talk_to,
        rule: c.rule,
        reach: c.reach,
        impact,
    }
}

fn of<'f>(findings: &'f [Finding], rule: &'static Rule) -> impl Iterator<Item = &'f Finding> {
    findings.iter().filter(move |f| f.rule == rule)
}

/// Data: a silo, data nobody holds, or data the serving team cannot see; one change per
/// asset.
fn data_changes(ws: &Workspace, facts: &Facts, findings: &[Finding]) -> Vec<Candidate> {
    // Data the serving team cannot see: who is blocked, and where the customer feels it.
    let mut blocked: BTreeMap<DataIdx, (BTreeSet<DepartmentIdx>, Vec<TouchpointRef>)> =
        BTreeMap::new();
    for f in of(findings, &rules::INACCESSIBLE_DATA) {
        if let (Subject::Touchpoint(t), Some(Detail::Data(d))) = (f.subject, f.detail) {
            let entry = blocked.entry(d).or_default();
            entry.0.extend(ws.touchpoint(t).owners.iter().copied());
            entry.1.extend(f.reach.iter().copied());
        }
    }
    let mut out = Vec::new();
    for f in of(findings, &rules::DATA_SILO).chain(of(findings, &rules::UNOWNED_DATA)) {
        let Subject::Data(d) = f.subject else {
            continue;
        };
        let (with, blocked_reach) = blocked.remove(&d).unwrap_or_default();
        let users = facts.data[d]
            .used_by
            .iter()
            .copied()
            .filter(|&t| ws.touchpoint(t).is_customer_facing());
        let change = if f.rule != &rules::DATA_SILO {
            Change::NameKeepers { data: d }
        } else if with.is_empty() {
            Change::OpenUp { data: d }
        } else {
            Change::Share {
                data: d,
                with: with.into_iter().collect(),
            }
        };
        out.push(Candidate {
            change,
            talk_to: ws.data[d].held_by.clone(),
            rule: f.rule,
            reach: users.chain(blocked_reach).collect(),
        });
    }
    for (d, (to, reach)) in blocked {
        out.push(Candidate {
            change: Change::GiveAccess {
                data: d,
                to: to.into_iter().collect(),
            },
            talk_to: ws.data[d].held_by.clone(),
            rule: &rules::INACCESSIBLE_DATA,
            reach,
        });
    }
    out
}

/// Ownership: the touchpoints nobody owns (one change per journey), and each touchpoint with
/// several owners.
fn ownership_changes(ws: &Workspace, findings: &[Finding]) -> Vec<Candidate> {
    let mut unowned: BTreeMap<JourneyIdx, (usize, Vec<TouchpointRef>)> = BTreeMap::new();
    for f in of(findings, &rules::UNOWNED_TOUCHPOINT) {
        if let Subject::Touchpoint(t) = f.subject {
            let entry = unowned.entry(t.journey).or_default();
            entry.0 += 1;
            entry.1.extend(f.reach.iter().copied());
        }
    }
    let mut out: Vec<Candidate> = unowned
        .into_iter()
        .map(|(j, (count, reach))| Candidate {
            change: Change::OwnUnowned { journey: j, count },
            talk_to: ws.journeys[j].owner.into_iter().collect(),
            rule: &rules::UNOWNED_TOUCHPOINT,
            reach,
        })
        .collect();
    for f in of(findings, &rules::SHARED_OWNERSHIP) {
        if let Subject::Touchpoint(t) = f.subject {
            out.push(Candidate {
                change: Change::OneAccountable { touchpoint: t },
                talk_to: ws.touchpoint(t).owners.clone(),
                rule: f.rule,
                reach: f.reach.clone(),
            });
        }
    }
    out
}

/// After the purchase: journeys that end there, and after-sale steps left to the sellers.
fn after_purchase_changes(ws: &Workspace, findings: &[Finding]) -> Vec<Candidate> {
    of(findings, &rules::ENDS_AT_PURCHASE)
        .chain(of(findings, &rules::SELLER_OWNS_AFTERCARE))
        .filter_map(|f| {
            let Subject::Journey(j) = f.subject else {
                return None;
            };
            let change = if f.rule == &rules::ENDS_AT_PURCHASE {
                Change::MapAfterPurchase { journey: j }
            } else {
                Change::HandOverAftercare { journey: j }
            };
            Some(Candidate {
                change,
                talk_to: ws.journeys[j].purchase_owners(),
                rule: f.rule,
                reach: f.reach.clone(),
            })
        })
        .collect()
}

/// Backstage teams and champions, one change per department.
fn team_changes(ws: &Workspace, facts: &Facts, findings: &[Finding]) -> Vec<Candidate> {
    let mut backstage: BTreeMap<DepartmentIdx, (Vec<TouchpointRef>, BTreeSet<JourneyIdx>)> =
        BTreeMap::new();
    for f in of(findings, &rules::BACKSTAGE_INFLUENCE) {
        if let (Subject::Department(d), Some(j)) = (f.subject, f.journey) {
            let e = backstage.entry(d).or_default();
            e.0.extend(f.reach.iter().chain(&f.context).copied());
            e.1.insert(j);
        }
    }
    let no_champion: BTreeSet<DepartmentIdx> = of(findings, &rules::MISSING_CHAMPION)
        .filter_map(|f| match f.subject {
            Subject::Department(d) => Some(d),
            _ => None,
        })
        .collect();
    let mut out: Vec<Candidate> = backstage
        .iter()
        .map(|(&d, (reach, journeys))| Candidate {
            change: Change::BringIntoReviews {
                department: d,
                journeys: journeys.iter().copied().collect(),
                and_name_champion: no_champion.contains(&d),
            },
            talk_to: vec![d],
            rule: &rules::BACKSTAGE_INFLUENCE,
            reach: reach.clone(),
        })
        .collect();
    for &d in no_champion.iter().filter(|d| !backstage.contains_key(d)) {
        out.push(Candidate {
            change: Change::NameChampion { department: d },
            talk_to: vec![d],
            rule: &rules::MISSING_CHAMPION,
            reach: facts.customer_facing_of(ws, d).into_iter().collect(),
        });
    }
    out
}

/// Pain points, one change per leading department.
fn pain_changes(ws: &Workspace, findings: &[Finding]) -> Vec<Candidate> {
    let mut pain: BTreeMap<Option<DepartmentIdx>, (usize, Vec<TouchpointRef>)> = BTreeMap::new();
    for f in of(findings, &rules::PAIN_POINT) {
        if let Subject::Touchpoint(t) = f.subject {
            let entry = pain.entry(ws.touchpoint(t).lead_owner()).or_default();
            entry.0 += 1;
            entry.1.extend(f.reach.iter().copied());
        }
    }
    pain.into_iter()
        .map(|(owner, (count, reach))| Candidate {
            change: Change::FixPainPoints { owner, count },
            talk_to: owner.into_iter().collect(),
            rule: &rules::PAIN_POINT,
            reach,
        })
        .collect()
}
