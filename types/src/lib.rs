//! Request and response types shared by `ascend-server` and the `ascend` app.
//!
//! This crate depends on serde alone so that both the native server and the
//! wasm front end compile it. The `openapi` feature, which only the server
//! enables, adds utoipa's schemas for the OpenAPI document.

use serde::{Deserialize, Serialize};

pub mod avatar;
pub mod date;
pub mod jsonld;
pub mod links;
pub mod meta;
pub mod regions;
pub mod salary;
#[cfg(any(test, feature = "sample"))]
pub mod sample;
pub mod search;
pub mod wire;

pub use search::{FacetCount, JobSearch, SearchFacets, SearchSort, Suggestions};
pub mod email;
pub mod html;

/// The company a job belongs to, as much as a list or a job page needs.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyRef {
    pub slug: String,
    pub name: String,
}

/// How the work is done.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkModel {
    Remote,
    Hybrid,
    OnSite,
}

impl WorkModel {
    pub const ALL: [WorkModel; 3] = [WorkModel::Remote, WorkModel::Hybrid, WorkModel::OnSite];

    pub fn label(self) -> &'static str {
        match self {
            WorkModel::Remote => "Remote",
            WorkModel::Hybrid => "Hybrid",
            WorkModel::OnSite => "On-site",
        }
    }

    /// Whether `location` already says this work model ("Remote in EMEA"
    /// says Remote), so a job's facts need not repeat it.
    pub fn named_in(self, location: &str) -> bool {
        location
            .to_lowercase()
            .contains(&self.label().to_lowercase())
    }

    pub fn as_str(self) -> &'static str {
        match self {
            WorkModel::Remote => "remote",
            WorkModel::Hybrid => "hybrid",
            WorkModel::OnSite => "on_site",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        WorkModel::ALL.into_iter().find(|m| m.as_str() == value)
    }
}

/// The contract a job offers.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmploymentType {
    FullTime,
    PartTime,
    Contract,
    Internship,
    Temporary,
}

impl EmploymentType {
    pub const ALL: [EmploymentType; 5] = [
        EmploymentType::FullTime,
        EmploymentType::PartTime,
        EmploymentType::Contract,
        EmploymentType::Internship,
        EmploymentType::Temporary,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "Full-time",
            EmploymentType::PartTime => "Part-time",
            EmploymentType::Contract => "Contract",
            EmploymentType::Internship => "Internship",
            EmploymentType::Temporary => "Temporary",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EmploymentType::FullTime => "full_time",
            EmploymentType::PartTime => "part_time",
            EmploymentType::Contract => "contract",
            EmploymentType::Internship => "internship",
            EmploymentType::Temporary => "temporary",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        EmploymentType::ALL
            .into_iter()
            .find(|t| t.as_str() == value)
    }
}

/// How senior a role is, from intern to executive.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Seniority {
    Intern,
    Junior,
    Mid,
    Senior,
    Staff,
    Principal,
    Director,
    Executive,
}

impl Seniority {
    pub const ALL: [Seniority; 8] = [
        Seniority::Intern,
        Seniority::Junior,
        Seniority::Mid,
        Seniority::Senior,
        Seniority::Staff,
        Seniority::Principal,
        Seniority::Director,
        Seniority::Executive,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Seniority::Intern => "intern",
            Seniority::Junior => "junior",
            Seniority::Mid => "mid",
            Seniority::Senior => "senior",
            Seniority::Staff => "staff",
            Seniority::Principal => "principal",
            Seniority::Director => "director",
            Seniority::Executive => "executive",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Seniority::Intern => "Intern",
            Seniority::Junior => "Junior",
            Seniority::Mid => "Mid-level",
            Seniority::Senior => "Senior",
            Seniority::Staff => "Staff",
            Seniority::Principal => "Principal",
            Seniority::Director => "Director",
            Seniority::Executive => "Executive",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Seniority::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

/// The period a salary amount is paid for.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SalaryPeriod {
    Year,
    Month,
    Week,
    Day,
    Hour,
}

impl SalaryPeriod {
    pub const ALL: [SalaryPeriod; 5] = [
        SalaryPeriod::Year,
        SalaryPeriod::Month,
        SalaryPeriod::Week,
        SalaryPeriod::Day,
        SalaryPeriod::Hour,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SalaryPeriod::Year => "year",
            SalaryPeriod::Month => "month",
            SalaryPeriod::Week => "week",
            SalaryPeriod::Day => "day",
            SalaryPeriod::Hour => "hour",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        SalaryPeriod::ALL.into_iter().find(|p| p.as_str() == value)
    }

