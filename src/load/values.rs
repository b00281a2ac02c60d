//! What serde says about a wrong value, in plain words: every wrong value of a table in one
//! run, each with a message a CX architect understands and a hint.

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use crate::problem::Problem;
use crate::source::{FileId, Span};

/// Reports every wrong value of a table that failed to deserialise: after each error the
/// offending key is set aside and the rest tried again, so one run shows them all. A missing
/// key that was only missing because it was set aside is not reported again.
///
/// Gives back the table without its wrong values when that deserialises, so that the rest of
/// it (an unknown `next`, a misspelt `owner`) is still checked and reported in the same run.
pub fn report_value_errors<'a, T: Deserialize<'a>>(
    file: FileId,
    what: &str,
    span: std::ops::Range<usize>,
    mut table: DeTable<'a>,
    keys: &[(String, std::ops::Range<usize>)],
    first: toml::de::Error,
    problems: &mut Vec<Problem>,
) -> Option<T> {
    let mut error = first;
    let mut set_aside: Vec<&str> = Vec::new();
    loop {
        let range = error.span().unwrap_or_else(|| span.clone());
        let key = keys
            .iter()
            .find(|(_, r)| r.start <= range.start && range.end <= r.end)
            .map(|(k, _)| k.as_str());
        let missing_because_set_aside = error
            .message()
            .strip_prefix("missing field `")
            .is_some_and(|rest| set_aside.contains(&rest.trim().trim_end_matches('`')));
        if !missing_because_set_aside {
            let found = key
                .and_then(|k| table.iter().find(|(name, _)| name.get_ref() == k))
                .and_then(|(_, v)| value_at(v, &range))
                .map(plain_type);
            let (message, help) = explain_serde_error(error.message(), what, key, found);
            let mut p = Problem::new(Span::new(file, range), message);
            p.help = help;
            problems.push(p);
        }
        // Stop unless the error was in a value we can set aside and try without.
        let key = key?;
        if set_aside.contains(&key) {
            return None;
        }
        set_aside.push(key);
        if let Some(k) = table.keys().find(|k| k.get_ref() == key).cloned() {
            table.remove(&k);
        }
        match T::deserialize(ValueDeserializer::from(Spanned::new(
            span.clone(),
            DeValue::Table(table.clone()),
        ))) {
            Ok(rest) => return Some(rest),
            Err(e) => error = e,
        }
    }
}

/// The innermost value whose span is `range` (the value serde complained about).
fn value_at<'v, 'a>(
    value: &'v Spanned<DeValue<'a>>,
    range: &std::ops::Range<usize>,
) -> Option<&'v DeValue<'a>> {
    let span = value.span();
    if span == *range {
        return Some(value.get_ref());
    }
    if !(span.start <= range.start && range.end <= span.end) {
        return None;
    }
    match value.get_ref() {
        DeValue::Array(items) => items.iter().find_map(|v| value_at(v, range)),
        DeValue::Table(t) => t.values().find_map(|v| value_at(v, range)),
        _ => Some(value.get_ref()),
    }
}

/// A TOML value's type as people say it, with its article.
fn plain_type(v: &DeValue) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "`true` or `false`",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// A TOML type name (`toml::Value::type_str`) as people say it, with its article.
pub fn article(type_str: &str) -> &'static str {
    match type_str {
        "string" => "a string",
        "integer" => "a whole number",
        "float" => "a decimal number",
        "boolean" => "`true` or `false`",
        "datetime" => "a date",
        "array" => "an array",
        _ => "a table",
    }
}

/// What serde expects, as people say it.
fn plain_expected(expected: &str) -> &str {
    match expected {
        "i64" | "i32" | "u32" | "u64" | "i8" => "a whole number",
        "f64" | "f32" => "a number",
        "a sequence" => "an array",
        "a map" => "a table",
        "a boolean" => "`true` or `false`",
        "a TOML datetime" => "a date",
        other if other.starts_with("struct ") => "a table",
        other => other,
    }
}

/// Turns serde's wording into a plain message and a hint. `found` is the plain type of the
/// value it complained about, when known.
fn explain_serde_error(
    message: &str,
    what: &str,
    key: Option<&str>,
    found: Option<&str>,
) -> (String, Option<String>) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        let example = match field {
            "customer_facing" => "customer_facing = true",
            "held_by" => "held_by = [\"<department id>\"]",
            "to" => "to = \"<touchpoint id>\"",
            "name" => "name = \"...\"",
            _ => "id = \"...\"",
        };
        return (
            format!("`{what}` is missing the required key `{field}`"),
            Some(format!("add `{example}`")),
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        // "unknown field `lable`, expected `to` or `label`" (a table inside a value).
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let help = crate::suggest::did_you_mean_or(field, candidates.iter().copied(), || {
            let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
            format!("it takes {}", list.join(", "))
        });
        let place = key.map_or_else(String::new, |k| format!(" in `{k}`"));
        return (format!("unknown key `{field}`{place}"), Some(help));
    }
    let invalid = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "));
    if let Some(rest) = invalid {
        let (serde_found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let expected = plain_expected(expected);
        let found = found.unwrap_or_else(|| {
            if serde_found.starts_with("floating") {
                "a decimal number"
            } else if serde_found.starts_with("integer") {
                "a whole number"
            } else if serde_found.starts_with("string") {
                "a string"
            } else if serde_found.starts_with("boolean") {
                "`true` or `false`"
            } else if serde_found.starts_with("sequence") {
                "an array"
            } else {
                "a table"
            }
        });
        let name = key.map_or_else(|| format!("`{what}`"), |k| format!("`{k}`"));
        // A whole number where a whole number belongs: it is out of range.
        let message = if found == expected && expected == "a whole number" {
            format!("{name} is a number too large to use here")
        } else {
            format!("{name} must be {expected}, not {found}")
        };
        let help = match (expected, key) {
            ("`true` or `false`", _) => Some("write `true` or `false`, without quotes".to_owned()),
            ("a string", _) => Some("put the value in \"double quotes\"".to_owned()),
            ("a whole number", _) => Some("write a whole number such as `-1` or `2`".to_owned()),
            ("a date", Some(k)) => Some(format!(
                "write a TOML date such as `{k} = 2026-05-12`, without quotes"
            )),
            ("an array", Some(k)) => Some(format!("write a list in brackets: `{k} = [\"...\"]`")),
            _ => None,
        };
        return (message, help);
    }
    (message.to_owned(), None)
}
