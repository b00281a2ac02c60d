//! The faithful serde mirror of a model file: what the TOML says, with the span of every value
//! a message may point at. Nothing here is validated beyond types; `resolve` does that.
//!
//! These types are also the source of `cxmap schema` (JSON Schema through schemars), so the
//! schema can never drift from what the loader accepts.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

pub use super::text::Text;

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
    /// True for a partner outside the organisation: a solicitor, a courier, an installer.
    #[schemars(with = "Option<bool>")]
    pub external: Option<Spanned<bool>>,
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
    #[schemars(with = "Option<OneOrManySchema>")]
    #[serde(borrow)]
    pub owner: Option<Spanned<RawOneOrMany<'a>>>,
    /// Free text: web, app, phone, email, store, ..., or an array of them.
    #[schemars(with = "Option<OneOrManySchema>")]
    #[serde(borrow)]
    pub channel: Option<Spanned<RawOneOrMany<'a>>>,
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
    /// Data ids the customer is asked to provide here.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(borrow)]
    pub asks: Option<Vec<Spanned<Text<'a>>>>,
    /// Physical evidence: what the customer sees or keeps (a letter, a price card).
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(borrow)]
    pub artifacts: Option<Vec<Spanned<Text<'a>>>>,
    /// The research behind this step.
    #[schemars(with = "Option<Vec<InsightSchema>>")]
    pub insights: Option<Vec<Spanned<RawEntries>>>,
    /// Departments whose work this step depends on.
    #[schemars(with = "Option<Vec<String>>")]
    #[serde(borrow)]
    pub supported_by: Option<Vec<Spanned<Text<'a>>>>,
    /// How the customer feels here, from -2 (very bad) to 2 (very good).
    #[schemars(with = "Option<i64>", range(min = -2, max = 2))]
    pub score: Option<Spanned<i64>>,
    /// Measured figures: name -> a number, or a table with the value, a target, which way
    /// is better and a unit (CSAT, NPS, CES, wait in days, ...).
    #[schemars(with = "Option<BTreeMap<String, MetricSchema>>")]
    pub metrics: Option<BTreeMap<String, Spanned<RawMetric>>>,
    /// The steps that can follow this one.
    #[schemars(with = "Option<Vec<NextSchema>>")]
    #[serde(borrow)]
    pub next: Option<Vec<Spanned<RawNext<'a>>>>,
}

/// Research behind a touchpoint (the schema of an `insights` entry; the loader reads the
/// entry as [`RawEntries`] to report every problem in it).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct InsightSchema {
    /// Where it comes from: "Store interviews, May 2026", "NPS verbatims Q3".
    source: String,
    /// What a customer said.
    quote: Option<String>,
    /// When (a TOML date, e.g. 2026-05-12).
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    date: Option<String>,
    /// How many people the research heard (at least 1).
    #[schemars(range(min = 1))]
    sample: Option<u32>,
}

/// A metric: a plain number, or a table.
#[derive(Debug)]
pub enum RawMetric {
    Number(f64),
    Table(RawEntries),
}

/// The keys and values of a small table, as written, types unchecked: read so that every
/// unknown key and wrong value in it can be reported at once (metrics and insights).
#[derive(Debug, Default)]
pub struct RawEntries(pub Vec<(Spanned<String>, Spanned<toml::Value>)>);

/// `{ value = 9, target = 5, better = "lower", unit = "days" }` (schema only).
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct MetricTableSchema {
    /// The measured value.
    value: f64,
    /// The value it should reach.
    target: Option<f64>,
    /// "higher" (the default) or "lower": which way the metric improves.
    better: Option<BetterSchema>,
    /// Shown beside the value: "days", "%", "points".
    unit: Option<String>,
}

/// Schema-only shape of a metric.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum MetricSchema {
    Number(f64),
    Table(MetricTableSchema),
}

/// Schema-only: which way a metric improves.
#[derive(JsonSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum BetterSchema {
    Higher,
    Lower,
}

/// `owner = "sales"` or `owner = ["sales", "billing"]` (and likewise `channel`).
#[derive(Debug)]
pub enum RawOneOrMany<'a> {
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

/// Schema-only shape of `owner` and `channel`.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum OneOrManySchema {
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

impl<'de> Deserialize<'de> for RawEntries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = RawEntries;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawEntries, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key()? {
                    entries.push((key, map.next_value()?));
                }
                Ok(RawEntries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl<'de> Deserialize<'de> for RawMetric {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MetricVisitor;
        impl<'de> Visitor<'de> for MetricVisitor {
            type Value = RawMetric;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a table { value = ..., target = ... }")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                #[allow(clippy::cast_precision_loss)] // metrics are far below 2^53
                Ok(RawMetric::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                #[allow(clippy::cast_precision_loss)]
                Ok(RawMetric::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(RawMetric::Number(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                RawEntries::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawMetric::Table)
            }
        }
        deserializer.deserialize_any(MetricVisitor)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for RawOneOrMany<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OwnersVisitor;
        impl<'de> Visitor<'de> for OwnersVisitor {
            type Value = RawOneOrMany<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a department id or an array of department ids")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(RawOneOrMany::One(Text(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(RawOneOrMany::One(Text(Cow::Owned(v.to_owned()))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(RawOneOrMany::Many(ids))
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
