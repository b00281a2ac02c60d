//! The headline figures of one version (ownership coverage, unowned touchpoints, data silos,
//! journeys ending at the purchase, hand-offs, sizes, findings by severity), and for a diff,
//! each figure before and after with which way it moved for customers. The judgement "better"
//! or "worse" is made here, once, for `cxmap diff` and the report's "What changed since".

use super::{Change, Side};
use crate::analyse::figures::FindingCounts;

/// The figures a CX lead follows from quarter to quarter, of one version.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Headline {
    pub journeys: usize,
    pub touchpoints: usize,
    /// Share of touchpoints with exactly one owner, 0..=1.
    pub ownership_coverage: f64,
    pub unowned_touchpoints: usize,
    /// Data assets with a `data-silo` finding.
    pub data_silos: usize,
    /// Journeys with an `ends-at-purchase` finding.
    pub journeys_ending_at_purchase: usize,
    /// `next` steps that hand the customer from one team to another, in all journeys.
    pub handoffs: usize,
    /// Findings by severity (waived ones aside).
    pub findings: FindingCounts,
}

impl Headline {
    pub fn of(side: Side) -> Headline {
        let f = side.analysis.figures(side.workspace);
        Headline {
            journeys: f.journeys,
            touchpoints: f.touchpoints,
            ownership_coverage: f.ownership.coverage,
            unowned_touchpoints: f.ownership.none,
            data_silos: f.data_silos.len(),
            journeys_ending_at_purchase: f.journeys_ending_at_purchase.len(),
            handoffs: f.journey_figures.iter().map(|j| j.handoffs).sum(),
            findings: f.findings,
        }
    }
}

/// A headline figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    OwnershipCoverage,
    UnownedTouchpoints,
    DataSilos,
    JourneysEndingAtPurchase,
    Handoffs,
    Journeys,
    Touchpoints,
    Errors,
    Warnings,
    Info,
}

impl Figure {
    /// All of them, in the order people read them.
    pub const ALL: [Figure; 10] = [
        Figure::OwnershipCoverage,
        Figure::UnownedTouchpoints,
        Figure::DataSilos,
        Figure::JourneysEndingAtPurchase,
        Figure::Handoffs,
        Figure::Journeys,
        Figure::Touchpoints,
        Figure::Errors,
        Figure::Warnings,
        Figure::Info,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Figure::OwnershipCoverage => "Ownership coverage",
            Figure::UnownedTouchpoints => "Unowned touchpoints",
            Figure::DataSilos => "Data silos",
            Figure::JourneysEndingAtPurchase => "Journeys ending at purchase",
            Figure::Handoffs => "Hand-offs",
            Figure::Journeys => "Journeys",
            Figure::Touchpoints => "Touchpoints",
            Figure::Errors => "Errors",
            Figure::Warnings => "Warnings",
            Figure::Info => "Info",
        }
    }

    /// Whether less is better for customers (`Some(true)`), more is (`Some(false)`), or
    /// neither (the size of the map).
    fn less_is_better(self) -> Option<bool> {
        match self {
            Figure::OwnershipCoverage => Some(false),
            Figure::Journeys | Figure::Touchpoints => None,
            _ => Some(true),
        }
    }

    /// Its amount in one version. Coverage is the whole percentage people read, so that a
    /// change too small to show is no change.
    fn amount(self, h: &Headline) -> Amount {
        match self {
            Figure::OwnershipCoverage => {
                // 0..=100 after rounding: the cast cannot truncate or lose the sign.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let percent = (h.ownership_coverage * 100.0).round() as u32;
                Amount::Percent(percent)
            }
            Figure::UnownedTouchpoints => Amount::Count(h.unowned_touchpoints),
            Figure::DataSilos => Amount::Count(h.data_silos),
            Figure::JourneysEndingAtPurchase => Amount::Count(h.journeys_ending_at_purchase),
            Figure::Handoffs => Amount::Count(h.handoffs),
            Figure::Journeys => Amount::Count(h.journeys),
            Figure::Touchpoints => Amount::Count(h.touchpoints),
            Figure::Errors => Amount::Count(h.findings.error),
            Figure::Warnings => Amount::Count(h.findings.warning),
            Figure::Info => Amount::Count(h.findings.info),
        }
    }
}

/// A figure's amount as people read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Amount {
    Percent(u32),
    Count(usize),
}

/// Which way a figure moved, for customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Same,
    Better,
    Worse,
    /// Changed, neither better nor worse (more journeys or touchpoints).
    Changed,
}

/// One headline figure before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FigureChange {
    pub figure: Figure,
    pub before: Amount,
    pub after: Amount,
    pub trend: Trend,
}

impl Change<Headline> {
    /// Every headline figure before and after, in the order people read them.
    pub fn figures(&self) -> Vec<FigureChange> {
        Figure::ALL
            .iter()
            .map(|&figure| {
                let (before, after) = (figure.amount(&self.before), figure.amount(&self.after));
                let trend = match (before.cmp(&after), figure.less_is_better()) {
                    (std::cmp::Ordering::Equal, _) => Trend::Same,
                    (_, None) => Trend::Changed,
                    (order, Some(less)) if (order == std::cmp::Ordering::Greater) == less => {
                        Trend::Better
                    }
                    _ => Trend::Worse,
                };
                FigureChange {
                    figure,
                    before,
                    after,
                    trend,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::{Amount, Change, Figure, Headline, Trend};

    fn headline(coverage: f64, silos: usize, touchpoints: usize) -> Headline {
        Headline {
            journeys: 1,
            touchpoints,
            ownership_coverage: coverage,
            unowned_touchpoints: 0,
            data_silos: silos,
            journeys_ending_at_purchase: 0,
            handoffs: 0,
            findings: crate::analyse::figures::FindingCounts::default(),
        }
    }

    fn trend(change: &Change<Headline>, figure: Figure) -> (Amount, Amount, Trend) {
        let f = change
            .figures()
            .into_iter()
            .find(|f| f.figure == figure)
            .unwrap();
        (f.before, f.after, f.trend)
    }

    #[test]
    fn a_figure_moves_as_people_read_it() {
        // 180 of 200 owned, then 181 of 201: 90% both times, so no change to call better.
        let change = Change {
            before: headline(180.0 / 200.0, 2, 200),
            after: headline(181.0 / 201.0, 1, 201),
        };
        assert_eq!(
            trend(&change, Figure::OwnershipCoverage),
            (Amount::Percent(90), Amount::Percent(90), Trend::Same)
        );
        assert_eq!(trend(&change, Figure::DataSilos).2, Trend::Better);
        assert_eq!(trend(&change, Figure::Touchpoints).2, Trend::Changed);
        let worse = Change {
            before: headline(0.9, 1, 10),
            after: headline(0.8, 1, 10),
        };
        assert_eq!(trend(&worse, Figure::OwnershipCoverage).2, Trend::Worse);
        assert_eq!(trend(&worse, Figure::DataSilos).2, Trend::Same);
    }
}
