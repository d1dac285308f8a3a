//! Typeahead: titles, skills, companies and places that begin with, or
//! have a word that begins with, what was typed, ignoring case and accents;
//! the most common among open jobs first. The lists come ranked from the
//! search snapshot, so a lookup is a scan that stops at the first few hits.

use ascend_types::{CompanyRef, Suggestions};

use super::Board;
use super::error::{Error, Result};
use super::params::Params;
use super::search::snapshot::Entry;
use super::search::text::{fold, has_word_starting_with};

/// Longest `q` accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 100;
/// Suggestions of each kind.
pub const PER_KIND: usize = 5;

/// What was typed, folded and with runs of spaces made one.
pub fn needle(q: &str) -> String {
    fold(q).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `PER_KIND` entries (already most common first) that match.
fn first_matches<'a, T>(entries: &'a [Entry<T>], needle: &str) -> impl Iterator<Item = &'a T> {
    entries
        .iter()
        .filter(move |e| has_word_starting_with(&e.folded, needle))
        .take(PER_KIND)
        .map(|e| &e.value)
}

/// What was typed, from `GET /api/suggest?q=...`, naming the parameter
/// at fault.
pub fn parse_query(query: Option<&str>) -> Result<String> {
    let params = Params::parse(query)?;
    let q = params
        .text("q", MAX_QUERY_CHARS)?
        .ok_or_else(|| Error::invalid("q", "q is required: the text typed so far."))?;
    Ok(q.to_owned())
}

/// Suggestions for what was typed.
pub async fn suggestions(board: &Board, q: &str) -> Result<Suggestions> {
    let needle = needle(q);
    let snapshot = board
        .search
        .get(&board.pool, board.version().await?, board.today_days())
        .await?;
    if let Some(known) = snapshot.suggestions.get(&needle).await {
        return Ok(Suggestions::clone(&known));
    }
    let found = Suggestions {
        titles: first_matches(&snapshot.titles, &needle).cloned().collect(),
        skills: first_matches(&snapshot.skills, &needle).cloned().collect(),
        companies: first_matches(&snapshot.company_entries, &needle)
            .map(|&i| {
                let company = &snapshot.companies[i as usize];
                CompanyRef {
                    slug: company.slug.clone(),
                    name: company.name.clone(),
                }
            })
            .collect(),
        locations: first_matches(&snapshot.locations, &needle)
            .cloned()
            .collect(),
    };
    snapshot
        .suggestions
        .insert(needle, std::sync::Arc::new(found.clone()))
        .await;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needles_fold_and_squeeze() {
        assert_eq!(needle("  São   PAULO "), "sao paulo");
        assert_eq!(needle("Zür"), "zur");
    }
}
