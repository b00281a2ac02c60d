//! The customer's emotion curve: one point per scored touchpoint, at its card's x, joined
//! left to right. Extremes are never averaged away: two touchpoints in one column are two
//! points.

use super::DiagramInput;
use super::palette::{INK, MUTED, tone_color};
use super::scene::{Anchor, Canvas, Rect, Role, num};
use crate::model::Tone;

/// Draws the curve in `panel`, its plot starting at `plot_left`, above cards at `cards`
/// (one per touchpoint of the journey, in file order).
pub fn draw(
    canvas: &mut Canvas,
    input: &DiagramInput,
    cards: &[Rect],
    panel: Rect,
    plot_left: f32,
) {
    let plot_top = panel.y + 36.0;
    let plot_h = panel.h - 48.0;
    let y_of = |score: f32| plot_top + (2.0 - score) / 4.0 * plot_h;
    canvas.rect(
        panel,
        6.0,
        "#fbfcfd",
        Some("#d0d7de"),
        0.8,
        false,
        Role::Decoration,
    );
    canvas.label(
        panel.x + 16.0,
        panel.y + 20.0,
        "How the customer feels",
        13.0,
        true,
        INK,
        Anchor::Start,
    );
    for (score, text) in [
        (2.0, "+2 delighted"),
        (0.0, "0 neutral"),
        (-2.0, "-2 upset"),
    ] {
        canvas.label(
            plot_left - 12.0,
            y_of(score) + 4.0,
            text,
            10.0,
            false,
            MUTED,
            Anchor::End,
        );
        canvas.path(
            format!(
                "M{},{} L{},{}",
                num(plot_left),
                num(y_of(score)),
                num(panel.right() - 12.0),
                num(y_of(score))
            ),
            "#d8dee4",
            1.0,
            score == 0.0,
            false,
        );
    }
    let mut points: Vec<(f32, i8)> = input
        .journey
        .touchpoints
        .iter()
        .zip(cards)
        .filter_map(|(tp, card)| tp.score.map(|s| (card.center_x(), s)))
        .collect();
    if points.is_empty() {
        canvas.label(
            plot_left + 8.0,
            y_of(0.0) - 8.0,
            "No scores given on this journey's touchpoints",
            11.0,
            false,
            MUTED,
            Anchor::Start,
        );
        return;
    }
    // Left to right; within a column, the worse moment first so the line dips to it.
    points.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let d: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, (x, s))| {
            format!(
                "{}{},{}",
                if i == 0 { "M" } else { "L" },
                num(*x),
                num(y_of(f32::from(*s)))
            )
        })
        .collect();
    canvas.path(d.join(" "), INK, 2.0, false, false);
    for (x, s) in points {
        canvas.circle(
            x,
            y_of(f32::from(s)),
            5.0,
            tone_color(Tone::of(s)),
            Some("#ffffff"),
        );
    }
}
