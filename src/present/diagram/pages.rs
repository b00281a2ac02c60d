//! Pages: a drawing cut into pages of a [`Sheet`] (the 1920 × 1080 px slides of `render
//! --slides`, the printed pages of the report's PDF), each with the title, a page number, a
//! "continued" marker where the journey goes on, the repeated lane names and stage names, and
//! the legend. A journey too wide for one page is cut at stage boundaries (a stage wider than a
//! page between its columns); one too tall between lanes. Card text is at least the sheet's
//! `min_text` on the page: pages are scaled so, and cut where that does not fit.
//!
//! [`split`] is the one rule for where a wide drawing is cut: the report's PDF uses it too.

use super::card::META_SIZE;
use super::legend::{draw_legend, legend_height};
use super::palette::{INK, MUTED, RULE};
use super::scene::{Anchor, Canvas, Drawing, Item, Rect, Scene, Strip};
use super::text;

/// A kind of page: its size in its own units, and the smallest card text on it.
#[derive(Debug, Clone, Copy)]
pub struct Sheet {
    pub width: f32,
    pub height: f32,
    /// The smallest card text on the page, in the page's units.
    pub min_text: f32,
    /// Small journeys are enlarged to fill the page, but not beyond this.
    pub max_scale: f32,
}

impl Sheet {
    /// The scale at which the smallest card text is `min_text`.
    pub fn min_scale(&self) -> f32 {
        self.min_text / META_SIZE
    }
}

/// A 16:9 slide of 1920 × 1080 px, card text at least 14 px.
pub const SLIDE: Sheet = Sheet {
    width: 1920.0,
    height: 1080.0,
    min_text: 14.0,
    max_scale: 2.0,
};
const MARGIN: f32 = 28.0;
const HEADER: f32 = 74.0;

/// Cuts the stretch `from..to` into windows no longer than `room`. Cuts fall only at `cuts`
/// (positions, `true` for a strong cut such as a stage boundary): as late as the room allows,
/// at the last strong cut that fits, else the last weak one (a stage longer than a page is
/// cut between its columns), else, when no cut fits at all, at the full room.
pub fn split(from: f32, to: f32, cuts: &[(f32, bool)], room: f32) -> Vec<(f32, f32)> {
    let room = room.max(1.0);
    let mut cuts = cuts.to_vec();
    cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut windows = Vec::new();
    let mut start = from;
    while to - start > room + 0.01 {
        // The cuts that fit on this page, found by position: linear in the cuts overall.
        let lo = cuts.partition_point(|&(x, _)| x <= start + 1.0);
        let hi = cuts.partition_point(|&(x, _)| x <= start + room);
        let fits = &cuts[lo..hi.max(lo)];
        let strong = fits.iter().rev().find(|(_, s)| *s).map(|(x, _)| *x);
        let weak = fits.last().map(|(x, _)| *x);
        let end = strong.or(weak).unwrap_or(start + room);
        windows.push((start, end));
        start = end;
    }
    windows.push((start, to));
    windows
}

/// The pages of a drawing, each a scene the size of `sheet`.
pub fn pages(drawing: &Drawing, sheet: &Sheet) -> Vec<Scene> {
    pages_within(drawing, sheet, usize::MAX).unwrap_or_default()
}

