//! The job page's parts, one component per file.

mod benefits;
mod company_side;
mod newsletter;

pub use benefits::{BenefitGroups, benefit_kind_label};
pub use company_side::{
    CompanySide, ExternalLink, Facts, TagList, onboarding_href, team_size_label, website_host,
};
pub use newsletter::{NewsletterBox, Submission, submission_outcome, topic_for};
