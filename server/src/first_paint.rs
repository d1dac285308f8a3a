//! The top of a job page in the HTML the server returns: the site header,
//! the breadcrumb, the header card, the pager and "What you should know",
//! as the job page's app draws them (same elements, classes and words). The
//! job is then on screen at the first paint, while the wasm still loads,
//! and readers without JavaScript see it too.
//!
//! It sits at the end of `<body>`, `inert` (nothing in it can be clicked or
//! focused) and hiding whatever comes after it (`style/job-page.css`): the
//! app draws the page there, hidden, and removes this copy as soon as its
//! own is ready, in the same task, so the swap shows no frame in between.
//! The end-to-end test `job-first-paint.spec.ts` checks that both copies
//! have the same boxes.

use ascend_types::avatar::{initials, palette_index};
use ascend_types::date::{long_date, posted_ago};
use ascend_types::links::safe_href;
use ascend_types::{JobDetail, Pager};

use crate::web::escape_html;

/// The id the app looks for to remove the copy (src/job_app.rs).
pub const FIRST_PAINT_ID: &str = "ascend-first-paint";

/// The page's top for `job`, with "Posted N days ago" counted to `today`
/// (a day number): the server's day, which the app recounts in the reader's.
pub fn job_top(job: &JobDetail, today: i64) -> String {
    let title = escape_html(&job.title);
    let mut html = format!(
        "<div id=\"{FIRST_PAINT_ID}\" inert>\
         <a class=\"skip-link\" href=\"#main\">Skip to content</a>\
         <header class=\"site-header\"><div class=\"site-header__inner\">\
         <a href=\"/jobs\" class=\"brand\">Ascend</a>\
         <nav aria-label=\"Main\"><a href=\"/jobs\" aria-current=\"page\">Jobs</a>\
         <a href=\"/saved\">Saved</a><a href=\"/onboarding\">Get started</a></nav>\
         </div></header>\
         <main class=\"site-main\"><div class=\"job-page\"><div class=\"job-page__main\">\
         <div class=\"job-top\">\
         <nav class=\"job-breadcrumb\" aria-label=\"Breadcrumb\"><ol class=\"job-breadcrumb__list\">\
         <li class=\"job-breadcrumb__item\"><a href=\"/jobs\">Jobs</a></li>\
         <li class=\"job-breadcrumb__item job-breadcrumb__item--current\" aria-current=\"page\" title=\"{title}\">{title}</li>\
         </ol></nav>"
    );
    html.push_str(&header_card(job, today));
    html.push_str("</div>");
    html.push_str(&pager(&job.pager, &job.company.name));
    if let Some(summary) = job.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        html.push_str(&format!(
            "<section class=\"job-summary\" aria-labelledby=\"job-summary-heading\">\
             <h2 id=\"job-summary-heading\" class=\"job-summary__heading\">What you should know</h2>\
             <p class=\"job-summary__text\">{}</p></section>",
            escape_html(summary)
        ));
    }
    html.push_str("</div></div></main></div>");
    html
}

