//! Edge labels that never hide each other: each label is tried at points along its own
//! connector, from the middle outwards, and goes where its box meets no card, no text and no
//! other label. Occupied areas are kept in a coarse grid so placing stays linear.

use super::fast::FastMap;
use super::palette::{INK, RULE};
use super::scene::{Anchor, Canvas, Rect, Role};
use super::text;

pub const LABEL_SIZE: f32 = 12.0;
/// The widest an edge label is wrapped to.
pub const LABEL_WRAP: f32 = 130.0;
const CELL: f32 = 96.0;

/// Areas already taken: cards, text, labels.
#[derive(Default)]
pub struct Obstacles {
    rects: Vec<Rect>,
    grid: FastMap<(i32, i32), Vec<u32>>,
}

impl Obstacles {
    fn cells(r: &Rect) -> impl Iterator<Item = (i32, i32)> {
        let (x0, x1) = (
            (r.x / CELL).floor() as i32,
            (r.right() / CELL).floor() as i32,
        );
        let (y0, y1) = (
            (r.y / CELL).floor() as i32,
            (r.bottom() / CELL).floor() as i32,
        );
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    pub fn add(&mut self, r: Rect) {
        let i = self.rects.len() as u32;
        self.rects.push(r);
        for c in Self::cells(&r) {
            self.grid.entry(c).or_default().push(i);
        }
    }

    /// Nothing taken overlaps `r`.
    pub fn free(&self, r: &Rect) -> bool {
        Self::cells(r).all(|c| {
            self.grid
                .get(&c)
                .is_none_or(|ids| ids.iter().all(|&i| !self.rects[i as usize].overlaps(r)))
        })
    }
}

/// An edge label, wrapped, with the size of its box.
#[derive(Debug, Clone)]
pub struct Label {
    pub lines: Vec<String>,
    pub w: f32,
    pub h: f32,
}

impl Label {
    pub fn new(text: &str) -> Label {
        Label::wrapped(text, LABEL_WRAP)
    }

    /// A label wrapped to at most `max` wide (its box is 8 wider).
    pub fn wrapped(text: &str, max: f32) -> Label {
        let lines = text::wrap(text, LABEL_SIZE, false, max);
        let w = text::widest(&lines, LABEL_SIZE, false) + 8.0;
        let h = lines.len() as f32 * LABEL_SIZE * 1.25 + 6.0;
        Label { lines, w, h }
    }

    /// The box centred on `(cx, cy)`.
    pub fn at(&self, cx: f32, cy: f32) -> Rect {
        Rect::new(cx - self.w / 2.0, cy - self.h / 2.0, self.w, self.h)
    }

    /// Draws the label in `rect`: a white box and the text.
    pub fn draw(self, canvas: &mut Canvas, rect: Rect) {
        canvas.rect(
            rect,
            3.0,
            "#ffffff",
            Some(RULE),
            0.8,
            false,
            Role::Decoration,
        );
        canvas.lines(
            rect.center_x(),
            rect.y + 3.0 + LABEL_SIZE * 0.95,
            self.lines,
            LABEL_SIZE,
            false,
            INK,
            Anchor::Middle,
            self.w - 8.0,
        );
    }
}

/// Places `label` at the first point of `along` (a connector's points, in order of
/// preference) where it is free, else a little above or below one; as a last resort
/// straight below the first point, past everything. Draws it and marks its box taken.
/// Returns the box.
pub fn place(
    canvas: &mut Canvas,
    taken: &mut Obstacles,
    label: Label,
    along: &[(f32, f32)],
) -> Rect {
    let first = along.first().copied().unwrap_or((0.0, 0.0));
    let found = along
        .iter()
        .map(|&(x, y)| label.at(x, y))
        .find(|r| taken.free(r))
        .or_else(|| {
            (1..=4).find_map(|k| {
                along.iter().find_map(|&(x, y)| {
                    [-1.0, 1.0].into_iter().find_map(|s| {
                        let r = label.at(x, y + s * k as f32 * (label.h * 0.6));
                        taken.free(&r).then_some(r)
                    })
                })
            })
        })
        .unwrap_or_else(|| {
            let mut r = label.at(first.0, first.1);
            while !taken.free(&r) {
                r.y += label.h / 2.0;
            }
            r
        });
    taken.add(found);
    label.draw(canvas, found);
    found
}

/// The points of `path` ordered from its middle outwards: where a label is tried first.
pub fn middle_out(path: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let n = path.len();
    if n == 0 {
        return Vec::new();
    }
    let mid = n / 2;
    let mut out = Vec::with_capacity(n);
    out.push(path[mid]);
    for k in 1..=n {
        if mid + k < n {
            out.push(path[mid + k]);
        }
        if k <= mid {
            out.push(path[mid - k]);
        }
    }
    out
}
