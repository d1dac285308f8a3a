//! Demo data for a fresh database: a showcase job with every part of the
//! job page filled, a few hand-written neighbours (one of them closed), and
//! a generated crowd of companies and jobs around them. Dates are relative
//! to the day of seeding, so the demo never looks stale.

use ascend_types::date::format_iso_date;
use ascend_types::{
    BenefitGroup, EmploymentType, QuestionAnswer, Salary, SalaryPeriod, Seniority, WorkModel,
};
use std::collections::{HashMap, HashSet};

use sqlx::{SqliteConnection, SqlitePool};

use crate::store::model::{NewCompany, NewJob, NewReview};
use crate::store::pool::{
    BULK_BATCH, CHECKPOINT_EVERY, checkpoint_after_bulk_write, with_bulk_write_tx,
};
use crate::store::writes::{self as store, StoreError};
use generate::generate;

mod companies;
pub mod generate;
mod jobs;
mod places;
mod rng;
mod texts;
mod words;

/// The job every part of the page is filled for.
pub const SHOWCASE_SLUG: &str = "backend-engineer-personalization-cadence";
/// A hand-written job that closed before the day of seeding.
pub const CLOSED_SLUG: &str = "support-specialist-lumen-bank";
/// A hand-written job with no salary, in a title family too rare to estimate.
pub const NO_SALARY_SLUG: &str = "lighthouse-keeper-northwind-robotics";

/// How much generated data surrounds the hand-written demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSize {
    pub companies: usize,
    pub jobs: usize,
    pub seed: u64,
}

impl DemoSize {
    /// What `make run` shows: about 5,000 open jobs at 200 companies.
    pub const DEFAULT: DemoSize = DemoSize {
        companies: 200,
        jobs: 5_000,
        seed: 42,
    };
}

