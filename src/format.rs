//! Dates in words, as job boards show them: the words come from
//! `ascend_types::date`, which the server's first paint uses too; the day
//! is the reader's own.

pub use ascend_types::date::{long_date, posted_ago};

/// Today's day number in the reader's own time zone.
#[cfg(target_arch = "wasm32")]
pub fn today() -> i64 {
    let now = js_sys::Date::new_0();
    ascend_types::date::days_from_civil(
        i64::from(now.get_full_year()),
        now.get_month() + 1,
        now.get_date(),
    )
}

#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> i64 {
    ascend_types::date::today_utc()
}
