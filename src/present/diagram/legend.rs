//! The legend under a diagram: swatches for departments, card marks and connector kinds.

use super::palette::{ALERT, ALERT_FILL, BACKSTAGE_FILL, INK, LINE, department_color};
use super::scene::{Anchor, Canvas, Color, Rect, Role};
use super::{DiagramInput, text};

/// The legend's entries, drawn in a row from `(x, y)`; returns the height used.
pub fn draw_legend(
    canvas: &mut Canvas,
    x: f32,
    y: f32,
    max_width: f32,
    entries: &[LegendEntry],
) -> f32 {
    canvas.label(x, y + 12.0, "Legend", 12.0, true, INK, Anchor::Start);
    let mut cx = x;
    let mut cy = y + 24.0;
    for e in entries {
        let w = 30.0 + text::width(&e.label, 11.0, false) + 18.0;
        if cx + w > x + max_width && cx > x {
            cx = x;
            cy += 24.0;
        }
        match e.swatch {
            Swatch::Fill(strong, light) => {
                canvas.rect(
                    Rect::new(cx, cy, 22.0, 14.0),
                    3.0,
                    light,
                    Some(strong),
                    1.2,
                    false,
                    Role::Decoration,
                );
                canvas.rect(
                    Rect::new(cx + 1.0, cy + 1.0, 4.0, 12.0),
                    1.0,
                    strong,
                    None,
                    0.0,
                    false,
                    Role::Decoration,
                );
            }
            Swatch::Dashed(stroke, fill) => {
                canvas.rect(
                    Rect::new(cx, cy, 22.0, 14.0),
                    3.0,
                    fill,
                    Some(stroke),
                    1.5,
                    true,
                    Role::Decoration,
                );
            }
            Swatch::Badge(color, ref text) => {
                canvas.circle(cx + 11.0, cy + 7.0, 8.0, color, None);
                canvas.label(
                    cx + 11.0,
                    cy + 10.5,
                    text.clone(),
                    9.0,
                    true,
                    "#ffffff",
                    Anchor::Middle,
                );
            }
            Swatch::Line(color, dashed) => {
                canvas.path(
                    format!("M{},{} L{},{}", cx, cy + 7.0, cx + 22.0, cy + 7.0),
                    color,
                    2.0,
                    dashed,
                    true,
                );
            }
        }
        canvas.label(
            cx + 28.0,
            cy + 11.0,
            e.label.clone(),
            11.0,
            false,
            INK,
            Anchor::Start,
        );
        cx += w;
    }
    cy + 20.0 - y
}

pub enum Swatch {
    Fill(Color, Color),
    Dashed(Color, Color),
    Badge(Color, String),
    Line(Color, bool),
}

pub struct LegendEntry {
    pub swatch: Swatch,
    pub label: String,
}

/// Legend entries for the departments owning touchpoints in this journey, in workspace order.
pub fn department_legend(input: &DiagramInput) -> Vec<LegendEntry> {
    let mut depts: Vec<usize> = input
        .journey
        .touchpoints
        .iter()
        .filter_map(|t| t.owners.first().copied())
        .collect();
    depts.sort_unstable();
    depts.dedup();
    depts
        .into_iter()
        .map(|d| {
            let (strong, light) = department_color(d);
            LegendEntry {
                swatch: Swatch::Fill(strong, light),
                label: input.workspace.departments[d].name.clone(),
            }
        })
        .collect()
}

/// Legend entries for the marks on cards.
pub fn mark_legend(input: &DiagramInput) -> Vec<LegendEntry> {
    let j = input.journey;
    let mut out = Vec::new();
    if j.touchpoints.iter().any(|t| t.backstage) {
        out.push(LegendEntry {
            swatch: Swatch::Dashed(LINE, BACKSTAGE_FILL),
            label: "backstage (the customer does not see it)".into(),
        });
    }
    if (0..j.touchpoints.len()).any(|t| input.unowned(t)) {
        out.push(LegendEntry {
            swatch: Swatch::Dashed(ALERT, ALERT_FILL),
            label: "no owner".into(),
        });
    }
    if j.touchpoints.iter().any(|t| t.purchase) {
        out.push(LegendEntry {
            swatch: Swatch::Badge(INK, "$".into()),
            label: "purchase".into(),
        });
    }
    if j.touchpoints.iter().any(|t| t.score.is_some()) {
        out.push(LegendEntry {
            swatch: Swatch::Badge(ALERT, "-2".into()),
            label: "customer feeling, -2 (bad) to +2 (good)".into(),
        });
    }
    out
}
