//! One location per finding, the same in every format: for every finding of `journeys/` and
//! of each rule fixture, the text output, JSON, SARIF and GitHub annotations point at the
//! same file, line and column, in the same order.

mod common;

use common::cxmap;

type Location = (String, u64, u64);

fn text_locations(args: &[&str]) -> Vec<Location> {
    let mut full = vec!["check", "--color", "never"];
    full.extend(args);
    let out = cxmap(&full);
    out.stdout
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("--> "))
        .map(|l| {
            let mut parts = l.rsplitn(3, ':');
            let column = parts.next().unwrap().parse().unwrap();
            let line = parts.next().unwrap().parse().unwrap();
            (parts.next().unwrap().to_owned(), line, column)
        })
        .collect()
}

fn json_locations(args: &[&str]) -> Vec<Location> {
    let mut full = vec!["check", "--format", "json"];
    full.extend(args);
    let json: serde_json::Value = serde_json::from_str(&cxmap(&full).stdout).unwrap();
    json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn sarif_locations(args: &[&str]) -> Vec<Location> {
    let mut full = vec!["check", "--format", "sarif"];
    full.extend(args);
    let json: serde_json::Value = serde_json::from_str(&cxmap(&full).stdout).unwrap();
    json["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        // Waived findings are results too, marked as suppressed; JSON lists them apart.
        .filter(|r| r.get("suppressions").is_none())
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            (
                loc["artifactLocation"]["uri"].as_str().unwrap().to_owned(),
                loc["region"]["startLine"].as_u64().unwrap(),
                loc["region"]["startColumn"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn github_locations(args: &[&str]) -> Vec<Location> {
    let mut full = vec!["check", "--format", "github"];
    full.extend(args);
    cxmap(&full)
        .stdout
        .lines()
        .map(|l| {
            let props = l.split("::").nth(1).unwrap();
            let get = |key: &str| {
                props
                    .split([' ', ','])
                    .find_map(|p| p.strip_prefix(&format!("{key}=")))
                    .unwrap()
                    .to_owned()
            };
            (
                get("file"),
                get("line").parse().unwrap(),
                get("col").parse().unwrap(),
            )
        })
        .collect()
}

fn assert_same_everywhere(args: &[&str]) {
    let json = json_locations(args);
    assert!(!json.is_empty(), "{args:?} has findings");
    assert_eq!(text_locations(args), json, "text vs JSON for {args:?}");
    assert_eq!(sarif_locations(args), json, "SARIF vs JSON for {args:?}");
    assert_eq!(github_locations(args), json, "GitHub vs JSON for {args:?}");
}

#[test]
fn every_format_points_at_the_same_place_for_the_examples() {
    assert_same_everywhere(&["journeys"]);
}

#[test]
fn every_format_points_at_the_same_place_for_every_rule_fixture() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules");
    let mut fixtures: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".cxmap.toml"))
        .collect();
    fixtures.sort();
    for path in fixtures {
        let name = format!(
            "tests/fixtures/rules/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        assert_same_everywhere(&[&name]);
    }
}
