//! A plain job and its company for tests on both sides (feature `sample`,
//! enabled by the app's and the server's dev-dependencies): Cadence's
//! backend role in Berlin, with every optional part left out. A test states
//! only what it is about: `JobDetail { title: ..., ..sample::job() }`.

use crate::{CompanyProfile, EmploymentType, JobDetail, Pager, Ratings, WorkModel};

pub fn company() -> CompanyProfile {
    CompanyProfile {
        slug: "cadence".into(),
        name: "Cadence".into(),
        logo_url: None,
        website: None,
        about: String::new(),
        founded_year: None,
        headquarters: None,
        sector: None,
        team_size: None,
        funding_stage: None,
        open_jobs: 1,
        badges: vec![],
        culture_values: vec![],
        benefits: vec![],
        ceo: None,
        ratings: Ratings {
            overall: None,
            review_count: 0,
            diversity_inclusion: None,
            diversity_inclusion_count: 0,
            ceo_approval_percent: None,
        },
    }
}

pub fn job() -> JobDetail {
    JobDetail {
        slug: "backend-engineer-cadence".into(),
        title: "Backend Engineer".into(),
        company: company(),
        department: None,
        seniority: None,
        employment_type: EmploymentType::FullTime,
        work_model: WorkModel::OnSite,
        location: "Berlin, Germany".into(),
        locations: vec!["Berlin, Germany".into()],
        remote_regions: vec![],
        description_html: "<p>Build things.</p>".into(),
        skills: vec![],
        summary: None,
        posted_on: "2026-11-16".into(),
        valid_through: None,
        apply_url: None,
        salary: None,
        faqs: vec![],
        interview_questions: vec![],
        pager: Pager {
            position: 1,
            total: 1,
            previous: None,
            next: None,
        },
    }
}
