//! What the app keeps in the browser, apart from the pure rules that work
//! on it (`crate::matching`, `crate::figures`, `crate::onboarding`,
//! `crate::profile_data`): the visitor's profile and saved jobs on this
//! device, the published currency rates, and today's date.

pub mod clock;
pub mod profile;
pub mod rates;
pub mod saved_jobs;
pub mod storage;

/// What every page reads, provided once at the root of each entry point.
pub fn provide_visitor_state() {
    clock::provide_clock();
    profile::provide_profile_store();
    saved_jobs::provide_saved_jobs();
    rates::provide_shared_rates();
}
