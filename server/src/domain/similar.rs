//! Open jobs like this one (`GET /api/jobs/{slug}/similar`).
//!
//! Similarity is computed in memory, from an index built out of every job:
//! each job becomes a weighted bag of words (its title, its skills, and the
//! dozen words that best set its description apart, by TF-IDF), and the
//! text score is the cosine between two bags. On top of it come what words
//! cannot see: the same seniority (or a neighbouring one), the same title
//! family, the same work model and a compatible place (the same region, or
//! remote work open to an overlapping one). Ties break on the job id, so the
//! answer is the same for the same data.
//!
//! The index is rebuilt when the `jobs` data version moves (triggers bump it
//! on every write, from this process or an import run); a query against
//! 100,000 jobs then touches only the posting lists of the job's own words.

use std::collections::HashMap;
use std::sync::Arc;

use ascend_types::salary::region_of;
use ascend_types::{BenefitGroup, JobCard, Seniority, SimilarJobs};
use bytes::Bytes;
use rustc_hash::FxHashMap;
use sqlx::FromRow;

use super::Board;
use super::error::{Error, Result};
use super::jobs::{ensure_open, no_job};
use super::kept::json_bytes;
use super::listing::{JOB_COLUMNS, JobRow, parse_list, summaries};
use super::params::Params;
use super::rebuilt::Rebuilt;

pub const DEFAULT_LIMIT: i64 = 8;
pub const MAX_LIMIT: i64 = 20;

/// Words a description contributes to its job's bag.
const DESCRIPTION_TERMS: usize = 12;
const TITLE_WEIGHT: f32 = 3.0;
const SKILL_WEIGHT: f32 = 2.0;
const DESCRIPTION_WEIGHT: f32 = 1.0;
/// Candidates gathered from the rarer words before the common ones stop
/// adding new ones.
const ENOUGH_CANDIDATES: usize = 1_500;

/// Whether a lower-case word says nothing about a job.
fn is_noise(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "of"
            | "the"
            | "for"
            | "in"
            | "with"
            | "to"
            | "a"
            | "an"
            | "at"
            | "on"
            | "or"
            | "you"
            | "we"
            | "our"
            | "your"
            | "are"
            | "is"
            | "will"
            | "be"
            | "as"
            | "by"
            | "from"
            | "that"
            | "this"
            | "it"
            | "who"
            | "what"
            | "where"
            | "have"
            | "has"
            | "can"
            | "all"
            | "us"
            | "their"
            | "they"
            | "more"
            | "about"
    )
}

/// Calls `each` with the words of a text, lower-cased, without the ones
/// that say nothing; `lower` is room to lower-case a word in, so that the
/// millions of words of an index build allocate nothing.
fn each_word(text: &str, lower: &mut String, mut each: impl FnMut(&str)) {
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let word = if word.chars().any(char::is_uppercase) {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            lower.as_str()
        } else {
            word
        };
        if !is_noise(word) {
            each(word);
        }
    }
}

/// Words of a text, lower-cased, without the ones that say nothing.
pub fn words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    each_word(text, &mut String::new(), |w| found.push(w.to_owned()));
    found
}

/// What the scoring compares besides words.
#[derive(Debug, Clone, PartialEq)]
pub struct Traits {
    pub title_family: String,
    /// Position in [`Seniority::ALL`].
    pub seniority: Option<i32>,
    pub work_model: String,
    /// Coarse regions ([`region_of`]) the job is in or, remote, open to.
    pub regions: Vec<&'static str>,
    /// Remote and open to any region.
    pub anywhere: bool,
}

impl Traits {
    fn from_columns(
        title_family: String,
        seniority: Option<&str>,
        work_model: String,
        region: Option<&str>,
        remote_regions: &str,
    ) -> Traits {
        let remote: Vec<String> = parse_list(remote_regions);
        let mut regions: Vec<&'static str> = remote.iter().filter_map(|r| region_of(r)).collect();
        regions.extend(region.and_then(region_of));
        regions.sort_unstable();
        regions.dedup();
        Traits {
            anywhere: work_model == "remote" && remote.is_empty(),
            seniority: seniority.and_then(Seniority::parse).and_then(|s| {
                Seniority::ALL
                    .iter()
                    .position(|x| *x == s)
                    .map(|i| i as i32)
            }),
            title_family,
            work_model,
            regions,
        }
    }
}

