//! Each rule against its fixture in `tests/fixtures/rules/RULE.toml` (with
//! `RULE.cxmap.toml` as its configuration where there is one), one test per rule so that a
//! failing rule does not hide the others. A line marked `# fires: SUBJECT>T1,T2` must
//! produce exactly that finding there (its subject, at that line of that file, reaching
//! exactly the customer-facing touchpoints T1 and T2; without `>`, reaching none), with the
//! rule's default severity; nothing else of that rule may fire. The rendered diagnostics are
//! snapshotted.

mod common;

use cxmap::analyse::rules::{self, RULES, Rule};
use cxmap::analyse::{self, Checked};
use cxmap::load::load_texts;
use cxmap::present::terminal::Terminal;

/// Waivers are judged on this day in every test and benchmark.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

/// (file, line, subject, reached touchpoints) marked in a fixture file.
fn expected(file: &str, text: &str) -> Vec<(String, usize, String, Vec<String>)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some((_, marks)) = line.split_once("# fires:") {
            for mark in marks.split_whitespace() {
                let (subject, reach) = mark.split_once('>').unwrap_or((mark, ""));
                let mut reach: Vec<String> = reach
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                reach.sort();
                out.push((file.to_owned(), i + 1, subject.to_owned(), reach));
            }
        }
    }
    out
}

fn check_fixture(rule: &'static Rule) {
    let name = format!("tests/fixtures/rules/{}.toml", rule.name);
    let text = common::fixture(&format!("rules/{}.toml", rule.name));
    let config_name = format!("tests/fixtures/rules/{}.cxmap.toml", rule.name);
    let config = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&config_name),
    )
    .ok();
    let mut files = vec![(name.as_str(), text.as_str())];
    // Named `cxmap.toml`, as on disk, so that the loader takes it as the configuration.
    let config_path = format!("tests/fixtures/rules/{}/cxmap.toml", rule.name);
    if let Some(c) = &config {
        files.push((config_path.as_str(), c.as_str()));
    }
    let mut checked = analyse::check(load_texts(&files), TODAY);
    assert!(
        checked.problems.is_empty(),
        "{}: {:?}",
        rule.name,
        checked.problems
    );
    let ws = &checked.workspace;
    let analysis = checked.analysis.as_mut().expect("valid");
    let mut got: Vec<(String, usize, String, Vec<String>)> = analysis
        .of_rule(rule)
        .map(|f| {
            assert_eq!(f.severity, rule.default_severity, "{}", rule.name);
            let loc = ws.sources.locate(&f.at);
            let mut reach: Vec<String> = f
                .reach
                .iter()
                .map(|&t| ws.touchpoint(t).id.clone())
                .collect();
            reach.sort();
            (loc.file, loc.line, f.subject.id(ws).to_owned(), reach)
        })
        .collect();
    got.sort();
    let mut want = expected(&name, &text);
    if let Some(c) = &config {
        want.extend(expected(&config_path, c));
    }
    want.sort();
    assert!(!want.is_empty(), "{} fixture marks no finding", rule.name);
    assert_eq!(got, want, "rule {}", rule.name);

    analysis.findings.retain(|f| f.rule == rule);
    let rendered = Terminal::plain().render(&checked);
    insta::assert_snapshot!(rule.name, rendered);
}

macro_rules! one_test_per_rule {
    ($($test:ident => $rule:path),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                check_fixture(&$rule);
            }
        )*

        #[test]
        fn every_rule_has_a_fixture_test() {
            let tested: Vec<&str> = vec![$($rule.name),*];
            let all: Vec<&str> = RULES.iter().map(|r| r.name).collect();
            assert_eq!(tested, all);
        }
    };
}

one_test_per_rule! {
    unowned_touchpoint => rules::UNOWNED_TOUCHPOINT,
    shared_ownership => rules::SHARED_OWNERSHIP,
    data_silo => rules::DATA_SILO,
    unowned_data => rules::UNOWNED_DATA,
    inaccessible_data => rules::INACCESSIBLE_DATA,
    ends_at_purchase => rules::ENDS_AT_PURCHASE,
    missing_purchase => rules::MISSING_PURCHASE,
    seller_owns_aftercare => rules::SELLER_OWNS_AFTERCARE,
    backstage_influence => rules::BACKSTAGE_INFLUENCE,
    missing_champion => rules::MISSING_CHAMPION,
    unreachable_touchpoint => rules::UNREACHABLE_TOUCHPOINT,
    pain_point => rules::PAIN_POINT,
    uninvolved_department => rules::UNINVOLVED_DEPARTMENT,
    partner_owned_touchpoint => rules::PARTNER_OWNED_TOUCHPOINT,
    asked_again => rules::ASKED_AGAIN,
    missing_stage => rules::MISSING_STAGE,
    disconnected_touchpoint => rules::DISCONNECTED_TOUCHPOINT,
    metric_off_target => rules::METRIC_OFF_TARGET,
    unused_waiver => rules::UNUSED_WAIVER,
    expired_waiver => rules::EXPIRED_WAIVER,
}

fn checked(text: &str) -> Checked {
    let checked = analyse::check(load_texts(&[("j.toml", text)]), TODAY);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    checked
}

#[test]
fn backstage_influence_names_every_affected_touchpoint() {
    let text = r#"
[[department]]
id = "care"
customer_facing = true
[[department]]
id = "it"
customer_facing = false
[journey]
id = "j"
[[touchpoint]]
id = "sync"
owner = "it"
backstage = true
next = ["batch", "app"]
[[touchpoint]]
id = "batch"
owner = "care"
backstage = true
next = ["email"]
[[touchpoint]]
id = "email"
owner = "care"
next = ["after-email"]
[[touchpoint]]
id = "after-email"
owner = "care"
[[touchpoint]]
id = "app"
owner = "it"
[[touchpoint]]
id = "call"
owner = "care"
supported_by = ["it"]
"#;
    let checked = checked(text);
    let ws = &checked.workspace;
    let analysis = checked.analysis.as_ref().unwrap();
    let names = cxmap::analyse::names::Names::ids(ws);
    let f: Vec<_> = analysis.of_rule(&rules::BACKSTAGE_INFLUENCE).collect();
    assert_eq!(f.len(), 1);
    // Owned (`app`), supported (`call`), first downstream (`email`, `app`); not `after-email`.
    assert_eq!(
        f[0].message(&names),
        "backstage department `it` affects the customer at `email`, `app` and `call` in journey `j`"
    );
    assert_eq!(f[0].journey, Some(0));
    // It reaches what it owns or supports; the step downstream of its work is context.
    let ids = |ts: &[cxmap::model::TouchpointRef]| -> Vec<&str> {
        ts.iter().map(|&t| ws.touchpoint(t).id.as_str()).collect()
    };
    assert_eq!(ids(&f[0].reach), ["app", "call"]);
    assert_eq!(ids(&f[0].context), ["email"]);
}

#[test]
fn a_rule_set_to_off_produces_nothing_and_error_fails() {
    let dir = common::workspace(&[
        (
            "ws/cxmap.toml",
            "[rules]\npain-point = \"off\"\ndata-silo = \"error\"\n",
        ),
        ("ws/j.toml", &common::fixture("rules/pain-point.toml")),
        (
            "ws/org.toml",
            "[[data]]\nid = \"d\"\nheld_by = [\"care\"]\n",
        ),
    ]);
    let out = common::cxmap_in(Some(dir.path()), &["check", "ws", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(!rules.contains(&"pain-point"), "{rules:?}");
    let silo = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "data-silo")
        .unwrap();
    assert_eq!(silo["severity"], "error");
    assert_eq!(out.code, 1);
}
