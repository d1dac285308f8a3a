use leptos::prelude::*;

use crate::format::{long_date, posted_ago};
use crate::state::clock::use_clock;

/// "Posted 9 days ago", with the exact date for machines and on hover.
#[component]
pub fn PostedDate(
    /// `YYYY-MM-DD`.
    #[prop(into)]
    posted_on: String,
) -> impl IntoView {
    let clock = use_clock();
    let exact = long_date(&posted_on);
    let words = {
        let posted_on = posted_on.clone();
        move || posted_ago(&posted_on, clock.today())
    };
    view! { <time datetime=posted_on title=exact>{words}</time> }
}
