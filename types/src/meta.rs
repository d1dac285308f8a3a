//! The words a job page puts in its head (title and description), shared so
//! the server's HTML and the running app say exactly the same.

use crate::{JobDetail, WorkModel};

pub const SITE_NAME: &str = "Ascend";

/// Search engines show about this many characters of a description.
pub const DESCRIPTION_MAX_CHARS: usize = 160;

/// A page's full title: "Backend Engineer at Cadence · Ascend".
pub fn page_title(page: &str) -> String {
    if page.is_empty() {
        SITE_NAME.to_owned()
    } else {
        format!("{page} · {SITE_NAME}")
    }
}

/// The job page's own part of the title.
pub fn job_title(job: &JobDetail) -> String {
    format!("{} at {}", job.title, job.company.name)
}

/// The facts first (who, where, which contract), then the summary or the
/// start of the description, cut at a word to [`DESCRIPTION_MAX_CHARS`].
pub fn job_description(job: &JobDetail) -> String {
    let place = match job.work_model {
        WorkModel::Hybrid => format!("{} (hybrid)", job.location),
        _ => job.location.clone(),
    };
    let facts = format!(
        "{} at {}, {}, {}.",
        job.title,
        job.company.name,
        place,
        job.employment_type.label().to_lowercase()
    );
    let more = match job.summary.as_deref().map(str::trim) {
        Some(summary) if !summary.is_empty() => summary.to_owned(),
        _ => html_to_text(&job.description_html),
    };
    let text = if more.is_empty() {
        facts
    } else {
        format!("{facts} {more}")
    };
    truncate_at_word(&text, DESCRIPTION_MAX_CHARS)
}

/// The text of sanitized HTML, with runs of white space made one space.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters, ending with "…" when cut, never inside a word
/// unless the first word alone is too long.
pub fn truncate_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let limit: String = text.chars().take(max - 1).collect();
    let cut = match limit.rfind(' ') {
        Some(space) if space > 0 => &limit[..space],
        _ => &limit,
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c == ',' || c == ';' || c == ':' || c.is_whitespace())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_carry_the_site_name() {
        assert_eq!(
            page_title("Backend at Cadence"),
            "Backend at Cadence · Ascend"
        );
        assert_eq!(page_title(""), "Ascend");
    }

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            html_to_text("<p>Fish &amp; chips</p><ul><li>one</li><li>two &lt;3</li></ul>"),
            "Fish & chips one two <3"
        );
        assert_eq!(html_to_text("<p>&amp;lt;</p>"), "&lt;");
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        assert_eq!(truncate_at_word("short", 160), "short");
        let cut = truncate_at_word("alpha beta, gamma delta", 14);
        assert_eq!(cut, "alpha beta…");
        assert!(cut.chars().count() <= 14);
        assert_eq!(truncate_at_word("abcdefghij", 5), "abcd…");
        let accents = "é".repeat(200);
        assert_eq!(truncate_at_word(&accents, 10).chars().count(), 10);
    }
}
