//! The service blueprint: one lane per department, customer-facing departments above the
//! line of visibility and backstage departments below, a highlighted lane for touchpoints
//! nobody owns; stages as columns; touchpoints as cards; hand-offs between departments in a
//! colour of their own; the customer's emotion curve across the top.

use std::collections::BTreeMap;

use super::DiagramInput;
use super::card::{CARD_W, card_text, draw_card};
use super::columns::Columns;
use super::connectors::{connector_around, curve_through, edge_label, self_loop};
use super::emotion;
use super::layout;
use super::legend::{LegendEntry, Swatch, draw_legend, mark_legend};
use super::palette::{ALERT, ALERT_FILL, BAND, HANDOFF, INK, LINE, MUTED, department_color};
use super::scene::{Anchor, Canvas, Rect, Role, Scene, num};
use super::text;
use super::title::TitleBlock;

const MARGIN: f32 = 32.0;
const CURVE_H: f32 = 120.0;
const STAGE_HEADER: f32 = 34.0;
const LANE_LABEL_W: f32 = 170.0;
const LANE_PAD: f32 = 14.0;
/// Free room at the bottom of each lane where long connectors run.
const CHANNEL_ROOM: f32 = 30.0;
const CARD_GAP: f32 = 12.0;
const COLUMN_GAP: f32 = 56.0;

/// A lane: a department (index), or the touchpoints nobody owns.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Lane {
    NoOwner,
    Department(usize),
}

