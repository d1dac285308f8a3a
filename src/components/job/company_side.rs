use ascend_types::JobDetail;
use leptos::prelude::*;

use super::{BenefitGroups, MatchBlock, NewsletterBox, topic_for};
use crate::api::encode_path_segment;
use crate::components::Avatar;
use crate::format::long_date;

/// How many benefits show before "Show all N".
const BENEFITS_FOLDED: usize = 4;

/// "5,001–10,000 people" for "5001-10000", "10,001+ people" for "10001+";
/// anything else is shown as given.
pub fn team_size_label(raw: &str) -> String {
    fn grouped(digits: &str) -> Option<String> {
        let n: u64 = digits.trim().parse().ok()?;
        let plain = n.to_string();
        let mut out = String::new();
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        Some(out)
    }
    let raw = raw.trim();
    if let Some(low) = raw.strip_suffix('+').and_then(grouped) {
        return format!("{low}+ people");
    }
    if let Some((low, high)) = raw.split_once('-')
        && let (Some(low), Some(high)) = (grouped(low), grouped(high))
    {
        return format!("{low}–{high} people");
    }
    match grouped(raw) {
        Some(n) => format!("{n} people"),
        None => raw.to_owned(),
    }
}

/// The host of an http(s) website, for the link text; `None` for anything
/// that is not a web address, which is then not linked at all.
pub fn website_host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty() && !host.contains(['@', ' '])).then(|| host.to_owned())
}

/// Facts as term and value rows; each value is text or a small view.
#[component]
pub fn Facts(items: Vec<(&'static str, AnyView)>) -> impl IntoView {
    view! {
        <dl class="facts">
            {items
                .into_iter()
                .map(|(term, value)| view! { <div><dt>{term}</dt><dd>{value}</dd></div> })
                .collect_view()}
        </dl>
    }
}

/// A link to another site, opened in a new tab, saying so to screen readers.
#[component]
pub fn ExternalLink(url: String, host: String) -> impl IntoView {
    view! {
        <a href=url target="_blank" rel="noopener noreferrer">
            {host}<span class="visually-hidden">" (opens in a new tab)"</span>
        </a>
    }
}

/// A list of short labels as tags.
#[component]
pub fn TagList(
    items: Vec<String>,
    /// Read by screen readers as the list's name.
    #[prop(into)]
    label: String,
) -> impl IntoView {
    view! {
        <ul class="tag-list" aria-label=label>
            {items.into_iter().map(|item| view! { <li class="tag">{item}</li> }).collect_view()}
        </ul>
    }
}

/// The sidebar beside a job: who the company is, how the reader matches,
/// what it offers, the job's key facts, and the newsletter.
#[component]
pub fn CompanySide(job: JobDetail) -> impl IntoView {
    let match_block = view! { <MatchBlock job=job.clone() /> };
    let company = job.company;
    let company_href = format!("/companies/{}", encode_path_segment(&company.slug));
    let open_jobs = match company.open_jobs {
        1 => "1 open job".to_owned(),
        n => format!("{n} open jobs"),
    };
    let work = format!(
        "{}, {}",
        job.employment_type.label(),
        job.work_model.label().to_lowercase()
    );
    let website = company
        .website
        .as_deref()
        .and_then(|url| website_host(url).map(|host| (url.to_owned(), host)));
    let topics: Vec<String> = job
        .department
        .as_deref()
        .and_then(topic_for)
        .into_iter()
        .chain((job.work_model == ascend_types::WorkModel::Remote).then(|| "remote".to_owned()))
        .collect();

    let mut facts: Vec<(&'static str, AnyView)> = Vec::new();
    if let Some(funding) = company.funding_stage.clone() {
        facts.push(("Funding", funding.into_any()));
    }
    if let Some(seniority) = job.seniority {
        facts.push(("Seniority", seniority.label().into_any()));
    }
    if let Some(size) = company.team_size.as_deref() {
        facts.push(("Team size", team_size_label(size).into_any()));
    }
    facts.push(("Employment type", work.into_any()));
    // The date itself: the header already says how long ago it was.
    facts.push((
        "Date posted",
        view! { <time datetime=job.posted_on.clone()>{long_date(&job.posted_on)}</time> }
            .into_any(),
    ));
    if let Some(hq) = company.headquarters.clone() {
        facts.push(("Headquarters", hq.into_any()));
    }
    if let Some(year) = company.founded_year {
        facts.push(("Founded", year.to_string().into_any()));
    }
    if let Some((url, host)) = website {
        facts.push(("Website", view! { <ExternalLink url host /> }.into_any()));
    }

    view! {
        <section class="company-side" aria-labelledby="company-side-name">
            <div class="company-side__head">
                <Avatar name=company.name.clone() image_url=company.logo_url.clone() size="lg" />
                <div class="company-side__title">
                    <h2 id="company-side-name" class="company-side__name">{company.name.clone()}</h2>
                    <a href=company_href class="company-side__jobs">{open_jobs}</a>
                </div>
            </div>
            {(!company.about.is_empty()).then(|| view! { <p class="company-side__about">{company.about.clone()}</p> })}

            {match_block}

            {(!company.badges.is_empty()).then(|| view! {
                <div class="company-side__part">
                    <h3 class="company-side__label">"Badges"</h3>
                    <TagList items=company.badges.clone() label="Badges" />
                </div>
            }.into_any())}
            {(!company.culture_values.is_empty()).then(|| view! {
                <div class="company-side__part">
                    <h3 class="company-side__label">"Culture values"</h3>
                    <TagList items=company.culture_values.clone() label="Culture values" />
                </div>
            }.into_any())}
            {(!company.benefits.is_empty()).then(|| view! {
                <div class="company-side__part">
                    <h3 class="company-side__label">"Benefits and perks"</h3>
                    <BenefitGroups groups=company.benefits.clone() limit=BENEFITS_FOLDED id="company-side-benefits" />
                </div>
            }.into_any())}

            <Facts items=facts />
        </section>
        <NewsletterBox topics />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn team_sizes_read_as_people() {
        assert_eq!(team_size_label("5001-10000"), "5,001–10,000 people");
        assert_eq!(team_size_label("11-50"), "11–50 people");
        assert_eq!(team_size_label("10001+"), "10,001+ people");
        assert_eq!(team_size_label("1200"), "1,200 people");
        assert_eq!(team_size_label("about forty"), "about forty");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            website_host("https://cadence.example").as_deref(),
            Some("cadence.example")
        );
        assert_eq!(
            website_host("http://www.acme.test/jobs?x=1").as_deref(),
            Some("acme.test")
        );
        assert_eq!(website_host("javascript:alert(1)"), None);
        assert_eq!(website_host("https://"), None);
        assert_eq!(website_host("ftp://files.example"), None);
    }
}
