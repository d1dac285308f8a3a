//! Full-text search over open jobs (`GET /api/jobs`), with filters,
//! disjunctive facet counts and cursor paging.
//!
//! The words go to FTS5 (BM25, title weighted highest), which answers with
//! the matching ids and their scores in one row. Filters, facets, order
//! and pages then run over the in-memory [`Snapshot`] of the open jobs,
//! and only the page's jobs are read back from SQL.

pub mod index;
pub mod snapshot;
pub mod text;

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::sync::Arc;

use ascend_types::{
    EmploymentType, FacetCount, JobSearch, SearchFacets, SearchSort, Seniority, WorkModel,
};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use bytes::Bytes;
use sqlx::FromRow;

use super::Board;
use super::error::{Error, Result};
use super::kept::json_bytes;
use super::listing::{JOB_COLUMNS, JobRow, summaries};
use super::params::Params;
use snapshot::{JobFacts, Snapshot};
use text::{terms, words};

pub const DEFAULT_LIMIT: usize = 20;
pub const MAX_LIMIT: usize = 50;
/// Longest `q` accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Words of `q` searched for at most; the rest are left out (a longer
/// query is pasted text, not a search).
pub const MAX_QUERY_WORDS: usize = 12;
/// The "posted within" facet's choices, in days.
pub const POSTED_WITHIN: [i64; 3] = [1, 7, 30];
/// How many companies and places the facets list.
const TOP_FACET_VALUES: usize = 10;

/// Where a page ends, in the order of its sort: the last job's key. It
/// travels as base64url text so clients treat it as opaque.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cursor {
    pub sort: SearchSort,
    pub key: SortKey,
}

/// A job's place in an order: ascending by `primary`, then `secondary`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SortKey {
    pub primary: f64,
    pub secondary: i64,
}

impl SortKey {
    fn cmp(&self, other: &SortKey) -> Ordering {
        self.primary
            .total_cmp(&other.primary)
            .then(self.secondary.cmp(&other.secondary))
    }
}

impl Cursor {
    pub fn encode(&self) -> String {
        let text = format!(
            "{}:{:x}:{}",
            self.sort.as_str(),
            self.key.primary.to_bits(),
            self.key.secondary
        );
        URL_SAFE_NO_PAD.encode(text)
    }

    pub fn decode(value: &str) -> Option<Cursor> {
        let bytes = URL_SAFE_NO_PAD.decode(value).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let mut parts = text.split(':');
        let sort = SearchSort::parse(parts.next()?)?;
        let primary = f64::from_bits(u64::from_str_radix(parts.next()?, 16).ok()?);
        let secondary = parts.next()?.parse().ok()?;
        if parts.next().is_some() || !primary.is_finite() {
            return None;
        }
        Some(Cursor {
            sort,
            key: SortKey { primary, secondary },
        })
    }
}

/// Everything `GET /api/jobs` understands, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchParams {
    /// The words of `q`, folded; empty for no text search.
    pub words: Vec<String>,
    /// Folded text to find in a job's location, places or remote regions.
    pub location: Option<String>,
    pub remote: Option<bool>,
    pub seniority: Vec<Seniority>,
    pub employment_type: Vec<EmploymentType>,
    pub salary_min: Option<i64>,
    /// The currency of `salary_min`; US dollars when not given.
    pub currency: String,
    pub companies: Vec<String>,
    pub posted_within_days: Option<i64>,
    /// The order applied: relevance without words falls back to newest.
    pub sort: SearchSort,
    pub cursor: Option<Cursor>,
    pub limit: usize,
}

/// Comma-separated values, each read by `parse`; `expected` says what
/// they may be ("one or more of: a, b").
fn list<T: PartialEq>(
    params: &Params,
    name: &'static str,
    parse: impl Fn(&str) -> Option<T>,
    expected: &str,
) -> Result<Vec<T>> {
    let Some(text) = params.text(name, 200)? else {
        return Ok(Vec::new());
    };
    let mut values = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let value = parse(part).ok_or_else(|| {
            Error::invalid(
                name,
                format!("{name} must be {expected}, separated by commas."),
            )
        })?;
        if !values.contains(&value) {
            values.push(value);
        }
    }
    Ok(values)
}

