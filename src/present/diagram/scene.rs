//! A drawing as plain data: rectangles, text, paths and circles in pixel coordinates. The
//! views build scenes; `svg` writes them. Geometry tests inspect scenes directly.

/// A colour from cxmap's own palette; never user text.
pub type Color = &'static str;

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A touchpoint's box: no two may overlap.
    Card,
    /// Anything else.
    Decoration,
}

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
    /// lines were wrapped for (tests check every line fits).
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
    },
    Path {
        d: String,
        stroke: Color,
        width: f32,
        dashed: bool,
        arrow: bool,
        fill: Option<Color>,
    },
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
        fill: Color,
        stroke: Option<Color>,
    },
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
    /// Where the drawing may be cut into pages, left to right (see [`super::pages`]).
    pub cuts: Cuts,
}

/// Where a wide drawing may be cut into pages: the x of the gaps between columns, those
/// between stages preferred, and the width of the left part (lane names) every page repeats.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cuts {
    /// The left part every page repeats (0 for none).
    pub gutter: f32,
    /// (x, between two stages), ascending.
    pub at: Vec<(f32, bool)>,
}

impl Scene {
    pub fn cards(&self) -> impl Iterator<Item = &Rect> {
        self.items.iter().filter_map(|i| match i {
            Item::Rect {
                rect,
                role: Role::Card,
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
        self.items.push(Item::Text {
            x,
            y,
            lines: vec![text],
            size,
            bold,
            color,
            anchor,
            line_height: size * 1.25,
            max_width,
        });
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
        });
    }

    pub fn path(&mut self, d: String, stroke: Color, width: f32, dashed: bool, arrow: bool) {
        self.items.push(Item::Path {
            d,
            stroke,
            width,
            dashed,
            arrow,
            fill: None,
        });
    }

    pub fn filled_path(&mut self, d: String, fill: Color) {
        self.items.push(Item::Path {
            d,
            stroke: fill,
            width: 0.0,
            dashed: false,
            arrow: false,
            fill: Some(fill),
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
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        return "0".to_owned();
    }
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}
