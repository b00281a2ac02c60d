//! `diff` end to end on two versions of a generated workspace (the second with owners removed,
//! scores changed, touchpoints added and a silo shared; `benches/common/mod.rs`), beside
//! checking both versions the way `check` does (load, validate, analyse, JSON output), and the
//! comparison alone (both versions checked already). The goal: a diff in under twice the time
//! of checking both.

mod common;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use cxmap::analyse::{
    self,
    diff::{Diff, Side},
};
use cxmap::load::load_texts;
use cxmap::present::{diff::Labels, json};

/// Waivers are judged on this day in every test and benchmark.
const TODAY: cxmap::model::Date = cxmap::model::Date::new(2026, 11, 26);

fn as_refs(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

fn side(c: &analyse::Checked) -> Side<'_> {
    Side::of(c).expect("valid")
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    for total in [10_000usize, 100_000] {
        let before = common::workspace_version(total, 20, false);
        let after = common::workspace_version(total, 20, true);
        let (b, a) = (as_refs(&before), as_refs(&after));
        group.throughput(Throughput::Elements(2 * total as u64));
        group.bench_with_input(
            BenchmarkId::new("check-both", total),
            &(&b, &a),
            |bench, (b, a)| {
                bench.iter(|| {
                    for files in [b, a] {
                        let checked = analyse::check(load_texts(files), TODAY);
                        assert!(checked.problems.is_empty());
                        let mut out = Vec::new();
                        json::write(&checked, &mut out).expect("written to memory");
                        std::hint::black_box(out);
                    }
                });
            },
        );
        group.bench_with_input(
            BenchmarkId::new("diff", total),
            &(&b, &a),
            |bench, (b, a)| {
                bench.iter(|| {
                    let old = analyse::check(load_texts(b), TODAY);
                    let new = analyse::check(load_texts(a), TODAY);
                    let diff = Diff::new(side(&old), side(&new));
                    assert!(!diff.findings.new.is_empty() && !diff.touchpoints.added.is_empty());
                    let labels = Labels {
                        before: "before".into(),
                        after: "after".into(),
                    };
                    let mut out = Vec::new();
                    cxmap::present::diff::json::write(&diff, &labels, &mut out).expect("in memory");
                    std::hint::black_box(out);
                });
            },
        );
        // The comparison alone, both versions already checked: what the diff adds.
        let old = analyse::check(load_texts(&b), TODAY);
        let new = analyse::check(load_texts(&a), TODAY);
        group.bench_function(BenchmarkId::new("compare-only", total), |bench| {
            bench.iter(|| {
                let diff = Diff::new(side(&old), side(&new));
                let labels = Labels {
                    before: "before".into(),
                    after: "after".into(),
                };
                let mut out = Vec::new();
                cxmap::present::diff::json::write(&diff, &labels, &mut out).expect("in memory");
                std::hint::black_box(out);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
