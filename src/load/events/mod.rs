//! The touchpoints of one piece of a large file (see [`super::pieces`]) read straight from the
//! TOML parser's events. The `toml` crate first builds a document tree of maps, then serde
//! walks it: for a large workspace the two were a third of `check`'s time. Here the events of
//! `toml_parser` (the crate's own lexer, grammar and string decoding) fill the touchpoints
//! directly, with spans already where the piece sits in its file.
//!
//! Only the plain shape that large journey files have is read: `[[touchpoint]]` headers, then
//! lines `key = value` of a touchpoint's own keys, the values strings, booleans, integers,
//! arrays of strings and the `{ to = ..., label = ... }` tables of `next`. Anything else (a
//! quoted or dotted key, `metrics`, `insights`, a key written twice, a value of another type, a
//! TOML error, a missing `id`) makes [`read_touchpoints`] give false, and the piece goes the
//! way of a whole document, where every problem is found and reported. So this can make a
//! valid piece faster, never change what a piece means.

mod reader;

use toml_parser::decoder::Encoding;
use toml_parser::lexer::Token;
use toml_parser::parser::{EventReceiver, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Source, Span as TomlSpan};

use super::raw::RawTouchpoint;
use crate::source::{FileId, Span};
use reader::Reader;

/// Reads the touchpoints of `piece`, which starts `offset` bytes into `file`, onto the end of
/// `into`, each with the span of its header. False, with `into` as it was, when the piece is
/// anything but plain touchpoints (see the module docs). `tokens` is room for the lexer's
/// tokens, kept from one piece to the next.
pub fn read_touchpoints<'i>(
    file: FileId,
    piece: &'i str,
    offset: usize,
    tokens: &mut Vec<Token>,
    into: &mut Vec<(RawTouchpoint<'i>, Span)>,
) -> bool {
    let source = Source::new(piece);
    tokens.clear();
    tokens.extend(source.lex());
    let before = into.len();
    let mut reader = Reader::new(file, piece, offset, std::mem::take(into));
    let mut error: Option<ParseError> = None;
    toml_parser::parser::parse_document(
        tokens,
        &mut ValidateWhitespace::new(&mut reader, source),
        &mut error,
    );
    let (mut read, plain) = reader.finish();
    let plain = plain && error.is_none();
    if !plain {
        read.truncate(before);
    }
    *into = read;
    plain
}

impl EventReceiver for Reader<'_> {
    fn std_table_open(&mut self, _span: TomlSpan, _error: &mut dyn ErrorSink) {
        self.stop();
    }
    fn array_table_open(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) {
        self.step(|r| r.array_table_open(span));
    }
    fn array_table_close(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) {
        self.step(|r| r.array_table_close(span));
    }
    // Once the piece is not plain, the parser is told not to go into what opens: it then
    // passes over it without going deeper, however deep it nests (the nesting guard reads
    // strings a little differently from the lexer, so it cannot be the only bound).
    fn inline_table_open(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) -> bool {
        self.step(|r| r.inline_table_open(span));
        self.is_plain()
    }
    fn inline_table_close(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) {
        self.step(|r| r.inline_table_close(span));
    }
    fn array_open(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) -> bool {
        self.step(|r| r.array_open(span));
        self.is_plain()
    }
    fn array_close(&mut self, span: TomlSpan, _error: &mut dyn ErrorSink) {
        self.step(|r| r.array_close(span));
    }
    fn simple_key(&mut self, span: TomlSpan, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.step(|r| r.simple_key(span, kind, error));
    }
    fn key_sep(&mut self, _span: TomlSpan, _error: &mut dyn ErrorSink) {
        // A dotted key.
        self.stop();
    }
    fn scalar(&mut self, span: TomlSpan, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        self.step(|r| r.scalar(span, kind, error));
    }
    fn error(&mut self, _span: TomlSpan, _error: &mut dyn ErrorSink) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse::{Pass, parse_tables};

    /// What the whole-document path gives for `text`: the touchpoints, or `None` with problems.
    fn whole(text: &str) -> Option<String> {
        let mut problems = Vec::new();
        let items = parse_tables(FileId(0), text, &mut problems, Pass::Careful).ok()?;
        (problems.is_empty() && items.journey.is_none()).then(|| format!("{:?}", items.touchpoints))
    }

    fn touchpoints(
        file: FileId,
        piece: &str,
        offset: usize,
    ) -> Option<Vec<(RawTouchpoint<'_>, Span)>> {
        let mut into = Vec::new();
        read_touchpoints(file, piece, offset, &mut Vec::new(), &mut into).then_some(into)
    }

    fn read(text: &str) -> Option<String> {
        touchpoints(FileId(0), text, 0).map(|t| format!("{t:?}"))
    }

    /// Every key read here, with strings that need decoding and every kind of `next` entry.
    const PLAIN: &str = r#"[[touchpoint]]
id = "t1" # the first
name = "Step \"one\" [[touchpoint]]"
stage = 'A'
owner = ["d1", "d2"]
channel = "web"
backstage = false
purchase = true
uses = ["x", "y",]
asks = []
artifacts = ["a letter", """
two lines"""]
supported_by = ["d3"]
score = -2
next = ["t2", { to = "t1", label = "retry" }, {to="t3"}]

