//! Properties over generated valid workspaces (format v1.1: partners, asks, metrics with
//! targets, insights): no panic, every touchpoint without an owner and every metric off
//! target reported exactly once, partner-owned moments found exactly, output byte-identical
//! on a rerun, findings in the contract's order.

use proptest::prelude::*;

use cxmap::analyse::{self, Checked, rules};
use cxmap::load::load_texts;
use cxmap::present::{json, terminal::Terminal};

/// Waivers are judged on this day in every test and benchmark.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

fn json_text(checked: &Checked) -> String {
    let mut out = Vec::new();
    json::write(checked, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[derive(Debug, Clone)]
struct Tp {
    owners: Vec<usize>,
    backstage: bool,
    purchase: bool,
    uses: Vec<usize>,
    supported_by: Vec<usize>,
    score: Option<i8>,
    next: Vec<usize>,
    asks: Vec<usize>,
    /// (value, target, lower is better)
    metric: Option<(i32, i32, bool)>,
    insight: bool,
}

fn touchpoint(departments: usize, data: usize, n: usize) -> impl Strategy<Value = Tp> {
    (
        prop::collection::vec(0..departments, 0..3),
        any::<bool>(),
        prop::bool::weighted(0.2),
        prop::collection::vec(0..data, 0..3),
        prop::collection::vec(0..departments, 0..2),
        prop::option::of(-2i8..=2),
        prop::collection::vec(0..n, 0..3),
        (
            prop::collection::vec(0..data, 0..2),
            prop::option::of((0i32..100, 0i32..100, any::<bool>())),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                owners,
                backstage,
                purchase,
                uses,
                supported_by,
                score,
                next,
                (asks, metric, insight),
            )| {
                Tp {
                    owners,
                    backstage,
                    purchase,
                    uses,
                    supported_by,
                    score,
                    next,
                    asks,
                    metric,
                    insight,
                }
            },
        )
}

/// Departments as (customer-facing, has champion, external), data as holders, journeys as
/// touchpoints.
type Generated = (Vec<(bool, bool, bool)>, Vec<Vec<usize>>, Vec<Vec<Tp>>);

fn workspace() -> impl Strategy<Value = Generated> {
    (1usize..6, 1usize..4).prop_flat_map(|(departments, data)| {
        (
            prop::collection::vec(
                (any::<bool>(), any::<bool>(), prop::bool::weighted(0.3)),
                departments,
            ),
            prop::collection::vec(prop::collection::vec(0..departments, 0..3), data),
            prop::collection::vec(
                (1usize..12).prop_flat_map(move |n| {
                    prop::collection::vec(touchpoint(departments, data, n), n)
                }),
                1..4,
            ),
        )
    })
}

/// A TOML array of ids; an id drawn twice is written once (repeats are invalid input).
fn ids(prefix: &str, list: &[usize]) -> String {
    let mut seen = Vec::new();
    let quoted: Vec<String> = list
        .iter()
        .filter(|i| {
            let new = !seen.contains(*i);
            seen.push(**i);
            new
        })
        .map(|i| format!("\"{prefix}{i}\""))
        .collect();
    format!("[{}]", quoted.join(", "))
}

fn render(
    departments: &[(bool, bool, bool)],
    data: &[Vec<usize>],
    journeys: &[Vec<Tp>],
) -> Vec<(String, String)> {
    let mut org = String::new();
    for (i, (facing, champion, external)) in departments.iter().enumerate() {
        org += &format!(
            "[[department]]\nid = \"d{i}\"\ncustomer_facing = {facing}\nexternal = {external}\n"
        );
        if *champion {
            org += "champion = \"Pat\"\n";
        }
    }
    for (i, held) in data.iter().enumerate() {
        org += &format!("[[data]]\nid = \"x{i}\"\nheld_by = {}\n", ids("d", held));
    }
    let mut files = vec![("org.toml".to_owned(), org)];
    for (j, tps) in journeys.iter().enumerate() {
        let mut text = format!("[journey]\nid = \"j{j}\"\n");
        for (i, tp) in tps.iter().enumerate() {
            text += &format!(
                "[[touchpoint]]\nid = \"t{i}\"\nowner = {}\nbackstage = {}\npurchase = {}\nuses = {}\nsupported_by = {}\nnext = {}\n",
                ids("d", &tp.owners),
                tp.backstage,
                tp.purchase,
                ids("x", &tp.uses),
                ids("d", &tp.supported_by),
                ids("t", &tp.next)
            );
            if let Some(s) = tp.score {
                text += &format!("score = {s}\n");
            }
            text += &format!("asks = {}\n", ids("x", &tp.asks));
            if let Some((value, target, lower)) = tp.metric {
                let better = if lower { "lower" } else { "higher" };
                text += &format!(
                    "metrics.m = {{ value = {value}, target = {target}, better = \"{better}\" }}\n"
                );
            }
            if tp.insight {
                text += "insights = [{ source = \"Interviews\", quote = \"It took ages\", sample = 3 }]\n";
            }
        }
        files.push((format!("j{j}.toml"), text));
    }
    files
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_workspaces_check_cleanly((departments, data, journeys) in workspace()) {
        let files = render(&departments, &data, &journeys);
        let refs: Vec<(&str, &str)> = files.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let checked = analyse::check(load_texts(&refs), TODAY);
        prop_assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        let ws = &checked.workspace;
        let analysis = checked.analysis.as_ref().unwrap();

        // Each touchpoint without an owner is reported exactly once.
        for (j, tps) in journeys.iter().enumerate() {
            for (i, tp) in tps.iter().enumerate() {
                let n = analysis.of_rule(&rules::UNOWNED_TOUCHPOINT).filter(|f| {
                    f.subject.id(ws) == format!("t{i}")
                        && f.journey.map(|j| ws.journeys[j].id.as_str()) == Some(&format!("j{j}"))
                }).count();
                prop_assert_eq!(n, usize::from(tp.owners.is_empty()));
            }
        }

        // Each metric off its target is reported exactly once; partner-owned moments exactly.
        for (j, tps) in journeys.iter().enumerate() {
            for (i, tp) in tps.iter().enumerate() {
                let about = |rule| analysis.of_rule(rule).filter(|f| {
                    f.subject.id(ws) == format!("t{i}")
                        && f.journey.map(|j| ws.journeys[j].id.as_str()) == Some(&format!("j{j}"))
                }).count();
                let off = tp.metric.is_some_and(|(v, t, lower)| if lower { v > t } else { v < t });
                prop_assert_eq!(about(&rules::METRIC_OFF_TARGET), usize::from(off));
                let mut owners = tp.owners.clone();
                owners.dedup();
                let partners_only = !owners.is_empty()
                    && owners.iter().all(|&d| departments[d].2);
                prop_assert_eq!(
                    about(&rules::PARTNER_OWNED_TOUCHPOINT),
                    usize::from(!tp.backstage && partners_only)
                );
            }
        }

        // Byte-identical output on a rerun.
        let first = (json_text(&checked), Terminal::plain().render(&checked));
        let again = analyse::check(load_texts(&refs), TODAY);
        prop_assert_eq!(&first.0, &json_text(&again));
        prop_assert_eq!(&first.1, &Terminal::plain().render(&again));

        // Stable order: file, line, rule, subject.
        let keys: Vec<_> = analysis.findings.iter().map(|f| {
            let loc = ws.sources.locate(&f.at);
            (loc.file, loc.line, f.rule.name, f.subject.id(ws).to_owned())
        }).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let checked = analyse::check(load_texts(&[("x.toml", &text)]), TODAY);
        let _ = Terminal::plain().render(&checked);
        let _ = json_text(&checked);
    }

    #[test]
    fn mangled_journey_files_never_panic(cut in 0usize..2000, junk in "[\\[\\]{}=\"#a-z\\n ]{0,20}") {
        let text = include_str!("../journeys/switch-supplier.toml");
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        let mangled = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let org = include_str!("../journeys/org.toml");
        let checked = analyse::check(load_texts(&[("org.toml", org), ("j.toml", &mangled)]), TODAY);
        let _ = Terminal::plain().render(&checked);
        for p in &checked.problems {
            let loc = checked.workspace.sources.locate(&p.span);
            prop_assert!(loc.line >= 1 && loc.column >= 1);
        }
    }
}
