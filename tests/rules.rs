//! Each rule against its fixture in `tests/fixtures/rules/RULE.toml`: the lines marked
//! `# fires: SUBJECT...` must produce exactly those findings (line, subject, default
//! severity), and nothing else of that rule; the rendered diagnostics are snapshotted.

mod common;

use cxmap::analyse::analyse;
use cxmap::analyse::rules::RULES;
use cxmap::load::load_texts;
use cxmap::present::CheckOutcome;
use cxmap::present::terminal::Terminal;

fn expected(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some((_, subjects)) = line.split_once("# fires:") {
            for s in subjects.split_whitespace() {
                out.push((i + 1, s.to_owned()));
            }
        }
    }
    out
}

#[test]
fn every_rule_fires_exactly_where_its_fixture_says() {
    for rule in RULES {
        let name = format!("tests/fixtures/rules/{}.toml", rule.name);
        let text = common::fixture(&format!("rules/{}.toml", rule.name));
        let loaded = load_texts(&[(&name, &text)]);
        assert!(
            loaded.problems.is_empty(),
            "{}: {:?}",
            rule.name,
            loaded.problems
        );
        let analysis = analyse(&loaded.workspace, &loaded.settings);
        let mut got: Vec<(usize, String)> = analysis
            .findings
            .iter()
            .filter(|f| f.rule == rule.name)
            .map(|f| {
                assert_eq!(f.severity, rule.default_severity, "{}", rule.name);
                (loaded.sources().locate(&f.span).line, f.subject.clone())
            })
            .collect();
        got.sort();
        let mut want = expected(&text);
        want.sort();
        assert!(!want.is_empty(), "{} fixture marks no finding", rule.name);
        assert_eq!(got, want, "rule {}", rule.name);

        let only_this_rule = cxmap::analyse::Analysis {
            graphs: Vec::new(),
            findings: analysis
                .findings
                .into_iter()
                .filter(|f| f.rule == rule.name)
                .collect(),
        };
        let rendered = Terminal { color: false }.render(&CheckOutcome {
            loaded: &loaded,
            analysis: Some(&only_this_rule),
        });
        insta::assert_snapshot!(rule.name, rendered);
    }
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
    let loaded = load_texts(&[("j.toml", text)]);
    let analysis = analyse(&loaded.workspace, &loaded.settings);
    let f: Vec<_> = analysis
        .findings
        .iter()
        .filter(|f| f.rule == "backstage-influence")
        .collect();
    assert_eq!(f.len(), 1);
    // Owned (`app`), supported (`call`), first downstream (`email`, `app`); not `after-email`.
    assert_eq!(
        f[0].message,
        "backstage department `it` affects the customer at `email`, `app` and `call` in journey `j`"
    );
    assert_eq!(f[0].journey.as_deref(), Some("j"));
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