impl Default for DemoSize {
    fn default() -> Self {
        DemoSize::DEFAULT
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

fn qa(pairs: &[(&str, &str)]) -> Vec<QuestionAnswer> {
    pairs
        .iter()
        .map(|(q, a)| QuestionAnswer {
            question: (*q).into(),
            answer: (*a).into(),
        })
        .collect()
}

fn cadence(today: i64) -> NewCompany {
    // 48 reviews, 14 of which rate diversity and inclusion: enough for a rating.
    let reviews = (0..48)
        .map(|i| NewReview {
            stars: [5, 4, 4, 3, 4, 5, 4, 3][i % 8],
            dei_stars: (i % 7 < 2).then_some([4, 5, 4, 3][i % 4]),
            approves_ceo: (i % 6 != 0).then_some(i % 5 != 0),
            reviewed_on: format_iso_date(today - 3 - (i as i64) * 11),
        })
        .collect();
    NewCompany {
        slug: "cadence".into(),
        name: "Cadence".into(),
        logo_url: None,
        website: Some("https://cadence.example".into()),
        about: "Cadence is a music and podcast streaming service founded in Gothenburg in 2009. \
                Some 180 million people listen every month, a third of them on a paid plan, in more than ninety countries."
            .into(),
        founded_year: Some(2009),
        headquarters: Some("Gothenburg, Sweden".into()),
        sector: Some("Music streaming".into()),
        team_size: Some("5001-10000".into()),
        funding_stage: Some("Public".into()),
        badges: strings(&["Remote friendly", "Global team", "Builds its own tech", "Parental leave leader"]),
        culture_values: strings(&[
            "Inclusive and diverse",
            "Curious",
            "Bold bets",
            "Candid feedback",
            "Mission driven",
            "Teamwork first",
            "Sustainable pace",
        ]),
        benefits: vec![
            BenefitGroup { kind: "health".into(), items: strings(&["Medical insurance", "Dental insurance", "Mental health support"]) },
            BenefitGroup { kind: "leave".into(), items: strings(&["Six months' paid parental leave", "Paid sick days"]) },
            BenefitGroup { kind: "money".into(), items: strings(&["Pension matching", "Employee share plan"]) },
            BenefitGroup { kind: "time_off".into(), items: strings(&["30 days' holiday", "Paid volunteering days"]) },
            BenefitGroup { kind: "learning".into(), items: strings(&["Yearly learning budget", "Conference tickets"]) },
        ],
        ceo_name: Some("Ingrid Halvorsen".into()),
        ceo_photo_url: None,
        reviews,
    }
}

fn showcase_job(today: i64) -> NewJob {
    NewJob {
        source: "demo".into(),
        source_id: "showcase".into(),
        slug: Some(SHOWCASE_SLUG.into()),
        company_slug: "cadence".into(),
        title: "Backend Engineer, Personalization".into(),
        department: Some("Engineering".into()),
        seniority: Some(Seniority::Mid),
        employment_type: EmploymentType::FullTime,
        work_model: WorkModel::Remote,
        locations: vec![],
        remote_regions: strings(&["EMEA"]),
        description_html: "<p>The Personalization team decides what each listener hears next: the daily mixes, \
            the home screen and the radio that never runs dry. We are engineers, data scientists and designers \
            in Stockholm, London and Berlin, and we ship to every Cadence listener.</p>\
            <h3>What you will do</h3><ul>\
            <li>Design, build and run the services that turn listening history into recommendations, at tens of thousands of requests a second.</li>\
            <li>Shape APIs with the client, data and research teams, from first sketch to launch.</li>\
            <li>Keep our code readable, tested and documented, and review your colleagues' work with care.</li>\
            <li>Measure what you ship: experiments, dashboards and the on-call rota are part of the job.</li>\
            </ul><h3>Who you are</h3><ul>\
            <li>You have built and operated high-traffic backend services in Java, Kotlin or another JVM language.</li>\
            <li>You read and write Python comfortably.</li>\
            <li>You know your data structures and algorithms and pick the simple one that works.</li>\
            <li>You have run services on Kubernetes, and ideally worked with a search engine such as Elasticsearch or Vespa.</li>\
            <li>You explain technical trade-offs clearly to people who do not write code.</li>\
            </ul><h3>Where you will be</h3><ul>\
            <li>Anywhere in Europe, the Middle East or Africa where Cadence can employ you.</li>\
            <li>The team works in Central European Time, with most meetings between 10:00 and 16:00.</li>\
            </ul>"
            .into(),
        skills: strings(&["Java", "Kotlin", "Python", "Kubernetes", "Elasticsearch", "Distributed systems", "Recommender systems", "gRPC", "PostgreSQL"]),
        summary: Some(
            "A mid-level backend role building Cadence's recommendation services, fully remote within EMEA, \
             with a published salary of €70,000 to €90,000 a year."
                .into(),
        ),
        posted_on: format_iso_date(today - 9),
        valid_through: Some(format_iso_date(today + 51)),
        apply_url: Some("https://cadence.example/careers/backend-engineer-personalization".into()),
        salary: Some(Salary { min: 70_000, max: 90_000, currency: "EUR".into(), period: SalaryPeriod::Year }),
        faqs: qa(&[
            ("What will I work on in my first months?", "You will join a squad that owns the services behind daily mixes. Most new engineers ship a change to production in their first two weeks and lead a small feature within three months."),
            ("Is the role fully remote?", "Yes. You can work from any country in Europe, the Middle East or Africa where Cadence has an employing entity; the recruiter confirms this in the first call."),
            ("Which languages does the team use?", "Services are written in Java and Kotlin; data pipelines and experiments in Python. Nobody expects you to know all three on day one."),
            ("How does on-call work?", "One week in six, shared with five colleagues, with a paid allowance and a day off after a night call-out."),
            ("What does the hiring process look like?", "A 30-minute call with the recruiter, a technical conversation about a system you built, a pair-programming session, and a values interview. It usually takes three weeks."),
        ]),
        interview_questions: qa(&[
            ("Tell us about a backend service you designed and ran in production.", "Pick one you know end to end. Describe the load it carried, the choices you made and what you would change today."),
            ("How do you make sure your code is of good quality?", "Talk about tests at several levels, code review, and how you notice problems after release."),
            ("How would you serve fresh recommendations to millions of users with low latency?", "Walk through caching, precomputation and the trade-off between freshness and cost."),
            ("Describe a hard production incident you helped resolve.", "Explain how you found the cause, what you changed, and what the team learned."),
            ("How do you stay current with backend technology?", "Mention the sources you trust and one thing you recently tried out."),
            ("What experience do you have with Kubernetes?", "Describe deployments, scaling and the failures you have debugged."),
            ("How do you work with product managers and designers?", "Give an example where their input changed what you built."),
            ("When have data changed your mind about a technical decision?", "Describe the measurement and what you did differently afterwards."),
        ]),
    }
}

/// A short hand-written posting: full-time, on-site, posted today and open;
/// callers change what differs.
fn plain_job(slug: &str, company: &str, title: &str, location: &str, today: i64) -> NewJob {
    NewJob {
        source: "demo".into(),
        source_id: slug.into(),
        slug: Some(slug.into()),
        company_slug: company.into(),
        title: title.into(),
        department: None,
        seniority: None,
        employment_type: EmploymentType::FullTime,
        work_model: WorkModel::OnSite,
        locations: vec![location.to_owned()],
        remote_regions: vec![],
        description_html: format!(
            "<p>{title}: a demo posting on Ascend. The full text arrives with the employer's next update.</p>"
        ),
        skills: vec![],
        summary: None,
        posted_on: format_iso_date(today),
        valid_through: None,
        apply_url: None,
        salary: None,
        faqs: vec![],
        interview_questions: vec![],
    }
}

fn small_company(slug: &str, name: &str, about: &str) -> NewCompany {
    NewCompany {
        slug: slug.into(),
        name: name.into(),
        website: Some(format!("https://{slug}.example")),
        about: about.into(),
        ..NewCompany::default()
    }
}

/// The hand-written part of the demo.
pub fn handwritten(today: i64) -> (Vec<NewCompany>, Vec<NewJob>) {
    let companies = vec![
        cadence(today),
        // The one demo company with a logo (public/logos/).
        NewCompany {
            logo_url: Some("/logos/northwind-robotics.svg".into()),
            ..small_company(
                "northwind-robotics",
                "Northwind Robotics",
                "Northwind builds the robots that sort parcels in Europe's busiest depots.",
            )
        },
        small_company(
            "lumen-bank",
            "Lumen Bank",
            "Lumen is a bank for freelancers, with invoicing and tax built in.",
        ),
    ];
    let jobs = vec![
        showcase_job(today),
        NewJob {
            work_model: WorkModel::Hybrid,
            seniority: Some(Seniority::Mid),
            posted_on: format_iso_date(today - 4),
            valid_through: Some(format_iso_date(today + 56)),
            salary: Some(Salary {
                min: 600_000,
                max: 720_000,
                currency: "SEK".into(),
                period: SalaryPeriod::Year,
            }),
            ..plain_job(
                "data-engineer-listening-insights-cadence",
                "cadence",
                "Data Engineer, Listening Insights",
                "Stockholm, Sweden",
                today,
            )
        },
        NewJob {
            employment_type: EmploymentType::PartTime,
            posted_on: format_iso_date(today - 2),
            valid_through: Some(format_iso_date(today + 30)),
            ..plain_job(
                NO_SALARY_SLUG,
                "northwind-robotics",
                "Lighthouse Keeper",
                "Rotterdam, Netherlands",
                today,
            )
        },
        NewJob {
            work_model: WorkModel::Remote,
            employment_type: EmploymentType::PartTime,
            seniority: Some(Seniority::Junior),
            posted_on: format_iso_date(today - 45),
            // Closed five days before the day of seeding.
            valid_through: Some(format_iso_date(today - 5)),
            ..plain_job(
                CLOSED_SLUG,
                "lumen-bank",
                "Customer Support Specialist",
                "Remote in Portugal",
                today,
            )
        },
    ];
    (companies, jobs)
}

/// Why seeding stopped.
#[derive(Debug)]
pub enum SeedError {
    /// The data cannot be stored as it is; nothing was written.
    Invalid(String),
    /// The database failed before anything was written.
    Database(sqlx::Error),
    /// The database failed (or stayed busy through every try) after the
    /// batches before were stored. Seeding the same data again stores the
    /// rest: companies and jobs are updated in place, not added twice.
    Stopped {
        error: sqlx::Error,
        companies_stored: usize,
        jobs_stored: usize,
        companies: usize,
        jobs: usize,
    },
}

impl std::fmt::Display for SeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SeedError::Invalid(reason) => write!(f, "{reason}; nothing was stored"),
            SeedError::Database(error) => write!(f, "database error: {error}"),
            SeedError::Stopped {
                error,
                companies_stored,
                jobs_stored,
                companies,
                jobs,
            } => write!(
                f,
                "database error: {error}; seeding stopped after storing {companies_stored} of \
                 {companies} companies and {jobs_stored} of {jobs} jobs (seeding again stores the rest)"
            ),
        }
    }
}

