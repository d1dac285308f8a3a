//! The job page's own entry point (`src/bin/job.rs`, trunk target
//! `job.html`), which the server renders for `/jobs/{slug}` and the browser
//! hydrates. A job page is where most visitors arrive, from search engines
//! and shared links, so its wasm carries only the job page: no router, since
//! every link loads its page (the full app, from then on cached); no head
//! manager, since the server wrote the head; and no onboarding flow, whose
//! links go to `/onboarding` and come back. `?onboarding=1`, which opens the
//! flow over any page of the app, goes to that page too.

use leptos::prelude::*;

#[cfg(any(feature = "hydrate", test))]
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
    if asks_for_onboarding(&location.search().unwrap_or_default()) {
        let path = location.pathname().unwrap_or_default();
        let _ = location.replace(&onboarding_href(&path));
        return;
    }
    request_animation_frame(|| {
        let data = crate::page_data::from_document::<crate::page_data::JobPageData>();
        crate::page_data::set_hydration_globals(&data);
        leptos::mount::hydrate_body(move || view! { <JobApp data /> });
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
                view! { <NotFoundNotice /> }.into_any()
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

/// Whether a query string (`?a=b&onboarding=1`) asks for the onboarding flow.
#[cfg(any(feature = "hydrate", test))]
fn asks_for_onboarding(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split_once('=') == Some((OPEN_PARAM, "1")))
}

#[cfg(test)]
mod tests {
    use super::asks_for_onboarding;

    #[test]
    fn the_onboarding_parameter_is_read_from_the_query() {
        assert!(asks_for_onboarding("?onboarding=1"));
        assert!(asks_for_onboarding("?ref=mail&onboarding=1"));
        assert!(!asks_for_onboarding(""));
        assert!(!asks_for_onboarding("?onboarding=0"));
        assert!(!asks_for_onboarding("?xonboarding=1"));
    }
}
