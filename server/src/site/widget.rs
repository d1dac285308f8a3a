//! The job widget partners embed: `embed.js`, the loader a partner's page
//! includes, and the widget pages under [`WIDGET_PREFIX`] that it frames
//! (which headers allow that: `super::headers`).

use std::path::PathBuf;
use std::sync::Arc;

use ascend_types::{JobDetail, JobSearch};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tokio::sync::OnceCell;

use super::html::escape_html;
use crate::domain::Board;
use crate::domain::jobs::job_detail;
use crate::domain::search::{SearchParams, search};

pub use ascend_types::wire::WIDGET_PREFIX;
/// The loader partners include with a `<script>` tag.
pub const LOADER_PATH: &str = "/embed.js";
/// The loader has a fixed name, so it is cached briefly: a new version
/// reaches every partner page within minutes.
pub const LOADER_CACHE: &str = "public, max-age=300";

/// The widget's page as trunk built it, read on first use and kept, with
/// the tags read out of it (for its scripts' hashes).
pub struct WidgetShell {
    path: PathBuf,
    page: OnceCell<Arc<WidgetPage>>,
}

pub struct WidgetPage {
    pub html: String,
    pub tags: super::shell::Shell,
}

impl WidgetShell {
    pub fn new(path: PathBuf) -> Self {
        WidgetShell {
            path,
            page: OnceCell::new(),
        }
    }

    pub async fn get(&self) -> Result<Arc<WidgetPage>, Response> {
        self.page
            .get_or_try_init(|| async {
                let html = tokio::fs::read_to_string(&self.path).await?;
                let tags = super::shell::Shell::parse(&html);
                Ok::<_, std::io::Error>(Arc::new(WidgetPage { html, tags }))
            })
            .await
            .cloned()
            .map_err(|error| {
                tracing::error!(path = %self.path.display(), %error, "the widget is not built");
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "The front end is not built yet: run `make run`.",
                )
                    .into_response()
            })
    }
}

/// The widget's settings that `GET /api/jobs` reads, as the widget sends
/// them (see `src/embed/settings.rs`).
const LIST_FILTERS: [&str; 5] = ["company", "q", "location", "remote", "limit"];
/// A list widget's length when the partner gives none, as in the widget.
const DEFAULT_ROWS: &str = "limit=5";

/// What the widget shows, as plain links for crawlers and readers without
/// JavaScript: the body of the widget page's `<noscript>`. `None` when the
/// settings are unusable or the jobs cannot be read; the page then keeps
/// its general link, and the widget itself explains the problem.
pub async fn noscript_links(board: &Board, query: Option<&str>) -> Option<String> {
    let pairs: Vec<(&str, &str)> = query
        .unwrap_or_default()
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .filter(|(_, value)| !value.is_empty())
        .collect();
    if let Some((_, slug)) = pairs.iter().rev().find(|(key, _)| *key == "job") {
        let job = job_detail(board, slug).await.ok()?;
        return Some(job_link(&job));
    }
    // The filters pass through as they came, still percent-encoded.
    let mut filters = vec!["sort=newest".to_owned()];
    filters.extend(
        pairs
            .iter()
            .filter(|(key, _)| LIST_FILTERS.contains(key))
            .map(|(key, value)| format!("{key}={value}")),
    );
    if !pairs.iter().any(|(key, _)| *key == "limit") {
        filters.push(DEFAULT_ROWS.to_owned());
    }
    let params = SearchParams::parse(Some(&filters.join("&"))).ok()?;
    let found = search(board, &params).await.ok()?;
    Some(list_links(&found))
}

fn job_link(job: &JobDetail) -> String {
    format!(
        "<p class=\"embed-state\"><a href=\"/jobs/{}\" target=\"_blank\" rel=\"noopener\">{}</a> at {}, {}</p>",
        escape_html(&job.slug),
        escape_html(&job.title),
        escape_html(&job.company.name),
        escape_html(&job.location),
    )
}

fn list_links(found: &JobSearch) -> String {
    if found.jobs.is_empty() {
        return "<p class=\"embed-state\">No open jobs match right now. \
                <a href=\"/jobs\" target=\"_blank\" rel=\"noopener\">See every job on Ascend</a></p>"
            .to_owned();
    }
    let items: String = found
        .jobs
        .iter()
        .map(|job| {
            format!(
                "<li><a href=\"/jobs/{}\" target=\"_blank\" rel=\"noopener\">{}</a> at {}, {}</li>",
                escape_html(&job.slug),
                escape_html(&job.title),
                escape_html(&job.company.name),
                escape_html(&job.location),
            )
        })
        .collect();
    format!("<ul class=\"embed-state\">{items}</ul>")
}

/// `html` with the inside of its first `<noscript>` replaced by `inner`.
pub fn with_noscript(html: &str, inner: &str) -> Option<String> {
    let open = html.find("<noscript>")? + "<noscript>".len();
    let close = open + html[open..].find("</noscript>")?;
    Some(format!("{}{inner}{}", &html[..open], &html[close..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(slug: &str, title: &str) -> ascend_types::JobSummary {
        ascend_types::JobSummary {
            slug: slug.into(),
            title: title.into(),
            company: ascend_types::CompanyRef {
                slug: "acme".into(),
                name: "Acme & Sons".into(),
            },
            location: "Berlin, Germany".into(),
            work_model: ascend_types::WorkModel::Hybrid,
            employment_type: ascend_types::EmploymentType::FullTime,
            posted_on: "2026-11-20".into(),
            facts: Default::default(),
        }
    }

    fn search(jobs: Vec<ascend_types::JobSummary>) -> JobSearch {
        JobSearch {
            jobs,
            total: 0,
            sort: ascend_types::search::SearchSort::Newest,
            next_cursor: None,
            facets: Default::default(),
        }
    }

    #[test]
    fn listed_text_is_escaped_never_markup() {
        let html = list_links(&search(vec![summary(
            "a-b",
            "<img src=x onerror=alert(1)>",
        )]));
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(html.contains("Acme &amp; Sons"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("href=\"/jobs/a-b\""), "{html}");
        assert!(list_links(&search(vec![])).contains("No open jobs match"));
    }

    #[test]
    fn the_noscript_inside_is_replaced() {
        let page = "<body><noscript><p>old</p></noscript><script>x</script></body>";
        assert_eq!(
            with_noscript(page, "<ul></ul>").as_deref(),
            Some("<body><noscript><ul></ul></noscript><script>x</script></body>")
        );
        assert_eq!(with_noscript("<body></body>", "x"), None);
    }
}
