//! Lowering a journey's touchpoints: ids checked for duplicates, then each touchpoint's
//! references (stage, owners, data, supporting teams, next steps) resolved within its
//! journey and the workspace, every problem collected.

use std::collections::{HashMap, HashSet};

use toml::Spanned;

use super::evidence;
use super::parse::span_of;
use super::raw::{RawNext, RawOneOrMany, RawTouchpoint, Text};
use super::resolve::{Lowerer, check_id, display_name, resolve_list};
use crate::model::{Step, Touchpoint, TouchpointSpans};
use crate::problem::Problem;
use crate::source::{FileId, Span};
use crate::suggest::help_for_unknown;

impl Lowerer {
    pub(super) fn touchpoints(
        &self,
        file: FileId,
        stages: &[String],
        has_stages: bool,
        raws: &[(RawTouchpoint, Span)],
        broken: &[String],
        problems: &mut Vec<Problem>,
    ) -> Vec<Touchpoint> {
        // Duplicates first, so that `next` resolves against the touchpoints kept.
        let mut seen: HashSet<&str> = HashSet::with_capacity(raws.len());
        let mut kept = Vec::with_capacity(raws.len());
        for (raw, _) in raws {
            let id = raw.id.get_ref().as_str();
            if !seen.insert(id) {
                problems.push(
                    Problem::new(
                        span_of(file, &raw.id),
                        format!("touchpoint `{id}` is declared twice in this journey"),
                    )
                    .with_help("give each touchpoint of a journey its own `id`"),
                );
                continue;
            }
            check_id(file, &raw.id, "touchpoint", problems);
            kept.push(raw);
        }
        let index: HashMap<&str, usize> = kept
            .iter()
            .enumerate()
            .map(|(i, raw)| (raw.id.get_ref().as_str(), i))
            .collect();
        let journey = JourneyScope {
            file,
            stages,
            has_stages,
            index: &index,
            broken,
        };
        kept.into_iter()
            .map(|raw| self.touchpoint(&journey, raw, problems))
            .collect()
    }

