//! The job widget partners embed in their own pages: `public/embed.js`
//! puts an iframe of `/widget/` (built from `embed.html`, binary
//! `src/bin/embed.rs`) where the partner's placeholder is. Its settings are
//! read in [`settings`]; the widget itself is [`widget::EmbedApp`].

pub mod settings;
pub mod widget;

/// Where the widget is served from (trunk's `--public-url` for `embed.html`).
pub use ascend_types::wire::WIDGET_PREFIX as WIDGET_PATH;

/// The `type` of the message that tells the host page the widget's height.
pub const HEIGHT_MESSAGE: &str = "ascend:height";

/// The widget's words, in English: the only interface language so far
/// (see [`settings::Lang`]).
pub mod text {
    pub const LIST_TITLE: &str = "Open jobs from Ascend";
    pub const LOADING: &str = "Loading jobs";
    pub const EMPTY_TITLE: &str = "No open jobs match right now";
    pub const EMPTY_TEXT: &str =
        "New jobs are posted every day. Have a look at everything on Ascend.";
    pub const ERROR_TITLE: &str = "Jobs could not be loaded";
    pub const ERROR_TEXT: &str = "Ascend did not answer. Please try again in a moment.";
    pub const RETRY: &str = "Try again";
    pub const SETTINGS_TITLE: &str = "This job widget needs a fix";
    pub const MISSING_TITLE: &str = "This job is no longer open";
    pub const MISSING_TEXT: &str = "It was filled or taken down. Other jobs are waiting on Ascend.";
    pub const ALL_JOBS: &str = "Browse all jobs on Ascend";
    pub const MORE_JOBS: &str = "More jobs on Ascend";
    pub const NEW_TAB: &str = " (opens in a new tab)";
    pub const APPLY: &str = "Apply";
    pub const VIEW_JOB: &str = "View on Ascend";
    pub const SALARY_EMPLOYER: &str = "Employer's range";
    pub const SALARY_ESTIMATE: &str = "Ascend estimate";
    pub const NO_SALARY: &str = "Salary not published";
}
