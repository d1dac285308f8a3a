use std::time::Duration;

use ascend_types::{CompanyRef, JobDetail, JobSummary};
use leptos::prelude::*;

use super::description::safe_href;
use super::save_button::SaveButton;
use super::share_button::ShareButton;
use crate::components::{Avatar, PostedDate};

/// How long a confirmation stays on screen.
const STATUS_FOR: Duration = Duration::from_secs(6);

/// The summary a saved job keeps: what `/saved` lists without a fetch.
pub fn summary_of(job: &JobDetail) -> JobSummary {
    JobSummary {
        slug: job.slug.clone(),
        title: job.title.clone(),
        company: CompanyRef {
            slug: job.company.slug.clone(),
            name: job.company.name.clone(),
        },
        location: job.location.clone(),
        work_model: job.work_model,
        employment_type: job.employment_type,
        posted_on: job.posted_on.clone(),
        facts: job.match_facts(),
    }
}

/// The top of the job page: logo, title, company, the facts that decide
/// whether to read on, and what to do next (apply, save, share). Every line
/// has a fixed height so [`JobHeaderCardSkeleton`] can hold its place.
#[component]
pub fn JobHeaderCard(job: JobDetail) -> impl IntoView {
    let (status, set_status) = signal(String::new());
    // Each message clears itself, unless a newer one replaced it.
    let shown = StoredValue::new(0_u32);
    let on_status = Callback::new(move |message: String| {
        let id = shown.get_value().wrapping_add(1);
        shown.set_value(id);
        set_status.set(message);
        set_timeout(
            move || {
                if shown.try_get_value() == Some(id) {
                    set_status.set(String::new());
                }
            },
            STATUS_FOR,
        );
    });

    let summary = summary_of(&job);
    let path = format!("/jobs/{}", job.slug);
    let company_href = format!("/companies/{}", job.company.slug);
    let work_model = job.work_model.label();
    let show_work_model = !job.work_model.named_in(&job.location);
    let apply_url = job
        .apply_url
        .as_deref()
        .and_then(safe_href)
        .map(str::to_owned);
    let website = job
        .company
        .website
        .as_deref()
        .and_then(safe_href)
        .map(str::to_owned);

    let company = job.company.name.clone();
    let company_link_text = company.clone();
    let share_title = format!("{} at {}", job.title, job.company.name);
    view! {
        <article class="job-header" aria-labelledby="job-title">
            <div class="job-header__identity">
                <span class="job-header__logo">
                    <Avatar name=job.company.name.clone() image_url=job.company.logo_url.clone() size="lg" />
                </span>
                <h1 id="job-title" class="job-header__title">{job.title.clone()}</h1>
                <p class="job-header__company">
                    <a href=company_href>{company_link_text}</a>
                </p>
            </div>
            <ul class="job-header__facts" aria-label="Job facts">
                <li title=job.location.clone()>{job.location.clone()}</li>
                {show_work_model.then(|| view! { <li>{work_model}</li> })}
                <li>{job.employment_type.label()}</li>
                <li><PostedDate posted_on=job.posted_on.clone() /></li>
            </ul>
            <div class="job-header__actions">
                <ApplyAction apply_url website company />
                <SaveButton job=summary on_status />
                <ShareButton title=share_title path on_status />
                // The region stays in the page, empty, to be announced when it
                // fills; the toast is drawn only with a message in it.
                <p class="job-header__status" role="status">
                    {move || {
                        let message = status.get();
                        (!message.is_empty()).then(|| view! { <span class="job-header__toast">{message}</span> })
                    }}
                </p>
            </div>
        </article>
    }
}

/// What to do about the job, kept in reach however far the reader
/// scrolls: a card that stays in view beside the page on wide screens, a
/// bar along the bottom of the screen on phones.
#[component]
pub fn ApplyBar(job: JobDetail) -> impl IntoView {
    let summary = summary_of(&job);
    let apply_url = job
        .apply_url
        .as_deref()
        .and_then(safe_href)
        .map(str::to_owned);
    let website = job
        .company
        .website
        .as_deref()
        .and_then(safe_href)
        .map(str::to_owned);
    let company = job.company.name.clone();
    view! {
        <section class="apply-bar" aria-label="Apply for this job">
            <p class="apply-bar__title">
                <span class="apply-bar__job">{job.title.clone()}</span>
                <span class="apply-bar__company">{job.company.name.clone()}</span>
            </p>
            <div class="apply-bar__actions">
                <ApplyAction apply_url website company />
                <SaveButton job=summary />
            </div>
        </section>
    }
}

/// Apply on the employer's site, in a new tab. A job without an application
/// link says how to apply instead of offering a button that goes nowhere.
#[component]
fn ApplyAction(
    apply_url: Option<String>,
    website: Option<String>,
    company: String,
) -> impl IntoView {
    match (apply_url, website) {
        (Some(href), _) => view! {
            <a class="button button--primary job-action job-action--apply" href=href target="_blank" rel="noopener noreferrer">
                "Apply"<span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any(),
        (None, Some(website)) => view! {
            <p class="job-header__no-apply">
                "No application link: apply on the "
                <a href=website target="_blank" rel="noopener noreferrer">
                    {format!("{company} website")}<span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
                "."
            </p>
        }
        .into_any(),
        (None, None) => view! {
            <p class="job-header__no-apply">
                {format!("No application link: contact {company} directly to apply.")}
            </p>
        }
        .into_any(),
    }
}

/// [`JobHeaderCard`]'s boxes, empty, while the job loads.
#[component]
pub fn JobHeaderCardSkeleton() -> impl IntoView {
    view! {
        <div class="job-header job-header--skeleton" aria-busy="true" aria-label="Loading the job">
            <div class="job-header__identity">
                <span class="job-header__logo"><span class="avatar avatar--lg skeleton"></span></span>
                <span class="job-header__title"><span class="skeleton job-header__bar job-header__bar--title"></span></span>
                <span class="job-header__company"><span class="skeleton job-header__bar job-header__bar--company"></span></span>
            </div>
            <div class="job-header__facts">
                <span class="skeleton job-header__pill"></span>
                <span class="skeleton job-header__pill"></span>
                <span class="skeleton job-header__pill"></span>
                <span class="skeleton job-header__pill"></span>
            </div>
            <div class="job-header__actions">
                <span class="skeleton job-action job-action--apply"></span>
                <span class="skeleton job-action"></span>
                <span class="skeleton job-action"></span>
            </div>
        </div>
    }
}
