//! Ascend's app: the router, the layout and the pages. The server renders
//! it (`ssr`) and the browser hydrates what the server sent (`hydrate`):
//! one set of components, drawn on both sides from the same [`PageData`].

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

pub mod api;
pub mod components;
pub mod embed;
pub mod figures;
pub mod format;
pub mod hydration;
pub mod job_app;
pub mod matching;
pub mod onboarding;
pub mod page_data;
pub mod pages;
pub mod profile;
pub mod profile_data;
pub mod routes;
pub mod state;

use components::{OnboardingDialog, ProfileNotice, SiteFooter, SiteHeader, provide_onboarding};
use page_data::{PageData, provide_page_data};
use pages::{
    CompanyPage, JobPage, JobsPage, NotFoundPage, OnboardingPage, PrivacyPage, ProfilePage,
    TermsPage,
};

/// The whole app, drawn from `data` at the address the router reads.
#[component]
pub fn App(data: PageData) -> impl IntoView {
    provide_page_data(data);
    provide_meta_context();
    state::provide_visitor_state();
    provide_onboarding();
    view! {
        <SiteTitle />
        <Router>
            <Frame>
                <ProfileNotice />
                <Routes fallback=|| view! { <NotFoundPage /> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/jobs" /> } />
                    <Route path=path!("/jobs") view=JobsPage />
                    <Route path=path!("/jobs/:slug") view=JobPage />
                    <Route path=path!("/saved") view=pages::SavedPage />
                    <Route path=path!("/companies/:slug") view=CompanyPage />
                    <Route path=path!("/terms") view=TermsPage />
                    <Route path=path!("/privacy") view=PrivacyPage />
                    <Route path=path!("/onboarding") view=OnboardingPage />
                    <Route path=path!("/profile") view=ProfilePage />
                    <Route path=path!("/embed") view=pages::EmbedDocsPage />
                </Routes>
            </Frame>
            <OnboardingDialog />
        </Router>
    }
}

/// How every page's title reads: "Backend Engineer at Cadence · Ascend".
#[component]
pub fn SiteTitle() -> impl IntoView {
    view! {
        <Title formatter=|page: String| if page.is_empty() { "Ascend".to_owned() } else { format!("{page} · Ascend") } />
    }
}

/// The header, the main column and the footer around what the router shows.
/// After a move to another page inside the app, focus goes to the new
/// page's heading, as a page load would start a screen reader there,
/// instead of staying on a link that is gone.
#[component]
fn Frame(children: Children) -> impl IntoView {
    let path = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let now = path.get();
        if previous.is_some_and(|before| before != now) {
            request_animation_frame(focus_page_heading);
        }
        now
    });
    view! {
        <SiteHeader path />
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
        <SiteFooter path />
    }
}

/// Focuses the main column's first heading (or the column itself).
fn focus_page_heading() {
    use wasm_bindgen::JsCast;
    let document = document();
    let target = document
        .query_selector("#main h1")
        .ok()
        .flatten()
        .or_else(|| document.get_element_by_id("main"));
    if let Some(target) = target {
        let target: web_sys::HtmlElement = target.unchecked_into();
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let _ = target.focus();
    }
}

/// The browser's entry point: adopts the page the server drew.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    let data = page_data::from_document::<PageData>();
    page_data::set_hydration_globals(&data);
    hydration::hydrate_body(move || view! { <App data /> });
}
