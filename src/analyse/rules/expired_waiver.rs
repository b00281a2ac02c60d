//! The `expired-waiver` rule: its documentation (also printed by `cxmap explain
//! expired-waiver`), metadata and check.
use super::{Check, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;
use crate::analyse::waivers::WaiverContext;

pub static RULE: Rule = Rule {
    name: "expired-waiver",
    default_severity: Severity::Warning,
    summary: "A waiver in cxmap.toml has passed its `until` date",
    points_at: "the `[[allow]]` table in cxmap.toml",
    doc: DOC,
    check: Check::Waivers(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

An `[[allow]]` waiver whose `until` date has passed (whether or not its rule is `off`). An
expired waiver waives nothing: the findings it covered are reported again. "Today" is the
date in `CXMAP_TODAY` (`YYYY-MM-DD`) when it is set, else the current UTC date. The
finding's `journey` is the waiver's.

## Why it matters

A waiver with an end date is a promise: "we live with this until then, and then we look
again". When the date passes, the team has to decide again, with the evidence in front of it,
rather than let the exception become the rule.

## Example

```toml
[[allow]]
rule = "data-silo"
subject = "job-schedule"
reason = "Field scheduling moves to the shared CRM in Q1"
until = 2026-03-31
```

## Instead

Fix what the waiver excused, or decide again and write down the new date and the reason:

```toml
[[allow]]
rule = "data-silo"
subject = "job-schedule"
reason = "The CRM move slipped to Q3; field scheduling follows it"
until = 2026-09-30
```
"#;

fn check(cx: &WaiverContext, out: &mut Vec<Finding>) {
    for (i, w) in cx.waivers.iter().enumerate() {
        if !w.in_force(cx.today) {
            let mut f = Finding::new(&RULE, Subject::Waiver(cx.reference(i)), w.at);
            f.journey = w.journey;
            out.push(f);
        }
    }
}

fn message(f: &Finding, _: &Names) -> String {
    let Subject::Waiver(w) = f.subject else {
        unreachable!("expired-waiver is about a waiver")
    };
    let until = w.until.map(|d| d.to_string()).unwrap_or_default();
    format!(
        "the waiver of `{}` expired on {until}: the findings it covered are reported again",
        w.rule.name
    )
}

fn help(_: &Finding, _: &Names) -> String {
    "fix what it waived, or decide again: a new `until` and the reason for it".into()
}
