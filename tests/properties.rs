//! Properties over generated valid workspaces: no panic, every touchpoint without an owner
//! reported exactly once, output byte-identical on a rerun, findings in the contract's order.

use proptest::prelude::*;

use cxmap::analyse::analyse;
use cxmap::load::load_texts;
use cxmap::present::{CheckOutcome, json, terminal::Terminal};

#[derive(Debug, Clone)]
struct Tp {
    owners: Vec<usize>,
    backstage: bool,
    purchase: bool,
    uses: Vec<usize>,
    supported_by: Vec<usize>,
    score: Option<i8>,
    next: Vec<usize>,
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
    )
        .prop_map(
            |(owners, backstage, purchase, uses, supported_by, score, next)| Tp {
                owners,
                backstage,
                purchase,
                uses,
                supported_by,
                score,
                next,
            },
        )
}

/// Departments as (customer-facing, has champion), data as holders, journeys as touchpoints.
type Generated = (Vec<(bool, bool)>, Vec<Vec<usize>>, Vec<Vec<Tp>>);

fn workspace() -> impl Strategy<Value = Generated> {
    (1usize..6, 1usize..4).prop_flat_map(|(departments, data)| {
        (
            prop::collection::vec((any::<bool>(), any::<bool>()), departments),
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

fn ids(prefix: &str, list: &[usize]) -> String {
    let quoted: Vec<String> = list.iter().map(|i| format!("\"{prefix}{i}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

fn render(
    departments: &[(bool, bool)],
    data: &[Vec<usize>],
    journeys: &[Vec<Tp>],
) -> Vec<(String, String)> {
    let mut org = String::new();
    for (i, (facing, champion)) in departments.iter().enumerate() {
        org += &format!("[[department]]\nid = \"d{i}\"\ncustomer_facing = {facing}\n");
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
        let loaded = load_texts(&refs);
        prop_assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let analysis = analyse(&loaded.workspace, &loaded.settings);

        // Each touchpoint without an owner is reported exactly once.
        for (j, tps) in journeys.iter().enumerate() {
            for (i, tp) in tps.iter().enumerate() {
                let n = analysis.findings.iter().filter(|f| {
                    f.rule == "unowned-touchpoint"
                        && f.subject == format!("t{i}")
                        && f.journey.as_deref() == Some(&format!("j{j}"))
                }).count();
                prop_assert_eq!(n, usize::from(tp.owners.is_empty()));
            }
        }

        // Byte-identical output on a rerun.
        let outcome = CheckOutcome { loaded: &loaded, analysis: Some(&analysis) };
        let first = (json::render(&outcome), Terminal { color: false }.render(&outcome));
        let loaded2 = load_texts(&refs);
        let analysis2 = analyse(&loaded2.workspace, &loaded2.settings);
        let outcome2 = CheckOutcome { loaded: &loaded2, analysis: Some(&analysis2) };
        prop_assert_eq!(&first.0, &json::render(&outcome2));
        prop_assert_eq!(&first.1, &Terminal { color: false }.render(&outcome2));

        // Stable order: file, line, rule, subject.
        let keys: Vec<_> = analysis.findings.iter().map(|f| {
            let loc = loaded.sources().locate(&f.span);
            (loc.file, loc.line, f.rule, f.subject.clone())
        }).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let loaded = load_texts(&[("x.toml", &text)]);
        if loaded.problems.is_empty() {
            let _ = analyse(&loaded.workspace, &loaded.settings);
        }
    }

    #[test]
    fn mangled_journey_files_never_panic(cut in 0usize..2000, junk in "[\\[\\]{}=\"#a-z\\n ]{0,20}") {
        let text = include_str!("../journeys/switch-supplier.toml");
        let mut cut = cut.min(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        let mangled = format!("{}{}{}", &text[..cut], junk, &text[cut..]);
        let org = include_str!("../journeys/org.toml");
        let loaded = load_texts(&[("org.toml", org), ("j.toml", &mangled)]);
        for p in &loaded.problems {
            let loc = loaded.sources().locate(&p.span);
            prop_assert!(loc.line >= 1 && loc.column >= 1);
        }
    }
}