/// How well a candidate's place fits the source's: the same region, or
/// remote work open to where the source is; remote jobs open anywhere fit
/// anyone.
fn place_fit(source: &Traits, candidate: &Traits) -> f64 {
    let shared = source.regions.iter().any(|r| candidate.regions.contains(r));
    let both_remote = source.work_model == "remote" && candidate.work_model == "remote";
    match (shared, both_remote, candidate.anywhere) {
        (true, true, _) => 1.0,
        (true, false, _) => 0.8,
        (false, _, true) => 0.6,
        (false, true, false) => 0.2,
        _ => 0.0,
    }
}

/// A candidate's score: the text cosine (0 to 1) plus the boosts. Higher is
/// more similar.
pub fn score(source: &Traits, candidate: &Traits, cosine: f64) -> f64 {
    let seniority = match (source.seniority, candidate.seniority) {
        (Some(a), Some(b)) if a == b => 0.35,
        (Some(a), Some(b)) if (a - b).abs() == 1 => 0.15,
        _ => 0.0,
    };
    let family = if source.title_family == candidate.title_family {
        0.3
    } else {
        0.0
    };
    let work_model = if source.work_model == candidate.work_model {
        0.1
    } else {
        0.0
    };
    cosine + seniority + family + work_model + 0.3 * place_fit(source, candidate)
}

struct Doc {
    id: i64,
    traits: Traits,
    valid_through: Option<String>,
    /// Term ids with weights (TF-IDF), and the vector's length.
    vector: Vec<(u32, f32)>,
    norm: f32,
}

/// Every job as a bag of words, with posting lists to find the jobs that
/// share a word.
pub struct Index {
    docs: Vec<Doc>,
    by_id: HashMap<i64, u32>,
    postings: Vec<Vec<(u32, f32)>>,
}

/// A job's title and skill words, and its description's word counts, as
/// term ids.
struct JobWords {
    title: Vec<u32>,
    skills: Vec<u32>,
    counts: Vec<(u32, u32)>,
}

/// One job's columns as the index reads them.
#[derive(FromRow)]
struct IndexRow {
    id: i64,
    title: String,
    title_family: String,
    seniority: Option<String>,
    work_model: String,
    region: Option<String>,
    remote_regions: String,
    skills: String,
    description_text: String,
    valid_through: Option<String>,
}

