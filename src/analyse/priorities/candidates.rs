//! Findings grouped into candidate changes, each with the departments to talk to: one step per
//! kind of change, each finding fed to exactly one of them.

use std::collections::{BTreeMap, BTreeSet};

use super::Candidate;
use super::change::Change;
use crate::analyse::facts::Facts;
use crate::analyse::finding::{Detail, Finding, Subject};
use crate::analyse::rules::{self, Rule};
use crate::model::{DataIdx, DepartmentIdx, JourneyIdx, TouchpointRef, Workspace};

pub(super) fn all(ws: &Workspace, facts: &Facts, findings: &[Finding]) -> Vec<Candidate> {
    let who = Who::new(ws, facts);
    let mut out = data_changes(&who, findings);
    out.extend(ownership_changes(&who, findings));
    out.extend(after_purchase_changes(&who, findings));
    out.extend(team_changes(findings));
    out.extend(moment_changes(&who, findings));
    out
}

/// The findings of some rules, with their indices.
fn of<'f, const N: usize>(
    findings: &'f [Finding],
    wanted: [&'static Rule; N],
) -> impl Iterator<Item = (usize, &'f Finding)> {
    findings
        .iter()
        .enumerate()
        .filter(move |(_, f)| wanted.contains(&f.rule))
}

/// Who answers for what: every change names someone to talk to.
struct Who<'a> {
    ws: &'a Workspace,
    facts: &'a Facts,
    /// Per journey, every team leading a step in it: the last resort, computed once so a
    /// journey of unowned steps costs no more than one pass.
    leads: Vec<Vec<DepartmentIdx>>,
}

impl<'a> Who<'a> {
    fn new(ws: &'a Workspace, facts: &'a Facts) -> Self {
        let leads = ws
            .journeys
            .iter()
            .map(|j| {
                sorted(
                    j.touchpoints
                        .iter()
                        .filter_map(crate::model::Touchpoint::lead_owner)
                        .collect(),
                )
            })
            .collect();
        Who { ws, facts, leads }
    }

    /// Who answers for a touchpoint: its lead owner; else its journey's owner; else the
    /// teams leading the steps before and after it; else every team with a step in the
    /// journey.
    fn answers_for(&self, t: TouchpointRef) -> Vec<DepartmentIdx> {
        let journey = &self.ws.journeys[t.journey];
        if let Some(d) = journey.touchpoints[t.touchpoint].lead_owner() {
            return vec![d];
        }
        if let Some(d) = journey.owner {
            return vec![d];
        }
        let graph = &self.facts.graphs[t.journey];
        let near: Vec<DepartmentIdx> = graph
            .successors(t.touchpoint)
            .chain(graph.predecessors(t.touchpoint))
            .filter_map(|i| journey.touchpoints[i].lead_owner())
            .collect();
        if near.is_empty() {
            return self.leads[t.journey].clone();
        }
        sorted(near)
    }

    fn answer_for_all(&self, ts: impl IntoIterator<Item = TouchpointRef>) -> Vec<DepartmentIdx> {
        sorted(ts.into_iter().flat_map(|t| self.answers_for(t)).collect())
    }
}

fn sorted(mut ds: Vec<DepartmentIdx>) -> Vec<DepartmentIdx> {
    ds.sort_unstable();
    ds.dedup();
    ds
}

