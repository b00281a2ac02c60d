//! Diagrams of a journey: the journey map and the service blueprint, laid out and drawn by
//! cxmap itself (`layout`, `scene`, `svg`), or as DOT for Graphviz (`dot`), or as PNG
//! (`png`). Views read the model and the findings; they never re-derive analysis.

pub mod blueprint;
pub mod dot;
pub mod layout;
pub mod map;
pub mod png;
pub mod scene;
pub mod svg;
pub mod text;

use std::collections::HashSet;

use scene::{Anchor, Canvas, Color, Rect, Role};

use crate::analyse::Analysis;
use crate::model::{Journey, Touchpoint, Workspace};

/// What a view draws from.
pub struct DiagramInput<'a> {
    pub workspace: &'a Workspace,
    pub journey: &'a Journey,
    /// `(rule, subject)` of the findings in this journey.
    pub findings: HashSet<(&'static str, &'a str)>,
}

impl<'a> DiagramInput<'a> {
    pub fn new(workspace: &'a Workspace, journey: &'a Journey, analysis: &'a Analysis) -> Self {
        let findings = analysis
            .findings
            .iter()
            .filter(|f| f.journey.as_deref() == Some(journey.id.as_str()))
            .map(|f| (f.rule, f.subject.as_str()))
            .collect();
        DiagramInput {
            workspace,
            journey,
            findings,
        }
    }

    fn has(&self, rule: &str, tp: &Touchpoint) -> bool {
        self.findings.contains(&(rule_name(rule), tp.id.as_str()))
    }

    fn unowned(&self, tp: &Touchpoint) -> bool {
        self.has("unowned-touchpoint", tp)
    }

    fn pain(&self, tp: &Touchpoint) -> bool {
        self.has("pain-point", tp)
    }
}

/// Interns a rule name for lookups (the set holds the registry's `&'static str`s).
fn rule_name(name: &str) -> &'static str {
    crate::analyse::rules::find(name).map_or("", |r| r.name)
}

/// Paul Tol's "muted" qualitative palette: distinguishable with the common colour-vision
/// deficiencies. A department keeps its colour in every diagram: it is chosen by the
/// department's place in the workspace.
const PALETTE: [(Color, Color); 9] = [
    ("#332288", "#e3e0f3"), // indigo
    ("#117733", "#dcefe1"), // green
    ("#44AA99", "#dff2ef"), // teal
    ("#88CCEE", "#e9f6fc"), // cyan
    ("#DDCC77", "#f9f5e1"), // sand
    ("#CC6677", "#f8e5e8"), // rose
    ("#AA4499", "#f4e1f1"), // purple
    ("#882255", "#f1dfe7"), // wine
    ("#999933", "#f1f1dc"), // olive
];

pub const INK: Color = "#1f2328";
pub const MUTED: Color = "#57606a";
pub const LINE: Color = "#6e7781";
pub const ALERT: Color = "#b3261e";
pub const ALERT_FILL: Color = "#fde8e6";
pub const HANDOFF: Color = "#d55e00";
pub const GOOD: Color = "#1a7f37";
pub const BACKSTAGE_FILL: Color = "#f6f8fa";
pub const BAND: Color = "#f3f5f7";

/// (strong, light) colours of a department.
pub fn department_color(index: usize) -> (Color, Color) {
    PALETTE[index % PALETTE.len()]
}

/// Card geometry shared by both views.
pub const CARD_W: f32 = 184.0;
const PAD: f32 = 10.0;
const STRIPE: f32 = 6.0;
const NAME_SIZE: f32 = 13.0;
const META_SIZE: f32 = 11.0;
const BADGE_ROOM: f32 = 22.0;

/// The text of a touchpoint card, wrapped to fit.
pub struct CardText {
    pub name: Vec<String>,
    pub meta: Vec<String>,
    pub height: f32,
}

fn text_width() -> f32 {
    CARD_W - 2.0 * PAD - STRIPE - BADGE_ROOM
}

