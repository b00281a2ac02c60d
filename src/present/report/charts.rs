//! Small inline-SVG charts for the report, drawn with the diagram toolkit (`Scene`), so they
//! share its fixed font metrics, escaping and deterministic output.

use super::column_name;
use crate::analyse::figures::{Figures, JourneyFigures};
use crate::model::{Journey, Tone, Workspace};
use crate::present::diagram::palette::{ALERT, INK, MUTED, department_color, tone_color};
use crate::present::diagram::scene::{Anchor, Canvas, Rect, Role, Scene, num};
use crate::present::diagram::{svg, text};

const FONT: f32 = 12.0;

/// Owned (customer-facing and backstage) and supported touchpoints per department.
pub fn ownership_bars(ws: &Workspace, figures: &Figures) -> String {
    let names: Vec<&str> = ws.departments.iter().map(|d| d.name.as_str()).collect();
    let label_w = label_width(&names);
    let bar_w = 460.0;
    let row = 26.0;
    let top = 34.0;
    let max = figures
        .scorecards
        .iter()
        .map(|s| s.owned + s.supported)
        .max()
        .unwrap_or(0)
        .max(1) as f32;
    let mut c = Canvas::default();
    let legend = [
        ("owned, customer sees it", 0usize),
        ("owned, backstage", 1),
        ("supported", 2),
    ];
    let mut lx = label_w;
    for (label, kind) in legend {
        swatch(&mut c, lx, 8.0, kind, department_color(0));
        c.label(lx + 18.0, 19.0, label, 11.0, false, MUTED, Anchor::Start);
        lx += 26.0 + text::width(label, 11.0, false) + 14.0;
    }
    for (i, (s, dept)) in figures.scorecards.iter().zip(&ws.departments).enumerate() {
        let y = top + i as f32 * row;
        c.label(
            label_w - 10.0,
            y + 17.0,
            dept.name.clone(),
            FONT,
            false,
            INK,
            Anchor::End,
        );
        let colors = department_color(i);
        let unit = bar_w / max;
        let mut x = label_w;
        for (kind, n) in [
            (0, s.owned_customer_facing),
            (1, s.owned - s.owned_customer_facing),
            (2, s.supported),
        ] {
            if n == 0 {
                continue;
            }
            let w = n as f32 * unit;
            bar(&mut c, Rect::new(x, y + 4.0, w, row - 8.0), kind, colors);
            x += w;
        }
        let total = s.owned + s.supported;
        let label = match (total, s.journeys.len()) {
            (0, 0) => "not involved in any journey".to_owned(),
            (0, n) => format!(
                "owns {n} journey{} end to end, no touchpoint",
                if n == 1 { "" } else { "s" }
            ),
            _ => format!("{} owned · {} supported", s.owned, s.supported),
        };
        let color = if total == 0 && s.journeys.is_empty() {
            ALERT
        } else {
            MUTED
        };
        c.label(x + 6.0, y + 16.0, label, 11.0, false, color, Anchor::Start);
    }
    let height = top + figures.scorecards.len() as f32 * row + 10.0;
    let width = label_w + bar_w + 170.0;
    svg::write(&Scene {
        width,
        height,
        id_prefix: "cx-report-ownership".to_owned(),
        title: "Touchpoints owned and supported per department".to_owned(),
        description: figures
            .scorecards
            .iter()
            .zip(&ws.departments)
            .map(|(s, d)| format!("{}: {} owned, {} supported", d.name, s.owned, s.supported))
            .collect::<Vec<_>>()
            .join("; "),
        items: c.items,
    })
}

fn swatch(c: &mut Canvas, x: f32, y: f32, kind: usize, colors: (&'static str, &'static str)) {
    bar(c, Rect::new(x, y, 14.0, 14.0), kind, colors);
}

