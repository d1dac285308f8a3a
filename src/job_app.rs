//! The job page's own entry point (`src/bin/job.rs`, trunk target
//! `job.html`), which the server sends for `/jobs/{slug}`. A job page is
//! where most visitors arrive, from search engines and shared links, so its
//! wasm carries only the job page: no router, since every link loads its
//! page (the full app, from then on cached); no head manager, since the
//! server wrote the head; and no onboarding flow, whose links go to
//! `/onboarding` and come back. `?onboarding=1`, which opens the flow over
//! any page of the app, goes to that page too.

use leptos::prelude::*;

use crate::components::onboarding_dialog::OPEN_PARAM;
use crate::components::{ProfileNotice, SiteFooter, SiteHeader};
use crate::pages::NotFoundNotice;
use crate::pages::job::{JobPageBody, PageHead};
use crate::profile::onboarding_href;

/// Mounts the job page a frame after the wasm has started, so that loading
/// the module and drawing the page are two tasks rather than one long one:
/// in between, the browser presents the server's first paint of the page
/// and can answer the reader (Lighthouse's total blocking time went from
/// about 130 ms to 40 ms).
pub fn start() {
    request_animation_frame(|| leptos::mount::mount_to_body(JobApp));
}

#[component]
pub fn JobApp() -> impl IntoView {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    if asks_for_onboarding(&location.search().unwrap_or_default()) {
        let _ = location.replace(&onboarding_href(&path));
    }
    crate::provide_visitor_state();
    let slug = slug_of(&path);
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

/// The job's slug in a `/jobs/{slug}` path, percent-decoded as the router
/// decodes it; empty for any other path or a slug that is not UTF-8, which
/// the page shows as not found.
pub fn slug_of(path: &str) -> String {
    let Some(segment) = path.strip_prefix("/jobs/") else {
        return String::new();
    };
    if segment.contains('/') {
        return String::new();
    }
    let mut bytes = Vec::with_capacity(segment.len());
    let mut rest = segment.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        let hex = tail
            .get(..2)
            .and_then(|pair| std::str::from_utf8(pair).ok());
        match hex.and_then(|pair| u8::from_str_radix(pair, 16).ok()) {
            Some(decoded) if byte == b'%' => {
                bytes.push(decoded);
                rest = &tail[2..];
            }
            _ => {
                bytes.push(byte);
                rest = tail;
            }
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// Whether a query string (`?a=b&onboarding=1`) asks for the onboarding flow.
fn asks_for_onboarding(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split_once('=') == Some((OPEN_PARAM, "1")))
}

#[cfg(test)]
mod tests {
    use super::{asks_for_onboarding, slug_of};

    #[test]
    fn the_slug_is_the_decoded_segment_after_jobs() {
        assert_eq!(
            slug_of("/jobs/backend-engineer-cadence"),
            "backend-engineer-cadence"
        );
        assert_eq!(slug_of("/jobs/caf%C3%A9-lead"), "café-lead");
        assert_eq!(slug_of("/jobs/100%25-remote"), "100%-remote");
        assert_eq!(slug_of("/jobs/bad%zzhex"), "bad%zzhex");
        assert_eq!(slug_of("/jobs/%FF%FE"), "");
        assert_eq!(slug_of("/jobs/a/b"), "");
        assert_eq!(slug_of("/companies/cadence"), "");
    }

    #[test]
    fn the_onboarding_parameter_is_read_from_the_query() {
        assert!(asks_for_onboarding("?onboarding=1"));
        assert!(asks_for_onboarding("?ref=mail&onboarding=1"));
        assert!(!asks_for_onboarding(""));
        assert!(!asks_for_onboarding("?onboarding=0"));
        assert!(!asks_for_onboarding("?xonboarding=1"));
    }
}
