use ascend_types::JobSummary;
use leptos::prelude::*;
use leptos_router::components::A;

use super::{PostedDate, place_label};
use crate::state::rates::MatchBadge;

/// One job in a list: its title links to the job's page.
#[component]
pub fn JobListItem(
    job: JobSummary,
    /// Off in a list of one company's jobs, which names it once above.
    #[prop(default = true)]
    show_company: bool,
    /// What the reader can do with the job in this list (remove it from
    /// the saved ones, say), beside it.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let href = format!("/jobs/{}", job.slug);
    let place = place_label(job.work_model, &job.location);
    let badge =
        view! { <MatchBadge title=job.title.clone() work_model=job.work_model facts=job.facts /> };
    view! {
        <li class="job-item">
            <h2 class="job-item__title">
                <A href=href>{job.title}</A>
            </h2>
            {show_company.then(|| view! { <p class="job-item__company">{job.company.name}</p> })}
            <p class="job-item__meta">
                <span>{place}</span>
                <span>{job.employment_type.label()}</span>
                <PostedDate posted_on=job.posted_on />
                {badge}
            </p>
            {children.map(|action| view! { <div class="job-item__action">{action()}</div> })}
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
