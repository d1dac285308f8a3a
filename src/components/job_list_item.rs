use ascend_types::JobSummary;
use leptos::prelude::*;
use leptos_router::components::A;

use super::PostedDate;

/// One job in a list: its title links to the job's page.
#[component]
pub fn JobListItem(job: JobSummary) -> impl IntoView {
    let href = format!("/jobs/{}", job.slug);
    view! {
        <li class="job-item">
            <h2 class="job-item__title">
                <A href=href>{job.title}</A>
            </h2>
            <p class="job-item__company">{job.company.name}</p>
            <p class="job-item__meta">
                <span>{job.location}</span>
                <span>{job.work_model.label()}</span>
                <span>{job.employment_type.label()}</span>
                <PostedDate posted_on=job.posted_on />
            </p>
        </li>
    }
}

/// Holds the place of a [`JobListItem`] while jobs load, at the same size.
#[component]
pub fn JobListItemSkeleton() -> impl IntoView {
    view! {
        <li class="job-item job-item--skeleton" aria-hidden="true">
            <span class="skeleton skeleton--title"></span>
            <span class="skeleton skeleton--line"></span>
            <span class="skeleton skeleton--line skeleton--short"></span>
        </li>
    }
}
