//! Work spread over the machine's cores, results in input order whatever the scheduling, so
//! output stays deterministic. Files are independent while they are parsed, and journeys
//! while their touchpoints are resolved.

/// `f` over every item, on all cores, in order. Each call gets its own problem list; the
/// lists are joined in input order.
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
    let chunk = items.len().div_ceil(threads);
    let mut parts: Vec<Vec<T>> = Vec::with_capacity(threads);
    let mut items = items.into_iter();
    loop {
        let part: Vec<T> = items.by_ref().take(chunk).collect();
        if part.is_empty() {
            break;
        }
        parts.push(part);
    }
    let f = &f;
    let results: Vec<(Vec<U>, Vec<P>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| {
                scope.spawn(move || {
                    let mut found = Vec::new();
                    let out: Vec<U> = part.into_iter().map(|x| f(x, &mut found)).collect();
                    (out, found)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("workers do not panic"))
            .collect()
    });
    let mut out = Vec::new();
    for (part, found) in results {
        out.extend(part);
        problems.extend(found);
    }
    out
}