fn one_or_more(values: &[&str]) -> String {
    format!("one or more of: {}", values.join(", "))
}

impl SearchParams {
    /// Parses the raw query string, naming the parameter at fault.
    pub fn parse(query: Option<&str>) -> Result<Self> {
        let params = Params::parse(query)?;
        let mut words = words(params.text("q", MAX_QUERY_CHARS)?.unwrap_or_default());
        words.truncate(MAX_QUERY_WORDS);
        let location = params.text("location", 100)?.map(text::fold);
        let remote = params.choice(
            "remote",
            |v| match v {
                "true" => Some(true),
                "false" => Some(false),
                _ => None,
            },
            &["true", "false"],
        )?;
        let seniority = list(
            &params,
            "seniority",
            Seniority::parse,
            &one_or_more(&Seniority::ALL.map(Seniority::as_str)),
        )?;
        let employment_type = list(
            &params,
            "employment_type",
            EmploymentType::parse,
            &one_or_more(&EmploymentType::ALL.map(EmploymentType::as_str)),
        )?;
        let salary_min = params.number("salary_min", 0..=100_000_000, None)?;
        let currency = params.currency("currency")?.unwrap_or_else(|| "USD".into());
        let companies = list(
            &params,
            "company",
            |slug| {
                (slug.len() <= 100
                    && slug
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
                .then(|| slug.to_owned())
            },
            "one or more company slugs (lower-case letters, digits and hyphens)",
        )?;
        let posted_within_days = params.number("posted_within_days", 1..=365, None)?;
        let asked = params.choice(
            "sort",
            SearchSort::parse,
            &SearchSort::ALL.map(SearchSort::as_str),
        )?;
        let sort = match asked {
            Some(SearchSort::Relevance) | None if words.is_empty() => SearchSort::Newest,
            Some(sort) => sort,
            None => SearchSort::Relevance,
        };
        let cursor = match params.text("cursor", 200)? {
            None => None,
            Some(value) => {
                let cursor = Cursor::decode(value).ok_or_else(|| {
                    Error::invalid("cursor", "cursor is not one this server gave out.")
                })?;
                if cursor.sort != sort {
                    return Err(Error::invalid(
                        "cursor",
                        format!(
                            "cursor belongs to results sorted by {}, not {}.",
                            cursor.sort.as_str(),
                            sort.as_str()
                        ),
                    ));
                }
                Some(cursor)
            }
        };
        let limit = params.number("limit", 1..=MAX_LIMIT as i64, Some(DEFAULT_LIMIT as i64))?;
        Ok(SearchParams {
            words,
            location,
            remote,
            seniority,
            employment_type,
            salary_min,
            currency,
            companies,
            posted_within_days,
            sort,
            cursor,
            limit: limit.unwrap_or(DEFAULT_LIMIT as i64) as usize,
        })
    }
}

/// The filters that have a facet, in the order of [`Filters::failures`].
#[derive(Clone, Copy)]
enum Facet {
    WorkModel = 0,
    Seniority = 1,
    EmploymentType = 2,
    Posted = 3,
    Company = 4,
    Location = 5,
}

/// The parameters resolved against a snapshot.
struct Filters<'a> {
    params: &'a SearchParams,
    today: i64,
    /// Company indexes; `Some(empty)` when no asked slug exists.
    companies: Option<Vec<u32>>,
    /// The least yearly salary in US dollars, from `salary_min` and `currency`.
    salary_usd: Option<f64>,
}

