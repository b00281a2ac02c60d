//! A bounded, seeded mutation run in `cargo test` (the long campaigns run under `fuzz/`): a few
//! thousand mutants of the example workspace and the rule fixtures (byte flips, truncation,
//! lines duplicated and deleted, huge strings, deep nesting, non-UTF-8, BOM, CRLF and bare CR,
//! NUL bytes), each loaded from disk, checked and put through every presenter. For every case:
//! no panic, JSON that parses, every problem with a file, line and column; and, for a sample
//! run through the real binary, an exit status of 0, 1 or 2.

use std::path::{Path, PathBuf};

use cxmap::analyse;
use cxmap::load::{LoadOptions, load};
use cxmap::present::diagram::{DiagramInput, blueprint, map, svg};
use cxmap::present::report::Report;
use cxmap::present::terminal::Terminal;
use cxmap::present::{github, json, sarif};

/// Waivers are judged on this day.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

const CASES: usize = 1_500;

/// xorshift64*: a deterministic stream of numbers, so a failing case can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            usize::try_from(self.next() % n as u64).unwrap_or(0)
        }
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The seeds: every file of the example workspace and of the rule fixtures.
fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = Vec::new();
    for dir in ["journeys", "tests/fixtures/rules"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            seeds.push((name, std::fs::read(&p).unwrap()));
        }
    }
    seeds
}

fn lines(bytes: &[u8]) -> Vec<Vec<u8>> {
    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect()
}

/// One mutation of `bytes`.
fn mutate(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let at = rng.below(out.len() + 1);
    match rng.below(12) {
        0 => {
            for _ in 0..=rng.below(8) {
                if !out.is_empty() {
                    let i = rng.below(out.len());
                    out[i] ^= 1 << rng.below(8);
                }
            }
        }
        1 => out.truncate(at),
        2 => {
            let mut ls = lines(&out);
            if !ls.is_empty() {
                let i = rng.below(ls.len());
                let line = ls[i].clone();
                ls.insert(i, line);
            }
            out = ls.join(&b'\n');
        }
        3 => {
            let mut ls = lines(&out);
            if !ls.is_empty() {
                ls.remove(rng.below(ls.len()));
            }
            out = ls.join(&b'\n');
        }
        4 => {
            let huge = format!("name = \"{}\"\n", "x".repeat(50_000 + rng.below(200_000)));
            insert(&mut out, line_start(bytes, at), huge.as_bytes());
        }
        5 => {
            let depth = 20 + rng.below(2_000);
            let deep = format!("deep = {}1{}\n", "[".repeat(depth), "]".repeat(depth));
            insert(&mut out, line_start(bytes, at), deep.as_bytes());
        }
        6 => insert(&mut out, at, &[0xff, 0xfe, 0xc3]),
        7 => insert(&mut out, 0, b"\xEF\xBB\xBF"),
        8 => {
            out = String::from_utf8_lossy(&out)
                .replace('\n', "\r\n")
                .into_bytes();
        }
        9 => insert(&mut out, at, b"\r"),
        10 => insert(&mut out, at, &[0]),
        _ => {
            let dots = vec!["k"; 10 + rng.below(200)].join(".");
            let key = format!("[{dots}]\n");
            insert(&mut out, line_start(bytes, at), key.as_bytes());
        }
    }
    out
}

fn insert(out: &mut Vec<u8>, at: usize, bytes: &[u8]) {
    let at = at.min(out.len());
    out.splice(at..at, bytes.iter().copied());
}

fn line_start(bytes: &[u8], at: usize) -> usize {
    bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

/// Every presenter over one checked workspace (the diagrams and the report, which draws every
/// blueprint again, when `drawings` is set); returns the JSON output.
fn present_all(checked: &analyse::Checked, drawings: bool) -> String {
    let mut json_out = Vec::new();
    json::write(checked, &mut json_out).expect("JSON written");
    let mut sink = Vec::new();
    sarif::write(checked, &mut sink).expect("SARIF written");
    github::write(checked, &mut sink).expect("annotations written");
    let _ = Terminal::plain().render(checked);
    if let (true, Some(analysis)) = (drawings, &checked.analysis) {
        let ws = &checked.workspace;
        for j in 0..ws.journeys.len() {
            let input = DiagramInput::new(ws, analysis, j);
            let _ = svg::write(&map::scene(&input));
            let _ = svg::write(&blueprint::scene(&input));
            let _ = cxmap::present::diagram::dot::map(&input);
        }
        let stems = cxmap::present::file_stems(ws.journeys.iter().map(|j| j.id.as_str()));
        if let Ok(stems) = stems {
            let report = Report::new(ws, analysis, None, stems);
            let _ = report.html();
            let _ = report.markdown();
            let _ = report.json();
        }
    }
    String::from_utf8(json_out).expect("JSON is UTF-8")
}

#[test]
fn mutants_never_panic_and_always_say_where() {
    let seeds = seeds();
    let org = std::fs::read(root().join("journeys/org.toml")).unwrap();
    let mut rng = Rng(0x5eed_cafe_f00d_0001);
    let dir = tempfile::tempdir().unwrap();
    for case in 0..CASES {
        let (name, seed) = &seeds[rng.below(seeds.len())];
        let mut mutant = mutate(&mut rng, seed);
        if rng.below(3) == 0 {
            mutant = mutate(&mut rng, &mutant);
        }
        let ws = dir.path().join(format!("case-{case}"));
        std::fs::create_dir(&ws).unwrap();
        std::fs::write(ws.join("org.toml"), &org).unwrap();
        let file = if name == "org.toml" || name.ends_with(".cxmap.toml") {
            "mutant.toml".to_owned()
        } else {
            name.clone()
        };
        std::fs::write(ws.join(&file), &mutant).unwrap();
        let options = LoadOptions {
            paths: vec![ws.clone()],
            config: None,
        };
        let Ok(loaded) = load(&options) else {
            continue; // the command could not run: exit status 2, a plain error
        };
        let checked = analyse::check(loaded, TODAY);
        let json: serde_json::Value = serde_json::from_str(&present_all(&checked, case % 4 == 0))
            .unwrap_or_else(|e| panic!("case {case} ({name}): JSON does not parse: {e}"));
        for e in json["errors"].as_array().unwrap() {
            assert!(
                e["file"].as_str().is_some_and(|f| !f.is_empty()),
                "case {case}"
            );
            assert!(
                e["line"].as_u64().is_some_and(|l| l >= 1),
                "case {case}: {e}"
            );
            assert!(
                e["column"].as_u64().is_some_and(|c| c >= 1),
                "case {case}: {e}"
            );
        }
        assert_eq!(checked.analysis.is_some(), checked.problems.is_empty());

        // A sample through the real binary: the exit status of the contract.
        if case % 100 == 0 {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
                .args(["check", "--format", "json"])
                .arg(&ws)
                .env("CXMAP_TODAY", "2026-11-26")
                .output()
                .unwrap();
            let code = out.status.code().expect("exited, not killed");
            assert!(matches!(code, 0..=2), "case {case}: exit {code}");
            if code != 2 {
                let _: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            }
        }
        std::fs::remove_dir_all(&ws).unwrap();
    }
}
