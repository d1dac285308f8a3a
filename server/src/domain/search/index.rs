//! The full-text index of the open jobs, held in memory beside the
//! snapshot's facts and built with it, off the request threads.
//!
//! Each term has a posting list of the jobs that hold it, with a weighted
//! term frequency (title 10, skills 5, company 3, location 2, description
//! 1, as FTS5's `bm25(...)` weighted the columns before). A query is a few
//! terms that must all match; relevance is BM25 over those weighted counts,
//! the formula FTS5 uses, so scores order as they did. The terms are also a
//! finite-state set that typo correction walks with a Levenshtein
//! automaton: a misspelt word costs a walk of the states near it, never a
//! scan of the vocabulary.

use std::ops::Range;
use std::sync::OnceLock;

use fst::{IntoStreamer, Streamer};
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use rustc_hash::FxHashMap;

use super::text::{Term, fold};

/// The weight of a match in each column, in the order [`Columns`] lists them.
pub const WEIGHTS: [u16; 5] = [10, 5, 3, 2, 1];

/// A job's searchable text: title, skills, company, location, description.
pub type Columns<'a> = [&'a str; 5];

/// BM25's parameters, as FTS5 sets them.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Words shorter than this are not corrected: too many terms are near them.
pub const MIN_CORRECTED_CHARS: usize = 3;
/// Words longer than this are not corrected: no term is a typo away from
/// them, and a long word makes a large automaton.
pub const MAX_CORRECTED_CHARS: usize = 24;
/// How many words of one query are corrected at most.
pub const MAX_CORRECTED_WORDS: usize = 4;
/// How many index terms stand in for a misspelt word.
const MAX_ALTERNATIVES: usize = 3;
/// How many terms near a word are looked at, at most, to pick the nearest.
const MAX_EXAMINED: usize = 4_096;

/// Every open job's terms: a posting list per term, in term order.
pub struct TextIndex {
    /// The terms, sorted; a term's id is its position.
    terms: Vec<Box<str>>,
    /// The same terms as a finite-state map to their ids.
    set: fst::Map<Vec<u8>>,
    /// Where each term's postings start in `slots` and `freqs` (one more
    /// entry than terms, for the end of the last).
    starts: Vec<u32>,
    /// Snapshot slots holding each term, ascending within a term.
    slots: Vec<u32>,
    /// The weighted count of the term in the job, beside `slots`.
    freqs: Vec<u16>,
    /// Tokens per job over all columns, by slot.
    lengths: Vec<u32>,
    average_length: f64,
}

/// Builds a [`TextIndex`] one job at a time, in slot order.
#[derive(Default)]
pub struct IndexBuilder {
    ids: FxHashMap<Box<str>, u32>,
    postings: Vec<Vec<(u32, u16)>>,
    lengths: Vec<u32>,
    scratch: Vec<(u32, u16)>,
    lower: String,
}

/// Calls `each` with every token of `text` as the index sees it: folded
/// (lower case, no accents) runs of letters and digits, as
/// [`super::text::words`] splits a query.
fn tokens(text: &str, lower: &mut String, mut each: impl FnMut(&str)) {
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        if token.is_empty() {
            continue;
        }
        if !token.is_ascii() {
            // Rare: only words with accents or non-Latin letters pay for
            // Unicode folding, one word at a time.
            for part in fold(token).split(|c: char| !c.is_alphanumeric()) {
                if !part.is_empty() {
                    each(part);
                }
            }
        } else if token.bytes().any(|b| b.is_ascii_uppercase()) {
            lower.clear();
            lower.push_str(token);
            lower.make_ascii_lowercase();
            each(lower);
        } else {
            each(token);
        }
    }
}

impl IndexBuilder {
    /// Adds the next job (its slot is the number of jobs added before).
    pub fn add(&mut self, columns: Columns<'_>) {
        let slot = self.lengths.len() as u32;
        let IndexBuilder {
            ids,
            postings,
            scratch,
            lower,
            ..
        } = self;
        scratch.clear();
        let mut length = 0u32;
        for (text, weight) in columns.into_iter().zip(WEIGHTS) {
            tokens(text, lower, |token| {
                let id = match ids.get(token) {
                    Some(&id) => id,
                    None => {
                        let id = postings.len() as u32;
                        ids.insert(token.into(), id);
                        postings.push(Vec::new());
                        id
                    }
                };
                scratch.push((id, weight));
                length += 1;
            });
        }
        scratch.sort_unstable_by_key(|&(id, _)| id);
        let mut i = 0;
        while i < scratch.len() {
            let id = scratch[i].0;
            let mut freq = 0u16;
            while i < scratch.len() && scratch[i].0 == id {
                freq = freq.saturating_add(scratch[i].1);
                i += 1;
            }
            postings[id as usize].push((slot, freq));
        }
        self.lengths.push(length);
    }

