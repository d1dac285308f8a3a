//! Calendar dates as `YYYY-MM-DD` strings and day numbers, without a
//! date-time library: the server and the app both need only whole days.

/// Days since 1970-01-01 for a proleptic Gregorian date.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    // Howard Hinnant's algorithm: shift the year to start in March so the
    // leap day is the last day of the year.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `days` after 1970-01-01, as (year, month, day).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Parses `YYYY-MM-DD` into a day number; `None` for anything else,
/// including impossible dates such as 2026-02-30.
pub fn parse_iso_date(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(i64::from(year), month) {
        return None;
    }
    Some(days_from_civil(i64::from(year), month, day))
}

/// Formats a day number as `YYYY-MM-DD`.
pub fn format_iso_date(days: i64) -> String {
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Today's day number in UTC, from the system clock. Native code only: on
/// wasm32 the app asks the browser's clock instead.
pub fn today_utc() -> i64 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    (seconds / 86_400) as i64
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates_map_to_known_day_numbers() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2026, 11, 25), 20_782);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
    }

    #[test]
    fn day_numbers_round_trip_across_leap_years() {
        for days in -800..30_000 {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
            assert_eq!(parse_iso_date(&format_iso_date(days)), Some(days));
        }
    }

    #[test]
    fn parse_rejects_malformed_and_impossible_dates() {
        assert_eq!(
            parse_iso_date("2024-02-29"),
            Some(days_from_civil(2024, 2, 29))
        );
        for bad in [
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-11-25",
            "2026/11/25",
            "",
            "2026-11-2x",
            "+026-11-25",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

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
