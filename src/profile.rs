//! Whether the reader has an Ascend profile on this device. The profile
//! itself lives in localStorage under [`STORAGE_KEY`] (onboarding writes it);
//! this module only answers "is there one?", reactively, for the parts of
//! the app that show more to people with a profile.
//!
//! `App` calls [`provide_profile_status`] once; components call
//! [`use_profile_status`]. A change made in another tab arrives through the
//! `storage` event; one made in this tab is picked up by [`ProfileStatus::refresh`].

use leptos::prelude::*;

use crate::profile_data::StoredVersion;

/// The localStorage key of the reader's profile.
pub const STORAGE_KEY: &str = "ascend.profile";

/// What a stored value amounts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredProfile {
    /// A JSON object with a numeric `version`.
    Present,
    /// Nothing stored, or JSON that is not a profile.
    Absent,
    /// Not JSON at all: counts as no profile and should be removed.
    Corrupt,
}

/// Reads a stored value. Any JSON object with a numeric `version` field is a
/// profile; its other fields are onboarding's business.
pub fn classify(stored: Option<&str>) -> StoredProfile {
    let Some(text) = stored else {
        return StoredProfile::Absent;
    };
    match crate::profile_data::stored_version(text) {
        StoredVersion::Version(_) => StoredProfile::Present,
        StoredVersion::NoVersion => StoredProfile::Absent,
        StoredVersion::NotJson => StoredProfile::Corrupt,
    }
}

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

/// Whether the reader has a profile, as a signal components can follow.
#[derive(Debug, Clone, Copy)]
pub struct ProfileStatus {
    present: RwSignal<bool>,
}

impl ProfileStatus {
    /// A status fixed at `present` until changed (tests, previews).
    pub fn new(present: bool) -> Self {
        ProfileStatus {
            present: RwSignal::new(present),
        }
    }

    /// Reads localStorage now.
    pub fn from_storage() -> Self {
        ProfileStatus::new(read_storage())
    }

    /// Tracked: components that ask re-render when it changes.
    pub fn has_profile(&self) -> bool {
        self.present.get()
    }

    /// Reads localStorage again, after this tab changed the profile.
    pub fn refresh(&self) {
        self.present.set(read_storage());
    }

    pub fn set(&self, present: bool) {
        self.present.set(present);
    }
}

/// Reads the stored profile, removing a value that is not JSON.
fn read_storage() -> bool {
    let Some(storage) = window().local_storage().ok().flatten() else {
        return false;
    };
    let stored = storage.get_item(STORAGE_KEY).ok().flatten();
    match classify(stored.as_deref()) {
        StoredProfile::Present => true,
        StoredProfile::Absent => false,
        StoredProfile::Corrupt => {
            let _ = storage.remove_item(STORAGE_KEY);
            false
        }
    }
}

/// Reads the profile status, provides it to every component below, and
/// keeps it in step with other tabs.
pub fn provide_profile_status() -> ProfileStatus {
    let status = ProfileStatus::from_storage();
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        // `key` is null when another tab cleared the whole storage.
        if event.key().is_none_or(|key| key == STORAGE_KEY) {
            status.refresh();
        }
    });
    on_cleanup(move || listener.remove());
    provide_context(status);
    status
}

/// The status [`provide_profile_status`] provided, or, outside `App`, one
/// read from storage now.
pub fn use_profile_status() -> ProfileStatus {
    use_context::<ProfileStatus>().unwrap_or_else(ProfileStatus::from_storage)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_is_an_object_with_a_numeric_version() {
        assert_eq!(classify(Some(r#"{"version":1}"#)), StoredProfile::Present);
        assert_eq!(
            classify(Some(r#"{"version":2.5,"name":"Ada","skills":["Rust"]}"#)),
            StoredProfile::Present
        );
        assert_eq!(classify(None), StoredProfile::Absent);
        assert_eq!(classify(Some(r#"{"version":"1"}"#)), StoredProfile::Absent);
        assert_eq!(classify(Some(r#"{"name":"Ada"}"#)), StoredProfile::Absent);
        assert_eq!(classify(Some("[1]")), StoredProfile::Absent);
        assert_eq!(classify(Some("null")), StoredProfile::Absent);
        assert_eq!(classify(Some("{version:1")), StoredProfile::Corrupt);
        assert_eq!(classify(Some("")), StoredProfile::Corrupt);
    }

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