/// The pages of a drawing when there are at most `max`, else how many there would be (found
/// without drawing them).
pub fn pages_within(drawing: &Drawing, sheet: &Sheet, max: usize) -> Result<Vec<Scene>, usize> {
    let (page_w, page_h, max_scale) = (sheet.width, sheet.height, sheet.max_scale);
    let f = &drawing.frame;
    let scene = &drawing.scene;
    let body = f.body;
    let head_h = f.head - body.y;
    let right = body.right() - 16.0;
    let fit = |s: f32| {
        let w = page_w / s;
        let h = page_h / s;
        let legend = legend_height(w - 2.0 * MARGIN, &f.legend) + 12.0;
        (w, h, legend)
    };
    // The whole body on one page, enlarged up to max_scale, if its text stays large enough.
    let need_w = right + MARGIN;
    let mut s = (page_w / need_w).min(max_scale);
    for _ in 0..3 {
        let (_, _, legend) = fit(s);
        s = s.min(page_h / (HEADER + body.h + legend + MARGIN));
    }
    let s = s.max(sheet.min_scale());
    let (w, h, legend_h) = fit(s);
    let room_x = w - f.gutter - MARGIN;
    let room_y = h - HEADER - head_h - legend_h - MARGIN;

    // Text of the body beside the gutter: what a cut should not go through.
    let across = covered(
        scene
            .items
            .iter()
            .filter(|i| matches!(i, Item::Text { .. }))
            .filter_map(Item::bounds)
            .filter(|b| b.y >= body.y && b.bottom() <= body.bottom() && b.x >= f.gutter)
            .map(|b| (b.x, b.right())),
    );
    let cuts_x: Vec<(f32, bool)> = f
        .cuts_x
        .iter()
        .map(|&(x, strong)| (clear_of(x, &across), strong))
        .collect();
    let items_at = Index::new(&scene.items);
    let xs = split(f.gutter, right, &cuts_x, room_x);
    let holds: Vec<Vec<(f32, f32)>> = f
        .strips
        .iter()
        .map(|s| covered(s.holds.iter().copied()))
        .collect();

    // Per stretch, the bands it shows, packed into pages top to bottom.
    let mut layout: Vec<((f32, f32), Vec<&Strip>)> = Vec::new();
    for &(x0, x1) in &xs {
        let shown = shown(&f.strips, &holds, x0, x1);
        let mut page: Vec<&Strip> = Vec::new();
        let mut used = 0.0;
        for strip in shown {
            let sh = strip.y1 - strip.y0;
            if used + sh > room_y + 0.01 && !page.is_empty() {
                layout.push(((x0, x1), std::mem::take(&mut page)));
                used = 0.0;
            }
            page.push(strip);
            used += sh;
        }
        layout.push(((x0, x1), page));
    }

    let total = layout.len();
    if total > max {
        return Err(total);
    }
    let mut out = Vec::with_capacity(total);
    for (index, ((x0, x1), strips)) in layout.iter().enumerate() {
        let number = index + 1;
        // Each page enlarged to fill the slide, as far as its own content allows.
        let tall: f32 = strips.iter().map(|b| (b.y1 - b.y0).min(room_y)).sum();
        let mut ps = max_scale;
        for _ in 0..3 {
            let (_, _, legend) = fit(ps);
            ps = ps
                .min(page_w / (f.gutter + (x1 - x0) + MARGIN))
                .min(page_h / (HEADER + head_h + tall + legend + MARGIN));
        }
        let ps = ps.max(s);
        let (w, h, legend_h) = fit(ps);
        let mut c = Canvas::default();
        let width = x1 - x0;
        // A band of the drawing (y0, height h) placed at `at` on the page: its stretch of the
        // gutter (lane and row names) and its stretch of the body beside it.
        let mut band = |y0: f32, h: f32, at: f32| {
            for (clip, dx) in [
                (Rect::new(0.0, y0, f.gutter, h), 0.0),
                (Rect::new(*x0, y0, width, h), f.gutter - x0),
            ] {
                c.items.push(Item::Group {
                    clip: Some(clip),
                    dx,
                    dy: at - y0,
                    scale: 1.0,
                    items: items_at.inside(&scene.items, clip),
                });
            }
        };
        band(body.y, head_h, HEADER);
        let mut y = HEADER + head_h;
        for strip in strips {
            // A band taller than the room left is cut at the page's foot.
            let bh = (strip.y1 - strip.y0).min(room_y);
            band(strip.y0, bh, y);
            y += bh;
        }
        // A stage that began on an earlier page is named again, at the page's left.
        // (Not on the stretch that starts the journey, where the stage's own name is shown,
        // even when its band begins left of the cards.)
        let first_stretch = *x0 <= f.gutter + 0.5;
        for (sx0, sx1, name) in &f.stages {
            if !first_stretch && *sx0 < x0 - 1.0 && *sx1 > x0 + 60.0 {
                let room = sx1.min(*x1) - x0 - 24.0;
                let label = one_line(&format!("{name} (continued)"), 14.0, true, room);
                c.label(
                    f.gutter + 10.0,
                    HEADER + 22.0,
                    label,
                    14.0,
                    true,
                    INK,
                    Anchor::Start,
                );
            }
        }
        let mut marker = format!("Page {number} of {total}");
        if number > 1 {
            marker += &format!(" · continued from page {}", number - 1);
        }
        if number < total {
            marker += &format!(" · continues on page {}", number + 1);
        }
        // A dashed edge where the journey goes on beyond the page, left or right.
        let edge = |c: &mut Canvas, x: f32| {
            c.path(
                format!("M{x:.1},{HEADER:.1} L{x:.1},{y:.1}"),
                RULE,
                2.0,
                true,
                false,
            );
        };
        if *x0 > f.gutter + 0.5 {
            edge(&mut c, f.gutter);
        }
        if *x1 < right - 0.5 {
            edge(&mut c, f.gutter + width);
        }
        header(&mut c, w, &f.title, &f.subtitle, &marker);
        draw_legend(
            &mut c,
            MARGIN,
            h - legend_h - MARGIN + 12.0,
            w - 2.0 * MARGIN,
            &f.legend,
        );
        out.push(Scene {
            width: page_w,
            height: page_h,
            id_prefix: format!("{}-p{number}", scene.id_prefix),
            title: format!("{} (page {number} of {total})", scene.title),
            description: scene.description.clone(),
            items: vec![Item::Group {
                clip: None,
                dx: 0.0,
                dy: 0.0,
                scale: ps,
                items: c.items,
            }],
        });
    }
    Ok(out)
}

