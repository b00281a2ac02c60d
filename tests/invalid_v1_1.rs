//! Every new way to be wrong in format v1.1 (the contract's list): the line, column, message
//! and hint a user sees, all problems in one run.

use cxmap::analyse;
use cxmap::load::load_texts;

/// Waivers are judged on this day.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

/// `(file, line, column, message, help)` of every problem.
fn problems(files: &[(&str, &str)]) -> Vec<(String, usize, usize, String, Option<String>)> {
    let checked = analyse::check(load_texts(files), TODAY);
    assert_eq!(checked.analysis.is_none(), !checked.problems.is_empty());
    checked
        .problems
        .iter()
        .map(|p| {
            let loc = checked.workspace.sources.locate(&p.span);
            (
                loc.file,
                loc.line,
                loc.column,
                p.message.clone(),
                p.help.clone(),
            )
        })
        .collect()
}

/// `(line, column, message)` of every problem of one journey file beside [`ORG`].
fn in_journey(touchpoints: &str) -> Vec<(usize, usize, String)> {
    let journey = format!("[journey]\nid = \"j\"\nstages = [\"Buy\"]\n\n{touchpoints}");
    problems(&[("org.toml", ORG), ("j.toml", &journey)])
        .into_iter()
        .map(|(_, l, c, m, _)| (l, c, m))
        .collect()
}

const ORG: &str = r#"
[[department]]
id = "sales"
customer_facing = true

[[department]]
id = "it"
customer_facing = false

[[data]]
id = "passport"
held_by = ["sales"]
"#;

#[test]
fn an_id_repeated_within_one_array() {
    let got = in_journey(
        "[[touchpoint]]\nid = \"t\"\nowner = [\"sales\", \"sales\"]\nuses = [\"passport\", \"passport\"]\nasks = [\"passport\", \"passport\"]\nsupported_by = [\"it\", \"it\"]\nnext = [\"u\", \"u\"]\n[[touchpoint]]\nid = \"u\"\nstage = \"Buy\"\n",
    );
    assert_eq!(
        got,
        vec![
            (7, 19, "`sales` is listed twice in `owner`".to_owned()),
            (8, 21, "`passport` is listed twice in `uses`".to_owned()),
            (9, 21, "`passport` is listed twice in `asks`".to_owned()),
            (10, 23, "`it` is listed twice in `supported_by`".to_owned()),
            (11, 14, "`u` is listed twice in `next`".to_owned()),
        ]
    );
    let stages = problems(&[(
        "j.toml",
        "[journey]\nid = \"j\"\nstages = [\"A\", \"B\", \"A\"]\n",
    )]);
    assert_eq!(stages[0].3, "`A` is listed twice in `stages`");
    let held = problems(&[(
        "org.toml",
        "[[department]]\nid = \"x\"\ncustomer_facing = true\n[[data]]\nid = \"d\"\nheld_by = [\"x\", \"x\"]\n",
    )]);
    assert_eq!((held[0].1, held[0].2), (6, 17));
    assert_eq!(held[0].3, "`x` is listed twice in `held_by`");
    assert_eq!(held[0].4.as_deref(), Some("remove the repeated entry"));
}

#[test]
fn asks_names_unknown_data_with_did_you_mean() {
    let all = problems(&[
        ("org.toml", ORG),
        (
            "j.toml",
            "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\nasks = [\"pasport\"]\n",
        ),
    ]);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!((all[0].1, all[0].2), (5, 9));
    assert_eq!(all[0].3, "`asks` names unknown data `pasport`");
    assert_eq!(all[0].4.as_deref(), Some("did you mean `passport`?"));
}

