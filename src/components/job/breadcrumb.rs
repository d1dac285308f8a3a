use leptos::prelude::*;

/// "Jobs / the job's title": one line at every width; a long title ends in
/// an ellipsis and shows in full on hover.
#[component]
pub fn JobBreadcrumb(
    /// The current job's title.
    #[prop(into)]
    title: String,
) -> impl IntoView {
    let full_title = title.clone();
    view! {
        <nav class="job-breadcrumb" aria-label="Breadcrumb">
            <ol class="job-breadcrumb__list">
                <li class="job-breadcrumb__item"><a href="/jobs">"Jobs"</a></li>
                <li class="job-breadcrumb__item job-breadcrumb__item--current" aria-current="page" title=full_title>
                    {title}
                </li>
            </ol>
        </nav>
    }
}

/// Holds the breadcrumb's line while the job loads.
#[component]
pub fn JobBreadcrumbSkeleton() -> impl IntoView {
    view! {
        <div class="job-breadcrumb" aria-hidden="true">
            <span class="job-breadcrumb__skeleton skeleton"></span>
        </div>
    }
}
