//! One test per kind of invalid input in the contract: the line, column and message a user
//! sees, and that every problem is reported in one run.

use cxmap::analyse;
use cxmap::load::load_texts;

/// Waivers are judged on this day in every test and benchmark.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

/// `(line, column, message, help)` of every problem (in the files and in `cxmap.toml`).
fn problems(files: &[(&str, &str)]) -> Vec<(String, usize, usize, String, Option<String>)> {
    let checked = analyse::check(load_texts(files), TODAY);
    assert_eq!(checked.analysis.is_none(), !checked.problems.is_empty());
    checked
        .problems
        .iter()
        .map(|p| {
            let loc = checked.workspace.sources.locate(&p.span);
            (
                loc.file,
                loc.line,
                loc.column,
                p.message.clone(),
                p.help.clone(),
            )
        })
        .collect()
}

fn one(text: &str) -> (usize, usize, String, Option<String>) {
    let mut all = problems(&[("j.toml", text)]);
    assert_eq!(all.len(), 1, "{all:?}");
    let (_, line, col, msg, help) = all.remove(0);
    (line, col, msg, help)
}

const DEPT: &str = "[[department]]\nid = \"sales\"\ncustomer_facing = true\n";

#[test]
fn not_toml() {
    let (line, col, msg, _) = one("[journey]\nid = \"j\nname = 1\n");
    assert_eq!((line, col), (2, 8));
    assert_eq!(msg, "not valid TOML: invalid basic string, expected `\"`");
}

#[test]
fn wrong_type() {
    let (line, col, msg, help) = one("[[department]]\nid = \"it\"\ncustomer_facing = \"no\"\n");
    assert_eq!((line, col), (3, 19));
    assert_eq!(
        msg,
        "`customer_facing` must be `true` or `false`, not a string"
    );
    assert_eq!(
        help.as_deref(),
        Some("write `true` or `false`, without quotes")
    );
}

#[test]
fn missing_required_key() {
    let (line, col, msg, help) = one("[[department]]\nid = \"it\"\n");
    assert_eq!((line, col), (1, 1));
    assert_eq!(
        msg,
        "`[[department]]` is missing the required key `customer_facing`"
    );
    assert_eq!(help.as_deref(), Some("add `customer_facing = true`"));
}

#[test]
fn unknown_key_with_did_you_mean() {
    let text =
        format!("{DEPT}[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\nownr = \"sales\"\n");
    let (line, col, msg, help) = one(&text);
    assert_eq!((line, col), (8, 1));
    assert_eq!(msg, "unknown key `ownr` in `[[touchpoint]]`");
    assert_eq!(help.as_deref(), Some("did you mean `owner`?"));
}

#[test]
fn unknown_table() {
    let (line, col, msg, help) = one("[journy]\nid = \"j\"\n");
    assert_eq!((line, col), (1, 2));
    assert_eq!(msg, "unknown table `journy`");
    assert_eq!(help.as_deref(), Some("did you mean `journey`?"));
}

#[test]
fn duplicate_ids_in_each_namespace() {
    let org = format!(
        "{DEPT}{DEPT}[[data]]\nid = \"d\"\nheld_by = []\n[[data]]\nid = \"d\"\nheld_by = []\n"
    );
    let j1 = "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\n[[touchpoint]]\nid = \"t\"\n";
    let j2 = "[journey]\nid = \"j\"\n";
    let all = problems(&[("org.toml", &org), ("a.toml", j1), ("b.toml", j2)]);
    let msgs: Vec<_> = all
        .iter()
        .map(|p| (p.0.as_str(), p.1, p.3.as_str()))
        .collect();
    assert_eq!(
        msgs,
        vec![
            ("org.toml", 5, "department `sales` is declared twice"),
            ("org.toml", 11, "data `d` is declared twice"),
            (
                "a.toml",
                6,
                "touchpoint `t` is declared twice in this journey"
            ),
            ("b.toml", 2, "journey `j` is declared twice"),
        ]
    );
    assert_eq!(all[0].4.as_deref(), Some("first declared at org.toml:2"));
    assert_eq!(all[3].4.as_deref(), Some("first declared at a.toml:2"));
}

#[test]
fn references_to_unknown_ids_with_did_you_mean() {
    let org = format!("{DEPT}[[data]]\nid = \"profile\"\nheld_by = [\"sale\"]\n");
    let j = r#"[journey]
id = "j"
owner = "sales-team"
stages = ["Buy"]
[[touchpoint]]
id = "t"
stage = "buy"
owner = ["sales", "slaes"]
supported_by = ["sals"]
uses = ["profil"]
next = ["u", { to = "tt" }]
"#;
    let all = problems(&[("org.toml", &org), ("j.toml", j)]);
    let got: Vec<_> = all
        .iter()
        .map(|p| (p.1, p.2, p.3.as_str(), p.4.as_deref().unwrap_or("")))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                6,
                12,
                "`held_by` names an unknown department `sale`",
                "did you mean `sales`?"
            ),
            (
                3,
                9,
                "`owner` names an unknown department `sales-team`",
                "did you mean `sales`?"
            ),
            (
                7,
                9,
                "`stage` names an unknown stage `buy`",
                "did you mean `Buy`?"
            ),
            (
                8,
                19,
                "`owner` names an unknown department `slaes`",
                "did you mean `sales`?"
            ),
            (
                9,
                17,
                "`supported_by` names an unknown department `sals`",
                "did you mean `sales`?"
            ),
            (
                10,
                9,
                "`uses` names unknown data `profil`",
                "did you mean `profile`?"
            ),
            (
                11,
                9,
                "`next` names an unknown touchpoint `u`",
                "known touchpoints: `t`"
            ),
            (
                11,
                21,
                "`next` names an unknown touchpoint `tt`",
                "did you mean `t`?"
            ),
        ]
    );
}

