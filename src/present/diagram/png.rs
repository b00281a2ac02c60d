//! SVG → PNG in Rust (resvg), with the bundled Liberation Sans so text is readable on a
//! machine without fonts; system fonts are only a fallback for characters it lacks (emoji).

use resvg::{tiny_skia, usvg};

use super::text::{BOLD, REGULAR};

/// Images larger than this many pixels are refused: use SVG for such diagrams.
pub const MAX_PIXELS: f32 = 120_000_000.0;

pub fn render(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    let mut options = usvg::Options::default();
    {
        let db = options.fontdb_mut();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.load_system_fonts();
        db.set_sans_serif_family("Liberation Sans");
    }
    "Liberation Sans".clone_into(&mut options.font_family);
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("cannot read the SVG: {e}"))?;
    let size = tree.size();
    let (w, h) = (size.width() * scale, size.height() * scale);
    if w * h > MAX_PIXELS {
        return Err(format!(
            "the diagram is too large for a PNG at scale {scale} ({} × {} px); use SVG, or a smaller --scale",
            w.round(),
            h.round()
        ));
    }
    let mut pixmap = tiny_skia::Pixmap::new(w.ceil() as u32, h.ceil() as u32)
        .ok_or_else(|| "the diagram has no area".to_owned())?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode PNG: {e}"))
}
