//! The baseline gate as a team adopting cxmap uses it: `check --baseline FILE` (an earlier
//! JSON output) and `check --base REV` (a git revision) show and count only new findings,
//! matched by what they are about whatever lines moved; a baseline that cannot be used is a
//! usage error.

mod common;

use std::path::Path;

use common::{copy_dir, cxmap_env, git, has_git, root};
use serde_json::Value;

/// An unowned touchpoint, inserted in the middle of `boiler-cover.toml` so that the findings
/// below it move down.
const UNOWNED: &str = "[[touchpoint]]\nid = \"welcome-letter\"\nname = \"Welcome letter\"\nstage = \"Buy\"\nchannel = \"post\"\nnext = [\"service-booking\"]\n\n";

fn add_unowned_touchpoint(journeys: &Path) {
    let path = journeys.join("boiler-cover.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text
        .find("[[touchpoint]]\nid = \"service-booking\"")
        .unwrap();
    std::fs::write(&path, format!("{}{UNOWNED}{}", &text[..at], &text[at..])).unwrap();
}

/// A copy of the example workspace and its JSON output as a baseline file.
fn example_with_baseline() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("journeys"), &dir.path().join("journeys"));
    let out = cxmap_env(dir.path(), &["check", "--format", "json"], &[]);
    assert_eq!(out.code, 0);
    std::fs::write(dir.path().join("baseline.json"), out.stdout).unwrap();
    dir
}

fn json(out: &common::Output) -> Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

#[test]
fn an_unchanged_workspace_against_its_own_baseline_reports_nothing() {
    let dir = example_with_baseline();
    let d = dir.path();
    let text = cxmap_env(
        d,
        &["check", "--baseline", "baseline.json", "--color", "never"],
        &[],
    );
    assert_eq!(text.code, 0, "{}", text.stderr);
    assert_eq!(
        text.stdout,
        "5 journeys, 38 touchpoints: no new findings, 1 waived\n63 known findings not shown: they are in the baseline\n"
    );
    let out = cxmap_env(
        d,
        &["check", "--baseline", "baseline.json", "--format", "json"],
        &[],
    );
    assert_eq!(out.code, 0);
    let json = json(&out);
    assert_eq!(json["findings"], serde_json::json!([]));
    assert_eq!(json["summary"]["known"], 63);
    assert_eq!(json["summary"]["warning"], 0);
    // Machine formats show nothing new either.
    let gitlab = cxmap_env(
        d,
        &["check", "--baseline", "baseline.json", "--format", "gitlab"],
        &[],
    );
    assert_eq!(gitlab.stdout, "[]\n");
    let github = cxmap_env(
        d,
        &["check", "--baseline", "baseline.json", "--format", "github"],
        &[],
    );
    assert_eq!(github.stdout, "");
}

#[test]
fn one_new_unowned_touchpoint_is_the_only_finding_reported() {
    let dir = example_with_baseline();
    let d = dir.path();
    add_unowned_touchpoint(&d.join("journeys"));
    let out = cxmap_env(
        d,
        &["check", "--baseline", "baseline.json", "--format", "json"],
        &[],
    );
    assert_eq!(out.code, 0, "a warning does not fail the check");
    let json = json(&out);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0]["rule"], "unowned-touchpoint");
    assert_eq!(findings[0]["journey"], "boiler-cover");
    assert_eq!(findings[0]["subject"], "welcome-letter");
    assert_eq!(json["summary"]["known"], 63);

    let text = cxmap_env(
        d,
        &["check", "--baseline", "baseline.json", "--color", "never"],
        &[],
    );
    assert!(
        text.stdout.ends_with("5 journeys, 39 touchpoints: 1 warning, 1 waived\n63 known findings not shown: they are in the baseline\n"),
        "{}",
        text.stdout
    );
    assert!(text.stdout.starts_with(
        "journeys/boiler-cover.toml\nwarning[unowned-touchpoint]: touchpoint `welcome-letter` has no owner\n"
    ));
    // SARIF says the result is new.
    let sarif = cxmap_env(
        d,
        &["check", "--baseline", "baseline.json", "--format", "sarif"],
        &[],
    );
    let log: Value = serde_json::from_str(&sarif.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let unwaived: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_none())
        .collect();
    assert_eq!(unwaived.len(), 1);
    assert_eq!(unwaived[0]["baselineState"], "new");
}

#[test]
fn only_new_findings_count_for_the_exit_status() {
    let dir = example_with_baseline();
    let d = dir.path();
    // Every silo is an error now: the known ones do not fail the check, a new one does.
    std::fs::write(
        d.join("strict.toml"),
        "[rules]\ndata-silo = \"error\"\nunowned-touchpoint = \"error\"\n",
    )
    .unwrap();
    // (The baseline is made with the same configuration: `--config` replaces the folder's
    // cxmap.toml, and with it the waiver of the credit-score silo.)
    let made = cxmap_env(
        d,
        &["check", "--config", "strict.toml", "--format", "json"],
        &[],
    );
    assert_eq!(made.code, 1);
    std::fs::write(d.join("strict.json"), made.stdout).unwrap();
    let strict = [
        "check",
        "--config",
        "strict.toml",
        "--baseline",
        "strict.json",
    ];
    assert_eq!(cxmap_env(d, &strict, &[]).code, 0);
    add_unowned_touchpoint(&d.join("journeys"));
    assert_eq!(cxmap_env(d, &strict, &[]).code, 1);
}

