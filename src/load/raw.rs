//! The faithful serde mirror of a model file: what the TOML says, with the span of every value
//! a message may point at. Nothing here is validated beyond types; `lower` does that.
//!
//! These types are also the source of `cxmap schema` (JSON Schema through schemars), so the
//! schema can never drift from what the loader accepts.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

/// A string as written in the file: borrowed from the file's text when it has no escapes
/// (nearly always), so that parsing a large workspace does not copy every id twice.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text<'a>(pub Cow<'a, str>);

impl Text<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

/// One cxmap model file. Every table is optional, so a workspace can keep its departments
/// and data in an `org.toml` and each journey in a file of its own.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "cxmap model file")]
pub struct RawFile<'a> {
    /// The organisation whose journeys these are (at most one in a workspace).
    #[serde(borrow)]
    pub organization: Option<RawOrganization<'a>>,
    /// Departments (teams) that own or support touchpoints.
    #[serde(default)]
    #[serde(borrow)]
    pub department: Vec<RawDepartment<'a>>,
    /// Customer data assets and the departments that hold them.
    #[serde(default)]
    #[serde(borrow)]
    pub data: Vec<RawData<'a>>,
    /// The journey this file describes (at most one per file).
    #[serde(borrow)]
    pub journey: Option<RawJourney<'a>>,
    /// The steps of this file's journey; only allowed next to `[journey]`.
    #[serde(default)]
    #[serde(borrow)]
    pub touchpoint: Vec<RawTouchpoint<'a>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawOrganization<'a> {
    /// The organisation's name, shown in reports.
    #[schemars(with = "String")]
    #[serde(borrow)]
    pub name: Spanned<Text<'a>>,
    /// The customer promise every department works towards.
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub north_star: Option<Spanned<Text<'a>>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDepartment<'a> {
    /// Unique in the workspace; touchpoints and data refer to it.
    #[schemars(with = "String")]
    #[serde(borrow)]
    pub id: Spanned<Text<'a>>,
    /// Display name; defaults to the id.
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub name: Option<Spanned<Text<'a>>>,
    /// Do this department's people deal with customers?
    #[schemars(with = "bool")]
    pub customer_facing: Spanned<bool>,
    /// The department's CX champion.
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub champion: Option<Spanned<Text<'a>>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawData<'a> {
    /// Unique in the workspace; touchpoints refer to it in `uses`.
    #[schemars(with = "String")]
    #[serde(borrow)]
    pub id: Spanned<Text<'a>>,
    /// Display name; defaults to the id.
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub name: Option<Spanned<Text<'a>>>,
    /// Departments that hold or can see this data (may be empty).
    #[schemars(with = "Vec<String>")]
    #[serde(borrow)]
    pub held_by: Spanned<Vec<Spanned<Text<'a>>>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawJourney<'a> {
    /// Unique in the workspace; also names the rendered files.
    #[schemars(with = "String")]
    #[serde(borrow)]
    pub id: Spanned<Text<'a>>,
    /// Display name; defaults to the id.
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub name: Option<Spanned<Text<'a>>>,
    /// Who the customer on this journey is.
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub persona: Option<Spanned<Text<'a>>>,
    /// Department accountable for the journey end to end.
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub owner: Option<Spanned<Text<'a>>>,
    /// The journey's stages, left to right.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(borrow)]
    pub stages: Option<Vec<Spanned<Text<'a>>>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTouchpoint<'a> {
    /// Unique in its journey; `next` refers to it.
    #[schemars(with = "String")]
    #[serde(borrow)]
    pub id: Spanned<Text<'a>>,
    /// Display name; defaults to the id.
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub name: Option<Spanned<Text<'a>>>,
    /// One of the journey's `stages`.
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub stage: Option<Spanned<Text<'a>>>,
    /// The owning department: an id, or an array of ids.
    #[schemars(with = "Option<OwnersSchema>")]
    #[serde(borrow)]
    pub owner: Option<Spanned<RawOwners<'a>>>,
    /// Free text: web, app, phone, email, store, ...
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub channel: Option<Spanned<Text<'a>>>,
    /// True when the customer does not see this step.
    #[schemars(with = "Option<bool>")]
    pub backstage: Option<Spanned<bool>>,
    /// True when the customer buys or commits here.
    #[schemars(with = "Option<bool>")]
    pub purchase: Option<Spanned<bool>>,
    /// Data ids this step needs.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(borrow)]
    pub uses: Option<Vec<Spanned<Text<'a>>>>,
    /// Departments whose work this step depends on.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(borrow)]
    pub supported_by: Option<Vec<Spanned<Text<'a>>>>,
    /// How the customer feels here, from -2 (very bad) to 2 (very good).
    #[schemars(with = "Option<i64>", range(min = -2, max = 2))]
    pub score: Option<Spanned<i64>>,
    /// Measured figures: name -> number (CSAT, NPS, CES, conversion, ...).
    #[schemars(with = "Option<BTreeMap<String, f64>>")]
    pub metrics: Option<BTreeMap<String, Spanned<f64>>>,
    /// The steps that can follow this one.
    #[schemars(with = "Option<Vec<NextSchema>>")]
    #[serde(borrow)]
    pub next: Option<Vec<Spanned<RawNext<'a>>>>,
}

/// `owner = "sales"` or `owner = ["sales", "billing"]`.
#[derive(Debug)]
pub enum RawOwners<'a> {
    One(Text<'a>),
    Many(Vec<Spanned<Text<'a>>>),
}

/// A `next` entry: a touchpoint id, or `{ to = "...", label = "..." }`.
#[derive(Debug)]
pub enum RawNext<'a> {
    Id(Text<'a>),
    Edge(RawEdge<'a>),
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawEdge<'a> {
    /// The id of the following touchpoint.
    #[schemars(with = "String")]
    #[serde(borrow)]
    pub to: Spanned<Text<'a>>,
    /// Shown on the arrow, e.g. "not ready".
    #[schemars(with = "Option<String>")]
    #[serde(borrow)]
    pub label: Option<Spanned<Text<'a>>>,
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
    Edge(RawEdge<'static>),
}

impl<'de: 'a, 'a> Deserialize<'de> for RawOwners<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OwnersVisitor;
        impl<'de> Visitor<'de> for OwnersVisitor {
            type Value = RawOwners<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a department id or an array of department ids")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(RawOwners::One(Text(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RawOwners::One(Text(Cow::Owned(v.to_owned()))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
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

impl<'de: 'a, 'a> Deserialize<'de> for RawNext<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NextVisitor;
        impl<'de> Visitor<'de> for NextVisitor {
            type Value = RawNext<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a touchpoint id or a table { to = \"...\", label = \"...\" }")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(RawNext::Id(Text(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RawNext::Id(Text(Cow::Owned(v.to_owned()))))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
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
