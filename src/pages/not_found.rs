use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

/// For unknown addresses and unknown jobs alike.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <Meta name="robots" content="noindex" />
        <section class="notice" aria-labelledby="notice-heading">
            <h1 id="notice-heading">"We could not find that page"</h1>
            <p>"The job may have been taken down, or the address may be mistyped."</p>
            <p><A href="/jobs" attr:class="button button--primary">"Browse the newest jobs"</A></p>
        </section>
    }
}