    /// How many of this period make a working year (2,080 hours, 260 days,
    /// 52 weeks, 12 months), for converting between periods.
    pub fn per_year(self) -> f64 {
        match self {
            SalaryPeriod::Year => 1.0,
            SalaryPeriod::Month => 12.0,
            SalaryPeriod::Week => 52.0,
            SalaryPeriod::Day => 260.0,
            SalaryPeriod::Hour => 2080.0,
        }
    }
}

/// A pay range in whole units of an ISO 4217 currency.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Salary {
    pub min: i64,
    pub max: i64,
    /// ISO 4217 code, upper case: `EUR`, `USD`, `SEK`.
    pub currency: String,
    pub period: SalaryPeriod,
}

/// A question with its answer (FAQs, interview questions).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionAnswer {
    pub question: String,
    pub answer: String,
}

/// Benefits and perks of one kind ("health", "leave", "money", ...).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BenefitGroup {
    pub kind: String,
    pub items: Vec<String>,
}

/// One job in a list.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobSummary {
    pub slug: String,
    pub title: String,
    pub company: CompanyRef,
    /// Where the job is, in words ("Stockholm, Sweden", "EMEA").
    pub location: String,
    pub work_model: WorkModel,
    pub employment_type: EmploymentType,
    /// Calendar date, `YYYY-MM-DD`.
    pub posted_on: String,
    /// What the on-device match score reads; empty in lists saved before
    /// it existed.
    #[serde(default)]
    pub facts: MatchFacts,
}

/// What the match score, computed on the visitor's device, reads of a job
/// beyond its title and work model. Lists and cards carry it so that they
/// can show a score without fetching every job.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchFacts {
    pub skills: Vec<String>,
    pub seniority: Option<Seniority>,
    /// The places of a hybrid or on-site job.
    pub locations: Vec<String>,
    /// The regions a remote job hires in.
    pub remote_regions: Vec<String>,
    /// The same pay the job's page shows: the employer's range, else our
    /// estimate.
    pub salary: Option<SalaryInfo>,
}

/// A company's ratings, computed from its reviews.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ratings {
    /// Mean stars to one decimal; `None` without reviews.
    pub overall: Option<f64>,
    pub review_count: i64,
    /// Diversity and inclusion, to one decimal; `None` below
    /// [`MIN_DEI_RATINGS`] ratings, which the page shows as "No rating".
    pub diversity_inclusion: Option<f64>,
    pub diversity_inclusion_count: i64,
    /// Share of reviewers who said whether they approve of the CEO and did.
    pub ceo_approval_percent: Option<u8>,
}

/// A diversity-and-inclusion rating needs at least this many ratings.
pub const MIN_DEI_RATINGS: i64 = 10;

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ceo {
    pub name: String,
    pub photo_url: Option<String>,
}

/// Everything the company sidebar and the company page show.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyProfile {
    pub slug: String,
    pub name: String,
    pub logo_url: Option<String>,
    pub website: Option<String>,
    pub about: String,
    pub founded_year: Option<i32>,
    pub headquarters: Option<String>,
    pub sector: Option<String>,
    pub team_size: Option<String>,
    pub funding_stage: Option<String>,
    pub open_jobs: i64,
    pub badges: Vec<String>,
    pub culture_values: Vec<String>,
    pub benefits: Vec<BenefitGroup>,
    pub ceo: Option<Ceo>,
    pub ratings: Ratings,
}

