//! The arithmetic behind the job page's figures: salaries per period, where
//! the median sits on the salary bar, and how full each rating star is.
//! Pure functions, tested natively; the components only draw the results.

use ascend_types::{SalaryInfo, SalaryPeriod, SalarySource};

/// The periods the salary switch offers, in its order.
pub const SWITCH_PERIODS: [SalaryPeriod; 3] =
    [SalaryPeriod::Year, SalaryPeriod::Month, SalaryPeriod::Hour];

/// Working hours a year behind every hourly figure (40 a week, 52 weeks).
pub const HOURS_PER_WEEK: u32 = 40;
pub const WEEKS_PER_YEAR: u32 = 52;

/// A whole number with commas between thousands, for fixed English copy:
/// 2080 → "2,080".
pub fn thousands(number: u32) -> String {
    grouped(&number.to_string())
}

/// Digits with a comma before each group of three from the right.
fn grouped(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// The sign English puts before an amount in each currency, as
/// `Intl.NumberFormat("en")` writes it; other currencies lead with their
/// code and a space ("SEK 600,000").
const SYMBOLS: [(&str, &str); 14] = [
    ("USD", "$"),
    ("EUR", "€"),
    ("GBP", "£"),
    ("JPY", "¥"),
    ("INR", "₹"),
    ("CAD", "CA$"),
    ("AUD", "A$"),
    ("NZD", "NZ$"),
    ("MXN", "MX$"),
    ("BRL", "R$"),
    ("ILS", "₪"),
    ("KRW", "₩"),
    ("CNY", "CN¥"),
    ("HKD", "HK$"),
];

/// `amount` in `currency`, written as English writes money ("€80,000",
/// "$52.50", "SEK 600,000"), the same on the server and in the browser, so
/// the page the server drew is the page the browser adopts.
pub fn format_money(amount: f64, currency: &str, fraction_digits: u8) -> String {
    let text = fixed(amount, u32::from(fraction_digits));
    let (sign, number) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, part) = match number.split_once('.') {
        Some((whole, part)) => (whole, Some(part)),
        None => (number, None),
    };
    let mut figure = grouped(whole);
    if let Some(part) = part {
        figure.push('.');
        figure.push_str(part);
    }
    let code = currency.to_ascii_uppercase();
    match SYMBOLS.iter().find(|(known, _)| *known == code) {
        Some((_, symbol)) => format!("{sign}{symbol}{figure}"),
        None if is_currency_code(currency) => format!("{sign}{code}\u{a0}{figure}"),
        None => format!("{sign}{figure} {currency}"),
    }
}

/// `amount` in `currency` as the reader's browser writes money
/// (`Intl.NumberFormat` in the reader's language: "80.000 €" in German);
/// [`format_money`] off the browser or where `Intl` cannot say.
pub fn reader_money(amount: f64, currency: &str, fraction_digits: u8) -> String {
    #[cfg(target_arch = "wasm32")]
    if is_currency_code(currency) {
        let code = currency.to_ascii_uppercase();
        let text = READER_FORMATS.with(|formats| {
            let mut formats = formats.borrow_mut();
            let at = match formats
                .iter()
                .position(|(known, digits, _)| *known == code && *digits == fraction_digits)
            {
                Some(at) => at,
                None => {
                    formats.push((
                        code.clone(),
                        fraction_digits,
                        reader_format(&code, fraction_digits),
                    ));
                    formats.len() - 1
                }
            };
            let formatter = &formats[at].2;
            formatter
                .format()
                .call1(formatter, &amount.into())
                .ok()
                .and_then(|text| text.as_string())
        });
        if let Some(text) = text {
            return text;
        }
    }
    format_money(amount, currency, fraction_digits)
}

// Each `Intl.NumberFormat` costs about a millisecond to make (a job page
// writes some twenty figures), so each currency and precision gets one,
// made when first asked for.
#[cfg(target_arch = "wasm32")]
thread_local! {
    static READER_FORMATS: std::cell::RefCell<Vec<(String, u8, js_sys::Intl::NumberFormat)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// The reader's own way of writing `code` with `fraction_digits` decimals.
#[cfg(target_arch = "wasm32")]
fn reader_format(code: &str, fraction_digits: u8) -> js_sys::Intl::NumberFormat {
    let options = js_sys::Intl::NumberFormatOptions::new();
    options.set_style(js_sys::Intl::NumberFormatStyle::Currency);
    options.set_currency(code);
    options.set_minimum_fraction_digits(fraction_digits);
    options.set_maximum_fraction_digits(fraction_digits);
    js_sys::Intl::NumberFormat::new(&js_sys::Array::new(), &options)
}

/// Money as the page writes it: [`format_money`] while the browser adopts
/// the server's page (so both draw the same words), then, once the app
/// runs, [`reader_money`] in the reader's own way. Effects run only in the
/// browser, after hydration.
pub fn use_money_format() -> impl Fn(f64, &str, u8) -> String + Clone + Send + Sync + 'static {
    use leptos::prelude::*;
    let adopted = RwSignal::new(false);
    Effect::new(move |_| adopted.set(true));
    move |amount, currency, digits| {
        if adopted.get() {
            reader_money(amount, currency, digits)
        } else {
            format_money(amount, currency, digits)
        }
    }
}

