//! Waivers (`[[allow]]` in cxmap.toml) as a team uses them: in force, expired on the day set by
//! `CXMAP_TODAY`, unused, unused while the rule is off, matched by journey, subject and detail,
//! two waivers on one finding, and the exit status with a waived `error` finding; in JSON, text
//! and SARIF.

mod common;

use std::process::Command;

use common::workspace;

const ORG: &str = r#"
[[department]]
id = "care"
customer_facing = true
champion = "Sam"

[[department]]
id = "sales"
customer_facing = true
champion = "Kim"

[[data]]
id = "passport"
held_by = ["care", "sales"]
"#;

/// A service journey (no purchase) and a sales journey that asks for the passport twice.
const SERVICE: &str = r#"
[journey]
id = "bereavement"

[[touchpoint]]
id = "notify"
owner = "care"
"#;

const SALES: &str = r#"
[journey]
id = "mortgage"

[[touchpoint]]
id = "apply"
owner = "sales"
purchase = true
asks = ["passport"]
next = ["branch"]

[[touchpoint]]
id = "branch"
owner = "care"
asks = ["passport"]
"#;

struct Run {
    json: serde_json::Value,
    code: i32,
}

fn run(config: &str, today: &str, format: &str) -> (String, i32) {
    let dir = workspace(&[
        ("ws/org.toml", ORG),
        ("ws/bereavement.toml", SERVICE),
        ("ws/mortgage.toml", SALES),
        ("ws/cxmap.toml", config),
    ]);
    let out = Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["check", "ws", "--color", "never", "--format", format])
        .current_dir(dir.path())
        .env("CXMAP_TODAY", today)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

fn json(config: &str, today: &str) -> Run {
    let (out, code) = run(config, today, "json");
    Run {
        json: serde_json::from_str(&out).unwrap(),
        code,
    }
}

