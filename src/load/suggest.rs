//! "Did you mean" for misspelt keys and ids.

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
        let score = strsim::normalized_damerau_levenshtein(&word_lower, &candidate.to_lowercase());
        let better = match best {
            None => true,
            // Ties go to the alphabetically first candidate so the hint is deterministic.
            Some((s, c)) => score > s || (score == s && candidate < c),
        };
        if better {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.6).map(|(_, c)| c)
}

/// A "help" line for an unknown name: a suggestion when there is one, else the known names.
pub fn help_for_unknown(word: &str, what: &str, candidates: &[&str]) -> String {
    if let Some(c) = did_you_mean(word, candidates.iter().copied()) {
        format!("did you mean `{c}`?")
    } else if candidates.is_empty() {
        format!("no {what} is declared in the workspace")
    } else if candidates.len() <= 12 {
        let list: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
        format!("known {what}s: {}", list.join(", "))
    } else {
        format!("there are {} known {what}s; check the spelling", candidates.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        assert_eq!(did_you_mean("ownr", ["owner", "name", "stage"]), Some("owner"));
        assert_eq!(did_you_mean("billing", ["sales", "it"]), None);
        assert_eq!(did_you_mean("Sales", ["sales"]), Some("sales"));
    }
}
