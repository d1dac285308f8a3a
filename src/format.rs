//! Dates in words, as job boards show them. Pure functions, tested natively.

use ascend_types::date::{civil_from_days, parse_iso_date};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "Posted today", "Posted yesterday", "Posted 9 days ago", "Posted 3 months ago".
/// `posted_on` is `YYYY-MM-DD`; `today` is a day number.
pub fn posted_ago(posted_on: &str, today: i64) -> String {
    let Some(posted) = parse_iso_date(posted_on) else {
        return "Posted recently".into();
    };
    let days = today - posted;
    match days {
        i64::MIN..=0 => "Posted today".into(),
        1 => "Posted yesterday".into(),
        2..=44 => format!("Posted {days} days ago"),
        45..=364 => {
            let months = (days + 15) / 30;
            format!("Posted {months} months ago")
        }
        _ => {
            let years = days / 365;
            format!(
                "Posted {years} year{} ago",
                if years == 1 { "" } else { "s" }
            )
        }
    }
}

/// "16 November 2026" for `2026-11-16`; the input itself when unreadable.
pub fn long_date(iso: &str) -> String {
    match parse_iso_date(iso) {
        Some(days) => {
            let (year, month, day) = civil_from_days(days);
            format!("{day} {} {year}", MONTHS[month as usize - 1])
        }
        None => iso.to_owned(),
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use ascend_types::date::days_from_civil;

    #[test]
    fn posted_ago_in_words() {
        let today = days_from_civil(2026, 11, 25);
        assert_eq!(posted_ago("2026-11-25", today), "Posted today");
        assert_eq!(posted_ago("2026-11-26", today), "Posted today");
        assert_eq!(posted_ago("2026-11-24", today), "Posted yesterday");
        assert_eq!(posted_ago("2026-11-16", today), "Posted 9 days ago");
        assert_eq!(posted_ago("2026-10-12", today), "Posted 44 days ago");
        assert_eq!(posted_ago("2026-10-11", today), "Posted 2 months ago");
        assert_eq!(posted_ago("2025-11-25", today), "Posted 1 year ago");
        assert_eq!(posted_ago("2023-11-25", today), "Posted 3 years ago");
        assert_eq!(posted_ago("soon", today), "Posted recently");
    }

    #[test]
    fn long_dates() {
        assert_eq!(long_date("2026-11-16"), "16 November 2026");
        assert_eq!(long_date("2024-02-29"), "29 February 2024");
        assert_eq!(long_date("bad"), "bad");
    }
}
