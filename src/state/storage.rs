//! One `localStorage` key as a reactive value: the one way the app keeps
//! anything on the device. Storage is read once the page is in the browser
//! (in an effect, once hydration has ended, so the server and the
//! hydrating render both see nothing stored and draw the same page),
//! written on every change, and read again when another tab changes it.

use leptos::prelude::*;

/// A change could not be kept (storage disabled, full, or a private mode);
/// it still holds until the page is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotStored;

/// What [`use_local_storage`] returns.
#[derive(Debug, Clone, Copy)]
pub struct LocalStorage {
    key: &'static str,
    text: RwSignal<Option<String>>,
    /// Whether storage has been read (false on the server and while hydrating).
    loaded: RwSignal<bool>,
}

impl LocalStorage {
    /// The stored text, `None` when nothing is stored (tracked).
    pub fn text(&self) -> Option<String> {
        self.text.get()
    }

    /// Whether the stored value has been read yet (tracked).
    pub fn loaded(&self) -> bool {
        self.loaded.get()
    }

    /// The stored text read this moment, for what only the browser draws
    /// (inside `ClientOnly`), which needs it before its first render.
    pub fn read_now(&self) -> Option<String> {
        let text = read(self.key);
        self.text.set(text.clone());
        self.loaded.set(true);
        text
    }

    /// Stores `text`, or removes the key for `None`.
    pub fn set(&self, text: Option<String>) -> Result<(), NotStored> {
        let stored = write(self.key, text.as_deref());
        self.text.set(text);
        stored
    }
}

/// The value under `key`, following storage from the browser's first
/// render on.
pub fn use_local_storage(key: &'static str) -> LocalStorage {
    let storage = LocalStorage {
        key,
        text: RwSignal::new(None),
        loaded: RwSignal::new(false),
    };
    // Effects run in the browser only: the server never touches storage.
    // A page the server drew reads it once every part is adopted.
    Effect::new(move |_| {
        if !crate::hydration::adopted() {
            return;
        }
        storage.text.set(read(key));
        storage.loaded.set(true);
        let listener = window_event_listener(leptos::ev::storage, move |event| {
            // A `None` key means another tab cleared all of storage.
            if event.key().is_none_or(|changed| changed == key) {
                storage.text.set(read(key));
            }
        });
        on_cleanup(move || listener.remove());
    });
    storage
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn read(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

fn write(key: &str, text: Option<&str>) -> Result<(), NotStored> {
    let storage = local_storage().ok_or(NotStored)?;
    match text {
        Some(text) => storage.set_item(key, text),
        None => storage.remove_item(key),
    }
    .map_err(|_| NotStored)
}
