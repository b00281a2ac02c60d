//! The tables as an Excel workbook (`rust_xlsxwriter`), made for people who live in
//! spreadsheets: an instructions sheet first, then one sheet per table with a bold frozen
//! header row, a filter, column widths to read by, a note on every header saying what the
//! column holds, and data validation (dropdowns of department, data and journey ids, stage
//! names from the `lists` sheet, TRUE/FALSE, scores -2..2).
//!
//! Byte-identical for the same input: the document's creation date is fixed and the zip
//! entries carry no clock time. Text cells are always written as text, never as formulas;
//! text that starts like a formula also gets Excel's quote-prefix style, so editing the
//! cell keeps it text.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties,
    ExcelDateTime, Format, FormatBorder, Formula, Note, Workbook, Worksheet, XlsxError,
};

use super::{Header, Table, Value};
use crate::fatal::FatalError;
use crate::load::sheets::columns::Kind;
use crate::present::escape;

/// The longest text an Excel cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The last row validation covers (Excel's last row, 0-based).
const LAST_ROW: u32 = 1_048_575;

/// The instructions sheet's name, and the sheet with the stage names; import ignores both.
pub const INSTRUCTIONS: &str = "instructions";
pub const LISTS: &str = "lists";

fn fail(e: &XlsxError) -> FatalError {
    FatalError::new(format!("cannot write the workbook: {e}"))
}

/// The workbook's bytes. `stages` fill the `lists` sheet (the `stage` dropdown); `template`
/// says whether this is the empty template (which opens on its instructions).
pub fn workbook(
    tables: &[Table],
    stages: &[String],
    template: bool,
) -> Result<Vec<u8>, FatalError> {
    check_lengths(tables)?;
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1).map_err(|e| fail(&e))?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Customer journeys")
            .set_author("cxmap")
            .set_creation_datetime(&created),
    );
    instructions(book.add_worksheet(), template).map_err(|e| fail(&e))?;
    for (i, table) in tables.iter().enumerate() {
        let sheet = book.add_worksheet();
        write_table(sheet, table).map_err(|e| fail(&e))?;
        if i == 0 && !template {
            sheet.set_active(true);
        }
    }
    lists(book.add_worksheet(), stages).map_err(|e| fail(&e))?;
    book.save_to_buffer().map_err(|e| fail(&e))
}

/// Excel cannot hold longer text in a cell: refuse rather than cut a name short.
fn check_lengths(tables: &[Table]) -> Result<(), FatalError> {
    for t in tables {
        for (r, row) in t.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if let Value::Text(s) = v
                    && s.chars().count() > MAX_CELL_CHARS
                {
                    return Err(FatalError::new(format!(
                        "cannot export: sheet {}, row {}, column {} holds {} characters, more than an Excel cell holds ({MAX_CELL_CHARS})",
                        t.spec.name,
                        r + 2,
                        t.headers.get(c).map_or("", |h| h.text.as_str()),
                        s.chars().count()
                    ))
                    .with_help("shorten the text in the TOML, or export as CSV with `--format csv`"));
                }
            }
        }
    }
    Ok(())
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0x00DD_EBF7))
        .set_border_bottom(FormatBorder::Thin)
}