impl std::error::Error for SeedError {}

impl From<StoreError> for SeedError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Invalid(reason) => SeedError::Invalid(reason),
            StoreError::Database(error) => SeedError::Database(error),
        }
    }
}

/// Whether the database has no companies (and so no jobs) yet.
pub async fn is_empty(pool: &SqlitePool) -> Result<bool, StoreError> {
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM companies")
        .fetch_one(pool)
        .await?;
    Ok(existing == 0)
}

/// Adds a generated crowd of `size` (no hand-written jobs): `ascend-server
/// seed`. Returns how many jobs it wrote.
pub async fn store_generated(
    pool: &SqlitePool,
    size: DemoSize,
    today: i64,
) -> Result<usize, SeedError> {
    let generated = generate(size.companies, size.jobs, size.seed, today);
    store_all(pool, &generated.companies, &generated.jobs).await
}

/// Fills an empty database with the demo: the hand-written set and a
/// generated crowd of `size`. Returns how many jobs it added; a database
/// that already has companies is left as it is (so after a seed that
/// stopped half way, `ascend-server seed` stores the rest of the crowd).
pub async fn seed_if_empty(
    pool: &SqlitePool,
    today: i64,
    size: DemoSize,
) -> Result<usize, SeedError> {
    if !is_empty(pool).await? {
        return Ok(0);
    }
    let (mut companies, mut jobs) = handwritten(today);
    let generated = generate(size.companies, size.jobs, size.seed, today);
    companies.extend(generated.companies);
    jobs.extend(generated.jobs);
    store_all(pool, &companies, &jobs).await
}

