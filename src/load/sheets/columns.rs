//! The sheets and columns of a journey workbook: their names, what each holds and the note
//! shown on its header. Import reads by these; export and the template write by them, so the
//! two cannot drift apart.

/// What a column holds, which decides how a cell is read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text, taken as written.
    Text,
    /// One id (surrounding spaces dropped).
    Id,
    /// Ids separated by `;`.
    Ids,
    /// Free text items separated by `;`.
    List,
    /// `true` or `false`.
    Bool,
    /// A whole number from -2 to 2.
    Score,
    /// `id` or `id: label` entries separated by `;`.
    Next,
    /// A date, `YYYY-MM-DD`.
    Date,
    /// A whole number, at least 1.
    Count,
}

#[derive(Debug)]
pub struct Column {
    pub key: &'static str,
    pub kind: Kind,
    /// The column cannot be left out of the sheet.
    pub required: bool,
    /// Shown as the header's note in the workbook, and in docs/spreadsheets.md.
    pub note: &'static str,
    /// Width in characters in the exported workbook.
    pub width: u16,
}

const fn col(key: &'static str, kind: Kind, note: &'static str, width: u16) -> Column {
    Column {
        key,
        kind,
        required: false,
        note,
        width,
    }
}

const fn required(key: &'static str, kind: Kind, note: &'static str, width: u16) -> Column {
    Column {
        key,
        kind,
        required: true,
        note,
        width,
    }
}

#[derive(Debug)]
pub struct SheetSpec {
    pub name: &'static str,
    /// One line for the instructions sheet.
    pub about: &'static str,
    pub columns: &'static [Column],
    /// Takes `metric:<name>`, `target:<name>`, `better:<name>` and `unit:<name>` columns.
    pub metrics: bool,
}

impl SheetSpec {
    pub fn column(&self, key: &str) -> Option<&'static Column> {
        self.columns.iter().find(|c| c.key == key)
    }
}

pub const TOUCHPOINTS: SheetSpec = SheetSpec {
    name: "touchpoints",
    about: "one row per touchpoint, in the order of the journey; metric:<name> columns for measured figures",
    metrics: true,
    columns: &[
        required(
            "journey",
            Kind::Id,
            "The id of the journey this touchpoint belongs to (a row of the journeys sheet).",
            18,
        ),
        required(
            "id",
            Kind::Id,
            "Required. Unique within its journey; `next` refers to it.",
            20,
        ),
        col(
            "name",
            Kind::Text,
            "What the customer does or experiences here. Defaults to the id.",
            34,
        ),
        col(
            "stage",
            Kind::Text,
            "One of the journey's stages (journeys sheet).",
            14,
        ),
        col(
            "owner",
            Kind::Ids,
            "The department id that owns this step (departments sheet). Several: separate with ;",
            16,
        ),
        col(
            "channel",
            Kind::List,
            "web, app, phone, email, store, ... Several: separate with ;",
            12,
        ),
        col(
            "backstage",
            Kind::Bool,
            "TRUE when the customer does not see this step. Empty = FALSE.",
            11,
        ),
        col(
            "purchase",
            Kind::Bool,
            "TRUE when the customer buys or commits here. Empty = FALSE.",
            10,
        ),
        col(
            "uses",
            Kind::Ids,
            "Data ids this step needs (data sheet), separated by ;",
            22,
        ),
        col(
            "asks",
            Kind::Ids,
            "Data ids the customer is asked to provide here, separated by ;",
            18,
        ),
        col(
            "supported_by",
            Kind::Ids,
            "Departments whose work this step depends on, separated by ;",
            18,
        ),
        col(
            "artifacts",
            Kind::List,
            "What the customer sees or keeps (a letter, a price card), separated by ;",
            22,
        ),
        col(
            "score",
            Kind::Score,
            "How the customer feels here: a whole number from -2 (very bad) to 2 (very good).",
            8,
        ),
        col(
            "next",
            Kind::Next,
            "The steps that can follow, separated by ;  Each is a touchpoint id, or `id: label` for a labelled arrow.",
            30,
        ),
    ],
};

pub const DEPARTMENTS: SheetSpec = SheetSpec {
    name: "departments",
    about: "one row per department (or external partner) that owns or supports touchpoints",
    metrics: false,
    columns: &[
        required(
            "id",
            Kind::Id,
            "Required. Unique in the workbook; touchpoints and data refer to it.",
            18,
        ),
        col("name", Kind::Text, "Display name. Defaults to the id.", 28),
        required(
            "customer_facing",
            Kind::Bool,
            "Required: TRUE when its people deal with customers.",
            16,
        ),
        col("champion", Kind::Text, "The department's CX champion.", 20),
        col(
            "external",
            Kind::Bool,
            "TRUE for a partner outside the organisation (an installer, a courier). Empty = FALSE.",
            10,
        ),
    ],
};

