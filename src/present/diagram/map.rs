//! The journey map: stages as columns left to right, the customer's emotion curve across the
//! top (one point per scored touchpoint, above its card), touchpoints as cards coloured by
//! their owning department, `next` steps as connectors (loops run below the cards), edge
//! labels placed where they hide nothing, and a legend.

use super::DiagramInput;
use super::card::{CARD_W, card_height, card_text, draw_card};
use super::columns::Columns;
use super::connectors::{
    SELF_LOOP_ROOM, curve_through, draw_self_loop, rounded_path, route_around, self_loop_label_at,
    self_loop_room,
};
use super::emotion;
use super::geometry;
use super::labels::{self, Label, Obstacles};
use super::layout::{self, Slot};
use super::legend::{
    LegendEntry, department_legend, draw_legend, legend_height, mark_legend, step_legend,
};
use super::palette::{ACCENT, BAND, INK, LINE, MUTED};
use super::ports::{self, Ports};
use super::scene::{Anchor, Canvas, Dash, Drawing, Frame, Rect, Role, Scene, Strip, text_box};
use super::text;
use super::title::TitleBlock;

const MARGIN: f32 = 32.0;
/// Room left of the first column for the emotion curve's scale.
const GUTTER: f32 = 96.0;
const STAGE_HEADER: f32 = 34.0;
const CURVE_H: f32 = 118.0;
const ROW_GAP: f32 = 26.0;
const COLUMN_GAP: f32 = 64.0;
const DUMMY_H: f32 = 12.0;

pub fn scene(input: &DiagramInput) -> Scene {
    drawing(input).scene
}