impl<'a> Filters<'a> {
    fn new(params: &'a SearchParams, snapshot: &Snapshot, today: i64) -> Result<Self> {
        let rate = snapshot.rates.get(&params.currency).ok_or_else(|| {
            Error::invalid(
                "currency",
                format!(
                    "currency {} is not one we have a rate for.",
                    params.currency
                ),
            )
        })?;
        Ok(Filters {
            params,
            today,
            companies: (!params.companies.is_empty()).then(|| {
                params
                    .companies
                    .iter()
                    .filter_map(|slug| snapshot.company_by_slug.get(slug).copied())
                    .collect()
            }),
            salary_usd: params.salary_min.map(|min| min as f64 / rate),
        })
    }

    /// Whether the job passes the filter that has no facet (salary).
    fn passes_salary(&self, job: &JobFacts) -> bool {
        match self.salary_usd {
            None => true,
            // A relative tolerance keeps exact equality after conversion.
            Some(min) => job
                .salary_usd_year
                .is_some_and(|usd| usd >= min * (1.0 - 1e-9)),
        }
    }

    /// Which faceted filters the job fails, as bits by [`Facet`]; stops
    /// early once two fail, as such a job counts nowhere.
    fn failures(&self, snapshot: &Snapshot, slot: usize) -> u32 {
        let job = &snapshot.jobs[slot];
        let p = self.params;
        let mut failed = 0u32;
        let mut fail = |facet: Facet| failed |= 1 << facet as u32;
        if let Some(remote) = p.remote
            && (job.work_model == WorkModel::Remote) != remote
        {
            fail(Facet::WorkModel);
        }
        if !p.seniority.is_empty() && !job.seniority.is_some_and(|s| p.seniority.contains(&s)) {
            fail(Facet::Seniority);
        }
        if !p.employment_type.is_empty() && !p.employment_type.contains(&job.employment_type) {
            fail(Facet::EmploymentType);
        }
        if let Some(days) = p.posted_within_days
            && !posted_within(job.posted, self.today, days)
        {
            fail(Facet::Posted);
        }
        if let Some(companies) = &self.companies
            && !companies.contains(&job.company)
        {
            fail(Facet::Company);
        }
        if failed.count_ones() < 2
            && let Some(location) = &p.location
            && !snapshot.where_text(slot).contains(location.as_str())
        {
            failed |= 1 << Facet::Location as u32;
        }
        failed
    }
}

/// Posted within `days` days: within 1 is today, within 7 is the last week.
fn posted_within(posted: i64, today: i64, days: i64) -> bool {
    posted > today - days
}

/// The facet counts under construction.
struct Counts {
    work_model: [i64; 3],
    seniority: [i64; 8],
    employment_type: [i64; 5],
    posted: [i64; 3],
    companies: Vec<i64>,
    places: Vec<i64>,
}

impl Counts {
    fn new(snapshot: &Snapshot) -> Self {
        Counts {
            work_model: [0; 3],
            seniority: [0; 8],
            employment_type: [0; 5],
            posted: [0; 3],
            companies: vec![0; snapshot.companies.len()],
            places: vec![0; snapshot.places.len()],
        }
    }

    /// Counts `job` in every facet whose own filter is the only one it
    /// fails (`failed` has at most one bit), or in all when it fails none.
    fn add(&mut self, job: &JobFacts, places: &[u32], failed: u32, today: i64) {
        let counts = |facet: Facet| failed == 0 || failed == 1 << facet as u32;
        if counts(Facet::WorkModel) {
            let i = WorkModel::ALL.iter().position(|m| *m == job.work_model);
            self.work_model[i.unwrap_or(0)] += 1;
        }
        if counts(Facet::Seniority)
            && let Some(s) = job.seniority
        {
            self.seniority[Seniority::ALL.iter().position(|x| *x == s).unwrap_or(0)] += 1;
        }
        if counts(Facet::EmploymentType) {
            let i = EmploymentType::ALL
                .iter()
                .position(|t| *t == job.employment_type);
            self.employment_type[i.unwrap_or(0)] += 1;
        }
        if counts(Facet::Posted) {
            for (count, days) in self.posted.iter_mut().zip(POSTED_WITHIN) {
                if posted_within(job.posted, today, days) {
                    *count += 1;
                }
            }
        }
        if counts(Facet::Company) {
            self.companies[job.company as usize] += 1;
        }
        if counts(Facet::Location) {
            for &place in places {
                self.places[place as usize] += 1;
            }
        }
    }

