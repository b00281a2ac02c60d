//! The tables as CSV files, one per sheet (`touchpoints.csv`, `departments.csv`, ...): UTF-8
//! with a byte-order mark and CRLF line ends, so that Excel opens them with accents intact;
//! fields quoted where needed (RFC 4180). Text cells go through
//! [`escape::csv_cell`](crate::present::escape::csv_cell), so no name becomes a formula.

use super::{Table, Value};
use crate::load::sheets::cells::number_text;
use crate::present::escape;

/// `(file name, bytes)` for each table.
pub fn files(tables: &[Table]) -> Vec<(String, Vec<u8>)> {
    tables
        .iter()
        .map(|t| (format!("{}.csv", t.spec.name), table(t)))
        .collect()
}

fn table(t: &Table) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .flexible(false)
            .from_writer(&mut out);
        let header: Vec<String> = t
            .headers
            .iter()
            .map(|h| escape::csv_cell(&h.text).into_owned())
            .collect();
        w.write_record(&header)
            .expect("writing to memory cannot fail");
        for row in &t.rows {
            let fields: Vec<String> = row.iter().map(field).collect();
            w.write_record(&fields)
                .expect("writing to memory cannot fail");
        }
        w.flush().expect("writing to memory cannot fail");
    }
    out
}

fn field(value: &Value) -> String {
    match value {
        Value::Empty => String::new(),
        Value::Text(t) => escape::csv_cell(t).into_owned(),
        Value::Number(n) => number_text(*n),
        Value::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Value::Date(d) => d.to_string(),
    }
}
