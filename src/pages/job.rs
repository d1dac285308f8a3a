use ascend_types::JobDetail;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{self, FetchError};
use crate::components::job::{
    CompanyRatings, CompanySide, JobBreadcrumb, JobBreadcrumbSkeleton, JobDescription,
    JobHeaderCard, JobHeaderCardSkeleton, JobPager, QaAccordion, SalaryWidget, SimilarJobs,
    WhatYouShouldKnow,
};
use crate::components::{ErrorView, JobMeta};
use crate::pages::NotFoundPage;

/// `/jobs/{slug}`: one job.
#[component]
pub fn JobPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let job = LocalResource::new(move || {
        let slug = slug();
        async move { api::job(&slug).await }
    });
    let retry = Callback::new(move |()| job.refetch());

    view! {
        <Transition fallback=|| view! { <JobHeaderSkeleton /> }>
            {move || Suspend::new(async move {
                match job.await {
                    Ok(job) => view! { <JobView job /> }.into_any(),
                    Err(FetchError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(FetchError::Gone) => view! { <ClosedJob /> }.into_any(),
                    Err(error) => view! { <ErrorView message=error.describe() on_retry=retry /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The loaded job: the main column, the company sidebar beside it (below it
/// on narrow screens), and similar jobs after both.
#[component]
fn JobView(job: JobDetail) -> impl IntoView {
    view! {
        <JobMeta job=job.clone() />
        <div class="job-page">
            <div class="job-page__main">
                <JobHeader job=job.clone() />
                // Main column parts, in page order: pager, summary, description,
                // ratings, salary, FAQs, interview questions.
                <JobPager pager=job.pager.clone() company=job.company.name.clone() />
                <WhatYouShouldKnow summary=job.summary.clone() />
                <JobDescription html=job.description_html.clone() />
                <CompanyRatings company_name=job.company.name.clone() ratings=job.company.ratings.clone() ceo=job.company.ceo.clone() />
                <SalaryWidget company_name=job.company.name.clone() salary=job.salary.clone() />
                <QaAccordion heading="Frequently asked questions" id="faqs" items=job.faqs.clone() return_to=format!("/jobs/{}", job.slug) />
                <QaAccordion heading=format!("Common interview questions for {}", job.title) id="interview" items=job.interview_questions.clone() return_to=format!("/jobs/{}", job.slug) />
            </div>
            <aside class="job-page__side" aria-label="About the company">
                <CompanySide job=job.clone() />
            </aside>
            <div class="job-page__after">
                <SimilarJobs slug=job.slug.clone() />
            </div>
        </div>
    }
}

#[component]
fn JobHeader(job: JobDetail) -> impl IntoView {
    view! {
        <div class="job-top">
            <JobBreadcrumb title=job.title.clone() />
            <JobHeaderCard job />
        </div>
    }
}

/// Same boxes as [`JobHeader`], in the same column, so nothing moves when
/// the job arrives.
#[component]
fn JobHeaderSkeleton() -> impl IntoView {
    view! {
        <div class="job-page">
            <div class="job-page__main">
                <div class="job-top">
                    <JobBreadcrumbSkeleton />
                    <JobHeaderCardSkeleton />
                </div>
            </div>
        </div>
    }
}

#[component]
fn ClosedJob() -> impl IntoView {
    view! {
        <Title text="This job is closed" />
        <Meta name="robots" content="noindex" />
        <section class="notice" aria-labelledby="notice-heading">
            <h1 id="notice-heading">"This job is closed"</h1>
            <p>"The employer is no longer taking applications for it."</p>
            <p><A href="/jobs" attr:class="button button--primary">"See open jobs"</A></p>
        </section>
    }
}
