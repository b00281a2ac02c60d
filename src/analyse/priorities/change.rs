//! A change to ask for, as data, and the sentence that asks for it in the names people use.

use crate::analyse::names::list;
use crate::model::{DataIdx, DepartmentIdx, JourneyIdx, TouchpointRef, Workspace};

/// A change to ask for; [`Change::sentence`] says it in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Customers are asked again for data they already gave.
    AskOnce {
        data: DataIdx,
        /// Where they are asked again.
        at: Vec<TouchpointRef>,
    },
    /// A silo nobody else needs yet: open it up.
    OpenUp { data: DataIdx },
    /// A silo that keeps data from the teams serving the customer.
    Share {
        data: DataIdx,
        with: Vec<DepartmentIdx>,
    },
    /// Data nobody holds.
    NameKeepers { data: DataIdx },
    /// Data the serving team cannot see, held by more than one other team.
    GiveAccess {
        data: DataIdx,
        to: Vec<DepartmentIdx>,
    },
    /// Touchpoints of a journey that nobody owns.
    OwnUnowned { journey: JourneyIdx, count: usize },
    /// A touchpoint with several internal owners.
    OneAccountable { touchpoint: TouchpointRef },
    /// Moments the customer sees that only a partner owns.
    OwnPartnerMoments {
        partner: DepartmentIdx,
        count: usize,
    },
    /// A journey that ends at the purchase.
    MapAfterPurchase { journey: JourneyIdx },
    /// A journey whose after-sale steps are all owned by the team that sold.
    HandOverAftercare { journey: JourneyIdx },
    /// A backstage team that shapes what customers live through.
    BringIntoReviews {
        department: DepartmentIdx,
        journeys: Vec<JourneyIdx>,
        and_name_champion: bool,
    },
    /// A team that touches customers without a CX champion.
    NameChampion { department: DepartmentIdx },
    /// Moments a team leads (or nobody leads) that hurt or miss their targets.
    FixMoments {
        owner: Option<DepartmentIdx>,
        /// How many distinct moments.
        moments: usize,
        /// Some hurt (a `pain-point` finding).
        hurting: bool,
        /// Some miss a target (a `metric-off-target` finding).
        off_target: bool,
    },
}

impl Change {
    /// The change in a sentence, with the names people use.
    pub fn sentence(&self, ws: &Workspace) -> String {
        let dept = |d: DepartmentIdx| ws.departments[d].name.clone();
        let depts = |ds: &[DepartmentIdx]| list(ds.iter().map(|&d| dept(d)));
        let data = |d: DataIdx| &ws.data[d].name;
        let journey = |j: JourneyIdx| &ws.journeys[j].name;
        let holders = |d: DataIdx| depts(&ws.data[d].held_by);
        let moments =
            |ts: &[TouchpointRef]| list(ts.iter().map(|&t| format!("“{}”", ws.touchpoint(t).name)));
        match self {
            Change::AskOnce { data: d, at } => format!(
                "Ask for “{}” once: customers give it again at {}",
                data(*d),
                moments(at)
            ),
            Change::OpenUp { data: d } => {
                format!(
                    "Open up “{}”: today only {} holds it",
                    data(*d),
                    holders(*d)
                )
            }
            Change::Share { data: d, with } => format!(
                "Share “{}” with {}: today only {} holds it",
                data(*d),
                depts(with),
                holders(*d)
            ),
            Change::NameKeepers { data: d } => format!(
                "Name the teams that keep “{}”: no department holds it",
                data(*d)
            ),
            Change::GiveAccess { data: d, to } => {
                format!("Give {} access to “{}”", depts(to), data(*d))
            }
            Change::OwnUnowned { journey: j, count } => format!(
                "Give {} in “{}” one accountable owner",
                plural_the(*count, "touchpoint nobody owns", "touchpoints nobody owns"),
                journey(*j)
            ),
            Change::OneAccountable { touchpoint } => {
                let tp = ws.touchpoint(*touchpoint);
                let internal: Vec<DepartmentIdx> = tp.internal_owners(ws).collect();
                format!(
                    "Make one of {} accountable for “{}”",
                    depts(&internal).replace(" and ", " or "),
                    tp.name
                )
            }
            Change::OwnPartnerMoments { partner, count } => format!(
                "Name an internal owner for {} {} runs",
                plural_the(*count, "moment", "moments"),
                dept(*partner)
            ),
            Change::MapAfterPurchase { journey: j } => format!(
                "Map and own what customers live through after buying in “{}”",
                journey(*j)
            ),
            Change::HandOverAftercare { journey: j } => format!(
                "Hand the after-sale steps of “{}” from {} to the teams that serve customers",
                journey(*j),
                depts(&ws.journeys[*j].purchase_owners())
            ),
            Change::BringIntoReviews {
                department,
                journeys,
                and_name_champion,
            } => format!(
                "Bring {} into the customer reviews of {}{}",
                dept(*department),
                list(journeys.iter().map(|&j| format!("“{}”", journey(j)))),
                if *and_name_champion {
                    " and name a CX champion there"
                } else {
                    ""
                }
            ),
            Change::NameChampion { department } => {
                format!("Name a CX champion in {}", dept(*department))
            }
            Change::FixMoments {
                owner,
                moments,
                hurting,
                off_target,
            } => {
                let what = match (hurting, off_target) {
                    (true, false) => "where customers hurt",
                    (false, _) if *moments == 1 => "that misses its target",
                    (false, _) => "that miss their targets",
                    (true, true) => "where customers hurt or a target is missed",
                };
                let the = plural_the(*moments, "moment", "moments");
                match owner {
                    Some(d) => format!("Fix {the} {} leads {what}", dept(*d)),
                    None => format!("Fix {the} nobody owns {what}"),
                }
            }
        }
    }
}

/// "the moment" / "the 3 moments".
fn plural_the(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("the {one}")
    } else {
        format!("the {n} {many}")
    }
}