/// Whose figures a salary block shows.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SalarySource {
    /// The employer published them.
    Employer,
    /// Ascend estimated them from comparable postings.
    Estimate,
}

/// The salary widget's data: the employer's range, or our estimate.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalaryInfo {
    pub source: SalarySource,
    pub min: i64,
    pub max: i64,
    /// The midpoint of the employer's range, or the estimate's median.
    pub median: i64,
    pub currency: String,
    pub period: SalaryPeriod,
    /// For estimates: how many postings they come from.
    pub sample_size: Option<i64>,
}

/// Where a job stands among its company's open jobs ("job 1 of 2").
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pager {
    /// 1-based.
    pub position: i64,
    pub total: i64,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// Everything the job page shows, in one response.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JobDetail {
    pub slug: String,
    pub title: String,
    pub company: CompanyProfile,
    pub department: Option<String>,
    pub seniority: Option<Seniority>,
    pub employment_type: EmploymentType,
    pub work_model: WorkModel,
    /// In words, for headers and cards.
    pub location: String,
    pub locations: Vec<String>,
    pub remote_regions: Vec<String>,
    /// Sanitized HTML: paragraphs, lists, headings, emphasis and links only.
    pub description_html: String,
    pub skills: Vec<String>,
    /// "What you should know".
    pub summary: Option<String>,
    /// Calendar date, `YYYY-MM-DD`.
    pub posted_on: String,
    /// Last day the job is open, `YYYY-MM-DD`, when the employer gave one.
    pub valid_through: Option<String>,
    pub apply_url: Option<String>,
    /// `None` when there is neither an employer figure nor an estimate.
    pub salary: Option<SalaryInfo>,
    pub faqs: Vec<QuestionAnswer>,
    pub interview_questions: Vec<QuestionAnswer>,
    pub pager: Pager,
}

impl JobDetail {
    /// What the match score reads of this job, as lists carry it.
    pub fn match_facts(&self) -> MatchFacts {
        MatchFacts {
            skills: self.skills.clone(),
            seniority: self.seniority,
            locations: self.locations.clone(),
            remote_regions: self.remote_regions.clone(),
            salary: self.salary.clone(),
        }
    }
}

/// A job as a card in a carousel: a summary with the company's logo and a
/// few things that set the company apart.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobCard {
    pub slug: String,
    pub title: String,
    pub company: CompanyRef,
    pub company_logo_url: Option<String>,
    /// Where the job is, in words ("Stockholm, Sweden", "EMEA").
    pub location: String,
    pub work_model: WorkModel,
    pub employment_type: EmploymentType,
    /// Calendar date, `YYYY-MM-DD`.
    pub posted_on: String,
    /// The company's culture values, in its order.
    pub culture_values: Vec<String>,
    /// The company's benefits and perks, every group's items in order.
    pub perks: Vec<String>,
    pub facts: MatchFacts,
}

/// `GET /api/jobs/{slug}/similar`: most similar first.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimilarJobs {
    pub jobs: Vec<JobCard>,
}

/// `GET /api/companies/{slug}/jobs`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyJobs {
    pub company: CompanyRef,
    pub jobs: Vec<JobSummary>,
}

/// `GET /api/salaries/estimate`: percentiles of comparable postings' yearly
/// midpoints, converted to `currency`. The body is `null` when fewer than
/// [`MIN_ESTIMATE_SAMPLE`] postings compare.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalaryEstimate {
    pub currency: String,
    pub period: SalaryPeriod,
    pub sample_size: i64,
    /// Whether the comparable postings share the asked seniority and region;
    /// with too few that do, the estimate widens to the title family alone.
    pub same_seniority: bool,
    pub same_region: bool,
    pub p10: i64,
    pub p50: i64,
    pub p90: i64,
}

