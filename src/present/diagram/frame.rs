//! How a drawing may be cut into slide pages, and what every page repeats: the frame the
//! views build beside their scene (title, body, gutter, stage row, cuts, bands, legend).
//! `pages` reads it; the report's PDF can too.

use super::legend::LegendEntry;
use super::scene::{Rect, Scene};

/// Where a drawing may be cut into pages, and what every page repeats. Built by the views
/// beside their scene; `pages` reads it.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Title and subtitle as shown (not wrapped).
    pub title: String,
    pub subtitle: String,
    /// The part of the scene between title and legend.
    pub body: Rect,
    /// The left strip of the body every page repeats (lane and row names): its right x.
    pub gutter: f32,
    /// The top strip of the body every page repeats (stage names): its bottom y.
    pub head: f32,
    /// Where the body may be cut left to right, as x positions; `true` at stage boundaries.
    pub cuts_x: Vec<(f32, bool)>,
    /// The body under the stage names, top to bottom, in bands a page may leave out or
    /// start a page with.
    pub strips: Vec<Strip>,
    /// Each stage's name and the x extent of its header, for pages that start inside it.
    pub stages: Vec<(f32, f32, String)>,
    pub legend: Vec<LegendEntry>,
}

/// A band of a drawing's body, full width: a row, a lane, a line's band.
#[derive(Debug, Clone)]
pub struct Strip {
    pub y0: f32,
    pub y1: f32,
    /// Shown on every page that shows the band's stretch (the evidence and customer rows).
    pub always: bool,
    /// The band of one of the blueprint's lines: 0 interaction, 1 visibility, 2 internal.
    pub line: Option<u8>,
    /// The x extents of the boxes in it: a page shows the band when one reaches into it.
    pub holds: Vec<(f32, f32)>,
}

/// A view as drawn: the whole scene, and how to cut it into pages.
pub struct Drawing {
    pub scene: Scene,
    pub frame: Frame,
}