fn bar(c: &mut Canvas, rect: Rect, kind: usize, (strong, light): (&'static str, &'static str)) {
    match kind {
        0 => c.rect(rect, 2.0, strong, None, 0.0, false, Role::Decoration),
        1 => c.rect(rect, 2.0, light, Some(strong), 1.0, false, Role::Decoration),
        _ => c.rect(
            rect,
            2.0,
            "#ffffff",
            Some(strong),
            1.0,
            true,
            Role::Decoration,
        ),
    }
}

/// Touchpoints owned per department and stage, journeys side by side.
pub fn heatmap(ws: &Workspace, figures: &Figures) -> String {
    let hm = &figures.heatmap;
    let names: Vec<&str> = ws.departments.iter().map(|d| d.name.as_str()).collect();
    let label_w = label_width(&names);
    let cell_w = 64.0;
    let cell_h = 26.0;
    let gap = 10.0; // between journeys
    // x of each column, with a gap where the journey changes.
    let mut xs = Vec::with_capacity(hm.columns.len());
    let mut x = label_w;
    for (i, (j, _)) in hm.columns.iter().enumerate() {
        if i > 0 && hm.columns[i - 1].0 != *j {
            x += gap;
        }
        xs.push(x);
        x += cell_w;
    }
    let right = x;
    let stage_lines: Vec<Vec<String>> = hm
        .columns
        .iter()
        .map(|&(j, c)| text::wrap(&column_name(ws, j, c), 10.0, false, cell_w - 6.0))
        .collect();
    let stage_h = stage_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * 12.5;
    let mut c = Canvas::default();
    // Journey names over their columns.
    let mut journey_h: f32 = 14.0;
    let mut i = 0;
    while i < hm.columns.len() {
        let j = &hm.columns[i].0;
        let start = i;
        while i < hm.columns.len() && hm.columns[i].0 == *j {
            i += 1;
        }
        let x0 = xs[start];
        let x1 = xs[i - 1] + cell_w;
        let name = &ws.journeys[*j].name;
        let lines = text::wrap(name, 11.0, true, x1 - x0 - 4.0);
        journey_h = journey_h.max(lines.len() as f32 * 13.75);
        c.lines(
            x0 + 2.0,
            12.0,
            lines,
            11.0,
            true,
            INK,
            Anchor::Start,
            x1 - x0 - 4.0,
        );
    }
    let header = journey_h + 6.0;
    for (lines, x) in stage_lines.into_iter().zip(&xs) {
        c.lines(
            x + cell_w / 2.0,
            header + 10.0,
            lines,
            10.0,
            false,
            MUTED,
            Anchor::Middle,
            cell_w - 6.0,
        );
    }
    let top = header + stage_h + 8.0;
    let max = hm.max.max(1) as f32;
    for (r, (counts, name)) in hm.rows.iter().zip(&names).enumerate() {
        let y = top + r as f32 * cell_h;
        c.label(
            label_w - 10.0,
            y + 17.0,
            (*name).to_owned(),
            FONT,
            false,
            INK,
            Anchor::End,
        );
        for (&n, &x) in counts.iter().zip(&xs) {
            let fill = shade(n as f32 / max);
            c.rect(
                Rect::new(x + 1.0, y + 1.0, cell_w - 2.0, cell_h - 2.0),
                3.0,
                fill,
                None,
                0.0,
                false,
                Role::Decoration,
            );
            if n > 0 {
                let color = if n as f32 / max > 0.55 {
                    "#ffffff"
                } else {
                    INK
                };
                c.label(
                    x + cell_w / 2.0,
                    y + 17.5,
                    n.to_string(),
                    12.0,
                    true,
                    color,
                    Anchor::Middle,
                );
            }
        }
    }
    svg::write(&Scene {
        width: right + 10.0,
        height: top + hm.rows.len() as f32 * cell_h + 8.0,
        id_prefix: "cx-report-heatmap".to_owned(),
        title: "Touchpoints owned per department and stage".to_owned(),
        description: format!(
            "{} departments by {} journey stages",
            hm.rows.len(),
            hm.columns.len()
        ),
        items: c.items,
    })
}

