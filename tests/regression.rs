//! Regression tests for what a fuzz campaign and a round of targeted attacks found (issue 9),
//! each named after the break it pins. The contract: no input makes cxmap panic, hang or
//! write part of its output.

mod common;

use std::path::Path;
use std::process::Command;

use common::{cxmap_in, workspace};
use cxmap::analyse;
use cxmap::load::load_texts;
use cxmap::present::diagram::{DiagramInput, blueprint, map};
use cxmap::present::terminal::Terminal;

/// Waivers are judged on this day.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

fn run(dir: &Path, args: &[&str]) -> common::Output {
    cxmap_in(Some(dir), args)
}

#[test]
fn panic_on_a_bare_carriage_return() {
    for text in ["\r", "a = 1\r"] {
        let dir = workspace(&[("ws/x.toml", text)]);
        let check = run(dir.path(), &["check", "ws", "--color", "never"]);
        assert_eq!(check.code, 1, "{}", check.stderr);
        assert!(
            check
                .stdout
                .contains("carriage return must be followed by newline"),
            "{}",
            check.stdout
        );
        assert!(
            check.stdout.contains(" --> ws/x.toml:1:"),
            "{}",
            check.stdout
        );
        for args in [
            &["render", "ws", "-o", "out"][..],
            &["report", "ws", "-o", "out/r.html"][..],
        ] {
            let out = run(dir.path(), args);
            assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
            assert!(
                out.stderr.ends_with("nothing was written\n"),
                "{}",
                out.stderr
            );
        }
    }
}

#[test]
fn quadratic_text_diagnostics() {
    // 20,000 unknown ids on one line: each diagnostic shows a window of the line, not all of
    // it, so the output grows with the number of problems, not with their square.
    let ids: Vec<String> = (0..20_000).map(|i| format!("\"missing-{i}\"")).collect();
    let text = format!(
        "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"t\"\nnext = [{}]\n",
        ids.join(", ")
    );
    let checked = analyse::check(load_texts(&[("j.toml", &text)]), TODAY);
    assert_eq!(checked.problems.len(), 20_000);
    let out = Terminal::plain().render(&checked);
    assert!(
        out.len() < 20_000 * 600,
        "{} bytes for 20,000 diagnostics",
        out.len()
    );
    // Each one still says where it is, to the column, and shows its id.
    assert!(out.contains(" --> j.toml:5:"));
    assert!(out.contains("\"missing-19999\""));
    let (line, column) = checked
        .workspace
        .sources
        .get(checked.problems[19_999].span.file)
        .line_col(checked.problems[19_999].span.start as usize);
    assert!(
        out.contains(&format!(" --> j.toml:{line}:{column}\n")),
        "{line}:{column}"
    );
}

/// A journey whose steps form one chain of `n` touchpoints.
fn chain(n: usize) -> String {
    let mut text = String::from("[journey]\nid = \"chain\"\n");
    for i in 0..n {
        text.push_str(&format!("[[touchpoint]]\nid = \"t{i}\"\n"));
        if i + 1 < n {
            text.push_str(&format!("next = [\"t{}\"]\n", i + 1));
        }
    }
    text
}

#[test]
fn stack_overflow_on_a_long_chain() {
    // 200,000 steps in one chain, analysed, laid out and reported on a thread with a 1 MiB
    // stack: any traversal that recursed once per step would overflow it many times over.
    let text = chain(200_000);
    let worker = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let checked = analyse::check(load_texts(&[("chain.toml", &text)]), TODAY);
            assert!(checked.problems.is_empty());
            let analysis = checked.analysis.as_ref().unwrap();
            assert_eq!(analysis.facts.graphs[0].entries, vec![0]);
            assert!(analysis.facts.graphs[0].reachable.iter().all(|&r| r));
            let input = DiagramInput::new(&checked.workspace, analysis, 0);
            assert_eq!(map::scene(&input).cards().count(), 200_000);
            assert_eq!(blueprint::scene(&input).cards().count(), 200_000);
            let stems = vec!["chain".to_owned()];
            let report =
                cxmap::present::report::Report::new(&checked.workspace, analysis, None, stems);
            assert!(report.json().contains("\"touchpoints\": 200000"));
        })
        .unwrap();
    worker.join().expect("no stack overflow, no panic");
}