/// `amount` paid per `from`, expressed per `to`: the one conversion the
/// server's estimates use too.
pub use ascend_types::salary::convert_period as convert;

/// The periods the switch offers for pay given per `given`. A part-time
/// job's hours are not known, so its pay is never turned into an hourly
/// figure, nor an hourly figure into a yearly one: it offers only what
/// follows from the employer's figure without assuming hours.
pub fn switch_periods(given: SalaryPeriod, part_time: bool) -> Vec<SalaryPeriod> {
    if !part_time {
        return SWITCH_PERIODS.to_vec();
    }
    match given {
        SalaryPeriod::Year | SalaryPeriod::Month => vec![SalaryPeriod::Year, SalaryPeriod::Month],
        other => vec![other],
    }
}

/// Digits after the decimal point for a period: whole units per year and
/// month, cents per hour (a rounded hourly rate hides a lot of money).
pub fn fraction_digits(period: SalaryPeriod) -> u8 {
    match period {
        SalaryPeriod::Hour => 2,
        _ => 0,
    }
}

/// Rounds `amount` as it will be shown for `period`, so that what is drawn
/// and what is written agree.
pub fn round_for(amount: f64, period: SalaryPeriod) -> f64 {
    let scale = 10f64.powi(i32::from(fraction_digits(period)));
    (amount * scale).round() / scale
}

/// The period the switch starts on: the job's own when the switch offers
/// it, otherwise a year.
pub fn initial_period(period: SalaryPeriod) -> SalaryPeriod {
    if SWITCH_PERIODS.contains(&period) {
        period
    } else {
        SalaryPeriod::Year
    }
}

/// "year", "month", "hour": the unit after the slash in "€80,000 / year".
pub fn period_unit(period: SalaryPeriod) -> &'static str {
    match period {
        SalaryPeriod::Year => "year",
        SalaryPeriod::Month => "month",
        SalaryPeriod::Week => "week",
        SalaryPeriod::Day => "day",
        SalaryPeriod::Hour => "hour",
    }
}

/// The switch's button text for a period.
pub fn period_option(period: SalaryPeriod) -> &'static str {
    match period {
        SalaryPeriod::Year => "Yearly",
        SalaryPeriod::Month => "Monthly",
        SalaryPeriod::Week => "Weekly",
        SalaryPeriod::Day => "Daily",
        SalaryPeriod::Hour => "Hourly",
    }
}

/// A salary's three figures for one period, rounded as shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SalaryFigures {
    pub min: f64,
    pub median: f64,
    pub max: f64,
}

impl SalaryFigures {
    pub fn of(info: &SalaryInfo, to: SalaryPeriod) -> Self {
        let figure = |amount: i64| round_for(convert(amount as f64, info.period, to), to);
        SalaryFigures {
            min: figure(info.min),
            median: figure(info.median),
            max: figure(info.max),
        }
    }

    /// Where the median sits between the minimum (0) and the maximum (100),
    /// in percent. A single figure (min = max) sits in the middle; a median
    /// outside the range is held at its nearer end.
    pub fn median_position(&self) -> f64 {
        let span = self.max - self.min;
        if span <= 0.0 || !span.is_finite() {
            return 50.0;
        }
        ((self.median - self.min) / span * 100.0).clamp(0.0, 100.0)
    }
}

/// Where the figures come from, in a few words for the label above them.
pub fn source_label(info: &SalaryInfo) -> String {
    match info.source {
        SalarySource::Employer => "Employer's range".into(),
        SalarySource::Estimate => match info.sample_size {
            Some(1) => "Ascend estimate from 1 similar job".into(),
            Some(n) => format!("Ascend estimate from {n} similar jobs"),
            None => "Ascend estimate from similar jobs".into(),
        },
    }
}

/// What the headline figure is, under it.
pub fn median_label(source: SalarySource) -> &'static str {
    match source {
        SalarySource::Employer => "Midpoint of the employer's range",
        SalarySource::Estimate => "Median of similar jobs",
    }
}

