//! What a user types, turned into words and into an FTS5 query that can
//! never be read as FTS5 syntax: every word is quoted, and only the
//! operators built here (`*`, `OR`, implicit AND) reach the engine.

use unicode_normalization::UnicodeNormalization;

/// Lower case without accents ("Zürich" -> "zurich"), as the index's
/// tokenizer (`unicode61 remove_diacritics 2`) sees words.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The words of `text`, folded: runs of letters and digits, as the index's
/// tokenizer splits them. Punctuation and FTS5 operators are separators.
pub fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// One word of the query as it goes to FTS5.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// The word itself.
    Exact(String),
    /// Any word that starts with this (the word being typed).
    Prefix(String),
    /// Any of these words: a misspelt word's nearest index terms.
    AnyOf(Vec<String>),
}

/// Quotes a word for FTS5: inside double quotes only `"` is special.
fn quoted(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

/// The shortest last word read as a prefix: one letter would start too
/// many words to be worth it (and FTS5 indexes prefixes of 2 and 3).
pub const MIN_PREFIX_CHARS: usize = 2;

/// Every word must match; the last one as a prefix, since the user may
/// still be typing it (unless it is a single letter, such as "C" or "R").
pub fn terms(words: &[String]) -> Vec<Term> {
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if i == last && w.chars().count() >= MIN_PREFIX_CHARS {
                Term::Prefix(w.clone())
            } else {
                Term::Exact(w.clone())
            }
        })
        .collect()
}

/// The FTS5 MATCH expression for `terms`, all of which must match (an
/// explicit AND: FTS5 reads no implicit one before a parenthesis).
pub fn match_expression(terms: &[Term]) -> String {
    terms
        .iter()
        .map(|term| match term {
            Term::Exact(w) => quoted(w),
            Term::Prefix(w) => format!("{}*", quoted(w)),
            Term::AnyOf(ws) => format!(
                "({})",
                ws.iter()
                    .map(|w| quoted(w))
                    .collect::<Vec<_>>()
                    .join(" OR ")
            ),
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// Whether `haystack` has a word that begins with `needle` (both folded):
/// "backend eng" is found in "senior backend engineer".
pub fn has_word_starting_with(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let mut previous: Option<char> = None;
    for (at, c) in haystack.char_indices() {
        if previous.is_none_or(|p| !p.is_alphanumeric()) && haystack[at..].starts_with(needle) {
            return true;
        }
        previous = Some(c);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Zürich São Paulo ÉCOLE"), "zurich sao paulo ecole");
        assert_eq!(
            words("  Backend-Engineer, (Rust)!  "),
            strings(&["backend", "engineer", "rust"])
        );
        assert_eq!(words("C++ / Node.js"), strings(&["c", "node", "js"]));
        assert!(words("*** \"\" -- ()").is_empty());
    }

    #[test]
    fn operators_are_only_words() {
        let hostile = words(r#"NEAR(rust "go" -java OR title:x ^yz *"#);
        assert_eq!(
            hostile,
            strings(&["near", "rust", "go", "java", "or", "title", "x", "yz"])
        );
        let expression = match_expression(&terms(&hostile));
        assert_eq!(
            expression,
            r#""near" AND "rust" AND "go" AND "java" AND "or" AND "title" AND "x" AND "yz"*"#
        );
    }

    #[test]
    fn last_word_is_a_prefix() {
        assert_eq!(
            match_expression(&terms(&strings(&["data", "scien"]))),
            r#""data" AND "scien"*"#
        );
        assert_eq!(
            match_expression(&[Term::AnyOf(strings(&["engineer", "engineers"]))]),
            r#"("engineer" OR "engineers")"#
        );
        assert_eq!(quoted(r#"a"b"#), r#""a""b""#);
        // A single letter is a word of its own, not the start of thousands.
        assert_eq!(match_expression(&terms(&strings(&["r"]))), r#""r""#);
        assert_eq!(
            match_expression(&terms(&strings(&["go", "c"]))),
            r#""go" AND "c""#
        );
    }

    #[test]
    fn word_beginnings() {
        assert!(has_word_starting_with(
            "senior backend engineer",
            "backend eng"
        ));
        assert!(has_word_starting_with("senior backend engineer", "sen"));
        assert!(has_word_starting_with("c++ developer", "c++"));
        assert!(!has_word_starting_with("senior backend engineer", "ackend"));
        assert!(!has_word_starting_with("anything", ""));
    }
}
