//! The parts of the job page, one file each, with their CSS under style/.

mod company_ratings;
mod qa_accordion;
mod salary_widget;
mod similar_jobs;

pub use crate::figures::format_money;
pub use company_ratings::CompanyRatings;
pub use qa_accordion::QaAccordion;
pub use salary_widget::SalaryWidget;
pub use similar_jobs::SimilarJobs;

mod breadcrumb;
mod description;
mod header;
mod pager;
mod save_button;
mod share_button;
mod summary;

pub use breadcrumb::{JobBreadcrumb, JobBreadcrumbSkeleton};
#[cfg(not(feature = "ssr"))]
pub use description::sanitize_description;
pub use description::{JobDescription, readable, safe_href};
pub use header::{ApplyBar, JobHeaderCard, JobHeaderCardSkeleton, summary_of};
pub use pager::JobPager;
pub use save_button::SaveButton;
pub use share_button::{ShareButton, ShareOutcome, canonical_url, share_or_copy};
pub use summary::WhatYouShouldKnow;
mod benefits;
mod company_side;
mod match_block;
mod newsletter;

pub use benefits::{BenefitGroups, benefit_kind_label};
pub use company_side::{CompanySide, ExternalLink, Facts, TagList, team_size_label, website_host};
pub use match_block::MatchBlock;
pub use newsletter::{NewsletterBox, Submission, submission_outcome, topic_for};
