//! "Did you mean" support: the candidates closest to a misspelled word.

/// Levenshtein distance between `a` and `b`, compared case-insensitively.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The candidates within a distance that grows with the word's length, closest first
/// (ties keep the candidates' order); at most three.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Vec<&'a str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    let mut scored: Vec<(usize, usize, &'a str)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (edit_distance(word, c), i, *c))
        .filter(|(d, _, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.2 == b.2);
    scored.into_iter().take(3).map(|(_, _, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_ignores_case_and_counts_edits() {
        assert_eq!(edit_distance("INVARIANT", "invariant"), 0);
        assert_eq!(edit_distance("INVARIENT", "INVARIANT"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn closest_keeps_only_near_candidates() {
        assert_eq!(closest("SPECIFICATON", &["SPECIFICATION", "INIT"]), vec!["SPECIFICATION"]);
        assert!(closest("XYZ", &["SPECIFICATION", "INIT"]).is_empty());
        assert_eq!(closest("Sequence", &["Sequences", "SequencesExt"]), vec!["Sequences"]);
    }
}
