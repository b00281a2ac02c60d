//! The blueprint's connectors: steps between cards (each at a port of its own, long steps
//! and loops along the free bottom of their lane and through the gaps between columns, never
//! across a card), self-loops over a card's top, dotted dependency lines from support work up
//! to the step it supports, and edge labels where they hide nothing.

use std::collections::HashMap;

use super::lanes::Lanes;
use super::plan::{Plan, Route};
use crate::present::diagram::DiagramInput;
use crate::present::diagram::card::CARD_W;
use crate::present::diagram::connectors::{
    draw_self_loop, rounded_path, route_around, self_loop_label_at,
};
use crate::present::diagram::geometry;
use crate::present::diagram::labels::{self, Label, Obstacles};
use crate::present::diagram::palette::{ACCENT, LINE, department_color};
use crate::present::diagram::ports::Ports;
use crate::present::diagram::scene::{Canvas, Dash, Rect};

/// What was drawn, for the legend: (plain steps, accented steps, loops back, self-loops,
/// dependency lines).
pub struct Kinds {
    pub steps: (bool, bool, bool, bool),
    pub support: bool,
}

/// Draws every step and dependency line; returns what kinds were drawn, the lowest label's
/// bottom (a label pushed past everything lengthens the body), and where in the items the
/// labels start (cards go under them).
pub fn draw(
    canvas: &mut Canvas,
    taken: &mut Obstacles,
    input: &DiagramInput,
    lanes: &Lanes,
    plan: &mut Plan,
) -> (Kinds, f32, usize) {
    let l = &plan.l;
    let cards = &plan.cards;
    let n = cards.len();
    let key = |ei: usize, other: usize| match plan.routes[ei] {
        Route::Around { channel, .. } => channel,
        _ => cards[other].center_y(),
    };
    let ports = Ports::assign(
        &l.edges,
        n,
        |ei| key(ei, l.edges[ei].to),
        |ei| key(ei, l.edges[ei].from),
    );
    let mut kinds = Kinds {
        steps: (false, false, false, false),
        support: !plan.support.is_empty(),
    };
    let mut pending: Vec<(Label, Vec<(f32, f32)>)> = Vec::new();
    // Each connector gets a track of its own in the gaps it runs through (by the column the
    // gap follows; `usize::MAX` for the room before the first column).
    let mut tracks: HashMap<usize, usize> = HashMap::new();
    let mut track = |gap: usize| {
        let k = tracks.entry(gap).or_default();
        *k += 1;
        *k - 1
    };
    let mut loop_labels = Vec::new();
    for (ei, e) in l.edges.iter().enumerate() {
        let accent = input.accent(e.from, e.to);
        let (color, width) = if accent { (ACCENT, 2.2) } else { (LINE, 1.5) };
        let from = cards[e.from];
        let to = cards[e.to];
        let label = plan.cols.labels[ei].clone();
        match plan.routes[ei] {
            Route::SelfLoop => {
                kinds.steps.3 = true;
                draw_self_loop(canvas, e.from, from, (color, width));
                if let Some(label) = plan.loop_labels[ei].take() {
                    let r = self_loop_label_at(from, label.w, label.h);
                    taken.add(r);
                    loop_labels.push((label, r));
                }
            }
            Route::Adjacent => {
                if accent {
                    kinds.steps.1 = true;
                } else {
                    kinds.steps.0 = true;
                }
                // Out into the gap, along a track of its own, and in: straight lines, so a
                // slide page that leaves out lanes between the two cards keeps it whole.
                let (start, end) = (ports.start(ei, from), ports.end(ei, to));
                let gx = plan
                    .cols
                    .gap_lines(l.column[e.from], l.column[e.to], track(l.column[e.from]))
                    .0;
                let points = [start, (gx, start.1), (gx, end.1), end];
                if let Some(label) = label {
                    let along = geometry::dense(&points, 6.0);
                    pending.push((label, labels::middle_out(&along)));
                }
                let links = (e.from as u32, e.to as u32);
                let d = rounded_path(&points, 8.0);
                canvas.connector(d, (color, width, Dash::Solid), links);
            }
            Route::Around { channel, .. } => {
                let dash = if e.backward {
                    kinds.steps.2 = true;
                    Dash::Dashed
                } else {
                    if accent {
                        kinds.steps.1 = true;
                    } else {
                        kinds.steps.0 = true;
                    }
                    Dash::Solid
                };
                let (cf, ct) = (l.column[e.from], l.column[e.to]);
                let after = plan.cols.gap_lines(cf, ct, track(cf)).0;
                let before_gap = ct.checked_sub(1).unwrap_or(usize::MAX);
                let before = plan.cols.gap_lines(cf, ct, track(before_gap)).1;
                let gaps = (after, before);
                let points = route_around(
                    ports.start(ei, from),
                    ports.end(ei, to),
                    gaps.0,
                    gaps.1,
                    channel,
                );
                if let Some(label) = label {
                    let run = geometry::dense(&[points[2], points[3]], 6.0);
                    pending.push((label, labels::middle_out(&run)));
                }
                let links = (e.from as u32, e.to as u32);
                canvas.connector(rounded_path(&points, 10.0), (color, width, dash), links);
            }
        }
    }
    dependencies(canvas, lanes, plan);
    let labels_at = canvas.items.len();
    let mut bottom = 0.0f32;
    for (label, along) in pending {
        bottom = bottom.max(labels::place(canvas, taken, label, &along).bottom());
    }
    for (label, r) in loop_labels {
        label.draw(canvas, r);
    }
    (kinds, bottom, labels_at)
}

