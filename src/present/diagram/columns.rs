//! Column positions for the layered views: each gap between columns wide enough for the
//! labels of the steps that start in it, and the free lines in those gaps that connectors
//! going around cards use.

use super::card::CARD_W;
use super::connectors::{label_room, wrap_label};
use super::layout;

/// The x of the free gaps around columns: after column `from` and before column `to`, for
/// connectors that go around cards (`loop_back` shifts them so loops and long steps do not
/// share a line).
fn gap_lines(col_x: &[f32], gap: &[f32], from: usize, to: usize, loop_back: bool) -> (f32, f32) {
    let shift = if loop_back { 6.0 } else { 0.0 };
    let after = col_x[from] + CARD_W + gap[from] / 2.0 + shift;
    let before = if to == 0 {
        col_x[0] - 12.0
    } else {
        col_x[to] - gap[to - 1] / 2.0 - shift
    };
    (after, before)
}

/// Column positions: each gap wide enough for the labels of the steps that start in it.
pub struct Columns {
    /// Each edge's label, wrapped.
    pub labels: Vec<Option<Vec<String>>>,
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
        let labels: Vec<Option<Vec<String>>> = l
            .edges
            .iter()
            .map(|e| e.label.as_deref().map(wrap_label))
            .collect();
        let mut gap = vec![min_gap; n];
        for (e, lines) in l.edges.iter().zip(&labels) {
            if let (false, Some(lines)) = (e.backward, lines) {
                let c = l.column[e.from];
                gap[c] = gap[c].max(label_room(lines));
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

    /// See [`gap_lines`].
    pub fn gap_lines(&self, from: usize, to: usize, loop_back: bool) -> (f32, f32) {
        gap_lines(&self.x, &self.gap, from, to, loop_back)
    }
}