/// Five steps from empty to dark blue.
fn shade(share: f32) -> &'static str {
    match share {
        s if s <= 0.0 => "#f3f5f7",
        s if s <= 0.2 => "#dbe9f6",
        s if s <= 0.4 => "#a9cbe8",
        s if s <= 0.6 => "#6aa3d5",
        s if s <= 0.8 => "#3579b8",
        _ => "#1d4f8a",
    }
}

/// The customer's feelings through one journey, touchpoint by touchpoint.
pub fn emotion(journey: &Journey, jf: &JourneyFigures) -> Option<String> {
    if jf.emotion.is_empty() {
        return None;
    }
    let scored: Vec<(&str, i8)> = jf
        .emotion
        .iter()
        .map(|&t| {
            let tp = &journey.touchpoints[t];
            (tp.name.as_str(), tp.score.unwrap_or_default())
        })
        .collect();
    let n = scored.len();
    let left = 80.0;
    let step = if n > 1 {
        (640.0f32 / (n - 1) as f32).clamp(18.0, 120.0)
    } else {
        0.0
    };
    let plot_w = step * (n.saturating_sub(1)) as f32;
    let top = 14.0;
    let plot_h = 110.0;
    let y_of = |s: f32| top + (2.0 - s) / 4.0 * plot_h;
    let labelled = n <= 12;
    let label_lines: Vec<Vec<String>> = scored
        .iter()
        .map(|(name, _)| {
            if labelled {
                text::wrap(name, 10.0, false, step.max(60.0) - 8.0)
            } else {
                Vec::new()
            }
        })
        .collect();
    let labels_h = label_lines.iter().map(Vec::len).max().unwrap_or(0) as f32 * 12.5;
    let mut c = Canvas::default();
    for (s, t) in [(2.0, "+2"), (0.0, "0"), (-2.0, "-2")] {
        c.label(
            left - 14.0,
            y_of(s) + 4.0,
            t,
            11.0,
            false,
            MUTED,
            Anchor::End,
        );
        c.path(
            format!(
                "M{},{} L{},{}",
                num(left - 6.0),
                num(y_of(s)),
                num(left + plot_w + 30.0),
                num(y_of(s))
            ),
            "#d8dee4",
            1.0,
            s == 0.0,
            false,
        );
    }
    let points: Vec<(f32, f32, i8)> = scored
        .iter()
        .enumerate()
        .map(|(i, (_, s))| (left + 12.0 + i as f32 * step, y_of(f32::from(*s)), *s))
        .collect();
    let d: Vec<String> = points
        .iter()
        .enumerate()
        .map(|(i, (x, y, _))| format!("{}{},{}", if i == 0 { "M" } else { "L" }, num(*x), num(*y)))
        .collect();
    c.path(d.join(" "), INK, 2.0, false, false);
    for ((x, y, s), lines) in points.iter().zip(label_lines) {
        let color = tone_color(Tone::of(*s));
        c.circle(*x, *y, 5.0, color, Some("#ffffff"));
        if !lines.is_empty() {
            let w = step.max(60.0) - 8.0;
            c.lines(
                *x,
                top + plot_h + 22.0,
                lines,
                10.0,
                false,
                MUTED,
                Anchor::Middle,
                w,
            );
        }
    }
    let width = left
        + plot_w
        + 12.0
        + if labelled {
            step.max(60.0) / 2.0 + 30.0
        } else {
            40.0
        };
    let height = top + plot_h + 16.0 + labels_h + 10.0;
    Some(svg::write(&Scene {
        width,
        height,
        id_prefix: svg::id_prefix(&journey.id, "emotion"),
        title: "How the customer feels, step by step".to_owned(),
        description: scored
            .iter()
            .map(|(name, s)| format!("{name}: {s}"))
            .collect::<Vec<_>>()
            .join("; "),
        items: c.items,
    }))
}

/// Room for row labels: the widest department name, never cut, at least 180 px.
fn label_width(names: &[&str]) -> f32 {
    names
        .iter()
        .map(|n| text::width(n, FONT, false))
        .fold(170.0, f32::max)
        + 20.0
}
