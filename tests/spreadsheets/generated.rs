//! Round trips over generated workspaces full of awkward text, and arbitrary or damaged
//! input that must never panic.

use super::*;

/// Free text with what breaks naive writers: quotes, `;`, `:`, backslashes, line breaks,
/// formula starts, accents. Never blank (a blank cell is no value).
fn free_text() -> impl Strategy<Value = String> {
    "[a-zA-Z=+@'\\-;:\\\\\"é#][a-zA-Z0-9 ;:\\\\'=+@\"\n,é#-]{0,10}"
}

/// A list item or an id: the same, without surrounding spaces (cells drop them).
fn item() -> impl Strategy<Value = String> {
    "[a-zA-Z=+@'\\-;:\\\\\"é][a-zA-Z0-9 ;:\\\\'=@\",é-]{0,6}[a-zA-Z0-9;:\\\\'=@\"é]"
}

#[derive(Debug, Clone)]
struct Tp {
    name: Option<String>,
    stage: Option<usize>,
    owners: Vec<usize>,
    channels: Vec<String>,
    backstage: bool,
    purchase: bool,
    uses: Vec<usize>,
    asks: Vec<usize>,
    artifacts: Vec<String>,
    insights: Vec<GenInsight>,
    supported_by: Vec<usize>,
    score: Option<i8>,
    metrics: Vec<GenMetric>,
    next: Vec<(usize, Option<String>)>,
}

fn tp(departments: usize, data: usize, stages: usize, n: usize) -> impl Strategy<Value = Tp> {
    let number = prop_oneof![(-1000i32..1000).prop_map(f64::from), -1.0e6f64..1.0e6];
    (
        (
            prop::option::of(free_text()),
            prop::option::of(0..stages.max(1)),
            prop::collection::vec(0..departments, 0..3),
            prop::collection::vec(item(), 0..3),
            any::<bool>(),
            prop::bool::weighted(0.2),
        ),
        (
            prop::collection::vec(0..data, 0..3),
            prop::collection::vec(0..data, 0..2),
            prop::collection::vec(item(), 0..3),
            prop::collection::vec(
                (
                    free_text(),
                    prop::option::of(free_text()),
                    prop::option::of((1u8..13, 1u8..29)),
                    prop::option::of(1u32..500),
                ),
                0..3,
            ),
        ),
        (
            prop::collection::vec(0..departments, 0..2),
            prop::option::of(-2i8..=2),
            prop::collection::vec(
                (
                    0usize..3,
                    number.clone(),
                    prop::option::of(number),
                    any::<bool>(),
                    prop::option::of(free_text()),
                ),
                0..3,
            ),
            prop::collection::vec((0..n, prop::option::of(item())), 0..3),
        ),
    )
        .prop_map(
            move |(
                (name, stage, owners, channels, backstage, purchase),
                (uses, asks, artifacts, insights),
                (supported_by, score, metrics, next),
            )| Tp {
                name,
                stage: stage.filter(|_| stages > 0),
                owners,
                channels,
                backstage,
                purchase,
                uses,
                asks,
                artifacts,
                insights,
                supported_by,
                score,
                metrics,
                next,
            },
        )
}

#[derive(Debug, Clone)]
struct Journey {
    name: Option<String>,
    persona: Option<String>,
    owner: Option<usize>,
    stages: Vec<String>,
    touchpoints: Vec<Tp>,
}

type Generated = (
    Option<(String, Option<String>)>,
    Vec<(Option<String>, bool, Option<String>, bool)>,
    Vec<(Option<String>, Vec<usize>)>,
    Vec<Journey>,
);

