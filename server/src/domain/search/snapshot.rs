//! What search and suggestions need of every open job, held in memory and
//! rebuilt when the data changes: filters, facets and ordering then cost a
//! pass over compact rows instead of several SQL aggregates over 100,000
//! jobs, and the words are matched in memory (see [`super::index`]). The
//! data versions of jobs and of currency rates (moved by
//! triggers, migrations 0004 and 0006) and today's date say when a
//! snapshot is stale.

use std::collections::HashMap;
use std::sync::Arc;

use ascend_types::date::parse_iso_date;
use ascend_types::{EmploymentType, SalaryPeriod, Seniority, WorkModel};
use sqlx::{FromRow, SqlitePool};

use ascend_types::salary::convert_period;
use bytes::Bytes;
use moka::future::Cache;

use super::index::{IndexBuilder, TextIndex};
use super::text::fold;
use crate::domain::error::{Error, Result};
use crate::domain::listing::OPEN;
use crate::domain::rebuilt::Rebuilt;

/// The facts about one open job that filters, facets and sorts read.
#[derive(Debug, Clone)]
pub struct JobFacts {
    pub id: i64,
    pub work_model: WorkModel,
    pub seniority: Option<Seniority>,
    pub employment_type: EmploymentType,
    /// Days since 1970-01-01.
    pub posted: i64,
    /// Index into [`Snapshot::companies`].
    pub company: u32,
    /// Where the job's places start in [`Snapshot::place_ids`], and how
    /// many: kept in one array so that a pass over all jobs reads memory
    /// in order.
    pub place_start: u32,
    pub place_count: u32,
    /// The top of the employer's range per year in US dollars.
    pub salary_usd_year: Option<f64>,
}

#[derive(Debug, Clone)]
pub struct CompanyFacts {
    pub slug: String,
    pub name: String,
}

/// A suggestion and how many open jobs carry it, with its folded form.
#[derive(Debug, Clone)]
pub struct Entry<T> {
    pub value: T,
    pub folded: String,
    pub count: u32,
}

/// Every open job's facts, as of one data version and day.
pub struct Snapshot {
    pub jobs: Vec<JobFacts>,
    /// Job id to 1 + its index in `jobs`; 0 for closed or unknown jobs.
    slots: Vec<u32>,
    pub companies: Vec<CompanyFacts>,
    pub company_by_slug: HashMap<String, u32>,
    pub places: Vec<String>,
    /// Indexes into `places`: each job's `locations`, or its remote regions
    /// when it has none, at its `place_start`.
    place_ids: Vec<u32>,
    /// Per job (as `jobs`): location, places and remote regions, folded,
    /// for the location filter.
    where_texts: Vec<String>,
    /// Units of each currency per US dollar.
    pub rates: HashMap<String, f64>,
    /// Suggestions, most common first.
    pub titles: Vec<Entry<String>>,
    pub skills: Vec<Entry<String>>,
    pub company_entries: Vec<Entry<u32>>,
    pub locations: Vec<Entry<String>>,
    /// The open jobs' words, by slot.
    pub text: TextIndex,
    /// Recent answers, by their parsed parameters.
    pub answers: Cache<String, Bytes>,
    /// Recent suggestions, by the folded text typed.
    pub suggestions: Cache<String, Arc<ascend_types::Suggestions>>,
}

/// How many answers the answer and suggestion memos hold at most.
const ANSWER_MEMO_ENTRIES: u64 = 2_000;

#[derive(FromRow)]
struct FactsRow {
    id: i64,
    company_id: i64,
    company_name: String,
    title: String,
    work_model: String,
    seniority: Option<String>,
    employment_type: String,
    posted_on: String,
    location: String,
    locations: String,
    remote_regions: String,
    skills: String,
    salary_max: Option<i64>,
    salary_currency: Option<String>,
    salary_period: Option<String>,
    description_text: String,
}

