//! Slide pages as one PDF document, in Rust: each page's SVG converted by `svg2pdf` (text in
//! the bundled Liberation Sans, drawn as outlines), the pages assembled with `pdf-writer`. 1920 × 1080 px pages become 16:9 pages of 1440 × 810 pt, which deck
//! tools (`PowerPoint`, Keynote, Google Slides) import page by page. No dates or random ids are
//! written: the same pages give the same bytes.

use std::collections::HashMap;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use svg2pdf::usvg;

use super::text::{BOLD, REGULAR};

/// Points per pixel: 1920 px pages are 1440 pt wide (20 inches, a 16:9 slide).
const PT_PER_PX: f32 = 0.75;

/// The fonts of `png::options`, for the `usvg` that svg2pdf depends on: a different version
/// of the crate than resvg's, so its options are a different type and cannot be shared.
fn options() -> usvg::Options<'static> {
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

/// One PDF of `pages` (SVG texts), titled `title`.
pub fn document(title: &str, pages: &[String]) -> Result<Vec<u8>, String> {
    let options = options();
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let tree_ref = alloc.bump();
    let info = alloc.bump();
    let mut pdf = Pdf::new();
    let mut page_refs = Vec::with_capacity(pages.len());
    let mut chunks = Vec::with_capacity(pages.len());
    for (i, svg) in pages.iter().enumerate() {
        let tree = usvg::Tree::from_str(svg, &options)
            .map_err(|e| format!("cannot read page {} as SVG: {e}", i + 1))?;
        // Text as outlines: svg2pdf numbers embedded fonts in hash-map order, which would
        // make every run's bytes differ; outlines look the same in every viewer too.
        let conversion = svg2pdf::ConversionOptions {
            embed_text: false,
            ..svg2pdf::ConversionOptions::default()
        };
        let (chunk, root) = svg2pdf::to_chunk(&tree, conversion)
            .map_err(|e| format!("cannot convert page {} to PDF: {e}", i + 1))?;
        let mut map = HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(|| alloc.bump()));
        let svg_ref = map[&root];
        let page_ref = alloc.bump();
        let content_ref = alloc.bump();
        let size = tree.size();
        let (w, h) = (size.width() * PT_PER_PX, size.height() * PT_PER_PX);
        let name = Name(b"S1");
        let mut page = pdf.page(page_ref);
        page.media_box(Rect::new(0.0, 0.0, w, h));
        page.parent(tree_ref);
        page.contents(content_ref);
        page.resources().x_objects().pair(name, svg_ref);
        page.finish();
        let mut content = Content::new();
        // The XObject is one point square: stretch it over the page.
        content.transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(name);
        pdf.stream(content_ref, &content.finish());
        page_refs.push(page_ref);
        chunks.push(chunk);
    }
    for chunk in &chunks {
        pdf.extend(chunk);
    }
    pdf.catalog(catalog).pages(tree_ref);
    pdf.pages(tree_ref)
        .count(i32::try_from(page_refs.len()).unwrap_or(i32::MAX))
        .kids(page_refs);
    pdf.document_info(info)
        .title(TextStr(title))
        .producer(TextStr("cxmap"));
    Ok(pdf.finish())
}
