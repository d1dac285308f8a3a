use ascend_types::{JobCard as Card, WorkModel};
use leptos::prelude::*;

use super::{Avatar, PostedDate};
use crate::state::rates::MatchBadge;

/// How many tags a card shows before summing up the rest as "+N". With the
/// "+N" chip that makes four, which the card's two tag rows always hold.
pub const TAGS_SHOWN: usize = 3;

/// Where a job is, in the few words a card has room for: "Remote in EMEA",
/// "Hybrid · Berlin, Germany", "Stockholm, Sweden".
pub fn place_label(work_model: WorkModel, location: &str) -> String {
    let location = location.trim();
    match work_model {
        WorkModel::Remote if location.is_empty() => "Remote".into(),
        // The server already writes remote places as "Remote in EMEA".
        WorkModel::Remote if location.to_lowercase().starts_with("remote") => location.into(),
        WorkModel::Remote => format!("Remote · {location}"),
        WorkModel::Hybrid if location.is_empty() => "Hybrid".into(),
        WorkModel::Hybrid => format!("Hybrid · {location}"),
        WorkModel::OnSite if location.is_empty() => "On-site".into(),
        WorkModel::OnSite => location.into(),
    }
}

/// What a tag on a card stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    Value,
    Perk,
}

/// The tags a card shows and how many it leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardTags {
    pub shown: Vec<(TagKind, String)>,
    pub more: usize,
}

/// Picks up to `limit` tags: two culture values first, as they set companies
/// apart more than perks do, then perks, then values again if perks run
/// out. When only one tag would be left over it is shown instead of "+1".
pub fn card_tags(values: &[String], perks: &[String], limit: usize) -> CardTags {
    let total = values.len() + perks.len();
    let room = if total == limit + 1 { total } else { limit };
    let first_values = values.len().min(2).min(room);
    let perks_taken = perks.len().min(room - first_values);
    let more_values = values.len().min(room - perks_taken) - first_values;
    let shown = values[..first_values]
        .iter()
        .map(|v| (TagKind::Value, v.clone()))
        .chain(
            perks[..perks_taken]
                .iter()
                .map(|p| (TagKind::Perk, p.clone())),
        )
        .chain(
            values[first_values..first_values + more_values]
                .iter()
                .map(|v| (TagKind::Value, v.clone())),
        )
        .collect::<Vec<_>>();
    fit_two_rows(CardTags {
        more: total - shown.len(),
        shown,
    })
}

/// How many characters of chip text a card's row holds at its narrowest
/// (a 300 px card, 13 px text), counting each chip's padding and gap.
const ROW_ROOM: usize = 34;
const CHIP_EXTRA: usize = 3;

/// The room a chip takes in a row.
fn chip_width(text: &str) -> usize {
    text.chars().count() + CHIP_EXTRA
}

/// Keeps the chips that fit whole in two rows, as the card lays them out,
/// with room for the "+N" chip: the rest join the count, so no chip is
/// ever cut off mid-word. A chip wider than a row still gets one to itself.
fn fit_two_rows(tags: CardTags) -> CardTags {
    let total = tags.shown.len() + tags.more;
    let mut rows = [0usize; 2];
    let mut row = 0;
    let mut kept = Vec::with_capacity(tags.shown.len());
    for (index, (kind, text)) in tags.shown.into_iter().enumerate() {
        let left = total - index - 1;
        let more = if left > 0 {
            chip_width(&format!("+{left}"))
        } else {
            0
        };
        let width = chip_width(&text).min(ROW_ROOM);
        if rows[row] + width > ROW_ROOM {
            row += 1;
        }
        // The last row must keep room for the count of what is left out.
        let needs = if row == 1 { width + more } else { width };
        if row > 1 || rows[row] + needs > ROW_ROOM {
            break;
        }
        rows[row] += width;
        kept.push((kind, text));
    }
    CardTags {
        more: total - kept.len(),
        shown: kept,
    }
}