/// Data: asked again; a silo, data nobody holds, data the serving team cannot see. One change
/// per asset and kind.
fn data_changes(who: &Who, findings: &[Finding]) -> Vec<Candidate> {
    let ws = who.ws;
    let mut out = Vec::new();
    // Asked again, per data asset.
    let mut asked: BTreeMap<DataIdx, Vec<usize>> = BTreeMap::new();
    for (i, f) in of(findings, [&rules::ASKED_AGAIN]) {
        if let Some(Detail::Data(d)) = f.detail {
            asked.entry(d).or_default().push(i);
        }
    }
    for (d, idx) in asked {
        let at: Vec<TouchpointRef> = idx
            .iter()
            .filter_map(|&i| findings[i].subject.touchpoint())
            .collect();
        let mut talk_to = who.answer_for_all(at.iter().copied());
        talk_to.extend(&ws.data[d].held_by);
        out.push(Candidate {
            change: Change::AskOnce { data: d, at },
            talk_to: sorted(talk_to),
            findings: idx,
        });
    }
    // The serving team cannot see the data: who is blocked, per data asset.
    let mut blocked: BTreeMap<DataIdx, (Vec<DepartmentIdx>, Vec<usize>)> = BTreeMap::new();
    for (i, f) in of(findings, [&rules::INACCESSIBLE_DATA]) {
        if let (Subject::Touchpoint(t), Some(Detail::Data(d))) = (f.subject, f.detail) {
            let entry = blocked.entry(d).or_default();
            entry.0.extend(ws.touchpoint(t).owners.iter().copied());
            entry.1.push(i);
        }
    }
    for (i, f) in of(findings, [&rules::DATA_SILO, &rules::UNOWNED_DATA]) {
        let Subject::Data(d) = f.subject else {
            continue;
        };
        let (with, mut idx) = blocked.remove(&d).unwrap_or_default();
        idx.insert(0, i);
        let (change, talk_to) = if f.rule == &rules::UNOWNED_DATA {
            let users = who.facts.data[d].used_by.iter().copied();
            (Change::NameKeepers { data: d }, who.answer_for_all(users))
        } else if with.is_empty() {
            (Change::OpenUp { data: d }, ws.data[d].held_by.clone())
        } else {
            (
                Change::Share {
                    data: d,
                    with: sorted(with),
                },
                ws.data[d].held_by.clone(),
            )
        };
        out.push(Candidate {
            change,
            talk_to,
            findings: idx,
        });
    }
    for (d, (to, idx)) in blocked {
        let talk_to = if ws.data[d].held_by.is_empty() {
            sorted(to.clone())
        } else {
            ws.data[d].held_by.clone()
        };
        out.push(Candidate {
            change: Change::GiveAccess {
                data: d,
                to: sorted(to),
            },
            talk_to,
            findings: idx,
        });
    }
    out
}

/// Ownership: touchpoints nobody owns (per journey), several internal owners (per
/// touchpoint), moments only a partner owns (per partner).
fn ownership_changes(who: &Who, findings: &[Finding]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut unowned: BTreeMap<JourneyIdx, Vec<usize>> = BTreeMap::new();
    for (i, f) in of(findings, [&rules::UNOWNED_TOUCHPOINT]) {
        if let Some(t) = f.subject.touchpoint() {
            unowned.entry(t.journey).or_default().push(i);
        }
    }
    for (j, idx) in unowned {
        let ts = idx.iter().filter_map(|&i| findings[i].subject.touchpoint());
        out.push(Candidate {
            change: Change::OwnUnowned {
                journey: j,
                count: idx.len(),
            },
            talk_to: who.answer_for_all(ts),
            findings: idx,
        });
    }
    for (i, f) in of(findings, [&rules::SHARED_OWNERSHIP]) {
        if let Some(t) = f.subject.touchpoint() {
            out.push(Candidate {
                change: Change::OneAccountable { touchpoint: t },
                talk_to: who.ws.touchpoint(t).internal_owners(who.ws).collect(),
                findings: vec![i],
            });
        }
    }
    let mut partners: BTreeMap<DepartmentIdx, Vec<usize>> = BTreeMap::new();
    for (i, f) in of(findings, [&rules::PARTNER_OWNED_TOUCHPOINT]) {
        if let Some(p) = f
            .subject
            .touchpoint()
            .and_then(|t| who.ws.touchpoint(t).lead_owner())
        {
            partners.entry(p).or_default().push(i);
        }
    }
    for (partner, idx) in partners {
        // Inside the organisation: the journey's owner, else the teams supporting the moment.
        let mut talk_to = Vec::new();
        for t in idx.iter().filter_map(|&i| findings[i].subject.touchpoint()) {
            let journey = &who.ws.journeys[t.journey];
            talk_to.extend(journey.owner);
            talk_to.extend(&who.ws.touchpoint(t).supported_by);
        }
        talk_to.retain(|&d| who.ws.departments[d].is_internal());
        if talk_to.is_empty() {
            talk_to.push(partner);
        }
        out.push(Candidate {
            change: Change::OwnPartnerMoments {
                partner,
                count: idx.len(),
            },
            talk_to: sorted(talk_to),
            findings: idx,
        });
    }
    out
}

