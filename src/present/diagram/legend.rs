//! The legend under a diagram: swatches for departments, card marks, connector kinds and the
//! blueprint's lines, each with what it means. Entries are data, so a slide can lay the same
//! legend out at its own width.

use super::palette::{ALERT, ALERT_FILL, BACKSTAGE_FILL, INK, LINE, department_color};
use super::scene::{Anchor, Canvas, Color, Dash, Rect, Role};
use super::{DiagramInput, text};

pub const LEGEND_SIZE: f32 = 12.0;
const ROW: f32 = 24.0;

/// The height [`draw_legend`] takes for `entries` in `max_width`.
pub fn legend_height(max_width: f32, entries: &[LegendEntry]) -> f32 {
    let mut cx = 0.0;
    let mut rows = 1;
    for e in entries {
        let w = entry_width(e);
        if cx + w > max_width && cx > 0.0 {
            cx = 0.0;
            rows += 1;
        }
        cx += w;
    }
    24.0 + rows as f32 * ROW - 4.0
}

fn entry_width(e: &LegendEntry) -> f32 {
    30.0 + text::width(&e.label, LEGEND_SIZE, false) + 20.0
}

/// The legend's entries, drawn in rows from `(x, y)`; returns the height used.
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
        let w = entry_width(e);
        if cx + w > x + max_width && cx > x {
            cx = x;
            cy += ROW;
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
            Swatch::Line(color, dash, width) => {
                canvas.items.push(super::scene::Item::Path {
                    d: format!("M{},{} L{},{}", cx, cy + 7.0, cx + 22.0, cy + 7.0),
                    stroke: color,
                    width,
                    dash,
                    arrow: true,
                    fill: None,
                    links: None,
                });
            }
            Swatch::Rule(color) => {
                canvas.path(
                    format!("M{},{} L{},{}", cx, cy + 7.0, cx + 22.0, cy + 7.0),
                    color,
                    1.5,
                    true,
                    false,
                );
            }
        }
        canvas.label(
            cx + 28.0,
            cy + 11.5,
            e.label.clone(),
            LEGEND_SIZE,
            false,
            INK,
            Anchor::Start,
        );
        cx += w;
    }
    cy + 20.0 - y
}

#[derive(Debug, Clone, PartialEq)]
pub enum Swatch {
    Fill(Color, Color),
    Dashed(Color, Color),
    Badge(Color, String),
    /// A connector: colour, dash, width.
    Line(Color, Dash, f32),
    /// One of the blueprint's lines (interaction, visibility, internal interaction).
    Rule(Color),
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub swatch: Swatch,
    pub label: String,
}

impl LegendEntry {
    pub fn new(swatch: Swatch, label: impl Into<String>) -> LegendEntry {
        LegendEntry {
            swatch,
            label: label.into(),
        }
    }
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
            let dept = &input.workspace.departments[d];
            let label = if dept.external {
                format!("{} (partner)", dept.name)
            } else {
                dept.name.clone()
            };
            LegendEntry::new(Swatch::Fill(strong, light), label)
        })
        .collect()
}

/// Legend entries for the marks on cards.
pub fn mark_legend(input: &DiagramInput) -> Vec<LegendEntry> {
    let j = input.journey;
    let mut out = Vec::new();
    if j.touchpoints.iter().any(|t| t.backstage) {
        out.push(LegendEntry::new(
            Swatch::Dashed(LINE, BACKSTAGE_FILL),
            "backstage step (the customer does not see it)",
        ));
    }
    if (0..j.touchpoints.len()).any(|t| input.unowned(t)) {
        out.push(LegendEntry::new(
            Swatch::Dashed(ALERT, ALERT_FILL),
            "no owner",
        ));
    }
    if j.touchpoints.iter().any(|t| t.purchase) {
        out.push(LegendEntry::new(Swatch::Badge(INK, "$".into()), "purchase"));
    }
    if j.touchpoints.iter().any(|t| t.score.is_some()) {
        out.push(LegendEntry::new(
            Swatch::Badge(ALERT, "-2".into()),
            "customer feeling, -2 (bad) to +2 (good)",
        ));
    }
    out
}

/// Legend entries for the kinds of step a view drew: plain, accented, looping back, onto
/// itself. `kinds` says which were drawn: (plain, accent, loop back, self-loop).
pub fn step_legend(kinds: (bool, bool, bool, bool)) -> Vec<LegendEntry> {
    use super::palette::ACCENT;
    let (plain, accent, back, selfloop) = kinds;
    let mut out = Vec::new();
    if plain {
        out.push(LegendEntry::new(
            Swatch::Line(LINE, Dash::Solid, 1.5),
            "next step",
        ));
    }
    if accent {
        out.push(LegendEntry::new(
            Swatch::Line(ACCENT, Dash::Solid, 2.2),
            "hand-off across the line of visibility or into a pain point",
        ));
    }
    if back || selfloop {
        out.push(LegendEntry::new(
            Swatch::Line(LINE, Dash::Dashed, 1.5),
            if selfloop && !back {
                "step repeated (loop onto itself)"
            } else {
                "loop back (to an earlier or the same step)"
            },
        ));
    }
    out
}
