use ascend_types::JobSummary;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;

use crate::components::JobListItem;
use crate::state::saved_jobs::use_saved_jobs;

/// `/saved`: the jobs saved on this device, straight from storage (no fetch).
#[component]
pub fn SavedPage() -> impl IntoView {
    let saved = use_saved_jobs();
    let (status, set_status) = signal(String::new());
    let heading = NodeRef::<leptos::html::H1>::new();
    let remove = Callback::new(move |job: JobSummary| {
        let message = match saved.remove(&job.slug) {
            Ok(()) => format!("Removed {} from your saved jobs.", job.title),
            Err(_) => format!(
                "Removed {} until you leave the page; your browser would not store the change.",
                job.title
            ),
        };
        set_status.set(message);
        // The pressed button is gone; the heading is the nearest steady place.
        if let Some(heading) = heading.get_untracked() {
            let _ = heading.focus();
        }
    });

    view! {
        <Title text="Saved jobs" />
        <Meta name="robots" content="noindex" />
        <div class="saved-page">
            <h1 class="page-heading" tabindex="-1" node_ref=heading>"Saved jobs"</h1>
            <p class="saved-page__note">
                "Kept in this browser on this device only: nothing is sent to Ascend."
            </p>
            <p class="saved-page__status" role="status">{status}</p>
            // Rebuilt whole on each change: a short list, and no keyed
            // diffing code in the app for it.
            {move || {
                let jobs = saved.list();
                if !saved.loaded() {
                    view! { <div class="saved-page__pending" aria-busy="true"></div> }.into_any()
                } else if jobs.is_empty() {
                    view! { <SavedEmpty /> }.into_any()
                } else {
                    view! {
                        <ul class="job-list" aria-label="Saved jobs">
                            {jobs.into_iter().map(|job| view! { <SavedItem job on_remove=remove /> }).collect_view()}
                        </ul>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

/// A saved job as every list shows a job, with a way to remove it.
#[component]
fn SavedItem(job: JobSummary, on_remove: Callback<JobSummary>) -> impl IntoView {
    let remove_label = format!("Remove {} at {}", job.title, job.company.name);
    let for_remove = job.clone();
    view! {
        <JobListItem job>
            <button
                type="button"
                class="button"
                aria-label=remove_label
                on:click=move |_| on_remove.run(for_remove.clone())
            >
                "Remove"
            </button>
        </JobListItem>
    }
}

#[component]
fn SavedEmpty() -> impl IntoView {
    view! {
        <section class="saved-empty" aria-labelledby="saved-empty-heading">
            <h2 id="saved-empty-heading" class="saved-empty__heading">"No saved jobs yet"</h2>
            <p>
                "Open a job and press "<strong>"Save"</strong>
                " beside Apply: it is listed here, ready for when you have time to apply."
            </p>
            <p><A href="/jobs" attr:class="button button--primary">"Browse the newest jobs"</A></p>
        </section>
    }
}
