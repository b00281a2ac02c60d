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

fn assert_same(original: &Checked, files: &[(String, String)]) {
    let back = check_texts(files);
    assert!(back.problems.is_empty(), "{:#?}\n{files:#?}", back.problems);
    assert_eq!(describe(&original.workspace), describe(&back.workspace));
    assert_eq!(findings(original), findings(&back));
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

#[test]
fn journeys_round_trip_through_xlsx_and_csv() {
    let original = journeys();
    assert!(original.problems.is_empty());
    for csv in [false, true] {
        let files = round_trip(&original.workspace, csv).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "org.toml",
                "boiler-cover.toml",
                "ev-tariff.toml",
                "move-home.toml",
                "smart-meter.toml",
                "switch-supplier.toml"
            ]
        );
        assert_same(&original, &files);
    }
}

#[test]
fn journeys_round_trip_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let xlsx = d.join("j.xlsx");
    let out = cxmap_in(
        Some(root),
        &["export", "journeys", "-o", xlsx.to_str().unwrap()],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let back = d.join("back");
    let out = cxmap_in(Some(d), &["import", "j.xlsx", "-o", "back"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "wrote 7 files to `back`: 5 journeys, 37 touchpoints, 11 departments, 6 data assets\nnext: `cxmap check back`\n"
    );
    let mut written: Vec<String> = std::fs::read_dir(&back)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "boiler-cover.toml",
            "cxmap.schema.json",
            "ev-tariff.toml",
            "move-home.toml",
            "org.toml",
            "smart-meter.toml",
            "switch-supplier.toml"
        ]
    );
    let loaded = load(&LoadOptions {
        paths: vec![back.clone()],
        config: None,
    })
    .unwrap();
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
    assert!(
        out.stderr
            .starts_with("error: not overwriting `back/org.toml`"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(back.join("org.toml")).unwrap(), before);
}

#[test]
fn imported_files_read_as_a_person_would_write_them() {
    let files = round_trip(&journeys().workspace, false).unwrap();
    let org = &files[0].1;
    assert!(org.starts_with("#:schema ./cxmap.schema.json\n# Imported from journeys.xlsx with `cxmap import`.\n\n[organization]\nname = \"Brightline Energy\"\nnorth_star = \"Customers never have to chase us\"\n\n[[department]]\nid = \"sales\"\nname = \"Sales & Acquisition\"\ncustomer_facing = true\nchampion = \"Priya Shah\"\n\n[[department]]\n"), "{org}");
    assert!(org.contains("\n[[data]]\nid = \"consent-preferences\"\nname = \"Marketing consent and contact preferences\"\nheld_by = []\n"));
    let switch = &files
        .iter()
        .find(|f| f.0 == "switch-supplier.toml")
        .unwrap()
        .1;
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
    assert_eq!(
        export::csv::files(&tables),
        export::csv::files(&export::tables(&ws))
    );
}

// --- import problems -----------------------------------------------------------------

