//! What a user types, turned into words and into an FTS5 query that can
//! never be read as FTS5 syntax: every word is quoted, and only the
//! operators built here (`*`, `OR`, implicit AND) reach the engine.
//! Also the typo tolerance: index terms within a small edit distance.

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

/// The index's terms in order, each with how many jobs hold it.
#[derive(Debug, Default)]
pub struct Vocabulary {
    terms: Vec<(String, i64)>,
}

/// Words shorter than this are not corrected: too many terms are near them.
pub const MIN_CORRECTED_LEN: usize = 3;
/// How many index terms stand in for a misspelt word.
const MAX_ALTERNATIVES: usize = 3;

impl Vocabulary {
    pub fn new(mut terms: Vec<(String, i64)>) -> Self {
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        Vocabulary { terms }
    }

    fn has_exact(&self, word: &str) -> bool {
        self.terms
            .binary_search_by(|(t, _)| t.as_str().cmp(word))
            .is_ok()
    }

    fn has_prefix(&self, word: &str) -> bool {
        let at = self.terms.partition_point(|(t, _)| t.as_str() < word);
        self.terms.get(at).is_some_and(|(t, _)| t.starts_with(word))
    }

    /// The terms nearest to `word` within the edit distance its length
    /// allows, nearest and then most common first. As the word may still be
    /// being typed (`prefix`), a term's beginning may be what is near it.
    fn nearest(&self, word: &str, prefix: bool) -> Vec<String> {
        let length = word.chars().count();
        let allowed = if length <= 5 { 1 } else { 2 };
        let mut found: Vec<(usize, i64, &str)> = Vec::new();
        for (term, docs) in &self.terms {
            let term_length = term.chars().count();
            if term_length + allowed < length {
                continue;
            }
            let mut distance = if term_length <= length + allowed {
                strsim::osa_distance(word, term)
            } else {
                usize::MAX
            };
            if prefix {
                for len in length.saturating_sub(1)..=length + 1 {
                    if len < term_length && len > 0 {
                        let end = term
                            .char_indices()
                            .nth(len)
                            .map_or(term.len(), |(at, _)| at);
                        distance = distance.min(strsim::osa_distance(word, &term[..end]));
                    }
                }
            }
            if distance <= allowed && !term.chars().all(|c| c.is_ascii_digit()) {
                found.push((distance, *docs, term));
            }
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
        found
            .into_iter()
            .take(MAX_ALTERNATIVES)
            .map(|(_, _, t)| t.to_owned())
            .collect()
    }

    /// `terms` with each word the index does not hold (the last: no term
    /// starts with it) replaced by its nearest terms. `None` when nothing
    /// could be corrected.
    pub fn correct(&self, terms: &[Term]) -> Option<Vec<Term>> {
        let mut changed = false;
        let corrected = terms
            .iter()
            .map(|term| {
                let (word, prefix) = match term {
                    Term::Exact(w) => (w, false),
                    Term::Prefix(w) => (w, true),
                    Term::AnyOf(_) => return term.clone(),
                };
                let known = if prefix {
                    self.has_prefix(word)
                } else {
                    self.has_exact(word)
                };
                if known || word.chars().count() < MIN_CORRECTED_LEN {
                    return term.clone();
                }
                let nearest = self.nearest(word, prefix);
                if nearest.is_empty() {
                    term.clone()
                } else {
                    changed = true;
                    Term::AnyOf(nearest)
                }
            })
            .collect();
        changed.then_some(corrected)
    }
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
    fn corrects_unknown_words_only() {
        let vocabulary = Vocabulary::new(vec![
            ("engineer".into(), 900),
            ("engineering".into(), 300),
            ("backend".into(), 500),
            ("python".into(), 200),
            ("rust".into(), 100),
            ("designer".into(), 50),
        ]);
        // Known words and a known prefix stay as they are.
        assert_eq!(
            vocabulary.correct(&terms(&strings(&["backend", "eng"]))),
            None
        );
        // A misspelt last word becomes its nearest terms, nearest first.
        assert_eq!(
            vocabulary.correct(&terms(&strings(&["backend", "enginer"]))),
            Some(vec![
                Term::Exact("backend".into()),
                Term::AnyOf(strings(&["engineer", "engineering"])),
            ])
        );
        // An earlier misspelt word too.
        assert_eq!(
            vocabulary.correct(&terms(&strings(&["pyhton", "engineer"]))),
            Some(vec![
                Term::AnyOf(strings(&["python"])),
                Term::Prefix("engineer".into()),
            ])
        );
        // Too short, or nothing near: nothing to correct.
        assert_eq!(vocabulary.correct(&terms(&strings(&["zq"]))), None);
        assert_eq!(vocabulary.correct(&terms(&strings(&["xylophone"]))), None);
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
