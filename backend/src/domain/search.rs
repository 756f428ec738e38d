//! Word-prefix search: the words of a name or address, and every prefix of them.
//!
//! A contact stores every prefix (1 to [`MAX_PREFIX`] characters) of every word of its names and
//! email; a query matches when each of its words equals one of them. The list then scans the
//! `(words, rkey)` index forwards and stops after the page, where the full-text index returned
//! every match to be sorted (bench/RESULTS.md).

/// Longest prefix stored (longer query words are cut to it).
pub const MAX_PREFIX: usize = 20;
/// Query words used at most (the rest are ignored).
pub const MAX_QUERY_WORDS: usize = 8;

/// The words of `text`: folded to ASCII, lower-cased, split at every character that is not a
/// letter or digit and between letters and digits (`olivia.smith42` -> `olivia`, `smith`, `42`).
pub fn words(text: &str) -> Vec<String> {
    let folded = deunicode::deunicode(text).to_lowercase();
    let mut out = Vec::new();
    let mut current = String::new();
    let mut digits = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if !current.is_empty() && c.is_ascii_digit() != digits {
                out.push(std::mem::take(&mut current));
            }
            digits = c.is_ascii_digit();
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Every prefix of every word of `texts`, sorted and without duplicates.
pub fn prefixes<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = texts
        .into_iter()
        .flat_map(words)
        .flat_map(|w| (1..=w.len().min(MAX_PREFIX)).map(move |n| w[..n].to_string()).collect::<Vec<_>>())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The words a query must all match (cut to [`MAX_PREFIX`], at most [`MAX_QUERY_WORDS`]).
pub fn query_words(q: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(q) {
        let w = w[..w.len().min(MAX_PREFIX)].to_string();
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out.truncate(MAX_QUERY_WORDS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_folds_and_lowercases() {
        assert_eq!(words("Zoë O'Brien-Smith"), ["zoe", "o", "brien", "smith"]);
        assert_eq!(
            words("olivia.smith.50152.5ca240@example.com"),
            ["olivia", "smith", "50152", "5", "ca", "240", "example", "com"]
        );
        assert!(words("  !!  ").is_empty());
    }

    #[test]
    fn prefixes_cover_every_start_of_every_word_up_to_the_limit() {
        let p = prefixes(["Ada", "ada@x.io"]);
        assert_eq!(p, ["a", "ad", "ada", "i", "io", "x"]);
        let long = prefixes(["abcdefghijklmnopqrstuvwxyz"]);
        assert_eq!(long.len(), MAX_PREFIX);
        assert!(long.contains(&"abcdefghijklmnopqrst".to_string()));
    }

    #[test]
    fn query_words_are_cut_and_deduplicated() {
        assert_eq!(query_words("Grace  HOPPER grace"), ["grace", "hopper"]);
        assert_eq!(query_words("abcdefghijklmnopqrstuvwxyz")[0].len(), MAX_PREFIX);
        assert_eq!(query_words("a b c d e f g h i j").len(), MAX_QUERY_WORDS);
    }
}
