//! cxmap where CI runs it: the GitHub Actions and GitLab CI jobs of docs/ci.md run with their
//! exact commands on a real git repository with two commits; SARIF and GitLab's Code Quality
//! report validated against their schemas, invalid input included; the JSON summary's counts;
//! `cxmap init mine && cd mine && cxmap check`; the pre-commit hook definition.

mod common;

use std::path::Path;
use std::process::Command;

use common::{cxmap, cxmap_env, cxmap_in, git, has_git, replace_with, root, workspace};
use serde_json::Value;

fn validator(fixture: &str) -> jsonschema::Validator {
    let mut schema: Value = serde_json::from_str(&common::fixture(fixture)).unwrap();
    if fixture.starts_with("sarif/") {
        // The published schema's patterns for `language` have a stray `]` that strict regex
        // engines reject; they constrain a property cxmap does not emit.
        for def in ["run", "toolComponent"] {
            schema["definitions"][def]["properties"]["language"]["pattern"] =
                serde_json::json!("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
        }
    }
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn assert_valid(validator: &jsonschema::Validator, text: &str) -> Value {
    let value: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
    value
}

/// A workspace with four invalid-input problems in two files, and a configuration file.
fn broken() -> tempfile::TempDir {
    workspace(&[
        ("ws/cxmap.toml", "[rules]\ndata-silo = \"error\"\n"),
        (
            "ws/a.toml",
            "[journey]\nid = \"a\"\n[[touchpoint]]\nid = \"t\"\nownr = \"x\"\nscore = 7\n[[department]]\nid = \"d\"\ncustomer_facing = \"yes\"\n",
        ),
        (
            "ws/b file.toml",
            "[journey]\nid = 3\n[[touchpoint]]\nid = \"u\"\nowner = \"nobody\"\n",
        ),
    ])
}

#[test]
fn gitlab_report_is_valid_for_findings_and_invalid_input() {
    let v = validator("gitlab/codequality-report.schema.json");
    let out = cxmap(&["check", "--format", "gitlab"]);
    assert_eq!(out.code, 0);
    let report = assert_valid(&v, &out.stdout);
    let json: Value = serde_json::from_str(&cxmap(&["check", "--format", "json"]).stdout).unwrap();
    let issues = report.as_array().unwrap();
    assert_eq!(issues.len(), json["findings"].as_array().unwrap().len());
    for (issue, finding) in issues.iter().zip(json["findings"].as_array().unwrap()) {
        assert_eq!(issue["check_name"], finding["rule"]);
        assert_eq!(issue["description"], finding["message"]);
        assert_eq!(issue["location"]["path"], finding["file"]);
        assert_eq!(issue["location"]["lines"]["begin"], finding["line"]);
        let expected = match finding["severity"].as_str().unwrap() {
            "error" => "major",
            "warning" => "minor",
            _ => "info",
        };
        assert_eq!(issue["severity"], expected);
    }

    let dir = broken();
    let out = cxmap_in(Some(dir.path()), &["check", "ws", "--format", "gitlab"]);
    assert_eq!(out.code, 1);
    let report = assert_valid(&v, &out.stdout);
    let issues = report.as_array().unwrap();
    assert_eq!(issues.len(), 4);
    assert!(
        issues
            .iter()
            .all(|i| i["check_name"] == "invalid-input" && i["severity"] == "blocker")
    );
    assert_eq!(issues[0]["location"]["path"], "ws/a.toml");
    assert_eq!(issues[0]["location"]["lines"]["begin"], 5);
    assert_eq!(
        issues[0]["description"],
        "unknown key `ownr` in `[[touchpoint]]`"
    );
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), 4, "every issue has its own fingerprint");
}

