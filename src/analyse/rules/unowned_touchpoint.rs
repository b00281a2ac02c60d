//! The `unowned-touchpoint` rule: its documentation (also printed by `cxmap explain unowned-touchpoint`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "unowned-touchpoint",
    default_severity: Severity::Warning,
    summary: "A touchpoint has no owning department",
    points_at: "the touchpoint's `owner` value (`owner = []`), or its `id` when it has no `owner`",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A touchpoint with no `owner`, or with `owner = []`.

## Why it matters

A step nobody owns is a step nobody improves. When the customer hits a problem there, every
team can say it belongs to someone else, and the customer is the one who pays for the silence.

## Example

```toml
[[touchpoint]]
id = "welcome-sms"
name = "Welcome text message"
```

## Instead

Name the one department accountable for the step, even when others help:

```toml
[[touchpoint]]
id = "welcome-sms"
name = "Welcome text message"
owner = "customer-care"
supported_by = ["it"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (t, tp) in cx.touchpoints() {
        if tp.owners.is_empty() {
            let at = tp.spans.owner.unwrap_or(tp.spans.id);
            out.push(cx.on_touchpoint(&RULE, t, at));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Touchpoint(t) = f.subject else {
        unreachable!("unowned-touchpoint is about a touchpoint")
    };
    format!("touchpoint {} has no owner", n.touchpoint(t))
}

fn help(_: &Finding, _: &Names) -> String {
    "add `owner = \"<department id>\"`: the one team accountable for this step".into()
}