/// (rule, journey, subject) of every finding in a JSON list.
fn keys(list: &serde_json::Value) -> Vec<(String, String, String)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_owned(),
                f["journey"].as_str().unwrap_or("-").to_owned(),
                f["subject"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn k(rule: &str, journey: &str, subject: &str) -> (String, String, String) {
    (rule.to_owned(), journey.to_owned(), subject.to_owned())
}

const SERVICE_WAIVER: &str = r#"
[[allow]]
rule = "missing-purchase"
journey = "bereavement"
reason = "A service journey: nothing is bought here"
until = 2027-06-30
"#;

#[test]
fn without_waivers_both_findings_are_reported() {
    let r = json("", "2026-11-26");
    assert_eq!(
        keys(&r.json["findings"]),
        vec![
            k("missing-purchase", "bereavement", "bereavement"),
            k("asked-again", "mortgage", "branch"),
        ]
    );
    assert_eq!(r.json["waived"], serde_json::json!([]));
}

#[test]
fn a_waiver_in_force_moves_its_finding_to_waived_with_the_reason() {
    let r = json(SERVICE_WAIVER, "2027-06-30");
    assert_eq!(
        keys(&r.json["findings"]),
        vec![k("asked-again", "mortgage", "branch")]
    );
    assert_eq!(
        keys(&r.json["waived"]),
        vec![k("missing-purchase", "bereavement", "bereavement")]
    );
    let waived = &r.json["waived"][0];
    assert_eq!(
        waived["reason"],
        "A service journey: nothing is bought here"
    );
    for field in ["severity", "message", "file", "line", "column", "detail"] {
        assert!(waived.get(field).is_some(), "waived finding lacks {field}");
    }
    assert_eq!(r.json["summary"]["waived"], 1);
}

#[test]
fn an_expired_waiver_waives_nothing_and_is_reported() {
    let r = json(SERVICE_WAIVER, "2027-07-01");
    assert_eq!(
        keys(&r.json["findings"]),
        // In file order: ws/bereavement.toml, ws/cxmap.toml, ws/mortgage.toml.
        vec![
            k("missing-purchase", "bereavement", "bereavement"),
            k("expired-waiver", "bereavement", "missing-purchase"),
            k("asked-again", "mortgage", "branch"),
        ]
    );
    assert_eq!(r.json["waived"], serde_json::json!([]));
    let expired = &r.json["findings"][1];
    assert_eq!(expired["file"], "ws/cxmap.toml");
    assert_eq!(expired["line"], 2);
    assert_eq!(
        expired["message"],
        "the waiver of `missing-purchase` expired on 2027-06-30: the findings it covered are reported again"
    );
}

#[test]
fn an_unused_waiver_is_reported_unless_its_rule_is_off() {
    let config = r#"
[[allow]]
rule = "pain-point"
journey = "mortgage"
reason = "Known"
"#;
    let r = json(config, "2026-11-26");
    assert!(
        keys(&r.json["findings"]).contains(&k("unused-waiver", "mortgage", "pain-point")),
        "{}",
        r.json["findings"]
    );
    let off = format!("[rules]\npain-point = \"off\"\n{config}");
    let r = json(&off, "2026-11-26");
    assert!(
        !keys(&r.json["findings"])
            .iter()
            .any(|f| f.0 == "unused-waiver"),
        "{}",
        r.json["findings"]
    );
}

#[test]
fn waivers_match_by_journey_subject_and_detail() {
    let matching = r#"
[[allow]]
rule = "asked-again"
journey = "mortgage"
subject = "branch"
detail = "passport"
reason = "The branch must see the original"
"#;
    let r = json(matching, "2026-11-26");
    assert_eq!(
        keys(&r.json["waived"]),
        vec![k("asked-again", "mortgage", "branch")]
    );
    for (key, wrong) in [
        ("journey", "bereavement"),
        ("subject", "apply"),
        ("detail", "payslips"),
    ] {
        let config = matching.replace(
            &format!("{key} = "),
            &format!("{key} = \"{wrong}\"\n# was "),
        );
        let r = json(&config, "2026-11-26");
        assert_eq!(r.json["waived"], serde_json::json!([]), "{key} = {wrong}");
        assert!(
            keys(&r.json["findings"]).contains(&k("asked-again", "mortgage", "branch")),
            "{key} = {wrong}"
        );
    }
}

#[test]
fn two_waivers_on_one_finding_list_it_once_with_the_first_reason() {
    let config = r#"
[[allow]]
rule = "missing-purchase"
reason = "First reason"

[[allow]]
rule = "missing-purchase"
journey = "bereavement"
reason = "Second reason"
"#;
    let r = json(config, "2026-11-26");
    assert_eq!(r.json["waived"].as_array().unwrap().len(), 1);
    assert_eq!(r.json["waived"][0]["reason"], "First reason");
    // Both matched: neither is unused.
    assert!(
        !keys(&r.json["findings"])
            .iter()
            .any(|f| f.0 == "unused-waiver")
    );
}

#[test]
fn a_waived_error_does_not_fail_the_check() {
    let error = "[rules]\nmissing-purchase = \"error\"\n";
    assert_eq!(json(error, "2026-11-26").code, 1);
    let waived = format!("{error}{SERVICE_WAIVER}");
    assert_eq!(json(&waived, "2026-11-26").code, 0);
    assert_eq!(json(&waived, "2027-07-01").code, 1);
}

#[test]
fn text_output_counts_waived_findings_and_lists_them_when_asked() {
    let (text, _) = run(SERVICE_WAIVER, "2026-11-26", "text");
    assert!(
        text.ends_with("2 journeys, 3 touchpoints: 1 warning, 1 waived\n"),
        "{text}"
    );
    assert!(!text.contains("reason:"), "{text}");
    let dir = workspace(&[
        ("ws/org.toml", ORG),
        ("ws/bereavement.toml", SERVICE),
        ("ws/mortgage.toml", SALES),
        ("ws/cxmap.toml", SERVICE_WAIVER),
    ]);
    let out = Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["check", "ws", "--color", "never", "--show-waived"])
        .current_dir(dir.path())
        .env("CXMAP_TODAY", "2026-11-26")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "note[missing-purchase]: waived: journey `bereavement` has no purchase touchpoint"
        ),
        "{text}"
    );
    assert!(
        text.contains("= note: reason: A service journey: nothing is bought here"),
        "{text}"
    );
}

#[test]
fn sarif_marks_waived_findings_as_suppressed_with_the_reason() {
    let (out, _) = run(SERVICE_WAIVER, "2026-11-26", "sarif");
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let suppressed: Vec<&serde_json::Value> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 1);
    assert_eq!(suppressed[0]["ruleId"], "missing-purchase");
    assert_eq!(
        suppressed[0]["suppressions"],
        serde_json::json!([{
            "kind": "external",
            "justification": "A service journey: nothing is bought here"
        }])
    );
}
