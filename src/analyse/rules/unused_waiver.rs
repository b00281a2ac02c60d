//! The `unused-waiver` rule: its documentation (also printed by `cxmap explain
//! unused-waiver`), metadata and check.
use super::{Check, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;
use crate::analyse::waivers::WaiverContext;

pub static RULE: Rule = Rule {
    name: "unused-waiver",
    default_severity: Severity::Warning,
    summary: "A waiver in cxmap.toml matches no finding",
    points_at: "the `[[allow]]` table in cxmap.toml",
    doc: DOC,
    check: Check::Waivers(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

An `[[allow]]` waiver in force that matches no finding: the problem it excused is gone, or
its `journey`, `subject` or `detail` is misspelt so it never matched. It is not reported when
the waiver's rule is set to `off` (then nothing can match). The finding's `journey` is the
waiver's.

## Why it matters

A waiver is a decision a team took and wrote down with its reason. A stale one hides nothing
today but will silently hide the same problem if it comes back, without anyone deciding again.
A misspelt one excuses nothing while everyone believes it does.

## Example

```toml
[[allow]]
rule = "missing-purchase"
journey = "bereavment"
reason = "A service journey: nothing is bought here"
```

## Instead

Remove the waiver once its finding is fixed, or correct what it names:

```toml
[[allow]]
rule = "missing-purchase"
journey = "bereavement"
reason = "A service journey: nothing is bought here"
```
"#;

fn check(cx: &WaiverContext, out: &mut Vec<Finding>) {
    for (i, w) in cx.waivers.iter().enumerate() {
        let rule_on = cx.settings.severity(w.rule).is_some();
        if w.in_force(cx.today) && rule_on && !cx.matched[i] {
            let mut f = Finding::new(&RULE, Subject::Waiver(cx.reference(i)), w.at);
            f.journey = w.journey;
            out.push(f);
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Waiver(w) = f.subject else {
        unreachable!("unused-waiver is about a waiver")
    };
    match f.journey {
        Some(j) => format!(
            "the waiver of `{}` in journey {} matches no finding",
            w.rule.name,
            n.journey(j)
        ),
        None => format!("the waiver of `{}` matches no finding", w.rule.name),
    }
}

fn help(_: &Finding, _: &Names) -> String {
    "remove this `[[allow]]` if its finding is fixed, or correct its `journey`, `subject` or `detail`".into()
}
