//! One cell read as the value its column holds: text, an id, a list, a boolean, a score, a
//! number, a date. Each conversion gives the value or a plain message (with a hint) for the
//! problem; empty cells are no value.
//!
//! Lists are separated by `;`. A backslash keeps the next `;`, `:` or `\` as text
//! (`Letter\; leaflet` is one item), so any text survives export and import; any other
//! backslash is an ordinary character. Items lose their surrounding spaces, and empty items
//! are dropped (a trailing `;` is harmless).

use super::read::Cell;
use crate::model::Date;

/// Why a cell cannot be read: the message and a hint.
#[derive(Debug, PartialEq)]
pub struct Wrong {
    pub message: String,
    pub help: Option<String>,
}

impl Wrong {
    fn new(message: impl Into<String>, help: Option<&str>) -> Wrong {
        Wrong {
            message: message.into(),
            help: help.map(str::to_owned),
        }
    }
}

pub type Read<T> = Result<Option<T>, Wrong>;

/// A number as a person writes it: `12`, `81.5`.
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

fn shown(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// Free text as written; an empty (or all-space) cell is no value.
pub fn text(cell: &Cell) -> Read<String> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(t) if t.trim().is_empty() => Ok(None),
        Cell::Text(t) => Ok(Some(t.clone())),
        Cell::Number(n) => Ok(Some(number_text(*n))),
        Cell::Bool(b) => Ok(Some(b.to_string())),
        Cell::Date(d) => Ok(Some(d.to_string())),
        Cell::Error(e) => Err(Wrong::new(
            format!("the cell holds the spreadsheet error `{e}`"),
            Some("write a value, or leave the cell empty"),
        )),
    }
}

/// An id: text without surrounding spaces.
pub fn id(cell: &Cell) -> Read<String> {
    Ok(text(cell)?.map(|t| t.trim().to_owned()))
}

/// `true` / `false` (also `yes` / `no`, any case; Excel's TRUE and FALSE).
pub fn boolean(cell: &Cell) -> Read<bool> {
    let wrong = |found: &str| {
        Wrong::new(
            format!("expected TRUE or FALSE, found `{}`", shown(found)),
            Some("write TRUE or FALSE, or leave the cell empty for FALSE"),
        )
    };
    match cell {
        Cell::Bool(b) => Ok(Some(*b)),
        Cell::Number(n) if n.to_bits() == 1f64.to_bits() => Ok(Some(true)),
        Cell::Number(n) if n.abs().to_bits() == 0f64.to_bits() => Ok(Some(false)),
        Cell::Text(t) => match t.trim().to_ascii_lowercase().as_str() {
            "" => Ok(None),
            "true" | "yes" => Ok(Some(true)),
            "false" | "no" => Ok(Some(false)),
            _ => Err(wrong(t)),
        },
        other => match text(other)? {
            Some(t) => Err(wrong(&t)),
            None => Ok(None),
        },
    }
}

/// A number; a decimal comma or a percent sign gets a hint.
pub fn number(cell: &Cell) -> Read<f64> {
    let parsed = match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            t.parse::<f64>().ok().filter(|_| {
                t.bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
            })
        }
        other => match text(other)? {
            Some(_) => None,
            None => return Ok(None),
        },
    };
    match parsed {
        Some(n) if n.is_finite() => Ok(Some(n)),
        _ => {
            let found = text(cell)?.unwrap_or_default();
            let help = if found.contains(',') {
                "write the decimal mark as a point: 81.5"
            } else if found.contains('%') {
                "write the number without the % sign: 81.5"
            } else {
                "write a number such as 81.5, or leave the cell empty"
            };
            Err(Wrong::new(
                format!("expected a number, found `{}`", shown(found.trim())),
                Some(help),
            ))
        }
    }
}

/// A whole number (`3`, `3.0`, `-1`).
fn whole(cell: &Cell, expected: &str, help: &str) -> Read<i64> {
    let wrong = |found: String| {
        Wrong::new(
            format!("expected {expected}, found `{}`", shown(found.trim())),
            Some(help),
        )
    };
    let Ok(n) = number(cell) else {
        return Err(wrong(text(cell)?.unwrap_or_default()));
    };
    match n {
        None => Ok(None),
        #[allow(clippy::cast_possible_truncation)] // checked to be whole and small
        Some(n) if n.fract() == 0.0 && n.abs() < 1e15 => Ok(Some(n as i64)),
        Some(n) => Err(wrong(number_text(n))),
    }
}

/// A score: a whole number from -2 to 2.
pub fn score(cell: &Cell) -> Read<i64> {
    const HELP: &str = "write a whole number from -2 (very bad) to 2 (very good)";
    match whole(cell, "a whole number from -2 to 2", HELP)? {
        Some(s) if !(-2..=2).contains(&s) => Err(Wrong::new(
            format!("score {s} is outside -2..2"),
            Some(HELP),
        )),
        s => Ok(s),
    }
}

