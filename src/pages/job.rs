use ascend_types::{EmploymentType, JobDetail};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{self, FetchError};
use crate::components::job::{
    ApplyBar, CompanyRatings, CompanySide, JobBreadcrumb, JobBreadcrumbSkeleton, JobDescription,
    JobHeaderCard, JobHeaderCardSkeleton, JobPager, QaAccordion, SalaryWidget, SimilarJobs,
    WhatYouShouldKnow,
};
use crate::components::{ErrorView, JobMeta, NoticeHead};
use crate::hydration::Deferred;
use crate::page_data::{Found, drawn_by_server, use_page_data};
use crate::pages::not_found::{Missing, NotFoundNotice};

/// `/jobs/{slug}` in the app's router, which writes the page's head.
#[component]
pub fn JobPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Signal::derive(move || params.read().get("slug").unwrap_or_default());
    view! { <JobPageBody slug head=PageHead::WRITTEN /> }
}

/// What goes in the head for each outcome. The app's router writes it
/// (leptos_meta); the job page's own entry point (`crate::job_app`) keeps
/// the head the server wrote, and takes no head code into its wasm.
#[derive(Clone, Copy)]
pub struct PageHead {
    job: fn(JobDetail) -> AnyView,
    not_found: fn() -> AnyView,
    closed: fn() -> AnyView,
    /// Draws a job the page was not drawn with: fetched in the app; the job
    /// page's own entry point is always drawn with its job, and takes no
    /// fetching code into its wasm.
    fetched: fn(String, PageHead) -> AnyView,
    /// How the description is read (`JobDescription`'s `reading`).
    description: fn(String) -> String,
}

impl PageHead {
    /// The app writes the head: title, description, canonical URL, JSON-LD.
    pub const WRITTEN: PageHead = PageHead {
        job: |job| view! { <JobMeta job /> }.into_any(),
        not_found: || view! { <NoticeHead title=NOT_FOUND_TITLE /> }.into_any(),
        closed: || view! { <NoticeHead title=CLOSED_TITLE /> }.into_any(),
        fetched: |slug, head| view! { <FetchedJob slug head /> }.into_any(),
        description: crate::components::job::readable,
    };

    /// The server wrote the head with the page, for the job asked for.
    pub const FROM_SERVER: PageHead = PageHead {
        job: |_| ().into_any(),
        not_found: || ().into_any(),
        closed: || ().into_any(),
        fetched: |_, _| view! { <NotFoundNotice /> }.into_any(),
        // Every job is the one the server drew, with its description.
        description: |html| html,
    };
}

/// The title of the page for a job that does not exist (or any address
/// the app does not know).
pub const NOT_FOUND_TITLE: &str = "Page not found";
/// The title of a closed job's page.
pub const CLOSED_TITLE: &str = "This job is closed";

/// One job, its closed notice, or the not-found page: at once from the
/// page's data when the server drew this job (the first render, which
/// hydrates the server's page), else fetched.
#[component]
pub fn JobPageBody(#[prop(into)] slug: Signal<String>, head: PageHead) -> impl IntoView {
    let page = use_page_data();
    move || {
        let slug = slug.get();
        match page.take_job(&slug) {
            Some(found) => view! { <JobOutcome found head /> }.into_any(),
            None => (head.fetched)(slug, head),
        }
    }
}

/// What the page shows for what was found.
#[component]
fn JobOutcome(found: Found<JobDetail>, head: PageHead) -> impl IntoView {
    match found {
        Found::Found(job) => view! { {(head.job)(job.clone())} <JobView job head /> }.into_any(),
        Found::NotFound => {
            view! { {(head.not_found)()} <NotFoundNotice missing=Missing::Job /> }.into_any()
        }
        Found::Gone => view! { {(head.closed)()} <ClosedJob /> }.into_any(),
    }
}

