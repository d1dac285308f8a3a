//! Jobs in lists (search pages, a company's jobs, similar jobs): the
//! columns a list row reads and the summaries it becomes, with the pay a
//! card shows and its match facts.

use ascend_types::{
    CompanyRef, EmploymentType, JobSummary, MatchFacts, SalaryInfo, SalaryPeriod, SalarySource,
    Seniority, WorkModel,
};
use sqlx::{FromRow, SqliteConnection};

use super::Board;
use super::error::{Error, Result};
use super::kept::json_bytes;
use super::params::Params;
use super::rates::rates;
use super::salaries::{EstimateRequest, estimate};
use ascend_types::salary::currency_of;

/// The condition for an open job; `$2` is today's date.
pub const OPEN: &str = "(j.valid_through IS NULL OR j.valid_through >= $2)";

/// The columns a [`JobRow`] reads, and the join they come from.
pub const JOB_COLUMNS: &str = "j.slug, j.title, c.slug AS company_slug, c.name AS company_name, j.location, \
     j.work_model, j.employment_type, j.posted_on, j.skills, j.seniority, j.locations, j.remote_regions, \
     j.title_family, j.region, j.salary_min, j.salary_max, j.salary_currency, j.salary_period \
     FROM jobs j JOIN companies c ON c.id = j.company_id";

pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 50;

/// The `limit` of a plain list of jobs.
#[derive(Debug, PartialEq, Eq)]
pub struct ListParams {
    pub limit: u32,
}

impl ListParams {
    /// Parses the raw query string, naming the parameter at fault.
    pub fn parse(query: Option<&str>) -> Result<Self> {
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

/// A JSON list column; a damaged value reads as empty rather than failing
/// the whole page.
pub fn parse_list<T: serde::de::DeserializeOwned>(json: &str) -> Vec<T> {
    serde_json::from_str(json).unwrap_or_default()
}

/// A stored enum value, read by `parse`; anything else is damage.
pub fn enum_column<T>(
    value: &str,
    parse: impl Fn(&str) -> Option<T>,
    what: &str,
    slug: &str,
) -> Result<T> {
    parse(value).ok_or_else(|| Error::Damaged(format!("job {slug} has {what} {value:?}")))
}

pub fn optional_seniority(value: Option<&str>, slug: &str) -> Result<Option<Seniority>> {
    value
        .map(|v| enum_column(v, Seniority::parse, "seniority", slug))
        .transpose()
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
pub struct PayColumns {
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

    /// What an estimate for this job is keyed by: jobs alike in these, and
    /// paid in the same currency, share one.
    fn estimate_key(&self, seniority: Option<Seniority>, location: &str) -> String {
        format!(
            "estimate:{}|{}|{}|{}",
            self.title_family,
            seniority.map_or("", Seniority::as_str),
            self.region.as_deref().unwrap_or(""),
            currency_of(location).unwrap_or("")
        )
    }
}

/// The pay a job's page, card and match score use: the employer's range,
/// else an estimate from similar jobs, else nothing.
pub async fn job_salary(
    conn: &mut SqliteConnection,
    pay: &PayColumns,
    seniority: Option<Seniority>,
    location: &str,
) -> Result<Option<SalaryInfo>> {
    match pay.employer_info() {
        Some(info) => Ok(Some(info)),
        None => estimated_salary(conn, pay, seniority, location).await,
    }
}

/// Ascend's estimate from similar jobs, for a job whose employer gave none,
/// in the currency of the job's place (when Ascend has a rate for it; else
/// the one most comparable jobs pay in).
async fn estimated_salary(
    conn: &mut SqliteConnection,
    pay: &PayColumns,
    seniority: Option<Seniority>,
    location: &str,
) -> Result<Option<SalaryInfo>> {
    let local = currency_of(location).map(str::to_owned);
    let currency = match local {
        Some(code) if rates(conn).await?.rates.contains_key(&code) => Some(code),
        _ => None,
    };
    let request = EstimateRequest {
        family: pay.title_family.clone(),
        seniority,
        region: pay.region.clone(),
        currency,
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

/// Turns list rows into summaries with their match facts. Jobs alike share
/// one estimate, worked out once per data version and day.
pub async fn summaries(board: &Board, rows: Vec<JobRow>) -> Result<Vec<JobSummary>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let version = board.version().await?;
    let today = board.today_days();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let seniority = optional_seniority(row.seniority.as_deref(), &row.slug)?;
        let salary = match row.pay.employer_info() {
            Some(info) => Some(info),
            None => {
                let key = row.pay.estimate_key(seniority, &row.location);
                let bytes = board
                    .kept
                    .get_or_make(version, today, &key, || async {
                        let mut conn = board.pool.acquire().await?;
                        let salary =
                            estimated_salary(&mut conn, &row.pay, seniority, &row.location).await?;
                        json_bytes(&salary)
                    })
                    .await?;
                serde_json::from_slice(&bytes)?
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
    ) -> Result<JobSummary> {
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
                Err(Error::Invalid { field, .. }) => assert_eq!(field, "limit", "{bad}"),
                other => panic!("{bad}: expected an invalid limit, got {other:?}"),
            }
        }
    }

    #[test]
    fn damaged_lists_read_as_empty() {
        assert_eq!(parse_list::<String>("[\"a\"]"), vec!["a".to_owned()]);
        assert!(parse_list::<String>("not json").is_empty());
    }
}
