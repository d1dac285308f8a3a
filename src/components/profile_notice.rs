use leptos::prelude::*;

use crate::state::profile::use_profile_store;

/// Says once that a stored profile could not be read and was removed.
#[component]
pub fn ProfileNotice() -> impl IntoView {
    let store = use_profile_store();
    move || {
        store.notice.get().map(|reason| {
            view! {
                <div class="profile-notice" role="status">
                    <p class="profile-notice__text">{reason}</p>
                    <div class="profile-notice__actions">
                        <a class="button button--small" href="/onboarding" on:click=move |_| store.notice.set(None)>
                            "Create a profile"
                        </a>
                        <button type="button" class="button button--small button--quiet" on:click=move |_| store.notice.set(None)>
                            "Dismiss"
                        </button>
                    </div>
                </div>
            }
        })
    }
}
