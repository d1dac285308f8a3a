//! Ascend's client-side app: the router, the layout, and the pages.

use leptos::prelude::*;
use leptos_meta::{Title, provide_meta_context};
use leptos_router::components::{A, Redirect, Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;

pub mod api;
pub mod components;
pub mod embed;
pub mod figures;
pub mod format;
pub mod match_scores;
pub mod matching;
pub mod onboarding;
pub mod pages;
pub mod profile;
pub mod profile_data;
pub mod profile_store;
pub mod saved_jobs;

use components::{OnboardingDialog, ProfileNotice, provide_onboarding};
use pages::{
    CompanyPage, JobPage, JobsPage, NotFoundPage, OnboardingPage, PrivacyPage, ProfilePage,
    TermsPage,
};
use profile_store::provide_profile_store;

/// Moves focus to the main content. Handled here rather than by the browser
/// because the router takes over same-page links.
fn skip_to_content(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // The store reads first: it removes a damaged profile and says so.
    let profile = provide_profile_store();
    let status = profile::provide_profile_status();
    Effect::new(move |_| status.set(profile.exists()));
    provide_onboarding();
    saved_jobs::provide_saved_jobs();
    match_scores::provide_shared_rates();
    view! {
        <Title formatter=|page: String| if page.is_empty() { "Ascend".to_owned() } else { format!("{page} · Ascend") } />
        <Router>
            <a class="skip-link" href="#main" on:click=skip_to_content>"Skip to content"</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <A href="/jobs" attr:class="brand">"Ascend"</A>
                    <nav aria-label="Main">
                        <A href="/jobs">"Jobs"</A>
                        <A href="/saved">"Saved"</A>
                        {move || if profile.exists() {
                            view! { <A href="/profile">"Profile"</A> }.into_any()
                        } else {
                            view! { <A href="/onboarding">"Get started"</A> }.into_any()
                        }}
                    </nav>
                </div>
            </header>
            <main id="main" class="site-main" tabindex="-1">
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
            </main>
            <footer class="site-footer">
                <p>"Ascend: jobs worth climbing for."</p>
                <nav class="site-footer__links" aria-label="About Ascend"><A href="/terms">"Terms of Service"</A><A href="/privacy">"Privacy Policy"</A><A href="/embed">"Embed jobs"</A></nav>
            </footer>
            <OnboardingDialog />
        </Router>
    }
}
