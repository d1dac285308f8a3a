use ascend_types::JobSummary;
use leptos::prelude::*;

use crate::state::saved_jobs::use_saved_jobs;

/// Saves the job on this device, or forgets it: a toggle button whose
/// `aria-pressed` says which. Its name stays "Save" either way, as a toggle
/// button's should; the pressed look and the icon show the state.
#[component]
pub fn SaveButton(
    job: JobSummary,
    /// Told what happened, in a sentence for a status region.
    #[prop(optional, into)]
    on_status: Option<Callback<String>>,
) -> impl IntoView {
    let saved = use_saved_jobs();
    let slug = job.slug.clone();
    let pressed = Signal::derive(move || saved.contains(&slug));
    let toggle = move |_| {
        let now_saved = !pressed.get_untracked();
        let stored = if now_saved {
            saved.save(job.clone())
        } else {
            saved.remove(&job.slug)
        };
        let message = match (now_saved, stored) {
            (true, Ok(())) => "Saved on this device. Find it under Saved.",
            (false, Ok(())) => "Removed from your saved jobs.",
            (_, Err(_)) => "Your browser would not keep this: it lasts until you leave the page.",
        };
        if let Some(on_status) = on_status {
            on_status.run(message.to_owned());
        }
    };
    view! {
        <button
            type="button"
            class="button job-action job-action--save"
            aria-pressed=move || if pressed.get() { "true" } else { "false" }
            on:click=toggle
        >
            <svg class="job-action__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M6 3h12a1 1 0 0 1 1 1v17l-7-4.5L5 21V4a1 1 0 0 1 1-1z" />
            </svg>
            <span>"Save"</span>
        </button>
    }
}