impl Index {
    fn build(rows: Vec<IndexRow>) -> Index {
        let mut term_ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let intern = |word: &str, ids: &mut FxHashMap<Box<str>, u32>| -> u32 {
            if let Some(&id) = ids.get(word) {
                return id;
            }
            let id = ids.len() as u32;
            ids.insert(word.into(), id);
            id
        };
        let mut fields: Vec<JobWords> = Vec::with_capacity(rows.len());
        let mut df: Vec<u32> = Vec::new();
        let mut lower = String::new();
        let mut described: Vec<u32> = Vec::new();
        for row in &rows {
            let mut title: Vec<u32> = Vec::new();
            each_word(&row.title, &mut lower, |w| {
                title.push(intern(w, &mut term_ids))
            });
            let mut skills: Vec<u32> = Vec::new();
            for skill in parse_list::<String>(&row.skills) {
                each_word(&skill, &mut lower, |w| {
                    skills.push(intern(w, &mut term_ids))
                });
            }
            described.clear();
            each_word(&row.description_text, &mut lower, |w| {
                if w.len() > 2 {
                    described.push(intern(w, &mut term_ids));
                }
            });
            described.sort_unstable();
            let mut counts: Vec<(u32, u32)> = Vec::new();
            for &term in &described {
                match counts.last_mut() {
                    Some((last, count)) if *last == term => *count += 1,
                    _ => counts.push((term, 1)),
                }
            }
            let mut present: Vec<u32> = title
                .iter()
                .chain(&skills)
                .copied()
                .chain(counts.iter().map(|(term, _)| *term))
                .collect();
            present.sort_unstable();
            present.dedup();
            df.resize(term_ids.len(), 0);
            for term in present {
                df[term as usize] += 1;
            }
            fields.push(JobWords {
                title,
                skills,
                counts,
            });
        }
        let n = rows.len().max(1) as f32;
        let idf = |term: u32| (n / df[term as usize].max(1) as f32).ln().max(0.0);

        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); term_ids.len()];
        let mut docs = Vec::with_capacity(rows.len());
        let mut by_id = HashMap::with_capacity(rows.len());
        for (index, (row, job_words)) in rows.into_iter().zip(fields).enumerate() {
            let JobWords {
                title,
                skills,
                counts,
            } = job_words;
            let mut weights: HashMap<u32, f32> = HashMap::new();
            for term in title {
                *weights.entry(term).or_default() += TITLE_WEIGHT;
            }
            for term in skills {
                *weights.entry(term).or_default() += SKILL_WEIGHT;
            }
            // The description's most telling words: frequent here, rare elsewhere.
            let mut telling: Vec<(u32, f32)> = counts
                .into_iter()
                .map(|(term, count)| (term, (1.0 + (count as f32).ln()) * idf(term)))
                .collect();
            telling.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            for (term, _) in telling.into_iter().take(DESCRIPTION_TERMS) {
                *weights.entry(term).or_default() += DESCRIPTION_WEIGHT;
            }
            let mut vector: Vec<(u32, f32)> = weights
                .into_iter()
                .map(|(term, weight)| (term, weight * idf(term)))
                .filter(|(_, weight)| *weight > 0.0)
                .collect();
            vector.sort_unstable_by_key(|(term, _)| *term);
            let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
            for (term, weight) in &vector {
                postings[*term as usize].push((index as u32, *weight));
            }
            by_id.insert(row.id, index as u32);
            docs.push(Doc {
                id: row.id,
                traits: Traits::from_columns(
                    row.title_family,
                    row.seniority.as_deref(),
                    row.work_model,
                    row.region.as_deref(),
                    &row.remote_regions,
                ),
                valid_through: row.valid_through,
                vector,
                norm,
            });
        }
        Index {
            docs,
            by_id,
            postings,
        }
    }

    /// The ids of up to `limit` open jobs most like the job with `id`,
    /// most similar first.
    pub fn similar(&self, id: i64, limit: usize, today: &str) -> Vec<i64> {
        let Some(&source_index) = self.by_id.get(&id) else {
            return Vec::new();
        };
        let source = &self.docs[source_index as usize];
        // Rare words first: they find the candidates. Once there are enough,
        // the common words only add to the candidates found, looked up in
        // each candidate's own bag, instead of walking long posting lists.
        let mut terms: Vec<(u32, f32)> = source.vector.clone();
        terms.sort_by_key(|(term, _)| (self.postings[*term as usize].len(), *term));
        let mut dot = vec![0.0_f32; self.docs.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut rest = terms.len();
        for (position, (term, weight)) in terms.iter().enumerate() {
            if touched.len() >= ENOUGH_CANDIDATES {
                rest = position;
                break;
            }
            for (doc, other) in &self.postings[*term as usize] {
                let slot = &mut dot[*doc as usize];
                if *slot == 0.0 {
                    touched.push(*doc);
                }
                *slot += weight * other;
            }
        }
        for (term, weight) in &terms[rest..] {
            for doc in &touched {
                let vector = &self.docs[*doc as usize].vector;
                if let Ok(k) = vector.binary_search_by_key(term, |(t, _)| *t) {
                    dot[*doc as usize] += weight * vector[k].1;
                }
            }
        }
        let mut scored: Vec<(f64, i64)> = touched
            .into_iter()
            .filter(|doc| *doc != source_index)
            .filter_map(|doc| {
                let other = &self.docs[doc as usize];
                if other
                    .valid_through
                    .as_deref()
                    .is_some_and(|until| until < today)
                {
                    return None;
                }
                let cosine = f64::from(dot[doc as usize])
                    / f64::from((source.norm * other.norm).max(f32::MIN_POSITIVE));
                Some((score(&source.traits, &other.traits, cosine), other.id))
            })
            .collect();
        let order = |a: &(f64, i64), b: &(f64, i64)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        if scored.len() > limit {
            scored.select_nth_unstable_by(limit, order);
            scored.truncate(limit);
        }
        scored.sort_by(order);
        scored.into_iter().map(|(_, id)| id).collect()
    }
}

/// The index of the current data version, rebuilt when the version moves
/// (see [`Rebuilt`]: the server answers from the previous index meanwhile).
pub struct IndexCache(Arc<Rebuilt<Index>>);

impl Default for IndexCache {
    /// Requests wait for a new index after each write (what tests need).
    fn default() -> Self {
        IndexCache(Arc::new(Rebuilt::new("similar-jobs index", false)))
    }
}

impl IndexCache {
    /// A cache that answers from the previous index while the next is built.
    pub fn serving_stale() -> Self {
        IndexCache(Arc::new(Rebuilt::new("similar-jobs index", true)))
    }

    pub fn is_built(&self) -> bool {
        self.0.is_built()
    }

    /// The index for the data as it is at `version`.
    pub async fn get(&self, pool: &sqlx::SqlitePool, version: i64) -> Result<Arc<Index>> {
        let pool = pool.clone();
        self.0.get(version, 0, move || Index::load(pool)).await
    }
}

