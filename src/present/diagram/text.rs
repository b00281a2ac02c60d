//! Text measurement with fixed font metrics (Liberation Sans, metric-compatible with Arial),
//! so the same input gives byte-identical SVG on every machine, and wrapping that never
//! truncates: a word wider than the box is broken between characters.

use std::sync::OnceLock;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

pub const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../../assets/fonts/LiberationSans-Bold.ttf");

/// The family named in SVG: the bundled font first, then metric-compatible system fonts.
pub const FONT_FAMILY: &str = "'Liberation Sans', Arial, Helvetica, sans-serif";

/// Advance widths in em for one face; ASCII is cached, the rest looked up.
struct Face {
    font: FontRef<'static>,
    ascii: [f32; 128],
    /// The punctuation cxmap writes itself (`·`, `—`, `…`, `•`, `→`), looked up once.
    common: [(char, f32); 5],
    upem: f32,
}

impl Face {
    fn new(bytes: &'static [u8]) -> Face {
        let font = FontRef::new(bytes).expect("bundled font parses");
        let upem = f32::from(
            font.metrics(Size::unscaled(), LocationRef::default())
                .units_per_em,
        );
        let mut face = Face {
            font,
            ascii: [0.0; 128],
            common: [('·', 0.0), ('—', 0.0), ('…', 0.0), ('•', 0.0), ('→', 0.0)],
            upem,
        };
        face.ascii = std::array::from_fn(|i| face.lookup(char::from(i as u8)));
        face.common = face.common.map(|(c, _)| (c, face.lookup(c)));
        face
    }

    fn lookup(&self, c: char) -> f32 {
        let metrics = self
            .font
            .glyph_metrics(Size::unscaled(), LocationRef::default());
        match self.font.charmap().map(c) {
            Some(gid) => metrics.advance_width(gid).unwrap_or(self.upem) / self.upem,
            // Not in the font (emoji, CJK, ...): the fallback font will draw it; assume a
            // full em so the box is never too narrow.
            None if c.is_control() => 0.0,
            None => 1.0,
        }
    }

    fn advance(&self, c: char) -> f32 {
        if c.is_ascii() {
            self.ascii[c as usize]
        } else if let Some(&(_, w)) = self.common.iter().find(|(k, _)| *k == c) {
            w
        } else {
            self.lookup(c)
        }
    }
}

fn faces() -> &'static (Face, Face) {
    static FACES: OnceLock<(Face, Face)> = OnceLock::new();
    FACES.get_or_init(|| (Face::new(REGULAR), Face::new(BOLD)))
}

/// Width in pixels of `text` at `size` px.
pub fn width(text: &str, size: f32, bold: bool) -> f32 {
    let (regular, bold_face) = faces();
    let face = if bold { bold_face } else { regular };
    text.chars().map(|c| face.advance(c)).sum::<f32>() * size
}

/// Splits `text` into lines no wider than `max` px. Whitespace (including line breaks in
/// the input) separates words; nothing is dropped but runs of whitespace.
pub fn wrap(text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size, bold) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if width(word, size, bold) <= max {
            word.clone_into(&mut line);
        } else {
            // Break a long word between characters.
            for c in word.chars() {
                let mut next = line.clone();
                next.push(c);
                if width(&next, size, bold) > max && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The widest of `lines`.
pub fn widest(lines: &[String], size: f32, bold: bool) -> f32 {
    lines
        .iter()
        .map(|l| width(l, size, bold))
        .fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arial_compatible_metrics() {
        // Arial/Liberation Sans: "M" is 0.833 em, space 0.278 em.
        assert!((width("M", 100.0, false) - 83.3).abs() < 0.1);
        assert!((width(" ", 100.0, false) - 27.8).abs() < 0.1);
        assert!(width("Ab", 12.0, true) > width("Ab", 12.0, false));
    }

    #[test]
    fn wrapping_keeps_every_character_and_fits() {
        let text = "Receives the first bill Supercalifragilisticexpialidocious 🙂 done";
        let lines = wrap(text, 12.0, false, 80.0);
        for l in &lines {
            assert!(width(l, 12.0, false) <= 80.0, "{l}");
        }
        let joined: String = lines.concat().split_whitespace().collect();
        let original: String = text.split_whitespace().collect();
        assert_eq!(joined, original);
        assert_eq!(wrap("", 12.0, false, 80.0), vec![String::new()]);
    }
}
