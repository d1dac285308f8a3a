use leptos::prelude::*;

use crate::components::NoticeHead;
use crate::pages::NOT_FOUND_TITLE;

/// For unknown addresses and unknown jobs alike.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <NoticeHead title=NOT_FOUND_TITLE />
        <NotFoundNotice />
    }
}

/// The not-found page without its head, for the job page's own entry point,
/// whose head the server wrote.
#[component]
pub fn NotFoundNotice() -> impl IntoView {
    view! {
        <section class="notice" aria-labelledby="notice-heading">
            <h1 id="notice-heading">"We could not find that page"</h1>
            <p>"The job may have been taken down, or the address may be mistyped."</p>
            <p><a href="/jobs" class="button button--primary">"Browse the newest jobs"</a></p>
        </section>
    }
}
