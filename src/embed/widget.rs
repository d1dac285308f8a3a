//! The widget inside the partner's iframe: one list of jobs or one job,
//! with loading, empty and error states. No router and no head manager, so
//! that its wasm stays small; it fetches with the browser's `fetch` and
//! tells the host page its height whenever that changes.

use ascend_types::{CompanyRef, EmploymentType, JobSummary, SalaryInfo, WorkModel};
use leptos::prelude::*;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;

use super::settings::{Kind, ListFilters, SettingError, Settings, Theme, accent_text};
use super::{HEIGHT_MESSAGE, text};
use crate::components::job::safe_href;
use crate::components::{Avatar, PostedDate, place_label};
use crate::figures::{period_unit, reader_money};

/// Why the widget has no jobs to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LoadError {
    /// The job is closed or unknown (404, 410).
    Missing,
    /// No answer, an error answer, or one we cannot read.
    Unavailable,
}

/// `GET /api/jobs`: only what a card shows (serde skips the facets).
#[derive(Clone, Deserialize)]
struct JobList {
    jobs: Vec<JobSummary>,
}

/// `GET /api/jobs/{slug}`: only what the job's card shows.
#[derive(Clone, Deserialize)]
struct OneJob {
    slug: String,
    title: String,
    company: CompanyName,
    location: String,
    work_model: WorkModel,
    employment_type: EmploymentType,
    posted_on: String,
    apply_url: Option<String>,
    salary: Option<SalaryInfo>,
}

#[derive(Clone, Deserialize)]
struct CompanyName {
    name: String,
    logo_url: Option<String>,
}

/// GETs `path` from Ascend's API (the widget's own origin) as JSON.
async fn get_json<T: DeserializeOwned>(path: String) -> Result<T, LoadError> {
    let window = web_sys::window().ok_or(LoadError::Unavailable)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&path))
        .await
        .map_err(|_| LoadError::Unavailable)?
        .unchecked_into();
    match response.status() {
        404 | 410 => return Err(LoadError::Missing),
        200..=299 => {}
        _ => return Err(LoadError::Unavailable),
    }
    let body = response.text().map_err(|_| LoadError::Unavailable)?;
    let text = JsFuture::from(body)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(LoadError::Unavailable)?;
    serde_json::from_str(&text).map_err(|_| LoadError::Unavailable)
}

