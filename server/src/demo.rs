//! Demo data for a fresh database: a few companies and their jobs, led by the
//! showcase job that the job page is modelled on. Posting dates are relative
//! to the day of seeding, so the demo never looks stale.

use ascend_types::date::format_iso_date;
use ascend_types::{EmploymentType, WorkModel};
use sqlx::SqlitePool;

/// The showcase job's slug: the job every part of the page is filled for.
pub const SHOWCASE_SLUG: &str = "backend-engineer-personalization-cadence";

struct DemoCompany {
    slug: &'static str,
    name: &'static str,
    website: &'static str,
    about: &'static str,
}

struct DemoJob {
    slug: &'static str,
    company: &'static str,
    title: &'static str,
    location: &'static str,
    work_model: WorkModel,
    employment_type: EmploymentType,
    posted_days_ago: i64,
    /// Days from today until the posting closes; negative means closed.
    open_for_days: Option<i64>,
}

const COMPANIES: &[DemoCompany] = &[
    DemoCompany {
        slug: "cadence",
        name: "Cadence",
        website: "https://cadence.example",
        about: "Cadence streams music and podcasts to listeners in more than ninety countries.",
    },
    DemoCompany {
        slug: "northwind-robotics",
        name: "Northwind Robotics",
        website: "https://northwind-robotics.example",
        about: "Northwind builds the robots that sort parcels in Europe's busiest depots.",
    },
    DemoCompany {
        slug: "fjord-health",
        name: "Fjord Health",
        website: "https://fjord-health.example",
        about: "Fjord Health makes booking a doctor as easy as sending a message.",
    },
    DemoCompany {
        slug: "lumen-bank",
        name: "Lumen Bank",
        website: "https://lumen-bank.example",
        about: "Lumen is a bank for freelancers, with invoicing and tax built in.",
    },
];

const JOBS: &[DemoJob] = &[
    DemoJob {
        slug: SHOWCASE_SLUG,
        company: "cadence",
        title: "Backend Engineer, Personalization",
        location: "Remote in EMEA",
        work_model: WorkModel::Remote,
        employment_type: EmploymentType::FullTime,
        posted_days_ago: 9,
        open_for_days: Some(51),
    },
    DemoJob {
        slug: "data-engineer-listening-insights-cadence",
        company: "cadence",
        title: "Data Engineer, Listening Insights",
        location: "Stockholm, Sweden",
        work_model: WorkModel::Hybrid,
        employment_type: EmploymentType::FullTime,
        posted_days_ago: 4,
        open_for_days: Some(56),
    },
    DemoJob {
        slug: "senior-frontend-engineer-lumen-bank",
        company: "lumen-bank",
        title: "Senior Frontend Engineer",
        location: "Lisbon, Portugal",
        work_model: WorkModel::Hybrid,
        employment_type: EmploymentType::FullTime,
        posted_days_ago: 1,
        open_for_days: None,
    },
    DemoJob {
        slug: "robotics-software-intern-northwind-robotics",
        company: "northwind-robotics",
        title: "Robotics Software Intern",
        location: "Rotterdam, Netherlands",
        work_model: WorkModel::OnSite,
        employment_type: EmploymentType::Internship,
        posted_days_ago: 2,
        open_for_days: Some(30),
    },
    DemoJob {
        slug: "site-reliability-engineer-fjord-health",
        company: "fjord-health",
        title: "Site Reliability Engineer",
        location: "Remote in Europe",
        work_model: WorkModel::Remote,
        employment_type: EmploymentType::FullTime,
        posted_days_ago: 6,
        open_for_days: Some(40),
    },
    DemoJob {
        slug: "product-designer-fjord-health",
        company: "fjord-health",
        title: "Product Designer",
        location: "Oslo, Norway",
        work_model: WorkModel::OnSite,
        employment_type: EmploymentType::Contract,
        posted_days_ago: 12,
        open_for_days: Some(20),
    },
    DemoJob {
        slug: "machine-learning-engineer-northwind-robotics",
        company: "northwind-robotics",
        title: "Machine Learning Engineer, Vision",
        location: "Toronto, Canada",
        work_model: WorkModel::Hybrid,
        employment_type: EmploymentType::FullTime,
        posted_days_ago: 15,
        open_for_days: Some(15),
    },
    DemoJob {
        slug: "support-specialist-lumen-bank",
        company: "lumen-bank",
        title: "Customer Support Specialist",
        location: "Remote in Portugal",
        work_model: WorkModel::Remote,
        employment_type: EmploymentType::PartTime,
        posted_days_ago: 45,
        // Closed five days ago: answers 410 and stays out of lists.
        open_for_days: Some(-5),
    },
];

/// Fills an empty database with the demo set. Returns how many jobs it added;
/// a database that already has companies is left as it is.
pub async fn seed_if_empty(pool: &SqlitePool, today: i64) -> Result<usize, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let existing: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM companies")
        .fetch_one(&mut *tx)
        .await?;
    if existing > 0 {
        return Ok(0);
    }
    for company in COMPANIES {
        sqlx::query("INSERT INTO companies (slug, name, website, about) VALUES ($1, $2, $3, $4)")
            .bind(company.slug)
            .bind(company.name)
            .bind(company.website)
            .bind(company.about)
            .execute(&mut *tx)
            .await?;
    }
    for job in JOBS {
        sqlx::query(
            "INSERT INTO jobs (slug, company_id, title, location, work_model, employment_type, posted_on, valid_through)
             SELECT $1, id, $2, $3, $4, $5, $6, $7 FROM companies WHERE slug = $8",
        )
        .bind(job.slug)
        .bind(job.title)
        .bind(job.location)
        .bind(job.work_model.as_str())
        .bind(job.employment_type.as_str())
        .bind(format_iso_date(today - job.posted_days_ago))
        .bind(job.open_for_days.map(|days| format_iso_date(today + days)))
        .bind(job.company)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(JOBS.len())
}

/// Slugs of demo jobs that are closed on the day of seeding.
pub fn expired_slugs() -> impl Iterator<Item = &'static str> {
    JOBS.iter()
        .filter(|job| job.open_for_days.is_some_and(|days| days < 0))
        .map(|job| job.slug)
}