fn write_table(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    sheet.set_name(table.spec.name)?;
    let bold = header_format();
    let guarded = Format::new().set_quote_prefix();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    // Excel shows a boolean cell as TRUE or FALSE whatever its format; LibreOffice shows
    // 1 or 0 unless the format says otherwise.
    let boolean = Format::new().set_num_format("\"TRUE\";\"TRUE\";\"FALSE\"");
    for (c, h) in table.headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, &h.text, &bold)?;
        sheet.set_column_width(col, f64::from(h.width.max(8)))?;
        let note = Note::new(&h.note)
            .set_author("cxmap")
            .add_author_prefix(false)
            .set_width(260)
            .set_height(90);
        sheet.insert_note(0, col, &note)?;
        validate(sheet, table, col, h)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(LAST_ROW);
        for (c, v) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            match v {
                Value::Empty => {}
                Value::Text(s) if escape::looks_like_formula(s) => {
                    sheet.write_string_with_format(r, c, s, &guarded)?;
                }
                Value::Text(s) => {
                    sheet.write_string(r, c, s)?;
                }
                Value::Number(n) => {
                    sheet.write_number(r, c, *n)?;
                }
                Value::Bool(b) => {
                    sheet.write_boolean_with_format(r, c, *b, &boolean)?;
                }
                Value::Date(d) => {
                    let year = u16::try_from(d.year).unwrap_or(1900);
                    match ExcelDateTime::from_ymd(year, d.month, d.day) {
                        Ok(dt) => sheet.write_datetime_with_format(r, c, &dt, &date)?,
                        // Outside Excel's calendar (before 1900): the date as text.
                        Err(_) => sheet.write_string(r, c, d.to_string())?,
                    };
                }
            }
        }
    }
    let last_col = u16::try_from(table.headers.len().max(1) - 1).unwrap_or(0);
    let last_row = u32::try_from(table.rows.len()).unwrap_or(LAST_ROW).max(1);
    sheet.autofilter(0, 0, last_row, last_col)?;
    let frozen_cols = if table.spec.name == "touchpoints" {
        2
    } else {
        1
    };
    sheet.set_freeze_panes(1, frozen_cols)?;
    // Printed (or saved as PDF for a workshop): one page wide, the header on every page.
    sheet
        .set_landscape()
        .set_print_fit_to_pages(1, 0)
        .set_print_gridlines(true)
        .set_repeat_rows(0, 0)?
        .set_footer("&L&A&RPage &P of &N");
    Ok(())
}

/// The ids in column A of `sheet` below its header, as a dropdown that grows with the sheet.
fn ids_of(sheet: &str) -> Formula {
    Formula::new(format!(
        "=OFFSET({sheet}!$A$2,0,0,MAX(1,COUNTA({sheet}!$A:$A)-1),1)"
    ))
}

fn dropdown(list: Formula, title: &str, message: &str) -> Result<DataValidation, XlsxError> {
    // A warning, not a stop: a cell may hold several ids separated by `;`.
    DataValidation::new()
        .allow_list_formula(list)
        .set_error_style(DataValidationErrorStyle::Warning)
        .set_error_title(title)?
        .set_error_message(message)
}

fn validate(sheet: &mut Worksheet, table: &Table, col: u16, h: &Header) -> Result<(), XlsxError> {
    let several = "Not one of the listed ids. Several ids are fine: separate them with ;";
    let v = match (table.spec.name, h.text.as_str(), h.kind) {
        (_, _, Some(Kind::Bool)) => Some(
            DataValidation::new()
                .allow_list_strings(&["TRUE", "FALSE"])?
                .set_error_title("TRUE or FALSE")?
                .set_error_message("Choose TRUE or FALSE, or leave the cell empty for FALSE.")?,
        ),
        (_, _, Some(Kind::Score)) => Some(
            DataValidation::new()
                .allow_whole_number(DataValidationRule::Between(-2, 2))
                .set_input_title("Score")?
                .set_input_message("-2 very bad, -1 bad, 0 neutral, 1 good, 2 very good")?
                .set_error_title("A score from -2 to 2")?
                .set_error_message("Write a whole number from -2 (very bad) to 2 (very good).")?,
        ),
        (_, _, Some(Kind::Count)) => Some(
            DataValidation::new()
                .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(1))
                .set_error_title("How many people")?
                .set_error_message("Write a whole number, at least 1.")?,
        ),
        ("touchpoints", "owner" | "supported_by", _)
        | ("data", "held_by", _)
        | ("journeys", "owner", _) => {
            Some(dropdown(ids_of("departments"), "Department id", several)?)
        }
        ("touchpoints", "uses" | "asks", _) => Some(dropdown(ids_of("data"), "Data id", several)?),
        ("touchpoints" | "insights", "journey", _) => Some(dropdown(
            ids_of("journeys"),
            "Journey id",
            "Not a journey of the journeys sheet.",
        )?),
        ("touchpoints", "stage", _) => Some(dropdown(
            ids_of(LISTS),
            "Stage",
            "Not a stage listed in the lists sheet. It must be one of its journey's stages.",
        )?),
        (_, text, None) if text.starts_with("better:") => Some(
            DataValidation::new()
                .allow_list_strings(&["higher", "lower"])?
                .set_error_title("higher or lower")?
                .set_error_message(
                    "Which way the metric improves: higher (the default) or lower.",
                )?,
        ),
        (_, text, None) if text.starts_with("metric:") || text.starts_with("target:") => Some(
            DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(-1e300, 1e300))
                .set_error_title("A number")?
                .set_error_message(
                    "Write a number such as 81.5 (a point for decimals, no % sign).",
                )?,
        ),
        _ => None,
    };
    if let Some(v) = v {
        sheet.add_data_validation(1, col, LAST_ROW, col, &v)?;
    }
    Ok(())
}

