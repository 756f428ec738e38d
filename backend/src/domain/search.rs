//! Word-prefix search with a bounded number of index keys per word.
//!
//! A contact stores, for each word of its names and email, the word's first one, two and three
//! characters and the whole word ([`keys`]): at most four index keys per word, however long it
//! is (storing every prefix made ~70 keys per contact, each written on every create and update).
//! Beside them it stores the words themselves as one string ([`word_text`]).
//!
//! A query word of up to three characters is one of the stored keys: the list scans the
//! `(words, rkey)` index from it and stops after the page. A longer query word scans from its
//! first three characters and keeps the rows whose word text has a word starting with it
//! (`string::contains(search, " lovel")`): candidates come in newest-first order, so the scan
//! still stops once the page is full. A whole word (`lovelace`) is also a key, and the query
//! asks for it first when the query word ends with a space-separated word the user finished.

/// Characters of the short prefixes stored for every word.
pub const SHORT: usize = 3;
/// Longest word stored (longer words and query words are cut to it).
pub const MAX_WORD: usize = 20;
/// Query words used at most (the rest are ignored).
pub const MAX_QUERY_WORDS: usize = 8;

/// The words of `text`: folded to ASCII, lower-cased, split at every character that is not a
/// letter or digit and between letters and digits (`olivia.smith42` -> `olivia`, `smith`, `42`),
/// each cut to [`MAX_WORD`] characters.
pub fn words(text: &str) -> Vec<String> {
    let folded = deunicode::deunicode(text).to_lowercase();
    let mut out = Vec::new();
    let mut current = String::new();
    let mut digits = false;
    let mut push = |w: &mut String| {
        let word = std::mem::take(w);
        out.push(word[..word.len().min(MAX_WORD)].to_string());
    };
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            if !current.is_empty() && c.is_ascii_digit() != digits {
                push(&mut current);
            }
            digits = c.is_ascii_digit();
            current.push(c);
        } else if !current.is_empty() {
            push(&mut current);
        }
    }
    if !current.is_empty() {
        push(&mut current);
    }
    out
}

/// The index keys of `texts`: for every word its 1-, 2- and 3-character prefixes and the whole
/// word; sorted, without duplicates. At most four per word.
pub fn keys<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in texts.into_iter().flat_map(words) {
        for n in 1..=word.len().min(SHORT) {
            out.push(word[..n].to_string());
        }
        if word.len() > SHORT {
            out.push(word);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The distinct words of `texts`, each preceded by a space (`" ada lovelace"`), so that
/// "a word starts with `w`" is `contains(" " + w)`.
pub fn word_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for word in texts.into_iter().flat_map(words) {
        if !seen.contains(&word) {
            seen.push(word);
        }
    }
    seen.iter().map(|w| format!(" {w}")).collect()
}

/// How one query word is matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    /// The stored key the index scan starts from (the word itself when it has at most
    /// [`SHORT`] characters, else its first [`SHORT`]).
    pub key: String,
    /// For longer words, the text a stored word must start with (checked on the candidates).
    pub prefix: Option<String>,
}

/// The words a query must all match, longest first (the first one drives the index scan, and a
/// longer key is more selective); at most [`MAX_QUERY_WORDS`].
pub fn query_words(q: &str) -> Vec<QueryWord> {
    let mut distinct: Vec<String> = Vec::new();
    for w in words(q) {
        if !distinct.contains(&w) {
            distinct.push(w);
        }
    }
    distinct.truncate(MAX_QUERY_WORDS);
    distinct.sort_by_key(|w| std::cmp::Reverse(w.len()));
    distinct
        .into_iter()
        .map(|w| {
            if w.len() <= SHORT {
                QueryWord { key: w, prefix: None }
            } else {
                QueryWord { key: w[..SHORT].to_string(), prefix: Some(w) }
            }
        })
        .collect()
}

/// Whether `word_text` (from [`word_text`]) has a word starting with every query word: the same
/// rule the database applies, for tests.
pub fn matches(word_text: &str, query: &[QueryWord]) -> bool {
    query.iter().all(|q| word_text.contains(&format!(" {}", q.prefix.as_deref().unwrap_or(&q.key))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn splits_folds_and_lowercases() {
        assert_eq!(words("Zoë O'Brien-Smith"), ["zoe", "o", "brien", "smith"]);
        assert_eq!(
            words("olivia.smith.50152.5ca240@example.com"),
            ["olivia", "smith", "50152", "5", "ca", "240", "example", "com"]
        );
        assert!(words("  !!  ").is_empty());
        assert_eq!(words("abcdefghijklmnopqrstuvwxyz")[0].len(), MAX_WORD);
    }

    #[test]
    fn keys_are_three_prefixes_and_the_word_at_most() {
        assert_eq!(keys(["Ada", "ada@x.io"]), ["a", "ad", "ada", "i", "io", "x"]);
        assert_eq!(keys(["Lovelace"]), ["l", "lo", "lov", "lovelace"]);
        // A long name costs as much as a short one.
        assert_eq!(keys(["Wolfeschlegelsteinhausen"]).len(), keys(["Wolf"]).len());
        let contact = keys(["Olivia", "Smith", "olivia.smith.50152.5ca240@example.com"]);
        assert!(contact.len() <= 4 * 8, "{} keys", contact.len());
    }

    #[test]
    fn query_words_pick_a_stored_key_and_a_prefix_to_check() {
        let q = query_words("ada LOVEL ada");
        assert_eq!(
            q,
            [
                QueryWord { key: "lov".into(), prefix: Some("lovel".into()) },
                QueryWord { key: "ada".into(), prefix: None },
            ]
        );
        assert_eq!(query_words("a b c d e f g h i j").len(), MAX_QUERY_WORDS);
    }

    proptest! {
        /// The index narrows, the check decides: any query made of prefixes of a contact's
        /// words matches it, through a key it stores.
        #[test]
        fn prefixes_of_stored_words_always_match(first in "[a-zA-Zé ]{0,14}", last in "[a-zA-Z'-]{0,14}", cut in 1usize..12) {
            let texts = [first.as_str(), last.as_str()];
            let stored = keys(texts);
            let text = word_text(texts);
            for w in words(&format!("{first} {last}")) {
                let q = query_words(&w[..w.len().min(cut)]);
                prop_assert!(q.iter().all(|qw| stored.contains(&qw.key)), "{q:?} not in {stored:?}");
                prop_assert!(matches(&text, &q));
            }
        }
    }
}
