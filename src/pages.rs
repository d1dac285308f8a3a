//! One page per file.

mod company;
mod embed_docs;
pub mod job;
mod jobs;
pub mod not_found;
mod onboarding;
mod privacy;
mod profile;
mod saved;
mod terms;

pub use company::CompanyPage;
pub use embed_docs::EmbedDocsPage;
pub use job::{CLOSED_TITLE, JobPage, NOT_FOUND_TITLE};
pub use jobs::JobsPage;
pub use not_found::{NotFoundNotice, NotFoundPage};
pub use onboarding::OnboardingPage;
pub use privacy::PrivacyPage;
pub use profile::ProfilePage;
pub use saved::SavedPage;
pub use terms::TermsPage;
