//! The evidence on a touchpoint: metrics (a number, or a value with a target, a direction
//! and a unit) and research insights (a source, a quote, a date, a sample size). Their tables
//! are read key by key, so every unknown key and wrong value in them is reported in one run,
//! each with a plain message.

use toml::{Spanned, Value};

use super::parse::span_of;
use super::raw::{RawEntries, RawMetric};
use crate::model::{Better, Date, Insight, Metric};
use crate::problem::Problem;
use crate::source::{FileId, Span};
use crate::suggest::did_you_mean_or;

/// A metric as the model holds it, or `None` (with every problem in it reported).
pub fn metric(
    file: FileId,
    name: &str,
    raw: &Spanned<RawMetric>,
    problems: &mut Vec<Problem>,
) -> Option<Metric> {
    let entries = match raw.get_ref() {
        RawMetric::Number(v) => {
            let span = span_of(file, raw);
            return Some(Metric {
                name: name.to_owned(),
                value: finite(name, *v, span, problems)?,
                target: None,
                better: Better::Higher,
                unit: None,
                span,
            });
        }
        RawMetric::Table(entries) => entries,
    };
    let table = Table {
        file,
        entries,
        what: format!("metric `{name}`"),
        known: &["value", "target", "better", "unit"],
    };
    let before = problems.len();
    table.unknown_keys(problems);
    let value = table.number("value", problems);
    if value.is_none() && table.get("value").is_none() {
        problems.push(
            Problem::new(span_of(file, raw), format!("metric `{name}` has no `value`")).with_help(
                format!(
                    "write the measured value beside the target: `{name} = {{ value = 12, target = 30 }}`"
                ),
            ),
        );
    }
    let target = table.number("target", problems);
    let better = match table.string("better", problems) {
        None | Some(("higher", _)) => Better::Higher,
        Some(("lower", _)) => Better::Lower,
        Some((other, span)) => {
            problems.push(
                Problem::new(
                    span,
                    format!("`better` must be \"higher\" or \"lower\", not \"{other}\""),
                )
                .with_help("\"higher\" when a bigger value is better (CSAT, NPS), \"lower\" when a smaller one is (wait time, effort)"),
            );
            Better::Higher
        }
    };
    let unit = table.string("unit", problems).map(|(u, _)| u.to_owned());
    let (value, span) = value?;
    let value = finite(name, value, span, problems)?;
    let target = match target {
        Some((t, span)) => Some(finite(name, t, span, problems)?),
        None => None,
    };
    (problems.len() == before).then(|| Metric {
        name: name.to_owned(),
        value,
        target,
        better,
        unit,
        span,
    })
}

fn finite(name: &str, v: f64, span: Span, problems: &mut Vec<Problem>) -> Option<f64> {
    if v.is_finite() {
        Some(v)
    } else {
        problems.push(
            Problem::new(span, format!("metric `{name}` is not a finite number"))
                .with_help("write a number such as `81.5`; `inf` and `nan` are not measurements"),
        );
        None
    }
}

/// An insight as the model holds it, or `None` (with every problem in it reported).
pub fn insight(
    file: FileId,
    raw: &Spanned<RawEntries>,
    problems: &mut Vec<Problem>,
) -> Option<Insight> {
    let table = Table {
        file,
        entries: raw.get_ref(),
        what: "an `insights` entry".to_owned(),
        known: &["source", "quote", "date", "sample"],
    };
    let before = problems.len();
    table.unknown_keys(problems);
    let source = table
        .string("source", problems)
        .map(|(s, _)| s.trim())
        .filter(|s| !s.is_empty());
    if source.is_none() && table.get("source").is_none_or(|v| v.get_ref().is_str()) {
        problems.push(
            Problem::new(span_of(file, raw), "an `insights` entry has no `source`")
                .with_help("say where it comes from: `source = \"Store interviews, May 2026\"`"),
        );
    }
    let quote = table.string("quote", problems).map(|(q, _)| q.to_owned());
    let date = table.date("date", problems);
    let sample = table
        .integer("sample", problems)
        .and_then(|(n, span)| match u32::try_from(n) {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                problems.push(
                    Problem::new(
                        span,
                        format!("`sample` is {n}, but it counts people heard: at least 1"),
                    )
                    .with_help("write how many customers the research heard, e.g. `sample = 18`"),
                );
                None
            }
        });
    (problems.len() == before).then(|| Insight {
        source: source.unwrap_or_default().to_owned(),
        quote,
        date,
        sample,
    })
}

