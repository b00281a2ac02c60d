//! Department scorecards: what each department owns and supports, the pain points it leads,
//! the data only it holds, and the hand-offs into and out of its work.

use super::super::facts::Facts;
use super::super::finding::{Finding, Subject};
use super::super::rules;
use crate::model::{DataIdx, JourneyIdx, Workspace};

#[derive(Debug)]
pub struct Scorecard {
    /// Touchpoints it owns (alone or with others).
    pub owned: usize,
    pub owned_customer_facing: usize,
    /// Touchpoints that list it in `supported_by`.
    pub supported: usize,
    /// Touchpoints it leads (first owner) with a `pain-point` finding.
    pub pain_points_owned: usize,
    /// Data with a `data-silo` finding that only it holds.
    pub data_held_alone: Vec<DataIdx>,
    /// Journeys it owns, or owns or supports a touchpoint in.
    pub journeys: Vec<JourneyIdx>,
    /// Hand-offs from a touchpoint it leads to one another department leads.
    pub handoffs_out: usize,
    /// Hand-offs into a touchpoint it leads from one another department leads.
    pub handoffs_in: usize,
}

pub fn scorecards(ws: &Workspace, facts: &Facts, findings: &[Finding]) -> Vec<Scorecard> {
    let n = ws.departments.len();
    let mut pains = vec![0usize; n];
    let mut silos: Vec<Vec<DataIdx>> = vec![Vec::new(); n];
    for f in findings {
        match f.subject {
            Subject::Touchpoint(t) if f.rule == &rules::PAIN_POINT => {
                if let Some(d) = ws.touchpoint(t).lead_owner() {
                    pains[d] += 1;
                }
            }
            Subject::Data(x) if f.rule == &rules::DATA_SILO => {
                if let Some(d) = ws.data[x].sole_holder() {
                    silos[d].push(x);
                }
            }
            _ => {}
        }
    }
    let (mut out_, mut in_) = (vec![0usize; n], vec![0usize; n]);
    for journey in &ws.journeys {
        for (from, step) in journey.steps() {
            if !journey.is_handoff(from, step) {
                continue;
            }
            let leads = |t: usize| journey.touchpoints[t].lead_owner();
            if let (Some(a), Some(b)) = (leads(from), leads(step.to)) {
                out_[a] += 1;
                in_[b] += 1;
            }
        }
    }
    facts
        .departments
        .iter()
        .enumerate()
        .map(|(d, inv)| {
            let mut journeys: Vec<JourneyIdx> = inv
                .owns
                .iter()
                .chain(&inv.supports)
                .map(|t| t.journey)
                .chain(inv.owns_journeys.iter().copied())
                .collect();
            journeys.sort_unstable();
            journeys.dedup();
            silos[d].sort_unstable();
            silos[d].dedup();
            Scorecard {
                owned: inv.owns.len(),
                owned_customer_facing: inv
                    .owns
                    .iter()
                    .filter(|&&t| ws.touchpoint(t).is_customer_facing())
                    .count(),
                supported: inv.supports.len(),
                pain_points_owned: pains[d],
                data_held_alone: std::mem::take(&mut silos[d]),
                journeys,
                handoffs_out: out_[d],
                handoffs_in: in_[d],
            }
        })
        .collect()
}