/// Wraps a card's text: the name, then "owner · channel" (or what is remarkable).
pub fn card_text(input: &DiagramInput, tp: &Touchpoint, show_owner: bool) -> CardText {
    let ws = input.workspace;
    let name = text::wrap(&tp.name, NAME_SIZE, true, text_width());
    let mut meta_parts: Vec<String> = Vec::new();
    if input.unowned(tp) {
        meta_parts.push("No owner".to_owned());
    } else if show_owner && !tp.owners.is_empty() {
        let owners: Vec<&str> = tp
            .owners
            .iter()
            .map(|&d| ws.departments[d].name.as_str())
            .collect();
        meta_parts.push(owners.join(" + "));
    } else if tp.owners.len() > 1 {
        let others: Vec<&str> = tp.owners[1..]
            .iter()
            .map(|&d| ws.departments[d].name.as_str())
            .collect();
        meta_parts.push(format!("shared with {}", others.join(", ")));
    }
    if tp.backstage {
        meta_parts.push("backstage".to_owned());
    } else if tp
        .owners
        .first()
        .is_some_and(|&d| !ws.departments[d].customer_facing)
    {
        // A backstage team's step that the customer sees: the evidence behind
        // `backstage-influence`, worth spelling out on the card.
        meta_parts.push("seen by the customer".to_owned());
    }
    if let Some(c) = &tp.channel {
        meta_parts.push(c.clone());
    }
    if tp.purchase {
        meta_parts.push("purchase".to_owned());
    }
    let meta = if meta_parts.is_empty() {
        Vec::new()
    } else {
        text::wrap(&meta_parts.join(" · "), META_SIZE, false, text_width())
    };
    let height = PAD * 2.0
        + name.len() as f32 * NAME_SIZE * 1.25
        + if meta.is_empty() {
            0.0
        } else {
            4.0 + meta.len() as f32 * META_SIZE * 1.25
        };
    CardText {
        name,
        meta,
        height: height.max(44.0),
    }
}

/// Draws a touchpoint card at `rect` (its height from `card_text`).
pub fn draw_card(
    canvas: &mut Canvas,
    input: &DiagramInput,
    tp: &Touchpoint,
    rect: Rect,
    text: CardText,
) {
    let unowned = input.unowned(tp);
    let (strong, light) = match tp.owners.first() {
        Some(&d) => department_color(d),
        None => (ALERT, ALERT_FILL),
    };
    let fill = if unowned {
        ALERT_FILL
    } else if tp.backstage {
        BACKSTAGE_FILL
    } else {
        light
    };
    let (stroke, width, dashed) = if unowned {
        (ALERT, 2.0, true)
    } else if tp.backstage {
        (LINE, 1.2, true)
    } else {
        (strong, 1.2, false)
    };
    canvas.rect(rect, 6.0, fill, Some(stroke), width, dashed, Role::Card);
    canvas.rect(
        Rect::new(rect.x + 1.0, rect.y + 1.0, STRIPE, rect.h - 2.0),
        2.0,
        strong,
        None,
        0.0,
        false,
        Role::Decoration,
    );
    let x = rect.x + STRIPE + PAD;
    let mut y = rect.y + PAD + NAME_SIZE * 0.95;
    let name_lines = text.name.len() as f32;
    canvas.lines(
        x,
        y,
        text.name,
        NAME_SIZE,
        true,
        INK,
        Anchor::Start,
        text_width(),
    );
    y += name_lines * NAME_SIZE * 1.25 + 4.0;
    if !text.meta.is_empty() {
        let color = if unowned { ALERT } else { MUTED };
        canvas.lines(
            x,
            y - 2.0,
            text.meta,
            META_SIZE,
            unowned,
            color,
            Anchor::Start,
            text_width(),
        );
    }
    // Badges in the top-right corner: the score, and a purchase mark.
    let bx = rect.right() - PAD - 7.0;
    let by = rect.y + PAD + 7.0;
    if let Some(score) = tp.score {
        let color = if input.pain(tp) || score < 0 {
            ALERT
        } else if score > 0 {
            GOOD
        } else {
            LINE
        };
        canvas.circle(bx, by, 10.0, color, None);
        let label = if score > 0 {
            format!("+{score}")
        } else {
            score.to_string()
        };
        canvas.label(bx, by + 4.0, label, 11.0, true, "#ffffff", Anchor::Middle);
    } else if tp.purchase {
        canvas.circle(bx, by, 10.0, INK, None);
        canvas.label(bx, by + 4.0, "$", 11.0, true, "#ffffff", Anchor::Middle);
    }
}

