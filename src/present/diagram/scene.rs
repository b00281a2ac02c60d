//! A drawing as plain data: rectangles, text, paths, circles and clipped groups in pixel
//! coordinates. The views build scenes; `svg` writes them. Geometry tests inspect scenes
//! directly, so a scene says what each piece is: which boxes are cards, which box a text is
//! written on, which boxes a connector links.

pub use super::frame::{Drawing, Frame, Strip};

/// A colour from cxmap's own palette; never user text.
pub type Color = &'static str;

/// A box of the diagram that carries text (a touchpoint card, an evidence or support chip),
/// numbered within its scene.
pub type BoxId = u32;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    pub fn center_y(&self) -> f32 {
        self.y + self.h / 2.0
    }
    pub fn center_x(&self) -> f32 {
        self.x + self.w / 2.0
    }
    /// Interiors intersect (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() - 0.01
            && o.x < self.right() - 0.01
            && self.y < o.bottom() - 0.01
            && o.y < self.bottom() - 0.01
    }
    pub fn contains(&self, o: &Rect) -> bool {
        o.x >= self.x - 0.01
            && o.y >= self.y - 0.01
            && o.right() <= self.right() + 0.01
            && o.bottom() <= self.bottom() + 0.01
    }
    /// The point lies inside, at least `inset` from every edge.
    pub fn holds(&self, (x, y): (f32, f32), inset: f32) -> bool {
        x > self.x + inset
            && x < self.right() - inset
            && y > self.y + inset
            && y < self.bottom() - inset
    }
    /// Grown by `d` on every side.
    #[must_use]
    pub fn grown(&self, d: f32) -> Rect {
        Rect::new(self.x - d, self.y - d, self.w + 2.0 * d, self.h + 2.0 * d)
    }
    /// The smallest rectangle holding both.
    #[must_use]
    pub fn union(&self, o: &Rect) -> Rect {
        let x = self.x.min(o.x);
        let y = self.y.min(o.y);
        Rect::new(
            x,
            y,
            self.right().max(o.right()) - x,
            self.bottom().max(o.bottom()) - y,
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A box that carries text of its own: no two overlap, no connector crosses one it does
    /// not link, and text written on it stays inside it.
    Card(BoxId),
    /// Anything else.
    Decoration,
}

/// How a line is stroked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
}

/// Liberation Sans: the part of a line of text above its baseline, and below, in em.
pub const ASCENT: f32 = 0.905;
pub const DESCENT: f32 = 0.212;

#[derive(Debug, Clone)]
pub enum Item {
    Rect {
        rect: Rect,
        radius: f32,
        fill: Color,
        stroke: Option<Color>,
        stroke_width: f32,
        dashed: bool,
        role: Role,
    },
    /// Lines of text; `y` is the baseline of the first line. `max_width` is the room the
    /// lines were wrapped for (tests check every line fits). `on` is the box it is written
    /// on, if any.
    Text {
        x: f32,
        y: f32,
        lines: Vec<String>,
        size: f32,
        bold: bool,
        color: Color,
        anchor: Anchor,
        line_height: f32,
        max_width: f32,
        on: Option<BoxId>,
    },
    /// `links` are the boxes a connector joins (from, to); `None` for lines that join
    /// nothing (rules, curves, legend swatches).
    Path {
        d: String,
        stroke: Color,
        width: f32,
        dash: Dash,
        arrow: bool,
        fill: Option<Color>,
        links: Option<(BoxId, BoxId)>,
    },
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
        fill: Color,
        stroke: Option<Color>,
    },
    /// Items drawn moved by `(dx, dy)` and scaled by `scale` (in that order: scale first),
    /// cut to `clip` (in the items' own coordinates). Pages of a slide deck are made of these.
    Group {
        clip: Option<Rect>,
        dx: f32,
        dy: f32,
        scale: f32,
        items: Vec<Item>,
    },
}

impl Item {
    /// The area the item covers (text by its font metrics), before any group moves it.
    pub fn bounds(&self) -> Option<Rect> {
        match self {
            Item::Rect { rect, .. } => Some(*rect),
            Item::Text {
                x,
                y,
                lines,
                size,
                bold,
                anchor,
                line_height,
                ..
            } => Some(text_box(*x, *y, lines, *size, *bold, *anchor, *line_height)),
            Item::Path { d, width, .. } => {
                super::geometry::bounds(&super::geometry::points(d)).map(|r| r.grown(*width))
            }
            Item::Circle { cx, cy, r, .. } => Some(Rect::new(cx - r, cy - r, 2.0 * r, 2.0 * r)),
            Item::Group {
                clip,
                dx,
                dy,
                scale,
                items,
            } => {
                let inner = match clip {
                    Some(c) => Some(*c),
                    None => items
                        .iter()
                        .filter_map(Item::bounds)
                        .reduce(|a, b| a.union(&b)),
                }?;
                Some(Rect::new(
                    inner.x * scale + dx,
                    inner.y * scale + dy,
                    inner.w * scale,
                    inner.h * scale,
                ))
            }
        }
    }
}