const DEPARTMENTS: &str =
    "id,name,customer_facing,champion\nsales,Sales,TRUE,Priya\nbilling,Billing,FALSE,\n";
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
    let (dir, out) = import_csv(&[
        ("departments.csv", DEPARTMENTS),
        ("data.csv", DATA),
        ("touchpoints.csv", touchpoints),
    ]);
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
        (
            "departments",
            &[
                &["id", "Customer Facing"],
                &["sales", "TRUE"],
                &["care", ""],
            ],
        ),
        (
            "touchpoints",
            &[
                &[
                    "journey",
                    "id",
                    "owner",
                    "stage",
                    "next",
                    "metric:csat",
                    "target:csat",
                    "better:csat",
                ],
                &[
                    "buy",
                    "look",
                    "sales",
                    "Look",
                    "pay: ready",
                    "80",
                    "85",
                    "higher",
                ],
                &["buy", "pay", "sales", "Pya", "look", "", "90", ""],
                &["bye", "leave", "sales", "", "", "", "", ""],
                &["buy", "back", "sales", "Pay", "nowhere", "70", "", "down"],
            ],
        ),
        ("Insight", &[&["journey", "touchpoint", "source"]]),
    ]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("journeys.xlsx"), bytes).unwrap();
    let out = cxmap_in(
        Some(dir.path()),
        &["import", "journeys.xlsx", "-o", "out", "--color", "never"],
    );
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
    let json = cxmap_in(
        Some(dir.path()),
        &["import", "journeys.xlsx", "-o", "out", "--format", "json"],
    );
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
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "error: `missing.xlsx` does not exist\n")
    );
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let out = cxmap_in(Some(dir.path()), &["import", "notes.txt", "-o", "out"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: cannot import `notes.txt`: not a spreadsheet cxmap reads\n"),
        "{}",
        out.stderr
    );
    // A file that claims to be a workbook and is not: invalid input.
    std::fs::write(dir.path().join("broken.xlsx"), "PK\u{3}\u{4} not really").unwrap();
    let out = cxmap_in(
        Some(dir.path()),
        &["import", "broken.xlsx", "-o", "out", "--color", "never"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("error: not a workbook cxmap can read"),
        "{}",
        out.stderr
    );
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
    let (dir, out) = import_csv(&[
        ("touchpoints.csv", touchpoints),
        ("departments.csv", departments),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap();
    assert!(
        text.contains("name = 'The \"best\" price; today'\n"),
        "{text}"
    );
    assert!(
        text.contains("name = \"\"\"\nPays\\r\nonline\"\"\"\n"),
        "{text}"
    );
    assert!(
        text.contains("artifacts = [\"Letter; leaflet\", \"Price card\"]\n"),
        "{text}"
    );
    assert!(
        text.contains("next = [{ to = \"pay\", label = \"ready\" }]\n"),
        "{text}"
    );
    let loaded = load(&LoadOptions {
        paths: vec![dir.path().join("out")],
        config: None,
    })
    .unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded.workspace.journeys[0].touchpoints[1].name,
        "Pays\r\nonline"
    );
    assert_eq!(
        loaded.workspace.journeys[0].touchpoints[0].name,
        "The \"best\" price; today"
    );
}

#[test]
fn csv_with_semicolons_between_fields_from_a_european_excel() {
    let touchpoints = "journey;id;name;owner\r\nbuy;look;\"Looks; compares\";sales\r\n";
    let departments = "id;customer_facing\r\nsales;TRUE\r\n";
    let (dir, out) = import_csv(&[
        ("touchpoints.csv", touchpoints),
        ("departments.csv", departments),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap();
    assert!(
        text.contains("name = \"Looks; compares\"\nowner = \"sales\"\n"),
        "{text}"
    );
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

// --- generated workspaces ---------------------------------------------------------------

/// Free text with what breaks naive writers: quotes, `;`, `:`, backslashes, line breaks,
/// formula starts, accents. Never blank (a blank cell is no value).
fn free_text() -> impl Strategy<Value = String> {
    "[a-zA-Z=+@'\\-;:\\\\\"é#][a-zA-Z0-9 ;:\\\\'=+@\"\n,é#-]{0,10}"
}

/// A list item or an id: the same, without surrounding spaces (cells drop them).
fn item() -> impl Strategy<Value = String> {
    "[a-zA-Z=+@'\\-;:\\\\\"é][a-zA-Z0-9 ;:\\\\'=@\",é-]{0,6}[a-zA-Z0-9;:\\\\'=@\"é]"
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

#[derive(Debug, Clone)]
struct Tp {
    name: Option<String>,
    stage: Option<usize>,
    owners: Vec<usize>,
    channels: Vec<String>,
    backstage: bool,
    purchase: bool,
    uses: Vec<usize>,
    asks: Vec<usize>,
    artifacts: Vec<String>,
    insights: Vec<GenInsight>,
    supported_by: Vec<usize>,
    score: Option<i8>,
    metrics: Vec<GenMetric>,
    next: Vec<(usize, Option<String>)>,
}

fn tp(departments: usize, data: usize, stages: usize, n: usize) -> impl Strategy<Value = Tp> {
    let number = prop_oneof![(-1000i32..1000).prop_map(f64::from), -1.0e6f64..1.0e6];
    (
        (
            prop::option::of(free_text()),
            prop::option::of(0..stages.max(1)),
            prop::collection::vec(0..departments, 0..3),
            prop::collection::vec(item(), 0..3),
            any::<bool>(),
            prop::bool::weighted(0.2),
        ),
        (
            prop::collection::vec(0..data, 0..3),
            prop::collection::vec(0..data, 0..2),
            prop::collection::vec(item(), 0..3),
            prop::collection::vec(
                (
                    free_text(),
                    prop::option::of(free_text()),
                    prop::option::of((1u8..13, 1u8..29)),
                    prop::option::of(1u32..500),
                ),
                0..3,
            ),
        ),
        (
            prop::collection::vec(0..departments, 0..2),
            prop::option::of(-2i8..=2),
            prop::collection::vec(
                (
                    0usize..3,
                    number.clone(),
                    prop::option::of(number),
                    any::<bool>(),
                    prop::option::of(free_text()),
                ),
                0..3,
            ),
            prop::collection::vec((0..n, prop::option::of(item())), 0..3),
        ),
    )
        .prop_map(
            move |(
                (name, stage, owners, channels, backstage, purchase),
                (uses, asks, artifacts, insights),
                (supported_by, score, metrics, next),
            )| Tp {
                name,
                stage: stage.filter(|_| stages > 0),
                owners,
                channels,
                backstage,
                purchase,
                uses,
                asks,
                artifacts,
                insights,
                supported_by,
                score,
                metrics,
                next,
            },
        )
}

#[derive(Debug, Clone)]
struct Journey {
    name: Option<String>,
    persona: Option<String>,
    owner: Option<usize>,
    stages: Vec<String>,
    touchpoints: Vec<Tp>,
}

type Generated = (
    Option<(String, Option<String>)>,
    Vec<(Option<String>, bool, Option<String>, bool)>,
    Vec<(Option<String>, Vec<usize>)>,
    Vec<Journey>,
);

fn generated() -> impl Strategy<Value = Generated> {
    (1usize..5, 1usize..4).prop_flat_map(|(departments, data)| {
        (
            prop::option::of((free_text(), prop::option::of(free_text()))),
            prop::collection::vec(
                (
                    prop::option::of(free_text()),
                    any::<bool>(),
                    prop::option::of(free_text()),
                    prop::bool::weighted(0.3),
                ),
                departments,
            ),
            prop::collection::vec(
                (
                    prop::option::of(free_text()),
                    prop::collection::vec(0..departments, 0..3),
                ),
                data,
            ),
            prop::collection::vec(
                (prop::collection::btree_set(item(), 0..4), 1usize..6).prop_flat_map(
                    move |(stages, n)| {
                        let stages: Vec<String> = stages.into_iter().collect();
                        let k = stages.len();
                        (
                            prop::option::of(free_text()),
                            prop::option::of(free_text()),
                            prop::option::of(0..departments),
                            Just(stages),
                            prop::collection::vec(tp(departments, data, k, n), n),
                        )
                            .prop_map(
                                |(name, persona, owner, stages, touchpoints)| Journey {
                                    name,
                                    persona,
                                    owner,
                                    stages,
                                    touchpoints,
                                },
                            )
                    },
                ),
                1..4,
            ),
        )
    })
}

/// Departments `d0;1`, data `x:0`, journeys `j0`, touchpoints `t=0`: ids with characters
/// that lists, labels and formulas care about.
fn render(g: &Generated) -> Vec<(String, String)> {
    let (org, departments, data, journeys) = g;
    let dept = |i: &usize| format!("d{i};x");
    let datum = |i: &usize| format!("x:{i}");
    let mut text = String::new();
    if let Some((name, star)) = org {
        text += &format!("[organization]\nname = {}\n", toml_str(name));
        if let Some(s) = star {
            text += &format!("north_star = {}\n", toml_str(s));
        }
    }
    for (i, (name, facing, champion, external)) in departments.iter().enumerate() {
        text += &format!(
            "[[department]]\nid = {}\ncustomer_facing = {facing}\nexternal = {external}\n",
            toml_str(&dept(&i))
        );
        if let Some(n) = name {
            text += &format!("name = {}\n", toml_str(n));
        }
        if let Some(c) = champion {
            text += &format!("champion = {}\n", toml_str(c));
        }
    }
    for (i, (name, held)) in data.iter().enumerate() {
        let held: Vec<String> = held.iter().map(dept).collect();
        text += &format!(
            "[[data]]\nid = {}\nheld_by = {}\n",
            toml_str(&datum(&i)),
            toml_list(&held)
        );
        if let Some(n) = name {
            text += &format!("name = {}\n", toml_str(n));
        }
    }
    let mut files = vec![("org.toml".to_owned(), text)];
    for (j, journey) in journeys.iter().enumerate() {
        let mut t = format!(
            "[journey]\nid = \"j{j}\"\nstages = {}\n",
            toml_list(&journey.stages)
        );
        if let Some(n) = &journey.name {
            t += &format!("name = {}\n", toml_str(n));
        }
        if let Some(p) = &journey.persona {
            t += &format!("persona = {}\n", toml_str(p));
        }
        if let Some(o) = journey.owner {
            t += &format!("owner = {}\n", toml_str(&dept(&o)));
        }
        for (i, tp) in journey.touchpoints.iter().enumerate() {
            t += &format!(
                "[[touchpoint]]\nid = \"t={i}\"\nbackstage = {}\npurchase = {}\n",
                tp.backstage, tp.purchase
            );
            if let Some(n) = &tp.name {
                t += &format!("name = {}\n", toml_str(n));
            }
            if let Some(s) = tp.stage {
                t += &format!("stage = {}\n", toml_str(&journey.stages[s]));
            }
            let owners: Vec<String> = tp.owners.iter().map(dept).collect();
            t += &format!(
                "owner = {}\nchannel = {}\n",
                toml_list(&owners),
                toml_list(&tp.channels)
            );
            let uses: Vec<String> = tp.uses.iter().map(datum).collect();
            let asks: Vec<String> = tp.asks.iter().map(datum).collect();
            let support: Vec<String> = tp.supported_by.iter().map(dept).collect();
            t += &format!(
                "uses = {}\nasks = {}\nsupported_by = {}\nartifacts = {}\n",
                toml_list(&uses),
                toml_list(&asks),
                toml_list(&support),
                toml_list(&tp.artifacts)
            );
            if let Some(s) = tp.score {
                t += &format!("score = {s}\n");
            }
            let insights: Vec<String> = tp
                .insights
                .iter()
                .map(|(source, quote, date, sample)| {
                    let mut parts = vec![format!("source = {}", toml_str(source))];
                    if let Some(q) = quote {
                        parts.push(format!("quote = {}", toml_str(q)));
                    }
                    if let Some((m, d)) = date {
                        parts.push(format!("date = 2026-{m:02}-{d:02}"));
                    }
                    if let Some(s) = sample {
                        parts.push(format!("sample = {s}"));
                    }
                    format!("{{ {} }}", parts.join(", "))
                })
                .collect();
            t += &format!("insights = [{}]\n", insights.join(", "));
            let mut metrics = Vec::new();
            let mut seen = Vec::new();
            for (k, value, target, lower, unit) in &tp.metrics {
                if seen.contains(k) {
                    continue;
                }
                seen.push(*k);
                let name = ["csat", "wait days", "nps=é"][*k];
                let mut fields = vec![format!("value = {value:?}")];
                if let Some(target) = target {
                    fields.push(format!("target = {target:?}"));
                }
                if *lower {
                    fields.push("better = \"lower\"".to_owned());
                }
                if let Some(u) = unit {
                    fields.push(format!("unit = {}", toml_str(u)));
                }
                metrics.push(format!(
                    "{} = {{ {} }}",
                    toml_edit::Key::new(name),
                    fields.join(", ")
                ));
            }
            t += &format!("metrics = {{ {} }}\n", metrics.join(", "));
            let mut targets = Vec::new();
            let next: Vec<String> = tp
                .next
                .iter()
                .filter(|(to, _)| {
                    let new = !targets.contains(to);
                    targets.push(*to);
                    new
                })
                .map(|(to, label)| match label {
                    Some(l) => format!("{{ to = \"t={to}\", label = {} }}", toml_str(l)),
                    None => format!("\"t={to}\""),
                })
                .collect();
            t += &format!("next = [{}]\n", next.join(", "));
        }
        files.push((format!("j{j}.toml"), t));
    }
    files
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_workspaces_round_trip(g in generated(), csv in any::<bool>()) {
        let files = render(&g);
        let original = check_texts(&files);
        prop_assert!(original.problems.is_empty(), "{:#?}", original.problems);
        let back = round_trip(&original.workspace, csv).map_err(TestCaseError::fail)?;
        let again = check_texts(&back);
        prop_assert!(again.problems.is_empty(), "{:#?}", again.problems);
        prop_assert_eq!(describe(&original.workspace), describe(&again.workspace));
        prop_assert_eq!(findings(&original), findings(&again));
    }
}

// --- hostile names -------------------------------------------------------------------------

/// Names a spreadsheet must show as text, never run: formula starts (OWASP's list), control
/// characters, bidi overrides, quotes and line breaks.
const HOSTILE: [&str; 10] = [
    "=HYPERLINK(\"http://evil.example\",\"Click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\tTabbed",
    "\rReturn",
    "'=quoted already",
    "Escape \u{1b}[31m red \u{7} bell \u{1} one",
    "Bidi \u{202e}txt.exe",
    "Line\r\nbreak \"quoted\" ; semi",
];

fn hostile_workspace() -> tempfile::TempDir {
    let mut org = String::from("[[department]]\nid = \"sales\"\ncustomer_facing = true\n");
    org += &format!(
        "name = {}\nchampion = {}\n",
        toml_str(HOSTILE[0]),
        toml_str(HOSTILE[7])
    );
    org += &format!(
        "[[data]]\nid = \"@profile\"\nname = {}\nheld_by = [\"sales\"]\n",
        toml_str(HOSTILE[3])
    );
    let mut j = format!(
        "[journey]\nid = \"buy\"\nname = {}\nstages = [\"=Look\", \"-Pay\"]\n",
        toml_str(HOSTILE[8])
    );
    for (i, name) in HOSTILE.iter().enumerate() {
        j += &format!(
            "[[touchpoint]]\nid = \"t{i}\"\nname = {}\nowner = \"sales\"\nstage = \"=Look\"\nartifacts = [{}]\nuses = [\"@profile\"]\n",
            toml_str(name),
            toml_str(name.trim())
        );
        j += &format!(
            "insights = [{{ source = {}, quote = {} }}]\n",
            toml_str(name),
            toml_str(name)
        );
        j += &format!(
            "metrics = {{ csat = {{ value = -5, unit = {} }} }}\n",
            toml_str(name)
        );
        if i > 0 {
            j += &format!(
                "next = [{{ to = \"t{}\", label = {} }}]\n",
                i - 1,
                toml_str(name.trim())
            );
        }
    }
    workspace(&[("ws/org.toml", &org), ("ws/buy.toml", &j)])
}

#[test]
fn hostile_names_survive_export_and_import_as_text() {
    let dir = hostile_workspace();
    let d = dir.path();
    let original = analyse::check(
        load(&LoadOptions {
            paths: vec![d.join("ws")],
            config: None,
        })
        .unwrap(),
        TODAY,
    );
    assert!(original.problems.is_empty(), "{:?}", original.problems);
    for (format, out, back) in [("xlsx", "j.xlsx", "back-xlsx"), ("csv", "csv", "back-csv")] {
        let e = cxmap_in(Some(d), &["export", "ws", "--format", format, "-o", out]);
        assert_eq!(e.code, 0, "{}", e.stderr);
        let i = cxmap_in(Some(d), &["import", out, "-o", back]);
        assert_eq!(i.code, 0, "{}", i.stderr);
        let again = analyse::check(
            load(&LoadOptions {
                paths: vec![d.join(back)],
                config: None,
            })
            .unwrap(),
            TODAY,
        );
        assert!(again.problems.is_empty(), "{:?}", again.problems);
        assert_eq!(
            describe(&original.workspace),
            describe(&again.workspace),
            "{format}"
        );
        assert_eq!(findings(&original), findings(&again), "{format}");
    }
    // In CSV, every text cell that would start a formula carries a leading `'`.
    let csv = std::fs::read_to_string(d.join("csv/touchpoints.csv")).unwrap();
    assert!(
        csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\","),
        "{csv}"
    );
    assert!(csv.contains(",'+1+cmd|' /C calc'!A0,"), "{csv}");
    assert!(csv.contains(",'-2+3,"), "{csv}");
    assert!(csv.contains(",'@SUM(1+1),"), "{csv}");
    assert!(csv.contains(",''=quoted already,"), "{csv}");
    assert!(csv.contains(",-5,"), "numbers stay numbers: {csv}");
    for line in csv.lines().skip(1) {
        for field in line.split(',') {
            let field = field.trim_start_matches('"');
            assert!(
                !field.starts_with(['=', '+', '@']),
                "unguarded field {field:?} in {line:?}"
            );
        }
    }
}

#[test]
fn text_too_long_for_an_excel_cell_is_refused_not_cut() {
    let long = "x".repeat(40_000);
    let dir = workspace(&[(
        "ws/j.toml",
        &format!("[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\nname = \"{long}\"\n"),
    )]);
    let out = cxmap_in(Some(dir.path()), &["export", "ws", "-o", "j.xlsx"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.starts_with("error: cannot export: sheet touchpoints, row 2, column name holds 40000 characters, more than an Excel cell holds (32767)\n"), "{}", out.stderr);
    assert!(!dir.path().join("j.xlsx").exists());
    let out = cxmap_in(
        Some(dir.path()),
        &["export", "ws", "--format", "csv", "-o", "csv"],
    );
    assert_eq!(out.code, 0, "CSV has no such limit: {}", out.stderr);
}

// --- read by an independent reader ------------------------------------------------------

/// The workbook as Python's openpyxl reads it (`tests/fixtures/sheets/read_workbook.py`), or
/// `None` when openpyxl is not installed (CI installs it; `CXMAP_REQUIRE_TOOLS` makes its
/// absence a failure).
fn openpyxl(path: &Path) -> Option<serde_json::Value> {
    let has = std::process::Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        assert!(
            std::env::var_os("CXMAP_REQUIRE_TOOLS").is_none(),
            "Python's openpyxl is required (CXMAP_REQUIRE_TOOLS is set)"
        );
        #[allow(clippy::print_stderr)]
        {
            eprintln!(
                "skipping: Python's openpyxl is not installed (python3 -m pip install openpyxl)"
            );
        }
        return None;
    }
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sheets/read_workbook.py");
    let out = std::process::Command::new("python3")
        .arg(script)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

fn validation<'a>(sheet: &'a serde_json::Value, range: &str) -> &'a serde_json::Value {
    sheet["validations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["range"] == range)
        .unwrap_or_else(|| panic!("no validation on {range}: {sheet:#}"))
}

#[test]
fn the_template_is_a_real_workbook_with_its_dropdowns() {
    let dir = tempfile::tempdir().unwrap();
    let out = cxmap_in(
        Some(dir.path()),
        &["export", "--template", "-o", "journeys.xlsx"],
    );
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "wrote journeys.xlsx\n"),
        "{}",
        out.stderr
    );
    let Some(book) = openpyxl(&dir.path().join("journeys.xlsx")) else {
        return;
    };
    assert_eq!(
        book["sheets"],
        serde_json::json!([
            "instructions",
            "touchpoints",
            "departments",
            "data",
            "journeys",
            "insights",
            "organization",
            "lists"
        ])
    );
    assert_eq!(book["active"], "instructions");
    let tp = &book["touchpoints"];
    assert_eq!(tp["freeze"], "C2");
    assert_eq!(tp["autofilter"], "A1:N2");
    assert_eq!(
        tp["cells"][0]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["value"].as_str().unwrap())
            .collect::<Vec<_>>(),
        [
            "journey",
            "id",
            "name",
            "stage",
            "owner",
            "channel",
            "backstage",
            "purchase",
            "uses",
            "asks",
            "supported_by",
            "artifacts",
            "score",
            "next"
        ]
    );
    assert_eq!(
        tp["notes"]["owner"],
        "The department id that owns this step (departments sheet). Several: separate with ;"
    );
    assert_eq!(
        tp["notes"].as_object().unwrap().len(),
        14,
        "every header has a note"
    );
    // Owners: a dropdown of the departments sheet's ids; a warning, so `a; b` is allowed.
    let owner = validation(tp, "E2:E1048576");
    assert_eq!(owner["type"], "list");
    assert_eq!(
        owner["formula"],
        "OFFSET(departments!$A$2,0,0,MAX(1,COUNTA(departments!$A:$A)-1),1)"
    );
    assert_eq!(owner["error_style"], "warning");
    assert_eq!(
        validation(tp, "D2:D1048576")["formula"],
        "OFFSET(lists!$A$2,0,0,MAX(1,COUNTA(lists!$A:$A)-1),1)"
    );
    assert_eq!(
        validation(tp, "I2:I1048576")["formula"],
        "OFFSET(data!$A$2,0,0,MAX(1,COUNTA(data!$A:$A)-1),1)"
    );
    assert_eq!(
        validation(tp, "A2:A1048576")["formula"],
        "OFFSET(journeys!$A$2,0,0,MAX(1,COUNTA(journeys!$A:$A)-1),1)"
    );
    for col in ["G", "H"] {
        let b = validation(tp, &format!("{col}2:{col}1048576"));
        assert_eq!(
            (b["type"].as_str(), b["formula"].as_str()),
            (Some("list"), Some("\"TRUE,FALSE\""))
        );
    }
    let score = validation(tp, "M2:M1048576");
    // `between` is the file format's default operator, so it is not written out.
    assert_eq!(
        (
            score["type"].as_str(),
            score["operator"].as_str(),
            score["min"].as_str(),
            score["max"].as_str()
        ),
        (Some("whole"), None, Some("-2"), Some("2"))
    );
    assert_eq!(
        score["error_style"],
        serde_json::Value::Null,
        "a stop: nothing else is a score"
    );
    let depts = &book["departments"];
    assert_eq!(
        validation(depts, "C2:C1048576")["formula"],
        "\"TRUE,FALSE\""
    );
    assert_eq!(depts["freeze"], "B2");
    assert_eq!(depts["widths"]["B"], 29);
}

#[test]
fn an_exported_workbook_keeps_hostile_names_as_text() {
    let dir = hostile_workspace();
    let out = cxmap_in(Some(dir.path()), &["export", "ws", "-o", "j.xlsx"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let Some(book) = openpyxl(&dir.path().join("j.xlsx")) else {
        return;
    };
    assert_eq!(book["active"], "touchpoints");
    let cells = book["touchpoints"]["cells"].as_array().unwrap();
    for (i, name) in HOSTILE.iter().enumerate() {
        let cell = &cells[i + 1][2];
        assert_eq!(cell["type"], "s", "{name:?} is text, not a formula: {cell}");
        if !name.contains(['\u{1b}', '\u{7}', '\u{1}', '\r']) {
            assert_eq!(cell["value"], *name);
        }
        let formula_like = name.starts_with(['=', '+', '-', '@', '\t', '\r']);
        assert_eq!(cell["quote_prefix"], formula_like, "{name:?}: {cell}");
    }
    // Scores and metrics are numbers, booleans are booleans.
    assert_eq!(cells[1][14]["type"], "n");
    assert_eq!(cells[1][14]["value"], -5);
    assert_eq!(cells[1][6]["type"], "b");
    let stage = validation(&book["touchpoints"], "D2:D1048576");
    assert_eq!(stage["error_style"], "warning");
    assert_eq!(book["lists"]["cells"], serde_json::Value::Null);
}

// --- the monthly metrics refresh --------------------------------------------------------

const ORG: &str = "[[department]]\nid = \"care\"\ncustomer_facing = true\nchampion = \"Ann\"\n";
const CARE: &str = "# Care journey: mapped in the May workshop.\n\n[journey]\nid = \"care\"\n\n[[touchpoint]]\nid = \"call\"   # the phone line\nowner = \"care\"\n# CSAT from the post-call survey; NPS quarterly.\nmetrics = { csat = 78.0, nps = { value = 12, target = 30 }, wait_days = { value = 9, target = 5, better = \"lower\", unit = \"days\" } }\nnext = [\"letter\"]\n\n\n[[touchpoint]]\nid = \"letter\"\nowner = \"care\"\n";

#[test]
fn metrics_change_only_the_numbers() {
    let survey = "journey,touchpoint,metric,value,date\r\ncare,call,csat,81.5,2026-10-31\r\ncare,call,csat,79,2026-09-30\r\ncare,call,NPS,14,2026-10-31\r\ncare,call,wait_days,7,2026-10-31\r\ncare,letter,csat,70,2026-10-31\r\n";
    let dir = workspace(&[
        ("journeys/org.toml", ORG),
        ("journeys/care.toml", CARE),
        ("survey.csv", survey),
    ]);
    let d = dir.path();
    let check = cxmap_in(Some(d), &["metrics", "survey.csv", "--check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert_eq!(
        check.stdout,
        "--- a/journeys/care.toml\n+++ b/journeys/care.toml\n@@ -8,5 +8,5 @@\n owner = \"care\"\n # CSAT from the post-call survey; NPS quarterly.\n-metrics = { csat = 78.0, nps = { value = 12, target = 30 }, wait_days = { value = 9, target = 5, better = \"lower\", unit = \"days\" } }\n+metrics = { csat = 81.5, nps = { value = 14, target = 30 }, wait_days = { value = 7, target = 5, better = \"lower\", unit = \"days\" } }\n next = [\"letter\"]\n \n@@ -15,2 +15,3 @@\n id = \"letter\"\n owner = \"care\"\n+metrics = { csat = 70 }\n4 values would change in 1 file; nothing was written (--check)\n"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("journeys/care.toml")).unwrap(),
        CARE,
        "--check changes nothing"
    );
    let run = cxmap_in(Some(d), &["metrics", "survey.csv"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (0, "updated 4 values in 1 file (0 already up to date)\n"),
        "{}",
        run.stderr
    );
    let expected = CARE
        .replace(
            "csat = 78.0, nps = { value = 12,",
            "csat = 81.5, nps = { value = 14,",
        )
        .replace("wait_days = { value = 9,", "wait_days = { value = 7,")
        .replace(
            "id = \"letter\"\nowner = \"care\"\n",
            "id = \"letter\"\nowner = \"care\"\nmetrics = { csat = 70 }\n",
        );
    // Comments, the blank lines and every other byte stay as they were.
    assert_eq!(
        std::fs::read_to_string(d.join("journeys/care.toml")).unwrap(),
        expected
    );
    assert_eq!(
        std::fs::read_to_string(d.join("journeys/org.toml")).unwrap(),
        ORG
    );
    // A second run finds nothing to do.
    let again = cxmap_in(Some(d), &["metrics", "survey.csv"]);
    assert_eq!(
        again.stdout,
        "updated 0 values in 0 files (4 already up to date)\n"
    );
}

#[test]
fn metrics_in_wide_form_keep_crlf_and_the_value_kind() {
    let care = CARE.replace('\n', "\r\n");
    let survey = "\u{feff}Journey,Touchpoint,csat,wait_days,# comment\r\ncare,call,80,6.5,ignore me\r\ncare,letter,,,\r\n";
    let dir = workspace(&[
        ("j/org.toml", ORG),
        ("j/care.toml", &care),
        ("wide.csv", survey),
    ]);
    let run = cxmap_in(Some(dir.path()), &["metrics", "wide.csv", "j"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(dir.path().join("j/care.toml")).unwrap();
    assert_eq!(
        text,
        care.replace("csat = 78.0,", "csat = 80.0,")
            .replace("wait_days = { value = 9,", "wait_days = { value = 6.5,")
    );
}

#[test]
fn unknown_ids_in_a_survey_change_nothing() {
    let survey = "journey,touchpoint,metric,value\ncare,cal,csat,80\ncaer,call,csat,80\ncare,call,cast,80\ncare,call,csat,eighty\ncare,letter,effort,3\n";
    let dir = workspace(&[
        ("journeys/org.toml", ORG),
        ("journeys/care.toml", CARE),
        ("s.csv", survey),
    ]);
    let run = cxmap_in(Some(dir.path()), &["metrics", "s.csv", "--color", "never"]);
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: journey `care` has no touchpoint `cal`\n --> s.csv, row 2, column B (touchpoint)\n  = help: did you mean `call`?\n\n\
         error: unknown journey `caer`\n --> s.csv, row 3, column A (journey)\n  = help: did you mean `care`?\n\n\
         error: unknown metric `cast`\n --> s.csv, row 4, column C (metric)\n  = help: did you mean `csat`?\n\n\
         error: expected a number, found `eighty`\n --> s.csv, row 5, column D (value)\n  = help: write a number such as 81.5, or leave the cell empty\n\n\
         error: unknown metric `effort`\n --> s.csv, row 6, column C (metric)\n  = help: no touchpoint has this metric yet: pass `--add-metrics` to start tracking it\n\n\
         5 problems in 1 file; nothing was changed\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("journeys/care.toml")).unwrap(),
        CARE
    );
    // Two values for one figure with no date to choose between them.
    let twice = "journey,touchpoint,metric,value\ncare,call,csat,80\ncare,call,csat,81\n";
    std::fs::write(dir.path().join("twice.csv"), twice).unwrap();
    let run = cxmap_in(
        Some(dir.path()),
        &["metrics", "twice.csv", "--color", "never"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with("error: metric `csat` of touchpoint `call` is also given in row 2, with another value\n --> twice.csv, row 3, column D (value)\n"), "{}", run.stderr);
    let missing = cxmap_in(Some(dir.path()), &["metrics", "nope.csv"]);
    assert_eq!(missing.code, 2);
}

#[test]
fn the_docs_describe_every_sheet_and_column() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/spreadsheets.md"))
            .unwrap();
    for spec in cxmap::load::sheets::columns::SHEETS {
        assert!(
            doc.contains(&format!("**{}**", spec.name)),
            "docs/spreadsheets.md does not describe the {} sheet",
            spec.name
        );
        for c in spec.columns {
            assert!(
                doc.contains(&format!("| `{}` |", c.key)),
                "docs/spreadsheets.md does not describe the column `{}` of {}",
                c.key,
                spec.name
            );
        }
    }
}

/// The bundled journeys, loaded once for the properties below.
static JOURNEYS: std::sync::LazyLock<Checked> = std::sync::LazyLock::new(journeys);
/// Their workbook.
static WORKBOOK: std::sync::LazyLock<Vec<u8>> = std::sync::LazyLock::new(|| {
    export::xlsx::workbook(&export::tables(&JOURNEYS.workspace), &[], false).unwrap()
});

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever a CSV file holds, import reports problems or writes files; it never panics.
    #[test]
    fn arbitrary_csv_never_panics(text in "[a-z,;:\"'=\\\\\\r\\n ]{0,300}", header in prop::sample::select(vec![
        "journey,id,name,owner,next,score,metric:csat,target:csat\n",
        "id,customer_facing\n",
        "",
    ])) {
        let mut tables = Vec::new();
        let mut problems = Vec::new();
        let csv = format!("{header}{text}");
        read::read_csv(csv.as_bytes(), "touchpoints.csv", "touchpoints", &mut tables, &mut problems);
        read::read_csv(csv.as_bytes(), "departments.csv", "departments", &mut tables, &mut problems);
        let (book, more) = sheets::read_tables(&tables);
        problems.extend(more);
        let _ = cxmap::cli::import_book(&book, problems, "x");
        let survey = format!("journey,touchpoint,metric,value,date\n{text}");
        let mut tables = Vec::new();
        read::read_csv(survey.as_bytes(), "s.csv", "s", &mut tables, &mut Vec::new());
        let _ = sheets::survey::join(&tables[0], &JOURNEYS.workspace, false);
    }

    /// A damaged workbook is a problem, never a crash.
    #[test]
    fn damaged_workbooks_never_panic(at in 0usize..30_000, junk in prop::collection::vec(any::<u8>(), 1..40)) {
        let mut bytes = WORKBOOK.clone();
        let at = at.min(bytes.len() - 1);
        for (i, b) in junk.iter().enumerate() {
            if let Some(x) = bytes.get_mut(at + i) {
                *x = *b;
            }
        }
        let mut tables = Vec::new();
        let mut problems = Vec::new();
        read::read_workbook(&bytes, "j.xlsx", &mut tables, &mut problems);
        let (book, more) = sheets::read_tables(&tables);
        problems.extend(more);
        let _ = cxmap::cli::import_book(&book, problems, "j.xlsx");
    }
}

#[test]
fn an_unfilled_template_has_nothing_to_import() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        cxmap_in(Some(d), &["export", "--template", "-o", "t.xlsx"]).code,
        0
    );
    let out = cxmap_in(
        Some(d),
        &["import", "t.xlsx", "-o", "out", "--color", "never"],
    );
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "error: nothing to import: the sheets have no rows below their headers\n --> t.xlsx, sheet touchpoints, row 1\n  = help: fill in the departments, data, journeys and touchpoints sheets, one row each\n\n1 problem in 1 file; nothing was written\n"
    );
    // The template's CSV form has the same headers, and reads back the same way.
    assert_eq!(
        cxmap_in(
            Some(d),
            &["export", "--template", "--format", "csv", "-o", "csv"]
        )
        .code,
        0
    );
    let header = std::fs::read_to_string(d.join("csv/touchpoints.csv")).unwrap();
    assert_eq!(
        header,
        "\u{feff}journey,id,name,stage,owner,channel,backstage,purchase,uses,asks,supported_by,artifacts,score,next\r\n"
    );
    let out = cxmap_in(Some(d), &["import", "csv", "-o", "out", "--color", "never"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("error: nothing to import"),
        "{}",
        out.stderr
    );
}

#[test]
fn without_a_journeys_sheet_stages_come_from_the_touchpoints() {
    let touchpoints = "Journey,ID,Stage,Owner,# our notes,Metric: CSAT,Target: CSAT,Better: CSAT,Unit: CSAT\n\
        buy,look,Look,sales,ask Ann,,,,\n\
        buy,pay,Pay,sales,,71.5,80,Higher,%\n\
        buy,confirm,Look,sales,,,,,\n";
    let (dir, out) = import_csv(&[
        ("touchpoints.csv", touchpoints),
        ("departments.csv", "id,customer_facing\nsales,yes\n"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap(),
        "#:schema ./cxmap.schema.json\n# Imported from touchpoints.csv, departments.csv with `cxmap import`.\n\n\
         [journey]\nid = \"buy\"\nstages = [\"Look\", \"Pay\"]\n\n\
         [[touchpoint]]\nid = \"look\"\nstage = \"Look\"\nowner = \"sales\"\n\n\
         [[touchpoint]]\nid = \"pay\"\nstage = \"Pay\"\nowner = \"sales\"\nmetrics = { CSAT = { value = 71.5, target = 80, unit = \"%\" } }\n\n\
         [[touchpoint]]\nid = \"confirm\"\nstage = \"Look\"\nowner = \"sales\"\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/org.toml")).unwrap(),
        "#:schema ./cxmap.schema.json\n# Imported from touchpoints.csv, departments.csv with `cxmap import`.\n\n[[department]]\nid = \"sales\"\ncustomer_facing = true\n"
    );
}

#[test]
fn insights_partners_and_the_organisation_import_from_their_sheets() {
    let files = [
        (
            "sheets/touchpoints.csv",
            "journey,id,name,owner,metric:wait_days,target:wait_days,better:wait_days,unit:wait_days,metric:nps\nbuy,visit,Visits a store,sales,9,5,lower,days,12\n",
        ),
        (
            "sheets/departments.csv",
            "id,customer_facing,champion,external\nsales,TRUE,Priya,\nfitters,TRUE,,TRUE\n",
        ),
        (
            "sheets/insights.csv",
            "journey,touchpoint,source,quote,date,sample\nbuy,visit,\"Store interviews, May 2026\",They asked for my ID twice,2026-05-12,18\nbuy,visit,NPS verbatims Q3,,,\nbuy,vist,Desk research,,,\n",
        ),
        (
            "sheets/organization.csv",
            "name,north_star\nNorthwind,Never twice\n",
        ),
    ];
    let dir = workspace(&files);
    let out = cxmap_in(
        Some(dir.path()),
        &["import", "sheets", "-o", "out", "--color", "never"],
    );
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "error: journey `buy` has no touchpoint `vist`\n --> sheets/insights.csv, row 4, column B (touchpoint)\n  = help: did you mean `visit`?\n\n1 problem in 1 file; nothing was written\n"
    );
    std::fs::write(
        dir.path().join("sheets/insights.csv"),
        files[2].1.replace("buy,vist,Desk research,,,\n", ""),
    )
    .unwrap();
    let out = cxmap_in(Some(dir.path()), &["import", "sheets", "-o", "out"]);
    assert_eq!(
        out.stdout,
        "wrote 3 files to `out`: 1 journey, 1 touchpoint, 2 departments, 0 data assets\nnext: `cxmap check out`\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap(),
        "#:schema ./cxmap.schema.json\n# Imported from departments.csv, insights.csv, organization.csv, touchpoints.csv with `cxmap import`.\n\n\
         [journey]\nid = \"buy\"\n\n\
         [[touchpoint]]\nid = \"visit\"\nname = \"Visits a store\"\nowner = \"sales\"\n\
         insights = [\n  { source = \"Store interviews, May 2026\", quote = \"They asked for my ID twice\", date = 2026-05-12, sample = 18 },\n  { source = \"NPS verbatims Q3\" },\n]\n\
         metrics = { wait_days = { value = 9, target = 5, better = \"lower\", unit = \"days\" }, nps = 12 }\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/org.toml")).unwrap(),
        "#:schema ./cxmap.schema.json\n# Imported from departments.csv, insights.csv, organization.csv, touchpoints.csv with `cxmap import`.\n\n\
         [organization]\nname = \"Northwind\"\nnorth_star = \"Never twice\"\n\n\
         [[department]]\nid = \"sales\"\ncustomer_facing = true\nchampion = \"Priya\"\n\n\
         [[department]]\nid = \"fitters\"\ncustomer_facing = true\nexternal = true\n"
    );
}
