//! Builtin layout + SVG of one journey of 100, 1,000 and 5,000 touchpoints, both views.
//! `scripts/bench-render.sh` runs Graphviz `dot` on cxmap's DOT of the same journeys.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use cxmap::analyse;
use cxmap::load::load_texts;
use cxmap::present::diagram::{DiagramInput, blueprint, map, svg};

/// Waivers are judged on this day in every test and benchmark.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    for n in [100usize, 1_000, 5_000] {
        let files = common::workspace(n, 1);
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let checked = analyse::check(load_texts(&refs), TODAY);
        assert!(checked.problems.is_empty());
        let input = DiagramInput::new(&checked.workspace, checked.analysis.as_ref().unwrap(), 0);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("map", n), &input, |b, input| {
            b.iter(|| std::hint::black_box(svg::write(&map::scene(input))));
        });
        group.bench_with_input(BenchmarkId::new("blueprint", n), &input, |b, input| {
            b.iter(|| std::hint::black_box(svg::write(&blueprint::scene(input))));
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
