//! `cxmap diff` as a CX lead uses it: two versions of a workspace built for it
//! (`tests/fixtures/diff/before` and `after`: an owner removed, a data asset shared, a
//! touchpoint added, a journey extended past the purchase), compared as folders and as two
//! commits of a real git repository, in every format; `--fail-on`; an invalid version; and
//! every way it cannot run.

mod common;

use common::{copy_dir, cxmap_env, git, has_git, replace_with, root};
use serde_json::Value;

const BEFORE: &str = "tests/fixtures/diff/before";
const AFTER: &str = "tests/fixtures/diff/after";

/// `(rule, journey, subject, detail)` of each finding of a JSON list.
fn identities(list: &Value) -> Vec<(String, String, String, String)> {
    let s = |v: &Value| v.as_str().unwrap_or("-").to_owned();
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                s(&f["rule"]),
                s(&f["journey"]),
                s(&f["subject"]),
                s(&f["detail"]),
            )
        })
        .collect()
}

fn ids(v: &[(&str, &str, &str, &str)]) -> Vec<(String, String, String, String)> {
    v.iter()
        .map(|(a, b, c, d)| ((*a).into(), (*b).into(), (*c).into(), (*d).into()))
        .collect()
}

/// `journey/touchpoint` of each touchpoint of a JSON list.
fn touchpoints(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| {
            format!(
                "{}/{}",
                t["journey"].as_str().unwrap(),
                t["touchpoint"].as_str().unwrap()
            )
        })
        .collect()
}

fn folder_diff(format: &str) -> common::Output {
    cxmap_env(&root(), &["diff", BEFORE, AFTER, "--format", format], &[])
}

/// What both ways of comparing must agree on, without file names and labels.
fn essence(json: &Value) -> Value {
    let mut v = json.clone();
    v["before"] = Value::Null;
    v["after"] = Value::Null;
    strip_files(&mut v);
    v
}

fn strip_files(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.remove("file");
            map.values_mut().for_each(strip_files);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_files),
        _ => {}
    }
}