/// Dotted lines from each support chip up to the bottom of the step it supports: straight
/// up when nothing stands between them in the column, otherwise through the gap after the
/// column and in under the step.
fn dependencies(canvas: &mut Canvas, lanes: &Lanes, plan: &Plan) {
    let l = &plan.l;
    let n = plan.cards.len() as u32;
    let mut column_boxes: HashMap<usize, Vec<Rect>> = HashMap::new();
    for (t, r) in plan.cards.iter().enumerate() {
        column_boxes.entry(l.column[t]).or_default().push(*r);
    }
    for chip in &plan.support {
        column_boxes
            .entry(l.column[chip.touchpoint])
            .or_default()
            .push(chip.rect);
    }
    let mut into: HashMap<usize, (usize, usize)> = HashMap::new();
    for chip in &plan.support {
        into.entry(chip.touchpoint).or_default().1 += 1;
    }
    let first_support_id = n + plan.evidence.len() as u32;
    for (k, (chip, &(lane, _))) in plan.support.iter().zip(&lanes.support).enumerate() {
        let t = chip.touchpoint;
        let card = plan.cards[t];
        let slot = into.get_mut(&t).expect("counted above");
        let (m, count) = (slot.0, slot.1);
        slot.0 += 1;
        let px = card.x + card.w * (m + 1) as f32 / (count + 1) as f32;
        let between = column_boxes[&l.column[t]].iter().any(|r| {
            *r != card && *r != chip.rect && r.y >= card.bottom() - 0.5 && r.y < chip.rect.y
        });
        let points = if between {
            let gx = card.x + CARD_W + 8.0 + (m % 3) as f32 * 4.0;
            let under = card.bottom() + 7.0;
            vec![
                (chip.rect.right(), chip.rect.center_y()),
                (gx, chip.rect.center_y()),
                (gx, under),
                (px, under),
                (px, card.bottom()),
            ]
        } else {
            vec![(px, chip.rect.y), (px, card.bottom())]
        };
        let color = lanes.lanes[lane]
            .dept
            .map_or(LINE, |d| department_color(d).0);
        canvas.connector(
            rounded_path(&points, 6.0),
            (color, 1.4, Dash::Dotted),
            (first_support_id + k as u32, t as u32),
        );
    }
}