fn json_strings(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

/// Counts occurrences and lists them most common first (ties by value).
fn ranked<T: Ord + Clone + std::hash::Hash>(
    counts: HashMap<T, u32>,
    folded: impl Fn(&T) -> String,
) -> Vec<Entry<T>> {
    let mut entries: Vec<Entry<T>> = counts
        .into_iter()
        .map(|(value, count)| Entry {
            folded: folded(&value),
            value,
            count,
        })
        .collect();
    entries.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    entries
}

impl Snapshot {
    /// Reads every open job's facts and words in one read transaction (the
    /// data is at least as new as the version that asked for it), then
    /// builds the snapshot and its text index off the async threads.
    async fn load(pool: &SqlitePool, today: i64) -> Result<Snapshot> {
        let today_text = ascend_types::date::format_iso_date(today);
        let started = std::time::Instant::now();
        let mut tx = pool.begin().await?;
        let rates: HashMap<String, f64> = sqlx::query_as::<_, (String, f64)>(
            "SELECT currency, units_per_usd FROM currency_rates",
        )
        .fetch_all(&mut *tx)
        .await?
        .into_iter()
        .collect();
        let company_rows: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT id, slug, name FROM companies ORDER BY id")
                .fetch_all(&mut *tx)
                .await?;
        // `OPEN` compares with `$2`; this query has today as its only value.
        let rows: Vec<FactsRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "SELECT j.id, j.company_id, c.name AS company_name, j.title, j.work_model, j.seniority, \
             j.employment_type, j.posted_on, j.location, j.locations, j.remote_regions, j.skills, \
             j.salary_max, j.salary_currency, j.salary_period, j.description_text \
             FROM jobs j JOIN companies c ON c.id = j.company_id WHERE {} ORDER BY j.id",
            OPEN.replace("$2", "$1")
        )))
        .bind(&today_text)
        .fetch_all(&mut *tx)
        .await?;
        tx.commit().await?;
        let read = started.elapsed();
        tokio::task::spawn_blocking(move || {
            let snapshot = Snapshot::build(rates, company_rows, rows);
            tracing::info!(
                jobs = snapshot.jobs.len(),
                terms = snapshot.text.term_count(),
                ?read,
                elapsed = ?started.elapsed(),
                "search snapshot built"
            );
            crate::domain::release_freed_memory();
            snapshot
        })
        .await
        .map_err(|source| Error::Task {
            what: "building the search snapshot",
            source,
        })
    }

    fn build(
        rates: HashMap<String, f64>,
        company_rows: Vec<(i64, String, String)>,
        rows: Vec<FactsRow>,
    ) -> Snapshot {
        let mut company_index: HashMap<i64, u32> = HashMap::new();
        let mut companies = Vec::with_capacity(company_rows.len());
        for (id, slug, name) in company_rows {
            company_index.insert(id, companies.len() as u32);
            companies.push(CompanyFacts { slug, name });
        }
        let company_by_slug = companies
            .iter()
            .enumerate()
            .map(|(i, c)| (c.slug.clone(), i as u32))
            .collect();

        let mut place_index: HashMap<String, u32> = HashMap::new();
        let mut places: Vec<String> = Vec::new();
        let mut title_counts: HashMap<String, u32> = HashMap::new();
        let mut skill_counts: HashMap<String, u32> = HashMap::new();
        let mut company_counts: HashMap<u32, u32> = HashMap::new();
        let mut location_counts: HashMap<String, u32> = HashMap::new();
        let mut jobs = Vec::with_capacity(rows.len());
        let mut slots: Vec<u32> = Vec::new();
        let mut place_ids: Vec<u32> = Vec::new();
        let mut where_texts: Vec<String> = Vec::new();
        let mut text = IndexBuilder::default();

        for row in rows {
            let (Some(work_model), Some(employment_type), Some(posted), Some(&company)) = (
                WorkModel::parse(&row.work_model),
                EmploymentType::parse(&row.employment_type),
                parse_iso_date(&row.posted_on),
                company_index.get(&row.company_id),
            ) else {
                tracing::warn!(id = row.id, "job with unreadable facts left out of search");
                continue;
            };
            let Ok(slot) = usize::try_from(row.id) else {
                continue;
            };
            let locations = json_strings(&row.locations);
            let regions = json_strings(&row.remote_regions);
            // Where the job is: its places, or for a remote job without
            // any, the regions applicants may live in.
            let place_start = place_ids.len() as u32;
            let job_places = if locations.is_empty() {
                &regions
            } else {
                &locations
            }
            .iter()
            .map(|place| {
                *place_index.entry(place.clone()).or_insert_with(|| {
                    places.push(place.clone());
                    places.len() as u32 - 1
                })
            });
            place_ids.extend(job_places);
            let place_count = place_ids.len() as u32 - place_start;
            for place in locations.iter().chain(&regions) {
                *location_counts.entry(place.clone()).or_default() += 1;
            }
            for skill in json_strings(&row.skills) {
                *skill_counts.entry(skill).or_default() += 1;
            }
            *title_counts.entry(row.title.clone()).or_default() += 1;
            *company_counts.entry(company).or_default() += 1;
            let salary_usd_year = match (row.salary_max, &row.salary_currency, &row.salary_period) {
                (Some(max), Some(currency), Some(period)) => {
                    match (rates.get(currency), SalaryPeriod::parse(period)) {
                        (Some(rate), Some(period)) => {
                            Some(convert_period(max as f64, period, SalaryPeriod::Year) / rate)
                        }
                        _ => None,
                    }
                }
                _ => None,
            };
            if slots.len() <= slot {
                slots.resize(slot + 1, 0);
            }
            slots[slot] = jobs.len() as u32 + 1;
            jobs.push(JobFacts {
                id: row.id,
                work_model,
                seniority: row.seniority.as_deref().and_then(Seniority::parse),
                employment_type,
                posted,
                company,
                place_start,
                place_count,
                salary_usd_year,
            });
            text.add([
                &row.title,
                &row.skills,
                &row.company_name,
                &format!("{} {} {}", row.location, row.locations, row.remote_regions),
                &row.description_text,
            ]);
            where_texts.push(fold(&format!(
                "{} | {} | {}",
                row.location,
                locations.join(" | "),
                regions.join(" | ")
            )));
        }

        let company_entries = ranked(company_counts, |&i| fold(&companies[i as usize].name));
        Snapshot {
            jobs,
            slots,
            company_by_slug,
            places,
            place_ids,
            where_texts,
            rates,
            titles: ranked(title_counts, |t| fold(t)),
            skills: ranked(skill_counts, |s| fold(s)),
            company_entries,
            locations: ranked(location_counts, |l| fold(l)),
            companies,
            text: text.finish(),
            answers: Cache::new(ANSWER_MEMO_ENTRIES),
            suggestions: Cache::new(ANSWER_MEMO_ENTRIES),
        }
    }

    /// The job's places, as indexes into `places`.
    pub fn places_of(&self, job: &JobFacts) -> &[u32] {
        let start = job.place_start as usize;
        &self.place_ids[start..start + job.place_count as usize]
    }

    /// The folded text the location filter looks in, of the job at `slot`.
    pub fn where_text(&self, slot: usize) -> &str {
        &self.where_texts[slot]
    }

    /// The index in `jobs` of the open job `id`.
    pub fn slot(&self, id: i64) -> Option<usize> {
        let slot = *self.slots.get(usize::try_from(id).ok()?)?;
        (slot > 0).then(|| slot as usize - 1)
    }
}

/// The current snapshot, shared by the search and suggest handlers.
pub struct SnapshotCache(Arc<Rebuilt<Snapshot>>);

impl Default for SnapshotCache {
    /// Requests wait for a new snapshot after each write (what tests need).
    fn default() -> Self {
        SnapshotCache(Arc::new(Rebuilt::new("search snapshot", false)))
    }
}

impl SnapshotCache {
    /// A cache that answers from the previous snapshot while a new one is
    /// built: at 100,000 jobs a rebuild takes seconds, and a search that
    /// misses a write by that long is better than one that waits for it.
    pub fn serving_stale() -> Self {
        SnapshotCache(Arc::new(Rebuilt::new("search snapshot", true)))
    }

    /// The snapshot for `today` at data `version` (from
    /// [`crate::domain::kept::DataVersion`]) or newer.
    pub async fn get(&self, pool: &SqlitePool, version: i64, today: i64) -> Result<Arc<Snapshot>> {
        let pool = pool.clone();
        self.0
            .get(version, today, move || async move {
                Snapshot::load(&pool, today).await
            })
            .await
    }

    pub fn is_built(&self) -> bool {
        self.0.is_built()
    }
}
