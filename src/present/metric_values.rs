//! Metric values written into journey files in place (`cxmap metrics`), with `toml_edit`:
//! only the numbers change; comments, blank lines, key order and the layout of every other
//! line stay byte for byte. A metric written as a number gets the new number; one written as
//! a table gets a new `value` (its `target`, `better` and `unit` are left alone). A metric
//! the touchpoint does not have yet is added at the end of its `metrics`.
//!
//! A file with CRLF line ends throughout keeps them, and a byte-order mark stays. The new
//! number keeps the old one's kind: `csat = 78.0` becomes `csat = 80.0`, not
//! `csat = 80`.

use toml_edit::{DocumentMut, Item, Value};

/// One value to write into a file: the touchpoint's id, the metric and the number.
#[derive(Debug, Clone)]
pub struct Edit<'a> {
    pub touchpoint: &'a str,
    pub metric: &'a str,
    pub value: f64,
}

/// The file's text with the edits made; `Err` with a message when the file's text does not
/// hold the touchpoint (it changed on disk since it was checked).
pub fn apply(text: &str, edits: &[Edit]) -> Result<String, String> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    // toml_edit writes `\n` line ends; a file written with CRLF throughout keeps them.
    let crlf = body.contains("\r\n") && body.matches('\n').count() == body.matches("\r\n").count();
    let body = if crlf {
        body.replace("\r\n", "\n")
    } else {
        body.to_owned()
    };
    let mut doc: DocumentMut = body
        .parse()
        .map_err(|e| format!("the file is no longer valid TOML: {e}"))?;
    for edit in edits {
        let tables = doc
            .get_mut("touchpoint")
            .and_then(Item::as_array_of_tables_mut)
            .ok_or_else(|| format!("the file has no touchpoint `{}`", edit.touchpoint))?;
        let table = tables
            .iter_mut()
            .find(|t| t.get("id").and_then(Item::as_str) == Some(edit.touchpoint))
            .ok_or_else(|| format!("the file has no touchpoint `{}`", edit.touchpoint))?;
        if !table.contains_key("metrics") {
            // In the format's key order, `metrics` comes just before `next`.
            let next = table.remove_entry("next");
            table.insert(
                "metrics",
                Item::Value(Value::InlineTable(toml_edit::InlineTable::new())),
            );
            if let Some((key, item)) = next {
                table.insert_formatted(&key, item);
            }
        }
        let metrics = table
            .get_mut("metrics")
            .and_then(Item::as_table_like_mut)
            .ok_or_else(|| {
                format!(
                    "`metrics` of touchpoint `{}` is not a table",
                    edit.touchpoint
                )
            })?;
        match metrics.get_mut(edit.metric) {
            Some(item) => set(item, edit.value)?,
            None => {
                metrics.insert(edit.metric, Item::Value(number(edit.value, false)));
            }
        }
    }
    let out = doc.to_string();
    let out = if crlf { out.replace('\n', "\r\n") } else { out };
    Ok(format!("{bom}{out}"))
}

/// Writes the value into a metric's item: the number itself, or its table's `value`.
fn set(item: &mut Item, value: f64) -> Result<(), String> {
    if let Some(table) = item.as_table_like_mut() {
        return match table.get_mut("value") {
            Some(inner) => set(inner, value),
            None => {
                table.insert("value", Item::Value(number(value, false)));
                Ok(())
            }
        };
    }
    let Some(old) = item.as_value_mut() else {
        return Err("a metric is neither a number nor a table".to_owned());
    };
    let decor = old.decor().clone();
    let was_float = old.is_float();
    let mut new = number(value, was_float);
    *new.decor_mut() = decor;
    *old = new;
    Ok(())
}

/// A TOML number: an integer when the value is whole (unless the old value was written as a
/// float), else a float.
fn number(value: f64, float: bool) -> Value {
    if !float && value.fract() == 0.0 && value.abs() < 1e15 {
        #[allow(clippy::cast_possible_truncation)] // whole and below 2^53
        Value::from(value as i64)
    } else {
        Value::from(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_numbers_change() {
        let text = "[journey]\nid = \"j\"\n\n# the first step\n[[touchpoint]]\nid = \"a\"   # keep me\nmetrics = { csat = 78.0, nps = { value = 12, target = 30 } }  # q3\n\n[[touchpoint]]\nid = \"b\"\nnext = [\"a\"]  # loop\n";
        let out = apply(
            text,
            &[
                Edit {
                    touchpoint: "a",
                    metric: "csat",
                    value: 80.0,
                },
                Edit {
                    touchpoint: "a",
                    metric: "nps",
                    value: 14.5,
                },
                Edit {
                    touchpoint: "b",
                    metric: "csat",
                    value: 70.0,
                },
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            "[journey]\nid = \"j\"\n\n# the first step\n[[touchpoint]]\nid = \"a\"   # keep me\nmetrics = { csat = 80.0, nps = { value = 14.5, target = 30 } }  # q3\n\n[[touchpoint]]\nid = \"b\"\nmetrics = { csat = 70 }\nnext = [\"a\"]  # loop\n"
        );
    }
}
