//! One page per file.

mod job;
mod jobs;
mod not_found;
mod onboarding;
mod profile;

pub use job::JobPage;
pub use jobs::JobsPage;
pub use not_found::NotFoundPage;
pub use onboarding::OnboardingPage;
pub use profile::ProfilePage;
