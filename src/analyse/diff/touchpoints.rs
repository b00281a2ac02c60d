//! Touchpoints added, removed and changed, matched by journey id and touchpoint id. A change
//! is one of the fields that decide who serves the customer and how it feels: owner, stage,
//! backstage, purchase and score (a renamed or re-worded step is not a change here).

use std::collections::HashMap;

use crate::model::{TouchpointRef, Workspace};

/// A field of a touchpoint the diff compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// The owners, in the order written (the first leads).
    Owner,
    Stage,
    Backstage,
    Purchase,
    Score,
}

impl Field {
    pub const ALL: [Field; 5] = [
        Field::Owner,
        Field::Stage,
        Field::Backstage,
        Field::Purchase,
        Field::Score,
    ];

    /// The key as written in a journey file.
    pub fn key(self) -> &'static str {
        match self {
            Field::Owner => "owner",
            Field::Stage => "stage",
            Field::Backstage => "backstage",
            Field::Purchase => "purchase",
            Field::Score => "score",
        }
    }
}

/// One touchpoint in both versions, and which of its fields differ.
#[derive(Debug)]
pub struct TouchpointChange {
    pub before: TouchpointRef,
    pub after: TouchpointRef,
    /// In [`Field::ALL`] order; never empty.
    pub fields: Vec<Field>,
}

#[derive(Debug, Default)]
pub struct TouchpointChanges {
    /// In `after`, in workspace order.
    pub added: Vec<TouchpointRef>,
    /// In `before`, in workspace order.
    pub removed: Vec<TouchpointRef>,
    /// In `after`'s workspace order.
    pub changed: Vec<TouchpointChange>,
}

impl TouchpointChanges {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

pub fn compare(before: &Workspace, after: &Workspace) -> TouchpointChanges {
    let mut old: HashMap<(&str, &str), TouchpointRef> =
        HashMap::with_capacity(before.touchpoint_count());
    for (r, tp) in before.touchpoints() {
        old.insert((before.journeys[r.journey].id.as_str(), tp.id.as_str()), r);
    }
    let mut changes = TouchpointChanges::default();
    let mut matched = vec![Vec::new(); before.journeys.len()];
    for (j, journey) in before.journeys.iter().enumerate() {
        matched[j] = vec![false; journey.touchpoints.len()];
    }
    for (r, tp) in after.touchpoints() {
        let key = (after.journeys[r.journey].id.as_str(), tp.id.as_str());
        match old.get(&key) {
            None => changes.added.push(r),
            Some(&b) => {
                matched[b.journey][b.touchpoint] = true;
                let fields: Vec<Field> = Field::ALL
                    .into_iter()
                    .filter(|&f| differs(f, before, b, after, r))
                    .collect();
                if !fields.is_empty() {
                    changes.changed.push(TouchpointChange {
                        before: b,
                        after: r,
                        fields,
                    });
                }
            }
        }
    }
    changes.removed = before
        .touchpoints()
        .map(|(r, _)| r)
        .filter(|r| !matched[r.journey][r.touchpoint])
        .collect();
    changes
}

fn differs(
    field: Field,
    bws: &Workspace,
    b: TouchpointRef,
    aws: &Workspace,
    a: TouchpointRef,
) -> bool {
    let (bt, at) = (bws.touchpoint(b), aws.touchpoint(a));
    match field {
        Field::Owner => {
            bt.owners.len() != at.owners.len()
                || bt
                    .owners
                    .iter()
                    .zip(&at.owners)
                    .any(|(&x, &y)| bws.departments[x].id != aws.departments[y].id)
        }
        Field::Stage => stage_name(bws, b) != stage_name(aws, a),
        Field::Backstage => bt.backstage != at.backstage,
        Field::Purchase => bt.purchase != at.purchase,
        Field::Score => bt.score != at.score,
    }
}

/// A touchpoint's stage, by name.
pub fn stage_name(ws: &Workspace, t: TouchpointRef) -> Option<&str> {
    let stage = ws.touchpoint(t).stage?;
    ws.journeys[t.journey].stages.get(stage).map(String::as_str)
}
