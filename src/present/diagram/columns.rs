//! Column positions for the layered views: each gap between columns wide enough for the
//! labels of the steps that start in it, and the free lines in those gaps that connectors
//! going around cards use.

use super::card::CARD_W;
use super::labels::Label;
use super::layout;

/// Column positions: each gap wide enough for the labels of the steps that start in it.
pub struct Columns {
    /// Each edge's label, wrapped.
    pub labels: Vec<Option<Label>>,
    /// The gap after each column.
    pub gap: Vec<f32>,
    /// The left x of each column.
    pub x: Vec<f32>,
    /// The right edge of the last column's cards.
    pub right: f32,
}

impl Columns {
    pub fn new(l: &layout::Layered, left: f32, min_gap: f32) -> Columns {
        let n = l.columns.len();
        let labels: Vec<Option<Label>> = l
            .edges
            .iter()
            .map(|e| e.label.as_deref().map(Label::new))
            .collect();
        let mut gap = vec![min_gap; n];
        for (e, label) in l.edges.iter().zip(&labels) {
            if let (false, Some(label)) = (e.backward || e.from == e.to, label) {
                let c = l.column[e.from];
                gap[c] = gap[c].max(label.w + 28.0);
            }
        }
        let mut x = Vec::with_capacity(n);
        let mut next = left;
        for g in &gap {
            x.push(next);
            next += CARD_W + g;
        }
        let right = next - gap.last().copied().unwrap_or(0.0);
        Columns {
            labels,
            gap,
            x,
            right,
        }
    }

    /// The x of the free lines in the gaps around columns: after column `from` and before
    /// column `to`, for connectors that go around cards; `lane` (0, 1, 2, ...) spreads the
    /// connectors that share a gap so they do not run on one line.
    pub fn gap_lines(&self, from: usize, to: usize, lane: usize) -> (f32, f32) {
        let shift = |g: f32| ((lane % 5) as f32 - 2.0) * (g / 12.0).min(6.0);
        let after = self.x[from] + CARD_W + self.gap[from] / 2.0 + shift(self.gap[from]);
        let before = if to == 0 {
            self.x[0] - 14.0 - (lane % 5) as f32 * 3.0
        } else {
            self.x[to] - self.gap[to - 1] / 2.0 + shift(self.gap[to - 1])
        };
        (after, before)
    }
}
