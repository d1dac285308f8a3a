//! Parts of the job page that live in their own files.

mod similar_jobs;

pub use similar_jobs::SimilarJobs;
