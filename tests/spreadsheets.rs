//! Spreadsheets in and out: export then import gives the same model and the same findings
//! (on `journeys/` and over generated workspaces); import problems point at file, sheet, row
//! and column; CSV files from Excel read as they should; hostile names stay text; `metrics`
//! changes only the numbers; the workbook is a real Excel file with its dropdowns, as an
//! independent reader (Python's openpyxl) sees it.

mod common;

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
        writeln!(s, "dept {:?} {:?} {} {:?} {}", d.id, d.name, d.customer_facing, d.champion, d.external).unwrap();
    }
    let dept = |i: &usize| ws.departments[*i].id.clone();
    let data = |i: &usize| ws.data[*i].id.clone();
    for d in &ws.data {
        writeln!(s, "data {:?} {:?} {:?}", d.id, d.name, d.held_by.iter().map(dept).collect::<Vec<_>>()).unwrap();
    }
    let mut journeys: Vec<_> = ws.journeys.iter().collect();
    journeys.sort_by(|a, b| a.id.cmp(&b.id));
    for j in journeys {
        writeln!(s, "journey {:?} {:?} {:?} {:?} {:?}", j.id, j.name, j.persona, j.owner.as_ref().map(dept), j.stages).unwrap();
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
                writeln!(s, "    insight {:?} {:?} {:?} {:?}", i.source, i.quote, i.date, i.sample).unwrap();
            }
            for m in &t.metrics {
                writeln!(s, "    metric {:?} {:?} {:?} {:?} {:?}", m.name, m.value.to_bits(), m.target.map(f64::to_bits), m.better, m.unit).unwrap();
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
        let bytes = export::xlsx::workbook(&tables, &export::stage_names(ws), false).map_err(|e| e.message)?;
        read::read_workbook(&bytes, "journeys.xlsx", &mut read_back, &mut problems);
    }
    let (book, more) = sheets::read_tables(read_back);
    problems.extend(more);
    match cxmap::cli::import_book(&book, problems, "journeys.xlsx").map_err(|e| e.message)? {
        Ok(files) => Ok(files.into_iter().map(|f| (f.name, f.text)).collect()),
        Err(problems) => Err(format!("{problems:#?}")),
    }
}

fn check_texts(files: &[(String, String)]) -> Checked {
    let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    analyse::check(load_texts(&refs), TODAY)
}

fn assert_same(original: &Checked, files: &[(String, String)]) {
    let back = check_texts(files);
    assert!(back.problems.is_empty(), "{:#?}\n{}", back.problems, files.iter().map(|f| format!("== {}\n{}", f.0, f.1)).collect::<String>());
    assert_eq!(describe(&original.workspace), describe(&back.workspace));
    assert_eq!(findings(original), findings(&back));
}

fn journeys() -> Checked {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = load(&LoadOptions { paths: vec![root.join("journeys")], config: None }).unwrap();
    analyse::check(loaded, TODAY)
}

#[test]
fn journeys_round_trip_through_xlsx_and_csv() {
    let original = journeys();
    assert!(original.problems.is_empty());
    for csv in [false, true] {
        let files = round_trip(&original.workspace, csv).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(names, ["org.toml", "boiler-cover.toml", "ev-tariff.toml", "move-home.toml", "smart-meter.toml", "switch-supplier.toml"]);
        assert_same(&original, &files);
    }
}

