//! The invariants of ARCHITECTURE.md that code can check, read from the source itself:
//! imports run one way (leaf modules ← model ← load ← analyse ← present ← cli), every module
//! opens with a `//!` paragraph, no source file grows past the size one reads in a sitting,
//! and no rule's name appears as a string outside its own file (code names rules by their
//! statics, so renaming a rule cannot silently break priorities or diagrams).

use std::path::{Path, PathBuf};

use cxmap::analyse::rules::RULES;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file with its path relative to `src/` and its text without comments.
fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(src())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&p).unwrap();
            let text = without_rule_docs(&text);
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            (rel, code)
        })
        .collect()
}

/// A rule file without its documentation (whose TOML examples name rules, as users write them).
fn without_rule_docs(text: &str) -> String {
    match (text.find("const DOC: &str = r#\""), text.find("\"#;")) {
        (Some(start), Some(end)) if start < end => format!("{}{}", &text[..start], &text[end..]),
        _ => text.to_owned(),
    }
}

/// The top-level module a file belongs to: `load/parse.rs` → `load`, `model.rs` → `model`.
fn layer(rel: &str) -> &str {
    let first = rel.split('/').next().unwrap();
    first.strip_suffix(".rs").unwrap_or(first)
}

/// The top-level modules a layer may use besides itself.
fn allowed(layer: &str) -> &'static [&'static str] {
    const LEAVES: [&str; 5] = ["source", "problem", "fatal", "suggest", "parallel"];
    match layer {
        "source" | "fatal" | "suggest" | "parallel" | "lib" | "main" => &[],
        "problem" | "model" => &["source"],
        "load" => &["source", "problem", "fatal", "suggest", "parallel", "model"],
        "analyse" => &[
            "source", "problem", "fatal", "suggest", "parallel", "model", "load",
        ],
        "present" => &[
            "source", "problem", "fatal", "suggest", "parallel", "model", "load", "analyse",
        ],
        "cli" => &[
            "source", "problem", "fatal", "suggest", "parallel", "model", "load", "analyse",
            "present",
        ],
        other => {
            assert!(LEAVES.contains(&other), "unknown module {other}");
            &[]
        }
    }
}

/// The top-level modules a file names through `crate::`.
fn crate_uses(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    // `use crate::{a, b}` names several.
    for (i, _) in code.match_indices("crate::{") {
        let rest = &code[i + "crate::{".len()..];
        let inner = &rest[..rest.find('}').unwrap_or(0)];
        out.extend(
            inner
                .split(',')
                .map(|s| s.trim().split("::").next().unwrap_or("").to_owned())
                .filter(|s| !s.is_empty()),
        );
    }
    out
}

#[test]
fn imports_run_one_way() {
    let mut wrong = Vec::new();
    for (rel, code) in sources() {
        let own = layer(&rel);
        for used in crate_uses(&code) {
            if used != own && !allowed(own).contains(&used.as_str()) {
                wrong.push(format!("{rel} uses crate::{used}"));
            }
        }
        // `super::` may not climb out of the file's own top-level module.
        let depth = rel.matches('/').count();
        let climb = if rel.ends_with("mod.rs") {
            depth.saturating_sub(1)
        } else {
            depth
        };
        let too_far = format!("{}super::", "super::".repeat(climb));
        if climb > 0 && code.contains(&too_far) {
            wrong.push(format!("{rel} climbs out of `{own}` with super::"));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the flow:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_check_catches_a_wrong_import() {
    // The checker itself must see what it is meant to refuse.
    assert_eq!(crate_uses("use crate::present::x;"), ["present"]);
    assert!(crate_uses("use crate::{model, load::Loaded};").contains(&"load".to_owned()));
    assert!(!allowed("model").contains(&"load"));
    assert!(!allowed("analyse").contains(&"present"));
    assert!(!allowed("load").contains(&"analyse"));
}

#[test]
fn no_rule_name_is_written_outside_its_rule() {
    let mut wrong = Vec::new();
    for (rel, code) in sources() {
        for rule in RULES {
            let own = format!("analyse/rules/{}.rs", rule.name.replace('-', "_"));
            if rel != own && code.contains(&format!("\"{}\"", rule.name)) {
                wrong.push(format!("{rel} writes \"{}\"", rule.name));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "use the rule's static instead:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn every_module_says_what_it_owns() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} does not open with a `//!` paragraph",
            path.display()
        );
    }
}

#[test]
fn no_source_file_is_too_long_to_read_in_a_sitting() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let long: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let n = std::fs::read_to_string(p).unwrap().lines().count();
            (n > 450).then(|| format!("{}: {n} lines", p.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these along their seams:\n{}",
        long.join("\n")
    );
}
