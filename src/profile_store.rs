//! The visitor's profile as a reactive store: read from `localStorage` when
//! the app starts, written back when it changes, and read again when another
//! tab changes it. Provided once from `App`; pages read it with
//! [`use_profile_store`]. Nothing here talks to the server.

use leptos::prelude::*;

use crate::profile_data::{self, Loaded, Profile, STORAGE_KEY};

/// The profile (if any) and a notice to show once when a stored one had to
/// be dropped.
#[derive(Debug, Clone, Copy)]
pub struct ProfileStore {
    pub profile: RwSignal<Option<Profile>>,
    /// Why a stored profile was removed; cleared when the visitor dismisses it.
    pub notice: RwSignal<Option<&'static str>>,
}

impl ProfileStore {
    /// Reads the stored profile, writing back a migrated one and removing a
    /// damaged one.
    pub fn load() -> ProfileStore {
        let store = ProfileStore {
            profile: RwSignal::new(None),
            notice: RwSignal::new(None),
        };
        store.reload();
        store
    }

    /// Reads the stored value again (another tab may have changed it).
    pub fn reload(&self) {
        match profile_data::decode(read_local(STORAGE_KEY).as_deref()) {
            Loaded::None => self.profile.set(None),
            Loaded::Current(profile) => self.profile.set(Some(profile)),
            Loaded::Migrated(profile) => {
                write_local(STORAGE_KEY, &profile.encode());
                self.profile.set(Some(profile));
            }
            Loaded::Dropped(reason) => {
                remove_local(STORAGE_KEY);
                self.profile.set(None);
                self.notice.set(Some(reason));
            }
        }
    }

    pub fn save(&self, profile: Profile) {
        write_local(STORAGE_KEY, &profile.encode());
        self.profile.set(Some(profile));
    }

    pub fn delete(&self) {
        remove_local(STORAGE_KEY);
        self.profile.set(None);
    }

    pub fn exists(&self) -> bool {
        self.profile.with(Option::is_some)
    }
}

/// Loads the store, provides it as context and follows changes other tabs
/// make.
pub fn provide_profile_store() -> ProfileStore {
    let store = ProfileStore::load();
    provide_context(store);
    let listener = window_event_listener(leptos::ev::storage, move |event| {
        // A `None` key means the whole storage was cleared.
        let key = event.key();
        if key.is_none() || key.as_deref() == Some(STORAGE_KEY) {
            store.reload();
        }
    });
    on_cleanup(move || listener.remove());
    store
}

/// The store `App` provides.
pub fn use_profile_store() -> ProfileStore {
    expect_context::<ProfileStore>()
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The value under `key`, or `None` when it is missing or storage is blocked.
pub fn read_local(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Stores `value`; a full or blocked storage leaves the in-memory copy only.
pub fn write_local(key: &str, value: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn remove_local(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
