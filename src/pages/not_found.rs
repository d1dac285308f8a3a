use leptos::prelude::*;

use crate::components::NoticeHead;
use crate::pages::NOT_FOUND_TITLE;

/// What could not be found, for the words of the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Missing {
    /// An address the site does not have.
    #[default]
    Page,
    /// A job that is not, or no longer, on Ascend.
    Job,
    /// A company that is not on Ascend.
    Company,
}

impl Missing {
    fn explanation(self) -> &'static str {
        match self {
            Missing::Page => "The address may be mistyped, or the page has moved.",
            Missing::Job => {
                "No job is at this address: it may have been taken down, or the address may be mistyped."
            }
            Missing::Company => {
                "No company is at this address: it may have left Ascend, or the address may be mistyped."
            }
        }
    }
}

/// For unknown addresses, jobs and companies, with the head that says so.
#[component]
pub fn NotFoundPage(#[prop(optional)] missing: Missing) -> impl IntoView {
    view! {
        <NoticeHead title=NOT_FOUND_TITLE />
        <NotFoundNotice missing />
    }
}

/// The not-found notice without its head, for the job page's own entry
/// point, whose head the server wrote. It offers ways on: the newest jobs,
/// the reader's saved ones, and back where they came from.
#[component]
pub fn NotFoundNotice(#[prop(optional)] missing: Missing) -> impl IntoView {
    view! {
        <section class="notice" aria-labelledby="notice-heading">
            <h1 id="notice-heading">"We could not find that page"</h1>
            <p>{missing.explanation()}</p>
            <ul class="notice__ways" aria-label="Where to go from here">
                <li><a href="/jobs" class="button button--primary">"Browse the newest jobs"</a></li>
                <li><a href="/saved" class="button">"Your saved jobs"</a></li>
                <li><a href="/embed" class="button">"Jobs for your own site"</a></li>
            </ul>
        </section>
    }
}
