//! The `inaccessible-data` rule: its documentation (also printed by `cxmap explain inaccessible-data`), metadata and check.
use super::{Check, Context, Rule};
use crate::analyse::finding::{Detail, Finding, Severity, Subject};
use crate::analyse::names::Names;

pub static RULE: Rule = Rule {
    name: "inaccessible-data",
    default_severity: Severity::Warning,
    summary: "A touchpoint uses data that none of its owners hold",
    points_at: "the entry of `uses` that names the data",
    doc: DOC,
    check: Check::Workspace(check),
    message,
    help,
};

const DOC: &str = r#"
## What it finds

An owned touchpoint that `uses` a data asset none of its owners hold. There is one finding
per touchpoint and data asset. Touchpoints without an owner are left to
`unowned-touchpoint`.

## Why it matters

The team serving the customer at this step needs information it cannot see. It asks the
customer again, or phones another department while the customer waits.

## Example

```toml
[[data]]
id = "billing-history"
held_by = ["billing"]

[[touchpoint]]
id = "complaint-call"
owner = "customer-care"
uses = ["billing-history"]
```

## Instead

Give the owning team access to the data:

```toml
[[data]]
id = "billing-history"
held_by = ["billing", "customer-care"]
```
"#;

fn check(cx: &Context, out: &mut Vec<Finding>) {
    for (t, tp) in cx.touchpoints() {
        if tp.owners.is_empty() {
            continue; // left to `unowned-touchpoint`
        }
        for (&d, &at) in tp.uses.iter().zip(&tp.spans.uses) {
            let held_by = &cx.workspace.data[d].held_by;
            if !tp.owners.iter().any(|o| held_by.contains(o)) {
                out.push(cx.on_touchpoint(&RULE, t, at).with_detail(Detail::Data(d)));
            }
        }
    }
}

fn message(f: &Finding, n: &Names) -> String {
    let (Subject::Touchpoint(t), Some(Detail::Data(d))) = (f.subject, f.detail) else {
        unreachable!("inaccessible-data is about a touchpoint and data")
    };
    format!(
        "touchpoint {} uses data {}, which its owner {} does not hold",
        n.touchpoint(t),
        n.data(d),
        n.departments(&n.ws.touchpoint(t).owners)
    )
}

fn help(f: &Finding, n: &Names) -> String {
    let (Subject::Touchpoint(t), Some(Detail::Data(d))) = (f.subject, f.detail) else {
        unreachable!("inaccessible-data is about a touchpoint and data")
    };
    format!(
        "add {} to `held_by` of data {}, or change who owns this step",
        n.departments(&n.ws.touchpoint(t).owners),
        n.data(d)
    )
}
