//! Spreadsheets in and out: export then import gives the same model and the same findings
//! (on `journeys/` and over generated workspaces); import problems point at file, sheet, row
//! and column; CSV files from Excel read as they should; hostile names stay text; `metrics`
//! changes only the numbers; the workbook is a real Excel file with its dropdowns, as an
//! independent reader (Python's openpyxl) sees it.

#[path = "../common/mod.rs"]
mod common;
mod csv_files;
mod generated;
mod hostile;
mod import_problems;
mod metrics;
mod openpyxl;
mod round_trips;

use std::fmt::Write as _;
use std::path::Path;

use proptest::prelude::*;

use common::{cxmap_in, workspace};
use cxmap::analyse::{self, Checked};
use cxmap::load::sheets::{self, read};
use cxmap::load::{LoadOptions, load, load_texts};
use cxmap::model::Workspace;
use cxmap::present::sheets as export;

const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

/// Everything the model says, spans aside, journeys in id order.
fn describe(ws: &Workspace) -> String {
    let mut s = String::new();
    if let Some(o) = &ws.organization {
        writeln!(s, "org {:?} {:?}", o.name, o.north_star).unwrap();
    }
    for d in &ws.departments {
        writeln!(
            s,
            "dept {:?} {:?} {} {:?} {}",
            d.id, d.name, d.customer_facing, d.champion, d.external
        )
        .unwrap();
    }
    let dept = |i: &usize| ws.departments[*i].id.clone();
    let data = |i: &usize| ws.data[*i].id.clone();
    for d in &ws.data {
        writeln!(
            s,
            "data {:?} {:?} {:?}",
            d.id,
            d.name,
            d.held_by.iter().map(dept).collect::<Vec<_>>()
        )
        .unwrap();
    }
    let mut journeys: Vec<_> = ws.journeys.iter().collect();
    journeys.sort_by(|a, b| a.id.cmp(&b.id));
    for j in journeys {
        writeln!(
            s,
            "journey {:?} {:?} {:?} {:?} {:?}",
            j.id,
            j.name,
            j.persona,
            j.owner.as_ref().map(dept),
            j.stages
        )
        .unwrap();
        for t in &j.touchpoints {
            writeln!(
                s,
                "  tp {:?} {:?} stage={:?} owners={:?} channels={:?} back={} buy={} uses={:?} asks={:?} artifacts={:?} support={:?} score={:?}",
                t.id,
                t.name,
                t.stage.map(|i| &j.stages[i]),
                t.owners.iter().map(dept).collect::<Vec<_>>(),
                t.channels,
                t.backstage,
                t.purchase,
                t.uses.iter().map(data).collect::<Vec<_>>(),
                t.asks.iter().map(data).collect::<Vec<_>>(),
                t.artifacts,
                t.supported_by.iter().map(dept).collect::<Vec<_>>(),
                t.score,
            )
            .unwrap();
            for i in &t.insights {
                writeln!(
                    s,
                    "    insight {:?} {:?} {:?} {:?}",
                    i.source, i.quote, i.date, i.sample
                )
                .unwrap();
            }
            for m in &t.metrics {
                writeln!(
                    s,
                    "    metric {:?} {:?} {:?} {:?} {:?}",
                    m.name,
                    m.value.to_bits(),
                    m.target.map(f64::to_bits),
                    m.better,
                    m.unit
                )
                .unwrap();
            }
            for n in &t.next {
                writeln!(s, "    next {:?} {:?}", j.touchpoints[n.to].id, n.label).unwrap();
            }
        }
    }
    s
}

