//! Connectors between cards: smooth curves between neighbouring columns, routes around
//! cards for long steps and loops, self-loops, and edge labels on a white box.

use super::scene::{self, Canvas, Color, Rect, Role};
use super::{palette::INK, text};
use crate::present::diagram::scene::Anchor;

/// A smooth connector through `points` (horizontal tangents at every point).
pub fn curve_through(points: &[(f32, f32)]) -> String {
    use scene::num;
    let mut d = format!("M{},{}", num(points[0].0), num(points[0].1));
    for pair in points.windows(2) {
        let (x0, y0) = pair[0];
        let (x1, y1) = pair[1];
        let mid = f32::midpoint(x0, x1);
        d.push_str(&format!(
            " C{},{} {},{} {},{}",
            num(mid),
            num(y0),
            num(mid),
            num(y1),
            num(x1),
            num(y1)
        ));
    }
    d
}

/// Draws [`route_around`] with its label (if any) on the free channel.
#[allow(clippy::too_many_arguments)]
pub fn connector_around(
    canvas: &mut Canvas,
    from: Rect,
    to: Rect,
    (after, before): (f32, f32),
    channel: f32,
    (color, width, dashed): (Color, f32, bool),
    label: Option<&Vec<String>>,
) {
    canvas.path(
        route_around(from, to, after, before, channel),
        color,
        width,
        dashed,
        true,
    );
    if let Some(lines) = label {
        edge_label(canvas, f32::midpoint(after, before), channel, lines.clone());
    }
}

/// A connector that keeps clear of cards: out of the source's right side into the gap after
/// its column, along a free horizontal `channel`, up or down the gap before the target's
/// column, and into the target's left side. Corners are rounded.
pub fn route_around(
    from: scene::Rect,
    to: scene::Rect,
    gap_after_from: f32,
    gap_before_to: f32,
    channel: f32,
) -> String {
    let points = [
        (from.right(), from.center_y()),
        (gap_after_from, from.center_y()),
        (gap_after_from, channel),
        (gap_before_to, channel),
        (gap_before_to, to.center_y()),
        (to.x, to.center_y()),
    ];
    rounded_path(&points, 10.0)
}

/// A polyline with rounded corners.
pub fn rounded_path(points: &[(f32, f32)], radius: f32) -> String {
    use scene::num;
    let mut d = format!("M{},{}", num(points[0].0), num(points[0].1));
    for i in 1..points.len() {
        let (x, y) = points[i];
        if i + 1 == points.len() {
            d.push_str(&format!(" L{},{}", num(x), num(y)));
            break;
        }
        let (px, py) = points[i - 1];
        let (nx, ny) = points[i + 1];
        let len_in = ((x - px).powi(2) + (y - py).powi(2)).sqrt();
        let len_out = ((nx - x).powi(2) + (ny - y).powi(2)).sqrt();
        let r = radius.min(len_in / 2.0).min(len_out / 2.0);
        if r < 0.5 {
            d.push_str(&format!(" L{},{}", num(x), num(y)));
            continue;
        }
        let (ax, ay) = (x - (x - px) / len_in * r, y - (y - py) / len_in * r);
        let (bx, by) = (x + (nx - x) / len_out * r, y + (ny - y) / len_out * r);
        d.push_str(&format!(
            " L{},{} Q{},{} {},{}",
            num(ax),
            num(ay),
            num(x),
            num(y),
            num(bx),
            num(by)
        ));
    }
    d
}

const LABEL_SIZE: f32 = 11.0;

/// An edge label: wrapped lines on a white box centred on `(cx, cy)`.
pub fn edge_label(canvas: &mut Canvas, cx: f32, cy: f32, lines: Vec<String>) {
    let w = text::widest(&lines, LABEL_SIZE, false);
    let h = lines.len() as f32 * LABEL_SIZE * 1.25;
    canvas.rect(
        Rect::new(cx - w / 2.0 - 4.0, cy - h / 2.0 - 3.0, w + 8.0, h + 6.0),
        3.0,
        "#ffffff",
        Some("#d0d7de"),
        0.8,
        false,
        Role::Decoration,
    );
    canvas.lines(
        cx,
        cy - h / 2.0 + LABEL_SIZE * 0.95,
        lines,
        LABEL_SIZE,
        false,
        INK,
        Anchor::Middle,
        w,
    );
}

/// Wraps an edge label for [`edge_label`].
pub fn wrap_label(label: &str) -> Vec<String> {
    text::wrap(label, LABEL_SIZE, false, 120.0)
}

/// The width an edge label needs between two columns.
pub fn label_room(lines: &[String]) -> f32 {
    text::widest(lines, LABEL_SIZE, false) + 36.0
}

/// A step from a card back to itself: a small loop over its top-right corner. Returns the
/// path and where its label goes.
pub fn self_loop(card: Rect) -> (String, (f32, f32)) {
    use scene::num;
    let x = card.right() - 40.0;
    let d = format!(
        "M{},{} C{},{} {},{} {},{}",
        num(x),
        num(card.y),
        num(x),
        num(card.y - 28.0),
        num(card.right() + 23.0),
        num(card.center_y() - 10.0),
        num(card.right()),
        num(card.center_y() - 6.0)
    );
    (d, (x, card.y - 28.0))
}
