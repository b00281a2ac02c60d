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
            let (message, help) = explain_serde_error(error.message(), what, key);
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

/// Turns serde's wording into a plain message and a hint.
fn explain_serde_error(message: &str, what: &str, key: Option<&str>) -> (String, Option<String>) {
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
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let expected = match expected {
            "i64" => "a whole number",
            "f64" => "a number",
            "a sequence" => "an array",
            "a map" => "a table",
            other => other,
        };
        let found = found.split(' ').next().unwrap_or(found);
        let article = if found.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        let message = match key {
            Some(key) => format!("`{key}` must be {expected}, not {article} {found}"),
            None => format!("expected {expected}, found {article} {found}"),
        };
        let help = match expected {
            "a boolean" => Some("write `true` or `false`, without quotes".to_owned()),
            "a string" => Some("put the value in \"double quotes\"".to_owned()),
            "a whole number" => Some("write a whole number such as `-1` or `2`".to_owned()),
            _ => None,
        };
        return (message, help);
    }
    (message.to_owned(), None)
}
