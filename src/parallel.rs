//! Work spread over the machine's cores, results in input order whatever the scheduling, so
//! output stays deterministic: files while they are parsed, journeys while their touchpoints
//! are resolved.
//!
//! Architecture invariant: a leaf, like `source`. It depends on nothing else in cxmap.

use std::sync::Mutex;

/// `f` over every item, on all cores, in order. Each call gets its own problem list; the
/// lists are joined in input order. Items are handed out one at a time to whichever core is
/// free (the calling thread is one of them), so one large file does not leave the other
/// cores waiting on a fixed share.
pub fn map<T: Send, U: Send, P: Send>(
    items: Vec<T>,
    f: impl Fn(T, &mut Vec<P>) -> U + Sync,
    problems: &mut Vec<P>,
) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len())
        .max(1);
    if threads == 1 {
        return items.into_iter().map(|x| f(x, problems)).collect();
    }
    let count = items.len();
    let queue = Mutex::new(items.into_iter().enumerate());
    let work = || {
        let mut done = Vec::new();
        loop {
            // A worker that panicked would have unwound the whole scope already.
            let next = queue.lock().ok().and_then(|mut q| q.next());
            let Some((i, x)) = next else {
                return done;
            };
            let mut found = Vec::new();
            let out = f(x, &mut found);
            done.push((i, out, found));
        }
    };
    let mut all: Vec<(usize, U, Vec<P>)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(helper.join().expect("workers do not panic"));
        }
        all
    });
    all.sort_unstable_by_key(|(i, _, _)| *i);
    let mut out = Vec::with_capacity(count);
    for (_, x, found) in all {
        out.push(x);
        problems.extend(found);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn results_and_problems_come_in_input_order() {
        let items: Vec<u32> = (0..100).collect();
        let mut problems = vec!["before".to_owned()];
        let squares = map(
            items,
            |x, found| {
                if x % 10 == 0 {
                    found.push(format!("problem {x}"));
                }
                x * x
            },
            &mut problems,
        );
        assert_eq!(squares, (0..100).map(|x| x * x).collect::<Vec<u32>>());
        let wanted: Vec<String> = std::iter::once("before".to_owned())
            .chain((0..100).step_by(10).map(|x| format!("problem {x}")))
            .collect();
        assert_eq!(problems, wanted);
    }
}
