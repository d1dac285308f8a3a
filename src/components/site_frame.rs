use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::profile::use_profile_store;

/// Moves focus to the main content. Handled here rather than by the browser
/// because the router takes over same-page links.
fn skip_to_content(event: leptos::ev::MouseEvent) {
    event.prevent_default();
    if let Some(main) = document().get_element_by_id("main") {
        let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// `aria-current="page"` for a link to `href` while the visitor is on it or
/// below it (`/jobs` on `/jobs/{slug}`), as the router's own links mark it.
fn current(path: Signal<String>, href: &'static str) -> impl Fn() -> Option<&'static str> {
    move || {
        path.with(|path| {
            (path == href
                || path
                    .strip_prefix(href)
                    .is_some_and(|rest| rest.starts_with('/')))
            .then_some("page")
        })
    }
}

/// The skip link and the site's header. Plain links: the app's router takes
/// them over, and the job page's own entry point loads the app for them.
#[component]
pub fn SiteHeader(
    /// The path being shown, to mark the current section.
    #[prop(into)]
    path: Signal<String>,
) -> impl IntoView {
    let profile = use_profile_store();
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_content>"Skip to content"</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a href="/jobs" class="brand">"Ascend"</a>
                <nav aria-label="Main">
                    <a href="/jobs" aria-current=current(path, "/jobs")>"Jobs"</a>
                    <a href="/saved" aria-current=current(path, "/saved")>"Saved"</a>
                    {move || if profile.exists() {
                        view! { <a href="/profile" aria-current=current(path, "/profile")>"Profile"</a> }.into_any()
                    } else {
                        view! { <a href="/onboarding" aria-current=current(path, "/onboarding")>"Get started"</a> }.into_any()
                    }}
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn SiteFooter(
    /// The path being shown, to mark the current page.
    #[prop(into)]
    path: Signal<String>,
) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p>"Ascend: jobs worth climbing for."</p>
                <nav class="site-footer__links" aria-label="About Ascend">
                    <a href="/terms" aria-current=current(path, "/terms")>"Terms of Service"</a>
                    <a href="/privacy" aria-current=current(path, "/privacy")>"Privacy Policy"</a>
                    <a href="/embed" aria-current=current(path, "/embed")>"Embed jobs"</a>
                </nav>
            </div>
        </footer>
    }
}
