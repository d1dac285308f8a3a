//! `GET /api/suggest?q=`: typeahead. Titles, skills, companies and places
//! that begin with, or have a word that begins with, what was typed,
//! ignoring case and accents; the most common among open jobs first. The
//! lists come ranked from the search snapshot, so a lookup is a scan that
//! stops at the first few hits.

use ascend_types::{CompanyRef, ErrorResponse, Suggestions};
use axum::extract::{RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};

use crate::AppState;
use crate::error::AppError;
use crate::params::Params;
use crate::search::snapshot::Entry;
use crate::search::text::{fold, has_word_starting_with};

/// Longest `q` accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 100;
/// Suggestions of each kind.
pub const PER_KIND: usize = 5;

pub fn router() -> Router<AppState> {
    Router::new().route("/suggest", get(suggest_list))
}

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

#[utoipa::path(
    get,
    path = "/api/suggest",
    tag = "jobs",
    params(
        ("q" = String, Query, description = "The text typed so far (1 to 100 characters)."),
    ),
    responses(
        (status = 200, description = "Titles, skills, companies and places with a word starting with `q`, most common first.", body = Suggestions),
        (status = 400, description = "`q` is missing, empty or too long.", body = ErrorResponse),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub(crate) async fn suggest_list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<Suggestions>, AppError> {
    let params = Params::parse(query.as_deref())?;
    let q = params
        .text("q", MAX_QUERY_CHARS)?
        .ok_or_else(|| AppError::invalid("q", "q is required: the text typed so far."))?;
    let needle = needle(q);
    let snapshot = state
        .search
        .get(
            &state.pool,
            state.versions.current(&state.pool).await?,
            state.today_days(),
        )
        .await?;
    if let Some(known) = snapshot.suggestions.get(&needle) {
        return Ok(Json(Suggestions::clone(&known)));
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
        .put(needle, std::sync::Arc::new(found.clone()), 1);
    Ok(Json(found))
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