/// `JobHeaderCard` (src/components/job/header.rs), without the app's live
/// parts: Save reads as not pressed and the status line is empty.
fn header_card(job: &JobDetail, today: i64) -> String {
    let company = &job.company;
    let name = escape_html(&company.name);
    let logo = match company.logo_url.as_deref() {
        Some(src) => format!(
            "<img class=\"avatar avatar--lg avatar--p{}\" src=\"{}\" alt=\"\" loading=\"lazy\" decoding=\"async\">",
            palette_index(&company.name),
            escape_html(src)
        ),
        None => format!(
            "<span class=\"avatar avatar--lg avatar--p{}\" aria-hidden=\"true\">{}</span>",
            palette_index(&company.name),
            escape_html(&initials(&company.name))
        ),
    };
    let location = escape_html(&job.location);
    let work_model = if job.work_model.named_in(&job.location) {
        String::new()
    } else {
        format!("<li>{}</li>", job.work_model.label())
    };
    let apply = match (
        job.apply_url.as_deref().and_then(safe_href),
        company.website.as_deref().and_then(safe_href),
    ) {
        (Some(href), _) => format!(
            "<a class=\"button button--primary job-action job-action--apply\" href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">\
             Apply<span class=\"visually-hidden\"> (opens in a new tab)</span></a>",
            escape_html(href)
        ),
        (None, Some(website)) => format!(
            "<p class=\"job-header__no-apply\">No application link: apply on the \
             <a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{name} website\
             <span class=\"visually-hidden\"> (opens in a new tab)</span></a>.</p>",
            escape_html(website)
        ),
        (None, None) => format!(
            "<p class=\"job-header__no-apply\">No application link: contact {name} directly to apply.</p>"
        ),
    };
    format!(
        "<article class=\"job-header\" aria-labelledby=\"job-title\">\
         <div class=\"job-header__identity\"><span class=\"job-header__logo\">{logo}</span>\
         <h1 id=\"job-title\" class=\"job-header__title\">{title}</h1>\
         <p class=\"job-header__company\"><a href=\"/companies/{slug}\">{name}</a></p></div>\
         <ul class=\"job-header__facts\" aria-label=\"Job facts\">\
         <li title=\"{location}\">{location}</li>{work_model}<li>{employment}</li>\
         <li><time datetime=\"{posted}\" title=\"{exact}\">{ago}</time></li></ul>\
         <div class=\"job-header__actions\">{apply}\
         <button type=\"button\" class=\"button job-action job-action--save\" aria-pressed=\"false\">\
         <svg class=\"job-action__icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">\
         <path d=\"M6 3h12a1 1 0 0 1 1 1v17l-7-4.5L5 21V4a1 1 0 0 1 1-1z\"></path></svg><span>Save</span></button>\
         <button type=\"button\" class=\"button job-action job-action--share\">\
         <svg class=\"job-action__icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\">\
         <path d=\"M12 3l5 5h-3.5v7h-3V8H7z\"></path><path d=\"M5 13h2v6h10v-6h2v8H5z\"></path></svg>\
         <span>Share</span></button>\
         <p class=\"job-header__status\" role=\"status\"></p></div></article>",
        title = escape_html(&job.title),
        slug = escape_html(&company.slug),
        employment = job.employment_type.label(),
        posted = escape_html(&job.posted_on),
        exact = escape_html(&long_date(&job.posted_on)),
        ago = posted_ago(&job.posted_on, today),
    )
}

/// `JobPager` (src/components/job/pager.rs): nothing for a company's only job.
fn pager(pager: &Pager, company: &str) -> String {
    if pager.total <= 1 {
        return String::new();
    }
    let company = escape_html(company);
    let end = |slug: Option<&String>, rel: &str, text: &str, arrow: &str| {
        let arrow = format!("<span class=\"job-pager__arrow\" aria-hidden=\"true\">{arrow}</span>");
        let (before, after) = if rel == "prev" {
            (arrow.as_str(), "")
        } else {
            ("", arrow.as_str())
        };
        let class = format!("job-pager__link job-pager__link--{rel}");
        match slug {
            Some(slug) => format!(
                "<a href=\"/jobs/{}\" class=\"{class}\" rel=\"{rel}\">{before}<span>{text}</span>{after}</a>",
                escape_html(slug)
            ),
            None => format!(
                "<span class=\"{class} job-pager__link--disabled\" role=\"link\" aria-disabled=\"true\">{before}<span>{text}</span>{after}</span>"
            ),
        }
    };
    format!(
        "<nav class=\"job-pager\" aria-label=\"Jobs at {company}\">{}\
         <p class=\"job-pager__position\">Job {} of {} at {company}</p>{}</nav>",
        end(pager.previous.as_ref(), "prev", "Previous job", "←"),
        pager.position,
        pager.total,
        end(pager.next.as_ref(), "next", "Next job", "→"),
    )
}