#[cfg(unix)]
#[test]
fn a_fifo_given_on_the_command_line_hangs() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = run(dir.path(), &["check", "x.toml"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: `x.toml` is not a regular file (a pipe, a device or a socket)\n  help: give journey files (`.toml`) or folders of them\n"
    );
    // Inside a folder it is skipped, as before.
    let folder = run(dir.path(), &["check", "."]);
    assert_eq!(folder.code, 0, "{}", folder.stderr);
}

#[cfg(unix)]
#[test]
fn dev_zero_given_directly_is_read_without_limit() {
    let out = run(Path::new("."), &["check", "/dev/zero"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: `/dev/zero` is not a regular file"),
        "{}",
        out.stderr
    );
}

#[test]
fn half_written_outputs_when_one_target_is_a_folder() {
    let org = std::fs::read_to_string("journeys/org.toml").unwrap();
    let journey = std::fs::read_to_string("journeys/move-home.toml").unwrap();
    let dir = workspace(&[("ws/org.toml", &org), ("ws/move-home.toml", &journey)]);
    std::fs::create_dir_all(dir.path().join("out/move-home.map.svg")).unwrap();
    let out = run(dir.path(), &["render", "ws", "-o", "out"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("a folder of that name is in the way"),
        "{}",
        out.stderr
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["move-home.map.svg"], "nothing else was written");

    // The Markdown report writes its blueprints beside it: all of them and the page, or none.
    std::fs::create_dir_all(dir.path().join("md/move-home.blueprint.svg")).unwrap();
    let out = run(
        dir.path(),
        &["report", "ws", "--format", "markdown", "-o", "md/r.md"],
    );
    assert_eq!(out.code, 2);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("md"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["move-home.blueprint.svg"]);
}

#[test]
fn a_type_error_hides_the_other_problems_of_its_table() {
    let text = "[journey]\nid = \"j\"\n[[touchpoint]]\nid = \"checkout\"\n[[touchpoint]]\nid = \"t\"\nscore = \"1\"\nnext = [\"chekout\"]\n";
    let checked = analyse::check(load_texts(&[("j.toml", text)]), TODAY);
    let messages: Vec<&str> = checked
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`score` must be a whole number, not a string",
            "`next` names an unknown touchpoint `chekout`"
        ]
    );
    assert_eq!(
        checked.problems[1].help.as_deref(),
        Some("did you mean `checkout`?")
    );
}

#[cfg(unix)]
#[test]
fn broken_links_in_a_folder_are_skipped_silently() {
    for (name, target) in [
        ("dangling.toml", "nowhere.toml"),
        ("loop.toml", "loop.toml"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("ws")).unwrap();
        std::os::unix::fs::symlink(target, dir.path().join("ws").join(name)).unwrap();
        let out = run(dir.path(), &["check", "ws"]);
        assert_eq!(out.code, 2, "{name}");
        assert!(
            out.stderr
                .starts_with(&format!("error: `ws/{name}` is a broken link")),
            "{}",
            out.stderr
        );
    }
}

#[test]
fn a_deep_dotted_header_is_reported_at_1_1() {
    let header = vec!["a"; 120].join(".");
    let text = format!("[journey]\nid = \"j\"\n\n[{header}]\nx = 1\n");
    let checked = analyse::check(load_texts(&[("deep.toml", &text)]), TODAY);
    assert_eq!(checked.problems.len(), 1);
    let p = &checked.problems[0];
    let loc = checked.workspace.sources.locate(&p.span);
    assert_eq!((loc.line, loc.column), (4, 1));
    assert_eq!(p.message, "values are nested more than 32 levels deep");
}

#[test]
fn messages_in_the_parsers_words() {
    let text = "[journey]\nid = \"j\"\nname = 2026-05-12\n[[touchpoint]]\nid = \"a\"\nscore = 99999999999999999999999\n[[touchpoint]]\nid = \"b\"\nscore = 2.5\n";
    let checked = analyse::check(load_texts(&[("j.toml", text)]), TODAY);
    let messages: Vec<&str> = checked
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "`name` must be a string, not a date",
            "`score` is a number too large to use here",
            "`score` must be a whole number, not a decimal number",
        ]
    );
}