    pub fn finish(self) -> TextIndex {
        let IndexBuilder {
            ids,
            mut postings,
            lengths,
            ..
        } = self;
        let mut terms: Vec<(Box<str>, u32)> = ids.into_iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let total: usize = postings.iter().map(Vec::len).sum();
        let mut starts = Vec::with_capacity(terms.len() + 1);
        let mut slots = Vec::with_capacity(total);
        let mut freqs = Vec::with_capacity(total);
        let mut set = fst::MapBuilder::memory();
        for (id, (term, old)) in terms.iter().enumerate() {
            starts.push(slots.len() as u32);
            for (slot, freq) in std::mem::take(&mut postings[*old as usize]) {
                slots.push(slot);
                freqs.push(freq);
            }
            // Sorted and distinct, so the builder cannot refuse a key.
            set.insert(term.as_bytes(), id as u64)
                .expect("terms are sorted and distinct");
        }
        starts.push(slots.len() as u32);
        let set = set.into_map();
        let average_length =
            lengths.iter().map(|&l| f64::from(l)).sum::<f64>() / lengths.len().max(1) as f64;
        TextIndex {
            terms: terms.into_iter().map(|(term, _)| term).collect(),
            set,
            starts,
            slots,
            freqs,
            lengths,
            average_length,
        }
    }
}

/// One query term resolved: the ranges of term ids any of which it
/// matches (a prefix's terms are consecutive; a correction's are not).
struct Resolved {
    phrases: Vec<Range<u32>>,
}

impl TextIndex {
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// The ids of `word` itself, or of every term that starts with it.
    fn ids(&self, word: &str, prefix: bool) -> Range<u32> {
        let at = self.terms.partition_point(|t| &**t < word);
        let end = if prefix {
            at + self.terms[at..].partition_point(|t| t.starts_with(word))
        } else if self.terms.get(at).is_some_and(|t| &**t == word) {
            at + 1
        } else {
            at
        };
        at as u32..end as u32
    }

    fn postings(&self, ids: Range<u32>) -> Range<usize> {
        self.starts[ids.start as usize] as usize..self.starts[ids.end as usize] as usize
    }

    fn resolve(&self, term: &Term) -> Resolved {
        let phrases = match term {
            Term::Exact(word) => vec![self.ids(word, false)],
            Term::Prefix(word) => vec![self.ids(word, true)],
            Term::AnyOf(words) => words.iter().map(|w| self.ids(w, false)).collect(),
        };
        Resolved {
            phrases: phrases.into_iter().filter(|r| !r.is_empty()).collect(),
        }
    }

    /// The slots of the jobs that match every term, each with its BM25
    /// score when `scored` (negated, so that lower is better; 0 otherwise),
    /// in slot order.
    pub fn matches(&self, terms: &[Term], scored: bool) -> Vec<(usize, f64)> {
        let resolved: Vec<Resolved> = terms.iter().map(|t| self.resolve(t)).collect();
        if resolved.is_empty() || resolved.iter().any(|r| r.phrases.is_empty()) {
            return Vec::new();
        }
        let jobs = self.lengths.len();
        // How many terms, in order, each job has matched so far: a job
        // stays in the running only while it matched every term before.
        let mut level = vec![0u16; jobs];
        let last = resolved.len() as u16;
        let mut found: Vec<usize> = Vec::new();
        for (t, term) in resolved.iter().enumerate() {
            let (before, after) = (t as u16, t as u16 + 1);
            for phrase in &term.phrases {
                for &slot in &self.slots[self.postings(phrase.clone())] {
                    let l = &mut level[slot as usize];
                    if *l == before {
                        *l = after;
                        if after == last {
                            found.push(slot as usize);
                        }
                    }
                }
            }
        }
        found.sort_unstable();
        if !scored {
            return found.into_iter().map(|slot| (slot, 0.0)).collect();
        }
        // BM25 per phrase (FTS5 scores each word of an OR on its own):
        // idf from how many jobs hold it, then its weighted count in each
        // matching job against the job's length.
        let mut seen = vec![0u32; jobs];
        let mut freq = vec![0u32; jobs];
        let mut score = vec![0f64; jobs];
        let n = jobs as f64;
        let mut stamp = 0u32;
        for phrase in resolved.iter().flat_map(|r| &r.phrases) {
            stamp += 1;
            let postings = self.postings(phrase.clone());
            let mut holding = 0u32;
            for (&slot, &f) in self.slots[postings.clone()]
                .iter()
                .zip(&self.freqs[postings.clone()])
            {
                let slot = slot as usize;
                if seen[slot] != stamp {
                    seen[slot] = stamp;
                    holding += 1;
                }
                if level[slot] == last {
                    freq[slot] += u32::from(f);
                }
            }
            let h = f64::from(holding);
            let idf = ((n - h + 0.5) / (h + 0.5)).ln().max(1e-6);
            for &slot in &self.slots[postings] {
                let slot = slot as usize;
                let f = freq[slot];
                if f > 0 {
                    let f = f64::from(f);
                    let length = f64::from(self.lengths[slot]);
                    let k = K1 * (1.0 - B + B * length / self.average_length.max(1.0));
                    score[slot] += idf * (f * (K1 + 1.0)) / (f + k);
                    freq[slot] = 0;
                }
            }
        }
        found.into_iter().map(|slot| (slot, -score[slot])).collect()
    }