fn generated() -> impl Strategy<Value = Generated> {
    (1usize..5, 1usize..4).prop_flat_map(|(departments, data)| {
        (
            prop::option::of((free_text(), prop::option::of(free_text()))),
            prop::collection::vec(
                (
                    prop::option::of(free_text()),
                    any::<bool>(),
                    prop::option::of(free_text()),
                    prop::bool::weighted(0.3),
                ),
                departments,
            ),
            prop::collection::vec(
                (
                    prop::option::of(free_text()),
                    prop::collection::vec(0..departments, 0..3),
                ),
                data,
            ),
            prop::collection::vec(
                (prop::collection::btree_set(item(), 0..4), 1usize..6).prop_flat_map(
                    move |(stages, n)| {
                        let stages: Vec<String> = stages.into_iter().collect();
                        let k = stages.len();
                        (
                            prop::option::of(free_text()),
                            prop::option::of(free_text()),
                            prop::option::of(0..departments),
                            Just(stages),
                            prop::collection::vec(tp(departments, data, k, n), n),
                        )
                            .prop_map(
                                |(name, persona, owner, stages, touchpoints)| Journey {
                                    name,
                                    persona,
                                    owner,
                                    stages,
                                    touchpoints,
                                },
                            )
                    },
                ),
                1..4,
            ),
        )
    })
}