/// Whether `code` is shaped like an ISO 4217 code (`Intl.NumberFormat`
/// throws on anything else).
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic())
}

/// How full each of five stars is for a rating out of five, in percent:
/// 3.4 → [100, 100, 100, 40, 0]. Out-of-range ratings are held to 0..=5.
pub fn star_fills(rating: f64) -> [u8; 5] {
    let rating = if rating.is_finite() {
        rating.clamp(0.0, 5.0)
    } else {
        0.0
    };
    std::array::from_fn(|i| ((rating - i as f64).clamp(0.0, 1.0) * 100.0).round() as u8)
}

/// A rating as shown, to one decimal: 4 → "4.0".
pub fn rating_text(rating: f64) -> String {
    fixed(rating, 1)
}

/// `value` with `digits` decimals, rounded half away from zero: (2.5, 0) →
/// "3", (1.0, 2) → "1.00". Whole-number arithmetic instead of `{:.N}`,
/// whose float formatting would add about 10 KB to every page's wasm.
pub fn fixed(value: f64, digits: u32) -> String {
    let scale = 10_i64.pow(digits);
    let value = if value.is_finite() { value } else { 0.0 };
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, part) = (
        scaled.unsigned_abs() / scale as u64,
        scaled.unsigned_abs() % scale as u64,
    );
    if digits == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0width$}", width = digits as usize)
    }
}

