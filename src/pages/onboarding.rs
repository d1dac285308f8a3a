use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::{NavigateOptions, location::State};

use crate::components::{ClientOnly, OnboardingFlow};
use crate::onboarding::safe_next;
use crate::profile::FINISHED_STATE;

/// `/onboarding?next=/jobs/...`: the flow as a page; finishing returns to
/// `next` when it is a path on this site, else to `/profile`, which then
/// says what happens next.
#[component]
pub fn OnboardingPage() -> impl IntoView {
    let query = use_query_map();
    let next = Memo::new(move |_| {
        query.with(|q| q.get_str("next").and_then(safe_next).map(str::to_owned))
    });
    let navigate = send_wrapper::SendWrapper::new(use_navigate());
    let on_finish = Callback::new(move |()| {
        let to = next.get_untracked().unwrap_or_else(|| "/profile".into());
        let state = State::new(Some(wasm_bindgen::JsValue::from_str(FINISHED_STATE)));
        navigate(
            &to,
            NavigateOptions {
                state,
                ..NavigateOptions::default()
            },
        );
    });
    let leave = move || next.get().unwrap_or_else(|| "/jobs".into());

    view! {
        <Title text="Set up your profile" />
        <div class="onboarding-page">
            <h1 class="page-heading">"Set up your profile"</h1>
            <div class="onboarding-page__card">
                <ClientOnly fallback=|| view! { <div class="onboarding-page__pending" aria-busy="true"></div> }>
                    <OnboardingFlow heading_id="onboarding-heading" on_finish />
                </ClientOnly>
            </div>
            <p class="onboarding-page__leave">
                <A href=leave>"Not now"</A>
                " (your answers so far are kept in this browser)"
            </p>
        </div>
    }
}