    fn into_facets(self, snapshot: &Snapshot) -> SearchFacets {
        fn fixed<T: Copy>(
            all: &[T],
            counts: &[i64],
            value: impl Fn(T) -> &'static str,
            label: impl Fn(T) -> &'static str,
        ) -> Vec<FacetCount> {
            all.iter()
                .zip(counts)
                .map(|(&v, &count)| FacetCount {
                    value: value(v).into(),
                    label: label(v).into(),
                    count,
                })
                .collect()
        }
        // The most common values, picked without sorting them all.
        fn top(counts: &[i64], facet: impl Fn(usize, i64) -> FacetCount) -> Vec<FacetCount> {
            let mut indexes: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
            let order = |a: &usize, b: &usize| counts[*b].cmp(&counts[*a]).then(a.cmp(b));
            if indexes.len() > TOP_FACET_VALUES {
                indexes.select_nth_unstable_by(TOP_FACET_VALUES, order);
                indexes.truncate(TOP_FACET_VALUES);
            }
            indexes.sort_unstable_by(order);
            indexes
                .into_iter()
                .take(TOP_FACET_VALUES)
                .map(|i| facet(i, counts[i]))
                .collect()
        }
        SearchFacets {
            work_model: fixed(
                &WorkModel::ALL,
                &self.work_model,
                WorkModel::as_str,
                WorkModel::label,
            ),
            seniority: fixed(
                &Seniority::ALL,
                &self.seniority,
                Seniority::as_str,
                Seniority::label,
            ),
            employment_type: fixed(
                &EmploymentType::ALL,
                &self.employment_type,
                EmploymentType::as_str,
                EmploymentType::label,
            ),
            posted_within_days: POSTED_WITHIN
                .iter()
                .zip(self.posted)
                .map(|(days, count)| FacetCount {
                    value: days.to_string(),
                    label: if *days == 1 {
                        "Today".into()
                    } else {
                        format!("Last {days} days")
                    },
                    count,
                })
                .collect(),
            companies: top(&self.companies, |i, count| FacetCount {
                value: snapshot.companies[i].slug.clone(),
                label: snapshot.companies[i].name.clone(),
                count,
            }),
            locations: top(&self.places, |i, count| FacetCount {
                value: snapshot.places[i].clone(),
                label: snapshot.places[i].clone(),
                count,
            }),
        }
    }
}

/// A job that passes every filter, with its place in the asked order.
struct Hit {
    slot: usize,
    key: SortKey,
}

