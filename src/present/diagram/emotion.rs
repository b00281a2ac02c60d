//! The customer's emotion curve, in both views: one point per scored touchpoint, within its
//! card's width, joined left to right. Extremes are never averaged away: two touchpoints in
//! one column are two points, spread across the column, the worse one first.

use super::DiagramInput;
use super::pages;
use super::palette::{INK, MUTED, tone_color};
use std::fmt::Write;

use super::scene::{Anchor, Canvas, N, Rect, Role, num};
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
        plot_left,
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
            11.0,
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
    let points = spread(input, cards);
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
    // In pieces of limited width, so that a page of a long journey carries only the piece it
    // shows, not the whole curve (one path through 50,000 points on each of hundreds of pages
    // made the report quadratic). Pieces share their end points; the line is unbroken.
    let xs: Vec<f32> = points.iter().map(|p| p.0).collect();
    for piece in pieces(&xs) {
        let mut d = String::with_capacity(piece.len() * 14);
        for (i, (x, s)) in points[piece].iter().enumerate() {
            let _ = write!(
                d,
                "{}{},{}",
                if i == 0 { "M" } else { " L" },
                N(*x),
                N(y_of(f32::from(*s)))
            );
        }
        canvas.path(d, INK, 2.0, false, false);
    }
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

/// The ranges of points of each piece of a curve through points at `xs` (left to right):
/// each piece at most half of what page cutting treats as wide ([`pages::WIDE`]), so that a
/// page finds it by position; consecutive pieces share a point, and a curve of one point is
/// one piece (its dot). A single step wider than that is a piece of its own.
fn pieces(xs: &[f32]) -> Vec<std::ops::Range<usize>> {
    let most = pages::WIDE / 2.0;
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..xs.len() {
        if xs[i] - xs[start] > most && i - 1 > start {
            out.push(start..i);
            start = i - 1;
        }
    }
    out.push(start..xs.len());
    out
}

/// The points of the curve, left to right: each scored touchpoint at its card's centre, or,
/// where several scored touchpoints share a column, spread across the column's width, the
/// worse moment first so the line dips to it.
pub fn spread(input: &DiagramInput, cards: &[Rect]) -> Vec<(f32, i8)> {
    let mut scored: Vec<(f32, i8, Rect)> = input
        .journey
        .touchpoints
        .iter()
        .zip(cards)
        .filter_map(|(tp, card)| tp.score.map(|s| (card.center_x(), s, *card)))
        .collect();
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut points = Vec::with_capacity(scored.len());
    let mut i = 0;
    while i < scored.len() {
        let mut j = i;
        while j < scored.len() && (scored[j].0 - scored[i].0).abs() < 0.5 {
            j += 1;
        }
        let n = j - i;
        for (k, (x, s, card)) in scored[i..j].iter().enumerate() {
            let x = if n == 1 {
                *x
            } else {
                card.x + card.w * (k + 1) as f32 / (n + 1) as f32
            };
            points.push((x, *s));
        }
        i = j;
    }
    points
}

#[cfg(test)]
mod tests {
    use super::pieces;

    #[test]
    #[allow(clippy::single_range_in_vec_init)]
    fn pieces_are_narrow_share_their_end_points_and_cover_every_point() {
        // Points 260 apart (a column each): at most 1,000 wide, so 4 steps a piece.
        let xs: Vec<f32> = (0..10u8).map(|i| f32::from(i) * 260.0).collect();
        assert_eq!(pieces(&xs), [0..4, 3..7, 6..10]);
        assert_eq!(pieces(&[5.0]), [0..1]);
        assert_eq!(pieces(&[0.0, 100.0, 200.0]), [0..3]);
        // A step wider than a piece may be is a piece of its own.
        assert_eq!(pieces(&[0.0, 100.0, 5_000.0, 5_100.0]), [0..2, 1..3, 2..4]);
    }
}
