//! CSV files as Excel writes them: a byte-order mark, CRLF, quotes, line breaks inside a
//! field, `;` inside a name or between fields.

use super::*;

#[test]
fn csv_edge_cases_from_excel() {
    // A BOM, CRLF line ends, quotes doubled inside a quoted field, a line break inside a
    // name, a `;` inside a quoted name (not a list), and a list with an escaped `;`.
    let touchpoints = "\u{feff}journey,id,name,owner,artifacts,next\r\n\
        buy,look,\"The \"\"best\"\" price; today\",sales,\"Letter\\; leaflet; Price card\",pay: ready\r\n\
        buy,pay,\"Pays\r\nonline\",sales,,\r\n";
    let departments = "\u{feff}id,customer_facing\r\nsales,TRUE\r\n";
    let (dir, out) = import_csv(&[
        ("touchpoints.csv", touchpoints),
        ("departments.csv", departments),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap();
    assert!(
        text.contains("name = 'The \"best\" price; today'\n"),
        "{text}"
    );
    assert!(
        text.contains("name = \"\"\"\nPays\\r\nonline\"\"\"\n"),
        "{text}"
    );
    assert!(
        text.contains("artifacts = [\"Letter; leaflet\", \"Price card\"]\n"),
        "{text}"
    );
    assert!(
        text.contains("next = [{ to = \"pay\", label = \"ready\" }]\n"),
        "{text}"
    );
    let loaded = load(&LoadOptions {
        paths: vec![dir.path().join("out")],
        config: None,
    })
    .unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        loaded.workspace.journeys[0].touchpoints[1].name,
        "Pays\r\nonline"
    );
    assert_eq!(
        loaded.workspace.journeys[0].touchpoints[0].name,
        "The \"best\" price; today"
    );
}

#[test]
fn csv_with_semicolons_between_fields_from_a_european_excel() {
    let touchpoints = "journey;id;name;owner\r\nbuy;look;\"Looks; compares\";sales\r\n";
    let departments = "id;customer_facing\r\nsales;TRUE\r\n";
    let (dir, out) = import_csv(&[
        ("touchpoints.csv", touchpoints),
        ("departments.csv", departments),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap();
    assert!(
        text.contains("name = \"Looks; compares\"\nowner = \"sales\"\n"),
        "{text}"
    );
}

#[test]
fn a_csv_file_named_like_no_sheet_is_reported() {
    let (dir, out) = import_csv(&[("touchpoint.csv", "journey,id\nbuy,look\n")]);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "error: `touchpoint` is not a CSV file cxmap reads\n --> touchpoint.csv, row 1\n  = help: did you mean `touchpoints`?\n\n\
         error: no sheet of a journey workbook was found\n --> touchpoint.csv, row 1\n  = help: cxmap reads the sheets touchpoints, departments, data, journeys, insights, organization; `cxmap export --template -o journeys.xlsx` writes an empty workbook to start from\n\n\
         2 problems in 1 file; nothing was written\n"
    );
    assert!(!dir.path().join("out").exists());
}
