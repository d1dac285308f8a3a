//! `/api/jobs`: the newest open jobs, and one job by its slug.

use ascend_types::{CompanyRef, EmploymentType, JobDetail, JobList, JobSummary, WorkModel};
use axum::extract::{Path, RawQuery, State};
use axum::routing::get;
use axum::{Json, Router};
use sqlx::FromRow;

use crate::AppState;
use crate::error::AppError;

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/jobs", get(jobs_list))
        .route("/jobs/{slug}", get(jobs_show))
}

/// The parameters `GET /api/jobs` understands so far.
#[derive(Debug, PartialEq, Eq)]
pub struct ListParams {
    pub limit: u32,
}

impl ListParams {
    /// Parses the raw query string, naming the parameter at fault.
    pub fn parse(query: Option<&str>) -> Result<Self, AppError> {
        let mut params = ListParams {
            limit: DEFAULT_LIMIT,
        };
        for pair in query
            .unwrap_or_default()
            .split('&')
            .filter(|p| !p.is_empty())
        {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if key == "limit" {
                params.limit = value
                    .parse()
                    .ok()
                    .filter(|n| (1..=MAX_LIMIT).contains(n))
                    .ok_or_else(|| {
                        AppError::invalid(
                            "limit",
                            format!("limit must be a whole number from 1 to {MAX_LIMIT}."),
                        )
                    })?;
            }
        }
        Ok(params)
    }
}

#[derive(FromRow)]
struct JobRow {
    slug: String,
    title: String,
    company_slug: String,
    company_name: String,
    location: String,
    work_model: String,
    employment_type: String,
    posted_on: String,
    valid_through: Option<String>,
}

impl JobRow {
    fn company(&self) -> CompanyRef {
        CompanyRef {
            slug: self.company_slug.clone(),
            name: self.company_name.clone(),
        }
    }

    fn work_model(&self) -> Result<WorkModel, AppError> {
        WorkModel::parse(&self.work_model).ok_or_else(|| {
            AppError::Internal(format!(
                "job {} has work model {:?}",
                self.slug, self.work_model
            ))
        })
    }

    fn employment_type(&self) -> Result<EmploymentType, AppError> {
        EmploymentType::parse(&self.employment_type).ok_or_else(|| {
            AppError::Internal(format!(
                "job {} has employment type {:?}",
                self.slug, self.employment_type
            ))
        })
    }

    fn into_summary(self) -> Result<JobSummary, AppError> {
        Ok(JobSummary {
            company: self.company(),
            work_model: self.work_model()?,
            employment_type: self.employment_type()?,
            slug: self.slug,
            title: self.title,
            location: self.location,
            posted_on: self.posted_on,
        })
    }

    fn into_detail(self) -> Result<JobDetail, AppError> {
        Ok(JobDetail {
            company: self.company(),
            work_model: self.work_model()?,
            employment_type: self.employment_type()?,
            slug: self.slug,
            title: self.title,
            location: self.location,
            posted_on: self.posted_on,
            valid_through: self.valid_through,
        })
    }
}

const JOB_COLUMNS: &str = "j.slug, j.title, c.slug AS company_slug, c.name AS company_name, j.location, \
     j.work_model, j.employment_type, j.posted_on, j.valid_through \
     FROM jobs j JOIN companies c ON c.id = j.company_id";

async fn jobs_list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> Result<Json<JobList>, AppError> {
    let params = ListParams::parse(query.as_deref())?;
    let sql = format!(
        "SELECT {JOB_COLUMNS} WHERE j.valid_through IS NULL OR j.valid_through >= $1 \
         ORDER BY j.posted_on DESC, j.id DESC LIMIT $2"
    );
    let rows: Vec<JobRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(state.today())
        .bind(i64::from(params.limit))
        .fetch_all(&state.pool)
        .await?;
    let jobs = rows
        .into_iter()
        .map(JobRow::into_summary)
        .collect::<Result<_, _>>()?;
    Ok(Json(JobList { jobs }))
}

async fn jobs_show(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<JobDetail>, AppError> {
    let sql = format!("SELECT {JOB_COLUMNS} WHERE j.slug = $1");
    let row: Option<JobRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(&slug)
        .fetch_optional(&state.pool)
        .await?;
    let row = row.ok_or_else(|| AppError::NotFound(format!("There is no job at '{slug}'.")))?;
    if row
        .valid_through
        .as_deref()
        .is_some_and(|until| until < state.today().as_str())
    {
        return Err(AppError::Gone(format!(
            "The job '{slug}' is closed and no longer takes applications."
        )));
    }
    Ok(Json(row.into_detail()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_defaults_and_bounds() {
        assert_eq!(ListParams::parse(None).unwrap().limit, DEFAULT_LIMIT);
        assert_eq!(ListParams::parse(Some("limit=1")).unwrap().limit, 1);
        assert_eq!(ListParams::parse(Some("x=1&limit=50")).unwrap().limit, 50);
        for bad in [
            "limit=0",
            "limit=51",
            "limit=abc",
            "limit=",
            "limit=-3",
            "limit",
        ] {
            match ListParams::parse(Some(bad)) {
                Err(AppError::InvalidParameter { field, .. }) => {
                    assert_eq!(field, "limit", "{bad}")
                }
                other => panic!("{bad}: expected an invalid limit, got {other:?}"),
            }
        }
    }
}
