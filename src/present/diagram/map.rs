//! The journey map: stages as columns left to right, touchpoints as cards coloured by their
//! owning department, `next` steps as connectors (loops drawn as arcs below), edge labels,
//! and a legend.

use super::DiagramInput;
use super::card::{CARD_W, card_text, draw_card};
use super::columns::Columns;
use super::connectors::{connector_around, curve_through, edge_label, self_loop};
use super::layout::{self, Slot};
use super::legend::{LegendEntry, Swatch, department_legend, draw_legend, mark_legend};
use super::palette::{BAND, HANDOFF, INK, LINE, MUTED};
use super::scene::{Anchor, Canvas, Rect, Role, Scene};
use super::text;
use super::title::TitleBlock;

const MARGIN: f32 = 32.0;
const STAGE_HEADER: f32 = 34.0;
const ROW_GAP: f32 = 26.0;
const COLUMN_GAP: f32 = 64.0;
const DUMMY_H: f32 = 12.0;

pub fn scene(input: &DiagramInput) -> Scene {
    let j = input.journey;
    let l = layout::layer(j);
    let mut texts: Vec<_> = (0..j.touchpoints.len())
        .map(|t| Some(card_text(input, t, true)))
        .collect();

    let cols = Columns::new(&l, MARGIN, COLUMN_GAP);
    let col_x = &cols.x;
    let labels = &cols.labels;
    // Room after the last column for loops that leave it to the right.
    let content_right = cols.right + COLUMN_GAP / 2.0 + 16.0;
    let width = (content_right + MARGIN).max(560.0);
    let mut sub = format!("{} touchpoints", j.touchpoints.len());
    if let Some(p) = &j.persona {
        sub = format!("Persona: {p} · {sub}");
    }
    let title = TitleBlock::new(&format!("{} — journey map", j.name), &sub, width);
    let header = title.bottom();

    // Vertical placement: each slot as close to its predecessors' centre as order allows.
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
    let top = header + STAGE_HEADER + (stage_lines - 1) as f32 * 17.5 + 16.0;
    let mut slot_rect: std::collections::HashMap<Slot, Rect> = std::collections::HashMap::new();
    let mut incoming: std::collections::HashMap<Slot, Vec<Slot>> = std::collections::HashMap::new();
    for (ei, e) in l.edges.iter().enumerate() {
        if e.backward {
            continue;
        }
        for pair in l.chain(ei).windows(2) {
            incoming.entry(pair[1]).or_default().push(pair[0]);
        }
    }
    let mut bottom = top;
    for (column, &cx) in l.columns.iter().zip(col_x) {
        let mut y = top;
        for slot in column {
            let (w, h) = match slot {
                Slot::Touchpoint(t) => (CARD_W, texts[*t].as_ref().map_or(44.0, |x| x.height)),
                Slot::Dummy(..) => (CARD_W, DUMMY_H),
            };
            let desired = incoming.get(slot).map_or(y, |ps| {
                let centers: Vec<f32> = ps
                    .iter()
                    .filter_map(|p| slot_rect.get(p))
                    .map(Rect::center_y)
                    .collect();
                if centers.is_empty() {
                    y
                } else {
                    centers.iter().sum::<f32>() / centers.len() as f32 - h / 2.0
                }
            });
            let ry = desired.max(y);
            slot_rect.insert(*slot, Rect::new(cx, ry, w, h));
            y = ry + h + ROW_GAP;
            bottom = bottom.max(ry + h);
        }
    }

    let mut canvas = Canvas::default();
    let loops = l.edges.iter().filter(|e| e.backward).count();
    let loop_room = if loops > 0 {
        24.0 + (loops.min(6) as f32) * 8.0
    } else {
        0.0
    };
    let body_bottom = bottom + 16.0 + loop_room;

    // Stage bands and headers.
    for (band, (_, start, end, lines)) in stage_heads.into_iter().enumerate() {
        let x0 = col_x[start] - 16.0;
        let x1 = col_x[end - 1] + CARD_W + 16.0;
        if band % 2 == 0 {
            canvas.rect(
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
            canvas.lines(
                x0 + 12.0,
                header + 22.0,
                lines,
                14.0,
                true,
                INK,
                Anchor::Start,
                x1 - x0 - 16.0,
            );
        }
    }
    if j.stages.is_empty() {
        canvas.label(
            MARGIN,
            header + 22.0,
            "Steps in order (no stages given)",
            12.0,
            false,
            MUTED,
            Anchor::Start,
        );
    }

    // Edges first, so cards sit on top.
    let mut loop_index = 0usize;
    for (ei, e) in l.edges.iter().enumerate() {
        let from = slot_rect[&Slot::Touchpoint(e.from)];
        let to = slot_rect[&Slot::Touchpoint(e.to)];
        let handoff = j.touchpoints[e.from].lead_owner() != j.touchpoints[e.to].lead_owner();
        let color = if handoff { HANDOFF } else { LINE };
        if e.from == e.to {
            let (d, at) = self_loop(from);
            canvas.path(d, color, 1.5, false, true);
            if let Some(lines) = &labels[ei] {
                edge_label(&mut canvas, at.0, at.1, lines.clone());
            }
        } else if e.backward {
            // Loops run below every card and come back up through the gaps between columns.
            let channel = bottom + 18.0 + (loop_index % 6) as f32 * 8.0;
            loop_index += 1;
            let gaps = cols.gap_lines(l.column[e.from], l.column[e.to], true);
            let stroke = (color, 1.5, true);
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
            let mut points = vec![(from.right(), from.center_y())];
            for k in 1..=l.dummies[ei].len() {
                let r = slot_rect[&Slot::Dummy(ei, k)];
                points.push((r.x, r.center_y()));
                points.push((r.right(), r.center_y()));
            }
            points.push((to.x, to.center_y()));
            canvas.path(
                curve_through(&points),
                color,
                if handoff { 2.0 } else { 1.5 },
                false,
                true,
            );
            if let Some(lines) = &labels[ei] {
                let lx = f32::midpoint(points[0].0, points[1].0);
                let ly = f32::midpoint(points[0].1, points[1].1);
                edge_label(&mut canvas, lx, ly, lines.clone());
            }
        }
    }

    for (t, text) in texts.iter_mut().enumerate() {
        let rect = slot_rect[&Slot::Touchpoint(t)];
        let text = text.take().expect("each card drawn once");
        draw_card(&mut canvas, input, t, rect, text);
    }

    title.draw(&mut canvas);

    // Legend.
    let mut entries = department_legend(input);
    entries.extend(mark_legend(input));
    entries.push(LegendEntry {
        swatch: Swatch::Line(HANDOFF, false),
        label: "hand-off between departments".into(),
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
        body_bottom + 20.0,
        width - 2.0 * MARGIN,
        &entries,
    );
    let height = body_bottom + 20.0 + legend_h + MARGIN;

    Scene {
        width,
        height,
        id_prefix: super::svg::id_prefix(&j.id, "map"),
        title: format!("Journey map: {}", j.name),
        description: describe(input),
        items: canvas.items,
        cuts: super::scene::Cuts::default(),
    }
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
