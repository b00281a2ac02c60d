//! The `metric-off-target` rule: its documentation (also printed by `cxmap explain
//! metric-off-target`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Detail, Finding, Severity, Subject};
use crate::analyse::names::{Names, quantity};
use crate::model::Better;

pub static RULE: Rule = Rule {
    name: "metric-off-target",
    default_severity: Severity::Warning,
    summary: "A touchpoint's metric misses its target",
    points_at: "the metric's value",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A metric with a `target` that its `value` misses: below the target when `better = "higher"`
(the default), above it when `better = "lower"`. There is one finding per touchpoint and
metric; the message gives the value and the target.

## Why it matters

A CSAT of 38 and one of 91 look alike until someone says what good is. A target turns a
number into a verdict the team that owns the moment can act on, and lets the report weigh
the moments that miss it.

## Example

```toml
[[touchpoint]]
id = "switch-over"
metrics = { csat = { value = 38, target = 70 }, wait_days = { value = 9, target = 5, better = "lower", unit = "days" } }
```

## Instead

Find out with the owning team what keeps the moment off target, and change that, not the
target. When the target was wrong, say so in a waiver with its reason:

```toml
[[allow]]
rule = "metric-off-target"
subject = "switch-over"
detail = "wait_days"
reason = "The regulator sets 5 working days; 9 calendar days meets it"
until = 2027-03-31
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (t, tp) in cx.touchpoints() {
        for (k, m) in tp.metrics.iter().enumerate() {
            if m.misses_target() {
                out.push(
                    cx.on_touchpoint(&RULE, t, m.span)
                        .with_detail(Detail::Metric(t, k)),
                );
            }
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let (Subject::Touchpoint(t), Some(Detail::Metric(_, k))) = (f.subject, f.detail) else {
        unreachable!("metric-off-target is about a touchpoint's metric")
    };
    let m = &n.ws.touchpoint(t).metrics[k];
    let unit = m.unit.as_deref();
    let target = m.target.unwrap_or(m.value);
    format!(
        "metric `{}` of touchpoint {} is {}, {} its target of {}",
        m.name,
        n.touchpoint(t),
        quantity(m.value, unit),
        match m.better {
            Better::Higher => "below",
            Better::Lower => "above",
        },
        quantity(target, unit)
    )
}

fn help(f: &Finding, n: &Names) -> String {
    let Subject::Touchpoint(t) = f.subject else {
        unreachable!("metric-off-target is about a touchpoint")
    };
    let owners = &n.ws.touchpoint(t).owners;
    if owners.is_empty() {
        "name an owner for this moment first: nobody is there to move the metric".into()
    } else {
        format!(
            "find out with {} what keeps this moment off target",
            n.departments(owners)
        )
    }
}
