//! The addresses the app draws a page for, as the server needs to know
//! them: it answers 404 for any other, with the app's not-found page (the
//! router in `crate::App` lists the same routes).

/// Whether `path` is one of the app's pages.
pub fn is_known(path: &str) -> bool {
    matches!(
        path,
        "/" | "/jobs" | "/saved" | "/terms" | "/privacy" | "/onboarding" | "/profile" | "/embed"
    ) || job_slug(path).is_some()
        || company_slug(path).is_some()
}

/// `cadence` in `/companies/cadence`.
pub fn company_slug(path: &str) -> Option<String> {
    segment_after(path, "/companies/")
}

/// `backend-engineer` in `/jobs/backend-engineer`.
pub fn job_slug(path: &str) -> Option<String> {
    segment_after(path, "/jobs/")
}

/// The one non-empty path segment after `prefix`, percent-decoded as the
/// router decodes it; `None` for any other path or a segment that is not
/// UTF-8.
fn segment_after(path: &str, prefix: &str) -> Option<String> {
    let segment = path.strip_prefix(prefix)?;
    if segment.is_empty() || segment.contains('/') {
        return None;
    }
    decode(segment)
}

/// Percent-decoding (`%C3%A9` is `é`): the browser's own
/// `decodeURIComponent` in the wasm, which costs it nothing; the
/// `percent-encoding` crate on the server. `None` when the bytes are not
/// UTF-8 (or, in the browser, an escape is malformed).
#[cfg(target_arch = "wasm32")]
pub fn decode(text: &str) -> Option<String> {
    js_sys::decode_uri_component(text).ok().map(String::from)
}

#[cfg(not(target_arch = "wasm32"))]
pub fn decode(text: &str) -> Option<String> {
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .ok()
        .map(std::borrow::Cow::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apps_pages_are_known_and_nothing_else() {
        for known in [
            "/",
            "/jobs",
            "/jobs/backend-engineer-cadence",
            "/companies/cadence",
            "/saved",
            "/terms",
            "/privacy",
            "/onboarding",
            "/profile",
            "/embed",
        ] {
            assert!(is_known(known), "{known}");
        }
        for unknown in [
            "/no-such-page",
            "/jobs/",
            "/jobs/a/b",
            "/companies",
            "/companies/",
            "/terms/x",
            "/widget",
        ] {
            assert!(!is_known(unknown), "{unknown}");
        }
    }

    #[test]
    fn slugs_are_the_decoded_segment() {
        assert_eq!(
            job_slug("/jobs/backend-engineer-cadence").as_deref(),
            Some("backend-engineer-cadence")
        );
        assert_eq!(
            job_slug("/jobs/caf%C3%A9-lead").as_deref(),
            Some("café-lead")
        );
        assert_eq!(
            job_slug("/jobs/100%25-remote").as_deref(),
            Some("100%-remote")
        );
        assert_eq!(job_slug("/jobs/bad%zzhex").as_deref(), Some("bad%zzhex"));
        assert_eq!(job_slug("/jobs/%FF%FE"), None);
        assert_eq!(job_slug("/jobs/a/b"), None);
        assert_eq!(
            company_slug("/companies/cadence").as_deref(),
            Some("cadence")
        );
        assert_eq!(company_slug("/jobs/cadence"), None);
    }
}
