//! The HTML report end to end from the files' text (load, analyse, figures, blueprints,
//! printed pages, charts and the page): a 50-journey workspace with 10,000 touchpoints, and
//! one journey of 50,000 touchpoints (its cost must grow with the touchpoints, not faster).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

use cxmap::analyse;
use cxmap::load::load_texts;
use cxmap::present::{file_stems, report::Report};

/// Waivers are judged on this day in every test and benchmark.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

fn html(refs: &[(&str, &str)]) -> String {
    let checked = analyse::check(load_texts(refs), TODAY);
    assert!(checked.problems.is_empty());
    let ws = &checked.workspace;
    let stems = file_stems(ws.journeys.iter().map(|j| j.id.as_str())).unwrap();
    let report = Report::new(ws, checked.analysis.as_ref().unwrap(), None, stems);
    report.html()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for (touchpoints, journeys) in [(10_000, 50), (10_000, 1), (50_000, 1)] {
        let files = common::workspace(touchpoints, journeys);
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        group.bench_function(
            format!("html/{journeys}-journeys/{touchpoints}-touchpoints"),
            |b| b.iter(|| std::hint::black_box(html(&refs))),
        );
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
