//! The `cxmap` binary as users and CI run it: formats, exit statuses, configuration,
//! `rules`, `explain`, `init`, `schema`, `completions`, and generated docs kept current.

mod common;

use common::{cxmap, cxmap_in, workspace};

#[test]
fn check_on_the_example_journeys_text() {
    let out = cxmap(&["check", "--color", "never"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .ends_with("5 journeys, 38 touchpoints: 41 warnings, 22 info, 1 waived\n")
    );
    insta::assert_snapshot!("check_journeys_text", out.stdout);
}

#[test]
fn check_on_the_example_journeys_json_has_the_contract_shape() {
    let out = cxmap(&["check", "journeys", "--format", "json"]);
    assert_eq!(out.code, 0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["errors"], serde_json::json!([]));
    let first = &json["findings"][0];
    for key in [
        "rule", "severity", "journey", "subject", "message", "file", "line", "column",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    insta::assert_snapshot!("check_journeys_json", out.stdout);
}

#[test]
fn findings_are_in_file_line_rule_subject_order() {
    let out = cxmap(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let keys: Vec<(String, u64, String, String)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_owned(),
                f["line"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_owned(),
                f["subject"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn invalid_workspace_exits_1_with_errors_and_no_findings() {
    let dir = workspace(&[(
        "j.toml",
        "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\nownr = \"x\"\n",
    )]);
    let out = cxmap_in(Some(dir.path()), &["check", "j.toml", "--format", "json"]);
    assert_eq!(out.code, 1);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["findings"], serde_json::json!([]));
    assert_eq!(json["errors"][0]["file"], "j.toml");
    assert_eq!(json["errors"][0]["line"], 5);
    assert_eq!(json["errors"][0]["column"], 1);
    assert_eq!(
        json["errors"][0]["message"],
        "unknown key `ownr` in `[[touchpoint]]`"
    );

    let text = cxmap_in(Some(dir.path()), &["check", "j.toml", "--color", "never"]);
    assert_eq!(text.code, 1);
    assert_eq!(
        text.stdout,
        "j.toml\nerror: unknown key `ownr` in `[[touchpoint]]`\n --> j.toml:5:1\n  |\n5 | ownr = \"x\"\n  | ^^^^\n  |\n  = help: did you mean `owner`?\n\ninvalid workspace: 1 problem in 1 file; fix it to see findings\n"
    );
}

#[test]
fn a_path_that_does_not_exist_exits_2() {
    let out = cxmap(&["check", "no/such/folder"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .starts_with("error: `no/such/folder` does not exist\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(cxmap(&["check", "--format", "xml"]).code, 2);
    assert_eq!(cxmap(&["frobnicate"]).code, 2);
    assert_eq!(cxmap(&["check", "--config", "missing.toml"]).code, 2);
}

#[test]
fn error_severity_from_config_exits_1_and_explicit_config_wins() {
    let dir = workspace(&[
        ("strict.toml", "[rules]\nunowned-touchpoint = \"error\"\n"),
        (
            "ws/j.toml",
            "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\npurchase = true\n",
        ),
    ]);
    assert_eq!(cxmap_in(Some(dir.path()), &["check", "ws"]).code, 0);
    let out = cxmap_in(
        Some(dir.path()),
        &["check", "ws", "--config", "strict.toml", "--color", "never"],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stdout
            .contains("error[unowned-touchpoint]: touchpoint `t` has no owner")
    );
}

#[test]
fn config_is_found_in_the_current_folder() {
    let dir = workspace(&[
        ("cxmap.toml", "[rules]\nmissing-purchase = \"error\"\n"),
        ("journeys/j.toml", "[journey]\nid = \"j\"\n"),
    ]);
    let out = cxmap_in(Some(dir.path()), &["check", "--format", "json"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("\"severity\": \"error\""));
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let mut schema: serde_json::Value =
        serde_json::from_str(&common::fixture("sarif/sarif-schema-2.1.0.json")).unwrap();
    // The published schema's patterns for `language` have a stray `]` that strict regex
    // engines reject; they constrain a property cxmap does not emit, so they are mended here.
    for def in ["run", "toolComponent"] {
        schema["definitions"][def]["properties"]["language"]["pattern"] =
            serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    }
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let out = cxmap(&["check", "--format", "sarif"]);
    assert_eq!(out.code, 0);
    let log: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    // The 20 rules, and `invalid-input` for the problems in the files.
    assert_eq!(run["tool"]["driver"]["rules"].as_array().unwrap().len(), 21);
    // Every finding is a result, and so is every waived one (suppressed).
    let json: serde_json::Value =
        serde_json::from_str(&cxmap(&["check", "--format", "json"]).stdout).unwrap();
    let findings = json["findings"].as_array().unwrap().len();
    let waived = json["waived"].as_array().unwrap().len();
    assert!(findings > 0 && waived > 0);
    assert_eq!(run["results"].as_array().unwrap().len(), findings + waived);
    assert_eq!(run["results"][0]["ruleId"], "seller-owns-aftercare");
    assert_eq!(run["results"][0]["level"], "warning");

    // Invalid input: still valid SARIF, with the problems as results (tests/ci.rs has more).
    let dir = workspace(&[("bad file.toml", "[journey]\nid = 3\n")]);
    let out = cxmap_in(
        Some(dir.path()),
        &["check", "bad file.toml", "--format", "sarif"],
    );
    assert_eq!(out.code, 1);
    let log: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(validator.is_valid(&log));
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "invalid-input");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "bad%20file.toml"
    );
}

#[test]
fn github_format_escapes_workflow_commands() {
    let dir = workspace(&[(
        "j,1.toml",
        "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"50%\"\npurchase = true\nnext = [\"50%\"]\n",
    )]);
    let out = cxmap_in(
        Some(dir.path()),
        &["check", "j,1.toml", "--format", "github"],
    );
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        "::warning file=j%2C1.toml,line=2,col=6,title=cxmap ends-at-purchase::journey `j` ends at the purchase%0Ahelp: add the customer-facing steps after the purchase: delivery, onboarding, first use, support\n\
         ::warning file=j%2C1.toml,line=4,col=6,title=cxmap unowned-touchpoint::touchpoint `50%25` has no owner%0Ahelp: add `owner = \"<department id>\"`: the one team accountable for this step\n"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = cxmap(&["check"]);
    assert!(
        !plain.stdout.contains('\u{1b}'),
        "auto is off when stdout is not a terminal"
    );
    let always = cxmap(&["check", "--color", "always"]);
    assert!(always.stdout.contains("\u{1b}["));
}

#[test]
fn hostile_names_never_reach_the_terminal_raw() {
    let dir = workspace(&[(
        "j.toml",
        "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"evil\\u001b[2J\\u202egnp.exe\"\nname = \"<script>\\\"];\\n\"\npurchase = true\n",
    )]);
    let out = cxmap_in(Some(dir.path()), &["check", "--color", "never", "j.toml"]);
    assert_eq!(out.code, 1, "{}", out.stdout); // ids with control characters are invalid
    assert!(
        out.stdout
            .contains("touchpoint `id` contains a control character")
    );
    let dir = workspace(&[(
        "j.toml",
        "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"\u{202e}gnp.exe\"\npurchase = true\n",
    )]);
    let out = cxmap_in(Some(dir.path()), &["check", "--color", "never", "j.toml"]);
    assert!(!out.stdout.contains('\u{202e}'));
    assert!(
        out.stdout
            .contains("touchpoint `\\u{202e}gnp.exe` has no owner")
    );
}

#[test]
fn rules_and_explain() {
    let out = cxmap(&["rules"]);
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.lines().count(), 20);
    assert!(
        out.stdout.starts_with(
            "unowned-touchpoint        warning  A touchpoint has no owning department\n"
        )
    );

    let out = cxmap(&["explain", "data-silo"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout
            .starts_with("# data-silo\n\nDefault severity: warning.")
    );
    assert!(out.stdout.contains("## Why it matters"));

    let out = cxmap(&["explain", "data-silos"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: there is no rule `data-silos`\n  help: did you mean `data-silo`?\n"
    );
}

#[test]
fn docs_rules_md_is_current() {
    let out = cxmap(&["rules", "--markdown"]);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if std::env::var_os("CXMAP_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &out.stdout).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == out.stdout,
        "docs/rules.md is out of date: run `CXMAP_UPDATE_DOCS=1 cargo test --test cli`"
    );
    // explain prints the same text as the page.
    let explain = cxmap(&["explain", "pain-point"]).stdout;
    let shifted: String = explain
        .lines()
        .map(|l| {
            if l.starts_with('#') {
                format!("#{l}\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert!(committed.contains(&shifted));
}

#[test]
fn docs_schema_is_current_and_validates_the_examples() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let validators: Vec<(&str, jsonschema::Validator)> = [
        ("docs/cxmap.schema.json", &["schema"][..]),
        ("docs/cxmap-config.schema.json", &["schema", "--config"][..]),
    ]
    .into_iter()
    .map(|(file, args)| {
        let out = cxmap(args);
        let path = root.join(file);
        if std::env::var_os("CXMAP_UPDATE_DOCS").is_some() {
            std::fs::write(&path, &out.stdout).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == out.stdout,
            "{file} is out of date: run `CXMAP_UPDATE_DOCS=1 cargo test --test cli`"
        );
        let schema: serde_json::Value = serde_json::from_str(&committed).unwrap();
        (file, jsonschema::validator_for(&schema).unwrap())
    })
    .collect();
    let (model, config) = (&validators[0].1, &validators[1].1);
    for entry in std::fs::read_dir(root.join("journeys")).unwrap() {
        let path = entry.unwrap().path();
        let value: toml::Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let json = as_json(value);
        let validator = if path.ends_with("cxmap.toml") {
            config
        } else {
            model
        };
        let errors: Vec<String> = validator
            .iter_errors(&json)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    // A misspelt key is caught by the schema too (editors show it while typing).
    let bad = serde_json::json!({ "journey": { "id": "j", "ownr": "x" } });
    assert!(!model.is_valid(&bad));
    let bad = serde_json::json!({ "allow": [{ "rule": "data-silo", "reason": "r", "untill": "2026-01-01" }] });
    assert!(!config.is_valid(&bad));
    let bad = serde_json::json!({ "rules": { "data-silo": "loud" } });
    assert!(!config.is_valid(&bad));
}

/// TOML as an editor's schema validator sees it: dates as strings.
fn as_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::Datetime(d) => serde_json::Value::String(d.to_string()),
        toml::Value::Array(items) => items.into_iter().map(as_json).collect(),
        toml::Value::Table(t) => t.into_iter().map(|(k, v)| (k, as_json(v))).collect(),
        other => serde_json::to_value(other).unwrap(),
    }
}

#[test]
fn init_writes_a_valid_starter_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = cxmap_in(Some(dir.path()), &["init", "cx"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for name in ["org.toml", "buy-online.toml", "get-help.toml", "cxmap.toml"] {
        let text = std::fs::read_to_string(dir.path().join("cx").join(name)).unwrap();
        assert!(text.starts_with("#:schema ./cxmap"), "{name}");
    }
    let check = cxmap_in(Some(dir.path()), &["check", "cx", "--format", "json"]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    let json: serde_json::Value = serde_json::from_str(&check.stdout).unwrap();
    assert!(
        !json["findings"].as_array().unwrap().is_empty(),
        "the starter shows what cxmap finds"
    );
    // No placeholder passes silently: champions are left commented out, so cxmap says
    // they are missing until a real name is written.
    let org = std::fs::read_to_string(dir.path().join("cx/org.toml")).unwrap();
    assert!(!org.contains("Replace with"), "{org}");
    let champions: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "missing-champion")
        .map(|f| f["subject"].as_str().unwrap())
        .collect();
    assert_eq!(champions, ["sales", "support", "it"]);
    // The v1.1 keys a beginner meets first are shown in use.
    let journey = std::fs::read_to_string(dir.path().join("cx/buy-online.toml")).unwrap();
    for key in [
        "asks =",
        "artifacts =",
        "insights =",
        "target =",
        "purchase = true",
    ] {
        assert!(journey.contains(key), "the starter shows `{key}`");
    }
    assert!(org.contains("external = true"));
    assert_eq!(json["waived"][0]["rule"], "missing-purchase");

    std::fs::write(dir.path().join("cx/org.toml"), "# mine\n").unwrap();
    let again = cxmap_in(Some(dir.path()), &["init", "cx"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("not overwriting"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("cx/org.toml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn completions_for_common_shells() {
    for shell in ["bash", "zsh", "fish"] {
        let out = cxmap(&["completions", shell]);
        assert_eq!(out.code, 0);
        assert!(out.stdout.contains("check"), "{shell}");
    }
}

#[test]
fn broken_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["schema"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // close the reading end at once
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn an_empty_folder_says_so() {
    let dir = workspace(&[("empty/readme.txt", "not a journey")]);
    let out = cxmap_in(Some(dir.path()), &["check", "empty", "--color", "never"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stdout,
        "no journey files found: give a folder of `.toml` files, or run `cxmap init`\n"
    );
}

#[test]
fn every_rule_fires_somewhere_in_the_examples() {
    let out = cxmap(&["check", "journeys", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let mut fired: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    fired.sort_unstable();
    fired.dedup();
    let mut all: Vec<&str> = cxmap::analyse::rules::RULES
        .iter()
        .map(|r| r.name)
        .collect();
    all.sort_unstable();
    assert_eq!(fired, all);
    // And a waiver with its reason is in force.
    assert_eq!(json["waived"][0]["rule"], "data-silo");
    assert_eq!(json["waived"][0]["subject"], "credit-score");
}
