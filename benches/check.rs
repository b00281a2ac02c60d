//! `check` end to end (load, validate, analyse, JSON output) on workspaces of 1k, 10k and
//! 100k touchpoints over 20 journey files, beside a parse-only baseline (the same files
//! deserialised into the raw serde structs by the `toml` crate, on one core, and nothing else)
//! and cxmap's own loading alone (parse and validate into the model, no analysis, no output).

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use cxmap::analyse;
use cxmap::load::{load_texts, raw::RawFile};
use cxmap::present::json;

// The allocator of the `cxmap` binary (src/main.rs), so that both sides are measured as the
// command runs them.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Waivers are judged on this day in every test and benchmark.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for total in [1_000usize, 10_000, 100_000] {
        let files = common::workspace(total, 20);
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        group.throughput(Throughput::Elements(total as u64));
        group.bench_with_input(BenchmarkId::new("parse-only", total), &refs, |b, refs| {
            b.iter(|| {
                for (_, text) in refs {
                    let raw: RawFile = toml::from_str(text).expect("valid");
                    std::hint::black_box(raw);
                }
            });
        });
        group.bench_with_input(BenchmarkId::new("load-only", total), &refs, |b, refs| {
            b.iter(|| {
                let loaded = load_texts(refs);
                assert!(loaded.problems.is_empty());
                std::hint::black_box(loaded);
            });
        });
        group.bench_with_input(BenchmarkId::new("check", total), &refs, |b, refs| {
            b.iter(|| {
                let checked = analyse::check(load_texts(refs), TODAY);
                assert!(checked.problems.is_empty());
                let mut out = Vec::new();
                json::write(&checked, &mut out).expect("written to memory");
                std::hint::black_box(out);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
