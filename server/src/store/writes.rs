//! Writing companies, reviews and jobs: the one place that turns the model
//! into rows, so seeds and imports validate, sanitize and deduplicate alike.

use ascend_types::WorkModel;
use ascend_types::date::parse_iso_date;
use sqlx::SqliteConnection;

use super::model::{CompanyRow, NewCompany, NewJob, NewReview, fnv1a, slugify};
use super::pool::Busy;
use super::sanitize::{html_to_text, sanitize_description};
use ascend_types::salary::{region_of, title_family};

/// What writing a job did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Inserted,
    Updated,
    Unchanged,
}

#[derive(Debug)]
pub enum StoreError {
    /// The record cannot be stored as it is; the reason names the field.
    Invalid(String),
    Database(sqlx::Error),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Invalid(reason) => f.write_str(reason),
            StoreError::Database(error) => write!(f, "database error: {error}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl Busy for StoreError {
    fn is_busy(&self) -> bool {
        matches!(self, StoreError::Database(error) if error.is_busy())
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> Self {
        StoreError::Database(error)
    }
}

fn json_list<T: serde::Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".into())
}

/// Inserts a company and its reviews, or, when its slug exists, updates its
/// profile; either way returns its id. The id and slug never change, so the
/// company's address and its jobs stay where they are.
///
/// An update writes what `company` gives and keeps what it leaves out
/// (`None`, empty text, an empty list): imports carry only part of a
/// profile (a Greenhouse board names its company and nothing else), and
/// must not erase what another source or the seed gave. Reviews follow the
/// same rule as a whole: a company given with reviews has exactly those
/// afterwards, one given without keeps its own. Reviews have no ids to
/// match, so adding them would count each re-import again.
///
/// Nothing is written when nothing changed, as every update of a company
/// moves the data version the in-memory indexes rebuild on. Everything is
/// checked before anything is written.
pub async fn upsert_company(
    conn: &mut SqliteConnection,
    company: &NewCompany,
) -> Result<i64, StoreError> {
    validate_company(company)?;
    let given = CompanyRow::from(company);
    let existing: Option<CompanyRow> = sqlx::query_as(
        "SELECT id, slug, name, logo_url, website, about, founded_year, headquarters, sector, team_size, \
         funding_stage, badges, culture_values, benefits, ceo_name, ceo_photo_url \
         FROM companies WHERE slug = $1",
    )
    .bind(&company.slug)
    .fetch_optional(&mut *conn)
    .await?;
    let id = match existing {
        None => write_company(conn, &given).await?,
        Some(stored) => {
            let updated = stored.updated_with(given);
            if updated != stored {
                write_company(conn, &updated).await?;
            }
            stored.id
        }
    };
    if !company.reviews.is_empty() {
        replace_reviews(conn, id, &company.reviews).await?;
    }
    Ok(id)
}

impl From<&NewCompany> for CompanyRow {
    fn from(company: &NewCompany) -> Self {
        CompanyRow {
            id: 0,
            slug: company.slug.clone(),
            name: company.name.trim().to_owned(),
            logo_url: company.logo_url.clone(),
            website: company.website.clone(),
            about: company.about.clone(),
            founded_year: company.founded_year,
            headquarters: company.headquarters.clone(),
            sector: company.sector.clone(),
            team_size: company.team_size.clone(),
            funding_stage: company.funding_stage.clone(),
            badges: json_list(&company.badges),
            culture_values: json_list(&company.culture_values),
            benefits: json_list(&company.benefits),
            ceo_name: company.ceo_name.clone(),
            ceo_photo_url: company.ceo_photo_url.clone(),
        }
    }
}

impl CompanyRow {
    /// This row with every field `given` has replaced, the others kept.
    fn updated_with(&self, given: CompanyRow) -> CompanyRow {
        fn text(given: Option<String>, stored: &Option<String>) -> Option<String> {
            given
                .filter(|value| !value.trim().is_empty())
                .or_else(|| stored.clone())
        }
        fn list(given: String, stored: &str) -> String {
            if given == "[]" {
                stored.to_owned()
            } else {
                given
            }
        }
        CompanyRow {
            id: self.id,
            slug: self.slug.clone(),
            // Required, so always given.
            name: given.name,
            logo_url: text(given.logo_url, &self.logo_url),
            website: text(given.website, &self.website),
            about: if given.about.trim().is_empty() {
                self.about.clone()
            } else {
                given.about
            },
            founded_year: given.founded_year.or(self.founded_year),
            headquarters: text(given.headquarters, &self.headquarters),
            sector: text(given.sector, &self.sector),
            team_size: text(given.team_size, &self.team_size),
            funding_stage: text(given.funding_stage, &self.funding_stage),
            badges: list(given.badges, &self.badges),
            culture_values: list(given.culture_values, &self.culture_values),
            benefits: list(given.benefits, &self.benefits),
            ceo_name: text(given.ceo_name, &self.ceo_name),
            ceo_photo_url: text(given.ceo_photo_url, &self.ceo_photo_url),
        }
    }
}

/// The checks a company and its reviews pass before any of it is stored
/// ([`upsert_company`] makes them too).
pub fn validate_company(company: &NewCompany) -> Result<(), StoreError> {
    if company.slug.is_empty() || company.name.trim().is_empty() {
        return Err(StoreError::Invalid("company: a name is required".into()));
    }
    let valid_stars = |stars: u8| (1..=5).contains(&stars);
    for (index, review) in company.reviews.iter().enumerate() {
        let problem = if !valid_stars(review.stars) {
            format!("{} stars is not 1 to 5", review.stars)
        } else if let Some(stars) = review.dei_stars.filter(|&s| !valid_stars(s)) {
            format!("{stars} diversity stars is not 1 to 5")
        } else if parse_iso_date(&review.reviewed_on).is_none() {
            format!("'{}' is not a YYYY-MM-DD date", review.reviewed_on)
        } else {
            continue;
        };
        return Err(StoreError::Invalid(format!(
            "company {}: review {index}: {problem}",
            company.slug
        )));
    }
    Ok(())
}

/// Writes a company's row: a new one, or the one with its slug, updated.
async fn write_company(conn: &mut SqliteConnection, row: &CompanyRow) -> Result<i64, StoreError> {
    let id = sqlx::query_scalar(
        "INSERT INTO companies (slug, name, logo_url, website, about, founded_year, headquarters, sector, \
         team_size, funding_stage, badges, culture_values, benefits, ceo_name, ceo_photo_url) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, logo_url = excluded.logo_url, \
         website = excluded.website, about = excluded.about, founded_year = excluded.founded_year, \
         headquarters = excluded.headquarters, sector = excluded.sector, team_size = excluded.team_size, \
         funding_stage = excluded.funding_stage, badges = excluded.badges, \
         culture_values = excluded.culture_values, benefits = excluded.benefits, \
         ceo_name = excluded.ceo_name, ceo_photo_url = excluded.ceo_photo_url \
         RETURNING id",
    )
    .bind(&row.slug)
    .bind(&row.name)
    .bind(&row.logo_url)
    .bind(&row.website)
    .bind(&row.about)
    .bind(row.founded_year)
    .bind(&row.headquarters)
    .bind(&row.sector)
    .bind(&row.team_size)
    .bind(&row.funding_stage)
    .bind(&row.badges)
    .bind(&row.culture_values)
    .bind(&row.benefits)
    .bind(&row.ceo_name)
    .bind(&row.ceo_photo_url)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// A review as its row holds it, for comparing.
type ReviewRow = (i64, Option<i64>, Option<bool>, String);

/// Makes `reviews` the company's reviews, unless they already are (in any
/// order).
async fn replace_reviews(
    conn: &mut SqliteConnection,
    company_id: i64,
    reviews: &[NewReview],
) -> Result<(), StoreError> {
    let given: Vec<ReviewRow> = reviews
        .iter()
        .map(|review| {
            (
                i64::from(review.stars),
                review.dei_stars.map(i64::from),
                review.approves_ceo,
                review.reviewed_on.clone(),
            )
        })
        .collect();
    let mut stored: Vec<ReviewRow> = sqlx::query_as(
        "SELECT stars, dei_stars, approves_ceo, reviewed_on FROM reviews WHERE company_id = $1",
    )
    .bind(company_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut sorted = given.clone();
    sorted.sort();
    stored.sort();
    if sorted == stored {
        return Ok(());
    }
    sqlx::query("DELETE FROM reviews WHERE company_id = $1")
        .bind(company_id)
        .execute(&mut *conn)
        .await?;
    for (stars, dei_stars, approves_ceo, reviewed_on) in &given {
        sqlx::query(
            "INSERT INTO reviews (company_id, stars, dei_stars, approves_ceo, reviewed_on) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(company_id)
        .bind(stars)
        .bind(dei_stars)
        .bind(approves_ceo)
        .bind(reviewed_on)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The checks every job passes before it is stored ([`upsert_job`] makes
/// them too).
pub fn validate_job(job: &NewJob) -> Result<(), StoreError> {
    let invalid = |reason: String| Err(StoreError::Invalid(reason));
    if job.title.trim().is_empty() {
        return invalid("title: must not be empty".into());
    }
    if job.source.is_empty() || job.source_id.is_empty() {
        return invalid("source_id: must not be empty".into());
    }
    if parse_iso_date(&job.posted_on).is_none() {
        return invalid(format!(
            "posted_on: '{}' is not a YYYY-MM-DD date",
            job.posted_on
        ));
    }
    if let Some(until) = &job.valid_through
        && parse_iso_date(until).is_none()
    {
        return invalid(format!("valid_through: '{until}' is not a YYYY-MM-DD date"));
    }
    if let Some(salary) = &job.salary {
        if salary.min <= 0 || salary.min > salary.max {
            return invalid(format!(
                "salary: the range {} to {} is not valid",
                salary.min, salary.max
            ));
        }
        if salary.currency.len() != 3 || !salary.currency.bytes().all(|b| b.is_ascii_uppercase()) {
            return invalid(format!(
                "salary.currency: '{}' is not an ISO 4217 code",
                salary.currency
            ));
        }
    }
    if let Some(url) = &job.apply_url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        return invalid(format!("apply_url: '{url}' is not an http(s) address"));
    }
    Ok(())
}

/// The location in words for headers and cards.
pub fn location_label(work_model: WorkModel, locations: &[String], regions: &[String]) -> String {
    match (work_model, locations.first()) {
        (_, Some(first)) if locations.len() > 1 => {
            format!("{first} and {} more", locations.len() - 1)
        }
        (_, Some(first)) => first.clone(),
        (WorkModel::Remote, None) if !regions.is_empty() => {
            format!("Remote in {}", regions.join(", "))
        }
        (WorkModel::Remote, None) => "Remote".into(),
        (_, None) => "Location not given".into(),
    }
}

/// Writes a job of the company `company_id` (named `company_name`):
/// inserted when (`source`, `source_id`) is new, updated when it changed,
/// left alone when it did not.
pub async fn upsert_job(
    conn: &mut SqliteConnection,
    company_id: i64,
    company_name: &str,
    job: &NewJob,
) -> Result<Written, StoreError> {
    validate_job(job)?;
    let description_html = sanitize_description(&job.description_html);
    let description_text = html_to_text(&description_html);
    let location = location_label(job.work_model, &job.locations, &job.remote_regions);
    let region = job
        .locations
        .iter()
        .chain(&job.remote_regions)
        .find_map(|place| region_of(place))
        .or_else(|| region_of(&location));
    let (salary_min, salary_max, salary_currency, salary_period) = match &job.salary {
        Some(s) => (
            Some(s.min),
            Some(s.max),
            Some(s.currency.as_str()),
            Some(s.period.as_str()),
        ),
        None => (None, None, None, None),
    };
    let fields = serde_json::json!([
        company_id,
        job.title,
        job.department,
        job.seniority,
        job.employment_type,
        job.work_model,
        job.locations,
        job.remote_regions,
        description_html,
        job.skills,
        job.summary,
        job.posted_on,
        job.valid_through,
        job.apply_url,
        job.salary,
        job.faqs,
        job.interview_questions,
    ]);
    let content_hash = format!("{:016x}", fnv1a(fields.to_string().as_bytes()));

    let existing: Option<(i64, String)> =
        sqlx::query_as("SELECT id, content_hash FROM jobs WHERE source = $1 AND source_id = $2")
            .bind(&job.source)
            .bind(&job.source_id)
            .fetch_optional(&mut *conn)
            .await?;
    let written = match &existing {
        Some((_, hash)) if *hash == content_hash => return Ok(Written::Unchanged),
        Some(_) => Written::Updated,
        None => Written::Inserted,
    };
    let sql = if written == Written::Inserted {
        "INSERT INTO jobs (slug, source, source_id, content_hash, company_id, title, title_family, region, \
         department, seniority, employment_type, work_model, location, locations, remote_regions, \
         description_html, description_text, skills, summary, posted_on, valid_through, apply_url, \
         salary_min, salary_max, salary_currency, salary_period, faqs, interview_questions) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, \
         $21, $22, $23, $24, $25, $26, $27, $28)"
    } else {
        "UPDATE jobs SET content_hash = $4, company_id = $5, title = $6, title_family = $7, region = $8, \
         department = $9, seniority = $10, employment_type = $11, work_model = $12, location = $13, \
         locations = $14, remote_regions = $15, description_html = $16, description_text = $17, skills = $18, \
         summary = $19, posted_on = $20, valid_through = $21, apply_url = $22, salary_min = $23, \
         salary_max = $24, salary_currency = $25, salary_period = $26, faqs = $27, interview_questions = $28 \
         WHERE id = $1 AND source = $2 AND source_id = $3"
    };
    let query = match existing {
        // A job keeps its address when its content changes.
        Some((id, _)) => sqlx::query(sql).bind(id),
        None => sqlx::query(sql).bind(unique_slug(conn, job, company_name).await?),
    };
    query
        .bind(&job.source)
        .bind(&job.source_id)
        .bind(&content_hash)
        .bind(company_id)
        .bind(job.title.trim())
        .bind(title_family(&job.title))
        .bind(region)
        .bind(&job.department)
        .bind(job.seniority.map(|s| s.as_str()))
        .bind(job.employment_type.as_str())
        .bind(job.work_model.as_str())
        .bind(&location)
        .bind(json_list(&job.locations))
        .bind(json_list(&job.remote_regions))
        .bind(&description_html)
        .bind(&description_text)
        .bind(json_list(&job.skills))
        .bind(&job.summary)
        .bind(&job.posted_on)
        .bind(&job.valid_through)
        .bind(&job.apply_url)
        .bind(salary_min)
        .bind(salary_max)
        .bind(salary_currency)
        .bind(salary_period)
        .bind(json_list(&job.faqs))
        .bind(json_list(&job.interview_questions))
        .execute(&mut *conn)
        .await?;
    Ok(written)
}

/// The job's own slug, or title and company; a taken one gets a short,
/// stable suffix from the job's source id.
async fn unique_slug(
    conn: &mut SqliteConnection,
    job: &NewJob,
    company_name: &str,
) -> Result<String, StoreError> {
    let base = job
        .slug
        .clone()
        .unwrap_or_else(|| slugify(&format!("{} {}", job.title, company_name)));
    let base = if base.is_empty() {
        "job".to_owned()
    } else {
        base
    };
    let mut candidate = base.clone();
    let mut salt = 0u64;
    loop {
        let taken: Option<i64> = sqlx::query_scalar("SELECT 1 FROM jobs WHERE slug = $1")
            .bind(&candidate)
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_none() {
            return Ok(candidate);
        }
        let hash = fnv1a(format!("{}:{}:{salt}", job.source, job.source_id).as_bytes());
        candidate = format!("{base}-{:06x}", hash & 0xff_ffff);
        salt += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_labels() {
        let places = vec!["Berlin, Germany".to_owned(), "Paris, France".to_owned()];
        assert_eq!(
            location_label(WorkModel::Hybrid, &places, &[]),
            "Berlin, Germany and 1 more"
        );
        assert_eq!(
            location_label(WorkModel::OnSite, &places[..1], &[]),
            "Berlin, Germany"
        );
        assert_eq!(
            location_label(WorkModel::Remote, &[], &["EMEA".into()]),
            "Remote in EMEA"
        );
        assert_eq!(location_label(WorkModel::Remote, &[], &[]), "Remote");
        assert_eq!(
            location_label(WorkModel::OnSite, &[], &[]),
            "Location not given"
        );
    }
}
