//! One page per file.

mod company;
mod job;
mod jobs;
mod not_found;
mod privacy;
mod saved;
mod terms;

pub use company::CompanyPage;
pub use job::JobPage;
pub use jobs::JobsPage;
pub use not_found::NotFoundPage;
pub use privacy::PrivacyPage;
pub use saved::SavedPage;
pub use terms::TermsPage;
