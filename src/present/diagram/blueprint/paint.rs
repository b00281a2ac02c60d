//! The blueprint's ground: stage headers, the rows of physical evidence and of the customer,
//! the lanes with their names and colours, the three lines with their captions, and the
//! chips of evidence and support work.

use super::lanes::Lanes;
use super::plan::{CHIP_SIZE, Chip, LANE_LABEL_W, LANE_PAD, MARGIN, Plan};
use crate::present::diagram::DiagramInput;
use crate::present::diagram::card::CARD_W;
use crate::present::diagram::emotion;
use crate::present::diagram::labels::Obstacles;
use crate::present::diagram::palette::{
    ALERT, ALERT_FILL, BAND, INK, MUTED, RULE, department_color,
};
use crate::present::diagram::scene::{Anchor, BoxId, Canvas, Rect, Role, text_box};
use crate::present::diagram::text;

const NAME_SIZE: f32 = 14.0;
const KIND_SIZE: f32 = 12.0;
const CAPTION_SIZE: f32 = 10.0;

/// A name and a muted line under it in the gutter, marked taken.
fn gutter_label(
    canvas: &mut Canvas,
    taken: &mut Obstacles,
    y: f32,
    name: &str,
    kind: &str,
    (color, room): (&'static str, f32),
) {
    let x = MARGIN + 16.0;
    let lines = text::wrap(name, NAME_SIZE, true, room);
    let n = lines.len() as f32;
    taken.add(text_box(
        x,
        y,
        &lines,
        NAME_SIZE,
        true,
        Anchor::Start,
        NAME_SIZE * 1.25,
    ));
    canvas.lines(x, y, lines, NAME_SIZE, true, color, Anchor::Start, room);
    let kind_lines = text::wrap(kind, KIND_SIZE, false, room);
    let ky = y + n * NAME_SIZE * 1.25 + 2.0;
    taken.add(text_box(
        x,
        ky,
        &kind_lines,
        KIND_SIZE,
        false,
        Anchor::Start,
        KIND_SIZE * 1.25,
    ));
    canvas.lines(
        x,
        ky,
        kind_lines,
        KIND_SIZE,
        false,
        MUTED,
        Anchor::Start,
        room,
    );
}

/// Stage headers, rows, lanes and lines.
pub fn ground(
    canvas: &mut Canvas,
    taken: &mut Obstacles,
    input: &DiagramInput,
    lanes: &Lanes,
    plan: &Plan,
) {
    let width = plan.width;
    let x = &plan.cols.x;
    for (start, end, lines) in &plan.stage_heads {
        let x0 = x[*start] - 10.0;
        let x1 = x[end - 1] + CARD_W + 10.0;
        let band = Rect::new(x0, plan.top + 4.0, x1 - x0, plan.head - plan.top - 10.0);
        canvas.rect(band, 4.0, "#e6eaef", None, 0.0, false, Role::Decoration);
        taken.add(band);
        canvas.lines(
            x0 + 8.0,
            plan.top + 22.0,
            lines.clone(),
            14.0,
            true,
            INK,
            Anchor::Start,
            x1 - x0 - 16.0,
        );
    }

    if let Some((y0, y1)) = plan.evidence_row {
        let row = Rect::new(MARGIN, y0, width - 2.0 * MARGIN, y1 - y0);
        canvas.rect(
            row,
            6.0,
            "#fbfaf5",
            Some(RULE),
            0.8,
            false,
            Role::Decoration,
        );
        gutter_label(
            canvas,
            taken,
            y0 + LANE_PAD + 12.0,
            "Physical evidence",
            "what the customer sees or keeps",
            (INK, LANE_LABEL_W - 24.0),
        );
    }
    let (c0, c1) = plan.customer_row;
    gutter_label(
        canvas,
        taken,
        c0 + LANE_PAD + 14.0,
        "Customer",
        "how they feel, step by step",
        (INK, 96.0),
    );
    let panel = Rect::new(
        MARGIN + LANE_LABEL_W - 40.0,
        c0 + 4.0,
        width - MARGIN - (MARGIN + LANE_LABEL_W - 40.0),
        c1 - c0 - 10.0,
    );
    taken.add(panel);
    emotion::draw(canvas, input, &plan.cards, panel, plan.left());

    for (i, lane) in lanes.lanes.iter().enumerate() {
        let (y, h) = (plan.lane_y[i], plan.lane_h[i]);
        let rect = Rect::new(MARGIN, y, width - 2.0 * MARGIN, h);
        let (fill, stroke, accent, dashed) = match lane.dept {
            None => (ALERT_FILL, ALERT, ALERT, true),
            Some(d) => {
                let fill = if i % 2 == 0 { BAND } else { "#ffffff" };
                (fill, RULE, department_color(d).0, false)
            }
        };
        canvas.rect(rect, 0.0, fill, Some(stroke), 0.8, dashed, Role::Decoration);
        canvas.rect(
            Rect::new(MARGIN, y, 6.0, h),
            0.0,
            accent,
            None,
            0.0,
            false,
            Role::Decoration,
        );
        let (name, kind) = lanes.describe(input, i);
        let color = if lane.dept.is_none() { ALERT } else { INK };
        gutter_label(
            canvas,
            taken,
            y + LANE_PAD + 14.0,
            &name,
            &kind,
            (color, LANE_LABEL_W - 24.0),
        );
    }

    for &(line, y) in &plan.lines {
        canvas.path(
            format!("M{MARGIN},{y:.1} L{:.1},{y:.1}", width - MARGIN),
            INK,
            1.5,
            true,
            false,
        );
        let caption = line.caption();
        let w = text::width(caption, CAPTION_SIZE, true);
        let bx = Rect::new(MARGIN + 6.0, y - 8.0, w + 12.0, 16.0);
        canvas.rect(bx, 3.0, "#ffffff", None, 0.0, false, Role::Decoration);
        taken.add(bx);
        canvas.label(
            MARGIN + 12.0,
            y + 3.5,
            caption,
            CAPTION_SIZE,
            true,
            INK,
            Anchor::Start,
        );
    }
}

/// Draws a chip as box `id`.
pub fn chip(canvas: &mut Canvas, chip: &Chip, id: BoxId) {
    let (fill, stroke, dashed) = match chip.dept {
        Some(d) => {
            let (strong, light) = department_color(d);
            (light, strong, true)
        }
        None => ("#ffffff", "#b8a96a", false),
    };
    canvas.rect(
        chip.rect,
        4.0,
        fill,
        Some(stroke),
        1.0,
        dashed,
        Role::Card(id),
    );
    let x = chip.rect.x + 10.0;
    let mut y = chip.rect.y + 8.0 + CHIP_SIZE * 0.95;
    let room = CARD_W - 20.0;
    if !chip.head.is_empty() {
        let n = chip.head.len() as f32;
        canvas.push_text(
            x,
            y,
            chip.head.clone(),
            CHIP_SIZE,
            false,
            MUTED,
            Anchor::Start,
            room,
            Some(id),
        );
        y += n * CHIP_SIZE * 1.25;
    }
    canvas.push_text(
        x,
        y,
        chip.body.clone(),
        CHIP_SIZE,
        chip.dept.is_some(),
        INK,
        Anchor::Start,
        room,
        Some(id),
    );
}
