//! SVG → PNG in Rust (resvg), with the bundled Liberation Sans so text is readable on a
//! machine without fonts; system fonts are only a fallback for characters it lacks (emoji).
//! A diagram too large for a PNG at the scale asked for is scaled down to the largest PNG
//! cxmap writes, and the caller is told (never refused).

use resvg::{tiny_skia, usvg};

use super::text::{BOLD, REGULAR};

/// The largest PNG cxmap writes: this many pixels in all...
pub const MAX_PIXELS: f32 = 120_000_000.0;
/// ...and this many on its longer side (many viewers and slide tools stop near 32,767).
pub const MAX_SIDE: f32 = 32_000.0;

/// A rendered PNG, and the scale it was rendered at when that is not the one asked for.
pub struct Png {
    pub bytes: Vec<u8>,
    /// `Some((scale, natural width, natural height))` when the diagram was scaled down to
    /// fit: the scale used, and the size in pixels the scale asked for would have given.
    pub fitted: Option<(f32, f32, f32)>,
    pub width: u32,
    pub height: u32,
}

/// The fonts PNG draws text with (PDF loads the same, see `pdf::options`).
pub fn options() -> usvg::Options<'static> {
    let mut options = usvg::Options::default();
    {
        let db = options.fontdb_mut();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.load_system_fonts();
        db.set_sans_serif_family("Liberation Sans");
    }
    "Liberation Sans".clone_into(&mut options.font_family);
    options
}

pub fn render(svg: &str, scale: f32) -> Result<Png, String> {
    let options = options();
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("cannot read the SVG: {e}"))?;
    let size = tree.size();
    let (w, h) = (size.width() * scale, size.height() * scale);
    let fit = (MAX_PIXELS / (w * h))
        .sqrt()
        .min(MAX_SIDE / w.max(h))
        .min(1.0);
    let (used, fitted) = if fit < 1.0 {
        let used = scale * fit;
        (used, Some((used, w, h)))
    } else {
        (scale, None)
    };
    let width = ((size.width() * used).ceil() as u32).max(1);
    let height = ((size.height() * used).ceil() as u32).max(1);
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| "the diagram has no area".to_owned())?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(used, used),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap
        .encode_png()
        .map_err(|e| format!("cannot encode PNG: {e}"))?;
    Ok(Png {
        bytes,
        fitted,
        width,
        height,
    })
}