/// A job the page was not drawn with: fetched, with the header's skeleton
/// in its place meanwhile and a retry when it fails.
#[component]
fn FetchedJob(slug: String, head: PageHead) -> impl IntoView {
    let job = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::job(&slug).await }
    });
    let retry = Callback::new(move |()| job.refetch());
    view! {
        <Transition fallback=|| view! { <JobHeaderSkeleton /> }>
            {move || Suspend::new(async move {
                match job.await {
                    Ok(job) => view! { <JobOutcome found=Found::Found(job) head /> }.into_any(),
                    Err(FetchError::NotFound) => view! { <JobOutcome found=Found::NotFound head /> }.into_any(),
                    Err(FetchError::Gone) => view! { <JobOutcome found=Found::Gone head /> }.into_any(),
                    Err(error) => view! { <ErrorView message=error.describe() on_retry=retry /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The loaded job: the main column, the company sidebar beside it (below it
/// on narrow screens), and similar jobs after both.
///
/// The server draws every part; the browser adopts the first screen's at
/// once and the rest part by part (`crate::hydration`). When the browser
/// draws a job itself (a client-side visit), what a first screen shows
/// (header, pager, summary, description and, on wide screens, the sidebar)
/// is drawn at once; the parts below the description follow once that is
/// painted, so the first paint does not wait for them. Nothing on screen
/// moves: they only add to the column's end.
#[component]
fn JobView(job: JobDetail, head: PageHead) -> impl IntoView {
    // The server's page has every part; the browser adopts them all.
    // Setting it again would draw those parts anew, in place of the
    // server's.
    let painted = RwSignal::new(drawn_by_server());
    if !painted.get_untracked() {
        Effect::new(move |_| {
            leptos::task::spawn_local(async move {
                api::after_next_paint().await;
                painted.set(true);
            });
        });
    }
    let below = {
        let job = job.clone();
        move || {
            painted.get().then(|| {
                let job = job.clone();
                let return_to = format!("/jobs/{}", job.slug);
                let company_name = job.company.name.clone();
                let (ratings, ceo) = (job.company.ratings.clone(), job.company.ceo.clone());
                let salary_company = job.company.name.clone();
                let salary = job.salary.clone();
                let part_time = job.employment_type == EmploymentType::PartTime;
                let (faqs, faqs_return_to) = (job.faqs.clone(), return_to.clone());
                let interview = format!("Common interview questions for {}", job.title);
                let questions = job.interview_questions.clone();
                view! {
                    <Deferred><CompanyRatings company_name ratings ceo /></Deferred>
                    <Deferred><SalaryWidget company_name=salary_company salary part_time /></Deferred>
                    <Deferred><QaAccordion heading="Frequently asked questions" id="faqs" items=faqs return_to=faqs_return_to /></Deferred>
                    <Deferred><QaAccordion heading=interview id="interview" items=questions return_to /></Deferred>
                }
            })
        }
    };
    let (side_job, bar_job, similar_slug) = (job.clone(), job.clone(), job.slug.clone());
    view! {
        <div class="job-page">
            <div class="job-page__crumb">
                <JobBreadcrumb title=job.title.clone() />
            </div>
            <div class="job-page__main">
                <JobHeaderCard job=job.clone() />
                // Main column parts, in page order: pager, summary, description,
                // ratings, salary, FAQs, interview questions.
                <JobPager pager=job.pager.clone() company=job.company.name.clone() />
                <WhatYouShouldKnow summary=job.summary.clone() />
                <JobDescription html=job.description_html.clone() reading=head.description />
                {below}
            </div>
            <aside class="job-page__side" aria-label="About the company">
                <Deferred><CompanySide job=side_job /></Deferred>
                <Deferred><ApplyBar job=bar_job /></Deferred>
            </aside>
            <div class="job-page__after">
                // Adopted with the first pass: see `Deferred`.
                <SimilarJobs slug=similar_slug />
            </div>
        </div>
    }
}

/// Same boxes as the breadcrumb and header card, in the same places, so
/// nothing moves when the job arrives.
#[component]
fn JobHeaderSkeleton() -> impl IntoView {
    view! {
        <div class="job-page">
            <div class="job-page__crumb">
                <JobBreadcrumbSkeleton />
            </div>
            <div class="job-page__main">
                <JobHeaderCardSkeleton />
            </div>
        </div>
    }
}

#[component]
fn ClosedJob() -> impl IntoView {
    view! {
        <section class="notice" aria-labelledby="notice-heading">
            <h1 id="notice-heading">"This job is closed"</h1>
            <p>"The employer is no longer taking applications for it."</p>
            <p><a href="/jobs" class="button button--primary">"See open jobs"</a></p>
        </section>
    }
}
