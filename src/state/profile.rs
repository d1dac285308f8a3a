//! The visitor's profile, one store for the whole app: kept on this device
//! under [`PROFILE_KEY`] (onboarding writes it), never sent anywhere.
//! Provided once from the app's root; pages read it with
//! [`use_profile_store`].

use ascend_types::wire::PROFILE_KEY;
use leptos::prelude::*;

use super::storage::{LocalStorage, use_local_storage};
use crate::profile_data::{self, Loaded, Profile};

/// The profile (if any) and a notice to show once when a stored one had to
/// be dropped.
#[derive(Debug, Clone, Copy)]
pub struct ProfileStore {
    storage: LocalStorage,
    /// The stored profile, read from storage (so it changes when another
    /// tab changes it).
    pub profile: Memo<Option<Profile>>,
    /// Why a stored profile was removed; cleared when the visitor dismisses it.
    pub notice: RwSignal<Option<&'static str>>,
}

impl ProfileStore {
    fn new() -> ProfileStore {
        let storage = use_local_storage(PROFILE_KEY);
        let decoded = Memo::new(move |_| profile_data::decode(storage.text().as_deref()));
        let profile = Memo::new(move |_| match decoded.get() {
            Loaded::Current(profile) | Loaded::Migrated(profile) => Some(profile),
            Loaded::None | Loaded::Dropped(_) => None,
        });
        let notice = RwSignal::new(None);
        // A profile of an older version is stored again in the current one;
        // a damaged one is removed, with a word to the visitor.
        Effect::new(move |_| match decoded.get() {
            Loaded::Migrated(profile) => {
                let _ = storage.set(Some(profile.encode()));
            }
            Loaded::Dropped(reason) => {
                let _ = storage.set(None);
                notice.set(Some(reason));
            }
            Loaded::None | Loaded::Current(_) => {}
        });
        ProfileStore {
            storage,
            profile,
            notice,
        }
    }

    pub fn save(&self, profile: Profile) {
        let _ = self.storage.set(Some(profile.encode()));
    }

    pub fn delete(&self) {
        let _ = self.storage.set(None);
    }

    /// Whether there is a profile (tracked).
    pub fn exists(&self) -> bool {
        self.profile.with(Option::is_some)
    }

    /// Whether storage has been read: until then (on the server and while
    /// the page hydrates) nobody has a profile (tracked).
    pub fn loaded(&self) -> bool {
        self.storage.loaded()
    }
}

/// Creates the store and provides it as context.
pub fn provide_profile_store() -> ProfileStore {
    let store = ProfileStore::new();
    provide_context(store);
    store
}

/// The app's store, or one of its own for a component mounted alone (tests).
pub fn use_profile_store() -> ProfileStore {
    use_context::<ProfileStore>().unwrap_or_else(provide_profile_store)
}