#[test]
fn a_metric_table_without_value_or_with_a_wrong_direction() {
    let got = in_journey(
        "[[touchpoint]]\nid = \"t\"\nstage = \"Buy\"\nmetrics.nps = { target = 30 }\nmetrics.wait = { value = 9, target = 5, better = \"down\" }\nmetrics.csat = { value = 80, targte = 70 }\n",
    );
    assert_eq!(
        got,
        vec![
            (8, 15, "metric `nps` has no `value`".to_owned()),
            (
                9,
                50,
                "`better` must be \"higher\" or \"lower\", not \"down\"".to_owned()
            ),
            (10, 30, "unknown key `targte` in metric `csat`".to_owned()),
        ]
    );
}

#[test]
fn an_insight_without_source_or_with_a_sample_below_one() {
    let got = in_journey(
        "[[touchpoint]]\nid = \"t\"\nstage = \"Buy\"\ninsights = [\n  { quote = \"They asked twice\" },\n  { source = \"Interviews\", sample = 0 },\n  { source = \"Survey\", date = 2026-05-12T10:00:00 },\n  { source = \"Survey\", date = \"May\" },\n]\n",
    );
    assert_eq!(
        got,
        vec![
            (9, 3, "an `insights` entry has no `source`".to_owned()),
            (
                10,
                37,
                "`sample` is 0, but it counts people heard: at least 1".to_owned()
            ),
            (
                11,
                31,
                "`date` must be a date without a time, not `2026-05-12T10:00:00`".to_owned()
            ),
            (12, 31, "`date` must be a date, not a string".to_owned()),
        ]
    );
}

const JOURNEY: &str = "[[department]]\nid = \"care\"\ncustomer_facing = true\nchampion = \"Sam\"\n[journey]\nid = \"bereavement\"\n[[touchpoint]]\nid = \"t\"\nowner = \"care\"\n";

#[test]
fn waivers_that_break_the_contract() {
    let config = r#"[[allow]]
journey = "bereavement"
reason = "no rule"

[[allow]]
rule = "missing-purchse"
reason = "a typo"

[[allow]]
rule = "missing-purchase"
reason = "   "

[[allow]]
rule = "missing-purchase"

[[allow]]
rule = "missing-purchase"
journey = "berevement"
reason = "a journey typo"

[[allow]]
rule = "unused-waiver"
reason = "cannot be waived"

[[allow]]
rule = "missing-purchase"
reason = "not a date"
until = "2027-06-30"
"#;
    let all = problems(&[("ws/j.toml", JOURNEY), ("ws/cxmap.toml", config)]);
    let got: Vec<(usize, usize, &str, Option<&str>)> = all
        .iter()
        .map(|p| (p.1, p.2, p.3.as_str(), p.4.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                1,
                1,
                "a waiver needs a `rule`",
                Some("name the rule of the findings to waive: `rule = \"missing-purchase\"`")
            ),
            (
                6,
                8,
                "unknown rule `missing-purchse`",
                Some("did you mean `missing-purchase`?")
            ),
            (
                11,
                10,
                "a waiver needs a reason",
                Some(
                    "say why the team lives with these findings: `reason = \"A service journey: nothing is bought here\"`"
                )
            ),
            (
                13,
                1,
                "a waiver needs a reason",
                Some(
                    "say why the team lives with these findings: `reason = \"A service journey: nothing is bought here\"`"
                )
            ),
            (
                18,
                11,
                "`journey` names an unknown journey `berevement`",
                Some("did you mean `bereavement`?")
            ),
            (
                22,
                8,
                "`unused-waiver` cannot be waived",
                Some("remove or correct the waiver it is about instead")
            ),
            (
                28,
                9,
                "`until` must be a date, not a string",
                Some("write a TOML date such as `until = 2026-05-12`, without quotes")
            ),
        ]
    );
    assert!(all.iter().all(|p| p.0 == "ws/cxmap.toml"));
}

#[test]
fn cxmap_today_that_is_not_a_date_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("j.toml"), JOURNEY).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["check"])
        .arg(dir.path())
        .env("CXMAP_TODAY", "26/11/2026")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: CXMAP_TODAY is `26/11/2026`, not a date\n  help: set it to a day as YYYY-MM-DD, e.g. `CXMAP_TODAY=2026-11-26`, or unset it\n"
    );
}
