//! The words of a PDF with their sizes, read by poppler's `pdftotext -bbox` (an independent
//! reader), and where a name occurs among them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `pdftotext` when installed.
pub fn pdftotext() -> Option<PathBuf> {
    Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
        .then(|| PathBuf::from("pdftotext"))
}

/// A word as printed: its text and font size in points.
pub struct Word {
    pub text: String,
    pub size: f32,
}

/// Height of a word's box over its font size for Liberation Sans, the report's font
/// (ascender 0.905 + descender 0.212 of the em).
const BOX_PER_POINT: f32 = 1.117;

/// The upright words of each page, in reading order. Rotated words (the custody table's
/// column heads) are left out: their box height is their length.
pub fn pages(pdf: &Path) -> Vec<Vec<Word>> {
    let out = Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    text.split("<page ")
        .skip(1)
        .map(|page| {
            page.split("<word ")
                .skip(1)
                .filter_map(|w| {
                    let attr = |name: &str| -> f32 {
                        let at = w.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                        w[at..w[at..].find('"').unwrap() + at].parse().unwrap()
                    };
                    let (x0, y0, x1, y1) = (attr("xMin"), attr("yMin"), attr("xMax"), attr("yMax"));
                    let text = unescape(&w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()]);
                    let rotated = y1 - y0 > (x1 - x0) * 1.5 && text.chars().count() > 1;
                    (!rotated).then(|| Word {
                        text,
                        size: (y1 - y0) / BOX_PER_POINT,
                    })
                })
                .collect()
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Every place `name` is printed as consecutive words: (page number, smallest size).
pub fn occurrences(pages: &[Vec<Word>], name: &str) -> Vec<(usize, f32)> {
    let wanted: Vec<&str> = name.split_whitespace().collect();
    let mut found = Vec::new();
    for (p, words) in pages.iter().enumerate() {
        for start in 0..words.len().saturating_sub(wanted.len() - 1) {
            let run = &words[start..start + wanted.len()];
            if run.iter().zip(&wanted).all(|(w, t)| w.text == *t) {
                found.push((
                    p + 1,
                    run.iter().map(|w| w.size).fold(f32::INFINITY, f32::min),
                ));
            }
        }
    }
    found
}
