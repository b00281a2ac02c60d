//! The reader behind [`super::touchpoints`]: a touchpoint filled in as the parser's events
//! come, one step per event. Each step checks that what comes is plain (a touchpoint's own
//! key, a value of its type, written once); the first that is not stops the reading.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::{ErrorSink, Raw, Span as TomlSpan};

use crate::load::raw::{RawEdge, RawNext, RawOneOrMany, RawTouchpoint, Text};
use crate::source::{FileId, Span};

/// A touchpoint's own keys, as far as they are read here.
#[derive(Clone, Copy)]
enum Key {
    Id,
    Name,
    Stage,
    Owner,
    Channel,
    Backstage,
    Purchase,
    Uses,
    Asks,
    Artifacts,
    SupportedBy,
    Score,
    Next,
}

impl Key {
    fn named(name: &str) -> Option<Key> {
        Some(match name {
            "id" => Key::Id,
            "name" => Key::Name,
            "stage" => Key::Stage,
            "owner" => Key::Owner,
            "channel" => Key::Channel,
            "backstage" => Key::Backstage,
            "purchase" => Key::Purchase,
            "uses" => Key::Uses,
            "asks" => Key::Asks,
            "artifacts" => Key::Artifacts,
            "supported_by" => Key::SupportedBy,
            "score" => Key::Score,
            "next" => Key::Next,
            _ => return None,
        })
    }
}

/// A scalar as decoded.
enum Scalar<'i> {
    Text(Cow<'i, str>),
    Bool(bool),
    Int(i64),
}

/// The keys of a `next` table.
#[derive(Clone, Copy)]
enum EdgeKey {
    To,
    Label,
}

/// A touchpoint being read: its header's span, its `id` once seen (a touchpoint must have
/// one) and the rest.
struct Table<'i> {
    header: Range<usize>,
    id: Option<Spanned<Text<'i>>>,
    rest: RawTouchpoint<'i>,
}

/// A `{ to = ..., label = ... }` being read.
struct Edge<'i> {
    start: usize,
    key: Option<EdgeKey>,
    to: Option<Spanned<Text<'i>>>,
    label: Option<Spanned<Text<'i>>>,
}

pub(super) struct Reader<'i> {
    file: FileId,
    piece: &'i str,
    offset: usize,
    /// False from the first thing that is not plain touchpoints: the rest is not read.
    plain: bool,
    done: Vec<(RawTouchpoint<'i>, Span)>,
    table: Option<Table<'i>>,
    /// Inside `[[ ... ]]`: where it opened, and whether `touchpoint` was named.
    header: Option<(usize, bool)>,
    /// The key whose value comes next.
    key: Option<Key>,
    /// The array being read: its key and where it opened. Its elements are gathered in
    /// `texts`, or in `nexts` for `next`, then copied out at its end: an array of one
    /// element takes the room of one, as serde would give it.
    array: Option<(Key, usize)>,
    texts: Vec<Spanned<Text<'i>>>,
    nexts: Vec<Spanned<RawNext<'i>>>,
    edge: Option<Edge<'i>>,
}