/// "1 review", "48 reviews".
pub fn count_noun(count: i64, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(
        source: SalarySource,
        min: i64,
        median: i64,
        max: i64,
        period: SalaryPeriod,
    ) -> SalaryInfo {
        SalaryInfo {
            source,
            min,
            max,
            median,
            currency: "EUR".into(),
            period,
            sample_size: None,
        }
    }

    #[test]
    fn periods_convert_through_a_working_year() {
        assert_eq!(
            convert(80_000.0, SalaryPeriod::Year, SalaryPeriod::Month),
            80_000.0 / 12.0
        );
        assert_eq!(
            convert(50.0, SalaryPeriod::Hour, SalaryPeriod::Year),
            104_000.0
        );
        assert_eq!(
            convert(6_000.0, SalaryPeriod::Month, SalaryPeriod::Year),
            72_000.0
        );
        assert_eq!(
            convert(1_000.0, SalaryPeriod::Week, SalaryPeriod::Year),
            52_000.0
        );
        assert_eq!(
            f64::from(HOURS_PER_WEEK * WEEKS_PER_YEAR),
            SalaryPeriod::Hour.per_year(),
            "the stated assumption must be the one the maths uses"
        );
    }

    #[test]
    fn figures_are_rounded_as_shown() {
        let showcase = info(
            SalarySource::Employer,
            70_000,
            80_000,
            90_000,
            SalaryPeriod::Year,
        );
        let year = SalaryFigures::of(&showcase, SalaryPeriod::Year);
        assert_eq!(
            (year.min, year.median, year.max),
            (70_000.0, 80_000.0, 90_000.0)
        );
        let month = SalaryFigures::of(&showcase, SalaryPeriod::Month);
        assert_eq!(
            (month.min, month.median, month.max),
            (5_833.0, 6_667.0, 7_500.0)
        );
        let hour = SalaryFigures::of(&showcase, SalaryPeriod::Hour);
        assert_eq!((hour.min, hour.median, hour.max), (33.65, 38.46, 43.27));
    }

    #[test]
    fn hourly_jobs_convert_up_to_a_year() {
        let hourly = info(SalarySource::Estimate, 20, 25, 40, SalaryPeriod::Hour);
        let year = SalaryFigures::of(&hourly, SalaryPeriod::Year);
        assert_eq!(
            (year.min, year.median, year.max),
            (41_600.0, 52_000.0, 83_200.0)
        );
    }

    #[test]
    fn the_marker_sits_where_the_median_does() {
        let fig = |min, median, max| SalaryFigures { min, median, max }.median_position();
        assert_eq!(fig(70_000.0, 80_000.0, 90_000.0), 50.0);
        assert_eq!(fig(40_000.0, 50_000.0, 90_000.0), 20.0);
        assert_eq!(fig(40_000.0, 40_000.0, 90_000.0), 0.0);
        assert_eq!(
            fig(60_000.0, 60_000.0, 60_000.0),
            50.0,
            "one figure sits in the middle"
        );
        assert_eq!(
            fig(60_000.0, 95_000.0, 90_000.0),
            100.0,
            "held inside the bar"
        );
        assert_eq!(
            fig(90_000.0, 80_000.0, 70_000.0),
            50.0,
            "a reversed range does not crash"
        );
    }

    #[test]
    fn the_switch_starts_on_the_jobs_own_period() {
        assert_eq!(initial_period(SalaryPeriod::Hour), SalaryPeriod::Hour);
        assert_eq!(initial_period(SalaryPeriod::Month), SalaryPeriod::Month);
        assert_eq!(initial_period(SalaryPeriod::Week), SalaryPeriod::Year);
        assert_eq!(initial_period(SalaryPeriod::Day), SalaryPeriod::Year);
    }

    #[test]
    fn a_part_time_job_is_never_turned_into_hours() {
        assert_eq!(
            switch_periods(SalaryPeriod::Year, false),
            [SalaryPeriod::Year, SalaryPeriod::Month, SalaryPeriod::Hour]
        );
        assert_eq!(
            switch_periods(SalaryPeriod::Year, true),
            [SalaryPeriod::Year, SalaryPeriod::Month]
        );
        assert_eq!(
            switch_periods(SalaryPeriod::Hour, true),
            [SalaryPeriod::Hour]
        );
    }

    #[test]
    fn money_reads_as_english_writes_it() {
        assert_eq!(format_money(80_000.0, "EUR", 0), "€80,000");
        assert_eq!(format_money(52.5, "usd", 2), "$52.50");
        assert_eq!(format_money(1_234_567.0, "GBP", 0), "£1,234,567");
        assert_eq!(format_money(600_000.0, "SEK", 0), "SEK\u{a0}600,000");
        assert_eq!(format_money(999.0, "CAD", 0), "CA$999");
        assert_eq!(format_money(-40.0, "EUR", 0), "-€40");
        assert_eq!(format_money(5.0, "euros", 0), "5 euros");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(2080), "2,080");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn cents_only_per_hour() {
        assert_eq!(fraction_digits(SalaryPeriod::Year), 0);
        assert_eq!(fraction_digits(SalaryPeriod::Month), 0);
        assert_eq!(fraction_digits(SalaryPeriod::Hour), 2);
        assert_eq!(round_for(38.461_538, SalaryPeriod::Hour), 38.46);
        assert_eq!(round_for(6_666.67, SalaryPeriod::Month), 6_667.0);
    }

    #[test]
    fn the_label_names_the_source() {
        let mut salary = info(SalarySource::Employer, 1, 2, 3, SalaryPeriod::Year);
        assert_eq!(source_label(&salary), "Employer's range");
        salary.source = SalarySource::Estimate;
        salary.sample_size = Some(23);
        assert_eq!(
            source_label(&salary),
            "Ascend estimate from 23 similar jobs"
        );
        salary.sample_size = Some(1);
        assert_eq!(source_label(&salary), "Ascend estimate from 1 similar job");
        salary.sample_size = None;
        assert_eq!(source_label(&salary), "Ascend estimate from similar jobs");
    }

    #[test]
    fn currency_codes_are_three_letters() {
        assert!(is_currency_code("EUR"));
        assert!(is_currency_code("sek"));
        assert!(!is_currency_code("€"));
        assert!(!is_currency_code("EURO"));
        assert!(!is_currency_code("E1R"));
        assert!(!is_currency_code(""));
    }

    #[test]
    fn stars_fill_honestly() {
        assert_eq!(star_fills(4.0), [100, 100, 100, 100, 0]);
        assert_eq!(star_fills(3.4), [100, 100, 100, 40, 0]);
        assert_eq!(star_fills(4.75), [100, 100, 100, 100, 75]);
        assert_eq!(star_fills(0.2), [20, 0, 0, 0, 0]);
        assert_eq!(star_fills(7.0), [100; 5]);
        assert_eq!(star_fills(-1.0), [0; 5]);
        assert_eq!(star_fills(f64::NAN), [0; 5]);
    }

    #[test]
    fn ratings_and_counts_in_words() {
        assert_eq!(rating_text(4.0), "4.0");
        assert_eq!(rating_text(3.96), "4.0");
        assert_eq!(rating_text(3.12), "3.1");
    }

    #[test]
    fn fixed_decimals_round_half_away_from_zero() {
        assert_eq!(fixed(4.0, 1), "4.0");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(80_000.0, 0), "80000");
        assert_eq!(fixed(38.461_538, 2), "38.46");
        assert_eq!(fixed(0.005, 2), "0.01");
        assert_eq!(fixed(1.0, 2), "1.00");
        assert_eq!(fixed(-1.25, 1), "-1.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        assert_eq!(count_noun(1, "review", "reviews"), "1 review");
        assert_eq!(count_noun(48, "review", "reviews"), "48 reviews");
        assert_eq!(count_noun(0, "review", "reviews"), "0 reviews");
    }
}