/// The map, and how to cut it into pages.
pub fn drawing(input: &DiagramInput) -> Drawing {
    let j = input.journey;
    let n = j.touchpoints.len();
    let l = layout::layer(j);
    let port_counts = ports::counts(&l.edges, n);
    let mut texts: Vec<_> = (0..n).map(|t| Some(card_text(input, t, true))).collect();
    let heights: Vec<f32> = texts
        .iter()
        .zip(&port_counts)
        .map(|(t, &p)| t.as_ref().map_or(44.0, |t| card_height(t, p)))
        .collect();

    let left = MARGIN + GUTTER;
    let cols = Columns::new(&l, left, COLUMN_GAP);
    let col_x = &cols.x;
    // Room after the last column for loops that leave it to the right.
    let content_right = cols.right + COLUMN_GAP / 2.0 + 16.0;
    let width = (content_right + MARGIN).max(640.0);
    let mut sub = format!("{n} touchpoints");
    if let Some(p) = &j.persona {
        sub = format!("Persona: {p} · {sub}");
    }
    let title_text = format!("{} — journey map", j.name);
    let title = TitleBlock::new(&title_text, &sub, width);
    let header = title.bottom();

    // Stage names, wrapped to their band; the tallest sets the header's height.
    let stage_heads: Vec<(Option<usize>, usize, usize, Vec<String>)> = l
        .stage_groups()
        .into_iter()
        .map(|(stage, start, end)| {
            let room = col_x[end - 1] + CARD_W - col_x[start];
            let lines = stage.map_or_else(Vec::new, |s| text::wrap(&j.stages[s], 14.0, true, room));
            (stage, start, end, lines)
        })
        .collect();
    let stage_lines = stage_heads
        .iter()
        .map(|h| h.3.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let head = header + STAGE_HEADER + (stage_lines - 1) as f32 * 17.5;
    let panel = Rect::new(MARGIN, head + 4.0, width - 2.0 * MARGIN, CURVE_H - 12.0);
    let top = head + CURVE_H + 12.0;

    // Self-loops and their labels need room above their card.
    let (above, loop_labels) = self_loop_room(&l.edges, n);

    // Vertical placement: each slot as close to its predecessors' centre as order allows.
    // Slots numbered densely: touchpoints first, then each edge's dummies in order.
    let mut dummy_base = Vec::with_capacity(l.edges.len());
    let mut next_id = n;
    for d in &l.dummies {
        dummy_base.push(next_id);
        next_id += d.len();
    }
    let id = |slot: &Slot| match *slot {
        Slot::Touchpoint(t) => t,
        Slot::Dummy(e, k) => dummy_base[e] + k - 1,
    };
    let unset = Rect::new(0.0, f32::NAN, 0.0, 0.0);
    let mut slot_rect: Vec<Rect> = vec![unset; next_id];
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); next_id];
    for (ei, e) in l.edges.iter().enumerate() {
        if e.backward {
            continue;
        }
        for pair in l.chain(ei).windows(2) {
            incoming[id(&pair[1])].push(id(&pair[0]));
        }
    }
    let mut bottom = top;
    for (column, &cx) in l.columns.iter().zip(col_x) {
        let mut y = top;
        for slot in column {
            let (h, room) = match slot {
                Slot::Touchpoint(t) => (heights[*t], above[*t]),
                Slot::Dummy(..) => (DUMMY_H, 0.0),
            };
            // Predecessors placed already (in earlier columns) pull the slot to their centre.
            let (sum, count) = incoming[id(slot)]
                .iter()
                .map(|&p| slot_rect[p])
                .filter(|r| !r.y.is_nan())
                .fold((0.0f32, 0usize), |(s, c), r| (s + r.center_y(), c + 1));
            let desired = if count == 0 {
                y
            } else {
                sum / count as f32 - h / 2.0
            };
            let ry = desired.max(y + room);
            slot_rect[id(slot)] = Rect::new(cx, ry, CARD_W, h);
            y = ry + h + ROW_GAP;
            bottom = bottom.max(ry + h);
        }
    }
    let card_rect: Vec<Rect> = slot_rect[..n].to_vec();

    let loops = l
        .edges
        .iter()
        .filter(|e| e.backward && e.from != e.to)
        .count();
    let loop_room = if loops > 0 {
        24.0 + (loops.min(6) as f32) * 8.0
    } else {
        0.0
    };
    let channel_of = |k: usize| bottom + 18.0 + (k % 6) as f32 * 8.0;
    // Where each step's ends head: the next point on its way.
    let first_hop = |ei: usize| -> f32 {
        let e = &l.edges[ei];
        if e.backward {
            f32::MAX
        } else if l.dummies[ei].is_empty() {
            card_rect[e.to].center_y()
        } else {
            slot_rect[dummy_base[ei]].center_y()
        }
    };
    let last_hop = |ei: usize| -> f32 {
        let e = &l.edges[ei];
        let k = l.dummies[ei].len();
        if e.backward {
            f32::MAX
        } else if k == 0 {
            card_rect[e.from].center_y()
        } else {
            slot_rect[dummy_base[ei] + k - 1].center_y()
        }
    };
    let ports = Ports::assign(&l.edges, n, first_hop, last_hop);

    let mut canvas = Canvas::default();
    let mut taken = Obstacles::default();
    let mut label_bottom = 0.0f32;
    for (_, start, _, lines) in &stage_heads {
        if !lines.is_empty() {
            let x0 = col_x[*start] - 16.0;
            taken.add(text_box(
                x0 + 12.0,
                header + 22.0,
                lines,
                14.0,
                true,
                Anchor::Start,
                17.5,
            ));
        }
    }
    taken.add(panel);
    for r in &card_rect {
        taken.add(*r);
    }
    for (ei, label) in loop_labels
        .iter()
        .enumerate()
        .filter_map(|(ei, label)| Some((ei, label.as_ref()?)))
    {
        taken.add(self_loop_label_at(
            card_rect[l.edges[ei].from],
            label.w,
            label.h,
        ));
    }

    // Edges first, so cards sit on top; labels last, on top of everything.
    let mut pending: Vec<(Label, Vec<(f32, f32)>)> = Vec::new();
    let mut loop_index = 0usize;
    let mut kinds = (false, false, false, false);
    for (ei, e) in l.edges.iter().enumerate() {
        let accent = input.accent(e.from, e.to);
        let color = if accent { ACCENT } else { LINE };
        let width = if accent { 2.2 } else { 1.5 };
        let from = card_rect[e.from];
        let to = card_rect[e.to];
        if e.from == e.to {
            kinds.3 = true;
            draw_self_loop(&mut canvas, e.from, from, (color, width));
            continue;
        }
        let start = ports.start(ei, from);
        let end = ports.end(ei, to);
        let (d, dash) = if e.backward {
            kinds.2 = true;
            // Loops run below every card and come back up through the gaps between columns.
            let channel = channel_of(loop_index);
            let gaps = cols.gap_lines(l.column[e.from], l.column[e.to], loop_index);
            loop_index += 1;
            let points = route_around(start, end, gaps.0, gaps.1, channel);
            if let Some(label) = cols.labels[ei].clone() {
                let mid = [points[2], points[3]];
                pending.push((label, labels::middle_out(&geometry::dense(&mid, 6.0))));
            }
            (rounded_path(&points, 10.0), Dash::Dashed)
        } else {
            if accent {
                kinds.1 = true;
            } else {
                kinds.0 = true;
            }
            let mut points = vec![start];
            for k in 1..=l.dummies[ei].len() {
                let r = slot_rect[dummy_base[ei] + k - 1];
                points.push((r.x, r.center_y()));
                points.push((r.right(), r.center_y()));
            }
            points.push(end);
            let d = curve_through(&points);
            if let Some(label) = cols.labels[ei].clone() {
                let first = curve_through(&points[..2]);
                pending.push((label, labels::middle_out(&geometry::points(&first))));
            }
            (d, Dash::Solid)
        };
        canvas.connector(d, (color, width, dash), (e.from as u32, e.to as u32));
    }

    for (t, text) in texts.iter_mut().enumerate() {
        let text = text.take().expect("each card drawn once");
        draw_card(&mut canvas, input, t, card_rect[t], text, t as u32);
    }
    for (label, along) in pending {
        let r = labels::place(&mut canvas, &mut taken, label, &along);
        label_bottom = label_bottom.max(r.bottom());
    }
    for (e, label) in l.edges.iter().zip(loop_labels) {
        if let Some(label) = label {
            let r = self_loop_label_at(card_rect[e.from], label.w, label.h);
            label.draw(&mut canvas, r);
        }
    }
    let body_bottom = (bottom + 16.0 + loop_room).max(label_bottom + 12.0);

    // Stage bands and names, under everything else.
    let mut bands = Canvas::default();
    for (band, (_, start, end, lines)) in stage_heads.iter().enumerate() {
        let x0 = col_x[*start] - 16.0;
        let x1 = col_x[end - 1] + CARD_W + 16.0;
        if band % 2 == 0 {
            bands.rect(
                Rect::new(x0, header, x1 - x0, body_bottom - header),
                8.0,
                BAND,
                None,
                0.0,
                false,
                Role::Decoration,
            );
        }
        if !lines.is_empty() {
            bands.lines(
                x0 + 12.0,
                header + 22.0,
                lines.clone(),
                14.0,
                true,
                INK,
                Anchor::Start,
                x1 - x0 - 16.0,
            );
        }
    }
    if j.stages.is_empty() {
        bands.label(
            left,
            header + 22.0,
            "Steps in order (no stages given)",
            12.0,
            false,
            MUTED,
            Anchor::Start,
        );
    }
    canvas.items.splice(0..0, bands.items);

    emotion::draw(&mut canvas, input, &card_rect, panel, left);
    title.draw(&mut canvas);

    let mut entries: Vec<LegendEntry> = department_legend(input);
    entries.extend(mark_legend(input));
    entries.extend(step_legend(kinds));
    let legend_w = width - 2.0 * MARGIN;
    let legend_h = draw_legend(&mut canvas, MARGIN, body_bottom + 20.0, legend_w, &entries);
    debug_assert!((legend_h - legend_height(legend_w, &entries)).abs() < 0.5);
    let height = body_bottom + 20.0 + legend_h + MARGIN;

    let mut cuts_x = Vec::new();
    for (g, (_, start, end, _)) in stage_heads.iter().enumerate() {
        for (c, x) in col_x.iter().enumerate().take(*end).skip(*start.max(&1)) {
            cuts_x.push((x - cols.gap[c - 1] / 2.0, c == *start && g > 0));
        }
    }
    let frame = Frame {
        title: title_text,
        subtitle: sub,
        body: Rect::new(0.0, header, width, body_bottom - header),
        gutter: left - 8.0,
        head: head + 4.0,
        cuts_x,
        strips: strips(&card_rect, head + 4.0, top, body_bottom),
        stages: stage_heads
            .iter()
            .filter_map(|(stage, start, end, _)| {
                let name = j.stages.get((*stage)?)?.clone();
                Some((col_x[*start] - 16.0, col_x[end - 1] + CARD_W + 16.0, name))
            })
            .collect(),
        legend: entries,
    };
    Drawing {
        scene: Scene {
            width,
            height,
            id_prefix: super::svg::id_prefix(&j.id, "map"),
            title: format!("Journey map: {}", j.name),
            description: describe(input),
            items: canvas.items,
        },
        frame,
    }
}

