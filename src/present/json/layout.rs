//! `serde_json`'s pretty layout (two spaces a level) from any depth, so that the parts of one
//! document can be serialised apart, on all cores, and joined into exactly the bytes a single
//! `serde_json::to_writer_pretty` would have written. A large workspace has a hundred thousand
//! findings; serialising them is most of the time `check --format json` spends after the
//! analysis, and they are independent of each other.

use std::io::{self, Write};
use std::sync::mpsc;

use serde::Serialize;
use serde_json::ser::Formatter;

/// [`serde_json::ser::PrettyFormatter`]'s layout, starting `depth` levels in.
pub struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    pub fn at(depth: usize) -> Self {
        Indented {
            depth,
            has_value: false,
        }
    }
}

fn indent<W: ?Sized + Write>(out: &mut W, depth: usize) -> io::Result<()> {
    for _ in 0..depth {
        out.write_all(b"  ")?;
    }
    Ok(())
}

impl Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        self.item(out, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

impl Indented {
    fn open<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, out: &mut W, first: bool) -> io::Result<()> {
        out.write_all(if first { b"\n" } else { b",\n" })?;
        indent(out, self.depth)
    }

    fn close<W: ?Sized + Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            out.write_all(b"\n")?;
            indent(out, self.depth)?;
        }
        out.write_all(bracket)
    }
}

/// Writes `value` pretty, as if it stood `depth` levels deep in a larger document.
pub fn write_at<W: ?Sized + Write>(
    out: &mut W,
    depth: usize,
    value: &impl Serialize,
) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, Indented::at(depth));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// How many items one worker serialises at a time: large enough that handing chunks over
/// costs nothing, small enough that the chunks in flight stay a few MiB.
const CHUNK: usize = 2048;

/// Writes `items` as a JSON array standing `depth` levels deep, each item turned into JSON by
/// `json`. Chunks of items are serialised on all cores and written in order, a few at a time,
/// so the output is the same bytes whatever the scheduling and never held whole in memory.
pub fn write_array<'a, T: Sync, J: Serialize>(
    out: &mut dyn Write,
    depth: usize,
    items: &'a [T],
    json: impl Fn(&'a T) -> J + Sync,
) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let chunk = |c: usize| -> io::Result<Vec<u8>> {
        let mut buf = Vec::new();
        let start = c * CHUNK;
        for (i, item) in items.iter().enumerate().skip(start).take(CHUNK) {
            buf.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            indent(&mut buf, depth + 1)?;
            write_at(&mut buf, depth + 1, &json(item))?;
        }
        Ok(buf)
    };
    let chunks = items.len().div_ceil(CHUNK);
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(chunks);
    if workers <= 1 {
        for c in 0..chunks {
            out.write_all(&chunk(c)?)?;
        }
    } else {
        std::thread::scope(|scope| -> io::Result<()> {
            // Worker `w` serialises chunks w, w + workers, ...: the calling thread is worker 0
            // (it also writes), the others hand their chunks over in order through a channel
            // each, so taking the chunks in turn restores the order of the items. The bound
            // keeps at most two chunks waiting per worker.
            let receivers: Vec<mpsc::Receiver<io::Result<Vec<u8>>>> = (1..workers)
                .map(|w| {
                    let (send, receive) = mpsc::sync_channel(2);
                    let chunk = &chunk;
                    scope.spawn(move || {
                        for c in (w..chunks).step_by(workers) {
                            // The receiver stops listening only after a write failed.
                            if send.send(chunk(c)).is_err() {
                                break;
                            }
                        }
                    });
                    receive
                })
                .collect();
            for c in 0..chunks {
                let buf = match c % workers {
                    0 => chunk(c)?,
                    w => receivers[w - 1]
                        .recv()
                        .map_err(|_| io::Error::other("a JSON worker stopped"))??,
                };
                out.write_all(&buf)?;
            }
            Ok(())
        })?;
    }
    out.write_all(b"\n")?;
    indent(out, depth)?;
    out.write_all(b"]")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Item {
        n: usize,
        name: String,
        none: Option<u8>,
        empty: Vec<u8>,
        list: Vec<u32>,
        nested: Nested,
    }

    #[derive(Serialize)]
    struct Nested {
        flag: bool,
        deeper: Vec<Vec<u8>>,
    }

    #[derive(Serialize)]
    struct Document<'a> {
        title: &'a str,
        items: &'a [Item],
        nothing: &'a [Item],
    }

    /// Many chunks, serialised on several threads, make the bytes one pretty serialiser makes.
    #[test]
    fn parts_written_apart_join_into_the_pretty_document() {
        let items: Vec<Item> = (0..CHUNK * 3 + 17)
            .map(|n| Item {
                n,
                name: format!("item \"{n}\"\n\t<&>"),
                none: None,
                empty: Vec::new(),
                list: (0..u32::try_from(n % 4).unwrap_or(0)).collect(),
                nested: Nested {
                    flag: n % 2 == 0,
                    deeper: vec![vec![], vec![1, 2]],
                },
            })
            .collect();
        let document = Document {
            title: "x",
            items: &items,
            nothing: &[],
        };
        let wanted = serde_json::to_string_pretty(&document).expect("serialisable");

        let mut out: Vec<u8> = Vec::new();
        out.extend_from_slice(b"{\n  \"title\": ");
        write_at(&mut out, 1, &"x").expect("to memory");
        out.extend_from_slice(b",\n  \"items\": ");
        write_array(&mut out, 1, &items, |i| i).expect("to memory");
        out.extend_from_slice(b",\n  \"nothing\": ");
        write_array(&mut out, 1, document.nothing, |i| i).expect("to memory");
        out.extend_from_slice(b"\n}");
        assert_eq!(String::from_utf8(out).expect("UTF-8"), wanted);
    }
}
