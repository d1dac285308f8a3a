use leptos::prelude::*;

/// "What you should know": the job in one sentence, as its own labelled
/// block. Nothing at all when the job has no summary.
#[component]
pub fn WhatYouShouldKnow(summary: Option<String>) -> impl IntoView {
    let summary = summary.filter(|text| !text.trim().is_empty())?;
    Some(view! {
        <section class="job-summary" aria-labelledby="job-summary-heading">
            <h2 id="job-summary-heading" class="job-summary__heading">"What you should know"</h2>
            <p class="job-summary__text">{summary}</p>
        </section>
    })
}
