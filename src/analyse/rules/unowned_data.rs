//! The `unowned-data` rule: its documentation (also printed by `cxmap explain unowned-data`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "unowned-data",
    default_severity: Severity::Warning,
    summary: "Customer data is held by no department",
    points_at: "the data's `held_by` value",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

A `[[data]]` asset with `held_by = []`.

## Why it matters

Data that no team holds has no one to keep it right. Touchpoints that rely on it work from
whatever copy someone happens to have, and the customer sees the contradictions.

## Example

```toml
[[data]]
id = "consent-preferences"
held_by = []
```

## Instead

Name the departments that keep and use it:

```toml
[[data]]
id = "consent-preferences"
held_by = ["marketing", "customer-care"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (d, data) in cx.workspace.data.iter().enumerate() {
        if data.held_by.is_empty() {
            out.push(cx.on_data(&RULE, d, data.held_by_span));
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let Subject::Data(d) = f.subject else {
        unreachable!("unowned-data is about data")
    };
    format!("data {} is held by no department", n.data(d))
}

fn help(_: &Finding, _: &Names) -> String {
    "list the departments that keep this data in `held_by`".into()
}