    /// One touchpoint of a journey, its references resolved.
    fn touchpoint(
        &self,
        journey: &JourneyScope,
        raw: &RawTouchpoint,
        problems: &mut Vec<Problem>,
    ) -> Touchpoint {
        let file = journey.file;
        let stage = raw.stage.as_ref().and_then(|s| journey.stage(s, problems));
        let owners = match &raw.owner {
            None => Vec::new(),
            Some(o) => match o.get_ref() {
                RawOneOrMany::One(name) => {
                    let named = Spanned::new(o.span(), name.clone());
                    let found = self.department_ref(file, &named, "owner", problems);
                    found.into_iter().collect()
                }
                RawOneOrMany::Many(names) => self.department_refs(file, names, "owner", problems).0,
            },
        };
        let channels = match raw.channel.as_ref().map(Spanned::get_ref) {
            None => Vec::new(),
            Some(RawOneOrMany::One(c)) => vec![c.to_string()],
            Some(RawOneOrMany::Many(cs)) => {
                resolve_list(file, cs, "channel", problems, |_, c, _| {
                    Some(c.get_ref().to_string())
                })
                .0
            }
        };
        let data_list =
            |key: &str, list: &Option<Vec<Spanned<Text<'_>>>>, problems: &mut Vec<Problem>| {
                resolve_list(
                    file,
                    list.as_deref().unwrap_or(&[]),
                    key,
                    problems,
                    |_, d, problems| self.data_ref(file, d, key, problems),
                )
            };
        let (uses, uses_spans) = data_list("uses", &raw.uses, problems);
        let (asks, asks_spans) = data_list("asks", &raw.asks, problems);
        let (supported_by, supported_by_spans) = self.department_refs(
            file,
            raw.supported_by.as_deref().unwrap_or(&[]),
            "supported_by",
            problems,
        );
        let artifacts = raw
            .artifacts
            .iter()
            .flatten()
            .map(|a| a.get_ref().to_string())
            .collect();
        let score = raw.score.as_ref().and_then(|s| {
            let v = *s.get_ref();
            if (-2..=2).contains(&v) {
                i8::try_from(v).ok()
            } else {
                problems.push(
                    Problem::new(span_of(file, s), format!("`score` is {v}, outside -2..2"))
                        .with_help("use -2 (very bad), -1, 0, 1 or 2 (very good)"),
                );
                None
            }
        });
        let metrics = raw
            .metrics
            .iter()
            .flatten()
            .filter_map(|(name, m)| evidence::metric(file, name, m, problems))
            .collect();
        let insights = raw
            .insights
            .iter()
            .flatten()
            .filter_map(|i| evidence::insight(file, i, problems))
            .collect();
        let next = self.next_steps(journey, raw, problems);
        let id = raw.id.get_ref().to_string();
        Touchpoint {
            name: display_name(raw.name.as_ref(), &id),
            stage,
            owners: owners.into(),
            channels: channels.into(),
            backstage: raw.backstage.as_ref().is_some_and(|b| *b.get_ref()),
            purchase: raw.purchase.as_ref().is_some_and(|b| *b.get_ref()),
            uses: uses.into(),
            asks: asks.into(),
            artifacts,
            insights,
            supported_by: supported_by.into(),
            score,
            metrics,
            next: next.into(),
            spans: TouchpointSpans {
                id: span_of(file, &raw.id),
                owner: raw.owner.as_ref().map(|o| span_of(file, o)),
                score: raw.score.as_ref().map(|s| span_of(file, s)),
                uses: uses_spans.into(),
                supported_by: supported_by_spans.into(),
                asks: asks_spans.into(),
            },
            id,
        }
    }

    /// The `next` steps of a touchpoint, resolved within its journey.
    #[allow(clippy::unused_self)] // a method beside the other lowering steps
    fn next_steps(
        &self,
        journey: &JourneyScope,
        raw: &RawTouchpoint,
        problems: &mut Vec<Problem>,
    ) -> Vec<Step> {
        let targets: Vec<(Spanned<Text<'_>>, Option<String>)> = raw
            .next
            .iter()
            .flatten()
            .map(|n| match n.get_ref() {
                RawNext::Id(to) => (Spanned::new(n.span(), to.clone()), None),
                RawNext::Edge(e) => (
                    e.to.clone(),
                    e.label.as_ref().map(|l| l.get_ref().to_string()),
                ),
            })
            .collect();
        let ids: Vec<Spanned<Text<'_>>> = targets.iter().map(|(t, _)| t.clone()).collect();
        resolve_list(journey.file, &ids, "next", problems, |i, t, problems| {
            let to = journey.touchpoint_ref(t, problems)?;
            Some(Step {
                to,
                label: targets[i].1.clone(),
            })
        })
        .0
    }
}

/// What a touchpoint's references are checked against within its journey.
struct JourneyScope<'a> {
    file: FileId,
    stages: &'a [String],
    has_stages: bool,
    /// Touchpoint id → index, for `next`.
    index: &'a HashMap<&'a str, usize>,
    /// Ids of touchpoint tables already reported as invalid.
    broken: &'a [String],
}

impl JourneyScope<'_> {
    fn stage(&self, s: &Spanned<Text<'_>>, problems: &mut Vec<Problem>) -> Option<usize> {
        let found = self.stages.iter().position(|x| x == s.get_ref().as_str());
        if found.is_none() {
            let help = if self.has_stages {
                let names: Vec<&str> = self.stages.iter().map(String::as_str).collect();
                help_for_unknown(s.get_ref(), "stage", &names)
            } else {
                "list the journey's stages in `[journey]`: `stages = [\"Discover\", \"Buy\", ...]`"
                    .to_owned()
            };
            problems.push(
                Problem::new(
                    span_of(self.file, s),
                    format!("`stage` names an unknown stage `{}`", s.get_ref()),
                )
                .with_help(help),
            );
        }
        found
    }

    fn touchpoint_ref(&self, t: &Spanned<Text<'_>>, problems: &mut Vec<Problem>) -> Option<usize> {
        let found = self.index.get(t.get_ref().as_str()).copied();
        if found.is_none() && !self.broken.iter().any(|b| b == t.get_ref().as_str()) {
            let mut ids: Vec<&str> = self.index.keys().copied().collect();
            ids.sort_unstable();
            problems.push(
                Problem::new(
                    span_of(self.file, t),
                    format!("`next` names an unknown touchpoint `{}`", t.get_ref()),
                )
                .with_help(help_for_unknown(t.get_ref(), "touchpoint", &ids)),
            );
        }
        found
    }
}
