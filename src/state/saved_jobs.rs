//! Jobs the reader saved, kept on this device (under [`SAVED_JOBS_KEY`]) as
//! JSON: the same summaries a job list shows, so `/saved` needs no fetch.
//! Every tab that shows them follows changes made in the others.

use ascend_types::JobSummary;
use ascend_types::wire::SAVED_JOBS_KEY;
use leptos::prelude::*;

pub use super::storage::NotStored;
use super::storage::{LocalStorage, use_local_storage};

/// Reads a stored list. A value that is not a list of job summaries is
/// dropped whole (decoding entry by entry would cost the app a generic JSON
/// value type), and repeated jobs are kept once; the flag says whether
/// anything was dropped, so the caller can write the clean list back.
pub fn parse_saved(raw: &str) -> (Vec<JobSummary>, bool) {
    let Ok(stored) = serde_json::from_str::<Vec<JobSummary>>(raw) else {
        return (Vec::new(), true);
    };
    let count = stored.len();
    let mut jobs: Vec<JobSummary> = Vec::with_capacity(count);
    for job in stored {
        if !jobs.iter().any(|saved| saved.slug == job.slug) {
            jobs.push(job);
        }
    }
    let dropped = jobs.len() != count;
    (jobs, dropped)
}

/// The list with `job` first (most recently saved first), once.
pub fn with_job(jobs: &[JobSummary], job: JobSummary) -> Vec<JobSummary> {
    let mut out = Vec::with_capacity(jobs.len() + 1);
    out.extend(jobs.iter().filter(|saved| saved.slug != job.slug).cloned());
    out.insert(0, job);
    out
}

/// The list without the job called `slug`.
pub fn without_job(jobs: &[JobSummary], slug: &str) -> Vec<JobSummary> {
    jobs.iter()
        .filter(|saved| saved.slug != slug)
        .cloned()
        .collect()
}

/// The saved jobs of this device, shared by every component that asks for
/// them through [`use_saved_jobs`].
#[derive(Debug, Clone, Copy)]
pub struct SavedJobs {
    storage: LocalStorage,
    jobs: Memo<Vec<JobSummary>>,
}

impl SavedJobs {
    /// Follows the stored list; a damaged one is written back clean.
    pub fn new() -> Self {
        let storage = use_local_storage(SAVED_JOBS_KEY);
        let jobs = Memo::new(move |_| match storage.text() {
            None => Vec::new(),
            Some(raw) => parse_saved(&raw).0,
        });
        Effect::new(move |_| {
            if let Some(raw) = storage.text()
                && parse_saved(&raw).1
            {
                let _ = store(&storage, &jobs.get_untracked());
            }
        });
        SavedJobs { storage, jobs }
    }

    /// The saved jobs, most recently saved first (tracked).
    pub fn list(&self) -> Vec<JobSummary> {
        self.jobs.get()
    }

    /// Whether the list has been read from storage yet (tracked): until
    /// then it is empty on every page, the server's included.
    pub fn loaded(&self) -> bool {
        self.storage.loaded()
    }

    /// Whether the job called `slug` is saved (tracked).
    pub fn contains(&self, slug: &str) -> bool {
        self.jobs
            .with(|jobs| jobs.iter().any(|job| job.slug == slug))
    }

    pub fn save(&self, job: JobSummary) -> Result<(), NotStored> {
        store(&self.storage, &with_job(&self.jobs.get_untracked(), job))
    }

    pub fn remove(&self, slug: &str) -> Result<(), NotStored> {
        store(
            &self.storage,
            &without_job(&self.jobs.get_untracked(), slug),
        )
    }
}

impl Default for SavedJobs {
    fn default() -> Self {
        Self::new()
    }
}

/// The app's saved jobs: the ones [`provide_saved_jobs`] put in context, or
/// a list of their own for components mounted on their own (tests).
pub fn use_saved_jobs() -> SavedJobs {
    use_context::<SavedJobs>().unwrap_or_else(provide_saved_jobs)
}

/// Makes one [`SavedJobs`] available to everything below.
pub fn provide_saved_jobs() -> SavedJobs {
    let saved = SavedJobs::new();
    provide_context(saved);
    saved
}

fn store(storage: &LocalStorage, jobs: &[JobSummary]) -> Result<(), NotStored> {
    if jobs.is_empty() {
        storage.set(None)
    } else {
        let json = serde_json::to_string(jobs).map_err(|_| NotStored)?;
        storage.set(Some(json))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ascend_types::{CompanyRef, EmploymentType, WorkModel};

    fn job(slug: &str) -> JobSummary {
        JobSummary {
            slug: slug.into(),
            title: format!("Title of {slug}"),
            company: CompanyRef {
                slug: "cadence".into(),
                name: "Cadence".into(),
            },
            location: "Remote in EMEA".into(),
            work_model: WorkModel::Remote,
            employment_type: EmploymentType::FullTime,
            posted_on: "2026-11-16".into(),
            facts: Default::default(),
        }
    }

    fn slugs(jobs: &[JobSummary]) -> Vec<&str> {
        jobs.iter().map(|job| job.slug.as_str()).collect()
    }

    #[test]
    fn a_stored_list_reads_back() {
        let jobs = vec![job("a"), job("b")];
        let raw = serde_json::to_string(&jobs).unwrap();
        assert_eq!(parse_saved(&raw), (jobs, false));
        assert_eq!(parse_saved("[]"), (vec![], false));
    }

    #[test]
    fn a_list_saved_before_match_facts_still_reads() {
        let raw = r#"[{"slug":"a","title":"Title of a","company":{"slug":"cadence","name":"Cadence"},
            "location":"Remote in EMEA","work_model":"remote","employment_type":"full_time","posted_on":"2026-11-16"}]"#;
        assert_eq!(parse_saved(raw), (vec![job("a")], false));
    }

    #[test]
    fn corrupt_values_are_dropped() {
        for raw in ["", "{not json", "null", "{\"slug\":\"a\"}", "42", "\"[]\""] {
            assert_eq!(parse_saved(raw), (vec![], true), "{raw:?}");
        }
    }

    #[test]
    fn a_list_with_a_bad_entry_is_dropped_whole() {
        let good = serde_json::to_string(&job("a")).unwrap();
        let raw = format!("[{good}, {{\"slug\": 3}}]");
        assert_eq!(parse_saved(&raw), (vec![], true));
    }

    #[test]
    fn repeats_are_kept_once() {
        let good = serde_json::to_string(&job("a")).unwrap();
        let other = serde_json::to_string(&job("b")).unwrap();
        let (jobs, dropped) = parse_saved(&format!("[{good}, {other}, {good}]"));
        assert_eq!(slugs(&jobs), ["a", "b"]);
        assert!(dropped);
    }

    #[test]
    fn saving_puts_the_job_first_once() {
        let jobs = with_job(&[], job("a"));
        let jobs = with_job(&jobs, job("b"));
        assert_eq!(slugs(&jobs), ["b", "a"]);
        let jobs = with_job(&jobs, job("a"));
        assert_eq!(slugs(&jobs), ["a", "b"]);
    }

    #[test]
    fn removing_takes_out_only_that_job() {
        let jobs = vec![job("a"), job("b"), job("c")];
        assert_eq!(slugs(&without_job(&jobs, "b")), ["a", "c"]);
        assert_eq!(slugs(&without_job(&jobs, "z")), ["a", "b", "c"]);
    }
}