pub const DATA: SheetSpec = SheetSpec {
    name: "data",
    about: "one row per customer data asset, with the departments that hold it",
    metrics: false,
    columns: &[
        required(
            "id",
            Kind::Id,
            "Required. Unique in the workbook; touchpoints refer to it in uses and asks.",
            20,
        ),
        col("name", Kind::Text, "Display name. Defaults to the id.", 30),
        required(
            "held_by",
            Kind::Ids,
            "Departments that hold or can see it, separated by ; (may be empty).",
            30,
        ),
    ],
};

pub const JOURNEYS: SheetSpec = SheetSpec {
    name: "journeys",
    about: "optional: one row per journey, with its name, persona, owner and stages",
    metrics: false,
    columns: &[
        required(
            "id",
            Kind::Id,
            "Required. Unique in the workbook; also names the journey's TOML file.",
            18,
        ),
        col("name", Kind::Text, "Display name. Defaults to the id.", 30),
        col(
            "persona",
            Kind::Text,
            "Who the customer on this journey is.",
            28,
        ),
        col(
            "owner",
            Kind::Id,
            "The department accountable for the journey end to end.",
            14,
        ),
        col(
            "stages",
            Kind::List,
            "The stages left to right, separated by ;",
            40,
        ),
    ],
};

pub const INSIGHTS: SheetSpec = SheetSpec {
    name: "insights",
    about: "optional: research behind touchpoints, one row per source (interviews, verbatims)",
    metrics: false,
    columns: &[
        required("journey", Kind::Id, "The journey id of the touchpoint.", 18),
        required("touchpoint", Kind::Id, "The touchpoint id.", 20),
        required(
            "source",
            Kind::Text,
            "Required: where it comes from, e.g. Store interviews, May 2026.",
            30,
        ),
        col("quote", Kind::Text, "What a customer said.", 40),
        col("date", Kind::Date, "When, as a date (YYYY-MM-DD).", 12),
        col(
            "sample",
            Kind::Count,
            "How many people the research heard (a whole number, at least 1).",
            8,
        ),
    ],
};

pub const ORGANIZATION: SheetSpec = SheetSpec {
    name: "organization",
    about: "optional: one row with the organisation's name and north star",
    metrics: false,
    columns: &[
        required(
            "name",
            Kind::Text,
            "The organisation's name, shown in reports.",
            28,
        ),
        col(
            "north_star",
            Kind::Text,
            "The customer promise every department works towards.",
            44,
        ),
    ],
};

/// Every sheet cxmap reads, in the order a workbook has them.
pub const SHEETS: [&SheetSpec; 6] = [
    &TOUCHPOINTS,
    &DEPARTMENTS,
    &DATA,
    &JOURNEYS,
    &INSIGHTS,
    &ORGANIZATION,
];

/// The prefixes of a touchpoint's metric columns: `metric:csat`, `target:csat`, ...
pub const METRIC_PREFIXES: [&str; 4] = ["metric:", "target:", "better:", "unit:"];

/// A header as it is matched: lower case, spaces and dashes as underscores, surrounding
/// spaces dropped (`Supported by` is `supported_by`).
pub fn normalise(header: &str) -> String {
    header
        .trim()
        .chars()
        .map(|c| match c {
            ' ' | '-' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// `metric: CSAT` → (`metric:`, `CSAT`): the prefix matched without regard to case, the
/// metric's name as written.
pub fn metric_header(header: &str) -> Option<(&'static str, &str)> {
    let trimmed = header.trim();
    let colon = trimmed.find(':')?;
    let prefix = format!("{}:", normalise(&trimmed[..colon]));
    let prefix = METRIC_PREFIXES.iter().find(|p| **p == prefix)?;
    Some((prefix, trimmed[colon + 1..].trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_loosely() {
        assert_eq!(normalise(" Supported By "), "supported_by");
        assert_eq!(normalise("customer-facing"), "customer_facing");
        assert_eq!(metric_header("Metric: CSAT"), Some(("metric:", "CSAT")));
        assert_eq!(
            metric_header("target:wait_days"),
            Some(("target:", "wait_days"))
        );
        assert_eq!(metric_header("owner"), None);
        assert_eq!(metric_header("size:x"), None);
    }
}
