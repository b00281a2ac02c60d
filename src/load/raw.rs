//! The faithful serde mirror of a model file: what the TOML says, with the span of every value
//! a message may point at. Nothing here is validated beyond types; `lower` does that.
//!
//! These types are also the source of `cxmap schema` (JSON Schema through schemars), so the
//! schema can never drift from what the loader accepts.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

/// One cxmap model file. Every table is optional, so a workspace can keep its departments
/// and data in an `org.toml` and each journey in a file of its own.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cxmap model file")]
pub struct RawFile {
    /// The organisation whose journeys these are (at most one in a workspace).
    pub organization: Option<RawOrganization>,
    /// Departments (teams) that own or support touchpoints.
    #[serde(default)]
    pub department: Vec<RawDepartment>,
    /// Customer data assets and the departments that hold them.
    #[serde(default)]
    pub data: Vec<RawData>,
    /// The journey this file describes (at most one per file).
    pub journey: Option<RawJourney>,
    /// The steps of this file's journey; only allowed next to `[journey]`.
    #[serde(default)]
    pub touchpoint: Vec<RawTouchpoint>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOrganization {
    /// The organisation's name, shown in reports.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The customer promise every department works towards.
    #[schemars(with = "Option<String>")]
    pub north_star: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDepartment {
    /// Unique in the workspace; touchpoints and data refer to it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Display name; defaults to the id.
    #[schemars(with = "Option<String>")]
    pub name: Option<Spanned<String>>,
    /// Do this department's people deal with customers?
    #[schemars(with = "bool")]
    pub customer_facing: Spanned<bool>,
    /// The department's CX champion.
    #[schemars(with = "Option<String>")]
    pub champion: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawData {
    /// Unique in the workspace; touchpoints refer to it in `uses`.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Display name; defaults to the id.
    #[schemars(with = "Option<String>")]
    pub name: Option<Spanned<String>>,
    /// Departments that hold or can see this data (may be empty).
    #[schemars(with = "Vec<String>")]
    pub held_by: Spanned<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawJourney {
    /// Unique in the workspace; also names the rendered files.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Display name; defaults to the id.
    #[schemars(with = "Option<String>")]
    pub name: Option<Spanned<String>>,
    /// Who the customer on this journey is.
    #[schemars(with = "Option<String>")]
    pub persona: Option<Spanned<String>>,
    /// Department accountable for the journey end to end.
    #[schemars(with = "Option<String>")]
    pub owner: Option<Spanned<String>>,
    /// The journey's stages, left to right.
    #[schemars(with = "Option<Vec<String>>")]
    pub stages: Option<Vec<Spanned<String>>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTouchpoint {
    /// Unique in its journey; `next` refers to it.
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    /// Display name; defaults to the id.
    #[schemars(with = "Option<String>")]
    pub name: Option<Spanned<String>>,
    /// One of the journey's `stages`.
    #[schemars(with = "Option<String>")]
    pub stage: Option<Spanned<String>>,
    /// The owning department: an id, or an array of ids.
    #[schemars(with = "Option<OwnersSchema>")]
    pub owner: Option<Spanned<RawOwners>>,
    /// Free text: web, app, phone, email, store, ...
    #[schemars(with = "Option<String>")]
    pub channel: Option<Spanned<String>>,
    /// True when the customer does not see this step.
    #[schemars(with = "Option<bool>")]
    pub backstage: Option<Spanned<bool>>,
    /// True when the customer buys or commits here.
    #[schemars(with = "Option<bool>")]
    pub purchase: Option<Spanned<bool>>,
    /// Data ids this step needs.
    #[schemars(with = "Option<Vec<String>>")]
    pub uses: Option<Vec<Spanned<String>>>,
    /// Departments whose work this step depends on.
    #[schemars(with = "Option<Vec<String>>")]
    pub supported_by: Option<Vec<Spanned<String>>>,
    /// How the customer feels here, from -2 (very bad) to 2 (very good).
    #[schemars(with = "Option<i64>", range(min = -2, max = 2))]
    pub score: Option<Spanned<i64>>,
    /// Measured figures: name -> number (CSAT, NPS, CES, conversion, ...).
    #[schemars(with = "Option<BTreeMap<String, f64>>")]
    pub metrics: Option<BTreeMap<String, Spanned<f64>>>,
    /// The steps that can follow this one.
    #[schemars(with = "Option<Vec<NextSchema>>")]
    pub next: Option<Vec<Spanned<RawNext>>>,
}

/// `owner = "sales"` or `owner = ["sales", "billing"]`.
#[derive(Debug)]
pub enum RawOwners {
    One(String),
    Many(Vec<Spanned<String>>),
}

/// A `next` entry: a touchpoint id, or `{ to = "...", label = "..." }`.
#[derive(Debug)]
pub enum RawNext {
    Id(String),
    Edge(RawEdge),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEdge {
    /// The id of the following touchpoint.
    #[schemars(with = "String")]
    pub to: Spanned<String>,
    /// Shown on the arrow, e.g. "not ready".
    #[schemars(with = "Option<String>")]
    pub label: Option<Spanned<String>>,
}

/// Schema-only shape of `owner`.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum OwnersSchema {
    One(String),
    Many(Vec<String>),
}

/// Schema-only shape of a `next` entry.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum NextSchema {
    Id(String),
    Edge(RawEdge),
}

impl<'de> Deserialize<'de> for RawOwners {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OwnersVisitor;
        impl<'de> Visitor<'de> for OwnersVisitor {
            type Value = RawOwners;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a department id or an array of department ids")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawOwners, E> {
                Ok(RawOwners::One(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawOwners, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(RawOwners::Many(ids))
            }
        }
        deserializer.deserialize_any(OwnersVisitor)
    }
}

impl<'de> Deserialize<'de> for RawNext {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NextVisitor;
        impl<'de> Visitor<'de> for NextVisitor {
            type Value = RawNext;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a touchpoint id or a table { to = \"...\", label = \"...\" }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawNext, E> {
                Ok(RawNext::Id(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawNext, A::Error> {
                RawEdge::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawNext::Edge)
            }
        }
        deserializer.deserialize_any(NextVisitor)
    }
}

/// The field names a serde struct accepts, asked of its own `Deserialize` impl so that the
/// list of known keys (for "unknown key" and "did you mean") can never drift from the struct.
pub fn field_names<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Probe(Option<&'static [&'static str]>);
    #[derive(Debug)]
    struct Stop;
    impl fmt::Display for Stop {
        fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("probe")
        }
    }
    impl std::error::Error for Stop {}
    impl de::Error for Stop {
        fn custom<M: fmt::Display>(_: M) -> Self {
            Stop
        }
    }
    impl<'de> Deserializer<'de> for &mut Probe {
        type Error = Stop;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
            Err(Stop)
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Stop> {
            self.0 = Some(fields);
            Err(Stop)
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }
    let mut probe = Probe(None);
    let _ = T::deserialize(&mut probe);
    probe.0.unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_come_from_the_struct() {
        assert_eq!(field_names::<RawEdge>(), &["to", "label"]);
        assert!(field_names::<RawTouchpoint>().contains(&"supported_by"));
    }
}
