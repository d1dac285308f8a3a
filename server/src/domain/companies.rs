//! A company's profile with its rating aggregates (which the job page
//! embeds too) and its open jobs.

use ascend_types::{
    BenefitGroup, Ceo, CompanyJobs, CompanyProfile, CompanyRef, MIN_DEI_RATINGS, Ratings,
};
use sqlx::{FromRow, SqliteConnection};

use crate::store::model::CompanyRow;

use super::Board;
use super::error::{Error, Result};
use super::listing::{JOB_COLUMNS, JobRow, ListParams, OPEN, parse_list, summaries};

#[derive(FromRow)]
struct ReviewAggregate {
    review_count: i64,
    mean_stars: Option<f64>,
    dei_count: i64,
    mean_dei: Option<f64>,
    approvals: Option<i64>,
    ceo_votes: i64,
}

fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Ratings from review aggregates: the overall mean, the D&I mean only with
/// enough ratings, and the CEO approval share among those who answered.
fn ratings(agg: &ReviewAggregate) -> Ratings {
    Ratings {
        overall: agg
            .mean_stars
            .filter(|_| agg.review_count > 0)
            .map(one_decimal),
        review_count: agg.review_count,
        diversity_inclusion: agg
            .mean_dei
            .filter(|_| agg.dei_count >= MIN_DEI_RATINGS)
            .map(one_decimal),
        diversity_inclusion_count: agg.dei_count,
        ceo_approval_percent: (agg.ceo_votes > 0).then(|| {
            (agg.approvals.unwrap_or(0) as f64 * 100.0 / agg.ceo_votes as f64).round() as u8
        }),
    }
}

/// The profile of the company with this id.
pub async fn profile_by_id(
    conn: &mut SqliteConnection,
    id: i64,
    today: &str,
) -> Result<CompanyProfile> {
    let row: CompanyRow = sqlx::query_as("SELECT * FROM companies WHERE id = $1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    profile(conn, row, today).await
}

async fn profile(
    conn: &mut SqliteConnection,
    row: CompanyRow,
    today: &str,
) -> Result<CompanyProfile> {
    let agg: ReviewAggregate = sqlx::query_as(
        "SELECT COUNT(*) AS review_count, AVG(stars) AS mean_stars, COUNT(dei_stars) AS dei_count, \
         AVG(dei_stars) AS mean_dei, SUM(CASE WHEN approves_ceo THEN 1 ELSE 0 END) AS approvals, \
         COUNT(approves_ceo) AS ceo_votes FROM reviews WHERE company_id = $1",
    )
    .bind(row.id)
    .fetch_one(&mut *conn)
    .await?;
    let open_jobs: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
        "SELECT COUNT(*) FROM jobs j WHERE j.company_id = $1 AND {OPEN}"
    )))
    .bind(row.id)
    .bind(today)
    .fetch_one(&mut *conn)
    .await?;
    Ok(CompanyProfile {
        ratings: ratings(&agg),
        open_jobs,
        badges: parse_list(&row.badges),
        culture_values: parse_list(&row.culture_values),
        benefits: parse_list::<BenefitGroup>(&row.benefits),
        ceo: row.ceo_name.map(|name| Ceo {
            name,
            photo_url: row.ceo_photo_url,
        }),
        slug: row.slug,
        name: row.name,
        logo_url: row.logo_url,
        website: row.website,
        about: row.about,
        founded_year: row.founded_year,
        headquarters: row.headquarters,
        sector: row.sector,
        team_size: row.team_size,
        funding_stage: row.funding_stage,
    })
}

async fn find(conn: &mut SqliteConnection, slug: &str) -> Result<CompanyRow> {
    sqlx::query_as("SELECT * FROM companies WHERE slug = $1")
        .bind(slug)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| Error::NotFound(format!("There is no company at '{slug}'.")))
}

/// The profile of the company called `slug`.
pub async fn company_profile(board: &Board, slug: &str) -> Result<CompanyProfile> {
    let mut conn = board.pool.acquire().await?;
    let row = find(&mut conn, slug).await?;
    profile(&mut conn, row, &board.today()).await
}

/// The open jobs of the company called `slug`, newest first.
pub async fn company_jobs(board: &Board, slug: &str, params: &ListParams) -> Result<CompanyJobs> {
    let mut conn = board.pool.acquire().await?;
    let company = find(&mut conn, slug).await?;
    let rows: Vec<JobRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {JOB_COLUMNS} WHERE j.company_id = $1 AND {OPEN} ORDER BY j.posted_on DESC, j.id DESC LIMIT $3"
    )))
    .bind(company.id)
    .bind(board.today())
    .bind(i64::from(params.limit))
    .fetch_all(&mut *conn)
    .await?;
    drop(conn);
    Ok(CompanyJobs {
        company: CompanyRef {
            slug: company.slug,
            name: company.name,
        },
        jobs: summaries(board, rows).await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agg(
        review_count: i64,
        mean: f64,
        dei_count: i64,
        approvals: i64,
        ceo_votes: i64,
    ) -> ReviewAggregate {
        ReviewAggregate {
            review_count,
            mean_stars: (review_count > 0).then_some(mean),
            dei_count,
            mean_dei: (dei_count > 0).then_some(3.96),
            approvals: Some(approvals),
            ceo_votes,
        }
    }

    #[test]
    fn ratings_round_and_gate() {
        let r = ratings(&agg(48, 4.0417, 14, 33, 40));
        assert_eq!(r.overall, Some(4.0));
        assert_eq!(r.diversity_inclusion, Some(4.0));
        assert_eq!(r.ceo_approval_percent, Some(83));

        let few_dei = ratings(&agg(30, 3.55, 9, 0, 0));
        assert_eq!(few_dei.overall, Some(3.6));
        assert_eq!(few_dei.diversity_inclusion, None);
        assert_eq!(few_dei.ceo_approval_percent, None);

        let none = ratings(&agg(0, 0.0, 0, 0, 0));
        assert_eq!(none.overall, None);
        assert_eq!(none.review_count, 0);
    }
}
