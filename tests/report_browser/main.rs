//! The report as people see it, in a real headless Chromium: on a 1280 × 800 screen nothing
//! sticks out to the right, and `cxmap report --format pdf` prints every department and
//! touchpoint name, touchpoint names at 7 pt or more (measured with poppler's
//! `pdftotext -bbox`). Skipped without Chromium or poppler, unless `CXMAP_REQUIRE_TOOLS` is set
//! (as in CI).

#[path = "../common/mod.rs"]
mod common;
mod devtools;
mod pdf_words;

use std::path::{Path, PathBuf};

use common::{cxmap_in, workspace};
use cxmap::load::{LoadOptions, load};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The tool, or `None` (and a note) when it is missing and not required.
fn required(tool: Option<PathBuf>, name: &str) -> Option<PathBuf> {
    if tool.is_none() {
        assert!(
            std::env::var_os("CXMAP_REQUIRE_TOOLS").is_none(),
            "{name} is required (CXMAP_REQUIRE_TOOLS is set)"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!("skipping: {name} is not installed");
        }
    }
    tool
}

/// What sticks out to the right of a `width`-px screen: the page's scroll width and the
/// first elements whose box passes the right edge.
const OVERFLOW: &str = r"(() => {
  const w = document.documentElement.clientWidth;
  const over = [...document.querySelectorAll('body *')]
    .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > w + 0.5; })
    .slice(0, 8)
    .map(e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className : '')
      + ': ' + (e.textContent || '').trim().slice(0, 40));
  return { screen: window.innerWidth, scroll: document.documentElement.scrollWidth, width: w, over };
})()";

fn assert_fits_1280(chromium: &Path, html: &Path) {
    let mut browser = devtools::Browser::open(chromium, html, 1280, 800);
    let seen = browser.eval(OVERFLOW);
    // The page's width is the screen's less the vertical scroll bar.
    assert_eq!(seen["screen"], 1280, "{seen}");
    assert_eq!(
        seen["scroll"], seen["width"],
        "the page scrolls sideways: {seen}"
    );
    assert_eq!(seen["over"], serde_json::json!([]), "{seen}");
}

#[test]
fn the_example_report_fits_a_1280_px_screen() {
    let Some(chromium) = required(devtools::chromium(), "Chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let run = cxmap_in(Some(root()), &["report", "-o", html.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_fits_1280(&chromium, &html);
}

/// A wide organisation: 24 departments with long names, a journey of 12 stages, long
/// unbroken words. Still nothing sticks out.
#[test]
fn a_wide_organisation_fits_a_1280_px_screen() {
    let Some(chromium) = required(devtools::chromium(), "Chromium") else {
        return;
    };
    let mut org = String::from("[organization]\nname = \"Wide\"\n");
    for d in 0..24 {
        org.push_str(&format!(
            "[[department]]\nid = \"d{d}\"\nname = \"Regional Customer Operations Department{d}\"\ncustomer_facing = {}\n",
            d % 2 == 0
        ));
        org.push_str(&format!(
            "[[data]]\nid = \"data{d}\"\nname = \"Supercalifragilisticexpialidocious record {d}\"\nheld_by = [\"d{d}\"]\n"
        ));
    }
    let stages: Vec<String> = (0..12)
        .map(|s| format!("\"Stage with a long name {s}\""))
        .collect();
    let mut journey = format!(
        "[journey]\nid = \"j\"\nname = \"A journey with a very long name that goes on and on\"\nstages = [{}]\n",
        stages.join(", ")
    );
    for t in 0..48 {
        journey.push_str(&format!(
            "[[touchpoint]]\nid = \"t{t}\"\nname = \"Touchpoint number {t} with an unbreakablewordthatgoesonforeverandever\"\nstage = \"Stage with a long name {}\"\nowner = \"d{}\"\nuses = [\"data{}\"]\nscore = -2\n{}",
            t / 4,
            t % 24,
            (t + 1) % 24,
            if t < 47 { format!("next = [\"t{}\"]\n", t + 1) } else { String::new() }
        ));
    }
    let dir = workspace(&[("ws/org.toml", &org), ("ws/j.toml", &journey)]);
    let run = cxmap_in(Some(dir.path()), &["report", "ws", "-o", "r.html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_fits_1280(&chromium, &dir.path().join("r.html"));
}

/// Every department and touchpoint name of the example is in the PDF, and every time a
/// touchpoint name is printed, it is at 7 pt or more.
#[test]
fn the_pdf_prints_every_name_touchpoint_names_at_7_pt_or_more() {
    let Some(_) = required(devtools::chromium(), "Chromium") else {
        return;
    };
    let Some(_) = required(pdf_words::pdftotext(), "pdftotext (poppler-utils)") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    let run = cxmap_in(
        Some(root()),
        &["report", "--format", "pdf", "-o", pdf.to_str().unwrap()],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("wrote {}\n", pdf.display()));
    let pages = pdf_words::pages(&pdf);
    let loaded = load(&LoadOptions {
        paths: vec![root().join("journeys")],
        config: None,
    })
    .unwrap();
    let ws = &loaded.workspace;
    for d in &ws.departments {
        assert!(
            !pdf_words::occurrences(&pages, &d.name).is_empty(),
            "department {} is missing from the PDF",
            d.name
        );
    }
    for j in &ws.journeys {
        for t in &j.touchpoints {
            let sizes = pdf_words::occurrences(&pages, &t.name);
            assert!(!sizes.is_empty(), "touchpoint {} is missing", t.name);
            for (page, size) in sizes {
                assert!(
                    size >= 7.0,
                    "touchpoint {} printed at {size:.1} pt on page {page}",
                    t.name
                );
            }
        }
    }
}

#[test]
fn no_browser_is_a_clear_error_with_exit_status_2() {
    let run = cxmap_in(
        Some(root()),
        &[
            "report",
            "--format",
            "pdf",
            "--browser",
            "/nonexistent/chromium",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no browser at `/nonexistent/chromium`"),
        "{}",
        run.stderr
    );
    let empty = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["report", "--format", "pdf"])
        .current_dir(root())
        .env("PATH", empty.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("`--format pdf` needs Chromium or Google Chrome, and none was found"),
        "{stderr}"
    );
    assert!(stderr.contains("--browser PATH"), "{stderr}");
    assert!(!root().join("output/report.pdf.tmp").exists());
}
