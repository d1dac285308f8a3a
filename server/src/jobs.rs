//! `/api/jobs/{slug}`: one job with everything its page shows. Searching
//! `/api/jobs` is `search`'s; [`ListParams`] serves the company job lists.

use ascend_types::{
    CompanyRef, EmploymentType, ErrorResponse, JobDetail, JobSummary, MatchFacts, Pager,
    QuestionAnswer, SalaryInfo, SalaryPeriod, SalarySource, Seniority, WorkModel,
};
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;
use sqlx::{FromRow, SqliteConnection};

use crate::AppState;
use crate::cache::{json_bytes, json_response};
use crate::companies::{parse_list, profile_by_id};
use crate::error::AppError;
use crate::params::Params;
use crate::salaries::{EstimateRequest, estimate};

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 50;

/// The condition for an open job; `$2` is today's date.
pub const OPEN: &str = "(j.valid_through IS NULL OR j.valid_through >= $2)";

/// The columns a [`JobRow`] reads, and the join they come from.
pub const JOB_COLUMNS: &str = "j.slug, j.title, c.slug AS company_slug, c.name AS company_name, j.location, \
     j.work_model, j.employment_type, j.posted_on, j.skills, j.seniority, j.locations, j.remote_regions, \
     j.title_family, j.region, j.salary_min, j.salary_max, j.salary_currency, j.salary_period \
     FROM jobs j JOIN companies c ON c.id = j.company_id";

pub fn router() -> Router<AppState> {
    Router::new().route("/jobs/{slug}", get(jobs_show))
}

/// The `limit` of a plain list of jobs.
#[derive(Debug, PartialEq, Eq)]
pub struct ListParams {
    pub limit: u32,
}

impl ListParams {
    /// Parses the raw query string, naming the parameter at fault.
    pub fn parse(query: Option<&str>) -> Result<Self, AppError> {
        let params = Params::parse(query)?;
        let limit = params.number(
            "limit",
            1..=i64::from(MAX_LIMIT),
            Some(i64::from(DEFAULT_LIMIT)),
        )?;
        Ok(ListParams {
            limit: limit.unwrap_or(i64::from(DEFAULT_LIMIT)) as u32,
        })
    }
}

fn enum_column<T>(
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    what: &str,
    slug: &str,
) -> Result<T, AppError> {
    parse(value).ok_or_else(|| AppError::Internal(format!("job {slug} has {what} {value:?}")))
}

/// One job in a list, as [`JOB_COLUMNS`] reads it.
#[derive(FromRow)]
pub struct JobRow {
    pub slug: String,
    title: String,
    company_slug: String,
    company_name: String,
    location: String,
    work_model: String,
    employment_type: String,
    posted_on: String,
    skills: String,
    seniority: Option<String>,
    locations: String,
    remote_regions: String,
    #[sqlx(flatten)]
    pay: PayColumns,
}

/// The employer's pay as stored, and what an estimate compares on.
#[derive(FromRow)]
struct PayColumns {
    title_family: String,
    region: Option<String>,
    salary_min: Option<i64>,
    salary_max: Option<i64>,
    salary_currency: Option<String>,
    salary_period: Option<String>,
}

impl PayColumns {
    /// The employer's published range, as the page shows it.
    fn employer_info(&self) -> Option<SalaryInfo> {
        let (min, max) = (self.salary_min?, self.salary_max?);
        Some(SalaryInfo {
            source: SalarySource::Employer,
            median: (min + max) / 2,
            min,
            max,
            currency: self.salary_currency.clone()?,
            period: SalaryPeriod::parse(self.salary_period.as_deref()?)?,
            sample_size: None,
        })
    }

    /// What an estimate for this job is keyed by: jobs alike in these
    /// share one.
    fn estimate_key(&self, seniority: Option<Seniority>) -> String {
        format!(
            "estimate:{}|{}|{}",
            self.title_family,
            seniority.map_or("", Seniority::as_str),
            self.region.as_deref().unwrap_or("")
        )
    }
}

/// The pay a job's page, card and match score use: the employer's range,
/// else an estimate from similar jobs, else nothing.
async fn job_salary(
    conn: &mut SqliteConnection,
    pay: &PayColumns,
    seniority: Option<Seniority>,
) -> Result<Option<SalaryInfo>, AppError> {
    match pay.employer_info() {
        Some(info) => Ok(Some(info)),
        None => estimated_salary(conn, pay, seniority).await,
    }
}

/// Ascend's estimate from similar jobs, for a job whose employer gave none.
async fn estimated_salary(
    conn: &mut SqliteConnection,
    pay: &PayColumns,
    seniority: Option<Seniority>,
) -> Result<Option<SalaryInfo>, AppError> {
    let request = EstimateRequest {
        family: pay.title_family.clone(),
        seniority,
        region: pay.region.clone(),
        currency: None,
        period: SalaryPeriod::Year,
    };
    Ok(estimate(conn, &request).await?.map(|e| SalaryInfo {
        source: SalarySource::Estimate,
        min: e.p10,
        max: e.p90,
        median: e.p50,
        currency: e.currency,
        period: e.period,
        sample_size: Some(e.sample_size),
    }))
}