    /// How many jobs hold the term `id`.
    fn jobs_holding(&self, id: u32) -> u32 {
        self.starts[id as usize + 1] - self.starts[id as usize]
    }

    /// The terms nearest to `word` within the edit distance its length
    /// allows (1 up to five letters, else 2; a swap of neighbours is one
    /// edit), nearest and then most common first. As the last word may
    /// still be being typed (`prefix`), a term's beginning may be what is
    /// near it.
    fn nearest(&self, word: &str, prefix: bool) -> Vec<String> {
        let distance = if word.chars().count() <= 5 { 1 } else { 2 };
        let dfa = automaton(word, distance, prefix);
        let mut stream = self.set.search_with_state(Levenshtein(&dfa)).into_stream();
        let mut found: Vec<(u8, u32, u32)> = Vec::new();
        while let Some((term, id, state)) = stream.next() {
            if found.len() == MAX_EXAMINED {
                break;
            }
            if term.iter().all(u8::is_ascii_digit) {
                continue;
            }
            if let Distance::Exact(d) = dfa.distance(state) {
                found.push((d, self.jobs_holding(id as u32), id as u32));
            }
        }
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        found
            .into_iter()
            .take(MAX_ALTERNATIVES)
            .map(|(_, _, id)| self.terms[id as usize].to_string())
            .collect()
    }

    /// Whether [`TextIndex::correct`] would look for any word's nearest
    /// terms (a cheap test: no automaton is built).
    pub fn may_correct(&self, terms: &[Term]) -> bool {
        terms.iter().any(|term| match term {
            Term::Exact(word) | Term::Prefix(word) => {
                let prefix = matches!(term, Term::Prefix(_));
                (MIN_CORRECTED_CHARS..=MAX_CORRECTED_CHARS).contains(&word.chars().count())
                    && self.ids(word, prefix).is_empty()
            }
            Term::AnyOf(_) => false,
        })
    }

