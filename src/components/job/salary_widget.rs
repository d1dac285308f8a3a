use ascend_types::{MIN_ESTIMATE_SAMPLE, SalaryInfo};
use leptos::prelude::*;

use crate::figures::{
    HOURS_PER_WEEK, SalaryFigures, WEEKS_PER_YEAR, fixed, fraction_digits, initial_period,
    median_label, period_option, period_unit, source_label, switch_periods, thousands,
    use_money_format,
};

/// The job's pay: the headline median, a bar from minimum to maximum with the
/// median marked, where the figures come from, and a switch between yearly,
/// monthly and hourly amounts. Without figures it says why there are none.
#[component]
pub fn SalaryWidget(
    #[prop(into)] company_name: String,
    #[prop(optional_no_strip)] salary: Option<SalaryInfo>,
    /// A part-time job's hours are unknown: no hourly conversions.
    #[prop(optional)]
    part_time: bool,
) -> impl IntoView {
    let body = match salary {
        Some(info) => view! { <SalaryFiguresView info part_time /> }.into_any(),
        None => view! {
            <div class="salary__empty">
                <p class="salary__empty-title">"No salary to show"</p>
                <p>
                    {format!("{company_name} has not published a salary for this job, and Ascend has found fewer than {MIN_ESTIMATE_SAMPLE} similar jobs with pay, too few for an honest estimate.")}
                </p>
            </div>
        }
        .into_any(),
    };
    view! {
        <section class="salary" aria-labelledby="salary-heading">
            <h2 id="salary-heading" class="salary__heading">"Salary"</h2>
            {body}
        </section>
    }
}

#[component]
fn SalaryFiguresView(info: SalaryInfo, part_time: bool) -> impl IntoView {
    let periods = switch_periods(info.period, part_time);
    let first = initial_period(info.period);
    let first = if periods.contains(&first) {
        first
    } else {
        periods[0]
    };
    let (period, set_period) = signal(first);
    let currency = info.currency.clone();
    let info = StoredValue::new(info);
    let figures = Memo::new(move |_| info.with_value(|info| SalaryFigures::of(info, period.get())));
    let written = use_money_format();
    let money = move |amount: f64| written(amount, &currency, fraction_digits(period.get()));
    let money_min = money.clone();
    let money_max = money.clone();
    let source = info.with_value(|info| info.source);

    let options = periods
        .into_iter()
        .map(|option| {
            let id = format!("salary-period-{}", option.as_str());
            view! {
                <input
                    class="period-switch__input"
                    type="radio"
                    name="salary-period"
                    id=id.clone()
                    value=option.as_str()
                    checked=option == first
                    prop:checked=move || period.get() == option
                    on:change=move |_| set_period.set(option)
                />
                <label class="period-switch__label" for=id>{period_option(option)}</label>
            }
        })
        .collect_view();

    view! {
        <p class="salary__source">{info.with_value(source_label)}</p>
        <fieldset class="period-switch">
            <legend class="visually-hidden">"Show pay per"</legend>
            {options}
        </fieldset>
        <div class="salary__figures" aria-live="polite">
            <p class="salary__headline">
                <span class="salary__amount">{move || money(figures.get().median)}</span>
                <span class="salary__unit">{move || format!(" / {}", period_unit(period.get()))}</span>
            </p>
            <p class="salary__median-label">{median_label(source)}</p>
            <div class="salary__bar" aria-hidden="true">
                <span class=move || format!("salary__marker fill-{}", fixed(figures.get().median_position(), 0))></span>
            </div>
            <dl class="salary__range">
                <div class="salary__end">
                    <dt>"Minimum"</dt>
                    <dd class="salary__min">{move || money_min(figures.get().min)}</dd>
                </div>
                <div class="salary__end salary__end--max">
                    <dt>"Maximum"</dt>
                    <dd class="salary__max">{move || money_max(figures.get().max)}</dd>
                </div>
            </dl>
        </div>
        <p class="salary__assumption">
            {if part_time {
                "A part-time job: its hours are not given, so Ascend shows no hourly amounts. Monthly amounts are a twelfth of the yearly ones.".to_owned()
            } else {
                format!(
                    "Monthly amounts are a twelfth of the yearly ones; hourly amounts assume {HOURS_PER_WEEK} hours a week for {WEEKS_PER_YEAR} weeks ({} hours a year).",
                    thousands(HOURS_PER_WEEK * WEEKS_PER_YEAR)
                )
            }}
        </p>
        <details class="salary__about">
            <summary>"Where these figures come from"</summary>
            <p>
                <strong>"Employer's range"</strong>
                ": the employer published this pay range with the job. The headline is its midpoint."
            </p>
            <p>
                <strong>"Ascend estimate"</strong>
                {format!(
                    ": the employer published no pay, so Ascend looked at similar jobs (same kind of role, and where possible the same seniority and region) that did. The headline is their median; the range runs from the lowest tenth to the highest tenth. We only estimate from {MIN_ESTIMATE_SAMPLE} or more jobs."
                )}
            </p>
        </details>
    }
}