/// The widget's settings from its own address (set by `embed.js` from the
/// placeholder's attributes; never from the host page's address).
fn read_settings() -> Result<Settings, SettingError> {
    let search = window().location().search().unwrap_or_default();
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Some(params) = params {
        for name in [
            "job", "company", "q", "location", "remote", "limit", "theme", "accent", "lang",
        ] {
            if let Some(value) = params.get(name) {
                pairs.push((name.to_owned(), value));
            }
        }
    }
    Settings::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

/// Theme and accent go on `<html>`: the theme as an attribute the CSS
/// reads, the accent (checked to be `#rrggbb`) as custom properties.
fn apply_look(settings: &Settings) {
    let Some(root) = document().document_element() else {
        return;
    };
    if settings.theme != Theme::Auto {
        let _ = root.set_attribute("data-theme", settings.theme.as_str());
    }
    let _ = root.set_attribute("lang", settings.lang.as_str());
    if let Some(accent) = &settings.accent
        && let Some(root) = root.dyn_ref::<web_sys::HtmlElement>()
    {
        let style = root.style();
        let _ = style.set_property("--color-accent", accent);
        let _ = style.set_property("--color-accent-hover", accent);
        let _ = style.set_property("--color-accent-text", accent_text(accent));
    }
}

/// Tells the host page how tall the widget is, now and on every change
/// (content loaded, host page resized so cards wrap differently).
fn report_height() {
    let window = window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(root) = document().document_element() else {
        return;
    };
    let measured = root.clone();
    let send = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // The height is no secret, and the host's origin is not known here.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(send.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    send.forget();
}

/// The widget: mounted on the embed page's `<body>` by `src/bin/embed.rs`.
#[component]
pub fn EmbedApp() -> impl IntoView {
    let settings = read_settings();
    if let Ok(settings) = &settings {
        apply_look(settings);
    }
    report_height();
    let origin = window().location().origin().unwrap_or_default();
    let label = match &settings {
        Ok(settings) => settings.landmark_label(),
        Err(_) => text::SETTINGS_TITLE.to_owned(),
    };
    let body = match settings {
        Err(error) => view! { <SettingsProblem error /> }.into_any(),
        Ok(settings) => {
            let path = settings.api_path();
            match settings.kind {
                Kind::List(filters) => view! { <ListWidget filters path origin /> }.into_any(),
                Kind::Job(_) => view! { <JobWidget path origin /> }.into_any(),
            }
        }
    };
    // Each widget is its own document, so each has a `main`; named after what
    // it shows, so that several on one host page stay distinguishable.
    view! { <main class="embed" aria-label=label>{body}</main> }
}

/// A setting the partner has to fix, said plainly in the widget itself.
#[component]
fn SettingsProblem(error: SettingError) -> impl IntoView {
    view! {
        <section class="embed-state embed-state--error" role="alert" data-state="settings">
            <h1 class="embed-state__title">{text::SETTINGS_TITLE}</h1>
            <p class="embed-state__text">{error.message}</p>
        </section>
    }
}

/// "Could not load" with a retry, for an API that is down or failing.
#[component]
fn LoadFailed(retry: Callback<()>) -> impl IntoView {
    view! {
        <section class="embed-state embed-state--error" role="alert" data-state="error">
            <h1 class="embed-state__title">{text::ERROR_TITLE}</h1>
            <p class="embed-state__text">{text::ERROR_TEXT}</p>
            <button type="button" class="embed-button" on:click=move |_| retry.run(())>
                {text::RETRY}
            </button>
        </section>
    }
}

/// A link that opens on Ascend in a new tab, and says so to screen readers.
#[component]
fn NewTabLink(
    href: String,
    #[prop(into)] class: String,
    #[prop(into)] label: String,
) -> impl IntoView {
    view! {
        <a class=class href=href target="_blank" rel="noopener">
            {label}
            <span class="visually-hidden">{text::NEW_TAB}</span>
        </a>
    }
}

#[component]
fn ListWidget(filters: ListFilters, path: String, origin: String) -> impl IntoView {
    let jobs = LocalResource::new(move || get_json::<JobList>(path.clone()));
    let retry = Callback::new(move |()| jobs.refetch());
    let limit = usize::from(filters.limit);
    let more_href = {
        let mut query = Vec::new();
        if let Some(company) = &filters.company {
            query.push(("company", company.clone()));
        }
        if let Some(q) = &filters.q {
            query.push(("q", q.clone()));
        }
        let query = super::settings::encode_query(&query);
        if query.is_empty() {
            format!("{origin}/jobs")
        } else {
            format!("{origin}/jobs?{query}")
        }
    };
    view! {
        <h1 class="visually-hidden">{text::LIST_TITLE}</h1>
        <Suspense fallback=move || view! { <ListSkeleton count=limit /> }>
            {
                let origin = origin.clone();
                let more_href = more_href.clone();
                move || {
                    let origin = origin.clone();
                    let more_href = more_href.clone();
                    Suspend::new(async move {
                        match jobs.await {
                            Ok(list) if list.jobs.is_empty() => view! {
                                <section class="embed-state" data-state="empty">
                                    <h2 class="embed-state__title">{text::EMPTY_TITLE}</h2>
                                    <p class="embed-state__text">{text::EMPTY_TEXT}</p>
                                    <NewTabLink href=format!("{origin}/jobs") class="embed-more" label=text::ALL_JOBS />
                                </section>
                            }
                            .into_any(),
                            Ok(list) => view! {
                                <ul class="embed-list" data-state="jobs">
                                    {list
                                        .jobs
                                        .into_iter()
                                        .map(|job| view! { <ListCard job origin=origin.clone() /> })
                                        .collect_view()}
                                </ul>
                                <p class="embed-footer">
                                    <NewTabLink href=more_href class="embed-more" label=text::MORE_JOBS />
                                </p>
                            }
                            .into_any(),
                            Err(_) => view! { <LoadFailed retry /> }.into_any(),
                        }
                    })
                }
            }
        </Suspense>
    }
}

/// One job of a list: the title's link covers the whole card.
#[component]
fn ListCard(job: JobSummary, origin: String) -> impl IntoView {
    let JobSummary {
        slug,
        title,
        company: CompanyRef { name, .. },
        location,
        work_model,
        posted_on,
        ..
    } = job;
    view! {
        <li class="job-card embed-card">
            <h2 class="job-card__title embed-card__title">
                <a class="job-card__link" href=format!("{origin}/jobs/{slug}") target="_blank" rel="noopener">
                    {title}
                    <span class="visually-hidden">{text::NEW_TAB}</span>
                </a>
            </h2>
            <p class="job-card__company">
                <Avatar name=name.clone() size="sm" />
                <span class="job-card__company-name">{name}</span>
            </p>
            <p class="embed-card__meta">
                <span class="embed-card__place">{place_label(work_model, &location)}</span>
                <PostedDate posted_on />
            </p>
        </li>
    }
}

/// Holds the list's place while it loads: as many cards as it asked for.
#[component]
fn ListSkeleton(count: usize) -> impl IntoView {
    view! {
        <ul class="embed-list" aria-busy="true" aria-label=text::LOADING data-state="loading">
            {(0..count).map(|_| view! { <li class="job-card embed-card embed-card--skeleton"><CardSkeleton /></li> }).collect_view()}
        </ul>
        <p class="embed-footer"><span class="skeleton embed-footer__skeleton"></span></p>
    }
}

#[component]
fn CardSkeleton() -> impl IntoView {
    view! {
        <span class="job-card__title embed-card__title skeleton"></span>
        <span class="job-card__company">
            <span class="avatar avatar--sm skeleton"></span>
            <span class="skeleton embed-card__line"></span>
        </span>
        <span class="embed-card__meta skeleton"></span>
    }
}

#[component]
fn JobWidget(path: String, origin: String) -> impl IntoView {
    let job = LocalResource::new(move || get_json::<OneJob>(path.clone()));
    let retry = Callback::new(move |()| job.refetch());
    view! {
        <Suspense fallback=|| view! {
            <div class="job-card embed-card embed-card--job embed-card--skeleton" aria-busy="true" aria-label=text::LOADING data-state="loading">
                <CardSkeleton />
                <span class="embed-card__salary skeleton"></span>
                <span class="embed-card__actions skeleton"></span>
            </div>
        }>
            {
                let origin = origin.clone();
                move || {
                    let origin = origin.clone();
                    Suspend::new(async move {
                        match job.await {
                            Ok(job) => view! { <JobCard job origin /> }.into_any(),
                            Err(LoadError::Missing) => view! {
                                <section class="embed-state" data-state="missing">
                                    <h1 class="embed-state__title">{text::MISSING_TITLE}</h1>
                                    <p class="embed-state__text">{text::MISSING_TEXT}</p>
                                    <NewTabLink href=format!("{origin}/jobs") class="embed-more" label=text::ALL_JOBS />
                                </section>
                            }
                            .into_any(),
                            Err(LoadError::Unavailable) => view! { <LoadFailed retry /> }.into_any(),
                        }
                    })
                }
            }
        </Suspense>
    }
}

/// "€80,000 – €100,000 / year", in the job's own period and currency.
fn salary_text(salary: &SalaryInfo) -> String {
    let unit = period_unit(salary.period);
    let digits = crate::figures::fraction_digits(salary.period);
    // The widget is drawn in the browser only: in the reader's own way.
    let min = reader_money(salary.min as f64, &salary.currency, digits);
    if salary.min == salary.max {
        format!("{min} / {unit}")
    } else {
        let max = reader_money(salary.max as f64, &salary.currency, digits);
        format!("{min} – {max} / {unit}")
    }
}

/// One job: its salary and an Apply link (the employer's, or the job's
/// page on Ascend when it has none).
#[component]
fn JobCard(job: OneJob, origin: String) -> impl IntoView {
    let page = format!("{origin}/jobs/{}", job.slug);
    let apply = job
        .apply_url
        .as_deref()
        .and_then(safe_href)
        .map(str::to_owned)
        .unwrap_or_else(|| page.clone());
    let salary = match &job.salary {
        Some(salary) => {
            let source = match salary.source {
                ascend_types::SalarySource::Employer => text::SALARY_EMPLOYER,
                ascend_types::SalarySource::Estimate => text::SALARY_ESTIMATE,
            };
            view! {
                <p class="embed-card__salary">
                    <span class="embed-card__salary-figure">{salary_text(salary)}</span>
                    <span class="embed-card__salary-source">{source}</span>
                </p>
            }
            .into_any()
        }
        None => {
            view! { <p class="embed-card__salary embed-card__salary--none">{text::NO_SALARY}</p> }
                .into_any()
        }
    };
    view! {
        <article class="job-card embed-card embed-card--job" data-state="job">
            <h1 class="job-card__title embed-card__title">
                <NewTabLink href=page.clone() class="embed-card__plain-link" label=job.title />
            </h1>
            <p class="job-card__company">
                <Avatar name=job.company.name.clone() image_url=job.company.logo_url size="sm" />
                <span class="job-card__company-name">{job.company.name}</span>
            </p>
            <p class="embed-card__meta">
                <span class="embed-card__place">{place_label(job.work_model, &job.location)}</span>
                <span>{job.employment_type.label()}</span>
                <PostedDate posted_on=job.posted_on />
            </p>
            {salary}
            <p class="embed-card__actions">
                <NewTabLink href=apply class="embed-button" label=text::APPLY />
                <NewTabLink href=page class="embed-more" label=text::VIEW_JOB />
            </p>
        </article>
    }
}