    /// `terms` with each word the index does not hold (the last: no term
    /// starts with it) replaced by its nearest terms; at most
    /// [`MAX_CORRECTED_WORDS`] words, each of 3 to 24 letters. `None` when
    /// nothing could be corrected.
    pub fn correct(&self, terms: &[Term]) -> Option<Vec<Term>> {
        let mut corrected_words = 0;
        let mut changed = false;
        let corrected = terms
            .iter()
            .map(|term| {
                let (word, prefix) = match term {
                    Term::Exact(w) => (w, false),
                    Term::Prefix(w) => (w, true),
                    Term::AnyOf(_) => return term.clone(),
                };
                let length = word.chars().count();
                if !self.ids(word, prefix).is_empty()
                    || !(MIN_CORRECTED_CHARS..=MAX_CORRECTED_CHARS).contains(&length)
                    || corrected_words == MAX_CORRECTED_WORDS
                {
                    return term.clone();
                }
                corrected_words += 1;
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

/// The automaton of the words within `distance` edits of `word` (or that
/// begin with such a word). The tables behind it are built once per
/// distance, at first use.
fn automaton(word: &str, distance: u8, prefix: bool) -> DFA {
    static BUILDERS: [OnceLock<LevenshteinAutomatonBuilder>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let builder = BUILDERS[usize::from(distance.clamp(1, 2) - 1)]
        .get_or_init(|| LevenshteinAutomatonBuilder::new(distance.clamp(1, 2), true));
    if prefix {
        builder.build_prefix_dfa(word)
    } else {
        builder.build_dfa(word)
    }
}

/// A Levenshtein DFA as an automaton the term set can be walked with.
struct Levenshtein<'a>(&'a DFA);

impl fst::Automaton for Levenshtein<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

/// Builds the levenshtein tables now, so that the first misspelt query
/// after a start does not pay for them.
pub fn prepare_automata() {
    for distance in [1, 2] {
        automaton("warm", distance, false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::search::text::{terms, words};

    fn index(jobs: &[Columns<'_>]) -> TextIndex {
        let mut builder = IndexBuilder::default();
        for job in jobs {
            builder.add(*job);
        }
        builder.finish()
    }

    fn strings(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    fn slots(index: &TextIndex, query: &str) -> Vec<usize> {
        index
            .matches(&terms(&words(query)), false)
            .into_iter()
            .map(|(slot, _)| slot)
            .collect()
    }

    #[test]
    fn every_word_must_match_and_the_last_is_a_prefix() {
        let index = index(&[
            [
                "Backend Engineer",
                "[\"Rust\"]",
                "Acme",
                "Berlin",
                "APIs all day",
            ],
            [
                "Frontend Engineer",
                "[\"TypeScript\"]",
                "Acme",
                "Paris",
                "Pixels",
            ],
            [
                "Data Scientist",
                "[\"Python\"]",
                "Globex",
                "Zürich",
                "Models",
            ],
        ]);
        assert_eq!(slots(&index, "engineer"), [0, 1]);
        assert_eq!(slots(&index, "backend engin"), [0]);
        assert_eq!(slots(&index, "engineer pixels"), [1]);
        // Folded as queries are: "Zürich" is found by "zurich".
        assert_eq!(slots(&index, "zurich"), [2]);
        assert_eq!(slots(&index, "acme data"), Vec::<usize>::new());
        // A single letter is a word, not a prefix.
        assert_eq!(slots(&index, "r"), Vec::<usize>::new());
        assert!(index.matches(&[], true).is_empty());
    }

    #[test]
    fn title_outweighs_description_and_rare_words_count_more() {
        let index = index(&[
            [
                "Office Manager",
                "[]",
                "Acme",
                "Berlin",
                "You will work with a rust team",
            ],
            [
                "Rust Developer",
                "[]",
                "Acme",
                "Berlin",
                "You will write code",
            ],
            ["Barista", "[]", "Cafe", "Berlin", "Coffee"],
        ]);
        let scored = index.matches(&terms(&strings(&["rust"])), true);
        let title = scored.iter().find(|(s, _)| *s == 1).unwrap().1;
        let description = scored.iter().find(|(s, _)| *s == 0).unwrap().1;
        assert!(title < description, "{title} vs {description}");
        assert!(title < 0.0);
    }

    #[test]
    fn corrects_unknown_words_only() {
        let index = index(&[
            [
                "Engineer",
                "[]",
                "",
                "",
                "engineering backend python rust designer",
            ],
            ["Engineer", "[]", "", "", "engineering backend python"],
            ["Engineer", "[]", "", "", "backend 12345"],
        ]);
        // Known words and a known prefix stay as they are.
        assert_eq!(index.correct(&terms(&strings(&["backend", "eng"]))), None);
        // A misspelt last word becomes its nearest terms, nearest first.
        assert_eq!(
            index.correct(&terms(&strings(&["backend", "enginer"]))),
            Some(vec![
                Term::Exact("backend".into()),
                Term::AnyOf(strings(&["engineer", "engineering"])),
            ])
        );
        // An earlier misspelt word too, with a swap of two letters.
        assert_eq!(
            index.correct(&terms(&strings(&["pyhton", "engineer"]))),
            Some(vec![
                Term::AnyOf(strings(&["python"])),
                Term::Prefix("engineer".into()),
            ])
        );
        // Too short, too long, or nothing near: nothing to correct; digits
        // are never offered.
        assert_eq!(index.correct(&terms(&strings(&["zq"]))), None);
        assert_eq!(index.correct(&terms(&strings(&["xylophone"]))), None);
        assert_eq!(index.correct(&terms(&strings(&["12346x"]))), None);
        let long = "engineer".repeat(4);
        assert_eq!(index.correct(&[Term::Exact(long)]), None);
    }

    #[test]
    fn corrects_a_few_words_of_a_long_query_at_most() {
        let index = index(&[["python rust golang kotlin swift scala", "[]", "", "", ""]]);
        let typed = strings(&["pythn", "rustt", "golng", "kotln", "swiftt", "scal"]);
        let corrected = index.correct(&terms(&typed)).unwrap();
        let changed = corrected
            .iter()
            .filter(|t| matches!(t, Term::AnyOf(_)))
            .count();
        assert_eq!(changed, MAX_CORRECTED_WORDS);
    }
}
