//! "Did you mean" for misspelt keys, ids, rule names and spreadsheet headers: the one place
//! that decides what is close enough to suggest and how the hint reads.
//!
//! Architecture invariant: a leaf; it knows nothing of cxmap's types.

/// The candidate closest to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let word_lower = word.to_lowercase();
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        if candidate == word {
            continue;
        }
        let candidate_lower = candidate.to_lowercase();
        let distance = strsim::damerau_levenshtein(&word_lower, &candidate_lower);
        let longest = word_lower
            .chars()
            .count()
            .max(candidate_lower.chars().count());
        // Close in edits, or sharing a long prefix (`sales-team` for `sales`); a single edit
        // counts only when it does not replace the whole word.
        let score = strsim::normalized_damerau_levenshtein(&word_lower, &candidate_lower)
            .max(strsim::jaro_winkler(&word_lower, &candidate_lower) - 0.25)
            .max(if distance <= 1 && longest >= 2 {
                0.6
            } else {
                0.0
            });
        let better = match best {
            None => true,
            // Ties go to the alphabetically first candidate so the hint is deterministic.
            Some((s, c)) => score > s || ((score - s).abs() < f64::EPSILON && candidate < c),
        };
        if better {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.6).map(|(_, c)| c)
}

/// "did you mean `x`?" when a candidate is close enough, else `otherwise`.
pub fn did_you_mean_or<'a, I>(
    word: &str,
    candidates: I,
    otherwise: impl FnOnce() -> String,
) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    match did_you_mean(word, candidates) {
        Some(c) => format!("did you mean `{c}`?"),
        None => otherwise(),
    }
}

/// A "help" line for an unknown name: a suggestion when there is one, else the known names.
pub fn help_for_unknown(word: &str, what: &str, candidates: &[&str]) -> String {
    did_you_mean_or(word, candidates.iter().copied(), || {
        if candidates.is_empty() {
            format!("no {what} is declared in the workspace")
        } else if candidates.len() <= 12 {
            let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
            format!("known {what}s: {}", list.join(", "))
        } else {
            format!(
                "there are {} known {what}s; check the spelling",
                candidates.len()
            )
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        assert_eq!(
            did_you_mean("ownr", ["owner", "name", "stage"]),
            Some("owner")
        );
        assert_eq!(did_you_mean("billing", ["sales", "it"]), None);
        assert_eq!(did_you_mean("Sales", ["sales"]), Some("sales"));
        assert_eq!(did_you_mean("sales-team", ["sales", "care"]), Some("sales"));
        assert_eq!(did_you_mean("tt", ["t"]), Some("t"));
        assert_eq!(did_you_mean("u", ["t"]), None);
    }
}
