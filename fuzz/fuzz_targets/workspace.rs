//! Fuzz target: one journey file (any bytes) beside the example `org.toml`, loaded from disk
//! as `cxmap check` loads it, then put through every presenter. A crash, a hang or a JSON
//! output that does not parse is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

use cxmap::analyse;
use cxmap::load::{LoadOptions, load};
use cxmap::present::diagram::{DiagramInput, blueprint, dot, map, svg};
use cxmap::present::report::Report;
use cxmap::present::terminal::Terminal;
use cxmap::present::{file_stems, github, json, sarif};

const ORG: &[u8] = include_bytes!("../../journeys/org.toml");

fuzz_target!(|data: &[u8]| {
    let dir = tempfile_dir();
    std::fs::write(dir.join("org.toml"), ORG).unwrap();
    std::fs::write(dir.join("journey.toml"), data).unwrap();
    let options = LoadOptions {
        paths: vec![dir.clone()],
        config: None,
    };
    if let Ok(loaded) = load(&options) {
        let checked = analyse::check(loaded, cxmap::model::Date::new(2026, 11, 26));
        let mut out = Vec::new();
        json::write(&checked, &mut out).unwrap();
        let _: serde_json::Value = serde_json::from_slice(&out).expect("JSON parses");
        sarif::write(&checked, &mut Vec::new()).unwrap();
        github::write(&checked, &mut Vec::new()).unwrap();
        let _ = Terminal::plain().render(&checked);
        if let Some(analysis) = &checked.analysis {
            let ws = &checked.workspace;
            for j in 0..ws.journeys.len() {
                let input = DiagramInput::new(ws, analysis, j);
                let _ = svg::write(&map::scene(&input));
                let _ = svg::write(&blueprint::scene(&input));
                let _ = dot::map(&input);
            }
            if let Ok(stems) = file_stems(ws.journeys.iter().map(|j| j.id.as_str())) {
                let report = Report::new(ws, analysis, None, stems);
                let _ = (report.html(), report.markdown(), report.json());
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
});

/// A fresh folder per input (libFuzzer runs inputs one after another in one process).
fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cxmap-fuzz-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
