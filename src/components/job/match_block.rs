use ascend_types::JobDetail;
use leptos::prelude::*;

use crate::matching::{Effect as PartEffect, Match};
use crate::profile::onboarding_href;
use crate::state::profile::use_profile_store;
use crate::state::rates::{score_listed, use_shared_rates};

fn effect_word(effect: PartEffect) -> &'static str {
    match effect {
        PartEffect::Helped => "Helped",
        PartEffect::Neutral => "Neutral",
        PartEffect::Hurt => "Hurt",
        PartEffect::Unknown => "Not scored",
    }
}

/// The sidebar's match block: an invitation without a profile, the score
/// with its reasons with one. It keeps one height in every state, so the
/// sidebar does not move when the score arrives.
#[component]
pub fn MatchBlock(job: JobDetail) -> impl IntoView {
    let store = use_profile_store();
    let join_href = onboarding_href(&format!("/jobs/{}", job.slug));
    // Read only once there is a profile, so a visitor without one never
    // asks for the rates. Not a resource: a resource read here would make
    // the whole job page's <Transition> wait for them.
    let rates = use_shared_rates();
    let job = StoredValue::new(job);
    view! {
        <div class="match-block" aria-live="polite">
            <h3 class="company-side__label">"Your match"</h3>
            {move || match store.profile.get() {
                None => view! {
                    <p class="match-block__text">"Complete your profile to see your match"</p>
                    <a class="match-block__link" href=join_href.clone()>"Complete your profile"</a>
                }
                .into_any(),
                Some(profile) => match rates.get() {
                    None => view! { <p class="match-block__text">"Working out your match…"</p> }.into_any(),
                    Some(rates) => {
                        let result = job.with_value(|job| {
                            score_listed(
                                &profile.preferences(),
                                &job.title,
                                job.work_model,
                                &job.match_facts(),
                                rates.as_ref(),
                            )
                        });
                        view! { <MatchResult result /> }.into_any()
                    }
                },
            }}
        </div>
    }
}

#[component]
fn MatchResult(result: Match) -> impl IntoView {
    let headline = match (result.score, result.label()) {
        (Some(score), Some(label)) => view! {
            <p class="match-block__score">
                <span class="match-block__number">{score}</span>
                <span class="match-block__of">" / 100 "</span>
                <span class="match-block__label">{label}</span>
            </p>
        }
        .into_any(),
        _ => view! {
            <p class="match-block__text">"Add to your profile to see how you match"</p>
        }
        .into_any(),
    };
    let parts = result
        .parts
        .iter()
        .map(|part| {
            let effect = effect_word(part.effect);
            let class = format!("match-part match-part--{}", effect.to_lowercase().replace(' ', "-"));
            view! {
                <li class=class>
                    <strong>{part.kind.label()}</strong>
                    <span class="match-part__effect">{format!(" ({}): ", effect.to_lowercase())}</span>
                    {part.reason.clone()}
                </li>
            }
        })
        .collect_view();
    view! {
        {headline}
        <details class="match-block__details">
            <summary>"How you match"</summary>
            <p class="match-block__confidence">{result.confidence_label()}</p>
            <ul class="match-block__parts">{parts}</ul>
        </details>
    }
}
