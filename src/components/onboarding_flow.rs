use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::profile_fields::StepFields;
use ascend_types::wire::ONBOARDING_DRAFT_KEY;

use crate::onboarding::{Draft, SavedFlow, Step};
use crate::state::profile::use_profile_store;
use crate::state::storage::use_local_storage;

/// Today as `YYYY-MM-DD`, for the consent date.
fn today_iso() -> String {
    ascend_types::date::format_iso_date(crate::format::today())
}

/// The seven onboarding steps with Back, Skip and Next, a progress bar and
/// per-step validation. The draft and the current step are kept in
/// `localStorage` after every change, so an unfinished flow resumes where it
/// was left; finishing stores the profile (on this device only) and calls
/// `on_finish`.
#[component]
pub fn OnboardingFlow(
    /// The step heading's id, for a dialog's `aria-labelledby`.
    #[prop(into)]
    heading_id: String,
    on_finish: Callback<()>,
) -> impl IntoView {
    let store = use_profile_store();
    let kept = use_local_storage(ONBOARDING_DRAFT_KEY);
    // Drawn in the browser only (in `ClientOnly` or an opened dialog), so
    // the draft can be read before the first step is drawn.
    let (first_step, first_draft) = match SavedFlow::decode(kept.read_now().as_deref()) {
        Some(saved) => (saved.step, saved.draft),
        None => (
            Step::Welcome,
            store
                .profile
                .with_untracked(|p| p.as_ref().map(Draft::from_profile))
                .unwrap_or_default(),
        ),
    };
    let step = RwSignal::new(first_step);
    let draft = RwSignal::new(first_draft);
    // Messages show once Next was tried on this step, and then follow edits.
    let attempted = RwSignal::new(false);
    let finished = StoredValue::new(false);
    let errors = Memo::new(move |_| {
        if attempted.get() {
            draft.with(|d| step.get().validate(d))
        } else {
            Vec::new()
        }
    });

    Effect::new(move |_| {
        let saved = SavedFlow {
            step: step.get(),
            draft: draft.get(),
        };
        if !finished.get_value() {
            let _ = kept.set(Some(saved.encode()));
        }
    });

    let heading = NodeRef::<html::H2>::new();
    Effect::new(move |_| {
        step.track();
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });

    let form = NodeRef::<html::Form>::new();
    let focus_first_invalid = move || {
        request_animation_frame(move || {
            let invalid = form
                .get_untracked()
                .and_then(|form| form.query_selector("[aria-invalid=true]").ok().flatten());
            if let Some(field) = invalid {
                let _ = field.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    };

    let finish = move || {
        let profile = draft.get_untracked().to_profile(today_iso());
        finished.set_value(true);
        let _ = kept.set(None);
        store.save(profile);
        on_finish.run(());
    };
    let advance = move |from: Step| {
        attempted.set(false);
        match from.next() {
            Some(next) => step.set(next),
            None => finish(),
        }
    };
    let on_next = move || {
        let current = step.get_untracked();
        if draft.with_untracked(|d| current.validate(d)).is_empty() {
            advance(current);
        } else {
            attempted.set(true);
            focus_first_invalid();
        }
    };
    let on_skip = move |_| {
        let current = step.get_untracked();
        draft.update(|d| d.clear(current));
        advance(current);
    };
    let on_back = move |_| {
        if let Some(previous) = step.get_untracked().previous() {
            attempted.set(false);
            step.set(previous);
        }
    };

    let total = Step::ALL.len();
    let number = move || step.get().number();
    view! {
        <div class="onboarding">
            <div class="onboarding__progress">
                <p class="onboarding__count" aria-hidden="true">
                    {move || format!("Step {} of {total}", number())}
                </p>
                <div
                    class="progress"
                    role="progressbar"
                    aria-label="Profile set-up progress"
                    aria-valuemin="1"
                    aria-valuemax=total.to_string()
                    aria-valuenow=move || number().to_string()
                    aria-valuetext=move || format!("Step {} of {total}: {}", number(), step.get().section())
                >
                    <div class=move || format!("progress__bar fill-{}", number() * 100 / total)></div>
                </div>
            </div>
            <form
                class="onboarding__form"
                node_ref=form
                novalidate
                on:submit=move |event| {
                    event.prevent_default();
                    on_next();
                }
            >
                <h2 class="onboarding__heading" id=heading_id node_ref=heading tabindex="-1" autofocus>
                    {move || step.get().heading()}
                </h2>
                <div class="onboarding__body">
                    {move || {
                        let current = step.get();
                        view! { <StepFields step=current draft errors ids="onboarding" /> }
                    }}
                </div>
                <div class="onboarding__actions">
                    {move || {
                        step.get()
                            .previous()
                            .map(|_| {
                                view! {
                                    <button type="button" class="button onboarding__back" on:click=on_back>
                                        "Back"
                                    </button>
                                }
                            })
                    }}
                    <span class="onboarding__spacer"></span>
                    {move || {
                        step.get()
                            .optional()
                            .then(|| {
                                view! {
                                    <button type="button" class="button button--quiet" on:click=on_skip>
                                        "Skip"
                                    </button>
                                }
                            })
                    }}
                    <button type="submit" class="button button--primary">
                        {move || if step.get().next().is_some() { "Next" } else { "Finish" }}
                    </button>
                </div>
            </form>
        </div>
    }
}
