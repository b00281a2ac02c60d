//! The evidence on a touchpoint: metrics (a number, or a value with a target, a direction
//! and a unit) and research insights (a source, a quote, a date, a sample size), checked
//! with plain messages where they break the contract.

use toml::Spanned;

use super::parse::span_of;
use super::raw::{RawInsight, RawMetric};
use crate::model::{Better, Date, Insight, Metric};
use crate::problem::Problem;
use crate::source::FileId;

/// A metric as the model holds it, or `None` (with the problem reported).
pub fn metric(
    file: FileId,
    name: &str,
    raw: &Spanned<RawMetric>,
    problems: &mut Vec<Problem>,
) -> Option<Metric> {
    let finite = |v: f64, span, problems: &mut Vec<Problem>| {
        if v.is_finite() {
            Some(v)
        } else {
            problems.push(
                Problem::new(span, format!("metric `{name}` is not a finite number")).with_help(
                    "write a number such as `81.5`; `inf` and `nan` are not measurements",
                ),
            );
            None
        }
    };
    match raw.get_ref() {
        RawMetric::Number(v) => Some(Metric {
            name: name.to_owned(),
            value: finite(*v, span_of(file, raw), problems)?,
            target: None,
            better: Better::Higher,
            unit: None,
            span: span_of(file, raw),
        }),
        RawMetric::Table(t) => {
            let Some(value) = &t.value else {
                problems.push(
                    Problem::new(
                        span_of(file, raw),
                        format!("metric `{name}` has no `value`"),
                    )
                    .with_help(format!(
                        "write the measured value beside the target: `{name} = {{ value = 12, target = 30 }}`"
                    )),
                );
                return None;
            };
            let better = match t.better.as_ref().map(|b| (b.get_ref().as_str(), b)) {
                None | Some(("higher", _)) => Better::Higher,
                Some(("lower", _)) => Better::Lower,
                Some((other, b)) => {
                    problems.push(
                        Problem::new(
                            span_of(file, b),
                            format!("`better` must be \"higher\" or \"lower\", not \"{other}\""),
                        )
                        .with_help("\"higher\" when a bigger value is better (CSAT, NPS), \"lower\" when a smaller one is (wait time, effort)"),
                    );
                    return None;
                }
            };
            let target = match &t.target {
                Some(target) => Some(finite(*target.get_ref(), span_of(file, target), problems)?),
                None => None,
            };
            Some(Metric {
                name: name.to_owned(),
                value: finite(*value.get_ref(), span_of(file, value), problems)?,
                target,
                better,
                unit: t.unit.as_ref().map(|u| u.get_ref().to_string()),
                span: span_of(file, value),
            })
        }
    }
}

/// An insight as the model holds it, or `None` (with every problem reported).
pub fn insight(
    file: FileId,
    raw: &Spanned<RawInsight>,
    problems: &mut Vec<Problem>,
) -> Option<Insight> {
    let i = raw.get_ref();
    let mut ok = true;
    let source = i.source.as_ref().map(|s| s.get_ref().trim().to_owned());
    if source.as_deref().is_none_or(str::is_empty) {
        problems.push(
            Problem::new(span_of(file, raw), "an `insights` entry has no `source`")
                .with_help("say where it comes from: `source = \"Store interviews, May 2026\"`"),
        );
        ok = false;
    }
    let sample = match &i.sample {
        None => None,
        Some(s) => match u32::try_from(*s.get_ref()) {
            Ok(n) if n >= 1 => Some(n),
            _ => {
                problems.push(
                    Problem::new(
                        span_of(file, s),
                        format!(
                            "`sample` is {}, but it counts people heard: at least 1",
                            s.get_ref()
                        ),
                    )
                    .with_help("write how many customers the research heard, e.g. `sample = 18`"),
                );
                ok = false;
                None
            }
        },
    };
    let date = match &i.date {
        None => None,
        Some(d) => {
            let date = date_of(d.get_ref());
            if date.is_none() {
                problems.push(date_problem(file, d, "date"));
                ok = false;
            }
            date
        }
    };
    ok.then(|| Insight {
        source: source.unwrap_or_default(),
        quote: i.quote.as_ref().map(|q| q.get_ref().to_string()),
        date,
        sample,
    })
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
