//! `GET /api/jobs` (search) and `GET /api/suggest` (typeahead).

use serde::{Deserialize, Serialize};

use crate::{CompanyRef, JobSummary};

/// The order of search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SearchSort {
    /// Best text match first (BM25); needs a query.
    Relevance,
    /// Most recently posted first.
    Newest,
    /// Highest employer salary (the range's top, per year) first; jobs
    /// without a salary last.
    Salary,
}

impl SearchSort {
    pub const ALL: [SearchSort; 3] = [
        SearchSort::Relevance,
        SearchSort::Newest,
        SearchSort::Salary,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SearchSort::Relevance => "relevance",
            SearchSort::Newest => "newest",
            SearchSort::Salary => "salary",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        SearchSort::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// One value of a facet and how many jobs have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCount {
    /// What to send back as the filter's parameter (`remote`, `senior`,
    /// `7`, a company slug, a place).
    pub value: String,
    /// What to show.
    pub label: String,
    pub count: i64,
}

/// Counts for each filter. Each facet's counts apply every filter of the
/// search except its own, so choosing another value of it is previewed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchFacets {
    /// Every work model, in a fixed order (zero counts included).
    pub work_model: Vec<FacetCount>,
    /// Every seniority, in order (zero counts included).
    pub seniority: Vec<FacetCount>,
    /// Every employment type (zero counts included).
    pub employment_type: Vec<FacetCount>,
    /// Jobs posted within 1, 7 and 30 days.
    pub posted_within_days: Vec<FacetCount>,
    /// The companies with most matches, most first.
    pub companies: Vec<FacetCount>,
    /// The places (cities, or remote regions) with most matches, most first.
    pub locations: Vec<FacetCount>,
}

/// `GET /api/jobs`: one page of open jobs matching a search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct JobSearch {
    pub jobs: Vec<JobSummary>,
    /// How many open jobs match, on every page.
    pub total: i64,
    /// The order applied (relevance asked without a query falls back to newest).
    pub sort: SearchSort,
    /// Pass as `cursor` for the next page; `None` on the last page.
    pub next_cursor: Option<String>,
    pub facets: SearchFacets,
}

/// `GET /api/suggest`: completions of what the user is typing, a few of
/// each kind, most common among open jobs first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suggestions {
    pub titles: Vec<String>,
    pub skills: Vec<String>,
    pub companies: Vec<CompanyRef>,
    pub locations: Vec<String>,
}