pub fn scene(input: &DiagramInput) -> Scene {
    let ws = input.workspace;
    let j = input.journey;
    let l = layout::layer(j);
    let ncols = l.columns.len();

    let lane_of = |t: usize| match j.touchpoints[t].lead_owner() {
        Some(d) => Lane::Department(d),
        None => Lane::NoOwner,
    };
    let mut front: Vec<Lane> = Vec::new();
    let mut back: Vec<Lane> = Vec::new();
    let mut no_owner = false;
    for t in 0..j.touchpoints.len() {
        match lane_of(t) {
            Lane::NoOwner => no_owner = true,
            lane @ Lane::Department(d) => {
                let group = if ws.departments[d].customer_facing {
                    &mut front
                } else {
                    &mut back
                };
                if !group.contains(&lane) {
                    group.push(lane);
                }
            }
        }
    }
    front.sort();
    back.sort();
    let mut lanes = Vec::new();
    if no_owner {
        lanes.push(Lane::NoOwner);
    }
    lanes.extend(&front);
    let visibility_after = lanes.len(); // the line sits above lane number `visibility_after`
    lanes.extend(&back);

    // Cells: lane × column → touchpoints in layered order.
    let mut cells: BTreeMap<(Lane, usize), Vec<usize>> = BTreeMap::new();
    for col in &l.columns {
        for slot in col {
            if let layout::Slot::Touchpoint(t) = slot {
                cells
                    .entry((lane_of(*t), l.column[*t]))
                    .or_default()
                    .push(*t);
            }
        }
    }
    let mut texts: Vec<_> = (0..j.touchpoints.len())
        .map(|t| Some(card_text(input, t, false)))
        .collect();
    let heights: Vec<f32> = texts
        .iter()
        .map(|t| t.as_ref().map_or(44.0, |t| t.height))
        .collect();

    let cols = Columns::new(&l, MARGIN + LANE_LABEL_W + 20.0, COLUMN_GAP);
    let col_x = &cols.x;
    let labels = &cols.labels;
    let gap = &cols.gap;
    // Room after the last column for loops that leave it to the right.
    let content_right = cols.right + COLUMN_GAP / 2.0 + 16.0;
    let width = (content_right + MARGIN).max(640.0);
    let handoffs = l
        .edges
        .iter()
        .filter(|e| lane_of(e.from) != lane_of(e.to))
        .count();
    let mut sub = format!(
        "{} touchpoints · {} departments · {} hand-off{} between departments",
        j.touchpoints.len(),
        lanes
            .iter()
            .filter(|l| matches!(l, Lane::Department(_)))
            .count(),
        handoffs,
        if handoffs == 1 { "" } else { "s" }
    );
    if let Some(p) = &j.persona {
        sub = format!("Persona: {p} · {sub}");
    }
    let title = TitleBlock::new(&format!("{} — service blueprint", j.name), &sub, width);
    let header = title.bottom();

    // Lanes top to bottom.
    let stage_heads: Vec<(usize, usize, Vec<String>)> = if j.stages.is_empty() {
        Vec::new()
    } else {
        l.stage_groups()
            .into_iter()
            .map(|(stage, start, end)| {
                let room = col_x[end - 1] + CARD_W + 20.0 - col_x[start] - 16.0;
                let name = stage.map_or("", |s| j.stages[s].as_str());
                (start, end, text::wrap(name, 12.0, true, room))
            })
            .collect()
    };
    let stage_lines = stage_heads
        .iter()
        .map(|h| h.2.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let stage_header = STAGE_HEADER + (stage_lines - 1) as f32 * 15.0;
    let lanes_top = header + CURVE_H + stage_header;
    let lane_labels: Vec<Vec<String>> = lanes
        .iter()
        .map(|lane| match lane {
            Lane::NoOwner => vec!["No owner".to_owned()],
            Lane::Department(d) => {
                text::wrap(&ws.departments[*d].name, 13.0, true, LANE_LABEL_W - 24.0)
            }
        })
        .collect();
    let mut lane_y = Vec::with_capacity(lanes.len());
    let mut lane_h = Vec::with_capacity(lanes.len());
    let mut y = lanes_top;
    for (i, lane) in lanes.iter().enumerate() {
        let tallest = (0..ncols)
            .map(|c| {
                cells.get(&(*lane, c)).map_or(0.0, |ts| {
                    ts.iter().map(|&t| heights[t]).sum::<f32>()
                        + CARD_GAP * (ts.len().saturating_sub(1)) as f32
                })
            })
            .fold(0.0, f32::max);
        let label_h = lane_labels[i].len() as f32 * 16.0 + 20.0;
        let h = (tallest + LANE_PAD + CHANNEL_ROOM)
            .max(label_h + 2.0 * LANE_PAD)
            .max(72.0);
        if i == visibility_after && i > 0 {
            y += 22.0; // room for the line of visibility
        }
        lane_y.push(y);
        lane_h.push(h);
        y += h;
    }
    if visibility_after == lanes.len() {
        y += 22.0;
    }
    let lanes_bottom = y;
    let mut card_rect: Vec<Rect> = vec![Rect::new(0.0, 0.0, 0.0, 0.0); j.touchpoints.len()];
    for (i, lane) in lanes.iter().enumerate() {
        for (c, &x) in col_x.iter().enumerate() {
            if let Some(ts) = cells.get(&(*lane, c)) {
                let mut cy = lane_y[i] + LANE_PAD;
                for &t in ts {
                    card_rect[t] = Rect::new(x, cy, CARD_W, heights[t]);
                    cy += heights[t] + CARD_GAP;
                }
            }
        }
    }
    let loops = l.edges.iter().filter(|e| e.backward).count();
    let body_bottom = lanes_bottom + 12.0;

    let mut canvas = Canvas::default();

    // Lane backgrounds and labels.
    for (i, lane) in lanes.iter().enumerate() {
        let rect = Rect::new(MARGIN, lane_y[i], width - 2.0 * MARGIN, lane_h[i]);
        let (fill, stroke, accent) = match lane {
            Lane::NoOwner => (ALERT_FILL, ALERT, ALERT),
            Lane::Department(d) => {
                let (strong, _) = department_color(*d);
                (if i % 2 == 0 { BAND } else { "#ffffff" }, "#d0d7de", strong)
            }
        };
        canvas.rect(
            rect,
            0.0,
            fill,
            Some(stroke),
            0.8,
            matches!(lane, Lane::NoOwner),
            Role::Decoration,
        );
        canvas.rect(
            Rect::new(MARGIN, lane_y[i], 6.0, lane_h[i]),
            0.0,
            accent,
            None,
            0.0,
            false,
            Role::Decoration,
        );
        let color = if matches!(lane, Lane::NoOwner) {
            ALERT
        } else {
            INK
        };
        let n = lane_labels[i].len() as f32;
        canvas.lines(
            MARGIN + 16.0,
            lane_y[i] + LANE_PAD + 13.0,
            lane_labels[i].clone(),
            13.0,
            true,
            color,
            Anchor::Start,
            LANE_LABEL_W - 24.0,
        );
        let kind = match lane {
            Lane::NoOwner => "nobody accountable",
            Lane::Department(d) if ws.departments[*d].customer_facing => "customer-facing",
            Lane::Department(_) => "backstage team",
        };
        canvas.label(
            MARGIN + 16.0,
            lane_y[i] + LANE_PAD + 13.0 + n * 16.0 + 2.0,
            kind,
            11.0,
            false,
            MUTED,
            Anchor::Start,
        );
    }

    // Line of visibility.
    let line_y = if visibility_after < lanes.len() {
        lane_y[visibility_after] - 11.0
    } else {
        lanes_bottom - 11.0
    };
    canvas.path(
        format!(
            "M{},{} L{},{}",
            num(MARGIN),
            num(line_y),
            num(width - MARGIN),
            num(line_y)
        ),
        INK,
        1.5,
        true,
        false,
    );
    let caption = "LINE OF VISIBILITY — customers see the lanes above, not the ones below";
    let cw = text::width(caption, 10.0, true);
    canvas.rect(
        Rect::new(MARGIN + 10.0, line_y - 8.0, cw + 12.0, 16.0),
        3.0,
        "#ffffff",
        None,
        0.0,
        false,
        Role::Decoration,
    );
    canvas.label(
        MARGIN + 16.0,
        line_y + 3.5,
        caption,
        10.0,
        true,
        INK,
        Anchor::Start,
    );

    // Stage headers (a journey without stages has none).
    for (start, end, lines) in stage_heads {
        let x0 = col_x[start] - 10.0;
        let x1 = col_x[end - 1] + CARD_W + 10.0;
        canvas.rect(
            Rect::new(
                x0,
                lanes_top - stage_header + 4.0,
                x1 - x0,
                stage_header - 10.0,
            ),
            4.0,
            "#e6eaef",
            None,
            0.0,
            false,
            Role::Decoration,
        );
        canvas.lines(
            x0 + 8.0,
            lanes_top - stage_header + 21.0,
            lines,
            12.0,
            true,
            INK,
            Anchor::Start,
            x1 - x0 - 16.0,
        );
    }

    // Connectors.
    let lane_index: BTreeMap<Lane, usize> =
        lanes.iter().enumerate().map(|(i, l)| (*l, i)).collect();
    let mut channel_use: BTreeMap<usize, usize> = BTreeMap::new();
    let mut handoffs = 0;
    for (ei, e) in l.edges.iter().enumerate() {
        let from = card_rect[e.from];
        let to = card_rect[e.to];
        let handoff = lane_of(e.from) != lane_of(e.to);
        if handoff {
            handoffs += 1;
        }
        let color = if handoff { HANDOFF } else { LINE };
        let width = if handoff { 2.2 } else { 1.5 };
        if e.from == e.to {
            let (d, _) = self_loop(from);
            canvas.path(d, color, width, false, true);
        } else if e.backward || l.column[e.to] > l.column[e.from] + 1 {
            // Long steps and loops run along the free bottom of the source lane and through
            // the gaps between columns, so they never cross a card.
            let lane = lane_index[&lane_of(e.from)];
            let k = channel_use.entry(lane).or_insert(0usize);
            let channel = lane_y[lane] + lane_h[lane] - 7.0 - (*k % 4) as f32 * 5.0;
            *k += 1;
            let gaps = cols.gap_lines(l.column[e.from], l.column[e.to], e.backward);
            let stroke = (color, width, e.backward);
            connector_around(
                &mut canvas,
                from,
                to,
                gaps,
                channel,
                stroke,
                labels[ei].as_ref(),
            );
        } else {
            let points = [(from.right(), from.center_y()), (to.x, to.center_y())];
            canvas.path(curve_through(&points), color, width, false, true);
            if let Some(lines) = &labels[ei] {
                let lx = from.right() + gap[l.column[e.from]] / 2.0;
                let ly = f32::midpoint(from.center_y(), to.center_y());
                edge_label(&mut canvas, lx, ly, lines.clone());
            }
        }
    }

    for (t, text) in texts.iter_mut().enumerate() {
        let text = text.take().expect("each card drawn once");
        draw_card(&mut canvas, input, t, card_rect[t], text);
    }

    let panel = Rect::new(MARGIN, header, width - 2.0 * MARGIN, CURVE_H - 12.0);
    emotion::draw(
        &mut canvas,
        input,
        &card_rect,
        panel,
        MARGIN + LANE_LABEL_W + 20.0,
    );

    title.draw(&mut canvas);

    let mut entries = mark_legend(input);
    entries.push(LegendEntry {
        swatch: Swatch::Line(HANDOFF, false),
        label: "hand-off to another department".into(),
    });
    entries.push(LegendEntry {
        swatch: Swatch::Line(LINE, false),
        label: "next step, same department".into(),
    });
    if loops > 0 {
        entries.push(LegendEntry {
            swatch: Swatch::Line(LINE, true),
            label: "loop back".into(),
        });
    }
    let legend_h = draw_legend(
        &mut canvas,
        MARGIN,
        body_bottom + 16.0,
        width - 2.0 * MARGIN,
        &entries,
    );
    let height = body_bottom + 16.0 + legend_h + MARGIN;

    Scene {
        width,
        height,
        id_prefix: super::svg::id_prefix(&j.id, "blueprint"),
        title: format!("Service blueprint: {}", j.name),
        description: format!(
            "{} {} hand-offs between departments.",
            super::map::describe(input),
            handoffs
        ),
        items: canvas.items,
        cuts: cuts(&l, &cols),
    }
}

/// Where the blueprint may be cut into pages: in the middle of each gap between columns, the
/// gaps between stages preferred; every page repeats the lane names.
fn cuts(l: &layout::Layered, cols: &Columns) -> super::scene::Cuts {
    let at = (1..cols.x.len())
        .map(|c| {
            let x = cols.x[c] - cols.gap[c - 1] / 2.0;
            (x, l.column_stage[c] != l.column_stage[c - 1])
        })
        .collect();
    super::scene::Cuts {
        gutter: MARGIN + LANE_LABEL_W + 8.0,
        at,
    }
}