/// One short line per row, so that no row needs a height of its own.
const STEPS: &[&str] = &[
    "How to fill in this workbook",
    "",
    "1. departments: one row per team (or outside partner) that owns or supports a step.",
    "    customer_facing is TRUE when its people deal with customers; external is TRUE for a partner.",
    "2. data: one row per customer data asset, with the departments that hold it (held_by).",
    "3. journeys: one row per journey, with its stages left to right, separated by ;  (Discover; Buy; Use).",
    "4. lists: the stage names, one per row, for the stage dropdown of the touchpoints sheet.",
    "5. touchpoints: one row per step of a journey, in order. owner is a department id.",
    "    next names the steps that can follow: an id, or id: label for a labelled arrow.",
    "6. Measured figures: a column metric:<name> (e.g. metric:csat) holds the values.",
    "    target:<name>, better:<name> (higher or lower) and unit:<name> columns are optional.",
    "7. insights (optional): the research behind a step, one row per source: quote, date, sample size.",
    "",
    "Several ids or items in one cell: separate them with ;  (write \\; for a semicolon inside an item).",
    "Every header has a note saying what the column holds.",
    "Columns headed with # are yours for notes: cxmap ignores them.",
    "",
    "Then, in a terminal:",
    "    cxmap import journeys.xlsx -o journeys/    (one TOML file per journey, plus org.toml)",
    "    cxmap check journeys/    (checks them)",
    "Every problem is reported with its sheet, row and column; nothing is written until there is none.",
];

fn instructions(sheet: &mut Worksheet, template: bool) -> Result<(), XlsxError> {
    sheet.set_name(INSTRUCTIONS)?;
    sheet.set_column_width(0, 110)?;
    let title = Format::new().set_bold().set_font_size(14);
    for (r, line) in STEPS.iter().enumerate() {
        let r = u32::try_from(r).unwrap_or(0);
        if r == 0 {
            sheet.write_string_with_format(r, 0, *line, &title)?;
        } else {
            sheet.write_string(r, 0, *line)?;
        }
    }
    sheet.set_landscape().set_print_fit_to_pages(1, 0);
    if template {
        sheet.set_active(true);
    }
    Ok(())
}

fn lists(sheet: &mut Worksheet, stages: &[String]) -> Result<(), XlsxError> {
    sheet.set_name(LISTS)?;
    sheet.write_string_with_format(0, 0, "stages", &header_format())?;
    sheet.set_column_width(0, 24)?;
    sheet.insert_note(
        0,
        0,
        &Note::new(
            "Stage names, one per row: the dropdown of the touchpoints sheet's stage column.",
        )
        .set_author("cxmap")
        .add_author_prefix(false),
    )?;
    for (r, s) in stages.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(LAST_ROW);
        if escape::looks_like_formula(s) {
            sheet.write_string_with_format(r, 0, s, &Format::new().set_quote_prefix())?;
        } else {
            sheet.write_string(r, 0, s)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}
