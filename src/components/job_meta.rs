use ascend_types::JobDetail;
use ascend_types::jsonld::{JobPosting, escape_json_for_script};
use ascend_types::meta::{job_description, job_title};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

/// The job page's head: title, description, canonical URL and the
/// schema.org `JobPosting`, the same words the server put in the first
/// HTML (both come from `ascend_types`).
#[component]
pub fn JobMeta(job: JobDetail) -> impl IntoView {
    crate::api::inline::remove_server_head();
    let origin = window().location().origin().ok();
    let canonical = origin
        .as_deref()
        .map(|origin| format!("{origin}/jobs/{}", job.slug));
    let posting = JobPosting::from_job(&job, origin.as_deref());
    // textContent needs no escaping, but the same escaped JSON as the
    // server's is what a crawler would see either way.
    let json = serde_json::to_string(&posting)
        .map(|json| escape_json_for_script(&json))
        .unwrap_or_default();
    view! {
        <Title text=job_title(&job) />
        <Meta name="description" content=job_description(&job) />
        {canonical.map(|href| view! { <Link rel="canonical" href /> })}
        <Script type_="application/ld+json">{json}</Script>
    }
}