/// The findings without their places (the files differ), sorted.
fn findings(checked: &Checked) -> Vec<String> {
    let ws = &checked.workspace;
    let names = cxmap::analyse::names::Names::ids(ws);
    let mut out: Vec<String> = checked
        .analysis
        .as_ref()
        .expect("valid")
        .findings
        .iter()
        .map(|f| {
            format!(
                "{} {:?} {:?} {} {:?} {}",
                f.rule.name,
                f.severity,
                f.journey.map(|j| &ws.journeys[j].id),
                f.subject.id(ws),
                f.detail.map(|d| d.id(ws)),
                f.message(&names)
            )
        })
        .collect();
    out.sort();
    out
}

/// Export → import in memory: the journey files an import of the export writes.
fn round_trip(ws: &Workspace, csv: bool) -> Result<Vec<(String, String)>, String> {
    let tables = export::tables(ws);
    let mut read_back = Vec::new();
    let mut problems = Vec::new();
    if csv {
        for (name, bytes) in export::csv::files(&tables) {
            let stem = name.trim_end_matches(".csv").to_owned();
            read::read_csv(&bytes, &name, &stem, &mut read_back, &mut problems);
        }
    } else {
        let bytes = export::xlsx::workbook(&tables, &export::stage_names(ws), false)
            .map_err(|e| e.message)?;
        read::read_workbook(&bytes, "journeys.xlsx", &mut read_back, &mut problems);
    }
    let (book, more) = sheets::read_tables(&read_back);
    problems.extend(more);
    match cxmap::cli::import_book(&book, problems, "journeys.xlsx").map_err(|e| e.message)? {
        Ok(files) => Ok(files.into_iter().map(|f| (f.name, f.text)).collect()),
        Err(problems) => Err(format!("{problems:#?}")),
    }
}

fn check_texts(files: &[(String, String)]) -> Checked {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    analyse::check(load_texts(&refs), TODAY)
}

/// The workbook carries the journeys, not the team's `cxmap.toml` (severities, waivers): the
/// team keeps that file beside the imported journeys, and so does this comparison.
fn assert_same(original: &Checked, files: &[(String, String)]) {
    let mut files = files.to_vec();
    files.push(("cxmap.toml".to_owned(), team_config()));
    let back = check_texts(&files);
    assert!(back.problems.is_empty(), "{:#?}\n{files:#?}", back.problems);
    assert_eq!(describe(&original.workspace), describe(&back.workspace));
    assert_eq!(findings(original), findings(&back));
}

/// The example's `cxmap.toml`.
fn team_config() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join("journeys/cxmap.toml")).unwrap()
}

fn journeys() -> Checked {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = load(&LoadOptions {
        paths: vec![root.join("journeys")],
        config: None,
    })
    .unwrap();
    analyse::check(loaded, TODAY)
}

/// Runs `cxmap import` over CSV files written into a fresh folder, into `out`.
fn import_csv(files: &[(&str, &str)]) -> (tempfile::TempDir, common::Output) {
    let dir = workspace(files);
    let mut args = vec!["import"];
    args.extend(files.iter().map(|f| f.0));
    args.extend(["-o", "out", "--color", "never"]);
    let out = cxmap_in(Some(dir.path()), &args);
    (dir, out)
}

fn toml_str(s: &str) -> String {
    toml_edit::Value::from(s).to_string()
}

fn toml_list(items: &[String]) -> String {
    let mut seen = Vec::new();
    let quoted: Vec<String> = items
        .iter()
        .filter(|i| {
            let new = !seen.contains(i);
            seen.push(i);
            new
        })
        .map(|i| toml_str(i))
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// Source, quote, (month, day), sample.
type GenInsight = (String, Option<String>, Option<(u8, u8)>, Option<u32>);
/// Which of three names, value, target, lower is better, unit.
type GenMetric = (usize, f64, Option<f64>, bool, Option<String>);

/// The bundled journeys, loaded once for the properties below.
static JOURNEYS: std::sync::LazyLock<Checked> = std::sync::LazyLock::new(journeys);
/// Their workbook.
static WORKBOOK: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    export::xlsx::workbook(&export::tables(&JOURNEYS.workspace), &[], false).unwrap()
});
