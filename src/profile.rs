//! Links into onboarding, which returns the visitor where they were, and
//! the word it leaves for the page it returns to.

/// The history state the onboarding page navigates with when it finishes,
/// so that `/profile` can say what happens next; a reload, or coming to the
/// page any other way, carries none.
pub const FINISHED_STATE: &str = "ascend-onboarding-finished";

/// What `/profile` says when the visitor arrives from finishing onboarding.
pub const FINISHED_MESSAGE: &str =
    "Your profile is saved on this device. Job pages now show how well each job matches you.";

/// The link that starts onboarding and comes back to `next` afterwards.
/// Only a path on this site is passed on (never `//elsewhere` or a full
/// URL); it is percent-encoded so that its own `?` and `&` survive.
pub fn onboarding_href(next: &str) -> String {
    if !next.starts_with('/') || next.starts_with("//") {
        return "/onboarding".into();
    }
    let mut href = String::from("/onboarding?next=");
    for byte in next.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                href.push(char::from(byte));
            }
            _ => href.push_str(&format!("%{byte:02X}")),
        }
    }
    href
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn onboarding_comes_back_to_the_page() {
        assert_eq!(
            onboarding_href("/jobs/backend-engineer-personalization-cadence"),
            "/onboarding?next=/jobs/backend-engineer-personalization-cadence"
        );
        assert_eq!(
            onboarding_href("/jobs?q=rust&page=2"),
            "/onboarding?next=/jobs%3Fq%3Drust%26page%3D2"
        );
        assert_eq!(onboarding_href("/jobs/é"), "/onboarding?next=/jobs/%C3%A9");
    }

    #[test]
    fn onboarding_never_sends_readers_elsewhere() {
        assert_eq!(onboarding_href("//evil.example/x"), "/onboarding");
        assert_eq!(onboarding_href("https://evil.example"), "/onboarding");
        assert_eq!(onboarding_href(""), "/onboarding");
    }
}