/// A job as a card: logo, title, company, place, age and a few tags. The
/// title's link stretches over the whole card, so the card is one click
/// target and one tab stop without nesting interactive elements. The title
/// is an `h3`, for cards under a section's `h2`. The link is a plain `<a>`,
/// which the app's router still handles, so that the card also works where
/// there is no router (the embeddable widget).
#[component]
pub fn JobCard(
    job: Card,
    /// Shows the visitor's match score beside the date when they have a
    /// profile. Off where there is no profile store (the embeddable widget).
    #[prop(optional)]
    show_match: bool,
) -> impl IntoView {
    let badge = show_match.then(|| {
        view! { <MatchBadge title=job.title.clone() work_model=job.work_model facts=job.facts.clone() /> }
    });
    let href = format!("/jobs/{}", job.slug);
    let place = place_label(job.work_model, &job.location);
    let tags = card_tags(&job.culture_values, &job.perks, TAGS_SHOWN);
    let tag_list = (!tags.shown.is_empty()).then(|| {
        let more = tags.more;
        view! {
            <ul class="job-card__tags" aria-label="Culture and perks">
                {tags
                    .shown
                    .into_iter()
                    .map(|(kind, label)| {
                        let class = match kind {
                            TagKind::Value => "job-card__tag job-card__tag--value",
                            TagKind::Perk => "job-card__tag job-card__tag--perk",
                        };
                        view! { <li class=class>{label}</li> }
                    })
                    .collect_view()}
                {(more > 0)
                    .then(|| {
                        view! {
                            <li class="job-card__tag job-card__tag--more">
                                <span aria-hidden="true">{format!("+{more}")}</span>
                                <span class="job-card__sr">{format!("and {more} more")}</span>
                            </li>
                        }
                    })}
            </ul>
        }
    });
    view! {
        <div class="job-card">
            <h3 class="job-card__title">
                <a href=href class="job-card__link">{job.title}</a>
            </h3>
            <p class="job-card__company">
                <Avatar name=job.company.name.clone() image_url=job.company_logo_url size="sm" />
                <span class="job-card__company-name">{job.company.name}</span>
            </p>
            <p class="job-card__place">{place}</p>
            <p class="job-card__posted"><PostedDate posted_on=job.posted_on />{badge}</p>
            <div class="job-card__tag-area">{tag_list}</div>
        </div>
    }
}

/// Holds a [`JobCard`]'s place while jobs load, at exactly its size.
#[component]
pub fn JobCardSkeleton() -> impl IntoView {
    view! {
        <div class="job-card job-card--skeleton" aria-hidden="true">
            <span class="job-card__title skeleton"></span>
            <span class="job-card__company">
                <span class="avatar avatar--sm skeleton"></span>
                <span class="skeleton skeleton--line"></span>
            </span>
            <span class="job-card__place skeleton"></span>
            <span class="job-card__posted skeleton"></span>
            <span class="job-card__tag-area skeleton"></span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    fn labels(tags: &CardTags) -> Vec<&str> {
        tags.shown.iter().map(|(_, l)| l.as_str()).collect()
    }

    #[test]
    fn places_say_remote_once_and_keep_the_region() {
        assert_eq!(
            place_label(WorkModel::Remote, "Remote in EMEA"),
            "Remote in EMEA"
        );
        assert_eq!(
            place_label(WorkModel::Remote, "Remote, worldwide"),
            "Remote, worldwide"
        );
        assert_eq!(place_label(WorkModel::Remote, "EMEA"), "Remote · EMEA");
        assert_eq!(place_label(WorkModel::Remote, "  "), "Remote");
        assert_eq!(
            place_label(WorkModel::Hybrid, "Berlin, Germany"),
            "Hybrid · Berlin, Germany"
        );
        assert_eq!(
            place_label(WorkModel::OnSite, "Lisbon, Portugal"),
            "Lisbon, Portugal"
        );
        assert_eq!(place_label(WorkModel::OnSite, ""), "On-site");
    }

    #[test]
    fn two_values_then_perks_then_a_count() {
        let values = strings(&["Candid", "Curious", "Kind"]);
        let perks = strings(&["Snacks", "Dental", "Gym", "Pension"]);
        let tags = card_tags(&values, &perks, 3);
        assert_eq!(labels(&tags), ["Candid", "Curious", "Snacks"]);
        assert_eq!(tags.shown[2].0, TagKind::Perk);
        assert_eq!(tags.more, 4);
    }

    #[test]
    fn values_fill_in_when_perks_run_out() {
        let values = strings(&["Candid", "Curious", "Kind", "Bold", "Calm"]);
        let tags = card_tags(&values, &[], 3);
        assert_eq!(labels(&tags), ["Candid", "Curious", "Kind"]);
        assert_eq!(tags.more, 2);

        let tags = card_tags(&strings(&["Candid"]), &strings(&["A", "B", "C"]), 3);
        assert_eq!(labels(&tags), ["Candid", "A", "B", "C"]);
        assert_eq!(tags.more, 0, "one left over is shown, not counted");
    }

    #[test]
    fn chips_that_would_not_fit_whole_join_the_count() {
        let values = strings(&["Inclusive and diverse", "Curious"]);
        let perks = strings(&["Mental health support", "Dental insurance"]);
        let tags = card_tags(&values, &perks, 3);
        // "Inclusive and diverse" and "Curious" fill a row; "Mental health
        // support" and "+1" fill the second, where "Dental insurance" has
        // no room: it is counted, not cut.
        assert_eq!(
            labels(&tags),
            ["Inclusive and diverse", "Curious", "Mental health support"]
        );
        assert_eq!(tags.more, 1);
        for (_, text) in &tags.shown {
            assert!(chip_width(text) <= ROW_ROOM, "{text}");
        }
    }

    #[test]
    fn few_or_no_tags_are_all_shown() {
        let tags = card_tags(&strings(&["Kind"]), &strings(&["Snacks"]), 3);
        assert_eq!(labels(&tags), ["Kind", "Snacks"]);
        assert_eq!(tags.more, 0);
        assert_eq!(
            card_tags(&[], &[], 3),
            CardTags {
                shown: vec![],
                more: 0
            }
        );
    }
}
