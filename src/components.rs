//! Pieces that more than one page uses.

mod avatar;
mod error_view;
pub mod job;
mod job_list_item;
mod posted_date;

pub use avatar::{Avatar, initials};
pub use error_view::ErrorView;
pub use job_list_item::{JobListItem, JobListItemSkeleton};
pub use posted_date::PostedDate;
