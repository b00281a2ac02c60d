//! `cxmap render`: snapshots of the example diagrams, every SVG parsed as XML, every DOT laid
//! out by the real Graphviz, PNG decoded, hostile names kept as plain text, geometry (no two
//! cards overlap, every line of text fits its box), safe file names, byte-identical reruns.

#[path = "../benches/common/mod.rs"]
mod bench_common;
mod common;
#[path = "render/generated.rs"]
mod generated;
#[path = "render/geometry.rs"]
mod geometry;

use std::path::Path;

use common::{cxmap_in, workspace};
use cxmap::analyse::{self, Checked};
use cxmap::load::load_texts;

/// A valid workspace from in-memory files, checked.
fn checked(files: &[(&str, &str)]) -> Checked {
    let checked = analyse::check(load_texts(files), TODAY);
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
    checked
}

/// Journey `j` of a checked workspace, ready to draw.
fn input(c: &Checked, j: usize) -> DiagramInput<'_> {
    DiagramInput::new(&c.workspace, c.analysis.as_ref().unwrap(), j)
}
use cxmap::present::diagram::{DiagramInput, blueprint, dot, map, scene::Item};

/// Waivers are judged on this day in every test and benchmark.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

#[allow(clippy::print_stderr)] // a skipped test says so
fn dot_available() -> bool {
    let ok = std::process::Command::new("dot").arg("-V").output().is_ok();
    if !ok {
        assert!(
            std::env::var_os("CXMAP_REQUIRE_TOOLS").is_none(),
            "Graphviz `dot` is required (CXMAP_REQUIRE_TOOLS is set)"
        );
        eprintln!("skipping: Graphviz `dot` is not installed");
    }
    ok
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn render_examples(args: &[&str]) -> (tempfile::TempDir, Vec<(String, Vec<u8>)>) {
    let out = tempfile::tempdir().unwrap();
    let mut full = vec!["render", "journeys", "-o"];
    let dir = out.path().to_str().unwrap().to_owned();
    full.push(&dir);
    full.extend(args);
    let run = cxmap_in(Some(root()), &full);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    (out, files)
}

#[test]
fn example_svgs_snapshot_and_parse_as_xml() {
    let (_dir, files) = render_examples(&[]);
    assert_eq!(files.len(), 10);
    for (name, bytes) in &files {
        let svg = String::from_utf8(bytes.clone()).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{name}: {e}"));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert!(root.attribute("viewBox").is_some());
        assert!(doc.descendants().any(|n| n.tag_name().name() == "title"));
        assert!(doc.descendants().any(|n| n.tag_name().name() == "desc"));
        assert!(!doc.descendants().any(|n| n.tag_name().name() == "script"));
        assert!(!svg.contains("href"), "{name} has an external reference");
        insta::assert_snapshot!(name.clone(), svg);
    }
}

#[test]
fn example_dot_snapshots_lay_out_in_graphviz() {
    let (_dir, files) = render_examples(&["--format", "dot"]);
    assert_eq!(files.len(), 5);
    for (name, bytes) in &files {
        let text = String::from_utf8(bytes.clone()).unwrap();
        graphviz_rust::parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        insta::assert_snapshot!(name.clone(), text);
        if dot_available() {
            let svg = dot::run_dot(&text, "svg", std::time::Duration::from_secs(60)).unwrap();
            assert!(String::from_utf8(svg).unwrap().contains("<svg"));
        }
    }
}

#[test]
fn graphviz_engine_writes_svg() {
    if !dot_available() {
        return;
    }
    let (_dir, files) = render_examples(&["--engine", "graphviz"]);
    assert_eq!(files.len(), 5);
    assert!(files.iter().all(|(n, _)| n.ends_with(".map.svg")));
    let svg = String::from_utf8(files[0].1.clone()).unwrap();
    roxmltree::Document::parse(&svg).unwrap();
}

#[test]
fn png_output_decodes_at_the_requested_scale() {
    let (_dir, files) = render_examples(&["--format", "png", "--view", "map", "--scale", "1"]);
    let (_dir2, svgs) = render_examples(&["--view", "map"]);
    assert_eq!(files.len(), 5);
    for ((name, png), (_, svg)) in files.iter().zip(&svgs) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{name}");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        let svg = String::from_utf8(svg.clone()).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let w: f32 = doc
            .root_element()
            .attribute("width")
            .unwrap()
            .parse()
            .unwrap();
        let h: f32 = doc
            .root_element()
            .attribute("height")
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(
            (width, height),
            (w.ceil() as u32, h.ceil() as u32),
            "{name}"
        );
    }
}

#[test]
fn reruns_are_byte_identical() {
    let (_a, first) = render_examples(&[]);
    let (_b, second) = render_examples(&[]);
    assert_eq!(first, second);
}