#[test]
fn score_out_of_range() {
    let (line, col, msg, _) =
        one("[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\nscore = -3\n");
    assert_eq!((line, col), (5, 9));
    assert_eq!(msg, "`score` is -3, outside -2..2");
}

#[test]
fn touchpoint_without_journey() {
    let (line, col, msg, _) = one("[[touchpoint]]\nid = \"t\"\n");
    assert_eq!((line, col), (1, 1));
    assert_eq!(msg, "`[[touchpoint]]` in a file with no `[journey]`");
}

#[test]
fn two_organizations() {
    let all = problems(&[
        ("a.toml", "[organization]\nname = \"A\"\n"),
        ("b.toml", "\n[organization]\nname = \"B\"\n"),
    ]);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].0.as_str(), all[0].1), ("b.toml", 2));
    assert_eq!(all[0].3, "a workspace can have only one `[organization]`");
}

#[test]
fn every_problem_is_reported_in_one_run_without_cascades() {
    // A broken department is reported once; references to it are not reported again.
    let text = r#"
[[department]]
id = "sales"
customer_facing = "yes"
[journey]
id = "j"
[[touchpoint]]
id = "a"
owner = "sales"
colour = "red"
score = 9
[[touchpoint]]
id = "b"
owner = "nobody"
"#;
    let all = problems(&[("j.toml", text)]);
    let lines: Vec<usize> = all.iter().map(|p| p.1).collect();
    assert_eq!(lines, vec![4, 10, 11, 14], "{all:?}");
}

#[test]
fn bom_crlf_and_empty_files_are_fine() {
    let text = "\u{feff}[journey]\r\nid = \"j\"\r\n[[touchpoint]]\r\nid = \"t\"\r\nscore = 7\r\n";
    // The BOM is stripped when reading from disk; here it is part of the text, so use the CLI.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("j.toml"), text.as_bytes()).unwrap();
    std::fs::write(dir.path().join("empty.toml"), b"").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["errors"].as_array().unwrap().len(), 1);
    assert_eq!(json["errors"][0]["line"], 5);
    assert_eq!(json["errors"][0]["column"], 9);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn non_utf8_too_large_and_too_deep_files_are_refused_with_a_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.toml"), b"[journey]\nid = \"caf\xe9\"\n").unwrap();
    let deep = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    std::fs::write(dir.path().join("b.toml"), deep).unwrap();
    let big = vec![b'#'; (cxmap::load::MAX_FILE_BYTES + 1) as usize];
    std::fs::write(dir.path().join("c.toml"), big).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<(u64, u64, &str)> = json["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
                e["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            (2, 10, "file is not valid UTF-8 text"),
            (1, 37, "values are nested more than 32 levels deep"),
            (1, 1, "file is too large (16 MiB; the limit is 16 MiB)"),
        ]
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn unknown_rule_or_severity_in_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cxmap.toml"),
        "[rules]\ndata-silos = \"error\"\npain-point = \"loud\"\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["message"], "unknown rule `data-silos`");
    assert_eq!(errors[0]["help"], "did you mean `data-silo`?");
    assert_eq!(errors[0]["line"], 2);
    assert_eq!(
        errors[1]["message"],
        "unknown severity `loud` for `pain-point`"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn every_wrong_value_of_one_table_is_reported() {
    let text = "[[department]]\nid = 3\ncustomer_facing = \"yes\"\nchampion = 4\n\n[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\nscore = \"bad\"\nbackstage = 1\n";
    let all = problems(&[("j.toml", text)]);
    let got: Vec<(usize, usize, &str)> = all.iter().map(|p| (p.1, p.2, p.3.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (2, 6, "`id` must be a string, not a whole number"),
            (
                3,
                19,
                "`customer_facing` must be `true` or `false`, not a string"
            ),
            (4, 12, "`champion` must be a string, not a whole number"),
            (10, 9, "`score` must be a whole number, not a string"),
            (
                11,
                13,
                "`backstage` must be `true` or `false`, not a whole number"
            ),
        ]
    );
}

#[test]
fn a_missing_key_is_reported_beside_wrong_values() {
    let all = problems(&[("j.toml", "[[department]]\nid = \"d\"\nname = 5\n")]);
    let got: Vec<&str> = all.iter().map(|p| p.3.as_str()).collect();
    assert_eq!(
        got,
        vec![
            "`[[department]]` is missing the required key `customer_facing`",
            "`name` must be a string, not a whole number",
        ]
    );
}
