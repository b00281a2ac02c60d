//! The HTML report of a 50-journey workspace with 10,000 touchpoints, end to end from the
//! files' text: load, analyse, figures, 50 blueprints, charts and the page.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

use cxmap::analyse;
use cxmap::load::load_texts;
use cxmap::present::{file_stems, report::Report};

/// Waivers are judged on this day in every test and benchmark.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

fn bench(c: &mut Criterion) {
    let files = common::workspace(10_000, 50);
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    group.bench_function("html/50-journeys/10000-touchpoints", |b| {
        b.iter(|| {
            let checked = analyse::check(load_texts(&refs), TODAY);
            assert!(checked.problems.is_empty());
            let ws = &checked.workspace;
            let stems = file_stems(ws.journeys.iter().map(|j| j.id.as_str())).unwrap();
            let report = Report::new(ws, checked.analysis.as_ref().unwrap(), None, stems);
            std::hint::black_box(report.html())
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