/// A count of people: a whole number, at least 1.
pub fn count(cell: &Cell) -> Read<i64> {
    const HELP: &str = "write how many people the research heard, e.g. 18";
    match whole(cell, "a whole number", HELP)? {
        Some(n) if n < 1 => Err(Wrong::new(
            format!("the sample is {n}; it must be at least 1"),
            Some(HELP),
        )),
        n => Ok(n),
    }
}

/// A date: a date cell, or text `YYYY-MM-DD`.
pub fn date(cell: &Cell) -> Read<Date> {
    match cell {
        Cell::Date(d) if d.is_valid() => Ok(Some(*d)),
        other => match text(other)? {
            None => Ok(None),
            Some(t) => Date::parse(t.trim()).map(Some).ok_or_else(|| {
                Wrong::new(
                    format!("expected a date, found `{}`", shown(t.trim())),
                    Some("write the date as YYYY-MM-DD, e.g. 2026-05-12"),
                )
            }),
        },
    }
}

/// `;`-separated items (see the module's note on backslashes).
pub fn list(cell: &Cell) -> Read<Vec<String>> {
    Ok(text(cell)?.map(|t| {
        split(&t, ';')
            .into_iter()
            .map(|item| unescape(item.trim()))
            .filter(|item| !item.is_empty())
            .collect()
    }))
}

/// `next` entries: `id` or `id: label`, separated by `;`.
pub fn next(cell: &Cell) -> Read<Vec<(String, Option<String>)>> {
    let Some(t) = text(cell)? else {
        return Ok(None);
    };
    let mut out = Vec::new();
    for item in split(&t, ';') {
        let mut parts = split(item, ':').into_iter();
        let to = unescape(parts.next().unwrap_or("").trim());
        let rest: Vec<&str> = parts.collect();
        let label = unescape(rest.join(":").trim());
        if to.is_empty() && label.is_empty() {
            continue;
        }
        if to.is_empty() {
            return Err(Wrong::new(
                format!(
                    "`{}` names no touchpoint before its `:`",
                    shown(item.trim())
                ),
                Some("write `id` or `id: label`, e.g. `sign-contract: ready to buy`"),
            ));
        }
        out.push((to, (!label.is_empty()).then_some(label)));
    }
    Ok(Some(out))
}

/// `text` cut at every `sep` that no backslash keeps; the pieces still carry their escapes.
fn split(text: &str, sep: char) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            pieces.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// `\;`, `\:` and `\\` become `;`, `:` and `\`; any other backslash stays.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&n) = chars.peek()
            && matches!(n, ';' | ':' | '\\')
        {
            out.push(n);
            chars.next();
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    #[test]
    fn lists_split_on_semicolons_a_backslash_keeps() {
        assert_eq!(
            list(&t(" web; app ;;")).unwrap(),
            Some(vec!["web".to_owned(), "app".to_owned()])
        );
        assert_eq!(
            list(&t(r"Letter\; leaflet;C:\docs\\")).unwrap(),
            Some(vec!["Letter; leaflet".to_owned(), r"C:\docs\".to_owned()])
        );
        assert_eq!(
            next(&t("a; b: not ready: yet; c\\:d")).unwrap(),
            Some(vec![
                ("a".to_owned(), None),
                ("b".to_owned(), Some("not ready: yet".to_owned())),
                ("c:d".to_owned(), None),
            ])
        );
        assert!(next(&t(": lost")).is_err());
    }

    #[test]
    fn values_read_as_people_write_them() {
        assert_eq!(boolean(&t("TRUE")).unwrap(), Some(true));
        assert_eq!(boolean(&t(" no ")).unwrap(), Some(false));
        assert!(boolean(&t("maybe")).is_err());
        assert_eq!(score(&Cell::Number(-2.0)).unwrap(), Some(-2));
        assert_eq!(score(&t("+1")).unwrap(), Some(1));
        assert!(score(&t("3")).is_err());
        assert!(score(&t("1.5")).is_err());
        assert_eq!(number(&t("81.5")).unwrap(), Some(81.5));
        let wrong = number(&t("81,5")).unwrap_err();
        assert_eq!(
            wrong.help.as_deref(),
            Some("write the decimal mark as a point: 81.5")
        );
        assert!(number(&t("nan")).is_err());
        assert_eq!(
            date(&t("2026-05-12")).unwrap(),
            Some(Date::new(2026, 5, 12))
        );
        assert!(date(&t("12/05/2026")).is_err());
        assert_eq!(text(&Cell::Number(12.0)).unwrap(), Some("12".to_owned()));
    }
}
