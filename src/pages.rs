//! One page per file.

mod job;
mod jobs;
mod not_found;
mod saved;

pub use job::JobPage;
pub use jobs::JobsPage;
pub use not_found::NotFoundPage;
pub use saved::SavedPage;
