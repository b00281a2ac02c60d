//! The ranking of "three changes for the executive committee", rule by rule, on a workspace
//! built for it (see `docs/report.md`): reach first, then severity, then impact; backstage
//! teams credited only with what they own or support; missed targets weigh more; every change
//! names someone to talk to; no finding feeds two changes.

use cxmap::analyse::{self, Checked};
use cxmap::load::{LoadOptions, load, load_texts};
use cxmap::model::Date;

const TODAY: Date = Date::new(2026, 11, 26);

const ORG: &str = r#"
[organization]
name = "Ranking"

[[department]]
id = "sales"
customer_facing = true
champion = "Ana"

[[department]]
id = "care"
customer_facing = true
champion = "Cy"

[[department]]
id = "it"
name = "IT"
customer_facing = false
champion = "Bo"

[[department]]
id = "billing"
name = "Billing"
customer_facing = false
champion = "Di"

[[department]]
id = "ops"
name = "Ops"
customer_facing = false
champion = "Ed"

[[data]]
id = "orders"
held_by = ["sales", "care"]

[[data]]
id = "consent"
name = "Consent"
held_by = []
"#;

const JOURNEY: &str = r#"
[journey]
id = "buy"
stages = ["Buy", "Use"]

[[touchpoint]]
id = "order"
stage = "Buy"
owner = "sales"
purchase = true
uses = ["orders", "consent"]
next = ["provision"]

# Backstage work of IT: what follows it is context for IT, not credit.
[[touchpoint]]
id = "provision"
stage = "Buy"
owner = "it"
backstage = true
next = ["welcome"]

[[touchpoint]]
id = "welcome"
stage = "Use"
owner = "care"
next = ["invoice", "delivery", "help"]

[[touchpoint]]
id = "invoice"
stage = "Use"
owner = "billing"
supported_by = ["it"]
metrics = { csat = { value = 80, target = 70 } }

[[touchpoint]]
id = "delivery"
stage = "Use"
owner = "ops"
metrics = { csat = { value = 50, target = 70 } }

[[touchpoint]]
id = "help"
stage = "Use"
owner = "care"
supported_by = ["it"]
uses = ["consent"]
"#;

fn checked(files: &[(&str, &str)]) -> Checked {
    let checked = analyse::check(load_texts(files), TODAY);
    assert!(checked.is_valid(), "{:?}", checked.problems);
    checked
}

/// `(change, severity, reach, impact, talk_to ids)` in rank order.
fn ranking(c: &Checked) -> Vec<(String, &'static str, usize, u32, Vec<String>)> {
    let ws = &c.workspace;
    c.analysis
        .as_ref()
        .unwrap()
        .figures(ws)
        .priorities
        .iter()
        .map(|p| {
            (
                p.change.sentence(ws),
                p.severity.as_str(),
                p.reach.len(),
                p.impact,
                p.talk_to
                    .iter()
                    .map(|&d| ws.departments[d].id.clone())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn reach_then_severity_then_impact() {
    let c = checked(&[("org.toml", ORG), ("buy.toml", JOURNEY)]);
    let s = |x: &str| x.to_owned();
    assert_eq!(
        ranking(&c),
        vec![
            // Warning, 2 moments: ranks above the info change of equal reach.
            (
                s("Name the teams that keep “Consent”: no department holds it"),
                "warning",
                2,
                2,
                vec![s("sales"), s("care")]
            ),
            // Info, 2 moments: above every warning that reaches only 1.
            (
                s("Bring IT into the customer reviews of “buy”"),
                "info",
                2,
                2,
                vec![s("it")]
            ),
            (
                s("Fix the moment Ops leads that misses its target"),
                "warning",
                1,
                2,
                vec![s("ops")]
            ),
            // Equal reach and severity: the missed target weighs more than the alphabet.
            (
                s("Bring Ops into the customer reviews of “buy”"),
                "info",
                1,
                2,
                vec![s("ops")]
            ),
            (
                s("Bring Billing into the customer reviews of “buy”"),
                "info",
                1,
                1,
                vec![s("billing")]
            ),
        ]
    );
}

#[test]
fn backstage_teams_are_credited_with_what_they_own_or_support_only() {
    let c = checked(&[("org.toml", ORG), ("buy.toml", JOURNEY)]);
    let ws = &c.workspace;
    let it = c
        .analysis
        .as_ref()
        .unwrap()
        .figures(ws)
        .priorities
        .iter()
        .find(|p| p.change.sentence(ws).starts_with("Bring IT"))
        .unwrap();
    let names = |ts: &[cxmap::model::TouchpointRef]| -> Vec<String> {
        ts.iter().map(|&t| ws.touchpoint(t).id.clone()).collect()
    };
    // IT supports "invoice" and "help"; "welcome" follows its backstage "provision" and is
    // shown as context, adding nothing.
    assert_eq!(names(&it.reach), ["invoice", "help"]);
    assert_eq!(names(&it.context), ["welcome"]);
    assert_eq!(it.impact, 2);
}

/// Holds on the fixture and on the bundled example: no finding feeds two changes, a
/// touchpoint counts once per change, every change names someone, and the order obeys the
/// rule (reach, then severity, then impact).
#[test]
fn invariants_of_every_ranking() {
    let example = load(&LoadOptions {
        paths: vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("journeys")],
        config: None,
    })
    .unwrap();
    for c in [
        checked(&[("org.toml", ORG), ("buy.toml", JOURNEY)]),
        analyse::check(example, TODAY),
    ] {
        let priorities = &c
            .analysis
            .as_ref()
            .unwrap()
            .figures(&c.workspace)
            .priorities;
        assert!(priorities.len() >= 5);
        let mut fed: Vec<usize> = priorities.iter().flat_map(|p| p.findings.clone()).collect();
        let total = fed.len();
        fed.sort_unstable();
        fed.dedup();
        assert_eq!(fed.len(), total, "a finding feeds two changes");
        for p in priorities {
            let mut reach = p.reach.clone();
            reach.dedup();
            assert_eq!(reach.len(), p.reach.len());
            assert!(!p.talk_to.is_empty(), "{}", p.change.sentence(&c.workspace));
        }
        for w in priorities.windows(2) {
            let key =
                |p: &cxmap::analyse::priorities::Priority| (p.reach.len(), p.severity, p.impact);
            assert!(
                key(&w[0]) >= key(&w[1]),
                "{:?} before {:?}",
                key(&w[0]),
                key(&w[1])
            );
        }
    }
}
