//! Pieces that more than one page uses.

mod avatar;
pub mod chip_input;
mod client_only;
mod error_view;
pub mod job;
mod job_card;
mod job_list_item;
mod job_meta;
pub mod onboarding_dialog;
mod onboarding_flow;
mod posted_date;
mod profile_fields;
mod profile_notice;
mod site_frame;

pub use avatar::{Avatar, initials};
pub use chip_input::{ChipInput, SuggestKind};
pub use client_only::ClientOnly;
pub use error_view::ErrorView;
pub use job_card::{JobCard, JobCardSkeleton, card_tags, place_label};
pub use job_list_item::{JobListItem, JobListItemSkeleton};
pub use job_meta::{JobMeta, NoticeHead};
pub use onboarding_dialog::{
    Onboarding, OnboardingDialog, open_onboarding, provide_onboarding, use_onboarding,
};
pub use onboarding_flow::OnboardingFlow;
pub use posted_date::PostedDate;
pub use profile_fields::{
    LevelField, PlaceField, RolesField, SalaryField, SkillsField, StatusField, StepFields,
    WelcomeStep,
};
pub use profile_notice::ProfileNotice;
pub use site_frame::{SiteFooter, SiteHeader};
