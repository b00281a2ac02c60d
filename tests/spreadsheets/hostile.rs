//! Hostile names through export and import: formula starts, control characters, bidi,
//! quotes and line breaks stay text.

use super::*;

/// Names a spreadsheet must show as text, never run: formula starts (OWASP's list), control
/// characters, bidi overrides, quotes and line breaks.
pub const HOSTILE: [&str; 10] = [
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

pub fn hostile_workspace() -> tempfile::TempDir {
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
