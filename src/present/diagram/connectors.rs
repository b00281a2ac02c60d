//! Connectors between cards: smooth curves between neighbouring columns, routes around
//! cards for long steps and loops, and self-loops over a card's top edge.

use std::fmt::Write;

use super::card::CARD_W;
use super::labels::Label;
use super::layout::Edge;
use super::scene::{self, Canvas, Color, Dash, Rect};

/// A smooth connector through `points` (horizontal tangents at every point).
pub fn curve_through(points: &[(f32, f32)]) -> String {
    use scene::N;
    let mut d = format!("M{},{}", N(points[0].0), N(points[0].1));
    for pair in points.windows(2) {
        let (x0, y0) = pair[0];
        let (x1, y1) = pair[1];
        let mid = f32::midpoint(x0, x1);
        let _ = write!(
            d,
            " C{},{} {},{} {},{}",
            N(mid),
            N(y0),
            N(mid),
            N(y1),
            N(x1),
            N(y1)
        );
    }
    d
}

/// The corners of a connector that keeps clear of cards: out of the source's right side
/// (at `start`) into the gap after its column, along a free horizontal `channel`, up or down
/// the gap before the target's column, and into the target's left side (at `end`).
pub fn route_around(
    start: (f32, f32),
    end: (f32, f32),
    gap_after_from: f32,
    gap_before_to: f32,
    channel: f32,
) -> Vec<(f32, f32)> {
    vec![
        start,
        (gap_after_from, start.1),
        (gap_after_from, channel),
        (gap_before_to, channel),
        (gap_before_to, end.1),
        end,
    ]
}

/// How a connector is stroked: colour, width, dash.
pub type Stroke = (Color, f32, Dash);

/// A polyline with rounded corners.
pub fn rounded_path(points: &[(f32, f32)], radius: f32) -> String {
    use scene::N;
    let mut d = format!("M{},{}", N(points[0].0), N(points[0].1));
    for i in 1..points.len() {
        let (x, y) = points[i];
        if i + 1 == points.len() {
            let _ = write!(d, " L{},{}", N(x), N(y));
            break;
        }
        let (px, py) = points[i - 1];
        let (nx, ny) = points[i + 1];
        let len_in = ((x - px).powi(2) + (y - py).powi(2)).sqrt();
        let len_out = ((nx - x).powi(2) + (ny - y).powi(2)).sqrt();
        let r = radius.min(len_in / 2.0).min(len_out / 2.0);
        if r < 0.5 {
            let _ = write!(d, " L{},{}", N(x), N(y));
            continue;
        }
        let (ax, ay) = (x - (x - px) / len_in * r, y - (y - py) / len_in * r);
        let (bx, by) = (x + (nx - x) / len_out * r, y + (ny - y) / len_out * r);
        let _ = write!(
            d,
            " L{},{} Q{},{} {},{}",
            N(ax),
            N(ay),
            N(x),
            N(y),
            N(bx),
            N(by)
        );
    }
    d
}

/// Room kept free above a card that has a step back to itself.
pub const SELF_LOOP_ROOM: f32 = 30.0;
/// How far right of the card's left edge the self-loop rises and lands.
const LOOP_OUT: f32 = 56.0;
const LOOP_IN: f32 = 26.0;

/// A step from a card back to itself: an arc over the card's top edge, rising from it and
/// landing on it again (the arrowhead pointing down into the card), in the room kept free
/// above the card.
pub fn self_loop(card: Rect) -> String {
    use scene::N;
    let (x1, x2, top) = (card.right() - LOOP_OUT, card.right() - LOOP_IN, card.y);
    format!(
        "M{},{} C{},{} {},{} {},{}",
        N(x1),
        N(top),
        N(x1),
        N(top - 30.0),
        N(x2),
        N(top - 30.0),
        N(x2),
        N(top)
    )
}

/// For both views: how much room each of `cards` cards needs above it for its self-loops and
/// their labels, and each edge's self-loop label (`None` for other edges), wrapped to the
/// room left of the arc.
pub fn self_loop_room(edges: &[Edge], cards: usize) -> (Vec<f32>, Vec<Option<Label>>) {
    let mut above = vec![0.0f32; cards];
    let mut labels: Vec<Option<Label>> = vec![None; edges.len()];
    for (e, slot) in edges.iter().zip(&mut labels) {
        if e.from == e.to {
            let label = e
                .label
                .as_deref()
                .map(|t| Label::wrapped(t, self_loop_label_width(CARD_W) - 8.0));
            let room = label.as_ref().map_or(0.0, |lb| lb.h + 8.0);
            above[e.from] = above[e.from].max(SELF_LOOP_ROOM.max(room));
            *slot = label;
        }
    }
    (above, labels)
}

/// The width a self-loop's label may take: left of the arc, above the card.
pub fn self_loop_label_width(card_w: f32) -> f32 {
    card_w - LOOP_OUT - 14.0
}

/// Where a self-loop's label goes: left of the arc, in the room above the card.
pub fn self_loop_label_at(card: Rect, w: f32, h: f32) -> Rect {
    let right = card.right() - LOOP_OUT - 6.0;
    Rect::new(right - w, card.y - h - 4.0, w, h)
}

/// Draws a step from card `t` back to itself, over its top edge (dashed, as the legend says
/// for loops); its label goes in the room kept above the card.
pub fn draw_self_loop(canvas: &mut Canvas, t: usize, card: Rect, (color, width): (Color, f32)) {
    canvas.connector(
        self_loop(card),
        (color, width, Dash::Dashed),
        (t as u32, t as u32),
    );
}
