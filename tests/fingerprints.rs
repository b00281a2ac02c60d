//! Stable fingerprints: what a finding is about, hashed from ids, so that it is the same
//! finding when lines move, other parts change, and files are renamed or reordered; and the
//! same fingerprint in JSON (findings and waived ones), SARIF and GitLab output.

mod common;

use std::collections::BTreeMap;

use cxmap::analyse::{self, fingerprint::Identity};
use cxmap::load::load_texts;
use cxmap::model::Date;
use serde_json::Value;

const TODAY: Date = Date::new(2026, 11, 26);

/// The example workspace's files as (name, text), in sorted order.
fn example() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(common::root().join("journeys"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            let name = format!("journeys/{}", p.file_name().unwrap().to_string_lossy());
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Fingerprint → (identity as text, line) for every finding and waived finding.
fn fingerprints(files: &[(String, String)]) -> BTreeMap<String, (String, usize)> {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let checked = analyse::check(load_texts(&refs), TODAY);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    let ws = &checked.workspace;
    let a = checked.analysis.as_ref().unwrap();
    let mut out = BTreeMap::new();
    for f in a.findings.iter().chain(a.waived.iter().map(|w| &w.finding)) {
        let line = ws.sources.locate(&f.at).line;
        let previous = out.insert(
            f.fingerprint(ws).to_string(),
            (format!("{:?}", f.identity(ws)), line),
        );
        assert!(
            previous.is_none(),
            "two findings of the example share a fingerprint"
        );
    }
    out
}

#[test]
fn fingerprints_survive_moved_lines_renamed_and_reordered_files_and_edits_elsewhere() {
    let original = fingerprints(&example());
    assert!(original.len() > 60);
    let mut changed: Vec<(String, String)> = example()
        .into_iter()
        .map(|(name, text)| {
            // Renamed (the configuration keeps its name: that is how it is found), lines
            // moved down by a comment block, and an edit elsewhere in the file.
            let name = if name.ends_with("/cxmap.toml") {
                name
            } else {
                name.replace("journeys/", "journeys/renamed-")
            };
            let text = format!("# Reviewed in the Q3 journey audit.\n#\n\n{text}").replacen(
                "name = \"",
                "name = \"Renamed: ",
                1,
            );
            (name, text)
        })
        .collect();
    changed.reverse();
    let after = fingerprints(&changed);
    let ids = |m: &BTreeMap<String, (String, usize)>| -> BTreeMap<String, String> {
        m.iter()
            .map(|(k, (id, _))| (k.clone(), id.clone()))
            .collect()
    };
    assert_eq!(ids(&after), ids(&original));
    // The lines did move.
    assert!(original.iter().all(|(k, (_, line))| after[k].1 == line + 3));
}

#[test]
fn a_fingerprint_changes_with_what_the_finding_is_about() {
    let base = Identity {
        rule: "unowned-touchpoint",
        journey: Some("buy"),
        subject: "browse",
        detail: None,
    };
    let others = [
        Identity {
            subject: "browse-2",
            ..base
        },
        Identity {
            journey: Some("sell"),
            ..base
        },
        Identity {
            journey: None,
            ..base
        },
        Identity {
            detail: Some("x"),
            ..base
        },
        Identity {
            rule: "missing-stage",
            ..base
        },
    ];
    for other in others {
        assert_ne!(base.fingerprint(), other.fingerprint(), "{other:?}");
    }
}

#[test]
fn the_documented_recipe_example_holds() {
    // docs/format.md gives this finding's fingerprint as a worked example of the recipe.
    let example = Identity {
        rule: "unowned-touchpoint",
        journey: Some("buy"),
        subject: "browse",
        detail: None,
    };
    let fp = example.fingerprint().to_string();
    let docs = std::fs::read_to_string(common::root().join("docs/format.md")).unwrap();
    assert!(
        docs.contains(&format!("`{fp}`")),
        "docs/format.md should show {fp}"
    );
}

#[test]
fn json_sarif_and_gitlab_carry_the_same_fingerprints() {
    let json: Value =
        serde_json::from_str(&common::cxmap(&["check", "--format", "json"]).stdout).unwrap();
    let sarif: Value =
        serde_json::from_str(&common::cxmap(&["check", "--format", "sarif"]).stdout).unwrap();
    let gitlab: Value =
        serde_json::from_str(&common::cxmap(&["check", "--format", "gitlab"]).stdout).unwrap();
    let of = |list: &Value, key: &dyn Fn(&Value) -> &Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|x| key(x).as_str().unwrap().to_owned())
            .collect()
    };
    let findings = of(&json["findings"], &|f| &f["fingerprint"]);
    let waived = of(&json["waived"], &|f| &f["fingerprint"]);
    assert_eq!(waived.len(), 1);
    assert!(findings.iter().chain(&waived).all(|f| f.len() == 32));
    let in_sarif = of(&sarif["runs"][0]["results"], &|r| {
        &r["partialFingerprints"]["cxmapFinding/v1"]
    });
    assert_eq!(in_sarif, [findings.clone(), waived].concat());
    assert_eq!(of(&gitlab, &|i| &i["fingerprint"]), findings);
}
