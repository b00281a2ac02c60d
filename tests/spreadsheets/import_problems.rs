//! Import problems at file, sheet, row and column, all in one run, nothing written; what
//! each sheet brings (insights, partners, the organisation, stages from the touchpoints).

use super::*;

const DEPARTMENTS: &str =
    "id,name,customer_facing,champion\nsales,Sales,TRUE,Priya\nbilling,Billing,FALSE,\n";
const DATA: &str = "id,name,held_by\nprofile,Customer profile,sales; billing\n";

#[test]
fn import_problems_point_at_sheet_row_and_column_all_in_one_run() {
    let touchpoints = "journey,id,name,owner,backstage,score,Nxt,uses\n\
        buy,browse,Browses,sales,,1,,profile\n\
        buy,order,Orders,salse,maybe,3,,profle\n\
        buy,browse,Again,sales,,,,\n";
    let (dir, out) = import_csv(&[
        ("departments.csv", DEPARTMENTS),
        ("data.csv", DATA),
        ("touchpoints.csv", touchpoints),
    ]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert_eq!(
        out.stderr,
        "error: unknown column `Nxt`\n --> touchpoints.csv, row 1, column G (Nxt)\n  = help: did you mean `next`?\n\n\
         error: `owner` names an unknown department `salse`\n --> touchpoints.csv, row 3, column D (owner)\n  = help: did you mean `sales`?\n\n\
         error: expected TRUE or FALSE, found `maybe`\n --> touchpoints.csv, row 3, column E (backstage)\n  = help: write TRUE or FALSE, or leave the cell empty for FALSE\n\n\
         error: score 3 is outside -2..2\n --> touchpoints.csv, row 3, column F (score)\n  = help: write a whole number from -2 (very bad) to 2 (very good)\n\n\
         error: `uses` names unknown data `profle`\n --> touchpoints.csv, row 3, column H (uses)\n  = help: did you mean `profile`?\n\n\
         error: touchpoint `browse` is already in row 2\n --> touchpoints.csv, row 4, column B (id)\n  = help: ids are unique: rename one of them, or merge the two rows\n\n\
         6 problems in 1 file; nothing was written\n"
    );
    assert!(!dir.path().join("out").exists(), "nothing is written");
}

/// A workbook made in the test, as a researcher would fill one in.
fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (u32::try_from(r).unwrap(), u16::try_from(c).unwrap());
                if let Ok(n) = cell.parse::<f64>() {
                    sheet.write_number(r, c, n).unwrap();
                } else if *cell == "TRUE" || *cell == "FALSE" {
                    sheet.write_boolean(r, c, *cell == "TRUE").unwrap();
                } else if !cell.is_empty() {
                    sheet.write_string(r, c, *cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn workbook_problems_name_the_sheet() {
    let bytes = workbook(&[
        ("instructions", &[&["anything at all"]]),
        ("Journeys", &[&["id", "stages"], &["buy", "Look; Pay"]]),
        (
            "departments",
            &[
                &["id", "Customer Facing"],
                &["sales", "TRUE"],
                &["care", ""],
            ],
        ),
        (
            "touchpoints",
            &[
                &[
                    "journey",
                    "id",
                    "owner",
                    "stage",
                    "next",
                    "metric:csat",
                    "target:csat",
                    "better:csat",
                ],
                &[
                    "buy",
                    "look",
                    "sales",
                    "Look",
                    "pay: ready",
                    "80",
                    "85",
                    "higher",
                ],
                &["buy", "pay", "sales", "Pya", "look", "", "90", ""],
                &["bye", "leave", "sales", "", "", "", "", ""],
                &["buy", "back", "sales", "Pay", "nowhere", "70", "", "down"],
            ],
        ),
        ("Insight", &[&["journey", "touchpoint", "source"]]),
    ]);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("journeys.xlsx"), bytes).unwrap();
    let out = cxmap_in(
        Some(dir.path()),
        &["import", "journeys.xlsx", "-o", "out", "--color", "never"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "error: `Insight` is not a sheet cxmap reads\n --> journeys.xlsx, sheet Insight, row 1\n  = help: did you mean `insights`?\n\n\
         error: `customer_facing` is empty\n --> journeys.xlsx, sheet departments, row 3, column B (Customer Facing)\n  = help: write TRUE when its people deal with customers, else FALSE\n\n\
         error: `stage` names an unknown stage `Pya`\n --> journeys.xlsx, sheet touchpoints, row 3, column D (stage)\n  = help: did you mean `Pay`?\n\n\
         error: metric `csat` has a target, direction or unit but no value\n --> journeys.xlsx, sheet touchpoints, row 3, column F (metric:csat)\n  = help: write the measured value in `metric:csat`, or clear the row's other `csat` cells\n\n\
         error: unknown journey `bye`\n --> journeys.xlsx, sheet touchpoints, row 4, column A (journey)\n  = help: known journeys: `buy`\n\n\
         error: `next` names an unknown touchpoint `nowhere`\n --> journeys.xlsx, sheet touchpoints, row 5, column E (next)\n  = help: known touchpoints: `back`, `look`, `pay`\n\n\
         error: expected `higher` or `lower`, found `down`\n --> journeys.xlsx, sheet touchpoints, row 5, column H (better:csat)\n  = help: write which way the metric improves: higher (the default) or lower\n\n\
         7 problems in 1 file; nothing was written\n"
    );
    let json = cxmap_in(
        Some(dir.path()),
        &["import", "journeys.xlsx", "-o", "out", "--format", "json"],
    );
    assert_eq!(json.code, 1);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["errors"][2]["sheet"], "touchpoints");
    assert_eq!(v["errors"][2]["row"], 3);
    assert_eq!(v["errors"][2]["column"], "D");
    assert_eq!(v["errors"][2]["header"], "stage");
    assert_eq!(v["written"], serde_json::json!([]));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn import_cannot_run_without_its_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = cxmap_in(Some(dir.path()), &["import", "missing.xlsx", "-o", "out"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (2, "error: `missing.xlsx` does not exist\n")
    );
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let out = cxmap_in(Some(dir.path()), &["import", "notes.txt", "-o", "out"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .starts_with("error: cannot read `notes.txt`: not a spreadsheet cxmap reads\n"),
        "{}",
        out.stderr
    );
    // A file that claims to be a workbook and is not: invalid input.
    std::fs::write(dir.path().join("broken.xlsx"), "PK\u{3}\u{4} not really").unwrap();
    let out = cxmap_in(
        Some(dir.path()),
        &["import", "broken.xlsx", "-o", "out", "--color", "never"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .starts_with("error: not a workbook cxmap can read"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains(" --> broken.xlsx\n"));
    assert!(!dir.path().join("out").exists());
}

#[test]
fn an_unfilled_template_has_nothing_to_import() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_eq!(
        cxmap_in(Some(d), &["export", "--template", "-o", "t.xlsx"]).code,
        0
    );
    let out = cxmap_in(
        Some(d),
        &["import", "t.xlsx", "-o", "out", "--color", "never"],
    );
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "error: nothing to import: the sheets have no rows below their headers\n --> t.xlsx, sheet touchpoints, row 1\n  = help: fill in the departments, data, journeys and touchpoints sheets, one row each\n\n1 problem in 1 file; nothing was written\n"
    );
    // The template's CSV form has the same headers, and reads back the same way.
    assert_eq!(
        cxmap_in(
            Some(d),
            &["export", "--template", "--format", "csv", "-o", "csv"]
        )
        .code,
        0
    );
    let header = std::fs::read_to_string(d.join("csv/touchpoints.csv")).unwrap();
    assert_eq!(
        header,
        "\u{feff}journey,id,name,stage,owner,channel,backstage,purchase,uses,asks,supported_by,artifacts,score,next\r\n"
    );
    let out = cxmap_in(Some(d), &["import", "csv", "-o", "out", "--color", "never"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with("error: nothing to import"),
        "{}",
        out.stderr
    );
}

#[test]
fn without_a_journeys_sheet_stages_come_from_the_touchpoints() {
    let touchpoints = "Journey,ID,Stage,Owner,# our notes,Metric: CSAT,Target: CSAT,Better: CSAT,Unit: CSAT\n\
        buy,look,Look,sales,ask Ann,,,,\n\
        buy,pay,Pay,sales,,71.5,80,Higher,%\n\
        buy,confirm,Look,sales,,,,,\n";
    let (dir, out) = import_csv(&[
        ("touchpoints.csv", touchpoints),
        ("departments.csv", "id,customer_facing\nsales,yes\n"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap(),
        "#:schema ./cxmap.schema.json\n# Imported from touchpoints.csv, departments.csv with `cxmap import`.\n\n\
         [journey]\nid = \"buy\"\nstages = [\"Look\", \"Pay\"]\n\n\
         [[touchpoint]]\nid = \"look\"\nstage = \"Look\"\nowner = \"sales\"\n\n\
         [[touchpoint]]\nid = \"pay\"\nstage = \"Pay\"\nowner = \"sales\"\nmetrics = { CSAT = { value = 71.5, target = 80, unit = \"%\" } }\n\n\
         [[touchpoint]]\nid = \"confirm\"\nstage = \"Look\"\nowner = \"sales\"\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/org.toml")).unwrap(),
        "#:schema ./cxmap.schema.json\n# Imported from touchpoints.csv, departments.csv with `cxmap import`.\n\n[[department]]\nid = \"sales\"\ncustomer_facing = true\n"
    );
}

#[test]
fn insights_partners_and_the_organisation_import_from_their_sheets() {
    let files = [
        (
            "sheets/touchpoints.csv",
            "journey,id,name,owner,metric:wait_days,target:wait_days,better:wait_days,unit:wait_days,metric:nps\nbuy,visit,Visits a store,sales,9,5,lower,days,12\n",
        ),
        (
            "sheets/departments.csv",
            "id,customer_facing,champion,external\nsales,TRUE,Priya,\nfitters,TRUE,,TRUE\n",
        ),
        (
            "sheets/insights.csv",
            "journey,touchpoint,source,quote,date,sample\nbuy,visit,\"Store interviews, May 2026\",They asked for my ID twice,2026-05-12,18\nbuy,visit,NPS verbatims Q3,,,\nbuy,vist,Desk research,,,\n",
        ),
        (
            "sheets/organization.csv",
            "name,north_star\nNorthwind,Never twice\n",
        ),
    ];
    let dir = workspace(&files);
    let out = cxmap_in(
        Some(dir.path()),
        &["import", "sheets", "-o", "out", "--color", "never"],
    );
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stderr,
        "error: journey `buy` has no touchpoint `vist`\n --> sheets/insights.csv, row 4, column B (touchpoint)\n  = help: did you mean `visit`?\n\n1 problem in 1 file; nothing was written\n"
    );
    std::fs::write(
        dir.path().join("sheets/insights.csv"),
        files[2].1.replace("buy,vist,Desk research,,,\n", ""),
    )
    .unwrap();
    let out = cxmap_in(Some(dir.path()), &["import", "sheets", "-o", "out"]);
    assert_eq!(
        out.stdout,
        "wrote 3 files to `out`: 1 journey, 1 touchpoint, 2 departments, 0 data assets\nnext: `cxmap check out`\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/buy.toml")).unwrap(),
        "#:schema ./cxmap.schema.json\n# Imported from departments.csv, insights.csv, organization.csv, touchpoints.csv with `cxmap import`.\n\n\
         [journey]\nid = \"buy\"\n\n\
         [[touchpoint]]\nid = \"visit\"\nname = \"Visits a store\"\nowner = \"sales\"\n\
         insights = [\n  { source = \"Store interviews, May 2026\", quote = \"They asked for my ID twice\", date = 2026-05-12, sample = 18 },\n  { source = \"NPS verbatims Q3\" },\n]\n\
         metrics = { wait_days = { value = 9, target = 5, better = \"lower\", unit = \"days\" }, nps = 12 }\n"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out/org.toml")).unwrap(),
        "#:schema ./cxmap.schema.json\n# Imported from departments.csv, insights.csv, organization.csv, touchpoints.csv with `cxmap import`.\n\n\
         [organization]\nname = \"Northwind\"\nnorth_star = \"Never twice\"\n\n\
         [[department]]\nid = \"sales\"\ncustomer_facing = true\nchampion = \"Priya\"\n\n\
         [[department]]\nid = \"fitters\"\ncustomer_facing = true\nexternal = true\n"
    );
}

#[test]
fn the_docs_describe_every_sheet_and_column() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/spreadsheets.md"))
            .unwrap();
    for spec in cxmap::load::sheets::columns::SHEETS {
        assert!(
            doc.contains(&format!("**{}**", spec.name)),
            "docs/spreadsheets.md does not describe the {} sheet",
            spec.name
        );
        for c in spec.columns {
            assert!(
                doc.contains(&format!("| `{}` |", c.key)),
                "docs/spreadsheets.md does not describe the column `{}` of {}",
                c.key,
                spec.name
            );
        }
    }
}
