//! Scene → SVG text. Deterministic bytes: fixed number formatting, items in order, no
//! timestamps. Self-contained: no scripts, no external references, `viewBox`, `<title>` and
//! `<desc>`, every id prefixed so several diagrams can share one HTML page.

use std::fmt::Write;

use super::scene::{Anchor, Dash, Item, N, Scene};
use super::text::FONT_FAMILY;
use crate::present::escape::xml;

pub fn write(scene: &Scene) -> String {
    let p = &scene.id_prefix;
    let mut out = String::with_capacity(256 + scene.items.len() * 160);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{p}-title {p}-desc" font-family="{font}">"#,
        w = N(scene.width),
        h = N(scene.height),
        font = xml(FONT_FAMILY),
    );
    let _ = writeln!(
        out,
        r#"<title id="{p}-title">{}</title>"#,
        xml(&scene.title)
    );
    let _ = writeln!(
        out,
        r#"<desc id="{p}-desc">{}</desc>"#,
        xml(&scene.description)
    );
    // One arrowhead marker per edge colour, in order of first use.
    let mut arrow_colors: Vec<&str> = Vec::new();
    collect_arrow_colors(&scene.items, &mut arrow_colors);
    out.push_str("<defs>");
    for (i, color) in arrow_colors.iter().enumerate() {
        let _ = write!(
            out,
            r#"<marker id="{p}-arrow{i}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{color}"/></marker>"#
        );
    }
    out.push_str("</defs>\n");
    let _ = writeln!(
        out,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    let mut clips = 0usize;
    write_items(&mut out, &scene.items, p, &arrow_colors, &mut clips);
    out.push_str("</svg>\n");
    out
}

fn collect_arrow_colors<'a>(items: &'a [Item], colors: &mut Vec<&'a str>) {
    for item in items {
        match item {
            Item::Path {
                stroke,
                arrow: true,
                ..
            } if !colors.contains(stroke) => colors.push(stroke),
            Item::Group { items, .. } => collect_arrow_colors(items, colors),
            _ => {}
        }
    }
}

fn write_items(
    out: &mut String,
    items: &[Item],
    p: &str,
    arrow_colors: &[&str],
    clips: &mut usize,
) {
    for item in items {
        match item {
            Item::Rect {
                rect,
                radius,
                fill,
                stroke,
                stroke_width,
                dashed,
                ..
            } => {
                let _ = write!(
                    out,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}""#,
                    N(rect.x),
                    N(rect.y),
                    N(rect.w),
                    N(rect.h)
                );
                if *radius > 0.0 {
                    let _ = write!(out, r#" rx="{}""#, N(*radius));
                }
                if let Some(s) = stroke {
                    let _ = write!(out, r#" stroke="{s}" stroke-width="{}""#, N(*stroke_width));
                    if *dashed {
                        out.push_str(r#" stroke-dasharray="5 3""#);
                    }
                }
                out.push_str("/>\n");
            }
            Item::Text {
                x,
                y,
                lines,
                size,
                bold,
                color,
                anchor,
                line_height,
                ..
            } => {
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let weight = if *bold { r#" font-weight="bold""# } else { "" };
                let _ = write!(
                    out,
                    r#"<text x="{}" y="{}" font-size="{}" fill="{color}" text-anchor="{anchor}"{weight} style="unicode-bidi:isolate;white-space:pre">"#,
                    N(*x),
                    N(*y),
                    N(*size)
                );
                for (i, line) in lines.iter().enumerate() {
                    if i == 0 {
                        let _ = write!(out, "<tspan>{}</tspan>", xml(line));
                    } else {
                        let _ = write!(
                            out,
                            r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                            N(*x),
                            N(*line_height),
                            xml(line)
                        );
                    }
                }
                out.push_str("</text>\n");
            }
            Item::Path {
                d,
                stroke,
                width,
                dash,
                arrow,
                fill,
                ..
            } => {
                let fill = fill.unwrap_or("none");
                let _ = write!(out, r#"<path d="{d}" fill="{fill}""#);
                if *width > 0.0 {
                    let _ = write!(out, r#" stroke="{stroke}" stroke-width="{}""#, N(*width));
                }
                match dash {
                    Dash::Solid => {}
                    Dash::Dashed => out.push_str(r#" stroke-dasharray="6 4""#),
                    Dash::Dotted => {
                        out.push_str(r#" stroke-dasharray="1.5 3" stroke-linecap="round""#);
                    }
                }
                if *arrow {
                    let i = arrow_colors.iter().position(|c| c == stroke).unwrap_or(0);
                    let _ = write!(out, r#" marker-end="url(#{p}-arrow{i})""#);
                }
                out.push_str("/>\n");
            }
            Item::Circle {
                cx,
                cy,
                r,
                fill,
                stroke,
            } => {
                let _ = write!(
                    out,
                    r#"<circle cx="{}" cy="{}" r="{}" fill="{fill}""#,
                    N(*cx),
                    N(*cy),
                    N(*r)
                );
                if let Some(s) = stroke {
                    let _ = write!(out, r#" stroke="{s}" stroke-width="1.5""#);
                }
                out.push_str("/>\n");
            }
            Item::Group {
                clip,
                dx,
                dy,
                scale,
                items,
            } => {
                let _ = write!(
                    out,
                    r#"<g transform="translate({} {}) scale({})""#,
                    N(*dx),
                    N(*dy),
                    scale_num(*scale)
                );
                if let Some(c) = clip {
                    let id = format!("{p}-clip{}", *clips);
                    *clips += 1;
                    let _ = write!(
                        out,
                        r#" clip-path="url(#{id})"><clipPath id="{id}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
                        N(c.x),
                        N(c.y),
                        N(c.w),
                        N(c.h)
                    );
                    out.push('\n');
                } else {
                    out.push_str(">\n");
                }
                write_items(out, items, p, arrow_colors, clips);
                out.push_str("</g>\n");
            }
        }
    }
}

/// A scale factor: four decimals, trailing zeros dropped.
fn scale_num(v: f32) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// An id prefix for a journey and view: readable, safe in XML ids, and distinct for distinct
/// journey ids (a short hash tells apart ids that clean to the same letters).
pub fn id_prefix(journey_id: &str, view: &str) -> String {
    let clean: String = journey_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    // FNV-1a: stable across runs and platforms, unlike std's hasher.
    let mut hash: u32 = 0x811c_9dc5;
    for b in journey_id.bytes() {
        hash ^= u32::from(b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("cx-{clean}-{:06x}-{view}", hash & 0xff_ffff)
}