/// A scored journey of `n` touchpoints in one chain, owned in turn by three departments,
/// across three stages.
fn scored_chain(n: usize) -> String {
    let mut text = String::new();
    for d in ["sales", "care", "billing"] {
        text.push_str(&format!(
            "[[department]]\nid = \"{d}\"\ncustomer_facing = true\nchampion = \"Ana\"\n"
        ));
    }
    text.push_str("[journey]\nid = \"long\"\nstages = [\"Join\", \"Use\", \"Leave\"]\n");
    let stages = ["Join", "Use", "Leave"];
    for i in 0..n {
        text.push_str(&format!(
            "[[touchpoint]]\nid = \"t{i}\"\nowner = \"{}\"\nstage = \"{}\"\nscore = {}\n",
            ["sales", "care", "billing"][i % 3],
            stages[i * 3 / n],
            [-2, -1, 0, 1, 2][i % 5]
        ));
        if i + 1 < n {
            text.push_str(&format!("next = [\"t{}\"]\n", i + 1));
        }
    }
    text
}

#[test]
fn the_html_report_is_quadratic_in_the_size_of_one_journey() {
    use cxmap::present::diagram::{pages, svg};
    // Each printed page (and slide) of a long journey carries what it shows, not the whole
    // journey: before, every page held the whole emotion curve and looked at every item of
    // the drawing, so the report of one journey grew with the square of its size. The
    // largest page of a 960-touchpoint journey is no larger than that of a 60-touchpoint one.
    let largest_page = |n: usize| {
        let text = scored_chain(n);
        let checked = analyse::check(load_texts(&[("long.toml", &text)]), TODAY);
        assert!(checked.problems.is_empty(), "{:?}", checked.problems);
        let analysis = checked.analysis.as_ref().unwrap();
        let drawing = blueprint::drawing(&DiagramInput::new(&checked.workspace, analysis, 0));
        let all = pages::pages(&drawing, &pages::SLIDE);
        (
            all.len(),
            all.iter().map(|p| svg::write(p).len()).max().unwrap(),
        )
    };
    let (few, small) = largest_page(60);
    let (many, large) = largest_page(960);
    assert!(
        many >= 8 * few,
        "{few} pages for 60 touchpoints, {many} for 960"
    );
    assert!(
        large * 10 < small * 12,
        "largest page: {small} bytes for 60 touchpoints, {large} for 960"
    );

    // A blueprint that would take more than PRINT_PAGES_MAX printed pages is left out of the
    // print, with a note, instead of thousands of pages.
    let text = scored_chain(960);
    let checked = analyse::check(load_texts(&[("long.toml", &text)]), TODAY);
    let analysis = checked.analysis.as_ref().unwrap();
    let html = cxmap::present::report::Report::new(
        &checked.workspace,
        analysis,
        None,
        vec!["long".to_owned()],
    )
    .html();
    assert!(
        html.contains("printed pages at a readable size, so it is left out of the print."),
        "no note"
    );
    assert!(!html.contains("<div class=\"page\">"));
}

#[test]
fn a_large_file_cut_into_pieces_accepted_what_the_whole_file_refuses() {
    // A file over 128 KB is parsed in pieces cut before `[[touchpoint]]` (load/pieces.rs).
    // An empty `touchpoint` array written before the first header cannot be extended by
    // those headers: parsed whole, the file is invalid, and so it must stay.
    let valid = chain(5_000);
    assert!(valid.len() > 128 * 1024);
    let checked = analyse::check(load_texts(&[("chain.toml", &valid)]), TODAY);
    assert!(checked.problems.is_empty());
    assert_eq!(checked.workspace.touchpoint_count(), 5_000);

    let invalid = format!("touchpoint = []\n{valid}");
    let checked = analyse::check(load_texts(&[("chain.toml", &invalid)]), TODAY);
    assert!(
        checked
            .problems
            .iter()
            .any(|p| p.message.contains("duplicate key")),
        "{:?}",
        checked.problems.first()
    );
    assert!(checked.analysis.is_none());
}

#[test]
fn a_large_file_nesting_deep_where_the_guard_does_not_look_is_reported_not_a_crash() {
    // A quote inside a bare word (`x"`) is part of the word for the TOML lexer, but the
    // nesting guard takes it for the start of a string and misses the brackets after it. The
    // piece reader must not recurse into them (found by a reviewer): the file is reported as
    // not valid TOML, as it would be parsed whole.
    let text = format!("{}x\" = {}\n", chain(5_000), "[".repeat(300_000));
    let checked = analyse::check(load_texts(&[("chain.toml", &text)]), TODAY);
    assert!(
        checked
            .problems
            .iter()
            .any(|p| p.message.starts_with("not valid TOML")),
        "{:?}",
        checked.problems.first()
    );
    assert!(checked.analysis.is_none());
}
