//! `cxmap report`: figures and priorities computed exactly on a fixture worked out by hand,
//! hostile names inert in HTML and Markdown, byte-identical reruns and exit statuses. The
//! report in a real browser is `tests/report_browser/`.

mod common;

use std::path::Path;

use common::{cxmap_in, workspace};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn report_json(dir: &Path, args: &[&str]) -> serde_json::Value {
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("r.json");
    let mut full = vec!["report", "--format", "json", "-o", file.to_str().unwrap()];
    full.extend(args);
    let run = cxmap_in(Some(dir), &full);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

#[test]
fn figures_and_priorities_of_the_fixture() {
    let json = report_json(root(), &["tests/fixtures/report"]);
    let f = &json["figures"];
    assert_eq!(
        f["ownership"],
        serde_json::json!({ "single": 4, "shared": 1, "none": 0, "coverage": 0.8 })
    );
    assert_eq!(f["data_silos"], serde_json::json!(["invoices"]));
    assert_eq!(f["journeys_ending_at_purchase"], serde_json::json!([]));
    assert_eq!(
        f["backstage_departments_affecting_customers"],
        serde_json::json!(["billing", "it"])
    );
    assert_eq!(
        f["customer_touching_departments_without_champion"],
        serde_json::json!(["care", "billing"])
    );
    let journey = &f["journey_figures"][0];
    assert_eq!(journey["handoffs"], 2);
    assert_eq!(journey["customer_facing_after_purchase"], 3);
    assert_eq!(
        journey["emotion"],
        serde_json::json!([
            ["browse", "browse", 1],
            ["first-invoice", "First invoice", -2],
            ["invoice-call", "Invoice call", -1]
        ])
    );

    // (impact, reach, severity, rules, change): reach first, then severity, then impact.
    let priorities: Vec<(u64, u64, &str, Vec<&str>, &str)> = f["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["impact"].as_u64().unwrap(),
                p["reach"].as_u64().unwrap(),
                p["severity"].as_str().unwrap(),
                p["rules"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_str().unwrap())
                    .collect(),
                p["change"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        priorities,
        vec![
            // First invoice (-2: 1 + 2) and Invoice call (-1: 1 + 1), owned and supported.
            (
                5,
                2,
                "warning",
                vec!["backstage-influence", "missing-champion"],
                "Bring Billing into the customer reviews of “Buy” and name a CX champion there"
            ),
            (
                3,
                2,
                "warning",
                vec!["missing-champion"],
                "Name a CX champion in Care"
            ),
            (
                2,
                1,
                "warning",
                vec!["data-silo", "inaccessible-data"],
                "Share “Invoices” with Care: today only Billing holds it"
            ),
            (
                1,
                1,
                "warning",
                vec!["shared-ownership"],
                "Make one of Care or IT accountable for “Setup”"
            ),
            (
                3,
                1,
                "info",
                vec!["pain-point"],
                "Fix the moment Billing leads where customers hurt"
            ),
            (
                2,
                1,
                "info",
                vec!["pain-point"],
                "Fix the moment Care leads where customers hurt"
            ),
            (
                1,
                1,
                "info",
                vec!["backstage-influence"],
                "Bring IT into the customer reviews of “Buy”"
            ),
        ]
    );
    assert_eq!(
        f["priorities"][0]["talk_to"],
        serde_json::json!(["billing"])
    );
    assert_eq!(
        f["priorities"][0]["touchpoints"],
        serde_json::json!([["buy", "first-invoice"], ["buy", "invoice-call"]])
    );

    let billing = f["scorecards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["department"] == "billing")
        .unwrap();
    assert_eq!(
        (
            billing["owned"].as_u64(),
            billing["supported"].as_u64(),
            billing["pain_points_owned"].as_u64()
        ),
        (Some(1), Some(1), Some(1))
    );
    assert_eq!(
        (
            billing["handoffs_in"].as_u64(),
            billing["handoffs_out"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(billing["data_held_alone"], serde_json::json!(["invoices"]));
    assert_eq!(
        f["heatmap"]["columns"],
        serde_json::json!([["buy", "Discover"], ["buy", "Buy"], ["buy", "Use"]])
    );
    assert_eq!(
        f["heatmap"]["rows"][1],
        serde_json::json!(["care", [0, 0, 2]])
    );
    assert_eq!(
        f["custody"][1]["cells"],
        serde_json::json!(["none", "uses-without-holding", "holds", "none", "none"])
    );
}

#[test]
fn html_report_of_the_examples_is_self_contained_and_complete() {
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("report.html");
    let run = cxmap_in(Some(root()), &["report", "-o", file.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("wrote {}\n", file.display()));
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url(http")
    );
    for heading in [
        "Executive summary",
        "Three changes for the executive committee",
        "Departments",
        "Data custody",
        "Appendix for the journey architects",
    ] {
        assert!(html.contains(heading), "{heading}");
    }
    assert_eq!(
        html.matches("<section class=\"journey\" id=").count(),
        5,
        "one section per journey"
    );
    assert_eq!(html.matches("class=\"rank\"").count(), 3);
    assert!(html.contains("Brightline Energy"));
    assert!(html.contains("“Customers never have to chase us”"));
    // What the VP reads speaks in names: ids, files and lines only in the appendix.
    let (vp, appendix) = html.split_at(html.find("<section id=\"appendix\"").unwrap());
    let vp = visible_text(vp);
    for id in [
        "credit-score",
        "`it`",
        "switch-supplier",
        ".toml:",
        "cxmap explain",
    ] {
        assert!(!vp.contains(id), "{id} before the appendix");
    }
    assert!(vp.contains("Credit check result"));
    assert!(appendix.contains("switch-supplier.toml:"));
    // Journeys in the order of how much they hurt.
    let order: Vec<usize> = [
        "Switch to Brightline",
        "Move home and keep my account",
        "Buy boiler cover",
        "Get a smart meter fitted",
        "Add an EV tariff and home charger",
    ]
    .iter()
    .map(|j| html.find(&format!("<h2>{j}</h2>")).unwrap())
    .collect();
    assert!(order.is_sorted(), "{order:?}");
}

/// The text a reader sees: markup, element ids and styles left out.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    let mut in_style = false;
    for (i, c) in html.char_indices() {
        match c {
            '<' => {
                in_tag = true;
                if html[i..].starts_with("<style") {
                    in_style = true;
                } else if html[i..].starts_with("</style") {
                    in_style = false;
                }
            }
            '>' => in_tag = false,
            c if !in_tag && !in_style => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn reports_are_byte_identical_on_a_rerun_and_dated_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["html", "markdown", "json"] {
        let a = dir.path().join(format!("a.{format}"));
        let b = dir.path().join(format!("b.{format}"));
        for path in [&a, &b] {
            let run = cxmap_in(
                Some(root()),
                &["report", "--format", format, "-o", path.to_str().unwrap()],
            );
            assert_eq!(run.code, 0);
        }
        assert_eq!(
            std::fs::read(&a).unwrap(),
            std::fs::read(&b).unwrap(),
            "{format}"
        );
        // No date of the run anywhere (the research dates in the journeys are data).
        let text = String::from_utf8(std::fs::read(&a).unwrap()).unwrap();
        let scope = text
            .lines()
            .find(|l| l.contains("Analysed: "))
            .unwrap_or("");
        match format {
            "json" => assert!(text.contains("\"date\": null"), "{format}"),
            _ => assert!(
                scope.trim_end().ends_with("2 partners</div>")
                    || scope.trim_end().ends_with("departments"),
                "{format}: {scope}"
            ),
        }
    }
    let dated = dir.path().join("dated.html");
    cxmap_in(
        Some(root()),
        &[
            "report",
            "--date",
            "2026-11-24",
            "-o",
            dated.to_str().unwrap(),
        ],
    );
    assert!(
        std::fs::read_to_string(dated)
            .unwrap()
            .contains("· 2026-11-24")
    );
    let bad = cxmap_in(Some(root()), &["report", "--date", "24/11/2026"]);
    assert_eq!(bad.code, 2);
}

const HOSTILE: &str = r#"
[organization]
name = "Evil </title><script>alert(1)</script> Corp \u001b[31m\u0007"
north_star = "[click](javascript:alert(2)) | pipe"

[[department]]
id = "ops"
name = "<img src=x onerror=alert(3)>"
customer_facing = false
champion = "Sign in at http://evil.example/login or www.evil.example, mail ceo@evil.example"

[[data]]
id = "d"
name = "Data | with pipe ![img](http://x/y.png)"
held_by = ["ops"]

[journey]
id = "j"
name = "Journey ]( <b>bold</b>"
stages = ["A | B"]

[[touchpoint]]
id = "t"
name = "<script>alert(4)</script>"
stage = "A | B"
owner = "ops"
uses = ["d"]
score = -2
metrics = { "nps | <i>x</i>" = 10 }
"#;

#[test]
fn hostile_names_are_inert_in_html() {
    let dir = workspace(&[("ws/j.toml", HOSTILE)]);
    let run = cxmap_in(Some(dir.path()), &["report", "ws", "-o", "r.html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(!html.contains("<script"), "no script element");
    assert!(!html.contains("<img"), "no image element");
    assert!(!html.contains("<b>bold"), "no markup from names");
    // Control characters never reach the page (title, headings or elsewhere).
    assert!(
        !html
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "no control character in the HTML"
    );
    assert_eq!(
        html.matches("</title>").count(),
        1 + html.matches("<title id=").count(),
        "only real titles close"
    );
    assert!(!html.contains("href=\"javascript"));
    assert!(
        html.contains("&lt;script&gt;alert(4)&lt;&#x2f;script&gt;")
            || html.contains("&lt;script&gt;alert(4)&lt;/script&gt;")
    );
}

#[test]
fn hostile_names_are_inert_in_markdown() {
    let dir = workspace(&[("ws/j.toml", HOSTILE)]);
    let run = cxmap_in(
        Some(dir.path()),
        &["report", "ws", "--format", "markdown", "-o", "out/r.md"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = std::fs::read_to_string(dir.path().join("out/r.md")).unwrap();
    assert!(!md.contains("<script"));
    assert!(!md.contains("<img"));
    assert!(
        md.match_indices("](")
            .all(|(i, _)| md[..i].ends_with('\\') || md[i..].starts_with("](j.blueprint.svg)")),
        "every `](` of user text is escaped"
    );
    assert!(!md.contains("![img]"), "no image can form");
    assert!(md.contains(r"\[click\](javascript&#58;alert(2)) \| pipe"));
    // Read as GitHub reads it (GFM with autolinks): no link forms from a name, and the only
    // image is the blueprint cxmap put there.
    let arena = comrak::Arena::new();
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.table = true;
    let root = comrak::parse_document(&arena, &md, &options);
    let mut links = Vec::new();
    let mut images = Vec::new();
    for node in root.descendants() {
        match &node.data.borrow().value {
            comrak::nodes::NodeValue::Link(l) => links.push(l.url.clone()),
            comrak::nodes::NodeValue::Image(i) => images.push(i.url.clone()),
            _ => {}
        }
    }
    assert_eq!(links, Vec::<String>::new(), "no live link in user text");
    assert_eq!(images, vec!["j.blueprint.svg".to_owned()]);
    assert!(md.contains("http&#58;//evil.example/login"));
    // Every table row keeps its column count: a `|` in a name never splits a cell.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace(r"\|", "").matches('|').count();
        assert!(cells >= 3, "{line}");
    }
    let header = md.lines().find(|l| l.starts_with("| Data |")).unwrap();
    let row = md
        .lines()
        .find(|l| l.starts_with("| Data \\| with pipe"))
        .unwrap();
    assert_eq!(
        header.matches('|').count(),
        row.replace(r"\|", "").matches('|').count()
    );
    // The diagram is written beside the report and linked.
    assert!(md.contains("](j.blueprint.svg)"));
    assert!(dir.path().join("out/j.blueprint.svg").exists());
}

#[test]
fn invalid_workspace_writes_no_report() {
    let dir = workspace(&[("ws/j.toml", "[journey]\nid = 1\n")]);
    let run = cxmap_in(
        Some(dir.path()),
        &["report", "ws", "-o", "r.html", "--color", "never"],
    );
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("error: `id` must be a string, not a whole number"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("r.html").exists());
}

#[test]
fn a_report_never_replaces_an_input_file() {
    let dir = workspace(&[("ws/j.toml", "[journey]\nid = \"j\"\n")]);
    let run = cxmap_in(Some(dir.path()), &["report", "ws", "-o", "ws/j.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: `ws/j.toml` is one of the input files"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("ws/j.toml")).unwrap(),
        "[journey]\nid = \"j\"\n"
    );
}

/// Counts agree in number in the summary a VP reads ("1 data silo", not "1 data silos").
#[test]
fn counts_of_one_read_as_one() {
    let out = tempfile::tempdir().unwrap();
    let md = out.path().join("report.md");
    let html = out.path().join("report.html");
    for file in [&md, &html] {
        let format = if file == &md { "markdown" } else { "html" };
        let run = cxmap_in(
            Some(root()),
            &[
                "report",
                "tests/fixtures/diff/before",
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let md = std::fs::read_to_string(&md).unwrap();
    for line in [
        "- **1 data silo**: contract\n",
        "- **1 of 2 journeys ends at the purchase**: Buy a plan\n",
        "- **1 backstage team shapes the experience**: billing\n",
        "- **0 teams touch customers without a CX champion**\n",
    ] {
        assert!(md.contains(line), "{line:?} in\n{md}");
    }
    let html = std::fs::read_to_string(&html).unwrap();
    for label in [
        "class=\"label\">data silo<",
        "class=\"label\">journey ends at the purchase<",
        "class=\"label\">backstage team shapes the experience<",
    ] {
        assert!(html.contains(label), "{label}");
    }
}
