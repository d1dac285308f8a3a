//! Ascend's client-side app: the router, the layout, and the pages.

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
pub mod job_app;
pub mod match_scores;
pub mod matching;
pub mod onboarding;
pub mod pages;
pub mod profile;
pub mod profile_data;
pub mod profile_store;
pub mod saved_jobs;

use components::{OnboardingDialog, ProfileNotice, SiteFooter, SiteHeader, provide_onboarding};
use pages::{
    CompanyPage, JobPage, JobsPage, NotFoundPage, OnboardingPage, PrivacyPage, ProfilePage,
    TermsPage,
};
use profile_store::provide_profile_store;

/// What every page reads: the visitor's profile (read first: a damaged one
/// is removed, and the notice says so), saved jobs and currency rates.
pub fn provide_visitor_state() {
    let profile = provide_profile_store();
    let status = profile::provide_profile_status();
    Effect::new(move |_| status.set(profile.exists()));
    saved_jobs::provide_saved_jobs();
    match_scores::provide_shared_rates();
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_visitor_state();
    provide_onboarding();
    view! {
        <Title formatter=|page: String| if page.is_empty() { "Ascend".to_owned() } else { format!("{page} · Ascend") } />
        <Router>
            <Frame>
                <ProfileNotice />
                <Routes fallback=NotFoundPage>
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

/// The header, the main column and the footer around what the router shows.
#[component]
fn Frame(children: Children) -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <SiteHeader path />
        <main id="main" class="site-main" tabindex="-1">
            {children()}
        </main>
        <SiteFooter path />
    }
}
