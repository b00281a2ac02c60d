//! Export then import gives the same model and findings: the bundled journeys through a
//! workbook, CSV files and the command line; imported files read as a person writes them;
//! exports are byte-identical on a rerun.

use super::*;

#[test]
fn journeys_round_trip_through_xlsx_and_csv() {
    let original = journeys();
    assert!(original.problems.is_empty());
    for csv in [false, true] {
        let files = round_trip(&original.workspace, csv).unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.0.as_str()).collect();
        assert_eq!(
            names,
            [
                "org.toml",
                "boiler-cover.toml",
                "ev-tariff.toml",
                "move-home.toml",
                "smart-meter.toml",
                "switch-supplier.toml"
            ]
        );
        assert_same(&original, &files);
    }
}

#[test]
fn journeys_round_trip_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let xlsx = d.join("j.xlsx");
    let out = cxmap_in(
        Some(root),
        &["export", "journeys", "-o", xlsx.to_str().unwrap()],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let back = d.join("back");
    let out = cxmap_in(Some(d), &["import", "j.xlsx", "-o", "back"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "wrote 7 files to `back`: 5 journeys, 38 touchpoints, 13 departments, 7 data assets\nnext: `cxmap check back`\n"
    );
    let mut written: Vec<String> = std::fs::read_dir(&back)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "boiler-cover.toml",
            "cxmap.schema.json",
            "ev-tariff.toml",
            "move-home.toml",
            "org.toml",
            "smart-meter.toml",
            "switch-supplier.toml"
        ]
    );
    // The team keeps its `cxmap.toml` beside the imported journeys.
    std::fs::write(back.join("cxmap.toml"), super::team_config()).unwrap();
    let loaded = load(&LoadOptions {
        paths: vec![back.clone()],
        config: None,
    })
    .unwrap();
    let again = analyse::check(loaded, TODAY);
    let original = journeys();
    assert_eq!(describe(&original.workspace), describe(&again.workspace));
    assert_eq!(findings(&original), findings(&again));
    // The check's own output reads the same, file names and all, apart from the lines.
    let a = cxmap_in(Some(root), &["check", "journeys", "--color", "never"]);
    let b = cxmap_in(Some(d), &["check", "back", "--color", "never"]);
    assert_eq!(a.code, b.code);
    assert_eq!(a.stdout.lines().last(), b.stdout.lines().last());
    // A second import never overwrites: exit 2, nothing changed.
    let before = std::fs::read(back.join("org.toml")).unwrap();
    let out = cxmap_in(Some(d), &["import", "j.xlsx", "-o", "back"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: not overwriting `back/org.toml`"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(back.join("org.toml")).unwrap(), before);
}

#[test]
fn imported_files_read_as_a_person_would_write_them() {
    let files = round_trip(&journeys().workspace, false).unwrap();
    let org = &files[0].1;
    assert!(org.starts_with("#:schema ./cxmap.schema.json\n# Imported from journeys.xlsx with `cxmap import`.\n\n[organization]\nname = \"Brightline Energy\"\nnorth_star = \"Customers never have to chase us\"\n\n[[department]]\nid = \"sales\"\nname = \"Sales & Acquisition\"\ncustomer_facing = true\nchampion = \"Priya Shah\"\n\n[[department]]\n"), "{org}");
    assert!(org.contains("\n[[data]]\nid = \"consent-preferences\"\nname = \"Marketing consent and contact preferences\"\nheld_by = []\n"));
    let switch = &files
        .iter()
        .find(|f| f.0 == "switch-supplier.toml")
        .unwrap()
        .1;
    assert!(switch.contains("\n[[touchpoint]]\nid = \"credit-check\"\nname = \"Credit check\"\nstage = \"Sign up\"\nowner = \"compliance\"\nbackstage = true\nuses = [\"credit-score\"]\nnext = [\"welcome-pack\", { to = \"deposit-request\", label = \"low score\" }]\n"), "{switch}");
    assert!(!switch.contains("= \"\"") && !switch.contains("= []") && !switch.contains("false"));
}

#[test]
fn exports_are_byte_identical_on_a_rerun() {
    let ws = journeys().workspace;
    let tables = export::tables(&ws);
    let stages = export::stage_names(&ws);
    let a = export::xlsx::workbook(&tables, &stages, false).unwrap();
    let b = export::xlsx::workbook(&export::tables(&ws), &stages, false).unwrap();
    assert_eq!(a, b);
    let t1 = export::xlsx::workbook(&export::template(), &[], true).unwrap();
    let t2 = export::xlsx::workbook(&export::template(), &[], true).unwrap();
    assert_eq!(t1, t2);
    assert_eq!(
        export::csv::files(&tables),
        export::csv::files(&export::tables(&ws))
    );
}
