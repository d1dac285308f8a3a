//! The fields of each onboarding step, shared by the flow and the `/profile`
//! page's editors. Each edits a `Draft` and shows the step's validation
//! messages beside the field they concern.

use ascend_types::{SalaryPeriod, Seniority, WorkModel};
use leptos::prelude::*;

use crate::api;
use crate::components::chip_input::{ChipInput, SuggestKind};
use crate::onboarding::{Draft, Field, FieldError, REMOTE_REGIONS, SALARY_PERIODS, message_for};
use crate::profile_data::SearchStatus;

/// Shown while the currency list loads or when it cannot be fetched.
const FALLBACK_CURRENCIES: [&str; 3] = ["EUR", "USD", "GBP"];

fn message(errors: Signal<Vec<FieldError>>, field: Field) -> Signal<Option<&'static str>> {
    Signal::derive(move || errors.with(|e| message_for(e, field)))
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T, on: bool) {
    let present = list.contains(&item);
    if on && !present {
        list.push(item);
    } else if !on {
        list.retain(|x| *x != item);
    }
}

/// A validation message with the id fields point to.
#[component]
fn FieldMessage(id: String, message: Signal<Option<&'static str>>) -> impl IntoView {
    move || {
        message
            .get()
            .map(|text| view! { <p class="field__error" id=id.clone()>{text}</p> })
    }
}

/// Step 1: what Ascend does with the profile, and the consent that Next gives.
#[component]
pub fn WelcomeStep() -> impl IntoView {
    view! {
        <div class="onboarding__welcome">
            <p>
                "Answer a few questions and Ascend will tell you, on every job, how well it fits "
                "you and why. It takes about two minutes, and you can skip the questions you "
                "would rather not answer."
            </p>
            <p>
                "Your answers stay in this browser. They are never sent to Ascend's servers: "
                "the match is worked out on your device, and you can download or delete your "
                "profile at any time."
            </p>
            <p class="onboarding__consent">
                "By choosing Next you accept our "
                <a href="/terms" target="_blank" rel="noopener">
                    "Terms of Service"<span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
                " and our "
                <a href="/privacy" target="_blank" rel="noopener">
                    "Privacy Policy"<span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
                "."
            </p>
        </div>
    }
}

#[component]
pub fn RolesField(
    draft: RwSignal<Draft>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    ids: &'static str,
) -> impl IntoView {
    view! {
        <ChipInput
            id=format!("{ids}-roles")
            label="Roles you want"
            hint="Type a job title and press Enter; add as many as you like."
            chips=Signal::derive(move || draft.with(|d| d.roles.clone()))
            set_chips=Callback::new(move |roles| draft.update(|d| d.roles = roles))
            suggest=SuggestKind::Titles
            error=message(errors, Field::Roles)
        />
    }
}

#[component]
pub fn SkillsField(draft: RwSignal<Draft>, ids: &'static str) -> impl IntoView {
    view! {
        <ChipInput
            id=format!("{ids}-skills")
            label="Your skills"
            hint="Press Enter or type a comma after each skill. Backspace removes the last one."
            chips=Signal::derive(move || draft.with(|d| d.skills.clone()))
            set_chips=Callback::new(move |skills| draft.update(|d| d.skills = skills))
            suggest=SuggestKind::Skills
        />
    }
}

#[component]
pub fn LevelField(
    draft: RwSignal<Draft>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    ids: &'static str,
) -> impl IntoView {
    view! {
        <RadioChoices
            legend="Experience level"
            name=format!("{ids}-level")
            layout="grid"
            options=Seniority::ALL.iter().map(|l| (*l, l.as_str(), l.label())).collect()
            selected=Signal::derive(move || draft.with(|d| d.seniority))
            on_pick=Callback::new(move |level| draft.update(|d| d.seniority = Some(level)))
            error=message(errors, Field::Seniority)
        />
    }
}

