use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api;
use crate::components::{ErrorView, JobListItem, JobListItemSkeleton};

/// How many placeholders hold the list's place while it loads.
const SKELETON_ROWS: usize = 6;

/// `/jobs`: the newest open jobs.
#[component]
pub fn JobsPage() -> impl IntoView {
    let jobs = LocalResource::new(api::jobs_newest);
    let retry = Callback::new(move |()| jobs.refetch());

    view! {
        <Title text="Newest jobs" />
        <Meta name="description" content="The newest open jobs on Ascend." />
        <h1 class="page-heading">"Newest jobs"</h1>
        <Transition fallback=|| view! { <JobListSkeleton /> }>
            {move || Suspend::new(async move {
                match jobs.await {
                    Ok(list) if list.jobs.is_empty() => view! {
                        <p class="empty-state">"No open jobs right now. Check back soon."</p>
                    }
                    .into_any(),
                    Ok(list) => view! {
                        <ul class="job-list" aria-label="Newest jobs">
                            {list.jobs.into_iter().map(|job| view! { <JobListItem job /> }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorView message=error.describe() on_retry=retry /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn JobListSkeleton() -> impl IntoView {
    view! {
        <ul class="job-list" aria-busy="true" aria-label="Loading jobs">
            {(0..SKELETON_ROWS).map(|_| view! { <JobListItemSkeleton /> }).collect_view()}
        </ul>
    }
}
