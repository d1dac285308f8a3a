use ascend_types::{Ceo, MIN_DEI_RATINGS, Ratings};
use leptos::prelude::*;

use crate::components::Avatar;
use crate::figures::{count_noun, rating_text, star_fills};

/// What the company's reviewers say: the overall rating, the diversity and
/// inclusion rating (or why there is none), and the CEO with their approval.
/// Each rating is one sentence for screen readers; the stars and the large
/// number are drawn for the eye only.
#[component]
pub fn CompanyRatings(
    #[prop(into)] company_name: String,
    ratings: Ratings,
    #[prop(optional_no_strip)] ceo: Option<Ceo>,
) -> impl IntoView {
    let Ratings {
        overall,
        review_count,
        diversity_inclusion,
        diversity_inclusion_count,
        ceo_approval_percent,
    } = ratings;

    let overall_card = match overall.filter(|_| review_count > 0) {
        Some(rating) => view! {
            <RatingFigure
                rating
                spoken=format!(
                    "Rated {} out of 5 from {}",
                    rating_text(rating),
                    count_noun(review_count, "review", "reviews")
                )
                note=count_noun(review_count, "review", "reviews")
            />
        }
        .into_any(),
        None => view! {
            <p class="rating-card__none">"No reviews yet"</p>
            <p class="rating-card__note">
                {format!("Nobody has reviewed {company_name} on Ascend, so there is no rating to show.")}
            </p>
        }
        .into_any(),
    };

    let dei_card = match diversity_inclusion {
        Some(rating) => view! {
            <RatingFigure
                rating
                spoken=format!(
                    "Rated {} out of 5 by {}",
                    rating_text(rating),
                    count_noun(diversity_inclusion_count, "reviewer", "reviewers")
                )
                note=format!("From {}", count_noun(diversity_inclusion_count, "reviewer", "reviewers"))
            />
        }
        .into_any(),
        None => view! {
            <p class="rating-card__none">"No rating"</p>
            <p class="rating-card__note">{dei_missing_reason(diversity_inclusion_count)}</p>
        }
        .into_any(),
    };

    let ceo_card = ceo.map(|ceo| {
        let approval = match ceo_approval_percent {
            Some(percent) => view! {
                <p class="ceo__approval">
                    <strong>{format!("{percent}%")}</strong>
                    " of reviewers approve of the CEO"
                </p>
                <span class="ceo__bar" aria-hidden="true">
                    <span class=format!("ceo__bar-fill fill-{}", percent.min(100))></span>
                </span>
            }
            .into_any(),
            None => view! {
                <p class="rating-card__note">"Too few reviewers have said whether they approve of the CEO."</p>
            }
            .into_any(),
        };
        view! {
            <div class="rating-card rating-card--ceo">
                <h3 class="rating-card__title">{format!("CEO of {company_name}")}</h3>
                <div class="ceo">
                    <Avatar name=ceo.name.clone() image_url=ceo.photo_url.clone() size="lg" round=true />
                    <div class="ceo__text">
                        <p class="ceo__name">{ceo.name.clone()}</p>
                        {approval}
                    </div>
                </div>
            </div>
        }
    });

    view! {
        <section class="company-ratings" aria-labelledby="company-ratings-heading">
            <h2 id="company-ratings-heading" class="company-ratings__heading">
                {format!("How employees rate {company_name}")}
            </h2>
            <div class="company-ratings__grid">
                <div class="rating-card">
                    <h3 class="rating-card__title">"Overall rating"</h3>
                    {overall_card}
                </div>
                <div class="rating-card">
                    <h3 class="rating-card__title">"Diversity and inclusion"</h3>
                    {dei_card}
                </div>
                {ceo_card}
            </div>
        </section>
    }
}

/// Why there is no diversity-and-inclusion rating, with the count.
fn dei_missing_reason(count: i64) -> String {
    if count == 0 {
        format!(
            "No reviewer has rated diversity and inclusion yet. We show a rating once {MIN_DEI_RATINGS} have."
        )
    } else {
        format!(
            "Only {} rated diversity and inclusion. We show a rating once {MIN_DEI_RATINGS} have, so that a few voices cannot decide it.",
            count_noun(count, "reviewer", "reviewers")
        )
    }
}

/// A number out of five with stars filled to match, e.g. 4.3 fills a
/// third of the fifth star. `spoken` is what screen readers hear instead.
#[component]
fn RatingFigure(rating: f64, spoken: String, note: String) -> impl IntoView {
    let stars = star_fills(rating)
        .into_iter()
        .map(|fill| view! { <span class=format!("star fill-{fill}")></span> })
        .collect_view();
    view! {
        <p class="rating-figure">
            <span class="visually-hidden">{spoken}</span>
            <span class="rating-figure__number" aria-hidden="true">{rating_text(rating)}</span>
            <span class="stars" aria-hidden="true">{stars}</span>
        </p>
        <p class="rating-card__note" aria-hidden="true">{note}</p>
    }
}
