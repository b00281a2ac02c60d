//! The title block of a diagram: title and subtitle, wrapped to its width, never cut.

use super::palette::{INK, MUTED};
use super::scene::{Anchor, Canvas};
use super::text;

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