/// One choice among `options` (value, form value, label): a fieldset of
/// radio buttons with the field's validation message beside them.
#[component]
fn RadioChoices<T>(
    legend: &'static str,
    /// The radios' shared name; the message's id derives from it.
    name: String,
    /// `grid` or `column`.
    layout: &'static str,
    options: Vec<(T, &'static str, &'static str)>,
    selected: Signal<Option<T>>,
    on_pick: Callback<T>,
    error: Signal<Option<&'static str>>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let error_id = format!("{name}-error");
    let described = {
        let id = error_id.clone();
        move || error.get().map(|_| id.clone())
    };
    view! {
        <fieldset class="choice-group" aria-describedby=described>
            <legend class="field__label">{legend}</legend>
            <div class=format!("choice-group__options choice-group__options--{layout}")>
                {options
                    .into_iter()
                    .map(|(option, value, label)| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name=name.clone()
                                    value=value
                                    aria-invalid=move || error.get().is_some().to_string()
                                    prop:checked=move || selected.get() == Some(option)
                                    on:change=move |_| on_pick.run(option)
                                />
                                <span>{label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <FieldMessage id=error_id message=error />
        </fieldset>
    }
}

#[component]
pub fn PlaceField(
    draft: RwSignal<Draft>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    ids: &'static str,
) -> impl IntoView {
    let models_error = message(errors, Field::WorkModels);
    let models_error_id = format!("{ids}-models-error");
    let described = {
        let id = models_error_id.clone();
        move || models_error.get().map(|_| id.clone())
    };
    view! {
        <fieldset class="choice-group" aria-describedby=described>
            <legend class="field__label">"Ways of working"</legend>
            <div class="choice-group__options">
                {WorkModel::ALL
                    .into_iter()
                    .map(|model| {
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    value=model.label()
                                    aria-invalid=move || models_error.get().is_some().to_string()
                                    prop:checked=move || draft.with(|d| d.work_models.contains(&model))
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        draft.update(|d| toggle(&mut d.work_models, model, on));
                                    }
                                />
                                <span>{model.label()}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
            <FieldMessage id=models_error_id message=models_error />
        </fieldset>
        <ChipInput
            id=format!("{ids}-locations")
            label="Cities or countries"
            hint="For hybrid and on-site jobs. Press Enter after each place."
            chips=Signal::derive(move || draft.with(|d| d.locations.clone()))
            set_chips=Callback::new(move |places| draft.update(|d| d.locations = places))
            suggest=SuggestKind::Locations
            error=message(errors, Field::Locations)
        />
        <fieldset class="choice-group">
            <legend class="field__label">"Regions you can work remotely from"</legend>
            <div class="choice-group__options choice-group__options--grid">
                {REMOTE_REGIONS
                    .into_iter()
                    .map(|region| {
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    value=region
                                    prop:checked=move || draft.with(|d| d.remote_regions.iter().any(|r| r == region))
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        draft.update(|d| toggle(&mut d.remote_regions, region.to_owned(), on));
                                    }
                                />
                                <span>{region}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </div>
        </fieldset>
    }
}

fn period_label(period: SalaryPeriod) -> &'static str {
    match period {
        SalaryPeriod::Year => "Per year",
        SalaryPeriod::Month => "Per month",
        SalaryPeriod::Week => "Per week",
        SalaryPeriod::Day => "Per day",
        SalaryPeriod::Hour => "Per hour",
    }
}

#[component]
pub fn SalaryField(
    draft: RwSignal<Draft>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    ids: &'static str,
) -> impl IntoView {
    let rates = LocalResource::new(api::currency_rates);
    let currencies = move || {
        let mut codes: Vec<String> = match rates.get() {
            Some(Ok(rates)) => std::iter::once(rates.base.clone())
                .chain(rates.rates.keys().cloned())
                .collect(),
            _ => FALLBACK_CURRENCIES.map(String::from).into(),
        };
        let current = draft.with(|d| d.salary_currency.clone());
        if !current.is_empty() {
            codes.push(current);
        }
        codes.sort();
        codes.dedup();
        codes
    };

    let amount_error = message(errors, Field::SalaryAmount);
    let currency_error = message(errors, Field::SalaryCurrency);
    // What the amount was understood to say, beside it as the visitor
    // types ("Read as 75,000 EUR a year."), unless a message is shown.
    let read_as = Signal::derive(move || {
        if amount_error.get().is_some() {
            None
        } else {
            draft.with(Draft::salary_read_as)
        }
    });
    let amount_id = format!("{ids}-salary-amount");
    let amount_error_id = format!("{amount_id}-error");
    let amount_hint_id = format!("{amount_id}-hint");
    let amount_read_id = format!("{amount_id}-read");
    let currency_id = format!("{ids}-salary-currency");
    let currency_error_id = format!("{currency_id}-error");
    let period_id = format!("{ids}-salary-period");
    let amount_described = {
        let (read_id, hint, error_id) = (
            amount_read_id.clone(),
            amount_hint_id.clone(),
            amount_error_id.clone(),
        );
        move || {
            let mut ids = Vec::new();
            if read_as.with(Option::is_some) {
                ids.push(read_id.as_str());
            }
            ids.push(hint.as_str());
            if amount_error.with(Option::is_some) {
                ids.push(error_id.as_str());
            }
            ids.join(" ")
        }
    };
    let currency_described = {
        let id = currency_error_id.clone();
        move || currency_error.get().map(|_| id.clone())
    };
    view! {
        <div class="salary-fields">
            <div class="field salary-fields__amount">
                <label class="field__label" for=amount_id.clone()>"Amount before tax"</label>
                <input
                    id=amount_id
                    class="field__input"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-invalid=move || amount_error.get().is_some().to_string()
                    aria-describedby=amount_described
                    prop:value=move || draft.with(|d| d.salary_amount.clone())
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        draft.update(|d| d.set_salary_text(value));
                    }
                />
                {move || {
                    read_as
                        .get()
                        .map(|text| {
                            view! { <p class="field__read-as" id=amount_read_id.clone()>{text}</p> }
                        })
                }}
                <p class="field__hint" id=amount_hint_id>
                    "For example 65000, 65.000 or 65k a year, or 40 an hour."
                </p>
                <FieldMessage id=amount_error_id message=amount_error />
            </div>
            <div class="field">
                <label class="field__label" for=currency_id.clone()>"Currency"</label>
                <select
                    id=currency_id
                    class="field__input"
                    aria-invalid=move || currency_error.get().is_some().to_string()
                    aria-describedby=currency_described
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        draft.update(|d| d.salary_currency = value);
                    }
                >
                    {move || {
                        let current = draft.with(|d| d.salary_currency.clone());
                        currencies()
                            .into_iter()
                            .map(|code| {
                                let selected = code == current;
                                let text = code.clone();
                                // The property too: a currency typed with the
                                // amount ("€75k") chooses it after the visitor
                                // has used the list, when the attribute no
                                // longer would.
                                view! {
                                    <option value=code selected=selected prop:selected=selected>
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
                <FieldMessage id=currency_error_id message=currency_error />
            </div>
            <div class="field">
                <label class="field__label" for=period_id.clone()>"Period"</label>
                <select
                    id=period_id
                    class="field__input"
                    on:change=move |event| {
                        let value = event_target_value(&event);
                        if let Some(period) = SalaryPeriod::parse(&value) {
                            draft.update(|d| d.salary_period = period);
                        }
                    }
                >
                    {SALARY_PERIODS
                        .into_iter()
                        .map(|period| {
                            view! {
                                <option
                                    value=period.as_str()
                                    selected=move || draft.with(|d| d.salary_period == period)
                                    prop:selected=move || draft.with(|d| d.salary_period == period)
                                >
                                    {period_label(period)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
    }
}

#[component]
pub fn StatusField(
    draft: RwSignal<Draft>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    ids: &'static str,
) -> impl IntoView {
    view! {
        <RadioChoices
            legend="Where you are in your search"
            name=format!("{ids}-status")
            layout="column"
            options=SearchStatus::ALL.iter().map(|s| (*s, s.as_str(), s.label())).collect()
            selected=Signal::derive(move || draft.with(|d| d.status))
            on_pick=Callback::new(move |status| draft.update(|d| d.status = Some(status)))
            error=message(errors, Field::Status)
        />
    }
}

/// The fields of `step`, for the flow and the profile editors.
#[component]
pub fn StepFields(
    step: crate::onboarding::Step,
    draft: RwSignal<Draft>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    ids: &'static str,
) -> impl IntoView {
    use crate::onboarding::Step;
    match step {
        Step::Welcome => view! { <WelcomeStep /> }.into_any(),
        Step::Roles => view! { <RolesField draft errors ids /> }.into_any(),
        Step::Skills => view! { <SkillsField draft ids /> }.into_any(),
        Step::Level => view! { <LevelField draft errors ids /> }.into_any(),
        Step::Place => view! { <PlaceField draft errors ids /> }.into_any(),
        Step::Salary => view! { <SalaryField draft errors ids /> }.into_any(),
        Step::Status => view! { <StatusField draft errors ids /> }.into_any(),
    }
}
