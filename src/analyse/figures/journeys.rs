//! Per-journey figures: size, hand-offs, what the customer sees after the purchase, the
//! emotion curve and the metrics.

use super::super::facts::Facts;
use super::super::finding::Finding;
use super::FindingCounts;
use crate::model::{TouchpointIdx, Workspace};

#[derive(Debug)]
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
}

pub fn journey_figures(ws: &Workspace, facts: &Facts, findings: &[Finding]) -> Vec<JourneyFigures> {
    let mut counts = vec![FindingCounts::default(); ws.journeys.len()];
    for f in findings {
        if let Some(j) = f.journey {
            counts[j].add(f.severity);
        }
    }
    ws.journeys
        .iter()
        .zip(&facts.graphs)
        .zip(counts)
        .map(|((journey, graph), findings)| {
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
            }
        })
        .collect()
}