impl PartialEq for Hit {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Hit {}

impl PartialOrd for Hit {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Hit {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

fn sort_key(sort: SearchSort, job: &JobFacts, score: f64) -> SortKey {
    match sort {
        // BM25 scores are better the lower; ties go to the older id.
        SearchSort::Relevance => SortKey {
            primary: score,
            secondary: job.id,
        },
        SearchSort::Newest => SortKey {
            primary: -(job.posted as f64),
            secondary: -job.id,
        },
        // Jobs without a salary sort after every job with one.
        SearchSort::Salary => SortKey {
            primary: job.salary_usd_year.map_or(f64::MAX, |usd| -usd),
            secondary: -job.id,
        },
    }
}

/// One page of results, before the page's rows are read.
#[derive(Debug, PartialEq)]
pub struct Outcome {
    pub ids: Vec<i64>,
    pub total: i64,
    pub next_cursor: Option<String>,
    pub facets: SearchFacets,
}

/// Filters, counts and pages `candidates` (slot and BM25 score; every
/// open job when the search has no words).
fn evaluate(
    params: &SearchParams,
    snapshot: &Snapshot,
    today: i64,
    candidates: impl Iterator<Item = (usize, f64)>,
) -> Result<Outcome> {
    let filters = Filters::new(params, snapshot, today)?;
    let mut counts = Counts::new(snapshot);
    // The page and one more (to know whether another page follows): the
    // best `limit + 1` hits, the worst of them on top of the heap.
    let keep = params.limit + 1;
    let mut best: BinaryHeap<Hit> = BinaryHeap::with_capacity(keep + 1);
    let mut total = 0i64;
    for (slot, score) in candidates {
        let job = &snapshot.jobs[slot];
        if !filters.passes_salary(job) {
            continue;
        }
        let failed = filters.failures(snapshot, slot);
        if failed.count_ones() > 1 {
            continue;
        }
        counts.add(job, snapshot.places_of(job), failed, today);
        if failed != 0 {
            continue;
        }
        total += 1;
        let key = sort_key(params.sort, job, score);
        if params
            .cursor
            .is_some_and(|c| key.cmp(&c.key) != Ordering::Greater)
        {
            continue;
        }
        if best.len() < keep {
            best.push(Hit { slot, key });
        } else if best
            .peek()
            .is_some_and(|worst| key.cmp(&worst.key) == Ordering::Less)
        {
            best.pop();
            best.push(Hit { slot, key });
        }
    }
    let limit = params.limit;
    let mut hits = best.into_sorted_vec();
    let next_cursor = (hits.len() > limit).then(|| {
        Cursor {
            sort: params.sort,
            key: hits[limit - 1].key,
        }
        .encode()
    });
    hits.truncate(limit);
    Ok(Outcome {
        ids: hits.iter().map(|h| snapshot.jobs[h.slot].id).collect(),
        total,
        next_cursor,
        facets: counts.into_facets(snapshot),
    })
}

/// The open jobs that match the words, by slot, with BM25 scores when
/// `scored`; `None` when nothing matches and a misspelt word could be
/// corrected, which is the slow lane's work ([`corrected_matches`]).
fn text_matches(snapshot: &Snapshot, words: &[String], scored: bool) -> Option<Vec<(usize, f64)>> {
    let found = snapshot.text.matches(&terms(words), scored);
    (!found.is_empty() || !snapshot.text.may_correct(&terms(words))).then_some(found)
}

/// The jobs that match once misspelt words are replaced by their nearest
/// terms.
fn corrected_matches(snapshot: &Snapshot, words: &[String], scored: bool) -> Vec<(usize, f64)> {
    match snapshot.text.correct(&terms(words)) {
        Some(corrected) => snapshot.text.matches(&corrected, scored),
        None => Vec::new(),
    }
}

/// A page's job as read back, with its id to put it in order.
#[derive(FromRow)]
struct PageRow {
    id: i64,
    #[sqlx(flatten)]
    job: JobRow,
}

/// A page of matching open jobs with facet counts, as JSON: kept per
/// snapshot, since a page with its jobs' match facts takes longer to write
/// out than to find.
pub async fn search_json(board: &Board, params: &SearchParams) -> Result<Bytes> {
    let today = board.today_days();
    let snapshot = board
        .search
        .get(&board.pool, board.version().await?, today)
        .await?;
    // Parameters that parse alike ask the same question; the same question
    // asked at once is answered once.
    snapshot
        .answers
        .try_get_with(
            format!("{params:?}"),
            answer(board, snapshot.clone(), params, today),
        )
        .await
        .map_err(Error::from_shared)
}

async fn answer(
    board: &Board,
    snapshot: Arc<Snapshot>,
    params: &SearchParams,
    today: i64,
) -> Result<Bytes> {
    // Matching, filters, facets and ranking are CPU work: on the bounded
    // pool of search workers, never on a request thread. Correcting typos
    // (when the words as typed match nothing) goes in the workers' slow
    // lane, so that a flood of misspelt queries leaves workers to the rest.
    let first = {
        let (params, snapshot) = (params.clone(), snapshot.clone());
        board
            .workers
            .run("searching", move || {
                if params.words.is_empty() {
                    let all = (0..snapshot.jobs.len()).map(|s| (s, 0.0));
                    return Some(evaluate(&params, &snapshot, today, all));
                }
                let scored = params.sort == SearchSort::Relevance;
                text_matches(&snapshot, &params.words, scored)
                    .map(|found| evaluate(&params, &snapshot, today, found.into_iter()))
            })
            .await?
    };
    // A corrected search holds its place in the slow lane to its end: its
    // page and JSON cost CPU too.
    let mut _lane = None;
    let outcome = match first {
        Some(outcome) => outcome?,
        None => {
            _lane = Some(board.workers.slow_lane("correcting a search").await?);
            let params = params.clone();
            board
                .workers
                .run("correcting a search", move || {
                    let scored = params.sort == SearchSort::Relevance;
                    let found = corrected_matches(&snapshot, &params.words, scored);
                    evaluate(&params, &snapshot, today, found.into_iter())
                })
                .await??
        }
    };

    let jobs = if outcome.ids.is_empty() {
        Vec::new()
    } else {
        let placeholders = (1..=outcome.ids.len())
            .map(|i| format!("${i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!("SELECT j.id AS id, {JOB_COLUMNS} WHERE j.id IN ({placeholders})");
        let mut page = sqlx::query_as::<_, PageRow>(sqlx::AssertSqlSafe(sql));
        for id in &outcome.ids {
            page = page.bind(id);
        }
        let mut rows = page.fetch_all(&board.pool).await?;
        rows.sort_by_key(|row| outcome.ids.iter().position(|id| *id == row.id));
        summaries(board, rows.into_iter().map(|row| row.job).collect()).await?
    };
    json_bytes(&JobSearch {
        jobs,
        total: outcome.total,
        sort: params.sort,
        next_cursor: outcome.next_cursor,
        facets: outcome.facets,
    })
}

/// A page of matching open jobs with facet counts.
pub async fn search(board: &Board, params: &SearchParams) -> Result<JobSearch> {
    Ok(serde_json::from_slice(&search_json(board, params).await?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(query: &str) -> SearchParams {
        SearchParams::parse(Some(query)).unwrap()
    }

    fn field(query: &str) -> &'static str {
        match SearchParams::parse(Some(query)) {
            Err(Error::Invalid { field, .. }) => field,
            other => panic!("{query}: expected an invalid parameter, got {other:?}"),
        }
    }

    #[test]
    fn defaults() {
        let params = SearchParams::parse(None).unwrap();
        assert!(params.words.is_empty());
        assert_eq!(params.sort, SearchSort::Newest);
        assert_eq!(params.limit, DEFAULT_LIMIT);
        assert_eq!(params.currency, "USD");
        assert_eq!(params.cursor, None);
    }

    #[test]
    fn sort_follows_the_words() {
        assert_eq!(parse("q=rust").sort, SearchSort::Relevance);
        assert_eq!(parse("q=rust&sort=newest").sort, SearchSort::Newest);
        assert_eq!(parse("sort=relevance").sort, SearchSort::Newest);
        // Punctuation alone is no words.
        assert_eq!(parse("q=%2A%22").sort, SearchSort::Newest);
        assert_eq!(parse("sort=salary").sort, SearchSort::Salary);
    }

    #[test]
    fn reads_lists_and_folds_text() {
        let params = parse(
            "q=Zürich+DATA&location=S%C3%A3o+Paulo&seniority=senior,%20staff,senior\
             &employment_type=contract&company=acme,globex&remote=false&salary_min=90000\
             &currency=eur&posted_within_days=7&limit=50",
        );
        assert_eq!(params.words, ["zurich", "data"]);
        assert_eq!(params.location.as_deref(), Some("sao paulo"));
        assert_eq!(params.seniority, [Seniority::Senior, Seniority::Staff]);
        assert_eq!(params.employment_type, [EmploymentType::Contract]);
        assert_eq!(params.companies, ["acme", "globex"]);
        assert_eq!(params.remote, Some(false));
        assert_eq!(params.salary_min, Some(90_000));
        assert_eq!(params.currency, "EUR");
        assert_eq!(params.posted_within_days, Some(7));
        assert_eq!(params.limit, 50);
    }

    #[test]
    fn names_the_bad_parameter() {
        assert_eq!(field("remote=maybe"), "remote");
        assert_eq!(field("seniority=senior,chief"), "seniority");
        assert_eq!(field("employment_type=FULL_TIME"), "employment_type");
        assert_eq!(field("company=ACME"), "company");
        assert_eq!(field("salary_min=1e6"), "salary_min");
        assert_eq!(field("currency=dollars"), "currency");
        assert_eq!(field("posted_within_days=400"), "posted_within_days");
        assert_eq!(field("sort=random"), "sort");
        assert_eq!(field("limit=100"), "limit");
        assert_eq!(field("cursor=xyz"), "cursor");
        assert_eq!(
            field(&format!("q={}", "a".repeat(MAX_QUERY_CHARS + 1))),
            "q"
        );
    }

    #[test]
    fn cursors_round_trip_and_refuse_tampering() {
        let cursor = Cursor {
            sort: SearchSort::Relevance,
            key: SortKey {
                primary: -3.25e-6,
                secondary: 42,
            },
        };
        let text = cursor.encode();
        assert!(
            text.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(Cursor::decode(&text), Some(cursor));
        assert_eq!(parse(&format!("q=a&cursor={text}")).cursor, Some(cursor));
        // A cursor of one order is refused by another.
        assert_eq!(field(&format!("cursor={text}")), "cursor");
        for tampered in [
            "",
            "%%%",
            &text[1..],
            &URL_SAFE_NO_PAD.encode("newest:1:2:3"),
            &URL_SAFE_NO_PAD.encode("newest:zz:2"),
            &URL_SAFE_NO_PAD.encode(format!("newest:{:x}:2", f64::NAN.to_bits())),
            &URL_SAFE_NO_PAD.encode("oldest:0:2"),
        ] {
            assert_eq!(Cursor::decode(tampered), None, "{tampered}");
        }
    }

    #[test]
    fn keys_order_each_sort() {
        let job = |id: i64, posted: i64, salary: Option<f64>| JobFacts {
            id,
            work_model: WorkModel::Remote,
            seniority: None,
            employment_type: EmploymentType::FullTime,
            posted,
            company: 0,
            place_start: 0,
            place_count: 0,
            salary_usd_year: salary,
        };
        let (old, new, newer_id) = (
            job(1, 100, None),
            job(2, 200, Some(50.0)),
            job(3, 200, Some(90.0)),
        );
        let key = |sort, j: &JobFacts, score| sort_key(sort, j, score);
        let before = |a: SortKey, b: SortKey| a.cmp(&b) == Ordering::Less;
        // Newest: later date first, then the higher id.
        assert!(before(
            key(SearchSort::Newest, &new, 0.0),
            key(SearchSort::Newest, &old, 0.0)
        ));
        assert!(before(
            key(SearchSort::Newest, &newer_id, 0.0),
            key(SearchSort::Newest, &new, 0.0)
        ));
        // Salary: highest first, none last.
        assert!(before(
            key(SearchSort::Salary, &newer_id, 0.0),
            key(SearchSort::Salary, &new, 0.0)
        ));
        assert!(before(
            key(SearchSort::Salary, &new, 0.0),
            key(SearchSort::Salary, &old, 0.0)
        ));
        // Relevance: the lower BM25 score first.
        assert!(before(
            key(SearchSort::Relevance, &old, -2.0),
            key(SearchSort::Relevance, &new, -1.0)
        ));
        assert!(posted_within(200, 200, 1));
        assert!(!posted_within(199, 200, 1));
        assert!(posted_within(194, 200, 7));
        assert!(!posted_within(193, 200, 7));
    }
}