/// A company's id and name, by slug, for its jobs.
type CompanyIds<'a> = HashMap<&'a str, (i64, &'a str)>;

/// Stores companies, then jobs; returns the jobs written (inserted or
/// changed).
///
/// Everything is checked before anything is written, so data that does
/// not fit writes nothing. Then the writes go in batches of
/// [`BULK_BATCH`], each its own write transaction (tried again when the
/// database is busy), so that a server using the database goes on taking
/// writes in between; the WAL is checkpointed as the seed goes and at its end.
pub async fn store_all(
    pool: &SqlitePool,
    companies: &[NewCompany],
    jobs: &[NewJob],
) -> Result<usize, SeedError> {
    let mut known = HashSet::new();
    for company in companies {
        store::validate_company(company)?;
        known.insert(company.slug.as_str());
    }
    for job in jobs {
        if !known.contains(job.company_slug.as_str()) {
            return Err(SeedError::Invalid(format!(
                "job {}: unknown company {}",
                job.source_id, job.company_slug
            )));
        }
        store::validate_job(job)?;
    }

    let mut progress = Progress {
        companies_stored: 0,
        jobs_stored: 0,
        companies: companies.len(),
        jobs: jobs.len(),
        batches: 0,
    };
    let mut ids = CompanyIds::new();
    for batch in companies.chunks(BULK_BATCH) {
        let stored = with_bulk_write_tx(pool, batch, |conn, batch| {
            Box::pin(store_companies(conn, batch))
        })
        .await;
        let stored = progress.batch_done(pool, stored, batch.len(), 0).await?;
        for (company, id) in batch.iter().zip(stored) {
            ids.insert(company.slug.as_str(), (id, company.name.as_str()));
        }
    }
    let mut written = 0;
    for batch in jobs.chunks(BULK_BATCH) {
        let stored = with_bulk_write_tx(pool, &(batch, &ids), |conn, (batch, ids)| {
            Box::pin(store_jobs(conn, batch, ids))
        })
        .await;
        written += progress.batch_done(pool, stored, 0, batch.len()).await?;
    }
    checkpoint_after_bulk_write(pool, "seed").await;
    Ok(written)
}

/// How far [`store_all`] got.
struct Progress {
    companies_stored: usize,
    jobs_stored: usize,
    companies: usize,
    jobs: usize,
    batches: usize,
}

impl Progress {
    /// Counts a batch that was stored, checkpointing every
    /// [`CHECKPOINT_EVERY`] batches, or turns its error into the seed's.
    async fn batch_done<T>(
        &mut self,
        pool: &SqlitePool,
        result: Result<T, StoreError>,
        companies: usize,
        jobs: usize,
    ) -> Result<T, SeedError> {
        match result {
            Ok(value) => {
                self.companies_stored += companies;
                self.jobs_stored += jobs;
                self.batches += 1;
                if self.batches.is_multiple_of(CHECKPOINT_EVERY) {
                    checkpoint_after_bulk_write(pool, "seed").await;
                }
                Ok(value)
            }
            Err(StoreError::Database(error)) => {
                checkpoint_after_bulk_write(pool, "seed").await;
                Err(SeedError::Stopped {
                    error,
                    companies_stored: self.companies_stored,
                    jobs_stored: self.jobs_stored,
                    companies: self.companies,
                    jobs: self.jobs,
                })
            }
            // Checked before anything was written, so not expected here.
            Err(StoreError::Invalid(reason)) => Err(SeedError::Invalid(reason)),
        }
    }
}

/// Stores a batch of companies; returns their ids, in order.
async fn store_companies(
    conn: &mut SqliteConnection,
    companies: &[NewCompany],
) -> Result<Vec<i64>, StoreError> {
    let mut ids = Vec::with_capacity(companies.len());
    for company in companies {
        ids.push(store::upsert_company(conn, company).await?);
    }
    Ok(ids)
}

/// Stores a batch of jobs of companies in `ids`; returns how many it wrote.
async fn store_jobs(
    conn: &mut SqliteConnection,
    jobs: &[NewJob],
    ids: &CompanyIds<'_>,
) -> Result<usize, StoreError> {
    let mut written = 0;
    for job in jobs {
        let Some(&(company_id, company_name)) = ids.get(job.company_slug.as_str()) else {
            return Err(StoreError::Invalid(format!(
                "job {}: unknown company {}",
                job.source_id, job.company_slug
            )));
        };
        if store::upsert_job(conn, company_id, company_name, job).await?
            != store::Written::Unchanged
        {
            written += 1;
        }
    }
    Ok(written)
}
