use ascend_types::Pager;
use leptos::prelude::*;

/// "Job 1 of 2 at Cadence", with links to the company's previous and next
/// open jobs. An end that has no job shows a disabled control rather than a
/// link to nowhere; a company with a single open job gets no pager at all.
#[component]
pub fn JobPager(
    pager: Pager,
    /// The company's name.
    #[prop(into)]
    company: String,
) -> impl IntoView {
    if pager.total <= 1 {
        return ().into_any();
    }
    let label = format!("Jobs at {company}");
    view! {
        <nav class="job-pager" aria-label=label>
            <PagerEnd slug=pager.previous rel="prev" text="Previous job" arrow="←" />
            <p class="job-pager__position">
                {format!("Job {} of {} at {company}", pager.position, pager.total)}
            </p>
            <PagerEnd slug=pager.next rel="next" text="Next job" arrow="→" />
        </nav>
    }
    .into_any()
}

#[component]
fn PagerEnd(
    slug: Option<String>,
    rel: &'static str,
    text: &'static str,
    arrow: &'static str,
) -> impl IntoView {
    let class = format!("job-pager__link job-pager__link--{rel}");
    let arrow = view! { <span class="job-pager__arrow" aria-hidden="true">{arrow}</span> };
    let (before, after) = if rel == "prev" {
        (Some(arrow), None)
    } else {
        (None, Some(arrow))
    };
    match slug {
        Some(slug) => view! {
            <a href=format!("/jobs/{slug}") class=class rel=rel>
                {before}<span>{text}</span>{after}
            </a>
        }
        .into_any(),
        None => view! {
            <span class=format!("{class} job-pager__link--disabled") role="link" aria-disabled="true">
                {before}<span>{text}</span>{after}
            </span>
        }
        .into_any(),
    }
}
