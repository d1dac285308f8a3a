use ascend_types::QuestionAnswer;
use leptos::prelude::*;

use crate::profile::onboarding_href;
use crate::state::profile::use_profile_store;

/// Questions that open to their answers, one at a time or several. Each
/// question is a button inside a heading; its answer is a region the button
/// controls. Answers are for readers with a profile: without one, an open
/// question offers to join instead, and the answer is not in the page.
/// Renders nothing for an empty list.
#[component]
pub fn QaAccordion(
    /// The section's heading.
    #[prop(into)]
    heading: String,
    /// Prefix for the element ids, unique on the page: `faqs`, `interview`.
    id: &'static str,
    items: Vec<QuestionAnswer>,
    /// The page to come back to after onboarding, e.g. `/jobs/{slug}`.
    #[prop(into)]
    return_to: String,
) -> impl IntoView {
    if items.is_empty() {
        return ().into_any();
    }
    let heading_id = format!("{id}-heading");
    let join_href = onboarding_href(&return_to);
    let rows = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            view! { <QaItem id=format!("{id}-{index}") item join_href=join_href.clone() /> }
        })
        .collect_view();
    view! {
        <section class="qa" aria-labelledby=format!("{id}-heading")>
            <h2 id=heading_id class="qa__heading">{heading}</h2>
            <div class="qa__list">{rows}</div>
        </section>
    }
    .into_any()
}

#[component]
fn QaItem(id: String, item: QuestionAnswer, join_href: String) -> impl IntoView {
    let profile = use_profile_store();
    let (open, set_open) = signal(false);
    let button_id = format!("{id}-question");
    let panel_id = format!("{id}-answer");
    let QuestionAnswer { question, answer } = item;
    let answer = StoredValue::new(answer);
    let join_href = StoredValue::new(join_href);

    // Only what the reader may see is put in the page: the answer with a
    // profile, the invitation without one.
    let panel_body = move || {
        if profile.exists() {
            view! { <p class="qa__answer">{answer.get_value()}</p> }.into_any()
        } else {
            view! {
                <div class="qa__gate">
                    <p>"Answers are for readers with an Ascend profile."</p>
                    <a class="button button--primary qa__join" href=join_href.get_value()>
                        "Join Ascend to see the full answer"
                    </a>
                </div>
            }
            .into_any()
        }
    };

    view! {
        <div class="qa__item" class:qa__item--open=move || open.get()>
            <h3 class="qa__question">
                <button
                    type="button"
                    class="qa__toggle"
                    id=button_id.clone()
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=panel_id.clone()
                    on:click=move |_| set_open.update(|open| *open = !*open)
                >
                    <span class="qa__question-text">{question}</span>
                    <span class="qa__chevron" aria-hidden="true"></span>
                </button>
            </h3>
            <div
                class="qa__panel"
                id=panel_id
                role="region"
                aria-labelledby=button_id
                hidden=move || !open.get()
            >
                {panel_body}
            </div>
        </div>
    }
}
