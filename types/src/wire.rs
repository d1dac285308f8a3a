//! Names the server and the browser must agree on, written once.

/// The id of the `<script type="application/json">` holding what the server
/// drew a page with (`ascend::page_data::PageData`), which the browser reads
/// to hydrate the same page.
pub const PAGE_DATA_ID: &str = "ascend-data";

/// The attribute the browser's app sets on `<html>` once it has taken the
/// page over (hydrated it, or drawn the widget).
pub const APP_READY_ATTR: &str = "data-app-ready";

/// Where the embeddable widget lives (`embed.html`, built with trunk's
/// `--public-url /widget/`); only its pages may be framed by other sites.
pub const WIDGET_PREFIX: &str = "/widget/";

/// Where the job page's own entry point (`job.html`) is built.
pub const JOB_APP_PREFIX: &str = "/job/";

/// The `localStorage` key of the visitor's profile.
pub const PROFILE_KEY: &str = "ascend.profile";

/// The `localStorage` key of the visitor's saved jobs.
pub const SAVED_JOBS_KEY: &str = "ascend.saved-jobs";

/// The `localStorage` key of an onboarding flow under way.
pub const ONBOARDING_DRAFT_KEY: &str = "ascend.onboarding";
