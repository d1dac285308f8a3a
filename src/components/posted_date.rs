use leptos::prelude::*;

use crate::format::{long_date, posted_ago, today};

/// "Posted 9 days ago", with the exact date for machines and on hover.
#[component]
pub fn PostedDate(
    /// `YYYY-MM-DD`.
    #[prop(into)]
    posted_on: String,
) -> impl IntoView {
    let words = posted_ago(&posted_on, today());
    let exact = long_date(&posted_on);
    view! { <time datetime=posted_on title=exact>{words}</time> }
}