#[test]
fn known_findings_are_counted_not_matched_by_line() {
    // Two findings about one thing where the baseline had one: one is new.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let j = "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\npurchase = true\nowner = \"a\"\nuses = [\"x\"]\n";
    let org = "[[department]]\nid = \"a\"\ncustomer_facing = true\nchampion = \"c\"\n[[department]]\nid = \"b\"\ncustomer_facing = true\nchampion = \"c\"\n[[data]]\nid = \"x\"\nheld_by = [\"b\", \"a\"]\n";
    std::fs::create_dir(d.join("ws")).unwrap();
    std::fs::write(d.join("ws/j.toml"), j).unwrap();
    std::fs::write(d.join("ws/org.toml"), org).unwrap();
    let base = cxmap_env(d, &["check", "ws", "--format", "json"], &[]);
    std::fs::write(d.join("base.json"), &base.stdout).unwrap();
    let before: Value = serde_json::from_str(&base.stdout).unwrap();
    assert_eq!(
        before["findings"].as_array().unwrap().len(),
        1,
        "{}",
        base.stdout
    );
    // Lines move: a comment block on top of every file, and the files are renamed.
    std::fs::remove_file(d.join("ws/j.toml")).unwrap();
    std::fs::remove_file(d.join("ws/org.toml")).unwrap();
    std::fs::write(d.join("ws/a-journey.toml"), format!("# moved\n\n\n{j}")).unwrap();
    std::fs::write(d.join("ws/z-org.toml"), format!("# moved\n# again\n{org}")).unwrap();
    let out = cxmap_env(
        d,
        &["check", "ws", "--baseline", "base.json", "--format", "json"],
        &[],
    );
    assert_eq!(
        json(&out)["findings"],
        serde_json::json!([]),
        "{}",
        out.stdout
    );
}

#[test]
fn check_against_a_git_revision() {
    if !has_git() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    copy_dir(&root().join("journeys"), &d.join("journeys"));
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "journeys"]);
    // Against its own commit: nothing new.
    let same = cxmap_env(d, &["check", "--base", "HEAD", "--color", "never"], &[]);
    assert_eq!(same.code, 0, "{}", same.stderr);
    assert!(
        same.stdout.ends_with(
            "no new findings, 1 waived\n63 known findings not shown: they are in the baseline\n"
        ),
        "{}",
        same.stdout
    );
    // A change in the working tree, then committed: the same one new finding.
    add_unowned_touchpoint(&d.join("journeys"));
    let subjects = |rev: &str| -> Vec<String> {
        let out = cxmap_env(d, &["check", "--base", rev, "--format", "json"], &[]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        json(&out)["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{}:{}",
                    f["rule"].as_str().unwrap(),
                    f["subject"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(subjects("HEAD"), ["unowned-touchpoint:welcome-letter"]);
    git(d, &["commit", "-q", "-am", "welcome letter"]);
    assert_eq!(subjects("HEAD~1"), ["unowned-touchpoint:welcome-letter"]);
    assert_eq!(subjects("main"), Vec::<String>::new());
}

#[test]
fn an_invalid_revision_workspace_knows_no_finding() {
    if !has_git() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    std::fs::create_dir(d.join("journeys")).unwrap();
    std::fs::write(d.join("journeys/j.toml"), "[journey]\nid = 3\n").unwrap();
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "broken"]);
    std::fs::write(d.join("journeys/j.toml"), "[journey]\nid = \"j\"\n").unwrap();
    let out = cxmap_env(d, &["check", "--base", "HEAD", "--format", "json"], &[]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "note: the workspace at `HEAD` is invalid (1 problem), so no finding is known: every finding is shown\n"
    );
    assert_eq!(json(&out)["findings"][0]["rule"], "missing-purchase");
    assert_eq!(json(&out)["summary"]["known"], 0);
}

#[test]
fn a_baseline_that_cannot_be_used_exits_2_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy_dir(&root().join("journeys"), &d.join("journeys"));
    let run = |file: &str| cxmap_env(d, &["check", "--baseline", file], &[]);

    let missing = run("nope.json");
    assert_eq!(missing.code, 2);
    assert_eq!(
        missing.stderr,
        "error: the baseline `nope.json` does not exist\n  help: write a baseline with `cxmap check --format json > nope.json`\n"
    );
    std::fs::write(
        d.join("text.json"),
        "5 journeys, 38 touchpoints: no findings\n",
    )
    .unwrap();
    let text = run("text.json");
    assert_eq!(text.code, 2);
    assert!(
        text.stderr.starts_with("error: the baseline `text.json` is not the JSON output of `cxmap check --format json` ("),
        "{}",
        text.stderr
    );
    std::fs::write(
        d.join("sarif.json"),
        "{\"version\": \"2.1.0\", \"runs\": []}",
    )
    .unwrap();
    assert_eq!(run("sarif.json").code, 2);
    std::fs::write(
        d.join("invalid.json"),
        "{\"errors\": [{\"message\": \"m\", \"file\": \"f\", \"line\": 1, \"column\": 1}], \"findings\": []}",
    )
    .unwrap();
    let invalid = run("invalid.json");
    assert_eq!(invalid.code, 2);
    assert!(
        invalid
            .stderr
            .contains("is the output of an invalid workspace (1 problem)"),
        "{}",
        invalid.stderr
    );
    let folder = run("journeys");
    assert_eq!(folder.code, 2);
    assert!(
        folder
            .stderr
            .starts_with("error: the baseline `journeys` is not a regular file\n"),
        "{}",
        folder.stderr
    );
    // Both baselines at once is a usage error.
    let both = cxmap_env(d, &["check", "--baseline", "x.json", "--base", "HEAD"], &[]);
    assert_eq!(both.code, 2);
}