#[test]
fn diff_of_two_folders_reports_exactly_what_changed() {
    let out = folder_diff("json");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        identities(&json["findings"]["new"]),
        ids(&[("unowned-touchpoint", "buy", "browse", "-")])
    );
    assert_eq!(
        identities(&json["findings"]["resolved"]),
        ids(&[
            ("ends-at-purchase", "buy", "buy", "-"),
            ("data-silo", "-", "contract", "-"),
        ])
    );
    assert_eq!(json["findings"]["waived"], serde_json::json!([]));
    assert_eq!(
        touchpoints(&json["touchpoints"]["added"]),
        ["buy/welcome", "support/search-faq"]
    );
    assert_eq!(json["touchpoints"]["removed"], serde_json::json!([]));
    assert_eq!(touchpoints(&json["touchpoints"]["changed"]), ["buy/browse"]);
    assert_eq!(
        json["touchpoints"]["changed"][0]["changes"],
        serde_json::json!({ "owner": { "before": ["sales"], "after": [] } })
    );
    // Each finding has the contract's fields, the new one pointing into the new version.
    let new = &json["findings"]["new"][0];
    for key in [
        "rule",
        "severity",
        "journey",
        "subject",
        "message",
        "file",
        "line",
        "column",
        "fingerprint",
    ] {
        assert!(new.get(key).is_some(), "missing {key}");
    }
    assert_eq!(new["file"], "tests/fixtures/diff/after/buy.toml");
    assert_eq!(new["message"], "touchpoint `browse` has no owner");
    let resolved = &json["findings"]["resolved"][1];
    assert_eq!(resolved["file"], "tests/fixtures/diff/before/org.toml");

    // Figures before and after.
    let (b, a) = (&json["figures"]["before"], &json["figures"]["after"]);
    assert_eq!(
        (b["data_silos"].as_u64(), a["data_silos"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(
        (
            b["journeys_ending_at_purchase"].as_u64(),
            a["journeys_ending_at_purchase"].as_u64()
        ),
        (Some(1), Some(0))
    );
    assert_eq!(b["ownership_coverage"], 1.0);
    assert_eq!(a["ownership_coverage"], 0.8333);
    assert_eq!(
        (b["touchpoints"].as_u64(), a["touchpoints"].as_u64()),
        (Some(4), Some(6))
    );

    // Hand-offs: `buy` hands over from nobody to sales and from sales to care now.
    let buy = json["journeys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["journey"] == "buy")
        .unwrap();
    assert_eq!(
        buy["handoffs"],
        serde_json::json!({ "before": 0, "after": 2 })
    );
    assert_eq!(buy["changed"], true);
    // Custody: the contract is shared, no longer a silo.
    let contract = &json["custody"][0];
    assert_eq!(contract["data"], "contract");
    assert_eq!(
        contract["held_by"],
        serde_json::json!({ "before": ["sales"], "after": ["sales", "care"] })
    );
    assert_eq!(
        contract["silo"],
        serde_json::json!({ "before": true, "after": false })
    );
    assert_eq!(json["custody"][1]["changed"], false);
    // Scores: the new `Use` stage is scored; `support` averages 0 before and after.
    let changed: Vec<(&str, Option<&str>, &Value)> = json["stage_scores"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["changed"] == true)
        .map(|s| {
            (
                s["journey"].as_str().unwrap(),
                s["stage"].as_str(),
                &s["average"],
            )
        })
        .collect();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0].0, "buy");
    assert_eq!(changed[0].1, Some("Use"));
    assert_eq!(
        changed[0].2,
        &serde_json::json!({ "before": null, "after": 2.0 })
    );
}

#[test]
fn diff_text_and_markdown() {
    let text = folder_diff("text");
    assert_eq!(text.code, 0);
    insta::assert_snapshot!("diff_fixture_text", text.stdout);
    let md = folder_diff("markdown");
    assert_eq!(md.code, 0);
    insta::assert_snapshot!("diff_fixture_markdown", md.stdout);
    // The headline table comes first.
    let first_table = md.stdout.lines().position(|l| l.starts_with('|')).unwrap();
    let first_list = md.stdout.lines().position(|l| l.starts_with("- ")).unwrap();
    assert!(first_table < first_list);
}

#[test]
fn diff_of_a_folder_with_itself_is_empty() {
    let out = cxmap_env(
        &root(),
        &["diff", "journeys", "journeys", "--fail-on", "info"],
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.ends_with(
            "\nno changes to findings, touchpoints, hand-offs, data custody or scores\n"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn fail_on_counts_only_new_findings() {
    let run =
        |level: &str| cxmap_env(&root(), &["diff", BEFORE, AFTER, "--fail-on", level], &[]).code;
    // The one new finding is a warning; resolved ones never fail.
    assert_eq!(run("info"), 1);
    assert_eq!(run("warning"), 1);
    assert_eq!(run("error"), 0);
    let back = cxmap_env(&root(), &["diff", AFTER, BEFORE, "--fail-on", "info"], &[]);
    assert_eq!(
        back.code, 1,
        "going back brings the silo back: new findings"
    );
}

#[test]
fn an_invalid_version_is_reported_like_check_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join(AFTER), &dir.path().join("new"));
    copy_dir(&root().join(BEFORE), &dir.path().join("old"));
    std::fs::write(
        dir.path().join("new/buy.toml"),
        "[journey]\nid = \"buy\"\n[[touchpoint]]\nid = \"browse\"\nownr = \"sales\"\n",
    )
    .unwrap();
    let out = cxmap_env(dir.path(), &["diff", "old", "new", "--color", "never"], &[]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.starts_with("the new version (new) is invalid:\nnew/buy.toml\nerror: unknown key `ownr` in `[[touchpoint]]`\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("help: did you mean `owner`?"));
}

/// A git repository with the fixture's two versions as two commits, in `journeys/`.
fn two_commits() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    git(d, &["init", "-q", "-b", "main"]);
    replace_with(d, "journeys", &root().join(BEFORE));
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "before"]);
    replace_with(d, "journeys", &root().join(AFTER));
    git(d, &["add", "-A"]);
    git(d, &["commit", "-q", "-m", "after"]);
    dir
}

#[test]
fn diff_against_a_git_revision_gives_the_same_result_as_the_folders() {
    if !has_git() {
        return;
    }
    let repo = two_commits();
    let folders: Value = serde_json::from_str(&folder_diff("json").stdout).unwrap();
    let out = cxmap_env(
        repo.path(),
        &["diff", "--base", "HEAD~1", "--format", "json"],
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let git_json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(essence(&git_json), essence(&folders));
    // Paths are the repository's, never the temporary folder the revision was read into.
    assert_eq!(
        git_json["findings"]["resolved"][1]["file"],
        "journeys/org.toml"
    );
    assert_eq!(git_json["findings"]["new"][0]["file"], "journeys/buy.toml");
    let before = git_json["before"].as_str().unwrap();
    assert!(before.starts_with("journeys at HEAD~1 ("), "{before}");
    assert_eq!(git_json["after"], "journeys in the working tree");

    // The same from a subfolder, naming the folder relative to it, and with the default path
    // (journeys/ when it exists).
    let sub = cxmap_env(
        &repo.path().join("journeys"),
        &["diff", "--base", "HEAD~1", ".", "--format", "json"],
        &[],
    );
    assert_eq!(sub.code, 0, "{}", sub.stderr);
    let sub: Value = serde_json::from_str(&sub.stdout).unwrap();
    assert_eq!(essence(&sub), essence(&folders));
    assert_eq!(sub["findings"]["new"][0]["file"], "buy.toml");

    // Uncommitted changes are the working tree's.
    git(repo.path(), &["reset", "-q", "--soft", "HEAD~1"]);
    let out = cxmap_env(
        repo.path(),
        &["diff", "--base", "HEAD", "--format", "json"],
        &[],
    );
    let soft: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(essence(&soft), essence(&folders));
}

#[test]
fn a_revision_is_read_as_the_working_tree_is() {
    if !has_git() {
        return;
    }
    // The revision's configuration applies to it: a waiver added in the new version waives
    // a finding there, and the diff says so.
    let repo = two_commits();
    let d = repo.path();
    std::fs::write(
        d.join("journeys/cxmap.toml"),
        "[[allow]]\nrule = \"pain-point\"\nsubject = \"checkout\"\nreason = \"A price rise: it will hurt for a while\"\n",
    )
    .unwrap();
    let out = cxmap_env(d, &["diff", "--base", "HEAD", "--format", "json"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(
        identities(&json["findings"]["waived"]),
        ids(&[("pain-point", "buy", "checkout", "-")])
    );
    assert_eq!(json["findings"]["resolved"], serde_json::json!([]));
}

#[test]
fn every_way_diff_cannot_run_exits_2_with_a_hint() {
    let one = cxmap_env(&root(), &["diff", BEFORE], &[]);
    assert_eq!(one.code, 2);
    assert_eq!(
        one.stderr,
        "error: give two versions to compare (got 1 path)\n  help: `cxmap diff OLD NEW` compares two files or folders; `cxmap diff --base REV` compares the working tree with a git revision\n"
    );
    let missing = cxmap_env(&root(), &["diff", BEFORE, "no/such/folder"], &[]);
    assert_eq!(missing.code, 2);
    assert!(
        missing
            .stderr
            .starts_with("error: `no/such/folder` does not exist\n")
    );
    assert_eq!(
        cxmap_env(&root(), &["diff", BEFORE, AFTER, "--fail-on", "loud"], &[]).code,
        2
    );

    if !has_git() {
        return;
    }
    let repo = two_commits();
    let d = repo.path();
    let run = |args: &[&str], env: &[(&str, &str)]| cxmap_env(d, args, env);

    let unknown = run(&["diff", "--base", "no-such-branch"], &[]);
    assert_eq!(unknown.code, 2);
    assert_eq!(
        unknown.stderr,
        "error: unknown revision `no-such-branch`\n  help: give a commit, branch or tag of this repository (`git log --oneline` lists commits); in CI, fetch it first, e.g. `git fetch origin main`\n"
    );
    let option = run(&["diff", "--base=--output=x"], &[]);
    assert_eq!(option.code, 2);
    assert!(
        option
            .stderr
            .starts_with("error: `--output=x` is not a git revision\n"),
        "{}",
        option.stderr
    );
    assert!(!d.join("x").exists());

    // A folder the revision does not have.
    std::fs::create_dir(d.join("more")).unwrap();
    std::fs::write(d.join("more/x.toml"), "[journey]\nid = \"x\"\n").unwrap();
    let absent = run(&["diff", "--base", "HEAD", "more"], &[]);
    assert_eq!(absent.code, 2);
    assert_eq!(
        absent.stderr,
        "error: `more` does not exist at `HEAD`\n  help: give paths that exist in both versions (`git ls-tree -r --name-only HEAD` lists the files there), or an older or newer revision\n"
    );
    let absolute = run(
        &[
            "diff",
            "--base",
            "HEAD",
            &d.join("journeys").display().to_string(),
        ],
        &[],
    );
    assert_eq!(absolute.code, 2);
    assert!(
        absolute.stderr.contains("is an absolute path"),
        "{}",
        absolute.stderr
    );
    let outside = run(&["diff", "--base", "HEAD", "../elsewhere"], &[]);
    assert_eq!(outside.code, 2);
    assert!(
        outside
            .stderr
            .starts_with("error: `../elsewhere` is outside the repository\n"),
        "{}",
        outside.stderr
    );

    // No git on the PATH.
    let empty = tempfile::tempdir().unwrap();
    let no_git = run(
        &["diff", "--base", "HEAD"],
        &[("PATH", empty.path().to_str().unwrap())],
    );
    assert_eq!(no_git.code, 2);
    assert_eq!(
        no_git.stderr,
        "error: cannot run `git`: it is not installed, or not on the PATH\n  help: install git, or compare two folders instead: `cxmap diff OLD NEW`\n"
    );

    // Not a repository.
    let plain = tempfile::tempdir().unwrap();
    copy_dir(&root().join(AFTER), &plain.path().join("journeys"));
    let not_repo = cxmap_env(
        plain.path(),
        &["diff", "--base", "HEAD"],
        &[(
            "GIT_CEILING_DIRECTORIES",
            plain.path().parent().unwrap().to_str().unwrap(),
        )],
    );
    assert_eq!(not_repo.code, 2);
    assert!(
        not_repo
            .stderr
            .starts_with("error: the current folder is not in a git repository\n"),
        "{}",
        not_repo.stderr
    );
}

#[test]
fn bidi_controls_in_ids_never_reach_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let journey = |score: i8| {
        format!(
            "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"\u{202e}gnp.exe\"\npurchase = true\nscore = {score}\n"
        )
    };
    std::fs::create_dir_all(d.join("old")).unwrap();
    std::fs::create_dir_all(d.join("new")).unwrap();
    std::fs::write(d.join("old/j.toml"), journey(1)).unwrap();
    std::fs::write(d.join("new/j.toml"), journey(-2)).unwrap();
    let out = cxmap_env(d, &["diff", "old", "new"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains('\u{202e}'));
    assert!(
        out.stdout
            .contains("changed  j/\\u{202e}gnp.exe: score +1 → -2"),
        "{}",
        out.stdout
    );
}

#[test]
fn hostile_ids_stay_text_in_the_pull_request_comment() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let journey = |extra: &str| {
        format!(
            "[[department]]\nid = \"a|b\"\ncustomer_facing = true\nchampion = \"x\"\n\n[journey]\nid = \"j\"\n\n[[touchpoint]]\nid = \"see http://evil.example/login [x](javascript:alert(1))\"\nowner = \"a|b\"\npurchase = true\n{extra}"
        )
    };
    std::fs::create_dir_all(d.join("old")).unwrap();
    std::fs::create_dir_all(d.join("new")).unwrap();
    std::fs::write(d.join("old/j.toml"), journey("")).unwrap();
    std::fs::write(d.join("new/j.toml"), journey("backstage = true\n")).unwrap();
    let out = cxmap_env(d, &["diff", "old", "new", "--format", "markdown"], &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("changed j/see http&#58;//evil.example/login \\[x\\](javascript&#58;alert(1)): backstage false → true"), "{}", out.stdout);
    let arena = comrak::Arena::new();
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    let root = comrak::parse_document(&arena, &out.stdout, &options);
    for node in root.descendants() {
        if let comrak::nodes::NodeValue::Link(l) = &node.data.borrow().value {
            panic!("a live link in the comment: {}\n{}", l.url, out.stdout);
        }
    }
    assert!(
        out.stdout.contains("http&#58;//evil.example/login"),
        "{}",
        out.stdout
    );
    // Every table row keeps its table's column count: a `|` in an id never splits a cell.
    let mut columns = None;
    for line in out.stdout.lines() {
        if !line.starts_with('|') {
            columns = None;
            continue;
        }
        let n = line.replace(r"\|", "").matches('|').count();
        assert_eq!(*columns.get_or_insert(n), n, "{line}");
    }
}

/// `cxmap report --since REV`: the report's "What changed since REV" comes from the same diff
/// (figures before and after, silos new and resolved), in JSON, Markdown and HTML.
#[test]
fn the_report_remembers_what_changed_since_a_revision() {
    if !has_git() {
        return;
    }
    let repo = two_commits();
    // Uncommitted: billing alone keeps the payment data now, a new silo beside the resolved one.
    let org = repo.path().join("journeys/org.toml");
    let text = std::fs::read_to_string(&org).unwrap();
    std::fs::write(
        &org,
        text.replace(
            "held_by = [\"billing\", \"care\"]",
            "held_by = [\"billing\"]",
        ),
    )
    .unwrap();
    let run = |format: &str, file: &str| {
        let out = cxmap_env(
            repo.path(),
            &[
                "report", "--since", "HEAD~1", "--format", format, "-o", file,
            ],
            &[],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        std::fs::read_to_string(repo.path().join(file)).unwrap()
    };
    let json: Value = serde_json::from_str(&run("json", "out/report.json")).unwrap();
    let since = &json["since"];
    assert_eq!(since["revision"], "HEAD~1");
    assert_eq!(since["commit"].as_str().unwrap().len(), 7);
    assert_eq!(since["silos"]["new"], serde_json::json!(["payment"]));
    assert_eq!(since["silos"]["resolved"], serde_json::json!(["contract"]));
    let figures = |side: &str, key: &str| since["figures"][side][key].clone();
    assert_eq!(
        (
            figures("before", "data_silos"),
            figures("after", "data_silos")
        ),
        (1.into(), 1.into())
    );
    assert_eq!(
        (
            figures("before", "unowned_touchpoints"),
            figures("after", "unowned_touchpoints")
        ),
        (0.into(), 1.into())
    );
    assert_eq!(
        (
            figures("before", "journeys_ending_at_purchase"),
            figures("after", "journeys_ending_at_purchase")
        ),
        (1.into(), 0.into())
    );
    assert_eq!(
        since["findings"],
        serde_json::json!({"new": 3, "resolved": 2, "waived": 0})
    );

    let md = run("markdown", "out/report.md");
    for line in [
        "## What changed since HEAD\\~1\n",
        "| Ownership coverage | 100% | **83%** | **worse** |\n",
        "| Data silos | 1 | 1 | — |\n",
        "| Journeys ending at purchase | 1 | **0** | better |\n",
        "- **New silo:** payment, held only by billing.\n",
        "- **Resolved:** contract, now held by sales, care.\n",
    ] {
        assert!(md.contains(line), "{line:?} missing from\n{md}");
    }
    // The section sits between the summary and the three changes.
    let at = |s: &str| md.find(s).unwrap();
    assert!(at("## Executive summary") < at("## What changed since"));
    assert!(at("## What changed since") < at("## Three changes"));

    let html = run("html", "out/report.html");
    assert!(html.contains("<h2>What changed since HEAD~1</h2>"));
    assert!(html.contains(
        "<tr><td>Ownership coverage</td><td class=\"num\">100%</td><td class=\"num\"><strong>83%</strong></td><td class=\"worse\">worse</td></tr>"
    ));
    assert!(html.contains("<li><strong>New silo:</strong> payment, held only by billing.</li>"));

    // Without --since, no such section.
    let plain = cxmap_env(
        repo.path(),
        &["report", "--format", "json", "-o", "out/plain.json"],
        &[],
    );
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    let plain: Value =
        serde_json::from_str(&std::fs::read_to_string(repo.path().join("out/plain.json")).unwrap())
            .unwrap();
    assert!(plain.get("since").is_none());

    // A silo set aside by a waiver is not resolved: it is still there, decided on.
    git(repo.path(), &["add", "-A"]);
    git(
        repo.path(),
        &["commit", "-q", "-m", "billing keeps payments"],
    );
    std::fs::write(
        repo.path().join("journeys/cxmap.toml"),
        "[[allow]]\nrule = \"data-silo\"\nsubject = \"payment\"\nreason = \"PCI scope stays with billing\"\n",
    )
    .unwrap();
    let out = cxmap_env(
        repo.path(),
        &[
            "report",
            "--since",
            "HEAD",
            "--format",
            "json",
            "-o",
            "out/waived.json",
        ],
        &[],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(repo.path().join("out/waived.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(
        json["since"]["silos"],
        serde_json::json!({"new": [], "resolved": [], "waived": ["payment"]})
    );
    assert_eq!(json["since"]["findings"]["waived"], 1);
    let md = cxmap_env(
        repo.path(),
        &[
            "report",
            "--since",
            "HEAD",
            "--format",
            "markdown",
            "-o",
            "out/waived.md",
        ],
        &[],
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    let md = std::fs::read_to_string(repo.path().join("out/waived.md")).unwrap();
    assert!(md.contains("- **Set aside by a waiver:** payment, still held only by billing.\n"));
    assert!(
        md.contains("0 new findings, 0 resolved, 1 now waived;"),
        "{md}"
    );
    assert!(!md.contains("**Resolved:**"));
}

/// An invalid earlier version stops the report as `check` would (exit 1, its problems shown,
/// nothing written); a revision git does not know cannot run (exit 2).
#[test]
fn the_report_since_an_invalid_or_unknown_revision_writes_nothing() {
    if !has_git() {
        return;
    }
    let repo = two_commits();
    let buy = repo.path().join("journeys/buy.toml");
    let good = std::fs::read_to_string(&buy).unwrap();
    std::fs::write(&buy, good.replacen("owner = ", "ownr = ", 1)).unwrap();
    git(repo.path(), &["commit", "-q", "-am", "broken"]);
    std::fs::write(&buy, &good).unwrap();
    let out = cxmap_env(
        repo.path(),
        &["report", "--since", "HEAD", "-o", "out/report.html"],
        &[],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with("the version at HEAD ("),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("error: unknown key `ownr` in `[[touchpoint]]`")
    );
    assert!(
        out.stderr.ends_with("nothing was written\n"),
        "{}",
        out.stderr
    );
    assert!(!repo.path().join("out").exists());

    let out = cxmap_env(
        repo.path(),
        &["report", "--since", "no-such-tag", "-o", "out/report.html"],
        &[],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("no-such-tag"), "{}", out.stderr);
    assert!(!repo.path().join("out").exists());
}