impl<'i> Reader<'i> {
    /// A reader of `piece`, which starts `offset` bytes into `file`, that adds the
    /// touchpoints it reads to `done`.
    pub(super) fn new(
        file: FileId,
        piece: &'i str,
        offset: usize,
        done: Vec<(RawTouchpoint<'i>, Span)>,
    ) -> Self {
        Reader {
            file,
            piece,
            offset,
            plain: true,
            done,
            table: None,
            header: None,
            key: None,
            array: None,
            texts: Vec::new(),
            nexts: Vec::new(),
            edge: None,
        }
    }

    /// `done` with the touchpoints read, each with the span of its header, and whether the
    /// piece was plain to its end.
    pub(super) fn finish(mut self) -> (Vec<(RawTouchpoint<'i>, Span)>, bool) {
        self.finish_table();
        let complete = self.header.is_none() && self.key.is_none() && self.array.is_none();
        (self.done, self.plain && complete)
    }

    /// Still reading: nothing but plain touchpoints so far.
    pub(super) fn is_plain(&self) -> bool {
        self.plain
    }

    /// Stops the reading: what comes is not plain.
    pub(super) fn stop(&mut self) {
        self.plain = false;
    }

    /// `span` of the piece as a range of the file.
    fn at(&self, span: TomlSpan) -> Range<usize> {
        span.start() + self.offset..span.end() + self.offset
    }

    fn raw(&self, span: TomlSpan, encoding: Option<Encoding>) -> Raw<'i> {
        Raw::new_unchecked(&self.piece[span.start()..span.end()], encoding, span)
    }

    fn finish_table(&mut self) {
        if let Some(table) = self.table.take() {
            match table.id {
                Some(id) => {
                    let header = Span::new(self.file, table.header);
                    self.done.push((RawTouchpoint { id, ..table.rest }, header));
                }
                None => self.plain = false,
            }
        }
    }

    fn scalar_value(&mut self, key: Key, at: Range<usize>, value: Scalar<'i>) -> Option<()> {
        let table = self.table.as_mut()?;
        let t = &mut table.rest;
        let text = |v| Spanned::new(at.clone(), Text(v));
        match (key, value) {
            (Key::Id, Scalar::Text(v)) => fill(&mut table.id, text(v)),
            (Key::Name, Scalar::Text(v)) => fill(&mut t.name, text(v)),
            (Key::Stage, Scalar::Text(v)) => fill(&mut t.stage, text(v)),
            (Key::Owner, Scalar::Text(v)) => {
                fill(&mut t.owner, Spanned::new(at, RawOneOrMany::One(Text(v))))
            }
            (Key::Channel, Scalar::Text(v)) => {
                fill(&mut t.channel, Spanned::new(at, RawOneOrMany::One(Text(v))))
            }
            (Key::Backstage, Scalar::Bool(v)) => fill(&mut t.backstage, Spanned::new(at, v)),
            (Key::Purchase, Scalar::Bool(v)) => fill(&mut t.purchase, Spanned::new(at, v)),
            (Key::Score, Scalar::Int(v)) => fill(&mut t.score, Spanned::new(at, v)),
            _ => None,
        }
    }

    fn array_value(&mut self, key: Key, at: Range<usize>) -> Option<()> {
        let t = &mut self.table.as_mut()?.rest;
        let texts = &mut self.texts;
        match key {
            Key::Owner => fill(
                &mut t.owner,
                Spanned::new(at, RawOneOrMany::Many(exact(texts))),
            ),
            Key::Channel => fill(
                &mut t.channel,
                Spanned::new(at, RawOneOrMany::Many(exact(texts))),
            ),
            Key::Uses => fill(&mut t.uses, exact(texts)),
            Key::Asks => fill(&mut t.asks, exact(texts)),
            Key::Artifacts => fill(&mut t.artifacts, exact(texts)),
            Key::SupportedBy => fill(&mut t.supported_by, exact(texts)),
            Key::Next => fill(&mut t.next, exact(&mut self.nexts)),
            _ => None,
        }
    }

    pub(super) fn scalar(
        &mut self,
        span: TomlSpan,
        encoding: Option<Encoding>,
        error: &mut dyn ErrorSink,
    ) -> Option<()> {
        let mut decoded = Cow::Borrowed("");
        let value = match self.raw(span, encoding).decode_scalar(&mut decoded, error) {
            ScalarKind::String => Scalar::Text(decoded),
            ScalarKind::Boolean(b) => Scalar::Bool(b),
            ScalarKind::Integer(radix) => {
                Scalar::Int(i64::from_str_radix(&decoded, radix.value()).ok()?)
            }
            ScalarKind::Float | ScalarKind::DateTime => return None,
        };
        let at = self.at(span);
        if let Some(edge) = &mut self.edge {
            let Scalar::Text(v) = value else { return None };
            let slot = match edge.key.take()? {
                EdgeKey::To => &mut edge.to,
                EdgeKey::Label => &mut edge.label,
            };
            return fill(slot, Spanned::new(at, Text(v)));
        }
        if let Some((key, _)) = self.array {
            let Scalar::Text(v) = value else { return None };
            match key {
                Key::Next => self.nexts.push(Spanned::new(at, RawNext::Id(Text(v)))),
                _ => self.texts.push(Spanned::new(at, Text(v))),
            }
            return Some(());
        }
        let key = self.key.take()?;
        self.scalar_value(key, at, value)
    }

    pub(super) fn simple_key(
        &mut self,
        span: TomlSpan,
        encoding: Option<Encoding>,
        error: &mut dyn ErrorSink,
    ) -> Option<()> {
        if encoding.is_some() {
            return None;
        }
        let mut name = Cow::Borrowed("");
        self.raw(span, None).decode_key(&mut name, error);
        if let Some((_, named)) = &mut self.header {
            if *named || name != "touchpoint" {
                return None;
            }
            *named = true;
            return Some(());
        }
        if let Some(edge) = &mut self.edge {
            if edge.key.is_some() {
                return None;
            }
            edge.key = Some(match name.as_ref() {
                "to" => EdgeKey::To,
                "label" => EdgeKey::Label,
                _ => return None,
            });
            return Some(());
        }
        if self.table.is_none() || self.key.is_some() || self.array.is_some() {
            return None;
        }
        self.key = Some(Key::named(&name)?);
        Some(())
    }

    pub(super) fn array_table_open(&mut self, span: TomlSpan) -> Option<()> {
        if self.header.is_some() || self.key.is_some() || self.array.is_some() {
            return None;
        }
        self.finish_table();
        self.header = Some((self.at(span).start, false));
        Some(())
    }

    pub(super) fn array_table_close(&mut self, span: TomlSpan) -> Option<()> {
        let (start, true) = self.header.take()? else {
            return None;
        };
        self.table = Some(Table {
            header: start..self.at(span).end,
            id: None,
            rest: blank(),
        });
        Some(())
    }

    pub(super) fn array_open(&mut self, span: TomlSpan) -> Option<()> {
        if self.array.is_some() {
            return None;
        }
        let key = self.key.take()?;
        self.array = Some((key, self.at(span).start));
        Some(())
    }

    pub(super) fn array_close(&mut self, span: TomlSpan) -> Option<()> {
        let (key, start) = self.array.take()?;
        if self.edge.is_some() {
            return None;
        }
        let at = start..self.at(span).end;
        self.array_value(key, at)
    }

    pub(super) fn inline_table_open(&mut self, span: TomlSpan) -> Option<()> {
        match (&self.array, &self.edge) {
            (Some((Key::Next, _)), None) => {
                self.edge = Some(Edge {
                    start: self.at(span).start,
                    key: None,
                    to: None,
                    label: None,
                });
                Some(())
            }
            _ => None,
        }
    }

    pub(super) fn inline_table_close(&mut self, span: TomlSpan) -> Option<()> {
        let edge = self.edge.take()?;
        if edge.key.is_some() {
            return None;
        }
        let at = edge.start..self.at(span).end;
        let edge = RawEdge {
            to: edge.to?,
            label: edge.label,
        };
        self.nexts.push(Spanned::new(at, RawNext::Edge(edge)));
        Some(())
    }

    /// Runs one step while the piece is plain; a step that gives `None` ends that.
    pub(super) fn step(&mut self, step: impl FnOnce(&mut Self) -> Option<()>) {
        if self.plain && step(self).is_none() {
            self.plain = false;
        }
    }
}

/// Sets an empty slot; `None` when it was set already (a key written twice).
fn fill<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

/// The elements gathered in `scratch`, moved to a vector of their number: `scratch` keeps
/// its room for the next array, and a touchpoint's arrays take no more than they hold.
fn exact<T>(scratch: &mut Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(scratch.len());
    out.append(scratch);
    out
}

/// A touchpoint with nothing but its id, which the caller sets.
fn blank<'i>() -> RawTouchpoint<'i> {
    RawTouchpoint {
        id: Spanned::new(0..0, Text(Cow::Borrowed(""))),
        name: None,
        stage: None,
        owner: None,
        channel: None,
        backstage: None,
        purchase: None,
        uses: None,
        asks: None,
        artifacts: None,
        insights: None,
        supported_by: None,
        score: None,
        metrics: None,
        next: None,
    }
}
