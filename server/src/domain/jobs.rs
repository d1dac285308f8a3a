//! One job with everything its page shows (`/api/jobs/{slug}` and the
//! job page), kept serialized per data version and day.

use ascend_types::{EmploymentType, JobDetail, Pager, QuestionAnswer, WorkModel};
use bytes::Bytes;
use sqlx::{FromRow, SqliteConnection};

use super::Board;
use super::companies::profile_by_id;
use super::error::{Error, Result};
use super::kept::json_bytes;
use super::listing::{OPEN, PayColumns, enum_column, job_salary, optional_seniority, parse_list};
use crate::store::sanitize::sanitize_description;

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

/// The 404 for a slug no job has.
pub fn no_job(slug: &str) -> Error {
    Error::NotFound(format!("There is no job at '{slug}'."))
}

/// The 410 for a job whose last day was before `today`.
pub fn ensure_open(slug: &str, valid_through: Option<&str>, today: &str) -> Result<()> {
    if valid_through.is_some_and(|until| until < today) {
        return Err(Error::Gone(format!(
            "The job '{slug}' is closed and no longer takes applications."
        )));
    }
    Ok(())
}

/// One open job with everything its page shows: 404 for an unknown slug,
/// 410 for a closed job. It reads the answer the API keeps, so a page and
/// its API request share one load.
pub async fn job_detail(board: &Board, slug: &str) -> Result<JobDetail> {
    Ok(job_detail_and_json(board, slug).await?.0)
}

/// [`job_detail`] with the kept JSON it was read from, for a page that
/// inlines the job as it is.
pub async fn job_detail_and_json(board: &Board, slug: &str) -> Result<(JobDetail, Bytes)> {
    let body = kept_detail(board, slug).await?;
    let job = serde_json::from_slice(&body)?;
    Ok((job, body))
}

/// The job's detail as JSON, kept per data version and day.
pub async fn kept_detail(board: &Board, slug: &str) -> Result<Bytes> {
    let version = board.version().await?;
    let today = board.today();
    board
        .kept
        .get_or_make(
            version,
            board.today_days(),
            &format!("job:{slug}"),
            || async { json_bytes(&load_detail(&board.pool, slug, &today).await?) },
        )
        .await
}

/// [`job_detail`] for a given day, without the state.
pub async fn load_detail(pool: &sqlx::SqlitePool, slug: &str, today: &str) -> Result<JobDetail> {
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
    let salary = job_salary(&mut conn, &row.pay, seniority, &row.location).await?;
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
        // Cleaned when stored; cleaned again here, once per data version, so
        // that HTML put in the database some other way is never trusted.
        description_html: sanitize_description(&row.description_html),
        summary: row.summary,
        posted_on: row.posted_on,
        valid_through: row.valid_through,
        apply_url: row.apply_url,
    })
}

/// This job's place among its company's open jobs, newest first, with its
/// neighbours: three indexed queries rather than reading the whole list.
async fn pager(conn: &mut SqliteConnection, row: &DetailRow, today: &str) -> Result<Pager> {
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
    let mut fetch = async |sql: String| -> Result<Option<String>> {
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