/// A small table read key by key.
struct Table<'e> {
    file: FileId,
    entries: &'e RawEntries,
    /// How a message names the table: "metric `csat`".
    what: String,
    known: &'static [&'static str],
}

impl<'e> Table<'e> {
    fn get(&self, key: &str) -> Option<&'e Spanned<Value>> {
        self.entries
            .0
            .iter()
            .find(|(k, _)| k.get_ref() == key)
            .map(|(_, v)| v)
    }

    fn unknown_keys(&self, problems: &mut Vec<Problem>) {
        for (key, _) in &self.entries.0 {
            let k = key.get_ref().as_str();
            if !self.known.contains(&k) {
                let help = did_you_mean_or(k, self.known.iter().copied(), || {
                    let list: Vec<String> = self.known.iter().map(|k| format!("`{k}`")).collect();
                    format!("{} takes {}", self.what, list.join(", "))
                });
                problems.push(
                    Problem::new(
                        span_of(self.file, key),
                        format!("unknown key `{k}` in {}", self.what),
                    )
                    .with_help(help),
                );
            }
        }
    }

    /// A value of the wrong type: reported, and read as missing.
    fn wrong(&self, key: &str, v: &Spanned<Value>, expected: &str, example: &str) -> Problem {
        Problem::new(
            span_of(self.file, v),
            format!(
                "`{key}` must be {expected}, not {}",
                super::values::article(v.get_ref().type_str())
            ),
        )
        .with_help(format!("write it as `{key} = {example}`"))
    }

    fn number(&self, key: &str, problems: &mut Vec<Problem>) -> Option<(f64, Span)> {
        let v = self.get(key)?;
        let span = span_of(self.file, v);
        #[allow(clippy::cast_precision_loss)] // measured values are far below 2^53
        match v.get_ref() {
            Value::Float(f) => Some((*f, span)),
            Value::Integer(i) => Some((*i as f64, span)),
            _ => {
                problems.push(self.wrong(key, v, "a number", "12.5"));
                None
            }
        }
    }

    fn integer(&self, key: &str, problems: &mut Vec<Problem>) -> Option<(i64, Span)> {
        let v = self.get(key)?;
        if let Value::Integer(i) = v.get_ref() {
            Some((*i, span_of(self.file, v)))
        } else {
            problems.push(self.wrong(key, v, "a whole number", "18"));
            None
        }
    }

    fn string(&self, key: &str, problems: &mut Vec<Problem>) -> Option<(&'e str, Span)> {
        let v = self.get(key)?;
        if let Value::String(s) = v.get_ref() {
            Some((s.as_str(), span_of(self.file, v)))
        } else {
            problems.push(self.wrong(key, v, "a string", "\"...\""));
            None
        }
    }

    fn date(&self, key: &str, problems: &mut Vec<Problem>) -> Option<Date> {
        let v = self.get(key)?;
        let Value::Datetime(d) = v.get_ref() else {
            problems.push(
                self.wrong(key, v, "a date", "2026-05-12")
                    .with_help(format!(
                        "write a TOML date such as `{key} = 2026-05-12`, without quotes"
                    )),
            );
            return None;
        };
        let date = date_of(d);
        if date.is_none() {
            problems.push(date_problem(self.file, &Spanned::new(v.span(), *d), key));
        }
        date
    }
}

/// A TOML local date (no time, no offset).
pub fn date_of(d: &toml::value::Datetime) -> Option<Date> {
    match (d.date, d.time, d.offset) {
        (Some(date), None, None) => {
            let date = Date {
                year: i32::from(date.year),
                month: date.month,
                day: date.day,
            };
            date.is_valid().then_some(date)
        }
        _ => None,
    }
}

/// "`key` must be a date" for a TOML datetime with a time or an offset.
pub fn date_problem(file: FileId, d: &Spanned<toml::value::Datetime>, key: &str) -> Problem {
    Problem::new(
        span_of(file, d),
        format!(
            "`{key}` must be a date without a time, not `{}`",
            d.get_ref()
        ),
    )
    .with_help(format!(
        "write a TOML date such as `{key} = 2026-05-12`, without quotes"
    ))
}
