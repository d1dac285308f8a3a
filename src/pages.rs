//! One page per file.

mod company;
mod embed_docs;
mod job;
mod jobs;
mod not_found;
mod onboarding;
mod privacy;
mod profile;
mod saved;
mod terms;

pub use company::CompanyPage;
pub use embed_docs::EmbedDocsPage;
pub use job::JobPage;
pub use jobs::JobsPage;
pub use not_found::NotFoundPage;
pub use onboarding::OnboardingPage;
pub use privacy::PrivacyPage;
pub use profile::ProfilePage;
pub use saved::SavedPage;
pub use terms::TermsPage;