fn optional_seniority(value: Option<&str>, slug: &str) -> Result<Option<Seniority>, AppError> {
    value
        .map(|v| enum_column(v, Seniority::parse, "seniority", slug))
        .transpose()
}

/// Turns list rows into summaries with their match facts. Jobs alike share
/// one estimate, worked out once per data version and day.
pub async fn summaries(state: &AppState, rows: Vec<JobRow>) -> Result<Vec<JobSummary>, AppError> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let version = state.versions.current(&state.pool).await?;
    let today = state.today();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let seniority = optional_seniority(row.seniority.as_deref(), &row.slug)?;
        let salary = match row.pay.employer_info() {
            Some(info) => Some(info),
            None => {
                let key = row.pay.estimate_key(seniority);
                let bytes = state
                    .responses
                    .get_or_make(version, &today, &key, || async {
                        let mut conn = state.pool.acquire().await?;
                        json_bytes(&estimated_salary(&mut conn, &row.pay, seniority).await?)
                    })
                    .await?;
                serde_json::from_slice(&bytes).map_err(|e| AppError::Internal(e.to_string()))?
            }
        };
        out.push(row.into_summary(seniority, salary)?);
    }
    Ok(out)
}

impl JobRow {
    fn into_summary(
        self,
        seniority: Option<Seniority>,
        salary: Option<SalaryInfo>,
    ) -> Result<JobSummary, AppError> {
        Ok(JobSummary {
            work_model: enum_column(&self.work_model, WorkModel::parse, "work model", &self.slug)?,
            employment_type: enum_column(
                &self.employment_type,
                EmploymentType::parse,
                "employment type",
                &self.slug,
            )?,
            company: CompanyRef {
                slug: self.company_slug,
                name: self.company_name,
            },
            facts: MatchFacts {
                skills: parse_list(&self.skills),
                seniority,
                locations: parse_list(&self.locations),
                remote_regions: parse_list(&self.remote_regions),
                salary,
            },
            slug: self.slug,
            title: self.title,
            location: self.location,
            posted_on: self.posted_on,
        })
    }
}

/// Every column the job page needs.
#[derive(FromRow)]
struct DetailRow {
    id: i64,
    company_id: i64,
    slug: String,
    title: String,
    department: Option<String>,
    seniority: Option<String>,
    employment_type: String,
    work_model: String,
    location: String,
    locations: String,
    remote_regions: String,
    description_html: String,
    skills: String,
    summary: Option<String>,
    posted_on: String,
    valid_through: Option<String>,
    apply_url: Option<String>,
    faqs: String,
    interview_questions: String,
    #[sqlx(flatten)]
    pay: PayColumns,
}

/// One job with everything its page shows: the company profile, the salary
/// (the employer's or an estimate) and its place among the company's jobs.
#[utoipa::path(
    get,
    path = "/api/jobs/{slug}",
    tag = "jobs",
    params(("slug" = String, Path, description = "The job's slug, as in its page's address.")),
    responses(
        (status = 200, description = "The job.", body = JobDetail),
        (status = 404, description = "No job has this slug.", body = ErrorResponse),
        (status = 410, description = "The job is closed.", body = ErrorResponse),
        (status = 500, description = "A failure on the server's side.", body = ErrorResponse),
    )
)]
pub(crate) async fn jobs_show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    Ok(json_response(kept_detail(&state, &slug).await?))
}

/// The 404 for a slug no job has.
pub fn no_job(slug: &str) -> AppError {
    AppError::NotFound(format!("There is no job at '{slug}'."))
}

/// The 410 for a job whose last day was before `today`.
pub fn ensure_open(slug: &str, valid_through: Option<&str>, today: &str) -> Result<(), AppError> {
    if valid_through.is_some_and(|until| until < today) {
        return Err(AppError::Gone(format!(
            "The job '{slug}' is closed and no longer takes applications."
        )));
    }
    Ok(())
}

/// One open job with everything its page shows: 404 for an unknown slug,
/// 410 for a closed job. The server-rendered pages use it; it reads the
/// answer the API keeps, so a page and its API request share one load.
pub async fn job_detail(state: &AppState, slug: &str) -> Result<JobDetail, AppError> {
    Ok(job_detail_and_json(state, slug).await?.0)
}

/// [`job_detail`] with the kept JSON it was read from, for a page that
/// inlines the job as it is.
pub async fn job_detail_and_json(
    state: &AppState,
    slug: &str,
) -> Result<(JobDetail, axum::body::Bytes), AppError> {
    let body = kept_detail(state, slug).await?;
    let job = serde_json::from_slice(&body).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok((job, body))
}