impl Index {
    /// Reads every job's words and builds the index off the async threads.
    async fn load(pool: sqlx::SqlitePool) -> Result<Index> {
        let started = std::time::Instant::now();
        let rows: Vec<IndexRow> = sqlx::query_as(
            "SELECT id, title, title_family, seniority, work_model, region, remote_regions, skills, \
             description_text, valid_through FROM jobs ORDER BY id",
        )
        .fetch_all(&pool)
        .await?;
        let read = started.elapsed();
        tokio::task::spawn_blocking(move || {
            let index = Index::build(rows);
            tracing::info!(
                jobs = index.docs.len(),
                ?read,
                elapsed = ?started.elapsed(),
                "similar-jobs index built"
            );
            crate::domain::release_freed_memory();
            index
        })
        .await
        .map_err(|source| Error::Task {
            what: "building the similar-jobs index",
            source,
        })
    }
}

/// How many similar jobs a request asks for, from `?limit=`.
pub fn parse_limit(query: Option<&str>) -> Result<usize> {
    let params = Params::parse(query)?;
    Ok(params
        .number("limit", 1..=MAX_LIMIT, Some(DEFAULT_LIMIT))?
        .unwrap_or(DEFAULT_LIMIT) as usize)
}

/// Up to `limit` open jobs like the job `slug`, most similar first, as
/// JSON. Kept answers are found by slug, so a repeated request reads
/// nothing from the database; unknown and closed jobs are checked when
/// making one (errors are not kept).
pub async fn similar_json(board: &Board, slug: &str, limit: usize) -> Result<Bytes> {
    let today = board.today();
    let version = board.version().await?;
    let key = format!("similar:{slug}:{limit}");
    board
        .kept
        .get_or_make(version, board.today_days(), &key, || async {
            let (id, valid_through): (i64, Option<String>) =
                sqlx::query_as("SELECT id, valid_through FROM jobs WHERE slug = $1")
                    .bind(slug)
                    .fetch_optional(&board.pool)
                    .await?
                    .ok_or_else(|| no_job(slug))?;
            ensure_open(slug, valid_through.as_deref(), &today)?;
            let index = board.similar.get(&board.pool, version).await?;
            let ids = index.similar(id, limit, &today);
            json_bytes(&SimilarJobs {
                jobs: cards(board, &ids).await?,
            })
        })
        .await
}

/// A card's row: a list row with the company's logo, values and perks.
#[derive(FromRow)]
struct CardRow {
    id: i64,
    logo_url: Option<String>,
    culture_values: String,
    benefits: String,
    #[sqlx(flatten)]
    job: JobRow,
}

