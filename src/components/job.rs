//! The job page's parts, one file each.

mod company_ratings;
mod qa_accordion;
mod salary_widget;
mod similar_jobs;

pub use company_ratings::CompanyRatings;
pub use qa_accordion::QaAccordion;
pub use salary_widget::SalaryWidget;
pub use similar_jobs::SimilarJobs;
