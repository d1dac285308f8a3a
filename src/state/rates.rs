//! Match scores for jobs in lists and on cards, worked out on this device
//! from the stored profile and the currency rates the API publishes. The
//! rates are fetched once per visit, when the first score needs them; the
//! request carries nothing of the visitor.

use ascend_types::{CurrencyRates, JobSummary, MatchFacts, WorkModel};
use leptos::prelude::*;

use crate::api;
use crate::matching::{self, JobFacts, Match, Preferences};
use crate::state::profile::ProfileStore;

/// `None` until the rates are asked for and answered; `Some(None)` when
/// they could not be had, and scores leave salary out.
#[derive(Debug, Clone, Copy)]
pub struct SharedRates {
    rates: RwSignal<Option<Option<CurrencyRates>>>,
    wanted: RwSignal<bool>,
}

impl SharedRates {
    fn new() -> SharedRates {
        let shared = SharedRates {
            rates: RwSignal::new(None),
            wanted: RwSignal::new(false),
        };
        // Fetched in the browser once something asks, never on the server.
        Effect::new(move |fetched: Option<bool>| {
            if fetched == Some(true) || !shared.wanted.get() || !crate::hydration::adopted() {
                return fetched.unwrap_or(false);
            }
            leptos::task::spawn_local(async move {
                shared.rates.set(Some(api::currency_rates().await.ok()));
            });
            true
        });
        shared
    }

    /// The rates; tracked, so a view reading it updates when they arrive.
    /// The first call asks for them.
    pub fn get(&self) -> Option<Option<CurrencyRates>> {
        if !self.wanted.get_untracked() {
            self.wanted.set(true);
        }
        self.rates.get()
    }
}

/// Provided once from `App`, so every list and card shares one fetch.
pub fn provide_shared_rates() {
    provide_context(SharedRates::new());
}

/// The app's rates, or rates of one's own where there is no `App` (a
/// component mounted alone in a test).
pub fn use_shared_rates() -> SharedRates {
    use_context().unwrap_or_else(|| {
        let rates = SharedRates::new();
        provide_context(rates);
        rates
    })
}

/// Scores a listed job; rates that could not be had leave salary out.
pub fn score_listed(
    prefs: &Preferences,
    title: &str,
    work_model: WorkModel,
    facts: &MatchFacts,
    rates: Option<&CurrencyRates>,
) -> Match {
    let none = CurrencyRates {
        base: "USD".into(),
        rates: Default::default(),
    };
    matching::score(
        prefs,
        &JobFacts::listed(title, work_model, facts),
        rates.unwrap_or(&none),
    )
}

/// A job's score as a small pill: "Match 82", read as "Match score 82 out
/// of 100: strong match". Nothing without a profile; while the rates load
/// it holds its place with the same size.
#[component]
pub fn MatchBadge(title: String, work_model: WorkModel, facts: MatchFacts) -> impl IntoView {
    let store = use_context::<ProfileStore>();
    let rates = use_shared_rates();
    move || {
        let profile = store?.profile.get()?;
        Some(match rates.get() {
            None => view! {
                <span class="match-badge match-badge--pending" aria-hidden="true">"Match …"</span>
            }
            .into_any(),
            Some(rates) => {
                let result = score_listed(
                    &profile.preferences(),
                    &title,
                    work_model,
                    &facts,
                    rates.as_ref(),
                );
                match (result.score, result.label()) {
                    (Some(score), Some(label)) => {
                        let tone = if score >= 60 { "high" } else if score >= 40 { "mid" } else { "low" };
                        view! {
                            <span class={format!("match-badge match-badge--{tone}")}>
                                <span aria-hidden="true">{format!("Match {score}")}</span>
                                <span class="visually-hidden">
                                    {format!("Match score {score} out of 100: {}", label.to_lowercase())}
                                </span>
                            </span>
                        }
                        .into_any()
                    }
                    _ => view! {
                        <span class="match-badge match-badge--none">
                            <span aria-hidden="true">"No score"</span>
                            <span class="visually-hidden">"No match score: your profile has nothing to compare with this job yet"</span>
                        </span>
                    }
                    .into_any(),
                }
            }
        })
    }
}

/// Orders jobs by the visitor's score, best first; jobs without a score go
/// last, and equal scores keep the order given (newest first).
pub fn rank_for_you(
    jobs: Vec<JobSummary>,
    prefs: &Preferences,
    rates: Option<&CurrencyRates>,
) -> Vec<JobSummary> {
    let mut scored: Vec<(Option<u8>, JobSummary)> = jobs
        .into_iter()
        .map(|job| {
            let score = score_listed(prefs, &job.title, job.work_model, &job.facts, rates).score;
            (score, job)
        })
        .collect();
    scored.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    scored.into_iter().map(|(_, job)| job).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ascend_types::{CompanyRef, EmploymentType, Seniority};

    fn job(slug: &str, title: &str, skills: &[&str], work_model: WorkModel) -> JobSummary {
        JobSummary {
            slug: slug.into(),
            title: title.into(),
            company: CompanyRef {
                slug: "acme".into(),
                name: "Acme".into(),
            },
            location: "Berlin, Germany".into(),
            work_model,
            employment_type: EmploymentType::FullTime,
            posted_on: "2026-11-20".into(),
            facts: MatchFacts {
                skills: skills.iter().map(|s| (*s).to_owned()).collect(),
                seniority: Some(Seniority::Senior),
                locations: vec!["Berlin, Germany".into()],
                ..MatchFacts::default()
            },
        }
    }

    fn slugs(jobs: &[JobSummary]) -> Vec<&str> {
        jobs.iter().map(|j| j.slug.as_str()).collect()
    }

    #[test]
    fn for_you_puts_the_best_match_first_and_keeps_ties_in_order() {
        let prefs = Preferences {
            roles: vec!["Backend engineer".into()],
            skills: vec!["Rust".into(), "PostgreSQL".into(), "Kafka".into()],
            seniority: Some(Seniority::Senior),
            work_models: vec![WorkModel::Remote],
            ..Preferences::default()
        };
        let jobs = vec![
            job(
                "designer",
                "Product designer",
                &["Figma"],
                WorkModel::OnSite,
            ),
            job(
                "backend-a",
                "Backend engineer",
                &["Rust", "PostgreSQL", "Kafka"],
                WorkModel::Remote,
            ),
            job(
                "backend-b",
                "Backend engineer",
                &["Rust", "PostgreSQL", "Kafka"],
                WorkModel::Remote,
            ),
            job(
                "partial",
                "Backend engineer",
                &["Go", "PostgreSQL"],
                WorkModel::Hybrid,
            ),
        ];
        let ranked = rank_for_you(jobs, &prefs, None);
        assert_eq!(
            slugs(&ranked),
            ["backend-a", "backend-b", "partial", "designer"]
        );
    }

    #[test]
    fn jobs_without_a_score_go_last() {
        // An empty profile judges nothing, so no job gets a score.
        let jobs = vec![
            job("a", "A", &[], WorkModel::Remote),
            job("b", "B", &[], WorkModel::Remote),
        ];
        let ranked = rank_for_you(jobs, &Preferences::default(), None);
        assert_eq!(slugs(&ranked), ["a", "b"]);
        let one = Preferences {
            skills: vec!["Rust".into()],
            ..Preferences::default()
        };
        let jobs = vec![
            job("none", "A", &[], WorkModel::Remote),
            job("rust", "B", &["Rust"], WorkModel::Remote),
        ];
        assert_eq!(slugs(&rank_for_you(jobs, &one, None)), ["rust", "none"]);
    }
}