[[ touchpoint ]]
id = "t2"
owner = "d1"
channel = ["web", "app"]
score = +1_0
next = [
  "t1", # back
]
"#;

    #[test]
    fn plain_touchpoints_are_read_as_the_whole_document_reads_them() {
        let expected = whole(PLAIN).expect("valid");
        assert_eq!(read(PLAIN).as_deref(), Some(expected.as_str()));
        assert!(
            expected.contains("Step \\\"one\\\" [[touchpoint]]"),
            "{expected}"
        );
    }

    #[test]
    fn spans_are_where_the_piece_sits_in_its_file() {
        let at_0 = touchpoints(FileId(0), PLAIN, 0).expect("plain");
        let at_100 = touchpoints(FileId(0), PLAIN, 100).expect("plain");
        let (first, header) = &at_100[0];
        assert_eq!(header.start, at_0[0].1.start + 100);
        assert_eq!(
            first.id.span(),
            120..124,
            "`\"t1\"` is at 20..24 of the piece"
        );
        let next = first.next.as_ref().expect("next");
        assert_eq!(
            next[1].span().start,
            at_0[0].0.next.as_ref().unwrap()[1].span().start + 100
        );
    }

    /// Everything not read here: `None`, so that the piece is parsed as a whole document.
    #[test]
    fn anything_else_is_left_to_the_whole_document() {
        let tp = "[[touchpoint]]\nid = \"z\"\n";
        for (what, text) in [
            ("a quoted key", format!("{tp}\"name\" = \"n\"\n")),
            ("a dotted key", format!("{tp}metrics.csat = 3\n")),
            ("metrics", format!("{tp}metrics = {{ csat = 3 }}\n")),
            (
                "a sub-table",
                format!("{tp}[touchpoint.metrics]\ncsat = 3\n"),
            ),
            (
                "insights",
                format!("{tp}[[touchpoint.insights]]\nsource = \"s\"\n"),
            ),
            ("a key twice", format!("{tp}name = \"a\"\nname = \"b\"\n")),
            ("`id` twice", format!("{tp}id = \"y\"\n")),
            ("no id", "[[touchpoint]]\nname = \"n\"\n".to_owned()),
            ("an unknown key", format!("{tp}colour = \"red\"\n")),
            (
                "a string for a boolean",
                format!("{tp}backstage = \"yes\"\n"),
            ),
            ("a float for the score", format!("{tp}score = 1.0\n")),
            (
                "an integer too large",
                format!("{tp}score = 99999999999999999999\n"),
            ),
            ("a date", format!("{tp}name = 2026-05-12\n")),
            ("a nested array", format!("{tp}uses = [[\"x\"]]\n")),
            ("an array of numbers", format!("{tp}uses = [1]\n")),
            (
                "a table in `uses`",
                format!("{tp}uses = [{{ to = \"x\" }}]\n"),
            ),
            (
                "an edge without `to`",
                format!("{tp}next = [{{ label = \"x\" }}]\n"),
            ),
            (
                "an edge with another key",
                format!("{tp}next = [{{ to = \"x\", why = \"y\" }}]\n"),
            ),
            (
                "an edge key twice",
                format!("{tp}next = [{{ to = \"x\", to = \"y\" }}]\n"),
            ),
            ("an inline table", format!("{tp}owner = {{ id = \"d\" }}\n")),
            ("another table", format!("{tp}[journey]\nid = \"j\"\n")),
            (
                "another array of tables",
                format!("{tp}[[department]]\nid = \"d\"\n"),
            ),
            ("a TOML error", format!("{tp}score = \n")),
            ("a bad escape", format!("{tp}name = \"a\\qb\"\n")),
            (
                "a control character in a comment",
                format!("{tp}# a\u{1}b\n"),
            ),
        ] {
            assert_eq!(read(&text), None, "{what}");
        }
    }

    #[test]
    fn nesting_the_guard_did_not_see_is_passed_over_not_recursed_into() {
        // A quote inside a bare word is part of the word for the lexer, but opens a string for
        // the nesting guard, which then misses the brackets after it (found by a reviewer).
        let deep = format!(
            "[[touchpoint]]\nid = \"t\"\nx\" = {}\n",
            "[".repeat(200_000)
        );
        assert_eq!(read(&deep), None);
        let deep = format!(
            "[[touchpoint]]\nid = \"t\"\nnext = [{}\n",
            "{ a = ".repeat(200_000)
        );
        assert_eq!(read(&deep), None);
    }

    #[test]
    fn what_is_read_is_never_other_than_the_whole_document() {
        // Variants of a plain piece: each is either not read here, or read the same.
        let tp = "[[touchpoint]]\nid = \"z\"\n";
        for line in [
            "score = 0x10",
            "score = -0",
            "name = 'C:\\path'",
            "name = \"\"\"\\\n  folded\"\"\"",
            "name = \"caf\\u00e9\"",
            "uses = [ ]",
            "owner = []",
            "next = [\"a\" , \"b\"]",
            "next = [{ to = \"a\", label = \"\" }]",
            "purchase = true # bought",
        ] {
            let text = format!("{tp}{line}\n");
            let expected = whole(&text);
            assert!(expected.is_some(), "{line} is valid");
            assert_eq!(read(&text), expected, "{line}");
        }
    }
}