/// After the purchase: journeys that end there, and after-sale steps left to the sellers.
fn after_purchase_changes(who: &Who, findings: &[Finding]) -> Vec<Candidate> {
    of(
        findings,
        [&rules::ENDS_AT_PURCHASE, &rules::SELLER_OWNS_AFTERCARE],
    )
    .filter_map(|(i, f)| {
        let Subject::Journey(j) = f.subject else {
            return None;
        };
        let change = if f.rule == &rules::ENDS_AT_PURCHASE {
            Change::MapAfterPurchase { journey: j }
        } else {
            Change::HandOverAftercare { journey: j }
        };
        let mut talk_to = who.ws.journeys[j].purchase_owners();
        if talk_to.is_empty() {
            talk_to = who.answer_for_all(f.reach.iter().copied());
        }
        Some(Candidate {
            change,
            talk_to,
            findings: vec![i],
        })
    })
    .collect()
}

/// Backstage teams and champions, one change per department.
fn team_changes(findings: &[Finding]) -> Vec<Candidate> {
    let mut backstage: BTreeMap<DepartmentIdx, (Vec<JourneyIdx>, Vec<usize>)> = BTreeMap::new();
    for (i, f) in of(findings, [&rules::BACKSTAGE_INFLUENCE]) {
        if let (Subject::Department(d), Some(j)) = (f.subject, f.journey) {
            let e = backstage.entry(d).or_default();
            e.0.push(j);
            e.1.push(i);
        }
    }
    let mut out = Vec::new();
    let mut champions: BTreeMap<DepartmentIdx, usize> = BTreeMap::new();
    for (i, f) in of(findings, [&rules::MISSING_CHAMPION]) {
        if let Subject::Department(d) = f.subject {
            champions.insert(d, i);
        }
    }
    for (d, (mut journeys, mut idx)) in backstage {
        journeys.sort_unstable();
        journeys.dedup();
        let champion = champions.remove(&d);
        idx.extend(champion);
        out.push(Candidate {
            change: Change::BringIntoReviews {
                department: d,
                journeys,
                and_name_champion: champion.is_some(),
            },
            talk_to: vec![d],
            findings: idx,
        });
    }
    for (d, i) in champions {
        out.push(Candidate {
            change: Change::NameChampion { department: d },
            talk_to: vec![d],
            findings: vec![i],
        });
    }
    out
}

/// Moments that hurt or miss their targets, one change per leading department.
fn moment_changes(who: &Who, findings: &[Finding]) -> Vec<Candidate> {
    #[derive(Default)]
    struct Moments {
        hurting: BTreeSet<TouchpointRef>,
        off_target: BTreeSet<TouchpointRef>,
        findings: Vec<usize>,
    }
    let mut by_owner: BTreeMap<Option<DepartmentIdx>, Moments> = BTreeMap::new();
    for (i, f) in of(findings, [&rules::PAIN_POINT, &rules::METRIC_OFF_TARGET]) {
        let Some(t) = f.subject.touchpoint() else {
            continue;
        };
        let e = by_owner
            .entry(who.ws.touchpoint(t).lead_owner())
            .or_default();
        if f.rule == &rules::PAIN_POINT {
            e.hurting.insert(t);
        } else {
            e.off_target.insert(t);
        }
        e.findings.push(i);
    }
    by_owner
        .into_iter()
        .map(|(owner, m)| {
            let talk_to = match owner {
                Some(d) => vec![d],
                None => who.answer_for_all(
                    m.findings
                        .iter()
                        .filter_map(|&i| findings[i].subject.touchpoint()),
                ),
            };
            Candidate {
                change: Change::FixMoments {
                    owner,
                    moments: m.hurting.union(&m.off_target).count(),
                    hurting: !m.hurting.is_empty(),
                    off_target: !m.off_target.is_empty(),
                },
                talk_to,
                findings: m.findings,
            }
        })
        .collect()
}
