use ascend_types::JobSearch;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::{self, FetchError};
use crate::components::job::{
    BenefitGroups, CompanyRatings, ExternalLink, Facts, TagList, team_size_label, website_host,
};
use crate::components::{Avatar, ErrorView, JobListItem, JobListItemSkeleton};
use crate::figures::count_noun;
use crate::hydration::Deferred;
use crate::page_data::{CompanyPageData, Found, use_page_data};
use crate::pages::NotFoundPage;
use crate::pages::not_found::Missing;

/// Placeholders in the jobs list while it loads.
const SKELETON_JOBS: usize = 3;

/// `/companies/{slug}`: who the company is and its open jobs, from the
/// page's data when the server drew this company, else fetched.
#[component]
pub fn CompanyPage() -> impl IntoView {
    let params = use_params_map();
    let page = use_page_data();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        match page.take_company(&slug) {
            Some(Found::Found(data)) => view! { <CompanyProfileView data /> }.into_any(),
            Some(_) => view! { <NotFoundPage missing=Missing::Company /> }.into_any(),
            None => view! { <FetchedCompany slug /> }.into_any(),
        }
    }
}

/// A company the page was not drawn with.
#[component]
fn FetchedCompany(slug: String) -> impl IntoView {
    let data = LocalResource::new(move || {
        let slug = slug.clone();
        async move { api::company_page(&slug).await }
    });
    let retry = Callback::new(move |()| data.refetch());
    view! {
        <Transition fallback=|| view! { <CompanySkeleton /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(data) => view! { <CompanyProfileView data /> }.into_any(),
                    Err(FetchError::NotFound) => view! { <NotFoundPage missing=Missing::Company /> }.into_any(),
                    Err(error) => view! { <ErrorView message=error.describe() on_retry=retry /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The company's open jobs, newest first, a page at a time: "Show more
/// jobs" adds the next page below the ones shown.
#[component]
fn CompanyJobsSection(slug: String, first: JobSearch) -> impl IntoView {
    let total = first.total;
    let jobs = RwSignal::new(first.jobs);
    let cursor = RwSignal::new(first.next_cursor);
    let loading = RwSignal::new(false);
    let failed = RwSignal::new(None::<String>);
    let slug = StoredValue::new(slug);
    let show_more = move |_| {
        let Some(after) = cursor.get_untracked() else {
            return;
        };
        loading.set(true);
        failed.set(None);
        leptos::task::spawn_local(async move {
            match api::company_jobs_after(&slug.get_value(), &after).await {
                Ok(page) => {
                    jobs.update(|shown| shown.extend(page.jobs));
                    cursor.set(page.next_cursor);
                }
                Err(error) => failed.set(Some(error.describe())),
            }
            loading.set(false);
        });
    };
    view! {
        <section class="company-page__section company-page__jobs" aria-labelledby="company-jobs-heading">
            <h2 id="company-jobs-heading" class="company-page__heading">"Open jobs"</h2>
            {if total == 0 {
                view! { <p class="empty-state">"No open jobs right now."</p> }.into_any()
            } else {
                view! {
                    <p class="company-page__count" aria-live="polite">
                        {move || format!("Showing {} of {}", jobs.with(Vec::len), count_noun(total, "open job", "open jobs"))}
                    </p>
                    <ul class="job-list" aria-labelledby="company-jobs-heading">
                        <For each=move || jobs.get() key=|job| job.slug.clone() let:job>
                            <JobListItem job show_company=false />
                        </For>
                    </ul>
                }.into_any()
            }}
            {move || failed.get().map(|message| view! { <p class="company-page__error" role="alert">{message}</p> })}
            {move || cursor.get().is_some().then(|| view! {
                <button type="button" class="button company-page__more" on:click=show_more disabled=move || loading.get()>
                    {move || if loading.get() { "Loading more jobs…" } else { "Show more jobs" }}
                </button>
            })}
        </section>
    }
}

#[component]
fn CompanyProfileView(data: CompanyPageData) -> impl IntoView {
    let CompanyPageData {
        profile: company,
        jobs,
    } = data;
    let slug = company.slug.clone();
    let description = format!(
        "{} on Ascend: about the company and its open jobs.",
        company.name
    );
    let website = company
        .website
        .as_deref()
        .and_then(|url| website_host(url).map(|host| (url.to_owned(), host)));
    let subtitle = [company.sector.clone(), company.headquarters.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let mut facts: Vec<(&'static str, AnyView)> =
        vec![("Open jobs", company.open_jobs.to_string().into_any())];
    let optional = [
        ("Founded", company.founded_year.map(|y| y.to_string())),
        ("Headquarters", company.headquarters.clone()),
        (
            "Team size",
            company.team_size.as_deref().map(team_size_label),
        ),
        ("Funding", company.funding_stage.clone()),
        ("Sector", company.sector.clone()),
        ("CEO", company.ceo.as_ref().map(|c| c.name.clone())),
        (
            "Badges",
            (!company.badges.is_empty()).then(|| company.badges.join(", ")),
        ),
    ];
    facts.extend(
        optional
            .into_iter()
            .filter_map(|(term, value)| value.map(|v| (term, v.into_any()))),
    );
    if let Some((url, host)) = website {
        facts.push(("Website", view! { <ExternalLink url host /> }.into_any()));
    }
    let (company_name, ratings, ceo) = (
        company.name.clone(),
        company.ratings.clone(),
        company.ceo.clone(),
    );
    let (culture_values, benefits) = (company.culture_values.clone(), company.benefits.clone());
    view! {
        <Title text=company.name.clone() />
        <Meta name="description" content=description />
        <div class="company-page">
        <header class="company-page__header">
            <Avatar name=company.name.clone() image_url=company.logo_url.clone() size="lg" />
            <div class="company-page__title">
                <h1 class="company-page__name">{company.name.clone()}</h1>
                <p class="company-page__subtitle">{subtitle}</p>
            </div>
        </header>
        <div class="company-page__body">
            <div class="company-page__main">
                {(!company.about.is_empty()).then(|| view! {
                    <section class="company-page__section" aria-labelledby="company-about">
                        <h2 id="company-about" class="company-page__heading">"About"</h2>
                        <p class="company-page__about">{company.about.clone()}</p>
                    </section>
                }.into_any())}
                // Below the first screen on phones, and adopted after it
                // (`crate::hydration`).
                <Deferred><CompanyJobsSection slug first=jobs /></Deferred>
                <Deferred><CompanyRatings company_name ratings ceo /></Deferred>
                <Deferred>
                {(!culture_values.is_empty()).then(|| view! {
                    <section class="company-page__section" aria-labelledby="company-values">
                        <h2 id="company-values" class="company-page__heading">"Culture values"</h2>
                        <TagList items=culture_values label="Culture values" />
                    </section>
                }.into_any())}
                {(!benefits.is_empty()).then(|| view! {
                    <section class="company-page__section" aria-labelledby="company-benefits">
                        <h2 id="company-benefits" class="company-page__heading">"Benefits and perks"</h2>
                        <BenefitGroups groups=benefits heading_level=3 id="company-page-benefits" />
                    </section>
                }.into_any())}
                </Deferred>
            </div>
            <Deferred>
            <section class="company-page__facts" aria-labelledby="company-facts">
                <h2 id="company-facts" class="company-page__heading">"Facts"</h2>
                <Facts items=facts />
            </section>
            </Deferred>
        </div>
        </div>
    }
}

/// The header's boxes at their loaded size, then the jobs' placeholders.
#[component]
fn CompanySkeleton() -> impl IntoView {
    view! {
        <div class="company-page" aria-busy="true" aria-label="Loading the company">
            <div class="company-page__header">
                <span class="avatar avatar--lg skeleton"></span>
                <div class="company-page__title">
                    <span class="company-page__name skeleton skeleton--heading"></span>
                    <span class="company-page__subtitle skeleton skeleton--line"></span>
                </div>
            </div>
            <div class="company-page__body">
                <div class="company-page__main">
                    <div class="company-page__section company-page__section--skeleton">
                        <span class="skeleton skeleton--title"></span>
                        <span class="skeleton skeleton--line skeleton--wide"></span>
                        <span class="skeleton skeleton--line skeleton--wide"></span>
                    </div>
                    <JobsSkeleton />
                </div>
                <div class="company-page__facts company-page__section--skeleton">
                    <span class="skeleton skeleton--title"></span>
                    <span class="skeleton skeleton--line"></span>
                </div>
            </div>
        </div>
    }
}

#[component]
fn JobsSkeleton() -> impl IntoView {
    view! {
        <ul class="job-list" aria-busy="true" aria-label="Loading open jobs">
            {(0..SKELETON_JOBS).map(|_| view! { <JobListItemSkeleton /> }).collect_view()}
        </ul>
    }
}