#[test]
fn sarif_marks_invalid_input_as_results_on_the_broken_line() {
    let v = validator("sarif/sarif-schema-2.1.0.json");
    let dir = broken();
    let out = cxmap_in(Some(dir.path()), &["check", "ws", "--format", "sarif"]);
    assert_eq!(out.code, 1);
    let log = assert_valid(&v, &out.stdout);
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), cxmap::analyse::rules::RULES.len() + 1);
    let last = rules.last().unwrap();
    assert_eq!(last["id"], "invalid-input");
    assert_eq!(last["defaultConfiguration"]["level"], "error");
    assert!(
        cxmap::analyse::rules::RULES
            .iter()
            .all(|r| r.name != "invalid-input"),
        "`invalid-input` is not a rule: no configuration can turn it off"
    );
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 4);
    let first = &results[0];
    assert_eq!(first["ruleId"], "invalid-input");
    assert_eq!(first["ruleIndex"], rules.len() - 1);
    assert_eq!(first["level"], "error");
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "ws/a.toml");
    assert_eq!(location["region"]["startLine"], 5);
    assert_eq!(
        first["message"]["text"],
        "unknown key `ownr` in `[[touchpoint]]`\nhelp: did you mean `owner`?"
    );
    assert_eq!(
        results[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "ws/b%20file.toml"
    );
    assert_eq!(run["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn json_summary_counts_errors_and_only_journey_files() {
    let dir = broken();
    let out = cxmap_in(Some(dir.path()), &["check", "ws", "--format", "json"]);
    assert_eq!(out.code, 1);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    let summary = &json["summary"];
    assert_eq!(json["errors"].as_array().unwrap().len(), 4);
    assert_eq!(summary["valid"], false);
    assert_eq!(summary["errors"], 4);
    assert_eq!(
        summary["files"], 2,
        "cxmap.toml is configuration, not a journey file"
    );
    assert_eq!(
        (summary["error"].as_u64(), summary["warning"].as_u64()),
        (Some(0), Some(0))
    );

    let out = cxmap(&["check", "--format", "json"]);
    let summary = &serde_json::from_str::<Value>(&out.stdout).unwrap()["summary"];
    assert_eq!(summary["files"], 6);
    assert_eq!(summary["errors"], 0);
}

#[test]
fn init_then_check_inside_the_new_folder_works() {
    // `cxmap init mine && cd mine && cxmap check`: with no path, check reads the current
    // folder when there is no `journeys/` in it.
    let dir = tempfile::tempdir().unwrap();
    let init = cxmap_in(Some(dir.path()), &["init", "mine"]);
    assert_eq!(init.code, 0, "{}", init.stderr);
    let mine = dir.path().join("mine");
    let check = cxmap_env(&mine, &["check", "--color", "never"], &[]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.starts_with("buy-online.toml\n"),
        "{}",
        check.stdout
    );
    assert!(check.stdout.contains("2 journeys, "), "{}", check.stdout);
    // Its cxmap.toml is the configuration there: the waiver in it applies.
    assert!(check.stdout.ends_with(", 1 waived\n"), "{}", check.stdout);
    let json = cxmap_env(&mine, &["check", "--format", "json"], &[]);
    let summary = &serde_json::from_str::<Value>(&json.stdout).unwrap()["summary"];
    assert_eq!(summary["files"], 3);
    // And report and render read it the same way.
    let render = cxmap_env(&mine, &["render", "-o", "out"], &[]);
    assert_eq!(render.code, 0, "{}", render.stderr);
}

/// The commands of one YAML block of docs/ci.md that invoke cxmap: GitHub's `run:` values
/// and GitLab's `script:` items.
fn commands(block: &str) -> Vec<String> {
    block
        .lines()
        .filter_map(|l| {
            let l = l.trim_start();
            l.strip_prefix("run: ").or_else(|| l.strip_prefix("- "))
        })
        .filter(|c| c.starts_with("cxmap "))
        .map(str::to_owned)
        .collect()
}

/// The fenced YAML blocks of docs/ci.md, in order.
fn yaml_blocks() -> Vec<String> {
    let doc = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    doc.split("```yaml\n")
        .skip(1)
        .map(|b| b[..b.find("```").unwrap()].to_owned())
        .collect()
}

/// Runs a job's command as its CI would (bash, stop at the first failure), with cxmap on the
/// PATH.
fn sh(dir: &Path, command: &str, env: &[(&str, &str)]) -> std::process::Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_cxmap")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("bash")
        .args(["-eo", "pipefail", "-c", command])
        .current_dir(dir)
        .env("PATH", path)
        .env("CXMAP_TODAY", "2026-11-26")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

/// A repository as CI checks it out: `origin` has `main` with the fixture's first version; the
/// clone is on a branch with the second version committed on top. Returns the clone's folder
/// (inside the temporary folder) and the first commit.
fn pull_request() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let origin = d.join("origin.git");
    let dev = d.join("dev");
    std::fs::create_dir_all(&dev).unwrap();
    git(
        d,
        &[
            "init",
            "-q",
            "--bare",
            "-b",
            "main",
            origin.to_str().unwrap(),
        ],
    );
    git(&dev, &["init", "-q", "-b", "main"]);
    replace_with(&dev, "journeys", &root().join("tests/fixtures/diff/before"));
    git(&dev, &["add", "-A"]);
    git(&dev, &["commit", "-q", "-m", "journeys"]);
    git(&dev, &["push", "-q", origin.to_str().unwrap(), "main"]);
    let base = git(&dev, &["rev-parse", "HEAD"]).trim().to_owned();
    let ci = d.join("ci");
    git(
        d,
        &[
            "clone",
            "-q",
            origin.to_str().unwrap(),
            ci.to_str().unwrap(),
        ],
    );
    git(&ci, &["checkout", "-q", "-b", "change"]);
    replace_with(&ci, "journeys", &root().join("tests/fixtures/diff/after"));
    git(&ci, &["add", "-A"]);
    git(&ci, &["commit", "-q", "-m", "change"]);
    (dir, ci, base)
}

#[test]
fn the_github_actions_workflow_of_the_docs_runs() {
    if !has_git() {
        return;
    }
    let blocks = yaml_blocks();
    let workflow = blocks
        .iter()
        .find(|b| b.contains("runs-on:"))
        .expect("a GitHub workflow");
    let commands = commands(workflow);
    assert_eq!(
        commands,
        [
            "cxmap check --format sarif > cxmap.sarif",
            "cxmap diff --base origin/main --format markdown > cxmap-diff.md",
        ]
    );
    assert!(workflow.contains("fetch-depth: 0"));
    assert!(
        workflow.contains("sarif_file: cxmap.sarif") && workflow.contains("path: cxmap-diff.md")
    );
    let (_dir, ci, _) = pull_request();
    for c in &commands {
        let out = sh(&ci, c, &[]);
        assert!(
            out.status.success(),
            "{c}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let sarif = std::fs::read_to_string(ci.join("cxmap.sarif")).unwrap();
    let log = assert_valid(&validator("sarif/sarif-schema-2.1.0.json"), &sarif);
    assert!(!log["runs"][0]["results"].as_array().unwrap().is_empty());
    let comment = std::fs::read_to_string(ci.join("cxmap-diff.md")).unwrap();
    assert!(
        comment.starts_with("### cxmap diff: journeys at origin/main ("),
        "{comment}"
    );
    assert!(
        comment.contains("**1 new finding**, 2 resolved;"),
        "{comment}"
    );
    assert!(comment.contains("`unowned-touchpoint`"), "{comment}");
}

#[test]
fn the_gitlab_ci_jobs_of_the_docs_run() {
    if !has_git() {
        return;
    }
    let blocks = yaml_blocks();
    let jobs = blocks
        .iter()
        .find(|b| b.contains("codequality:"))
        .expect("a GitLab job");
    let commands = commands(jobs);
    assert_eq!(
        commands,
        [
            "cxmap check --format gitlab > gl-code-quality-report.json",
            "cxmap diff --base \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\" --format markdown > cxmap-diff.md",
            "cxmap diff --base \"$CI_MERGE_REQUEST_DIFF_BASE_SHA\" --fail-on error",
        ]
    );
    let (_dir, ci, base) = pull_request();
    let env = [
        ("CI_PIPELINE_SOURCE", "merge_request_event"),
        ("CI_MERGE_REQUEST_DIFF_BASE_SHA", base.as_str()),
    ];
    for c in &commands {
        let out = sh(&ci, c, &env);
        assert!(
            out.status.success(),
            "{c}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let report = std::fs::read_to_string(ci.join("gl-code-quality-report.json")).unwrap();
    let report = assert_valid(&validator("gitlab/codequality-report.schema.json"), &report);
    assert!(
        report
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["check_name"] == "unowned-touchpoint")
    );
    let comment = std::fs::read_to_string(ci.join("cxmap-diff.md")).unwrap();
    assert!(
        comment.contains("**1 new finding**, 2 resolved;"),
        "{comment}"
    );
    // The gate fails the job once the change brings in a new error.
    std::fs::write(
        ci.join("journeys/cxmap.toml"),
        "[rules]\nunowned-touchpoint = \"error\"\n",
    )
    .unwrap();
    let gate = sh(&ci, &commands[2], &env);
    assert_eq!(gate.status.code(), Some(1));
}

#[test]
fn the_pre_commit_hook_is_defined() {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    for line in [
        "- id: cxmap-check",
        "  entry: cxmap check",
        "  language: rust",
        "  pass_filenames: false",
    ] {
        assert!(
            hooks.lines().any(|l| l == line),
            "missing `{line}` in:\n{hooks}"
        );
    }
    // The example of the docs uses it by its id.
    let docs = std::fs::read_to_string(root().join("docs/ci.md")).unwrap();
    assert!(docs.contains("      - id: cxmap-check\n"));
}
