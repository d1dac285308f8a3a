//! Pieces that more than one page uses.

mod avatar;
mod error_view;
pub mod job;
mod job_card;
mod job_list_item;
mod job_meta;
mod posted_date;

pub use avatar::{Avatar, initials};
pub use error_view::ErrorView;
pub use job_card::{JobCard, JobCardSkeleton, card_tags, place_label};
pub use job_list_item::{JobListItem, JobListItemSkeleton};
pub use job_meta::JobMeta;
pub use posted_date::PostedDate;