/// A smooth connector through `points` (horizontal tangents at every point).
pub fn curve_through(points: &[(f32, f32)]) -> String {
    use scene::num;
    let mut d = format!("M{},{}", num(points[0].0), num(points[0].1));
    for pair in points.windows(2) {
        let (x0, y0) = pair[0];
        let (x1, y1) = pair[1];
        let mid = f32::midpoint(x0, x1);
        d.push_str(&format!(
            " C{},{} {},{} {},{}",
            num(mid),
            num(y0),
            num(mid),
            num(y1),
            num(x1),
            num(y1)
        ));
    }
    d
}

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
    if j.touchpoints.iter().any(|t| input.unowned(t)) {
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

/// Draws [`route_around`] with its label (if any) on the free channel.
#[allow(clippy::too_many_arguments)]
pub fn connector_around(
    canvas: &mut Canvas,
    from: Rect,
    to: Rect,
    (after, before): (f32, f32),
    channel: f32,
    (color, width, dashed): (Color, f32, bool),
    label: Option<&Vec<String>>,
) {
    canvas.path(
        route_around(from, to, after, before, channel),
        color,
        width,
        dashed,
        true,
    );
    if let Some(lines) = label {
        edge_label(canvas, f32::midpoint(after, before), channel, lines.clone());
    }
}

/// A connector that keeps clear of cards: out of the source's right side into the gap after
/// its column, along a free horizontal `channel`, up or down the gap before the target's
/// column, and into the target's left side. Corners are rounded.
pub fn route_around(
    from: scene::Rect,
    to: scene::Rect,
    gap_after_from: f32,
    gap_before_to: f32,
    channel: f32,
) -> String {
    let points = [
        (from.right(), from.center_y()),
        (gap_after_from, from.center_y()),
        (gap_after_from, channel),
        (gap_before_to, channel),
        (gap_before_to, to.center_y()),
        (to.x, to.center_y()),
    ];
    rounded_path(&points, 10.0)
}

/// A polyline with rounded corners.
pub fn rounded_path(points: &[(f32, f32)], radius: f32) -> String {
    use scene::num;
    let mut d = format!("M{},{}", num(points[0].0), num(points[0].1));
    for i in 1..points.len() {
        let (x, y) = points[i];
        if i + 1 == points.len() {
            d.push_str(&format!(" L{},{}", num(x), num(y)));
            break;
        }
        let (px, py) = points[i - 1];
        let (nx, ny) = points[i + 1];
        let len_in = ((x - px).powi(2) + (y - py).powi(2)).sqrt();
        let len_out = ((nx - x).powi(2) + (ny - y).powi(2)).sqrt();
        let r = radius.min(len_in / 2.0).min(len_out / 2.0);
        if r < 0.5 {
            d.push_str(&format!(" L{},{}", num(x), num(y)));
            continue;
        }
        let (ax, ay) = (x - (x - px) / len_in * r, y - (y - py) / len_in * r);
        let (bx, by) = (x + (nx - x) / len_out * r, y + (ny - y) / len_out * r);
        d.push_str(&format!(
            " L{},{} Q{},{} {},{}",
            num(ax),
            num(ay),
            num(x),
            num(y),
            num(bx),
            num(by)
        ));
    }
    d
}

/// The title and subtitle of a diagram, wrapped to its width (never cut).
pub struct TitleBlock {
    title: Vec<String>,
    subtitle: Vec<String>,
    width: f32,
}

impl TitleBlock {
    const MARGIN: f32 = 32.0;

    pub fn new(title: &str, subtitle: &str, width: f32) -> Self {
        let room = width - 2.0 * Self::MARGIN;
        TitleBlock {
            title: text::wrap(title, 20.0, true, room),
            subtitle: text::wrap(subtitle, 12.0, false, room),
            width,
        }
    }

    fn subtitle_y(&self) -> f32 {
        34.0 + (self.title.len() - 1) as f32 * 25.0 + 28.0
    }

    /// Where the diagram below the title starts.
    pub fn bottom(&self) -> f32 {
        self.subtitle_y() + (self.subtitle.len() - 1) as f32 * 15.0 + 24.0
    }

    pub fn draw(self, canvas: &mut Canvas) {
        let room = self.width - 2.0 * Self::MARGIN;
        let y = self.subtitle_y();
        canvas.lines(
            Self::MARGIN,
            34.0,
            self.title,
            20.0,
            true,
            INK,
            Anchor::Start,
            room,
        );
        canvas.lines(
            Self::MARGIN,
            y,
            self.subtitle,
            12.0,
            false,
            MUTED,
            Anchor::Start,
            room,
        );
    }
}

const LABEL_SIZE: f32 = 11.0;

/// An edge label: wrapped lines on a white box centred on `(cx, cy)`.
pub fn edge_label(canvas: &mut Canvas, cx: f32, cy: f32, lines: Vec<String>) {
    let w = text::widest(&lines, LABEL_SIZE, false);
    let h = lines.len() as f32 * LABEL_SIZE * 1.25;
    canvas.rect(
        Rect::new(cx - w / 2.0 - 4.0, cy - h / 2.0 - 3.0, w + 8.0, h + 6.0),
        3.0,
        "#ffffff",
        Some("#d0d7de"),
        0.8,
        false,
        Role::Decoration,
    );
    canvas.lines(
        cx,
        cy - h / 2.0 + LABEL_SIZE * 0.95,
        lines,
        LABEL_SIZE,
        false,
        INK,
        Anchor::Middle,
        w,
    );
}

/// Wraps an edge label for [`edge_label`].
pub fn wrap_label(label: &str) -> Vec<String> {
    text::wrap(label, LABEL_SIZE, false, 120.0)
}

/// The width an edge label needs between two columns.
pub fn label_room(lines: &[String]) -> f32 {
    text::widest(lines, LABEL_SIZE, false) + 36.0
}

/// A step from a card back to itself: a small loop over its top-right corner. Returns the
/// path and where its label goes.
pub fn self_loop(card: Rect) -> (String, (f32, f32)) {
    use scene::num;
    let x = card.right() - 40.0;
    let d = format!(
        "M{},{} C{},{} {},{} {},{}",
        num(x),
        num(card.y),
        num(x),
        num(card.y - 28.0),
        num(card.right() + 23.0),
        num(card.center_y() - 10.0),
        num(card.right()),
        num(card.center_y() - 6.0)
    );
    (d, (x, card.y - 28.0))
}

/// The x of the free gaps around columns: after column `from` and before column `to`, for
/// connectors that go around cards (`loop_back` shifts them so loops and long steps do not
/// share a line).
fn gap_lines(col_x: &[f32], gap: &[f32], from: usize, to: usize, loop_back: bool) -> (f32, f32) {
    let shift = if loop_back { 6.0 } else { 0.0 };
    let after = col_x[from] + CARD_W + gap[from] / 2.0 + shift;
    let before = if to == 0 {
        col_x[0] - 12.0
    } else {
        col_x[to] - gap[to - 1] / 2.0 - shift
    };
    (after, before)
}

/// Column positions: each gap wide enough for the labels of the steps that start in it.
pub struct Columns {
    /// Each edge's label, wrapped.
    pub labels: Vec<Option<Vec<String>>>,
    /// The gap after each column.
    pub gap: Vec<f32>,
    /// The left x of each column.
    pub x: Vec<f32>,
    /// The right edge of the last column's cards.
    pub right: f32,
}

impl Columns {
    pub fn new(l: &layout::Layered, left: f32, min_gap: f32) -> Columns {
        let n = l.columns.len();
        let labels: Vec<Option<Vec<String>>> = l
            .edges
            .iter()
            .map(|e| e.label.as_deref().map(wrap_label))
            .collect();
        let mut gap = vec![min_gap; n];
        for (e, lines) in l.edges.iter().zip(&labels) {
            if let (false, Some(lines)) = (e.backward, lines) {
                let c = l.column[e.from];
                gap[c] = gap[c].max(label_room(lines));
            }
        }
        let mut x = Vec::with_capacity(n);
        let mut next = left;
        for g in &gap {
            x.push(next);
            next += CARD_W + g;
        }
        let right = next - gap.last().copied().unwrap_or(0.0);
        Columns {
            labels,
            gap,
            x,
            right,
        }
    }

    /// See [`gap_lines`].
    pub fn gap_lines(&self, from: usize, to: usize, loop_back: bool) -> (f32, f32) {
        gap_lines(&self.x, &self.gap, from, to, loop_back)
    }
}
