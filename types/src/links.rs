//! Links taken from imported text: only web and mail addresses become
//! links, in the app and in the server's first paint alike.

/// `href` with surrounding blanks removed when it is an `http:`, `https:` or
/// `mailto:` address; `None` for every other scheme and for relative links.
pub fn safe_href(href: &str) -> Option<&str> {
    let href = href.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control());
    let scheme_end = href.find(':')?;
    let scheme = &href[..scheme_end];
    let allowed = ["http", "https", "mailto"]
        .iter()
        .any(|ok| scheme.eq_ignore_ascii_case(ok));
    let rest = &href[scheme_end + 1..];
    (allowed && !rest.is_empty()).then_some(href)
}