/// The bands a slide may leave out: the emotion curve (always shown), then bands of cards cut
/// where no card is (a tall map may be split there; a band with no card in a page's stretch
/// is left out of that page).
fn strips(cards: &[Rect], head: f32, top: f32, bottom: f32) -> Vec<Strip> {
    let mut spans: Vec<(f32, f32, f32, f32)> = cards
        .iter()
        .map(|r| (r.y - SELF_LOOP_ROOM - 4.0, r.bottom(), r.x, r.right()))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = vec![Strip {
        y0: head,
        y1: top - 8.0,
        always: true,
        line: None,
        holds: Vec::new(),
    }];
    let mut y0 = top - 8.0;
    let mut reach = y0;
    let mut holds: Vec<(f32, f32)> = Vec::new();
    for (a, b, x0, x1) in spans {
        if a > reach + 8.0 && !holds.is_empty() {
            let cut = f32::midpoint(reach, a);
            out.push(Strip {
                y0,
                y1: cut,
                always: false,
                line: None,
                holds: std::mem::take(&mut holds),
            });
            y0 = cut;
        }
        holds.push((x0, x1));
        reach = reach.max(b);
    }
    out.push(Strip {
        y0,
        y1: bottom,
        always: false,
        line: None,
        holds,
    });
    // What lies under the last cards (loops, labels) goes with the last band.
    out
}

/// A plain-text description for screen readers and the SVG `<desc>`.
pub fn describe(input: &DiagramInput) -> String {
    let j = input.journey;
    let unowned = (0..j.touchpoints.len())
        .filter(|&t| input.unowned(t))
        .count();
    let pains = (0..j.touchpoints.len()).filter(|&t| input.pain(t)).count();
    format!(
        "{} touchpoints in {} stages; {} without an owner; {} pain points.",
        j.touchpoints.len(),
        j.stages.len(),
        unowned,
        pains
    )
}