const HOSTILE: &str = r#"
[[department]]
id = "ops"
name = "Ops <script>alert(1)</script> & co"
customer_facing = false

[journey]
id = "hostile"
name = "x\"]; evil [label=\""
persona = "</title><script>alert(2)</script>"
stages = ["\\N stage", "عربى \u202e stage"]

[[touchpoint]]
id = "a"
name = "x\"]; evil [label=\"pwned\"]; \"y"
stage = "\\N stage"
owner = "ops"
channel = "\\G \\L \\N"
score = -2
next = [{ to = "b", label = "<b>bold</b> & \\N" }]

[[touchpoint]]
id = "b"
name = "Line one\nline two 🙂 &amp; \u200f\u202eevil"
stage = "عربى \u202e stage"
purchase = true
"#;

fn hostile_input() -> Checked {
    checked(&[("hostile.toml", HOSTILE)])
}

#[test]
fn hostile_names_stay_plain_text_in_dot() {
    let loaded = hostile_input();
    let input = input(&loaded, 0);
    let text = dot::map(&input);
    let graph = graphviz_rust::parse(&text).expect("DOT parses");
    let graphviz_rust::dot_structures::Graph::DiGraph { stmts, .. } = graph else {
        panic!()
    };
    let nodes = stmts
        .iter()
        .filter(|s| matches!(s, graphviz_rust::dot_structures::Stmt::Node(_)))
        .count();
    let edges = stmts
        .iter()
        .filter(|s| matches!(s, graphviz_rust::dot_structures::Stmt::Edge(_)))
        .count();
    assert_eq!((nodes, edges), (2, 1), "no node or edge was injected");
    assert!(text.contains(r#"x\"]; evil [label=\"pwned\"]; \"y"#));
    assert!(text.contains(r"\\N stage"), "backslashes are doubled");
    assert!(text.contains(r"\\G \\L \\N"));
    assert!(
        text.contains("&amp;amp;"),
        "entities are not decoded by Graphviz"
    );
    if dot_available() {
        let svg = String::from_utf8(
            dot::run_dot(&text, "svg", std::time::Duration::from_secs(60)).unwrap(),
        )
        .unwrap();
        let svg = dot::without_doctype(&svg);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let texts: Vec<&str> = doc.descendants().filter_map(|n| n.text()).collect();
        let all = texts.join("\n");
        assert!(all.contains(r#"x"]; evil [label="pwned"]; "y"#), "{all}");
        assert!(all.contains(r"\G \L \N"), "{all}");
        assert!(
            all.contains("&amp;"),
            "the literal text `&amp;` survives: {all}"
        );
        assert!(!doc.descendants().any(|n| n.tag_name().name() == "script"));
    }
}

fn svg_texts(svg: &str) -> String {
    let doc = roxmltree::Document::parse(svg).expect("SVG parses as XML");
    assert!(!doc.descendants().any(|n| n.tag_name().name() == "script"));
    assert!(!doc.descendants().any(|n| n.tag_name().name() == "b"));
    doc.descendants()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn hostile_names_stay_plain_text_in_svg_and_png() {
    let loaded = hostile_input();
    let input = input(&loaded, 0);
    for scene in [map::scene(&input), blueprint::scene(&input)] {
        let svg = cxmap::present::diagram::svg::write(&scene);
        let texts = svg_texts(&svg);
        assert!(
            texts.contains("</title><script>alert(2)</script>"),
            "{texts}"
        );
        assert!(texts.contains("&amp;"), "{texts}");
        assert!(texts.contains("🙂"));
        assert!(texts.contains("\\N stage"));
        let png = cxmap::present::diagram::png::render(&svg, 1.0).expect("PNG renders");
        assert_eq!(&png[..4], b"\x89PNG");
    }
}

/// Every geometry promise (see `geometry`) holds for the scene.
fn assert_geometry(scene: &cxmap::present::diagram::scene::Scene, what: &str) {
    geometry::assert_sound(scene, what);
}

/// Regression: a loop leaving the last column ran off the right edge of the canvas.
#[test]
fn loops_from_the_last_column_stay_on_the_canvas() {
    let text = common::fixture("render/loops-without-stages.toml");
    let loaded = checked(&[("loops.toml", &text)]);
    let input = input(&loaded, 0);
    assert_geometry(&map::scene(&input), "loops map");
    assert_geometry(&blueprint::scene(&input), "loops blueprint");
}

#[test]
fn geometry_of_every_example_diagram() {
    let root = root().join("journeys");
    let files: Vec<(String, String)> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let loaded = checked(&refs);
    for (i, j) in loaded.workspace.journeys.iter().enumerate() {
        let input = input(&loaded, i);
        assert_geometry(&map::scene(&input), &format!("{} map", j.id));
        assert_geometry(&blueprint::scene(&input), &format!("{} blueprint", j.id));
    }
    let hostile = hostile_input();
    let input = input(&hostile, 0);
    assert_geometry(&map::scene(&input), "hostile map");
    assert_geometry(&blueprint::scene(&input), "hostile blueprint");
}

/// A generated journey of `n` touchpoints with branches and loops, in one file.
fn big_journey(n: usize) -> String {
    let mut s = String::from(
        "[[department]]\nid = \"a\"\ncustomer_facing = true\n[[department]]\nid = \"b\"\ncustomer_facing = false\n[journey]\nid = \"big\"\nstages = [\"One\", \"Two\", \"Three\"]\n",
    );
    for i in 0..n {
        let stage = ["One", "Two", "Three"][i * 3 / n];
        let mut next = Vec::new();
        if i + 1 < n {
            next.push(format!("\"t{}\"", i + 1));
        }
        if i % 7 == 0 && i + 4 < n {
            next.push(format!("{{ to = \"t{}\", label = \"skip\" }}", i + 4));
        }
        if i % 11 == 10 {
            next.push(format!("{{ to = \"t{}\", label = \"retry\" }}", i - 5));
        }
        s += &format!(
            "[[touchpoint]]\nid = \"t{i}\"\nname = \"Step {i}\"\nstage = \"{stage}\"\nowner = \"{}\"\nbackstage = {}\nnext = [{}]\n",
            if i % 3 == 0 { "b" } else { "a" },
            i % 4 == 0,
            next.join(", ")
        );
    }
    s
}

#[test]
fn graphviz_lays_out_a_thousand_touchpoint_journey_without_errors() {
    if !dot_available() {
        return;
    }
    let text = big_journey(1000);
    let loaded = checked(&[("big.toml", &text)]);
    let input = input(&loaded, 0);
    let source = dot::map(&input);
    let out = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(source.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.to_lowercase().contains("error"), "{stderr}");
    let svg = String::from_utf8(out.stdout).unwrap();
    let edges = svg.matches("class=\"edge\"").count();
    let expected: usize = loaded.workspace.journeys[0]
        .touchpoints
        .iter()
        .map(|t| t.next.len())
        .sum();
    assert_eq!(edges, expected, "dot drew every edge");
    // The builtin layout of the same journey keeps its geometry promises too.
    assert_geometry(&map::scene(&input), "big map");
    assert_geometry(&blueprint::scene(&input), "big blueprint");
}

#[test]
fn journey_ids_never_escape_the_output_folder() {
    let dir = workspace(&[(
        "ws/j.toml",
        "[journey]\nid = \"../../etc/passwd\"\n[[touchpoint]]\nid = \"t\"\nowner = []\npurchase = true\n",
    )]);
    let run = cxmap_in(Some(dir.path()), &["render", "ws", "-o", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut names: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(
        names,
        vec!["etc-passwd.blueprint.svg", "etc-passwd.map.svg"]
    );
}

#[test]
fn ids_that_collide_as_file_names_are_refused_and_nothing_is_written() {
    let dir = workspace(&[
        ("ws/a.toml", "[journey]\nid = \"Onboarding\"\n"),
        ("ws/b.toml", "[journey]\nid = \"onboarding\"\n"),
    ]);
    let run = cxmap_in(Some(dir.path()), &["render", "ws", "-o", "out"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: journeys `Onboarding` and `onboarding` would be written to the same file name `onboarding`\n  help: give the journeys ids that differ in more than letter case and punctuation\n"
    );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn invalid_workspace_renders_nothing() {
    let dir = workspace(&[("ws/a.toml", "[journey]\nid = \"j\"\nownr = 1\n")]);
    let run = cxmap_in(
        Some(dir.path()),
        &["render", "ws", "-o", "out", "--color", "never"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("unknown key `ownr` in `[journey]`"));
    assert!(run.stderr.ends_with("nothing was written\n"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn blueprint_has_no_dot_form() {
    let run = cxmap_in(
        Some(root()),
        &[
            "render",
            "--view",
            "blueprint",
            "--format",
            "dot",
            "-o",
            "/tmp/never",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: the blueprint is drawn by cxmap itself and has no DOT form")
    );
}

#[test]
fn graphviz_engine_says_clearly_when_dot_is_missing() {
    let dir = workspace(&[(
        "ws/j.toml",
        "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\n",
    )]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cxmap"))
        .args(["render", "ws", "--engine", "graphviz", "-o", "out"])
        .current_dir(dir.path())
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: journey `j`: Graphviz `dot` was not found on PATH\n  help: install Graphviz (e.g. `apt-get install graphviz`), or use `--engine builtin`\n"
    );
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

#[test]
fn graphviz_engine_stops_dot_at_its_time_limit() {
    if !dot_available() {
        return;
    }
    let dir = workspace(&[("ws/big.toml", &big_journey(3000))]);
    let run = cxmap_in(
        Some(dir.path()),
        &[
            "render",
            "ws",
            "--engine",
            "graphviz",
            "--dot-timeout",
            "0",
            "-o",
            "out",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: journey `big`: Graphviz `dot` did not finish within 0 s\n"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("out").exists());
}

/// Regression: arrowheads of a forward step and a loop into one card merged into one, and a
/// self-loop was a tiny solid arc half behind its card while the legend said loops are dashed.
#[test]
fn ports_keep_arrowheads_apart_and_self_loops_are_dashed_arcs_outside_their_card() {
    let text = common::fixture("render/loops-without-stages.toml");
    let loaded = checked(&[("loops.toml", &text)]);
    let input = input(&loaded, 0);
    for scene in [map::scene(&input), blueprint::scene(&input)] {
        let wrong = geometry::problems(&scene);
        assert!(wrong.is_empty(), "{wrong:#?}");
        // The self-loop of `diagnose` is there, dashed, and links its card to itself.
        let loops = scene
            .items
            .iter()
            .filter(|i| matches!(i, Item::Path { links: Some((a, b)), .. } if a == b))
            .count();
        assert_eq!(loops, 1);
    }
}

/// The benchmark journeys (100 and 1,000 touchpoints, branches and loops, every touchpoint
/// supported by another department) keep every geometry promise in both views.
#[test]
fn geometry_of_the_benchmark_journeys() {
    for n in [100usize, 1_000] {
        let files = bench_common::workspace(n, 1);
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let loaded = checked(&refs);
        let input = input(&loaded, 0);
        assert_geometry(&map::scene(&input), &format!("bench {n} map"));
        assert_geometry(&blueprint::scene(&input), &format!("bench {n} blueprint"));
    }
}

/// Three hundred generated journeys of every shape: departments (some external, some only
/// supporting), stages or none, steps with no owner or several, backstage steps, evidence,
/// loops, self-loops, long and hostile labels, many steps into one card.
#[test]
fn geometry_of_generated_journeys() {
    for seed in 0..300u64 {
        let text = generated::journey(seed);
        let loaded = checked(&[("gen.toml", &text)]);
        let input = input(&loaded, 0);
        let what = format!("generated journey {seed}");
        let map = map::scene(&input);
        let blueprint = blueprint::scene(&input);
        for (scene, view) in [(map, "map"), (blueprint, "blueprint")] {
            let wrong = geometry::problems(&scene);
            assert!(
                wrong.is_empty(),
                "{what} {view}: {}\n{text}",
                wrong
                    .iter()
                    .take(12)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
    }
}

/// The geometry checks see what they are meant to refuse.
#[test]
fn the_geometry_check_catches_collisions() {
    use cxmap::present::diagram::scene::{Anchor, Canvas, Dash, Rect, Role, Scene};
    let mut c = Canvas::default();
    c.rect(
        Rect::new(10.0, 10.0, 100.0, 50.0),
        0.0,
        "#fff",
        None,
        0.0,
        false,
        Role::Card(0),
    );
    c.rect(
        Rect::new(90.0, 40.0, 100.0, 50.0),
        0.0,
        "#fff",
        None,
        0.0,
        false,
        Role::Card(1),
    );
    c.rect(
        Rect::new(300.0, 10.0, 100.0, 50.0),
        0.0,
        "#fff",
        None,
        0.0,
        false,
        Role::Card(2),
    );
    // Text spilling out of card 0, over card 1.
    c.push_text(
        80.0,
        66.0,
        vec!["spills".into()],
        12.0,
        false,
        "#000",
        Anchor::Start,
        60.0,
        Some(0),
    );
    // A line through card 2 that links 0 and 1, and two arrowheads in one point.
    c.connector("M200,35 L420,35".into(), ("#000", 1.0, Dash::Solid), (0, 1));
    c.connector("M250,80 L260,90".into(), ("#000", 1.0, Dash::Solid), (0, 1));
    c.connector("M270,80 L260,90".into(), ("#000", 1.0, Dash::Solid), (1, 0));
    // A solid self-loop half inside its card.
    c.connector(
        "M320,30 C320,0 380,0 380,30".into(),
        ("#000", 1.0, Dash::Solid),
        (2, 2),
    );
    let scene = Scene {
        width: 500.0,
        height: 200.0,
        id_prefix: "t".into(),
        title: String::new(),
        description: String::new(),
        items: c.items,
    };
    let wrong = geometry::problems(&scene).join("\n");
    for what in [
        "cards overlap",
        "spills out of its card",
        "overlaps a card",
        "passes through card 2",
        "arrowheads meet",
        "self-loop is not dashed",
        "passes through card 2 Rect { x: 300.0, y: 10.0",
    ] {
        assert!(wrong.contains(what), "missed `{what}` in:\n{wrong}");
    }
}
