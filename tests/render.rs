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
    // Regression: the blueprints were dropped without a word.
    let out = tempfile::tempdir().unwrap();
    let run = cxmap_in(
        Some(root()),
        &[
            "render",
            "journeys",
            "--engine",
            "graphviz",
            "-o",
            out.path().to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        "note: the Graphviz engine draws journey maps only: blueprints were not drawn (draw them with `--engine builtin`)\n"
    );
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
        assert_eq!(&png.bytes[..4], b"\x89PNG");
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

/// Files a render writes, by name, with their bytes.
fn render_into(dir: &Path, args: &[&str]) -> (common::Output, Vec<(String, Vec<u8>)>) {
    let mut full = vec!["render"];
    full.extend(args);
    let run = cxmap_in(Some(dir), &full);
    let out = dir.join("out");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
        .map(|rd| {
            rd.map(|e| {
                let p = e.unwrap().path();
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect()
        })
        .unwrap_or_default();
    files.sort();
    (run, files)
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    (
        u32::from_be_bytes(png[16..20].try_into().unwrap()),
        u32::from_be_bytes(png[20..24].try_into().unwrap()),
    )
}

#[test]
fn dot_format_says_the_blueprint_has_no_dot_form() {
    let out = tempfile::tempdir().unwrap();
    let run = cxmap_in(
        Some(root()),
        &[
            "render",
            "journeys",
            "--format",
            "dot",
            "-o",
            out.path().to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 0);
    assert!(
        run.stderr
            .starts_with("note: DOT is written for journey maps only"),
        "{}",
        run.stderr
    );
}

#[test]
fn slides_are_numbered_16_9_pages_with_title_legend_and_continued_marker() {
    let (_dir, files) = render_examples(&["--slides"]);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    // Pages of each journey and view are numbered from 1 without gaps.
    for stem in [
        "boiler-cover",
        "ev-tariff",
        "move-home",
        "smart-meter",
        "switch-supplier",
    ] {
        for view in ["map", "blueprint"] {
            let pages = names
                .iter()
                .filter(|n| n.starts_with(&format!("{stem}.{view}.")))
                .count();
            assert!(pages >= 1, "{stem} {view}");
            for n in 1..=pages {
                assert!(names.contains(&format!("{stem}.{view}.{n}.svg").as_str()));
            }
        }
    }
    assert!(
        names.contains(&"switch-supplier.map.2.svg"),
        "the wide map is split"
    );
    for (name, bytes) in &files {
        let svg = String::from_utf8(bytes.clone()).unwrap();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let root_el = doc.root_element();
        assert_eq!(root_el.attribute("width"), Some("1920"), "{name}");
        assert_eq!(root_el.attribute("height"), Some("1080"), "{name}");
        let text = svg_texts(&svg);
        assert!(text.contains("Legend"), "{name}");
        assert!(text.contains(" — "), "{name} has its title");
        let total = names
            .iter()
            .filter(|n| n.rsplitn(3, '.').nth(2) == name.rsplitn(3, '.').nth(2))
            .count();
        let n: usize = name.rsplit('.').nth(1).unwrap().parse().unwrap();
        assert!(
            text.contains(&format!("Page {n} of {total}")),
            "{name}: {text}"
        );
        if n > 1 {
            assert!(
                text.contains(&format!("continued from page {}", n - 1)),
                "{name}"
            );
        }
        if n < total {
            assert!(
                text.contains(&format!("continues on page {}", n + 1)),
                "{name}"
            );
        }
    }
}

/// Card text is at least 14 px on every page, and wide journeys are cut at stage boundaries
/// (each stage of the example fits a page).
#[test]
fn slide_pages_keep_card_text_readable_and_cut_at_stage_boundaries() {
    use cxmap::present::diagram::{card::META_SIZE, pages};
    let loaded = checked(
        &example_files()
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect::<Vec<_>>(),
    );
    let big = big_journey(1000);
    let big = checked(&[("big.toml", &big)]);
    let mut inputs: Vec<DiagramInput> = (0..loaded.workspace.journeys.len())
        .map(|i| input(&loaded, i))
        .collect();
    inputs.push(input(&big, 0));
    for input in &inputs {
        for drawing in [map::drawing(input), blueprint::drawing(input)] {
            let pages = pages::pages(&drawing, &pages::SLIDE);
            // The first page shows where each of its stages starts: none is "continued" (the
            // marker was once drawn over the stage's own name there).
            let first = all_text(&pages[0].items);
            assert!(
                !first.iter().any(|t| t.contains("(continued)")),
                "{}: {first:?}",
                pages[0].title
            );
            for page in &pages {
                assert_eq!((page.width, page.height), (1920.0, 1080.0));
                let Item::Group { scale, .. } = &page.items[0] else {
                    panic!("a page is one scaled group");
                };
                assert!(
                    scale * META_SIZE >= 14.0 - 1e-3,
                    "{}: card text {} px",
                    page.title,
                    scale * META_SIZE
                );
            }
        }
    }
    // The example's pages start at stage boundaries: no stage is wider than a page.
    for i in 0..loaded.workspace.journeys.len() {
        let drawing = map::drawing(&input(&loaded, i));
        let f = &drawing.frame;
        let room = 1920.0 / pages::SLIDE.min_scale();
        for (x0, _) in pages::split(
            f.gutter,
            f.body.right() - 16.0,
            &f.cuts_x,
            room - f.gutter - 28.0,
        )
        .into_iter()
        .skip(1)
        {
            assert!(
                f.cuts_x
                    .iter()
                    .any(|&(x, strong)| strong && (x - x0).abs() < 41.0),
                "{}: a page starts at {x0}, not at a stage boundary",
                drawing.scene.title
            );
        }
    }
}

#[test]
fn split_prefers_stage_boundaries_and_falls_back_to_columns() {
    use cxmap::present::diagram::pages::split;
    let cuts = [
        (100.0, false),
        (200.0, true),
        (300.0, false),
        (400.0, true),
        (700.0, false),
    ];
    // Cut at the last stage boundary that fits.
    assert_eq!(
        split(0.0, 500.0, &cuts, 350.0),
        vec![(0.0, 200.0), (200.0, 500.0)]
    );
    // A stage wider than the room is cut between its columns.
    assert_eq!(
        split(400.0, 900.0, &cuts, 350.0),
        vec![(400.0, 700.0), (700.0, 900.0)]
    );
    // No cut fits: cut at the full room.
    assert_eq!(split(0.0, 90.0, &[], 50.0), vec![(0.0, 50.0), (50.0, 90.0)]);
    assert_eq!(split(0.0, 40.0, &cuts, 50.0), vec![(0.0, 40.0)]);
}

fn example_files() -> Vec<(String, String)> {
    std::fs::read_dir(root().join("journeys"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && p.file_name().is_some_and(|n| n != "cxmap.toml")
        })
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn slide_pngs_are_1920_by_1080_and_reruns_are_byte_identical() {
    let dir = workspace(&[
        (
            "ws/org.toml",
            &std::fs::read_to_string(root().join("journeys/org.toml")).unwrap(),
        ),
        (
            "ws/j.toml",
            &std::fs::read_to_string(root().join("journeys/switch-supplier.toml")).unwrap(),
        ),
    ]);
    let args = [
        "ws", "--slides", "--format", "png", "--view", "map", "-o", "out",
    ];
    let (_, first) = render_into(dir.path(), &args);
    let (_, second) = render_into(dir.path(), &args);
    assert!(first.len() > 1, "the map is split into pages");
    assert!(first == second, "reruns are byte-identical");
    for (name, png) in &first {
        assert!(Path::new(name).extension().is_some_and(|e| e == "png"));
        assert_eq!(png_size(png), (1920, 1080), "{name}");
    }
}

#[allow(clippy::print_stderr)] // a skipped check says so
fn tool(name: &str, arg: &str) -> bool {
    let ok = std::process::Command::new(name).arg(arg).output().is_ok();
    if !ok {
        assert!(
            std::env::var_os("CXMAP_REQUIRE_TOOLS").is_none(),
            "`{name}` is required (CXMAP_REQUIRE_TOOLS is set)"
        );
        eprintln!("skipping a check: `{name}` is not installed");
    }
    ok
}

#[test]
fn pdf_is_one_document_of_slides_per_journey() {
    let (_a, first) = render_examples(&["--format", "pdf"]);
    let (_b, second) = render_examples(&["--format", "pdf"]);
    assert!(first == second, "PDFs are byte-identical on a rerun");
    let names: Vec<&str> = first.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "boiler-cover.pdf",
            "ev-tariff.pdf",
            "move-home.pdf",
            "smart-meter.pdf",
            "switch-supplier.pdf"
        ]
    );
    let (_c, slides) = render_examples(&["--slides"]);
    let dir = tempfile::tempdir().unwrap();
    for (name, pdf) in &first {
        assert!(pdf.starts_with(b"%PDF-"), "{name}");
        let stem = name.trim_end_matches(".pdf");
        let pages = slides
            .iter()
            .filter(|(n, _)| n.starts_with(&format!("{stem}.")))
            .count();
        if tool("pdfinfo", "-v") {
            let path = dir.path().join(name);
            std::fs::write(&path, pdf).unwrap();
            let info = std::process::Command::new("pdfinfo")
                .arg(&path)
                .output()
                .unwrap();
            let info = String::from_utf8_lossy(&info.stdout).into_owned();
            let field = |key: &str| {
                info.lines()
                    .find_map(|l| l.strip_prefix(key))
                    .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            };
            assert_eq!(field("Pages:"), Some(pages.to_string()), "{name}: {info}");
            assert_eq!(
                field("Page size:").as_deref(),
                Some("1440 x 810 pts"),
                "{name}"
            );
        }
    }
}

#[test]
fn a_png_too_large_for_the_scale_is_scaled_down_with_a_note() {
    let dir = workspace(&[("ws/big.toml", &big_journey(300))]);
    let (run, files) = render_into(
        dir.path(),
        &["ws", "--view", "map", "--format", "png", "-o", "out"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with("note: journey `big`, map: ")
            && run.stderr.contains("written at scale"),
        "{}",
        run.stderr
    );
    let (w, h) = png_size(&files[0].1);
    assert!(
        w <= 32_000 && (w as f32) * (h as f32) <= 120_000_000.0,
        "{w} x {h}"
    );
}

#[test]
fn slides_refuse_formats_that_have_no_pages() {
    for format in ["dot", "mermaid"] {
        let run = cxmap_in(
            Some(root()),
            &["render", "--slides", "--format", format, "-o", "/tmp/never"],
        );
        assert_eq!(run.code, 2);
        assert!(
            run.stderr
                .starts_with("error: slides are pages of SVG, PNG or PDF"),
            "{}",
            run.stderr
        );
    }
    let run = cxmap_in(
        Some(root()),
        &[
            "render",
            "--format",
            "pdf",
            "--engine",
            "graphviz",
            "-o",
            "/tmp/never",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: slides, PDF and Mermaid are drawn by cxmap's own engine")
    );
}

const HOSTILE_MERMAID: &str = r#"
[[department]]
id = "ops"
name = "Ops, \"quoted\" & <b>co</b>: %%{init: {'theme':'dark'}}%%"
customer_facing = true
[[department]]
id = "it"
name = "end"
customer_facing = false
[journey]
id = "hostile"
name = "title; section x: 5: Me"
stages = ["section Evil: 1: Me", "Stage #2; `code` | pipe"]
[[touchpoint]]
id = "a"
name = "x\"]; click a call alert(1) %% comment"
stage = "section Evil: 1: Me"
owner = "ops"
supported_by = ["it"]
score = -2
next = [{ to = "b", label = "<b>bold</b> | -->|x| \"q\"" }]
[[touchpoint]]
id = "b"
name = "Title deeds\nline two 🙂 #35; &amp;"
stage = "Stage #2; `code` | pipe"
owner = ["ops", "it"]
score = 2
next = ["c"]
[[touchpoint]]
id = "c"
name = "   "
stage = "Stage #2; `code` | pipe"
backstage = true
owner = "it"
"#;

#[derive(serde::Deserialize, Debug)]
struct Parsed {
    #[serde(rename = "type")]
    kind: Option<String>,
    error: Option<String>,
    nodes: Option<Vec<serde_json::Value>>,
    edges: Option<Vec<serde_json::Value>>,
    subgraphs: Option<Vec<serde_json::Value>>,
    title: Option<String>,
    tasks: Option<Vec<serde_json::Value>>,
}

/// Runs the real Mermaid parser (tests/mermaid, installed by `.ci/run`) on `files`.
#[allow(clippy::print_stderr)] // a skipped test says so
fn mermaid_parse(files: &[std::path::PathBuf]) -> Option<Vec<Parsed>> {
    let script = root().join("tests/mermaid/check.mjs");
    let installed = root().join("tests/mermaid/node_modules/mermaid").exists();
    if !installed || !tool("node", "--version") {
        assert!(
            std::env::var_os("CXMAP_REQUIRE_TOOLS").is_none(),
            "Node and tests/mermaid/node_modules are required (run .ci/run)"
        );
        eprintln!("skipping: the Mermaid parser is not installed (npm ci --prefix tests/mermaid)");
        return None;
    }
    let out = std::process::Command::new("node")
        .arg(script)
        .args(files)
        .output()
        .unwrap();
    let parsed: Vec<Parsed> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    for p in &parsed {
        assert!(p.error.is_none(), "Mermaid refused a file: {p:?}");
    }
    Some(parsed)
}

#[test]
fn mermaid_export_parses_with_the_real_mermaid_parser_and_keeps_names_as_text() {
    // The examples.
    let (dir, files) = render_examples(&["--format", "mermaid"]);
    assert_eq!(files.len(), 10);
    let paths: Vec<_> = files.iter().map(|(n, _)| dir.path().join(n)).collect();
    let Some(parsed) = mermaid_parse(&paths) else {
        return;
    };
    for (p, (name, _)) in parsed.iter().zip(&files) {
        let kind = p.kind.as_deref().unwrap();
        if name.ends_with(".map.mmd") {
            assert_eq!(kind, "journey", "{name}");
        } else {
            assert!(kind.starts_with("flowchart"), "{name}");
        }
    }
    // Hostile names: every one comes back as the text it was, nothing is injected.
    let ws = workspace(&[("ws/h.toml", HOSTILE_MERMAID)]);
    let (run, files) = render_into(ws.path(), &["ws", "--format", "mermaid", "-o", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let paths: Vec<_> = files
        .iter()
        .map(|(n, _)| ws.path().join("out").join(n))
        .collect();
    let parsed = mermaid_parse(&paths).unwrap();
    let flow = &parsed[0];
    let journey = &parsed[1];
    let ops = "Ops, \"quoted\" & <b>co</b>: %%{init: {'theme':'dark'}}%%";
    // Flowchart: three steps and one support chip, two steps and one support line.
    let nodes = flow.nodes.as_ref().unwrap();
    assert_eq!(nodes.len(), 4, "{nodes:?}");
    let text_of = |id: &str| {
        nodes
            .iter()
            .find(|n| n["id"] == id)
            .map(|n| n["text"].as_str().unwrap().to_owned())
    };
    assert_eq!(
        text_of("t0").unwrap(),
        "x\"]; click a call alert(1) %% comment"
    );
    assert_eq!(text_of("t1").unwrap(), "Title deeds line two 🙂 #35; &amp;");
    assert_eq!(text_of("t2").unwrap(), "c", "a blank name is the id");
    let edges = flow.edges.as_ref().unwrap();
    assert_eq!(edges.len(), 3, "{edges:?}");
    assert_eq!(edges[0]["text"], "<b>bold</b> | -->|x| \"q\"");
    let subgraphs = flow.subgraphs.as_ref().unwrap();
    assert!(
        subgraphs
            .iter()
            .any(|g| g["title"] == format!("{ops} · frontstage")),
        "{subgraphs:?}"
    );
    assert!(
        subgraphs.iter().any(|g| g["title"] == "end · support"),
        "{subgraphs:?}"
    );
    // Journey: the two steps the customer sees, scores 1 and 5, owners as actors.
    assert_eq!(journey.title.as_deref(), Some("title; section x: 5: Me"));
    let tasks = journey.tasks.as_ref().unwrap();
    assert_eq!(tasks.len(), 2, "{tasks:?}");
    assert_eq!(tasks[0]["task"], "x\"]; click a call alert(1) %% comment");
    assert_eq!(tasks[0]["section"], "section Evil: 1: Me");
    assert_eq!(tasks[0]["score"], 1);
    assert_eq!(tasks[0]["people"], serde_json::json!([ops]));
    assert_eq!(tasks[1]["task"], "Title deeds line two 🙂 #35; &amp;");
    assert_eq!(tasks[1]["section"], "Stage #2; `code` | pipe");
    assert_eq!(tasks[1]["score"], 5);
    assert_eq!(tasks[1]["people"], serde_json::json!([ops, "end"]));
}

/// Every line of text of some items, groups included.
fn all_text(items: &[Item]) -> Vec<String> {
    let mut out = Vec::new();
    for item in items {
        match item {
            Item::Text { lines, .. } => out.extend(lines.iter().cloned()),
            Item::Group { items, .. } => out.extend(all_text(items)),
            _ => {}
        }
    }
    out
}
