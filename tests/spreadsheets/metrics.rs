//! The monthly metrics refresh: only the numbers change.

use super::*;

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
    let json = cxmap_in(Some(dir.path()), &["metrics", "s.csv", "--format", "json"]);
    assert_eq!(json.code, 1);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        v["errors"][0]["message"],
        "journey `care` has no touchpoint `cal`"
    );
    assert_eq!(v["errors"][0]["file"], "s.csv");
    assert_eq!(v["errors"][0]["sheet"], serde_json::Value::Null);
    assert_eq!(
        (
            v["errors"][0]["row"].as_u64(),
            v["errors"][0]["column"].as_str()
        ),
        (Some(2), Some("B"))
    );
    assert_eq!(v["errors"][0]["help"], "did you mean `call`?");
    assert_eq!(v["errors"].as_array().unwrap().len(), 5);
    let missing = cxmap_in(Some(dir.path()), &["metrics", "nope.csv"]);
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr,
        "error: `nope.csv` does not exist\n  help: give the survey export as a CSV file\n"
    );
}