/// The job's detail as JSON, kept per data version and day.
async fn kept_detail(state: &AppState, slug: &str) -> Result<axum::body::Bytes, AppError> {
    let today = state.today();
    let version = state.versions.current(&state.pool).await?;
    state
        .responses
        .get_or_make(version, &today, &format!("job:{slug}"), || async {
            json_bytes(&load_detail(&state.pool, slug, &today).await?)
        })
        .await
}

/// [`job_detail`] for a given day, without the state.
pub async fn load_detail(
    pool: &sqlx::SqlitePool,
    slug: &str,
    today: &str,
) -> Result<JobDetail, AppError> {
    let today = today.to_owned();
    let mut conn = pool.acquire().await?;
    let row: DetailRow = sqlx::query_as(
        "SELECT id, company_id, slug, title, title_family, region, department, seniority, employment_type, \
         work_model, location, locations, remote_regions, description_html, skills, summary, posted_on, \
         valid_through, apply_url, salary_min, salary_max, salary_currency, salary_period, faqs, \
         interview_questions FROM jobs WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| no_job(slug))?;
    ensure_open(slug, row.valid_through.as_deref(), &today)?;

    let seniority = optional_seniority(row.seniority.as_deref(), &row.slug)?;
    let salary = job_salary(&mut conn, &row.pay, seniority).await?;
    let company = profile_by_id(&mut conn, row.company_id, &today).await?;
    let pager = pager(&mut conn, &row, &today).await?;

    Ok(JobDetail {
        work_model: enum_column(&row.work_model, WorkModel::parse, "work model", &row.slug)?,
        employment_type: enum_column(
            &row.employment_type,
            EmploymentType::parse,
            "employment type",
            &row.slug,
        )?,
        seniority,
        company,
        salary,
        pager,
        locations: parse_list(&row.locations),
        remote_regions: parse_list(&row.remote_regions),
        skills: parse_list(&row.skills),
        faqs: parse_list::<QuestionAnswer>(&row.faqs),
        interview_questions: parse_list::<QuestionAnswer>(&row.interview_questions),
        slug: row.slug,
        title: row.title,
        department: row.department,
        location: row.location,
        description_html: row.description_html,
        summary: row.summary,
        posted_on: row.posted_on,
        valid_through: row.valid_through,
        apply_url: row.apply_url,
    })
}

/// This job's place among its company's open jobs, newest first, with its
/// neighbours: three indexed queries rather than reading the whole list.
async fn pager(
    conn: &mut SqliteConnection,
    row: &DetailRow,
    today: &str,
) -> Result<Pager, AppError> {
    const NEWER: &str = "(j.posted_on > $3 OR (j.posted_on = $3 AND j.id > $4))";
    const OLDER: &str = "(j.posted_on < $3 OR (j.posted_on = $3 AND j.id < $4))";
    let (total, newer): (i64, i64) = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN {NEWER} THEN 1 ELSE 0 END), 0) FROM jobs j \
         WHERE j.company_id = $1 AND {OPEN}"
    )))
    .bind(row.company_id)
    .bind(today)
    .bind(&row.posted_on)
    .bind(row.id)
    .fetch_one(&mut *conn)
    .await?;
    let neighbour = |condition: &str, order: &str| {
        format!(
            "SELECT j.slug FROM jobs j WHERE j.company_id = $1 AND {OPEN} AND {condition} \
             ORDER BY j.posted_on {order}, j.id {order} LIMIT 1"
        )
    };
    let mut fetch = async |sql: String| -> Result<Option<String>, AppError> {
        Ok(sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(row.company_id)
            .bind(today)
            .bind(&row.posted_on)
            .bind(row.id)
            .fetch_optional(&mut *conn)
            .await?)
    };
    let previous = fetch(neighbour(NEWER, "ASC")).await?;
    let next = fetch(neighbour(OLDER, "DESC")).await?;
    Ok(Pager {
        position: newer + 1,
        total,
        previous,
        next,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_defaults_and_bounds() {
        assert_eq!(ListParams::parse(None).unwrap().limit, DEFAULT_LIMIT);
        assert_eq!(ListParams::parse(Some("limit=1")).unwrap().limit, 1);
        assert_eq!(ListParams::parse(Some("x=1&limit=50")).unwrap().limit, 50);
        for bad in ["limit=0", "limit=51", "limit=abc", "limit=-3"] {
            match ListParams::parse(Some(bad)) {
                Err(AppError::InvalidParameter { field, .. }) => {
                    assert_eq!(field, "limit", "{bad}")
                }
                other => panic!("{bad}: expected an invalid limit, got {other:?}"),
            }
        }
    }
}