/// Departments `d0;1`, data `x:0`, journeys `j0`, touchpoints `t=0`: ids with characters
/// that lists, labels and formulas care about.
fn render(g: &Generated) -> Vec<(String, String)> {
    let (org, departments, data, journeys) = g;
    let dept = |i: &usize| format!("d{i};x");
    let datum = |i: &usize| format!("x:{i}");
    let mut text = String::new();
    if let Some((name, star)) = org {
        text += &format!("[organization]\nname = {}\n", toml_str(name));
        if let Some(s) = star {
            text += &format!("north_star = {}\n", toml_str(s));
        }
    }
    for (i, (name, facing, champion, external)) in departments.iter().enumerate() {
        text += &format!(
            "[[department]]\nid = {}\ncustomer_facing = {facing}\nexternal = {external}\n",
            toml_str(&dept(&i))
        );
        if let Some(n) = name {
            text += &format!("name = {}\n", toml_str(n));
        }
        if let Some(c) = champion {
            text += &format!("champion = {}\n", toml_str(c));
        }
    }
    for (i, (name, held)) in data.iter().enumerate() {
        let held: Vec<String> = held.iter().map(dept).collect();
        text += &format!(
            "[[data]]\nid = {}\nheld_by = {}\n",
            toml_str(&datum(&i)),
            toml_list(&held)
        );
        if let Some(n) = name {
            text += &format!("name = {}\n", toml_str(n));
        }
    }
    let mut files = vec![("org.toml".to_owned(), text)];
    for (j, journey) in journeys.iter().enumerate() {
        let mut t = format!(
            "[journey]\nid = \"j{j}\"\nstages = {}\n",
            toml_list(&journey.stages)
        );
        if let Some(n) = &journey.name {
            t += &format!("name = {}\n", toml_str(n));
        }
        if let Some(p) = &journey.persona {
            t += &format!("persona = {}\n", toml_str(p));
        }
        if let Some(o) = journey.owner {
            t += &format!("owner = {}\n", toml_str(&dept(&o)));
        }
        for (i, tp) in journey.touchpoints.iter().enumerate() {
            t += &format!(
                "[[touchpoint]]\nid = \"t={i}\"\nbackstage = {}\npurchase = {}\n",
                tp.backstage, tp.purchase
            );
            if let Some(n) = &tp.name {
                t += &format!("name = {}\n", toml_str(n));
            }
            if let Some(s) = tp.stage {
                t += &format!("stage = {}\n", toml_str(&journey.stages[s]));
            }
            let owners: Vec<String> = tp.owners.iter().map(dept).collect();
            t += &format!(
                "owner = {}\nchannel = {}\n",
                toml_list(&owners),
                toml_list(&tp.channels)
            );
            let uses: Vec<String> = tp.uses.iter().map(datum).collect();
            let asks: Vec<String> = tp.asks.iter().map(datum).collect();
            let support: Vec<String> = tp.supported_by.iter().map(dept).collect();
            t += &format!(
                "uses = {}\nasks = {}\nsupported_by = {}\nartifacts = {}\n",
                toml_list(&uses),
                toml_list(&asks),
                toml_list(&support),
                toml_list(&tp.artifacts)
            );
            if let Some(s) = tp.score {
                t += &format!("score = {s}\n");
            }
            let insights: Vec<String> = tp
                .insights
                .iter()
                .map(|(source, quote, date, sample)| {
                    let mut parts = vec![format!("source = {}", toml_str(source))];
                    if let Some(q) = quote {
                        parts.push(format!("quote = {}", toml_str(q)));
                    }
                    if let Some((m, d)) = date {
                        parts.push(format!("date = 2026-{m:02}-{d:02}"));
                    }
                    if let Some(s) = sample {
                        parts.push(format!("sample = {s}"));
                    }
                    format!("{{ {} }}", parts.join(", "))
                })
                .collect();
            t += &format!("insights = [{}]\n", insights.join(", "));
            let mut metrics = Vec::new();
            let mut seen = Vec::new();
            for (k, value, target, lower, unit) in &tp.metrics {
                if seen.contains(k) {
                    continue;
                }
                seen.push(*k);
                let name = ["csat", "wait days", "nps=é"][*k];
                let mut fields = vec![format!("value = {value:?}")];
                if let Some(target) = target {
                    fields.push(format!("target = {target:?}"));
                }
                if *lower {
                    fields.push("better = \"lower\"".to_owned());
                }
                if let Some(u) = unit {
                    fields.push(format!("unit = {}", toml_str(u)));
                }
                metrics.push(format!(
                    "{} = {{ {} }}",
                    toml_edit::Key::new(name),
                    fields.join(", ")
                ));
            }
            t += &format!("metrics = {{ {} }}\n", metrics.join(", "));
            let mut targets = Vec::new();
            let next: Vec<String> = tp
                .next
                .iter()
                .filter(|(to, _)| {
                    let new = !targets.contains(to);
                    targets.push(*to);
                    new
                })
                .map(|(to, label)| match label {
                    Some(l) => format!("{{ to = \"t={to}\", label = {} }}", toml_str(l)),
                    None => format!("\"t={to}\""),
                })
                .collect();
            t += &format!("next = [{}]\n", next.join(", "));
        }
        files.push((format!("j{j}.toml"), t));
    }
    files
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_workspaces_round_trip(g in generated(), csv in any::<bool>()) {
        let files = render(&g);
        let original = check_texts(&files);
        prop_assert!(original.problems.is_empty(), "{:#?}", original.problems);
        let back = round_trip(&original.workspace, csv).map_err(TestCaseError::fail)?;
        let again = check_texts(&back);
        prop_assert!(again.problems.is_empty(), "{:#?}", again.problems);
        prop_assert_eq!(describe(&original.workspace), describe(&again.workspace));
        prop_assert_eq!(findings(&original), findings(&again));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever a CSV file holds, import reports problems or writes files; it never panics.
    #[test]
    fn arbitrary_csv_never_panics(text in "[a-z,;:\"'=\\\\\\r\\n ]{0,300}", header in prop::sample::select(vec![
        "journey,id,name,owner,next,score,metric:csat,target:csat\n",
        "id,customer_facing\n",
        "",
    ])) {
        let mut tables = Vec::new();
        let mut problems = Vec::new();
        let csv = format!("{header}{text}");
        read::read_csv(csv.as_bytes(), "touchpoints.csv", "touchpoints", &mut tables, &mut problems);
        read::read_csv(csv.as_bytes(), "departments.csv", "departments", &mut tables, &mut problems);
        let (book, more) = sheets::read_tables(&tables);
        problems.extend(more);
        let _ = cxmap::cli::import_book(&book, problems, "x");
        let survey = format!("journey,touchpoint,metric,value,date\n{text}");
        let mut tables = Vec::new();
        read::read_csv(survey.as_bytes(), "s.csv", "s", &mut tables, &mut Vec::new());
        let _ = sheets::survey::join(&tables[0], &JOURNEYS.workspace, false);
    }

    /// A damaged workbook is a problem, never a crash.
    #[test]
    fn damaged_workbooks_never_panic(at in 0usize..30_000, junk in prop::collection::vec(any::<u8>(), 1..40)) {
        let mut bytes = WORKBOOK.clone();
        let at = at.min(bytes.len() - 1);
        for (i, b) in junk.iter().enumerate() {
            if let Some(x) = bytes.get_mut(at + i) {
                *x = *b;
            }
        }
        let mut tables = Vec::new();
        let mut problems = Vec::new();
        read::read_workbook(&bytes, "j.xlsx", &mut tables, &mut problems);
        let (book, more) = sheets::read_tables(&tables);
        problems.extend(more);
        let _ = cxmap::cli::import_book(&book, problems, "j.xlsx");
    }
}
