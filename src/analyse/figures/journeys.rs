//! Per-journey figures: size, hand-offs, what the customer sees after the purchase, the
//! emotion curve and the metrics.

use super::super::Marks;
use super::super::facts::Facts;
use super::super::finding::Finding;
use super::super::priorities::weight;
use super::FindingCounts;
use crate::model::{JourneyIdx, TouchpointIdx, TouchpointRef, Workspace};

#[derive(Debug, Clone)]
pub struct JourneyFigures {
    pub touchpoints: usize,
    pub customer_facing: usize,
    /// `next` steps that hand the customer from one team to another.
    pub handoffs: usize,
    /// Customer-facing touchpoints after a purchase.
    pub customer_facing_after_purchase: usize,
    /// Scored touchpoints in stage order, then file order.
    pub emotion: Vec<TouchpointIdx>,
    pub findings: FindingCounts,
    /// The customer-facing touchpoints its findings reach, each weighted as priorities weigh
    /// them: how much the journey hurts.
    pub impact: u32,
}

/// Journeys by how much they hurt (impact), most first; ties in workspace order.
pub fn order(figures: &[JourneyFigures]) -> Vec<JourneyIdx> {
    let mut order: Vec<JourneyIdx> = (0..figures.len()).collect();
    order.sort_by_key(|&j| (std::cmp::Reverse(figures[j].impact), j));
    order
}

pub fn journey_figures(
    ws: &Workspace,
    facts: &Facts,
    findings: &[Finding],
    marks: &Marks,
) -> Vec<JourneyFigures> {
    let mut counts = vec![FindingCounts::default(); ws.journeys.len()];
    let mut reached: Vec<Vec<TouchpointRef>> = vec![Vec::new(); ws.journeys.len()];
    for f in findings {
        if let Some(j) = f.journey {
            counts[j].add(f.severity);
        }
        for &t in &f.reach {
            reached[t.journey].push(t);
        }
    }
    let impact: Vec<u32> = reached
        .into_iter()
        .map(|mut ts| {
            ts.sort_unstable();
            ts.dedup();
            ts.into_iter().map(|t| weight(marks, ws, t)).sum()
        })
        .collect();
    ws.journeys
        .iter()
        .zip(&facts.graphs)
        .zip(counts)
        .zip(impact)
        .map(|(((journey, graph), findings), impact)| {
            let mut emotion: Vec<TouchpointIdx> = (0..journey.touchpoints.len())
                .filter(|&i| journey.touchpoints[i].score.is_some())
                .collect();
            emotion.sort_by_key(|&i| (journey.touchpoints[i].stage.unwrap_or(usize::MAX), i));
            JourneyFigures {
                touchpoints: journey.touchpoints.len(),
                customer_facing: journey
                    .touchpoints
                    .iter()
                    .filter(|t| t.is_customer_facing())
                    .count(),
                handoffs: journey
                    .steps()
                    .filter(|(from, step)| journey.is_handoff(*from, step))
                    .count(),
                customer_facing_after_purchase: journey
                    .touchpoints
                    .iter()
                    .zip(&graph.after_purchase)
                    .filter(|(t, after)| **after && t.is_customer_facing())
                    .count(),
                emotion,
                findings,
                impact,
            }
        })
        .collect()
}