/// Cards for these job ids, in the order given.
pub async fn cards(board: &Board, ids: &[i64]) -> Result<Vec<JobCard>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids_json = serde_json::to_string(ids)?;
    let mut rows: Vec<CardRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT j.id AS id, c.logo_url, c.culture_values, c.benefits, {JOB_COLUMNS} \
         WHERE j.id IN (SELECT value FROM json_each($1))"
    )))
    .bind(ids_json)
    .fetch_all(&board.pool)
    .await?;
    rows.sort_by_key(|row| ids.iter().position(|id| *id == row.id));
    let mut extras = Vec::with_capacity(rows.len());
    let mut jobs = Vec::with_capacity(rows.len());
    for row in rows {
        extras.push((row.logo_url, row.culture_values, row.benefits));
        jobs.push(row.job);
    }
    let summaries = summaries(board, jobs).await?;
    Ok(summaries
        .into_iter()
        .zip(extras)
        .map(|(job, (logo_url, values, benefits))| JobCard {
            slug: job.slug,
            title: job.title,
            company: job.company,
            company_logo_url: logo_url,
            location: job.location,
            work_model: job.work_model,
            employment_type: job.employment_type,
            posted_on: job.posted_on,
            culture_values: parse_list(&values),
            perks: parse_list::<BenefitGroup>(&benefits)
                .into_iter()
                .flat_map(|g| g.items)
                .collect(),
            facts: job.facts,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(
        id: i64,
        title: &str,
        skills: &[&str],
        seniority: &str,
        work_model: &str,
        region: &str,
    ) -> IndexRow {
        IndexRow {
            id,
            title: title.into(),
            title_family: ascend_types::salary::title_family(title),
            seniority: Some(seniority.into()),
            work_model: work_model.into(),
            region: Some(region.into()),
            remote_regions: "[]".into(),
            skills: serde_json::to_string(skills).unwrap(),
            description_text: format!(
                "You will work on {title} problems with {}.",
                skills.join(", ")
            ),
            valid_through: None,
        }
    }

    fn traits(family: &str, seniority: &str, work_model: &str, region: &str) -> Traits {
        Traits::from_columns(
            family.into(),
            Some(seniority),
            work_model.into(),
            Some(region),
            "[]",
        )
    }

    #[test]
    fn words_are_lower_case_without_noise() {
        let found: Vec<String> = words("Head of Data & the C++ Platform");
        assert_eq!(found, ["head", "data", "c", "platform"]);
    }

    #[test]
    fn seniority_family_and_place_raise_the_score() {
        let source = traits("backend engineer", "senior", "remote", "Berlin, Germany");
        let same = traits("backend engineer", "senior", "remote", "Paris, France");
        let next_level = traits("backend engineer", "staff", "remote", "Paris, France");
        let far_level = traits("backend engineer", "intern", "remote", "Paris, France");
        let elsewhere = traits("backend engineer", "senior", "on_site", "Tokyo, Japan");
        let other_family = traits("data engineer", "senior", "remote", "Paris, France");
        let s = |t: &Traits| score(&source, t, 0.5);
        assert!(s(&same) > s(&next_level));
        assert!(s(&next_level) > s(&far_level));
        assert!(s(&same) > s(&elsewhere));
        assert!(s(&same) > s(&other_family));
        assert!(score(&source, &same, 0.9) > score(&source, &same, 0.2));
    }

    #[test]
    fn remote_regions_decide_place_fit() {
        let emea = |work| Traits::from_columns("x".into(), None, work, None, "[\"EMEA\"]");
        let source = emea("remote".into());
        let anywhere = Traits::from_columns("x".into(), None, "remote".into(), None, "[]");
        let americas = Traits::from_columns(
            "x".into(),
            None,
            "remote".into(),
            None,
            "[\"North America\"]",
        );
        let berlin = Traits::from_columns(
            "x".into(),
            None,
            "on_site".into(),
            Some("Berlin, Germany"),
            "[]",
        );
        assert_eq!(place_fit(&source, &emea("remote".into())), 1.0);
        assert_eq!(place_fit(&source, &berlin), 0.8);
        assert_eq!(place_fit(&source, &anywhere), 0.6);
        assert_eq!(place_fit(&source, &americas), 0.2);
    }

    #[test]
    fn shared_words_and_traits_rank_first_never_the_job_itself() {
        let rows = vec![
            row(
                1,
                "Senior Backend Engineer",
                &["Rust", "Kafka", "PostgreSQL"],
                "senior",
                "remote",
                "Berlin, Germany",
            ),
            row(
                2,
                "Senior Backend Engineer",
                &["Rust", "Kafka"],
                "senior",
                "remote",
                "Paris, France",
            ),
            row(
                3,
                "Backend Engineer",
                &["Go", "Kafka"],
                "mid",
                "remote",
                "Paris, France",
            ),
            row(
                4,
                "Pastry Chef",
                &["Baking", "Chocolate"],
                "senior",
                "on_site",
                "Lyon, France",
            ),
            row(
                5,
                "Senior Backend Engineer",
                &["Rust", "Kafka", "PostgreSQL"],
                "senior",
                "remote",
                "Madrid, Spain",
            ),
        ];
        let index = Index::build(rows);
        let ids = index.similar(1, 10, "2026-11-25");
        assert!(!ids.contains(&1), "never the job itself");
        assert!(!ids.contains(&4), "nothing in common");
        assert_eq!(ids, [5, 2, 3]);
        assert_eq!(index.similar(1, 1, "2026-11-25"), [5]);
        assert!(index.similar(99, 5, "2026-11-25").is_empty());
    }

    #[test]
    fn closed_jobs_are_left_out_and_order_is_stable() {
        // Four identical analysts: only their ids tell them apart.
        let mut rows: Vec<IndexRow> = (1..=4)
            .map(|id| {
                let place = "London, United Kingdom";
                row(id, "Data Analyst", &["SQL"], "mid", "hybrid", place)
            })
            .collect();
        rows.push(row(
            5,
            "Pastry Chef",
            &["Baking"],
            "mid",
            "on_site",
            "Lyon, France",
        ));
        rows[2].valid_through = Some("2026-11-24".into());
        let index = Index::build(rows);
        assert_eq!(
            index.similar(1, 10, "2026-11-25"),
            [2, 4],
            "equal scores: by id; 3 is closed"
        );
        assert_eq!(
            index.similar(1, 10, "2026-11-24"),
            [2, 3, 4],
            "3 was open yesterday"
        );
    }
}
