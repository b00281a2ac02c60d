//! Small inline-SVG charts for the report, drawn with the diagram toolkit (`Scene`), so they
//! share its fixed font metrics, escaping and deterministic output.

use super::column_name;
use crate::analyse::figures::Figures;
use crate::model::Workspace;
use crate::present::diagram::palette::{ALERT, INK, MUTED, department_color};
use crate::present::diagram::scene::{Anchor, Canvas, Rect, Role, Scene};
use crate::present::diagram::{svg, text};

const FONT: f32 = 12.0;

/// The legend shows the fill patterns in grey: the colours belong to the departments.
const LEGEND: (&str, &str) = ("#5b6570", "#dfe3e8");

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
        swatch(&mut c, lx, 8.0, kind, LEGEND);
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

/// Touchpoints owned per department and stage: one chart per journey, in the order of how
/// much they hurt, one row per stage and one column per department. Department names wrap
/// between words and each column is as wide as its longest word, so no name is cut; every
/// chart has the same columns, so stacked they read as one table, and print splits between
/// journeys.
pub fn heatmap(ws: &Workspace, figures: &Figures) -> Vec<String> {
    const HEAD: f32 = 10.5;
    const ROW: f32 = 24.0;
    let hm = &figures.heatmap;
    let widths: Vec<f32> = ws
        .departments
        .iter()
        .map(|d| (widest_word(&d.name, HEAD, false) + 10.0).max(52.0))
        .collect();
    let heads: Vec<Vec<String>> = ws
        .departments
        .iter()
        .zip(&widths)
        .map(|(d, w)| text::wrap(&d.name, HEAD, false, w - 6.0))
        .collect();
    let head_h = heads.iter().map(Vec::len).max().unwrap_or(1) as f32 * HEAD * 1.25 + 8.0;
    // Rows: a journey heading, then its stages.
    let stage_w = hm
        .columns
        .iter()
        .map(|&(j, c)| text::width(&column_name(ws, j, c), FONT, false))
        .fold(120.0, f32::max)
        .min(260.0);
    let label_w = stage_w + 24.0;
    let mut xs = Vec::with_capacity(widths.len());
    let mut x = label_w;
    for w in &widths {
        xs.push(x);
        x += w;
    }
    let right = x;
    let max = hm.max.max(1) as f32;
    let mut charts = Vec::with_capacity(figures.journey_order.len());
    for &j in &figures.journey_order {
        let mut c = Canvas::default();
        for ((lines, &x), &w) in heads.iter().zip(&xs).zip(&widths) {
            c.lines(
                x + w / 2.0,
                12.0,
                lines.clone(),
                HEAD,
                false,
                INK,
                Anchor::Middle,
                w - 6.0,
            );
        }
        let mut y = head_h;
        let lines = text::wrap(&ws.journeys[j].name, FONT, true, right - 8.0);
        let h = lines.len() as f32 * FONT * 1.25 + 10.0;
        c.lines(
            4.0,
            y + 16.0,
            lines,
            FONT,
            true,
            INK,
            Anchor::Start,
            right - 8.0,
        );
        y += h;
        let mut stages = 0;
        for (col, &(cj, column)) in hm.columns.iter().enumerate() {
            if cj != j {
                continue;
            }
            stages += 1;
            let name = text::wrap(&column_name(ws, j, column), FONT, false, stage_w);
            let extra = (name.len() as f32 - 1.0) * FONT * 1.25;
            c.lines(
                16.0,
                y + 16.0,
                name,
                FONT,
                false,
                MUTED,
                Anchor::Start,
                stage_w,
            );
            for ((row, &x), &w) in hm.rows.iter().zip(&xs).zip(&widths) {
                let n = row[col];
                c.rect(
                    Rect::new(x + 1.0, y + 1.0, w - 2.0, ROW + extra - 2.0),
                    3.0,
                    shade(n as f32 / max),
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
                        x + w / 2.0,
                        y + 16.5,
                        n.to_string(),
                        12.0,
                        true,
                        color,
                        Anchor::Middle,
                    );
                }
            }
            y += ROW + extra;
        }
        charts.push(svg::write(&Scene {
            width: right + 4.0,
            height: y + 8.0,
            id_prefix: format!("cx-report-heatmap-{j}"),
            title: format!(
                "Touchpoints owned per department and stage: {}",
                ws.journeys[j].name
            ),
            description: format!("{} departments by {stages} stages", hm.rows.len()),
            items: c.items,
        }));
    }
    charts
}

/// The width of the longest word: the narrowest a wrapped label can be without cutting one.
fn widest_word(text: &str, size: f32, bold: bool) -> f32 {
    text.split_whitespace()
        .map(|w| text::width(w, size, bold))
        .fold(0.0, f32::max)
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

/// Room for the longest department name left of the chart.
fn label_width(names: &[&str]) -> f32 {
    names
        .iter()
        .map(|n| text::width(n, FONT, false))
        .fold(170.0, f32::max)
        + 20.0
}
