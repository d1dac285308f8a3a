//! Today, for "Posted 3 days ago". The server counts days to its own day
//! (UTC); the browser draws the same words while it hydrates, then recounts
//! them in the reader's time zone.

use leptos::prelude::*;

use crate::page_data::use_page_data;

/// Today's day number (days since 1970-01-01), as the page should count it.
#[derive(Debug, Clone, Copy)]
pub struct Clock {
    today: RwSignal<i64>,
}

impl Clock {
    /// Today (tracked).
    pub fn today(&self) -> i64 {
        self.today.get()
    }
}

/// A clock that starts on the day the page was drawn and moves to the
/// reader's own day once the page is in the browser.
pub fn provide_clock() -> Clock {
    let clock = Clock {
        today: RwSignal::new(use_page_data().today()),
    };
    Effect::new(move |_| {
        if crate::hydration::adopted() {
            clock.today.set(crate::format::today());
        }
    });
    provide_context(clock);
    clock
}

/// The app's clock, or one of its own for a component mounted alone.
pub fn use_clock() -> Clock {
    use_context::<Clock>().unwrap_or_else(provide_clock)
}