/// The bands a stretch `x0..x1` shows: those always shown, those holding something in the
/// stretch, and of the lines' bands one where lanes follow below it (several lines with
/// nothing shown between them are one line, the line of visibility first). `holds[i]` are
/// strip `i`'s boxes' extents, merged and in order.
fn shown<'s>(strips: &'s [Strip], holds: &[Vec<(f32, f32)>], x0: f32, x1: f32) -> Vec<&'s Strip> {
    let mut out: Vec<&Strip> = Vec::new();
    let mut line: Option<&Strip> = None;
    for (strip, held) in strips.iter().zip(holds) {
        if strip.line.is_some() {
            if line.is_none_or(|l| strip.line == Some(1) && l.line != Some(1)) {
                line = Some(strip);
            }
            continue;
        }
        let first = held.partition_point(|&(_, b)| b <= x0);
        let holds = held.get(first).is_some_and(|&(a, _)| a < x1);
        if strip.always || holds {
            if holds && let Some(l) = line.take() {
                out.push(l);
            }
            out.push(strip);
        }
    }
    out
}

/// The page's title, subtitle and page marker, each on one line cut to fit.
fn header(c: &mut Canvas, w: f32, title: &str, subtitle: &str, marker: &str) {
    let room = w - 2.0 * MARGIN;
    let marker_w = text::width(marker, 12.0, true);
    let title = one_line(title, 20.0, true, room - marker_w - 24.0);
    c.label(MARGIN, 34.0, title, 20.0, true, INK, Anchor::Start);
    c.label(w - MARGIN, 34.0, marker, 12.0, true, MUTED, Anchor::End);
    let subtitle = one_line(subtitle, 12.0, false, room);
    c.label(MARGIN, 56.0, subtitle, 12.0, false, MUTED, Anchor::Start);
}

/// The first line of `text` wrapped to `room`, with "…" when more was left out (the full
/// text is in the standalone diagram and the page's `<title>`).
fn one_line(text: &str, size: f32, bold: bool, room: f32) -> String {
    let lines = text::wrap(text, size, bold, room - text::width("…", size, bold));
    match lines.as_slice() {
        [only] => only.clone(),
        [first, ..] => format!("{first}…"),
        [] => String::new(),
    }
}

/// Items wider than this are looked at for every page; the others through their left edge.
pub const WIDE: f32 = 2_000.0;

/// Where the items of a scene are, to find those on a page without looking at every item:
/// the many narrow ones (cards, labels, pieces of the curve) sorted by their left edge, the
/// few wide ones (lane backgrounds, the lines) apart. Finding a page's items costs the items
/// near it, so cutting a journey into pages is linear in its size.
struct Index {
    bounds: Vec<Option<Rect>>,
    /// Narrow items: (left edge, index), by left edge.
    narrow: Vec<(f32, usize)>,
    wide: Vec<usize>,
}

impl Index {
    fn new(items: &[Item]) -> Index {
        let bounds: Vec<Option<Rect>> = items.iter().map(Item::bounds).collect();
        let mut narrow = Vec::new();
        let mut wide = Vec::new();
        for (i, b) in bounds.iter().enumerate() {
            match b {
                Some(b) if b.w > WIDE => wide.push(i),
                Some(b) => narrow.push((b.x, i)),
                None => {}
            }
        }
        narrow.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        Index {
            bounds,
            narrow,
            wide,
        }
    }

    /// The items that reach into `clip` (others are left out of the page), in drawing order.
    fn inside(&self, items: &[Item], clip: Rect) -> Vec<Item> {
        let grown = clip.grown(2.0);
        let from = self
            .narrow
            .partition_point(|&(x, _)| x < grown.x - WIDE - 0.01);
        let to = self
            .narrow
            .partition_point(|&(x, _)| x <= grown.right() + 0.01);
        let mut found: Vec<usize> = self.narrow[from..to]
            .iter()
            .map(|&(_, i)| i)
            .chain(self.wide.iter().copied())
            .filter(|&i| self.bounds[i].is_some_and(|b| b.overlaps(&grown) || grown.contains(&b)))
            .collect();
        found.sort_unstable();
        found.into_iter().map(|i| items[i].clone()).collect()
    }
}

/// The stretches the intervals cover, merged and in order.
fn covered(intervals: impl Iterator<Item = (f32, f32)>) -> Vec<(f32, f32)> {
    let mut all: Vec<(f32, f32)> = intervals.collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::with_capacity(all.len());
    for (lo, hi) in all {
        match merged.last_mut() {
            Some(last) if lo <= last.1 => last.1 = last.1.max(hi),
            _ => merged.push((lo, hi)),
        }
    }
    merged
}

/// `at`, moved by up to 40 px to where it cuts through no text (`covered` stretches): a cut
/// through an edge label would leave half of it on each page. `at` itself when there is no
/// such place.
fn clear_of(at: f32, covered: &[(f32, f32)]) -> f32 {
    let crosses = |v: f32| {
        let i = covered.partition_point(|&(lo, _)| lo < v);
        i > 0 && covered[i - 1].1 > v
    };
    (0..=20)
        .flat_map(|k| [k as f32 * 2.0, -(k as f32) * 2.0])
        .map(|d| at + d)
        .find(|&v| !crosses(v))
        .unwrap_or(at)
}
