//! Colours: cxmap's own palette (never user text), each department's colour, and what a
//! score's tone is drawn in. One place decides what a colour means.
//!
//! Department colours are qualitative: Paul Tol's "muted" nine, extended to sixteen with
//! colours chosen to stay apart in CIELAB for normal vision and for simulated deuteranopia,
//! protanopia and tritanopia (tests check the distances). No sixteen colours are safe for
//! every eye, so colour never carries meaning alone: lanes are named and cards say who owns
//! them. The accent (vermillion) and the alert red are kept out of the department palette,
//! so they keep their meaning.

use super::scene::Color;
use crate::model::Tone;

/// (strong, light) colours of each department, by the department's place in the workspace:
/// a department keeps its colour in every diagram.
pub const PALETTE: [(Color, Color); 16] = [
    ("#332288", "#dedcec"), // indigo
    ("#117733", "#d9e9de"), // green
    ("#44AA99", "#e1f1ef"), // teal
    ("#88CCEE", "#ecf7fc"), // cyan
    ("#DDCC77", "#faf7e9"), // sand
    ("#CC6677", "#f7e7e9"), // rose
    ("#AA4499", "#f1e1ef"), // purple
    ("#882255", "#ecdce4"), // wine
    ("#999933", "#efefde"), // olive
    ("#663333", "#e7dede"), // brown
    ("#BBCC33", "#f4f7de"), // pear
    ("#DDAA77", "#faf1e9"), // tan
    ("#114477", "#d9e1e9"), // navy
    ("#6699CC", "#e7eff7"), // sky
    ("#997700", "#efe9d6"), // ochre
    ("#0077BB", "#d6e9f4"), // blue
];

pub const INK: Color = "#1f2328";
pub const MUTED: Color = "#57606a";
pub const LINE: Color = "#6e7781";
pub const ALERT: Color = "#b3261e";
pub const ALERT_FILL: Color = "#fde8e6";
/// The strong accent: a hand-off the customer feels (see `DiagramInput::accent`). Nothing
/// else is drawn in it.
pub const ACCENT: Color = "#d55e00";
pub const GOOD: Color = "#1a7f37";
pub const BACKSTAGE_FILL: Color = "#f6f8fa";
pub const BAND: Color = "#f3f5f7";
pub const RULE: Color = "#d0d7de";

/// (strong, light) colours of a department.
pub fn department_color(index: usize) -> (Color, Color) {
    PALETTE[index % PALETTE.len()]
}

/// The colour a score is drawn in, by its tone.
pub fn tone_color(tone: Tone) -> Color {
    match tone {
        Tone::Bad => ALERT,
        Tone::Good => GOOD,
        Tone::Neutral => LINE,
    }
}
