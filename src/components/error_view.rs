use leptos::prelude::*;

/// Says that something failed to load and offers to try again.
#[component]
pub fn ErrorView(
    /// What went wrong, in a sentence.
    #[prop(into)]
    message: String,
    /// Called when the user asks to try again.
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <section class="error-view" role="alert" aria-labelledby="error-view-heading">
            <h1 id="error-view-heading" class="error-view__heading">"This did not load"</h1>
            <p class="error-view__message">{message}</p>
            <button type="button" class="button button--primary" on:click=move |_| on_retry.run(())>
                "Retry"
            </button>
        </section>
    }
}
