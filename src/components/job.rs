//! The job page's parts, one file each.

mod company_ratings;
mod qa_accordion;
mod salary_widget;

pub use company_ratings::CompanyRatings;
pub use qa_accordion::QaAccordion;
pub use salary_widget::SalaryWidget;
