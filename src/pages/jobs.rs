use ascend_types::JobSummary;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::{self, FetchError, RANKED_POOL};
use crate::components::{ErrorView, JobListItem, JobListItemSkeleton};
use crate::page_data::use_page_data;
use crate::profile::onboarding_href;
use crate::state::profile::use_profile_store;
use crate::state::rates::{rank_for_you, use_shared_rates};

/// How many placeholders hold the list's place while it loads.
const SKELETON_ROWS: usize = 6;
/// How many of the ranked jobs "For you" shows.
const FOR_YOU_SHOWN: usize = 20;

/// The orders `/jobs` offers, kept in the address (`?order=for-you`) so
/// that a ranked list can be reloaded, shared and reached with Back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Newest,
    ForYou,
}

impl Order {
    fn from_query(value: Option<&str>) -> Order {
        match value {
            Some("for-you") => Order::ForYou,
            _ => Order::Newest,
        }
    }
}

/// `/jobs`: the newest open jobs, or with a profile, the newest ranked by
/// how well each matches it ("For you"), worked out on this device.
#[component]
pub fn JobsPage() -> impl IntoView {
    let query = use_query_map();
    let order = Memo::new(move |_| query.with(|q| Order::from_query(q.get_str("order"))));
    view! {
        <Title text="Jobs" />
        <Meta name="description" content="The newest open jobs on Ascend, or the ones that match you best." />
        <div class="jobs-head">
            <h1 class="page-heading">
                {move || match order.get() {
                    Order::Newest => "Newest jobs",
                    Order::ForYou => "Jobs for you",
                }}
            </h1>
            <nav class="order-switch" aria-label="Order of jobs">
                // Plain links (the router still takes them): its <A> would mark
                // both current, as it compares paths without the query.
                <a href="/jobs" class="order-switch__option" aria-current=move || (order.get() == Order::Newest).then_some("page")>
                    "Newest"
                </a>
                <a href="/jobs?order=for-you" class="order-switch__option" aria-current=move || (order.get() == Order::ForYou).then_some("page")>
                    "For you"
                </a>
            </nav>
        </div>
        {move || match order.get() {
            Order::Newest => view! { <NewestJobs /> }.into_any(),
            Order::ForYou => view! { <JobsForYou /> }.into_any(),
        }}
    }
}

/// The newest jobs: the server's list when it drew this page, else fetched.
#[component]
fn NewestJobs() -> impl IntoView {
    if let Some(drawn) = use_page_data().take_jobs() {
        return view! { <JobList jobs=drawn.jobs label="Newest jobs" /> }.into_any();
    }
    let jobs = LocalResource::new(api::jobs_newest);
    let retry = Callback::new(move |()| jobs.refetch());
    view! {
        <Transition fallback=|| view! { <JobListSkeleton /> }>
            {move || Suspend::new(async move {
                jobs.await.map(|list| list.jobs)
                    .map(|jobs| view! { <JobList jobs label="Newest jobs" /> }.into_any())
                    .unwrap_or_else(|error| error_view(error, retry))
            })}
        </Transition>
    }
    .into_any()
}

/// The newest jobs ranked by match. Without a profile it invites the
/// visitor to make one; the ranking waits for the currency rates so that
/// salary counts, and the list keeps the skeleton's place until then.
#[component]
fn JobsForYou() -> impl IntoView {
    let store = use_profile_store();
    let rates = use_shared_rates();
    let jobs = LocalResource::new(api::jobs_to_rank);
    let retry = Callback::new(move |()| jobs.refetch());
    move || {
        let Some(profile) = store.profile.get() else {
            return view! {
                <div class="empty-state">
                    <p>"Tell Ascend what you are looking for, and it ranks jobs by how well they fit you. Your answers stay on this device."</p>
                    <a class="button button--primary" href=onboarding_href("/jobs?order=for-you")>"Set up your profile"</a>
                </div>
            }
            .into_any();
        };
        view! {
            <p class="jobs-note">
                {format!("The {RANKED_POOL} newest jobs, best match first. Scores are worked out on this device; your profile is never sent.")}
            </p>
            <Transition fallback=|| view! { <JobListSkeleton /> }>
                {move || {
                    let profile = profile.clone();
                    Suspend::new(async move {
                        let listed = jobs.await;
                        let Some(rates) = rates.get() else {
                            return view! { <JobListSkeleton /> }.into_any();
                        };
                        match listed {
                            Ok(listed) => {
                                let mut ranked = rank_for_you(listed, &profile.preferences(), rates.as_ref());
                                ranked.truncate(FOR_YOU_SHOWN);
                                view! { <JobList jobs=ranked label="Jobs for you, best match first" /> }.into_any()
                            }
                            Err(error) => error_view(error, retry),
                        }
                    })
                }}
            </Transition>
        }
        .into_any()
    }
}

fn error_view(error: FetchError, retry: Callback<()>) -> AnyView {
    view! { <ErrorView message=error.describe() on_retry=retry /> }.into_any()
}

#[component]
fn JobList(jobs: Vec<JobSummary>, label: &'static str) -> impl IntoView {
    if jobs.is_empty() {
        return view! { <p class="empty-state">"No open jobs right now. Check back soon."</p> }
            .into_any();
    }
    view! {
        <ul class="job-list" aria-label=label>
            {jobs.into_iter().map(|job| view! { <JobListItem job /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn JobListSkeleton() -> impl IntoView {
    view! {
        <ul class="job-list" aria-busy="true" aria-label="Loading jobs">
            {(0..SKELETON_ROWS).map(|_| view! { <JobListItemSkeleton /> }).collect_view()}
        </ul>
    }
}