/// An estimate needs at least this many comparable postings.
pub const MIN_ESTIMATE_SAMPLE: i64 = 5;

/// `GET /api/currency-rates`: how many units of each currency one unit of
/// `base` buys. The match score converts salaries with these.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CurrencyRates {
    /// ISO 4217 code of the currency the rates are against (`USD`).
    pub base: String,
    pub rates: std::collections::BTreeMap<String, f64>,
}

impl CurrencyRates {
    /// Converts `amount` between two currencies; `None` when either has
    /// no rate.
    pub fn convert(&self, amount: f64, from: &str, to: &str) -> Option<f64> {
        let from_rate = self.rates.get(from).filter(|r| **r > 0.0)?;
        let to_rate = self.rates.get(to)?;
        Some(amount / from_rate * to_rate)
    }
}

/// How many of a company's open jobs its page lists at a time.
pub const COMPANY_PAGE_JOBS: usize = 20;

/// The search (`GET /api/jobs?...`) of a company's open jobs, newest
/// first, a page at a time: what its page lists, on the server and in the
/// browser alike.
pub fn company_jobs_query(slug: &str) -> String {
    format!("company={slug}&sort=newest&limit={COMPANY_PAGE_JOBS}")
}

/// `POST /api/subscriptions`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateSubscription {
    /// The document's pattern is a strict subset of what
    /// [`email::normalize_email`] accepts, so that no address valid by the
    /// document is refused.
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 254,
            pattern = r"^[A-Za-z0-9_+-]{1,32}(\.[A-Za-z0-9_+-]{1,31})?@[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,30}[A-Za-z0-9])?){0,3}\.[A-Za-z]{2,20}$",
            example = "ada@example.com"
        )
    )]
    pub email: String,
    /// At most ten short words (letters, digits, hyphens); repeats count once.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = topics_schema))]
    pub topics: Vec<String>,
}

/// The sign-up's `topics`, as the server checks them.
#[cfg(feature = "openapi")]
fn topics_schema() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, Type};
    ArrayBuilder::new()
        .items(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(1))
                .max_length(Some(40))
                .pattern(Some("^[a-z0-9-]{1,40}$")),
        )
        // Repeats are taken once, so they are not refused.
        .max_items(Some(10))
        .build()
}

/// The answer to a sign-up: the same whether or not the address was known.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubscriptionAccepted {
    pub email: String,
    pub topics: Vec<String>,
}

/// `GET /readyz`: whether the server can serve, and if not, what is missing.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    /// The database answered within a second, at most a second ago.
    pub database: bool,
    /// The search and similar-jobs indexes are built.
    pub indexes: bool,
    /// The server's version.
    pub version: String,
}

/// The body of every error response: `{"error": {...}}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorResponse {
    pub error: ErrorBody,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// Stable, machine-readable: `not_found`, `invalid_parameter`, ...
    pub code: String,
    /// A sentence for people.
    pub message: String,
    /// The request field at fault, when one is (the first, when several are).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every field at fault with its own message, for 422 answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_round_trip_through_their_wire_names() {
        for model in WorkModel::ALL {
            let json = serde_json::to_string(&model).unwrap();
            assert_eq!(json, format!("\"{}\"", model.as_str()));
            assert_eq!(WorkModel::parse(model.as_str()), Some(model));
        }
        for kind in EmploymentType::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
            assert_eq!(EmploymentType::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(WorkModel::parse("office"), None);
    }

    #[test]
    fn error_body_omits_an_absent_field() {
        let body = ErrorResponse {
            error: ErrorBody {
                code: "not_found".into(),
                message: "No job here.".into(),
                field: None,
                fields: vec![],
            },
        };
        assert_eq!(
            serde_json::to_string(&body).unwrap(),
            r#"{"error":{"code":"not_found","message":"No job here."}}"#
        );
    }
}
