//! Colours: cxmap's own palette (never user text), each department's colour, and what a
//! score's tone is drawn in. One place decides what a colour means.

use super::scene::Color;
use crate::model::Tone;

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

/// The colour a score is drawn in, by its tone.
pub fn tone_color(tone: Tone) -> Color {
    match tone {
        Tone::Bad => ALERT,
        Tone::Good => GOOD,
        Tone::Neutral => LINE,
    }
}