/// The box lines of text cover: as wide as the widest line, from the first line's ascent to
/// the last line's descent.
pub fn text_box(
    x: f32,
    y: f32,
    lines: &[String],
    size: f32,
    bold: bool,
    anchor: Anchor,
    line_height: f32,
) -> Rect {
    let w = super::text::widest(lines, size, bold);
    let left = match anchor {
        Anchor::Start => x,
        Anchor::Middle => x - w / 2.0,
        Anchor::End => x - w,
    };
    let top = y - ASCENT * size;
    let bottom = y + (lines.len().max(1) - 1) as f32 * line_height + DESCENT * size;
    Rect::new(left, top, w, bottom - top)
}

/// A whole diagram.
#[derive(Debug, Clone)]
pub struct Scene {
    pub width: f32,
    pub height: f32,
    /// Prefix for every `id` in the SVG, unique per journey and view.
    pub id_prefix: String,
    pub title: String,
    pub description: String,
    pub items: Vec<Item>,
}

impl Scene {
    /// The boxes that carry text: touchpoint cards and chips.
    pub fn cards(&self) -> impl Iterator<Item = &Rect> {
        self.items.iter().filter_map(|i| match i {
            Item::Rect {
                rect,
                role: Role::Card(_),
                ..
            } => Some(rect),
            _ => None,
        })
    }
}

/// Builds a scene's items.
#[derive(Default)]
pub struct Canvas {
    pub items: Vec<Item>,
}

impl Canvas {
    #[allow(clippy::too_many_arguments)]
    pub fn rect(
        &mut self,
        rect: Rect,
        radius: f32,
        fill: Color,
        stroke: Option<Color>,
        stroke_width: f32,
        dashed: bool,
        role: Role,
    ) {
        self.items.push(Item::Rect {
            rect,
            radius,
            fill,
            stroke,
            stroke_width,
            dashed,
            role,
        });
    }

    /// One line of text that is not wrapped (labels made by cxmap).
    #[allow(clippy::too_many_arguments)]
    pub fn label(
        &mut self,
        x: f32,
        y: f32,
        text: impl Into<String>,
        size: f32,
        bold: bool,
        color: Color,
        anchor: Anchor,
    ) {
        let text = text.into();
        let max_width = super::text::width(&text, size, bold);
        self.push_text(x, y, vec![text], size, bold, color, anchor, max_width, None);
    }

    #[allow(clippy::too_many_arguments)]
    pub fn lines(
        &mut self,
        x: f32,
        y: f32,
        lines: Vec<String>,
        size: f32,
        bold: bool,
        color: Color,
        anchor: Anchor,
        max_width: f32,
    ) {
        self.push_text(x, y, lines, size, bold, color, anchor, max_width, None);
    }

    /// Text of any kind, written on box `on` when given.
    #[allow(clippy::too_many_arguments)]
    pub fn push_text(
        &mut self,
        x: f32,
        y: f32,
        lines: Vec<String>,
        size: f32,
        bold: bool,
        color: Color,
        anchor: Anchor,
        max_width: f32,
        on: Option<BoxId>,
    ) {
        self.items.push(Item::Text {
            x,
            y,
            lines,
            size,
            bold,
            color,
            anchor,
            line_height: size * 1.25,
            max_width,
            on,
        });
    }

    pub fn path(&mut self, d: String, stroke: Color, width: f32, dashed: bool, arrow: bool) {
        let dash = if dashed { Dash::Dashed } else { Dash::Solid };
        self.items.push(Item::Path {
            d,
            stroke,
            width,
            dash,
            arrow,
            fill: None,
            links: None,
        });
    }

    /// A connector from box `from` to box `to`, with an arrowhead at its end.
    pub fn connector(
        &mut self,
        d: String,
        (stroke, width, dash): (Color, f32, Dash),
        links: (BoxId, BoxId),
    ) {
        self.items.push(Item::Path {
            d,
            stroke,
            width,
            dash,
            arrow: true,
            fill: None,
            links: Some(links),
        });
    }

    pub fn filled_path(&mut self, d: String, fill: Color) {
        self.items.push(Item::Path {
            d,
            stroke: fill,
            width: 0.0,
            dash: Dash::Solid,
            arrow: false,
            fill: Some(fill),
            links: None,
        });
    }

    pub fn circle(&mut self, cx: f32, cy: f32, r: f32, fill: Color, stroke: Option<Color>) {
        self.items.push(Item::Circle {
            cx,
            cy,
            r,
            fill,
            stroke,
        });
    }
}

/// A number for SVG: at most one decimal, no trailing `.0`, no `-0`.
pub fn num(v: f32) -> String {
    N(v).to_string()
}

/// [`num`] without an allocation: `write!(out, "{}", N(x))`.
#[derive(Clone, Copy)]
pub struct N(pub f32);

impl std::fmt::Display for N {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Whole tenths as an integer: integer formatting is exact and fast.
        let tenths = (self.0 * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let a = tenths.unsigned_abs();
        if a.is_multiple_of(10) {
            write!(f, "{sign}{}", a / 10)
        } else {
            write!(f, "{sign}{}.{}", a / 10, a % 10)
        }
    }
}
