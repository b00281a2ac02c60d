//! The nesting guard: a cheap lexical pass that finds where a file nests tables or arrays
//! deeper than cxmap allows, before the TOML parser runs, so that no input can exhaust the
//! stack and the problem points at the line that nests too deep. Brackets and braces nest,
//! and so do the parts of a dotted key (`[a.b.c]`, `a.b.c = 1`). Strings and comments are
//! skipped; the TOML parser reports anything else.

use memchr::{memchr, memchr2, memchr3};

/// The bytes [`too_deep`] acts on.
const MATTERS: [bool; 256] = {
    let mut matters = [false; 256];
    let bytes = b"#\"'[{]}=\n,.";
    let mut i = 0;
    while i < bytes.len() {
        matters[bytes[i] as usize] = true;
        i += 1;
    }
    matters
};

/// Where nesting first goes deeper than `max`: the opening bracket, or the start of the
/// dotted key that does.
pub fn too_deep(text: &str, max: usize) -> Option<usize> {
    scan(text, max, |_| {})
}

/// [`too_deep`], also calling `header` with the position of each `[` that opens a table header:
/// first on its line but for spaces and tabs, outside strings, comments and brackets. Both
/// come of one pass, so a large file is read once to find its nesting and where to cut it.
pub fn scan(text: &str, max: usize, mut header: impl FnMut(usize)) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    // Where the current line starts, until a `[` at the top level has been looked at on it:
    // each line is looked at once, however many brackets it holds.
    let mut line_start = Some(0usize);
    // Dots in the key being read, and where it starts.
    let mut dots = 0usize;
    let mut key_start = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        // Most bytes are letters, digits and spaces: passed over without the match below.
        if !MATTERS[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        match bytes[i] {
            b'#' => {
                i = memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                continue;
            }
            q @ (b'"' | b'\'') => i = skip_string(bytes, i, q),
            b'[' | b'{' => {
                if depth == 0 && bytes[i] == b'[' {
                    let first = line_start.take().is_some_and(|start| {
                        bytes[start..i].iter().all(|&b| b == b' ' || b == b'\t')
                    });
                    if first {
                        header(i);
                    }
                }
                depth += 1;
                if depth > max {
                    return Some(i);
                }
                dots = 0;
                key_start = i + 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                dots = 0;
            }
            b'=' | b'\n' | b',' => {
                dots = 0;
                key_start = i + 1;
                if bytes[i] == b'\n' {
                    line_start = Some(i + 1);
                }
            }
            b'.' => {
                dots += 1;
                if depth + dots + 1 > max {
                    let line_start = text[..key_start].rfind('\n').map_or(0, |n| n + 1);
                    return Some(line_start);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the last byte of the string that opens at `i` with quote `q` (the length of
/// the text when the string never closes). Jumps from one byte that may end the string to
/// the next: strings are much of a journey file.
fn skip_string(bytes: &[u8], i: usize, q: u8) -> usize {
    let fence: &[u8] = if q == b'"' { b"\"\"\"" } else { b"\'\'\'" };
    let triple = bytes[i..].starts_with(fence);
    let mut i = i + if triple { 3 } else { 1 };
    while i < bytes.len() {
        let rest = &bytes[i..];
        let next = match (q == b'"', triple) {
            (true, true) => memchr2(b'"', b'\\', rest),
            (true, false) => memchr3(b'"', b'\\', b'\n', rest),
            (false, true) => memchr(q, rest),
            (false, false) => memchr2(q, b'\n', rest),
        };
        let Some(n) = next else {
            return bytes.len();
        };
        i += n;
        if bytes[i] == b'\\' {
            i += 2;
        } else if !triple {
            return i;
        } else if bytes[i..].starts_with(fence) {
            // One or two quotes may stand just inside the closing fence: `"""say "hi""""`.
            let extra = bytes[i + 3..]
                .iter()
                .take(2)
                .take_while(|&&b| b == q)
                .count();
            return i + 2 + extra;
        } else {
            i += 1;
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_and_dotted_keys_both_nest() {
        assert_eq!(too_deep("a = [[[1]]]\n", 3), None);
        assert_eq!(too_deep("a = [[[[1]]]]\n", 3), Some(7));
        let header = format!("[journey]\nid = \"j\"\n[{}]\n", vec!["a"; 40].join("."));
        assert_eq!(too_deep(&header, 32), Some(19));
        let key = format!("x = 1\n{} = 1\n", vec!["k"; 40].join("."));
        assert_eq!(too_deep(&key, 32), Some(6));
        // Dots in strings, comments and numbers do not nest.
        let quiet = format!("v = \"{}\" # {}\nn = 1.5\n", ".".repeat(50), ".".repeat(50));
        assert_eq!(too_deep(&quiet, 32), None);
    }

    #[test]
    fn quotes_just_inside_a_closing_fence_belong_to_the_string() {
        for text in [
            "a = \"\"\"x \"y\"\"\"\"\n",
            "a = \"\"\"x \"\"y\"\"\"\"\"\n",
            "a = '''x 'y''''\n",
            "a = '''x ''y'''''\n",
        ] {
            assert_eq!(
                skip_string(text.as_bytes(), 4, text.as_bytes()[4]),
                text.len() - 2,
                "{text}"
            );
            // What follows the string is read as TOML again: here, a header.
            let mut headers = Vec::new();
            let file = format!("{text}[[t]]\n");
            assert_eq!(scan(&file, 1, |at| headers.push(at)), Some(text.len() + 1));
            assert_eq!(headers, [text.len()], "{text}");
        }
    }

    #[test]
    fn headers_are_first_on_their_line_at_the_top_level() {
        let text = "[journey]\nid = \"[x]\" # [y]\n  [[t]]\nv = [\n[1]]\ns = \"\"\"\n[[u]]\n\"\"\"\n\t[a.b]\n";
        let mut headers = Vec::new();
        assert_eq!(scan(text, 32, |at| headers.push(at)), None);
        let starts: Vec<&str> = headers.iter().map(|&at| &text[at..at + 3]).collect();
        assert_eq!(starts, ["[jo", "[[t", "[a."]);
    }
}
