//! The job page's own entry point (`src/bin/job.rs`, trunk target
//! `job.html`), which the server renders for `/jobs/{slug}` and the browser
//! hydrates. A job page is where most visitors arrive, from search engines
//! and shared links, so its wasm carries only the job page: no router, since
//! every link loads its page (the full app, from then on cached); no head
//! manager, since the server wrote the head; and no onboarding flow, whose
//! links go to `/onboarding` and come back. `?onboarding=1`, which opens the
//! flow over any page of the app, goes to that page too.

use leptos::prelude::*;

#[cfg(feature = "hydrate")]
use crate::components::onboarding_dialog::OPEN_PARAM;
use crate::components::{ProfileNotice, SiteFooter, SiteHeader};
use crate::page_data::{PageData, provide_page_data};
use crate::pages::NotFoundNotice;
use crate::pages::job::{JobPageBody, PageHead};
#[cfg(feature = "hydrate")]
use crate::profile::onboarding_href;

pub use crate::routes::job_slug;

/// Hydrates the page a frame after the wasm has started, so that loading
/// the module and adopting the page are two tasks rather than one long one.
#[cfg(feature = "hydrate")]
pub fn start() {
    let location = window().location();
    let asks_for_onboarding =
        web_sys::UrlSearchParams::new_with_str(&location.search().unwrap_or_default())
            .is_ok_and(|params| params.get(OPEN_PARAM).as_deref() == Some("1"));
    if asks_for_onboarding {
        let path = location.pathname().unwrap_or_default();
        let _ = location.replace(&onboarding_href(&path));
        return;
    }
    request_animation_frame(|| {
        let data = crate::page_data::from_document::<crate::page_data::JobPageData>();
        crate::page_data::set_hydration_globals(&data);
        crate::hydration::hydrate_body(move || view! { <JobApp data /> });
    });
}

/// The job of `data` (or its closed or not-found notice) in the site's frame.
#[component]
pub fn JobApp(data: PageData) -> impl IntoView {
    let path = data.path.clone();
    let slug = job_slug(&path).unwrap_or_default();
    provide_page_data(data);
    crate::state::provide_visitor_state();
    let path = Signal::stored(path);
    view! {
        <SiteHeader path />
        <main id="main" class="site-main" tabindex="-1">
            <ProfileNotice />
            {if slug.is_empty() {
                view! { <NotFoundNotice missing=crate::pages::not_found::Missing::Job /> }.into_any()
            } else {
                view! { <JobPageBody slug=Signal::stored(slug) head=PageHead::FROM_SERVER /> }.into_any()
            }}
        </main>
        <SiteFooter path />
    }
}

/// The job's slug in a `/jobs/{slug}` path, as the router decodes it;
/// empty for any other path or a slug that is not UTF-8.
pub fn slug_of(path: &str) -> String {
    job_slug(path).unwrap_or_default()
}
