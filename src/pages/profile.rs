use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::{JsCast, JsValue};

use crate::components::StepFields;
use crate::format::long_date;
use crate::onboarding::{DRAFT_KEY, Draft, Step, grouped_amount};
use crate::profile::{FINISHED_MESSAGE, FINISHED_STATE};
use crate::profile_data::Profile;
use crate::state::profile::use_profile_store;
use crate::state::storage::use_local_storage;

/// The name of the exported file.
pub const EXPORT_FILE: &str = "ascend-profile.json";

/// What the page's status line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageStatus {
    Quiet,
    /// Arrived from finishing onboarding: what happens next.
    Finished,
    Deleted,
}

/// `/profile`: the visitor's profile in sections, each editable with the
/// onboarding step's fields; export as a file; delete after a confirmation.
/// Arriving from the onboarding page (its history state says so), it says
/// the profile is saved and what it does now, with a way on to the jobs.
#[component]
pub fn ProfilePage() -> impl IntoView {
    let store = use_profile_store();
    let location = use_location();
    let status = RwSignal::new(PageStatus::Quiet);
    // In the browser only: the state is the browser's. Set a frame after the
    // (empty) live region is drawn, so that it is announced; the frame's
    // own move to the page heading keeps focus at the top of the page.
    Effect::new(move |_| {
        let finished = location.state.with_untracked(|state| {
            state.to_js_value().as_string().as_deref() == Some(FINISHED_STATE)
        });
        if finished {
            request_animation_frame(move || status.set(PageStatus::Finished));
        }
    });
    let deleted = Callback::new(move |()| status.set(PageStatus::Deleted));
    view! {
        <Title text="Your profile" />
        <div class="profile-page">
            <h1 class="page-heading">"Your profile"</h1>
            <div class="profile-page__status" role="status">
                {move || match status.get() {
                    PageStatus::Finished if store.exists() => Some(view! {
                        <div class="profile-saved">
                            <p class="profile-saved__text">{FINISHED_MESSAGE}</p>
                            <A href="/jobs" attr:class="button button--primary">"Browse jobs"</A>
                        </div>
                    }.into_any()),
                    PageStatus::Deleted => Some(view! {
                        <p class="profile-page__deleted">"Your profile was deleted from this browser."</p>
                    }.into_any()),
                    _ => None,
                }}
            </div>
            {move || match store.profile.get() {
                _ if !store.loaded() => view! { <div class="profile-page__pending" aria-busy="true"></div> }.into_any(),
                Some(profile) => view! { <ProfileView profile deleted /> }.into_any(),
                None => view! { <NoProfile /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn NoProfile() -> impl IntoView {
    view! {
        <section class="profile-empty">
            <p>
                "You have no profile yet. Answer a few questions and every job will show how well "
                "it fits you. Your answers stay in this browser."
            </p>
            <A href="/onboarding?next=/profile" attr:class="button button--primary">"Get started"</A>
        </section>
    }
}

#[component]
fn ProfileView(profile: Profile, deleted: Callback<()>) -> impl IntoView {
    let store = use_profile_store();
    let editing = RwSignal::new(None::<Step>);
    let confirming = RwSignal::new(false);
    let export_failed = RwSignal::new(false);
    let agreed_on = profile.agreed_on.clone();

    let on_export = {
        let profile = profile.clone();
        move |_| export_failed.set(download_json(&profile).is_err())
    };
    let draft = use_local_storage(DRAFT_KEY);
    let on_delete = move |_| {
        let _ = draft.set(None);
        deleted.run(());
        store.delete();
    };

    let sections = Step::ALL
        .into_iter()
        .filter(|step| *step != Step::Welcome)
        .map(|step| view! { <ProfileSection step profile=profile.clone() editing /> })
        .collect_view();

    view! {
        <p class="profile-page__intro">
            "Kept only in this browser and never sent to Ascend. You accepted the terms on "
            {long_date(&agreed_on)} "."
        </p>
        <div class="profile-sections">{sections}</div>
        <section class="profile-actions" aria-labelledby="profile-actions-heading">
            <h2 id="profile-actions-heading" class="profile-section__heading">"Your data"</h2>
            <p>"Download your profile as a JSON file, or delete it from this browser."</p>
            <div class="profile-actions__buttons">
                <button type="button" class="button" on:click=on_export>"Download as JSON"</button>
                <button
                    type="button"
                    class="button button--danger"
                    aria-expanded=move || confirming.get().to_string()
                    aria-controls="profile-delete-confirm"
                    on:click=move |_| confirming.set(true)
                >
                    "Delete profile"
                </button>
            </div>
            {move || export_failed.get().then(|| view! {
                <p class="field__error" role="alert">"The download could not start in this browser."</p>
            })}
            <div id="profile-delete-confirm" class="profile-delete" hidden=move || !confirming.get()>
                <p id="profile-delete-question">
                    "Delete your profile from this browser? Match scores and gated answers go away, and this cannot be undone."
                </p>
                <div class="profile-actions__buttons" role="group" aria-labelledby="profile-delete-question">
                    <button type="button" class="button button--danger-solid" on:click=on_delete>
                        "Yes, delete it"
                    </button>
                    <button type="button" class="button" on:click=move |_| confirming.set(false)>
                        "Keep it"
                    </button>
                </div>
            </div>
        </section>
    }
}

/// One part of the profile, shown as text, or edited with its step's fields.
#[component]
fn ProfileSection(step: Step, profile: Profile, editing: RwSignal<Option<Step>>) -> impl IntoView {
    let store = use_profile_store();
    let heading_id = format!(
        "profile-section-{}",
        step.section().to_lowercase().replace(' ', "-")
    );
    let is_editing = move || editing.get() == Some(step);
    let draft = RwSignal::new(Draft::from_profile(&profile));
    let attempted = RwSignal::new(false);
    let errors = Memo::new(move |_| {
        if attempted.get() {
            draft.with(|d| step.validate(d))
        } else {
            Vec::new()
        }
    });
    let agreed_on = StoredValue::new(profile.agreed_on.clone());
    let focus_heading = {
        let id = heading_id.clone();
        move || {
            let id = id.clone();
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&id) {
                    let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            })
        }
    };
    let save = {
        let focus_heading = focus_heading.clone();
        move |draft_now: Draft| {
            store.save(draft_now.to_profile(agreed_on.get_value()));
            editing.set(None);
            focus_heading();
        }
    };
    let on_submit = {
        let save = save.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            attempted.set(true);
            if draft.with_untracked(|d| step.validate(d)).is_empty() {
                save(draft.get_untracked());
            }
        }
    };
    let on_clear = {
        let save = save.clone();
        move |_| {
            let mut cleared = draft.get_untracked();
            cleared.clear(step);
            save(cleared);
        }
    };
    let on_cancel = {
        let focus_heading = focus_heading.clone();
        let profile = profile.clone();
        move |_| {
            draft.set(Draft::from_profile(&profile));
            attempted.set(false);
            editing.set(None);
            focus_heading();
        }
    };
    let on_edit = move |_| {
        attempted.set(false);
        editing.set(Some(step));
    };

    let summary = summarise(step, &profile);
    let title = step.section();
    let labelled_by = heading_id.clone();
    view! {
        <section class="profile-section" aria-labelledby=labelled_by>
            <div class="profile-section__top">
                <h2 class="profile-section__heading" id=heading_id tabindex="-1">{title}</h2>
                <Show when=move || !is_editing()>
                    <button
                        type="button"
                        class="button button--small"
                        aria-label=format!("Edit {}", title.to_lowercase())
                        on:click=on_edit
                    >
                        "Edit"
                    </button>
                </Show>
            </div>
            <Show
                when=is_editing
                fallback={
                    let summary = summary.clone();
                    move || view! { <Summary summary=summary.clone() /> }
                }
            >
                <form class="profile-section__form" novalidate on:submit=on_submit.clone()>
                    <StepFields step draft errors ids="profile" />
                    <div class="profile-section__buttons">
                        <button type="submit" class="button button--primary">"Save"</button>
                        {step.optional().then(|| view! {
                            <button type="button" class="button" on:click=on_clear.clone()>"Clear"</button>
                        })}
                        <button type="button" class="button button--quiet" on:click=on_cancel.clone()>"Cancel"</button>
                    </div>
                </form>
            </Show>
        </section>
    }
}

/// What a section shows when it is not being edited.
#[derive(Clone)]
enum SectionSummary {
    Chips(Vec<String>),
    Lines(Vec<(&'static str, String)>),
    Text(String),
    Empty,
}

fn summarise(step: Step, profile: &Profile) -> SectionSummary {
    let list = |items: &[String]| {
        if items.is_empty() {
            "Any".to_owned()
        } else {
            items.join(", ")
        }
    };
    match step {
        Step::Welcome => SectionSummary::Empty,
        Step::Roles if !profile.roles.is_empty() => SectionSummary::Chips(profile.roles.clone()),
        Step::Skills if !profile.skills.is_empty() => SectionSummary::Chips(profile.skills.clone()),
        Step::Level => match profile.seniority {
            Some(level) => SectionSummary::Text(level.label().to_owned()),
            None => SectionSummary::Empty,
        },
        Step::Place
            if !profile.work_models.is_empty()
                || !profile.locations.is_empty()
                || !profile.remote_regions.is_empty() =>
        {
            let models: Vec<String> = profile
                .work_models
                .iter()
                .map(|m| m.label().to_owned())
                .collect();
            SectionSummary::Lines(vec![
                ("Ways of working", list(&models)),
                ("Places", list(&profile.locations)),
                ("Remote regions", list(&profile.remote_regions)),
            ])
        }
        Step::Salary => match &profile.salary {
            Some(salary) => SectionSummary::Text(format!(
                "{} {} per {}",
                grouped_amount(salary.amount),
                salary.currency,
                salary.period.as_str()
            )),
            None => SectionSummary::Empty,
        },
        Step::Status => match profile.status {
            Some(status) => SectionSummary::Text(status.label().to_owned()),
            None => SectionSummary::Empty,
        },
        _ => SectionSummary::Empty,
    }
}

#[component]
fn Summary(summary: SectionSummary) -> impl IntoView {
    match summary {
        SectionSummary::Chips(items) => view! {
            <ul class="chip-list">
                {items.into_iter().map(|item| view! { <li class="chip">{item}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
        SectionSummary::Lines(lines) => view! {
            <dl class="profile-section__lines">
                {lines
                    .into_iter()
                    .map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value}</dd></div> })
                    .collect_view()}
            </dl>
        }
        .into_any(),
        SectionSummary::Text(text) => view! { <p class="profile-section__text">{text}</p> }.into_any(),
        SectionSummary::Empty => view! { <p class="profile-section__empty">"Not given"</p> }.into_any(),
    }
}

/// Saves the profile as a JSON file through a Blob link; nothing is uploaded.
fn download_json(profile: &Profile) -> Result<(), JsValue> {
    let text =
        serde_json::to_string_pretty(profile).map_err(|e| JsValue::from_str(&e.to_string()))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(EXPORT_FILE);
    link.click();
    // Give the browser a moment to start the download before freeing the URL.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(5),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ascend_types::{SalaryPeriod, Seniority};

    #[test]
    fn amounts_are_grouped_for_reading() {
        assert_eq!(grouped_amount(65_000.0), "65,000");
        assert_eq!(grouped_amount(1_234_567.5), "1,234,567.50");
        assert_eq!(grouped_amount(950.0), "950");
    }

    #[test]
    fn sections_summarise_what_is_given() {
        let mut profile = Profile::new("2026-11-26".into());
        assert!(matches!(
            summarise(Step::Roles, &profile),
            SectionSummary::Empty
        ));
        profile.seniority = Some(Seniority::Staff);
        profile.salary = Some(crate::profile_data::StoredSalary {
            amount: 95_000.0,
            currency: "EUR".into(),
            period: SalaryPeriod::Year,
        });
        match summarise(Step::Salary, &profile) {
            SectionSummary::Text(text) => assert_eq!(text, "95,000 EUR per year"),
            _ => panic!("a salary line"),
        }
        match summarise(Step::Level, &profile) {
            SectionSummary::Text(text) => assert_eq!(text, "Staff"),
            _ => panic!("a level"),
        }
    }
}