#[cfg(test)]
mod tests {
    use ascend_types::date::days_from_civil;
    use ascend_types::{CompanyProfile, EmploymentType, WorkModel, sample};

    use super::*;

    fn job() -> JobDetail {
        JobDetail {
            slug: "kiln-operator-hearth".into(),
            title: "Kiln Operator".into(),
            company: CompanyProfile {
                slug: "hearth".into(),
                name: "Hearth & Co".into(),
                ..sample::company()
            },
            employment_type: EmploymentType::PartTime,
            work_model: WorkModel::Hybrid,
            location: "Leeds, United Kingdom".into(),
            locations: vec!["Leeds, United Kingdom".into()],
            description_html: String::new(),
            posted_on: "2026-11-24".into(),
            ..sample::job()
        }
    }

    fn today() -> i64 {
        days_from_civil(2026, 11, 25)
    }

    #[test]
    fn a_plain_job_gets_initials_its_work_model_and_says_how_to_apply() {
        let html = job_top(&job(), today());
        assert!(html.contains("aria-hidden=\"true\">HC</span>"), "{html}");
        assert!(html.contains("<li>Hybrid</li><li>Part-time</li>"), "{html}");
        assert!(html.contains(">Posted yesterday</time>"), "{html}");
        assert!(html.contains(
            "<p class=\"job-header__no-apply\">No application link: contact Hearth &amp; Co directly to apply.</p>"
        ));
        // A company's only job has no pager, and no summary means no block.
        assert!(!html.contains("job-pager"), "{html}");
        assert!(!html.contains("job-summary"), "{html}");
        assert!(html.starts_with(&format!("<div id=\"{FIRST_PAINT_ID}\" inert>")));
        assert!(html.ends_with("</main></div>"));
    }

    #[test]
    fn links_are_only_web_addresses_and_a_logo_is_an_image() {
        let mut job = job();
        job.company.website = Some("javascript:alert(1)".into());
        job.company.logo_url = Some("https://cdn.example/logo.png?a=1&b=2".into());
        let html = job_top(&job, today());
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("contact Hearth &amp; Co directly"), "{html}");
        assert!(
            html.contains("src=\"https://cdn.example/logo.png?a=1&amp;b=2\""),
            "{html}"
        );

        job.company.website = Some("https://hearth.example".into());
        let html = job_top(&job, today());
        assert!(html.contains(
            "apply on the <a href=\"https://hearth.example\" target=\"_blank\" rel=\"noopener noreferrer\">Hearth &amp; Co website"
        ));

        job.apply_url = Some(" https://hearth.example/apply ".into());
        let html = job_top(&job, today());
        assert!(
            html.contains("job-action--apply\" href=\"https://hearth.example/apply\""),
            "{html}"
        );
    }

    #[test]
    fn the_pager_links_what_exists_and_disables_the_rest() {
        let mut job = job();
        job.pager = Pager {
            position: 1,
            total: 3,
            previous: None,
            next: Some("glazer-hearth".into()),
        };
        let html = job_top(&job, today());
        assert!(html.contains("<nav class=\"job-pager\" aria-label=\"Jobs at Hearth &amp; Co\">"));
        assert!(html.contains(
            "<span class=\"job-pager__link job-pager__link--prev job-pager__link--disabled\" role=\"link\" aria-disabled=\"true\">"
        ));
        assert!(html.contains("<a href=\"/jobs/glazer-hearth\" class=\"job-pager__link job-pager__link--next\" rel=\"next\">"));
        assert!(html.contains("Job 1 of 3 at Hearth &amp; Co"));
    }

    #[test]
    fn a_location_that_names_the_work_model_does_not_repeat_it() {
        let mut job = job();
        job.work_model = WorkModel::Remote;
        job.location = "Remote in EMEA".into();
        let html = job_top(&job, today());
        assert!(
            html.contains("<li title=\"Remote in EMEA\">Remote in EMEA</li><li>Part-time</li>"),
            "{html}"
        );
    }
}
