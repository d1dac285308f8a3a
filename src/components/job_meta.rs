use ascend_types::JobDetail;
use ascend_types::jsonld::{JobPosting, escape_json_for_script};
use ascend_types::meta::{SITE_NAME, job_description, job_title};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

use crate::page_data::use_page_data;

/// The job page's head: title, description, OpenGraph and Twitter tags for
/// link previews, the canonical URL and the schema.org `JobPosting`. The
/// server renders it into the page; the app's router writes it again for
/// a job reached inside the app.
#[component]
pub fn JobMeta(job: JobDetail) -> impl IntoView {
    let origin = use_page_data().origin();
    let canonical = origin
        .as_deref()
        .map(|origin| format!("{origin}/jobs/{}", job.slug));
    let posting = JobPosting::from_job(&job, origin.as_deref());
    // textContent needs no escaping, but escaped JSON is what a crawler
    // reads either way.
    let json = serde_json::to_string(&posting)
        .map(|json| escape_json_for_script(&json))
        .unwrap_or_default();
    let title = job_title(&job);
    let description = job_description(&job);
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content=SITE_NAME />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta name="twitter:card" content="summary" />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        {canonical.map(|href| view! {
            <Link rel="canonical" href=href.clone() />
            <Meta property="og:url" content=href />
        })}
        <Script type_="application/ld+json">{json}</Script>
    }
}

/// The head of a notice page (a job that is closed or does not exist, an
/// unknown address): its title, and no indexing.
#[component]
pub fn NoticeHead(title: &'static str) -> impl IntoView {
    view! {
        <Title text=title />
        <Meta name="robots" content="noindex" />
    }
}
