//! The written workbooks as an independent reader (Python's openpyxl) sees them.

use super::*;
use crate::hostile::{HOSTILE, hostile_workspace};

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