#[test]
fn journeys_round_trip_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let xlsx = d.join("j.xlsx");
    let out = cxmap_in(Some(root), &["export", "journeys", "-o", xlsx.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let back = d.join("back");
    let out = cxmap_in(Some(d), &["import", "j.xlsx", "-o", "back"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "wrote 7 files to `back`: 5 journeys, 37 touchpoints, 11 departments, 6 data assets\nnext: `cxmap check back`\n"
    );
    let mut written: Vec<String> = std::fs::read_dir(&back).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    written.sort();
    assert_eq!(written, ["boiler-cover.toml", "cxmap.schema.json", "ev-tariff.toml", "move-home.toml", "org.toml", "smart-meter.toml", "switch-supplier.toml"]);
    let loaded = load(&LoadOptions { paths: vec![back.clone()], config: None }).unwrap();
    let again = analyse::check(loaded, TODAY);
    let original = journeys();
    assert_eq!(describe(&original.workspace), describe(&again.workspace));
    assert_eq!(findings(&original), findings(&again));
    // The check's own output reads the same, file names and all, apart from the lines.
    let a = cxmap_in(Some(root), &["check", "journeys", "--color", "never"]);
    let b = cxmap_in(Some(d), &["check", "back", "--color", "never"]);
    assert_eq!(a.code, b.code);
    assert_eq!(a.stdout.lines().last(), b.stdout.lines().last());
    // A second import never overwrites: exit 2, nothing changed.
    let before = std::fs::read(back.join("org.toml")).unwrap();
    let out = cxmap_in(Some(d), &["import", "j.xlsx", "-o", "back"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: not overwriting `back/org.toml`"), "{}", out.stderr);
    assert_eq!(std::fs::read(back.join("org.toml")).unwrap(), before);
}

#[test]
fn imported_files_read_as_a_person_would_write_them() {
    let files = round_trip(&journeys().workspace, false).unwrap();
    let org = &files[0].1;
    assert!(org.starts_with("#:schema ./cxmap.schema.json\n# Imported from journeys.xlsx with `cxmap import`.\n\n[organization]\nname = \"Brightline Energy\"\nnorth_star = \"Customers never have to chase us\"\n\n[[department]]\nid = \"sales\"\nname = \"Sales & Acquisition\"\ncustomer_facing = true\nchampion = \"Priya Shah\"\n\n[[department]]\n"), "{org}");
    assert!(org.contains("\n[[data]]\nid = \"consent-preferences\"\nname = \"Marketing consent and contact preferences\"\nheld_by = []\n"));
    let switch = &files.iter().find(|f| f.0 == "switch-supplier.toml").unwrap().1;
    assert!(switch.contains("\n[[touchpoint]]\nid = \"credit-check\"\nname = \"Credit check\"\nstage = \"Sign up\"\nowner = \"compliance\"\nbackstage = true\nuses = [\"credit-score\"]\nnext = [\"welcome-pack\", { to = \"deposit-request\", label = \"low score\" }]\n"), "{switch}");
    assert!(!switch.contains("= \"\"") && !switch.contains("= []") && !switch.contains("false"));
}

#[test]
fn exports_are_byte_identical_on_a_rerun() {
    let ws = journeys().workspace;
    let tables = export::tables(&ws);
    let stages = export::stage_names(&ws);
    let a = export::xlsx::workbook(&tables, &stages, false).unwrap();
    let b = export::xlsx::workbook(&export::tables(&ws), &stages, false).unwrap();
    assert_eq!(a, b);
    let t1 = export::xlsx::workbook(&export::template(), &[], true).unwrap();
    let t2 = export::xlsx::workbook(&export::template(), &[], true).unwrap();
    assert_eq!(t1, t2);
    assert_eq!(export::csv::files(&tables), export::csv::files(&export::tables(&ws)));
}

// --- import problems -----------------------------------------------------------------

const DEPARTMENTS: &str = "id,name,customer_facing,champion\nsales,Sales,TRUE,Priya\nbilling,Billing,FALSE,\n";
const DATA: &str = "id,name,held_by\nprofile,Customer profile,sales; billing\n";

fn import_csv(files: &[(&str, &str)]) -> (tempfile::TempDir, common::Output) {
    let dir = workspace(files);
    let mut args = vec!["import"];
    args.extend(files.iter().map(|f| f.0));
    args.extend(["-o", "out", "--color", "never"]);
    let out = cxmap_in(Some(dir.path()), &args);
    (dir, out)
}

#[test]
fn import_problems_point_at_sheet_row_and_column_all_in_one_run() {
    let touchpoints = "journey,id,name,owner,backstage,score,Nxt,uses\n\
        buy,browse,Browses,sales,,1,,profile\n\
        buy,order,Orders,salse,maybe,3,,profle\n\
        buy,browse,Again,sales,,,,\n";
    let (dir, out) = import_csv(&[("departments.csv", DEPARTMENTS), ("data.csv", DATA), ("touchpoints.csv", touchpoints)]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: unknown column `Nxt`\n --> touchpoints.csv, row 1, column G (Nxt)\n  = help: did you mean `next`?\n\n\
         error: `owner` names an unknown department `salse`\n --> touchpoints.csv, row 3, column D (owner)\n  = help: did you mean `sales`?\n\n\
         error: expected TRUE or FALSE, found `maybe`\n --> touchpoints.csv, row 3, column E (backstage)\n  = help: write TRUE or FALSE, or leave the cell empty for FALSE\n\n\
         error: score 3 is outside -2..2\n --> touchpoints.csv, row 3, column F (score)\n  = help: write a whole number from -2 (very bad) to 2 (very good)\n\n\
         error: `uses` names unknown data `profle`\n --> touchpoints.csv, row 3, column H (uses)\n  = help: did you mean `profile`?\n\n\
         error: touchpoint `browse` is already in row 2\n --> touchpoints.csv, row 4, column B (id)\n  = help: ids are unique: rename one of them, or merge the two rows\n\n\
         6 problems in 1 file; nothing was written\n"
    );
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

/// A workbook made in the test, as a researcher would fill one in.
fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (u32::try_from(r).unwrap(), u16::try_from(c).unwrap());
                if let Ok(n) = cell.parse::<f64>() {
                    sheet.write_number(r, c, n).unwrap();
                } else if *cell == "TRUE" || *cell == "FALSE" {
                    sheet.write_boolean(r, c, *cell == "TRUE").unwrap();
                } else if !cell.is_empty() {
                    sheet.write_string(r, c, *cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn workbook_problems_name_the_sheet() {
    let bytes = workbook(&[
        ("instructions", &[&["anything at all"]]),
        ("Journeys", &[&["id", "stages"], &["buy", "Look; Pay"]]),
        ("departments", &[&["id", "Customer Facing"], &["sales", "TRUE"], &["care", ""]]),
        ("touchpoints", &[
            &["journey", "id", "owner", "stage", "next", "metric:csat", "target:csat", "better:csat"],
            &["buy", "look", "sales", "Look", "pay: ready", "80", "85", "higher"],
            &["buy", "pay", "sales", "Pya", "look", "", "90", ""],
            &["bye", "leave", "sales", "", "", "", "", ""],
            &["buy", "back", "sales", "Pay", "nowhere", "70", "", "down"],
        ]),
        ("Insight", &[&["journey", "touchpoint", "source"]]),
    ]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("journeys.xlsx"), bytes).unwrap();
    let out = cxmap_in(Some(dir.path()), &["import", "journeys.xlsx", "-o", "out", "--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "error: `Insight` is not a sheet cxmap reads\n --> journeys.xlsx, sheet Insight, row 1\n  = help: did you mean `insights`?\n\n\
         error: `customer_facing` is empty\n --> journeys.xlsx, sheet departments, row 3, column B (Customer Facing)\n  = help: write TRUE when its people deal with customers, else FALSE\n\n\
         error: `stage` names an unknown stage `Pya`\n --> journeys.xlsx, sheet touchpoints, row 3, column D (stage)\n  = help: did you mean `Pay`?\n\n\
         error: metric `csat` has a target, direction or unit but no value\n --> journeys.xlsx, sheet touchpoints, row 3, column F (metric:csat)\n  = help: write the measured value in `metric:csat`, or clear the row's other `csat` cells\n\n\
         error: unknown journey `bye`\n --> journeys.xlsx, sheet touchpoints, row 4, column A (journey)\n  = help: known journeys: `buy`\n\n\
         error: `next` names an unknown touchpoint `nowhere`\n --> journeys.xlsx, sheet touchpoints, row 5, column E (next)\n  = help: known touchpoints: `back`, `look`, `pay`\n\n\
         error: expected `higher` or `lower`, found `down`\n --> journeys.xlsx, sheet touchpoints, row 5, column H (better:csat)\n  = help: write which way the metric improves: higher (the default) or lower\n\n\
         7 problems in 1 file; nothing was written\n"
    );
    let json = cxmap_in(Some(dir.path()), &["import", "journeys.xlsx", "-o", "out", "--format", "json"]);
    assert_eq!(json.code, 1);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["errors"][2]["sheet"], "touchpoints");
    assert_eq!(v["errors"][2]["row"], 3);
    assert_eq!(v["errors"][2]["column"], "D");
    assert_eq!(v["errors"][2]["header"], "stage");
    assert_eq!(v["written"], serde_json::json!([]));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn import_cannot_run_without_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = cxmap_in(Some(dir.path()), &["import", "missing.xlsx", "-o", "out"]);
    assert_eq!((out.code, out.stderr.as_str()), (2, "error: `missing.xlsx` does not exist\n"));
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let out = cxmap_in(Some(dir.path()), &["import", "notes.txt", "-o", "out"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: cannot import `notes.txt`: not a spreadsheet cxmap reads\n"), "{}", out.stderr);
    // A file that claims to be a workbook and is not: invalid input.
    std::fs::write(dir.path().join("broken.xlsx"), "PK\u{3}\u{4} not really").unwrap();
    let out = cxmap_in(Some(dir.path()), &["import", "broken.xlsx", "-o", "out", "--color", "never"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.starts_with("error: not a workbook cxmap can read"), "{}", out.stderr);
    assert!(out.stderr.contains(" --> broken.xlsx\n"));
    assert!(!dir.path().join("out").exists());
}

// --- CSV as Excel writes it ------------------------------------------------------------

#[test]
fn csv_edge_cases_from_excel() {
    // A BOM, CRLF line ends, quotes doubled inside a quoted field, a line break inside a
    // name, a `;` inside a quoted name (not a list), and a list with an escaped `;`.
    let touchpoints = "\u{feff}journey,id,name,owner,artifacts,next\r\n\
        buy,look,\"The \"\"best\"\" price; today\",sales,\"Letter\\; leaflet; Price card\",pay: ready\r\n\
        buy,pay,\"Pays\r\nonline\",sales,,\r\n";
    let departments = "\u{feff}id,customer_facing\r\nsales,TRUE\r\n";
    let (dir, out) = import_csv(&[("touchpoints.csv", touchpoints), ("departments.csv", departments)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap();
    assert!(text.contains("name = 'The \"best\" price; today'\n"), "{text}");
    assert!(text.contains("name = \"\"\"\nPays\\r\nonline\"\"\"\n"), "{text}");
    assert!(text.contains("artifacts = [\"Letter; leaflet\", \"Price card\"]\n"), "{text}");
    assert!(text.contains("next = [{ to = \"pay\", label = \"ready\" }]\n"), "{text}");
    let loaded = load(&LoadOptions { paths: vec![dir.path().join("out")], config: None }).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.workspace.journeys[0].touchpoints[1].name, "Pays\r\nonline");
    assert_eq!(loaded.workspace.journeys[0].touchpoints[0].name, "The \"best\" price; today");
}

#[test]
fn csv_with_semicolons_between_fields_from_a_european_excel() {
    let touchpoints = "journey;id;name;owner\r\nbuy;look;\"Looks; compares\";sales\r\n";
    let departments = "id;customer_facing\r\nsales;TRUE\r\n";
    let (dir, out) = import_csv(&[("touchpoints.csv", touchpoints), ("departments.csv", departments)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap();
    assert!(text.contains("name = \"Looks; compares\"\nowner = \"sales\"\n"), "{text}");
}

#[test]
fn a_csv_file_named_like_no_sheet_is_reported() {
    let (dir, out) = import_csv(&[("touchpoint.csv", "journey,id\nbuy,look\n")]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "error: `touchpoint` is not a CSV file cxmap reads\n --> touchpoint.csv, row 1\n  = help: did you mean `touchpoints`?\n\n\
         error: no sheet of a journey workbook was found\n --> touchpoint.csv, row 1\n  = help: cxmap reads the sheets touchpoints, departments, data, journeys, insights, organization; `cxmap export --template -o journeys.xlsx` writes an empty workbook to start from\n\n\
         2 problems in 1 file; nothing was written\n"
    );
    assert!(!dir.path().join("out").exists());
}
