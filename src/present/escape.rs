//! Escaping user text for each target. Every presenter that puts a name, id, message or label
//! into its output goes through one of these; nothing else writes user text.

/// Bidirectional-text controls: harmless in prose, but in a terminal or a code view they can
/// reorder what is shown (the "Trojan Source" trick).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// For one-line terminal text: control and bidi characters become visible escapes (`\u{1b}`),
/// so no name can move the cursor, change colours or reorder the line.
///
/// ```
/// use cxmap::present::escape::terminal;
/// assert_eq!(terminal("red\u{1b}[31m"), r"red\u{1b}[31m");
/// assert_eq!(terminal("\u{202e}gnp.exe"), r"\u{202e}gnp.exe");
/// ```
pub fn terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() || is_bidi_control(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    out
}

/// For source lines shown in a terminal code view: the same characters are replaced, but by
/// placeholders of the same byte length so that byte spans into the line stay valid.
pub fn terminal_same_length(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\t' || c == '\n' || c == '\r' {
            out.push(c);
        } else if c.is_control() || is_bidi_control(c) {
            match c.len_utf8() {
                3 => out.push('\u{FFFD}'),
                n => out.extend(std::iter::repeat_n('?', n)),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// GitHub Actions workflow command message (`::warning ...::MESSAGE`). The log is shown in a
/// terminal-like view, so other control characters are made visible as for the terminal.
pub fn github_data(text: &str) -> String {
    let encoded = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    terminal(&encoded)
}

/// GitHub Actions workflow command property (`file=...,title=...`).
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Text without control characters (line breaks and tabs aside): each becomes U+FFFD, as in
/// [`xml`]. For templates that escape markup themselves.
pub fn without_controls(text: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| c.is_control() && c != '\n' && c != '\t';
    if text.chars().any(control) {
        text.chars()
            .map(|c| if control(c) { '\u{FFFD}' } else { c })
            .collect::<String>()
            .into()
    } else {
        text.into()
    }
}

/// XML / SVG / HTML text and attribute values.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 forbids most control characters even as references.
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A DOT double-quoted string, quotes included, that Graphviz shows as exactly `text`:
/// quotes and backslashes escaped (so `\N`, `\G`, `\l` are not expanded), `&` escaped
/// because Graphviz decodes HTML entities in labels, line breaks made explicit.
///
/// ```
/// use cxmap::present::escape::dot_string;
/// // A name that tries to close the label and inject a node stays one string.
/// assert_eq!(dot_string(r#"x"]; evil [label="y"#), r#""x\"]; evil [label=\"y""#);
/// assert_eq!(dot_string(r"\N & co"), r#""\\N &amp; co""#);
/// ```
pub fn dot_string(text: &str) -> String {
    format!("\"{}\"", dot_inner(text))
}

/// The inside of a DOT double-quoted string (see [`dot_string`]), for joining several parts
/// with cxmap's own `\n` line breaks.
pub fn dot_inner(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '&' => out.push_str("&amp;"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Markdown inline text (also safe inside a table cell): inline markup characters are
/// backslash-escaped, HTML is neutralised, line breaks become spaces. Block syntax (`#`,
/// `-`, `1.`) only acts at the start of a line, where cxmap never puts user text.
///
/// GitHub also turns bare URLs, `www.` names and e-mail addresses into live links
/// ("autolinks"); `:` and the dot after `www` are written as character references and `@`
/// is backslash-escaped: they read the same but keep a name from becoming a link (checked
/// against a GFM parser in `tests/report.rs`).
///
/// ```
/// use cxmap::present::escape::markdown;
/// assert_eq!(markdown("see http://evil.example"), "see http&#58;//evil.example");
/// assert_eq!(markdown("mail a@b.example"), r"mail a\@b.example");
/// assert_eq!(markdown("www.evil.example"), "www&#46;evil.example");
/// ```
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // Only a colon inside a word can start an autolink (`https://`, `mailto:x`).
            ':' if text[..i].ends_with(|p: char| p.is_ascii_alphanumeric())
                && text[i + 1..].starts_with(|n: char| !n.is_whitespace()) =>
            {
                out.push_str("&#58;");
            }
            '@' => out.push_str("\\@"),
            '.' if i >= 3 && text.as_bytes()[i - 3..i].eq_ignore_ascii_case(b"www") => {
                out.push_str("&#46;");
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// A text cell of a CSV file that a spreadsheet program will show as exactly this text, never
/// run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
/// (which Excel and `LibreOffice` read as the start of a formula) gets a leading `'`, as OWASP
/// advises against CSV injection. Text starting with `'` before one of those (or before a
/// second `'`) gets one too, so that the import, which takes exactly one such `'` off, gives
/// back the text unchanged. Numbers and booleans are not text cells and are written as they
/// are.
///
/// ```
/// use cxmap::present::escape::csv_cell;
/// assert_eq!(csv_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(csv_cell("-1 day"), "'-1 day");
/// assert_eq!(csv_cell("'=x"), "''=x");
/// assert_eq!(csv_cell("Sales & Care"), "Sales & Care");
/// assert_eq!(csv_cell("'tis"), "'tis");
/// ```
pub fn csv_cell(text: &str) -> std::borrow::Cow<'_, str> {
    match text.as_bytes() {
        [b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r', ..]
        | [b'\'', b'=' | b'+' | b'-' | b'@' | b'\'' | b'\t' | b'\r', ..] => {
            format!("'{text}").into()
        }
        _ => text.into(),
    }
}

/// Text an Excel user could turn into a formula by editing the cell: the workbook writes it
/// as a text cell with Excel's "quote prefix" style, which keeps it text (the cell's value
/// stays exactly the text; no character is added).
///
/// ```
/// use cxmap::present::escape::looks_like_formula;
/// assert!(looks_like_formula("=1+1"));
/// assert!(looks_like_formula("@SUM(A1)"));
/// assert!(!looks_like_formula("Sales"));
/// ```
pub fn looks_like_formula(text: &str) -> bool {
    matches!(
        text.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// One item of a `;`-separated list cell: a backslash keeps `;` and `\` as text, so that
/// `Letter; leaflet` stays one item.
///
/// ```
/// use cxmap::present::escape::list_item;
/// assert_eq!(list_item("Letter; leaflet"), r"Letter\; leaflet");
/// assert_eq!(list_item(r"C:\docs"), r"C:\\docs");
/// ```
pub fn list_item(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;")
}

/// The touchpoint id of a `next` entry (`id` or `id: label`): as [`list_item`], and a `:`
/// is kept as text too.
///
/// ```
/// use cxmap::present::escape::next_target;
/// assert_eq!(next_target("step:2"), r"step\:2");
/// ```
pub fn next_target(text: &str) -> String {
    list_item(text).replace(':', "\\:")
}

/// Mermaid text: a label in a flowchart (inside `"..."`), or a title, section, task or actor
/// name in a journey diagram. Mermaid decodes `#NN;` entity codes in every diagram, so every
/// character outside letters, digits, spaces and `.-'()/?!+_=@$~^` is written as one: quotes,
/// `#`, `:`, `;`, `,` (journey syntax), `%` (directives and comments), `<`, `>`, `&` (HTML
/// labels), backticks (Markdown strings), brackets and pipes (flowchart syntax), and any
/// other symbol. Line breaks and other control characters become spaces. A name that starts
/// like a keyword of the journey syntax (`title`, `section`, ...) has its first letter encoded,
/// so it stays a name; a blank name becomes a no-break space, so a line is never empty.
///
/// ```
/// use cxmap::present::escape::mermaid;
/// assert_eq!(mermaid(r#"A "quote" & <b>"#), "A #34;quote#34; #38; #60;b#62;");
/// assert_eq!(mermaid("Step: one; two, %%{init}%%"), "Step#58; one#59; two#44; #37;#37;#123;init#125;#37;#37;");
/// assert_eq!(mermaid("section 2"), "#115;ection 2");
/// ```
pub fn mermaid(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_alphanumeric() || " .-'()/?!+_=@$~^".contains(c) {
            out.push(c);
        } else if c.is_control() {
            out.push(' ');
        } else {
            out.push_str(&format!("#{};", u32::from(c)));
        }
    }
    let trimmed = out.trim();
    if trimmed.is_empty() {
        return "#160;".to_owned();
    }
    let lower = trimmed.to_lowercase();
    if ["title", "section", "journey", "acctitle", "accdescr"]
        .iter()
        .any(|k| lower.starts_with(k))
    {
        let first = trimmed.chars().next().expect("not empty");
        return format!("#{};{}", u32::from(first), &trimmed[first.len_utf8()..]);
    }
    trimmed.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_controls_and_bidi() {
        assert_eq!(terminal("a\u{1b}[31mb\u{202E}c"), "a\\u{1b}[31mb\\u{202e}c");
        let same = terminal_same_length("x\u{1b}y\u{202E}z");
        assert_eq!(same.len(), "x\u{1b}y\u{202E}z".len());
        assert!(!same.contains('\u{1b}'));
    }

    #[test]
    fn dot_strings_cannot_break_out() {
        assert_eq!(
            dot_string(r#"x"]; evil [label=""#),
            r#""x\"]; evil [label=\"""#
        );
        assert_eq!(dot_string(r"\N & \G"), r#""\\N &amp; \\G""#);
    }

    #[test]
    fn github_escaping() {
        assert_eq!(github_data("50%\nok"), "50%25%0Aok");
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(github_data("bell\u{7}"), "bell\\u{7}");
    }

    #[test]
    fn mermaid_escaping_leaves_no_syntax() {
        let hostile =
            "x\"]; click t0 call alert(1) %%{init: {'theme':'dark'}}%%\nsection evil: 5: Me`**`|";
        let out = mermaid(hostile);
        // With every `#NN;` entity taken out, nothing of Mermaid's syntax is left.
        let mut bare = String::new();
        let mut rest = out.as_str();
        while let Some(i) = rest.find('#') {
            bare.push_str(&rest[..i]);
            let end = rest[i..].find(';').expect("an entity ends with ;");
            assert!(rest[i + 1..i + end].bytes().all(|b| b.is_ascii_digit()));
            rest = &rest[i + end + 1..];
        }
        bare.push_str(rest);
        for c in [
            '"', ']', '[', ';', ':', '%', '{', '}', '\n', '`', '|', ',', '<', '>', '&',
        ] {
            assert!(!bare.contains(c), "{c:?} left in {out}");
        }
        assert_eq!(mermaid("   "), "#160;");
        assert_eq!(mermaid("Title deeds"), "#84;itle deeds");
        assert_eq!(mermaid("Café 🙂"), "Café #128578;");
    }

    #[test]
    fn markdown_escaping() {
        assert_eq!(
            markdown("[x](javascript:alert(1)) | <b>"),
            "\\[x\\](javascript&#58;alert(1)) \\| &lt;b&gt;"
        );
        assert_eq!(markdown("Care: today (target 8)"), "Care: today (target 8)");
    }
}
