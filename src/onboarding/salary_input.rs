//! Reading the salary field as people type it, in any of the common ways:
//! `75000`, `75,000`, `75.000`, `75 000`, `75'000`, `75k`, `75.5k`, `1.2m`,
//! `€75k`, `$75,000`, `75 000 kr`, `EUR 75k`, `40/h`, `5,500 a month`.
//!
//! How the ambiguous forms are read:
//! - One `.` or `,` followed by exactly three digits, after one to three
//!   digits, groups thousands (`75.000` and `75,000` are 75,000; `1.500` a
//!   month is 1,500): that is how both English and German write pay, and
//!   nobody's pay has a tenth of a cent. Any other single mark is a decimal
//!   point (`32.50`, `32,5`, `75.5`, `1.2345`), and so is a mark after
//!   `k` or `m` (`1.500k` is 1,500).
//! - With both marks, the last one is the decimal point: `1.234,56` and
//!   `1,234.56` both read 1,234.56.
//! - Spaces, apostrophes and underscores group thousands only, in groups of
//!   three (`75 000`, `1'250'000`); `75 00` is refused rather than guessed.
//! - A yearly amount under 1,000 without `k` or `m` is in thousands: `75`
//!   or `75.5` a year is how people say 75,000 or 75,500 (nobody earns 75 a
//!   year). A month's or an hour's amount is read as written.
//! - `$`, `¥` and `kr` stand for the chosen currency when it is a dollar,
//!   yen/yuan or krona/krone, else for USD, JPY and SEK.
//!
//! The field says next to it what it understood ("Read as 75,000 EUR a
//! year"), so a wrong guess is seen before it counts.

use ascend_types::SalaryPeriod;

/// The most an amount may be (in any currency and period).
const MAX_AMOUNT: f64 = 1e10;

pub const EMPTY: &str = "Enter the amount before tax, or skip this step.";
pub const NOT_A_NUMBER: &str =
    "Write the amount before tax in figures, like 65000, 65.000, 65,000 or 65k.";
pub const NOT_ABOVE_ZERO: &str = "The amount before tax must be above zero.";
pub const TOO_LARGE: &str = "The amount before tax must be below ten billion.";
pub const RANGE: &str = "Enter one amount before tax, not a range: the lowest you would accept.";
pub const TWO_CURRENCIES: &str =
    "The amount before tax names two currencies; keep one, or choose it under Currency.";
pub const OTHER_PERIOD: &str =
    "Give the amount before tax per year, month or hour, and choose which under Period.";

/// What the salary field was understood to say.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SalaryReading {
    /// In units of the currency, rounded to cents.
    pub amount: f64,
    /// The currency the text named (`€`, `$`, `EUR`), if it named one.
    pub currency: Option<&'static str>,
    /// The period the text named (`/h`, `a month`), if it named one.
    pub period: Option<SalaryPeriod>,
}

/// Currencies by their ISO code, as typed before or after the amount.
const CODES: [&str; 30] = [
    "EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN",
    "TRY", "ILS", "JPY", "CNY", "INR", "KRW", "SGD", "HKD", "AUD", "NZD", "CAD", "MXN", "BRL",
    "ZAR", "AED", "UAH", "RSD",
];
const DOLLARS: [&str; 7] = ["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"];
const YEN: [&str; 2] = ["JPY", "CNY"];
const KRONOR: [&str; 4] = ["SEK", "NOK", "DKK", "ISK"];

/// What a symbol stands for: one currency, or the chosen one of a family.
#[derive(Clone, Copy)]
enum Symbol {
    One(&'static str),
    Family(&'static [&'static str]),
}

/// Symbols and prefixed symbols, lower case; longer ones first so that
/// `us$` is not read as `$`.
const SYMBOLS: [(&str, Symbol); 17] = [
    ("us$", Symbol::One("USD")),
    ("ca$", Symbol::One("CAD")),
    ("au$", Symbol::One("AUD")),
    ("nz$", Symbol::One("NZD")),
    ("hk$", Symbol::One("HKD")),
    ("c$", Symbol::One("CAD")),
    ("a$", Symbol::One("AUD")),
    ("s$", Symbol::One("SGD")),
    ("r$", Symbol::One("BRL")),
    ("kr.", Symbol::Family(&KRONOR)),
    ("kr", Symbol::Family(&KRONOR)),
    ("zł", Symbol::One("PLN")),
    ("€", Symbol::One("EUR")),
    ("£", Symbol::One("GBP")),
    ("₹", Symbol::One("INR")),
    ("¥", Symbol::Family(&YEN)),
    ("$", Symbol::Family(&DOLLARS)),
];

impl Symbol {
    fn resolve(self, chosen: &str) -> &'static str {
        match self {
            Symbol::One(code) => code,
            Symbol::Family(codes) => codes
                .iter()
                .copied()
                .find(|code| code.eq_ignore_ascii_case(chosen.trim()))
                .unwrap_or(codes[0]),
        }
    }
}

/// Words for a period, lower case, as typed after the amount.
const PERIODS: [(&str, Option<SalaryPeriod>); 28] = [
    ("per annum", Some(SalaryPeriod::Year)),
    ("per year", Some(SalaryPeriod::Year)),
    ("a year", Some(SalaryPeriod::Year)),
    ("annually", Some(SalaryPeriod::Year)),
    ("yearly", Some(SalaryPeriod::Year)),
    ("/year", Some(SalaryPeriod::Year)),
    ("/yr", Some(SalaryPeriod::Year)),
    ("/y", Some(SalaryPeriod::Year)),
    ("p.a.", Some(SalaryPeriod::Year)),
    ("p.a", Some(SalaryPeriod::Year)),
    ("per month", Some(SalaryPeriod::Month)),
    ("a month", Some(SalaryPeriod::Month)),
    ("monthly", Some(SalaryPeriod::Month)),
    ("/month", Some(SalaryPeriod::Month)),
    ("/mo", Some(SalaryPeriod::Month)),
    ("per hour", Some(SalaryPeriod::Hour)),
    ("an hour", Some(SalaryPeriod::Hour)),
    ("hourly", Some(SalaryPeriod::Hour)),
    ("/hour", Some(SalaryPeriod::Hour)),
    ("/hr", Some(SalaryPeriod::Hour)),
    ("/h", Some(SalaryPeriod::Hour)),
    // The field offers no weekly or daily expectation: said so, not guessed.
    ("per week", None),
    ("a week", None),
    ("weekly", None),
    ("/week", None),
    ("per day", None),
    ("a day", None),
    ("/day", None),
];

/// Multipliers after the figure, lower case, longer ones first; the value
/// is the power of ten.
const MULTIPLIERS: [(&str, usize); 6] = [
    ("thousand", 3),
    ("million", 6),
    ("mio", 6),
    ("mn", 6),
    ("k", 3),
    ("m", 6),
];

/// Characters that only ever group thousands.
fn groups_only(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}' | '_'
    )
}

/// Reads what was typed in the salary field, with the currency and period
/// chosen beside it (for `$` and for whether `75` a year means 75,000).
/// The errors name the field.
pub fn read_salary(
    text: &str,
    chosen_currency: &str,
    chosen_period: SalaryPeriod,
) -> Result<SalaryReading, &'static str> {
    let lower = text.trim().to_lowercase();
    if lower.is_empty() {
        return Err(EMPTY);
    }
    let mut rest = lower.as_str();

    // The period, last: "75k/year", "40 an hour".
    let mut period = None;
    for (word, named) in PERIODS {
        if let Some(before) = rest.strip_suffix(word) {
            period = Some(named.ok_or(OTHER_PERIOD)?);
            rest = before.trim_end();
            break;
        }
    }

    // "~75k", "75k+": about, at least.
    rest = rest
        .trim_start_matches(['~', '≈'])
        .trim_end_matches('+')
        .trim();

    // The currency, before or after: "€75k", "75.000 €", "EUR 75k".
    let mut currency = None;
    if let Some((code, after)) = strip_currency(rest, chosen_currency, true) {
        currency = Some(code);
        rest = after;
    }
    if let Some((code, before)) = strip_currency(rest, chosen_currency, false) {
        if currency.is_some_and(|earlier| earlier != code) {
            return Err(TWO_CURRENCIES);
        }
        currency = Some(code);
        rest = before;
    }
    // "75.000,-": no cents.
    for dash in [",--", ",-", ".-"] {
        if let Some(before) = rest.strip_suffix(dash) {
            rest = before;
            break;
        }
    }

    if rest.starts_with(['-', '−']) {
        return Err(NOT_ABOVE_ZERO);
    }
    if rest.contains(['-', '–', '—', '−']) || rest.contains(" to ") {
        return Err(RANGE);
    }

    let mut shift = 0;
    for (word, power) in MULTIPLIERS {
        if let Some(before) = rest.strip_suffix(word) {
            shift = power;
            rest = before.trim_end();
            break;
        }
    }
    let (whole, fraction) = split_figure(rest, shift > 0).ok_or(NOT_A_NUMBER)?;
    let mut amount = scaled(&whole, &fraction, shift).ok_or(NOT_A_NUMBER)?;
    if shift == 0 && period.unwrap_or(chosen_period) == SalaryPeriod::Year && amount < 1000.0 {
        amount *= 1000.0;
    }
    let amount = (amount * 100.0).round() / 100.0;
    if amount <= 0.0 {
        return Err(NOT_ABOVE_ZERO);
    }
    if amount >= MAX_AMOUNT {
        return Err(TOO_LARGE);
    }
    Ok(SalaryReading {
        amount,
        currency,
        period,
    })
}

/// A currency at the start (`prefix`) or end of `text`, and the rest.
fn strip_currency<'a>(
    text: &'a str,
    chosen: &str,
    prefix: bool,
) -> Option<(&'static str, &'a str)> {
    let strip = |token: &str| {
        let rest = if prefix {
            text.strip_prefix(token)?
        } else {
            text.strip_suffix(token)?
        };
        Some(rest.trim())
    };
    for (token, symbol) in SYMBOLS {
        if let Some(rest) = strip(token) {
            return Some((symbol.resolve(chosen), rest));
        }
    }
    CODES.into_iter().find_map(|code| {
        let rest = strip(&code.to_lowercase())?;
        Some((code, rest))
    })
}

/// The whole and fractional digits of a figure with its grouping marks,
/// or `None` if it is not one. `scaled`: a `k` or `m` follows, so a single
/// mark is a decimal point.
fn split_figure(text: &str, scaled: bool) -> Option<(String, String)> {
    let text = text.trim();
    let padded;
    let text = if text.starts_with(['.', ',']) {
        padded = format!("0{text}");
        padded.as_str()
    } else {
        text
    };
    let allowed = |c: char| c.is_ascii_digit() || c == '.' || c == ',' || groups_only(c);
    let digit_ends = text.starts_with(|c: char| c.is_ascii_digit())
        && text.ends_with(|c: char| c.is_ascii_digit());
    if !digit_ends || !text.chars().all(allowed) {
        return None;
    }
    let count = |mark: char| text.matches(mark).count();
    let decimal = match (count('.'), count(',')) {
        (0, 0) => None,
        (1, 0) | (0, 1) => {
            let mark = if text.contains('.') { '.' } else { ',' };
            let (before, after) = text.split_once(mark)?;
            let groups_thousands = !scaled
                && !before.contains(groups_only)
                && after.len() == 3
                && (1..=3).contains(&before.len())
                && before != "0";
            (!groups_thousands).then_some(mark)
        }
        (dots, commas) if dots > 0 && commas > 0 => {
            let last = text.chars().rev().find(|c| matches!(c, '.' | ','))?;
            if count(last) > 1 {
                return None;
            }
            Some(last)
        }
        // Several of one mark: "1.234.567".
        _ => None,
    };
    let (whole, fraction) = match decimal {
        Some(mark) => text.split_once(mark)?,
        None => (text, ""),
    };
    if !fraction.chars().all(|c| c.is_ascii_digit()) || (decimal.is_some() && fraction.is_empty()) {
        return None;
    }
    let groups: Vec<&str> = whole
        .split(|c: char| c == '.' || c == ',' || groups_only(c))
        .collect();
    // Threes, or the Indian lakh and crore: "12,34,567".
    let well_grouped = match groups.as_slice() {
        [only] => !only.is_empty(),
        [first, middle @ .., last] => {
            let all = |len: usize| middle.iter().all(|g| g.len() == len);
            (1..=3).contains(&first.len())
                && last.len() == 3
                && (all(3) || (all(2) && first.len() <= 2))
        }
        [] => false,
    };
    if !well_grouped {
        return None;
    }
    Some((groups.concat(), fraction.to_owned()))
}

/// `whole.fraction` times ten to the `shift`, moving the point in the digits
/// so that `1.2m` is exactly 1,200,000.
fn scaled(whole: &str, fraction: &str, shift: usize) -> Option<f64> {
    let mut digits = format!("{whole}{fraction}");
    let point = whole.len() + shift;
    while digits.len() < point {
        digits.push('0');
    }
    digits.insert(point, '.');
    digits.parse().ok()
}

/// An amount with commas between thousands: `75,000`, `1,234,567.50`.
pub fn grouped_amount(amount: f64) -> String {
    let plain = super::format_amount(amount);
    let (whole, fraction) = plain
        .split_once('.')
        .map_or((plain.as_str(), None), |(w, f)| (w, Some(f)));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        Some(fraction) => format!("{grouped}.{fraction}"),
        None => grouped,
    }
}

/// "a year", "an hour".
pub fn per_period(period: SalaryPeriod) -> &'static str {
    match period {
        SalaryPeriod::Year => "a year",
        SalaryPeriod::Month => "a month",
        SalaryPeriod::Week => "a week",
        SalaryPeriod::Day => "a day",
        SalaryPeriod::Hour => "an hour",
    }
}

/// What the field says it understood: "Read as 75,000 EUR a year."
pub fn read_as(amount: f64, currency: &str, period: SalaryPeriod) -> String {
    format!(
        "Read as {} {} {}.",
        grouped_amount(amount),
        currency.trim(),
        per_period(period)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use SalaryPeriod::{Hour, Month, Year};

    fn amount(text: &str) -> Result<f64, &'static str> {
        read_salary(text, "EUR", Year).map(|r| r.amount)
    }

    #[test]
    fn plain_and_grouped_figures() {
        for text in [
            "75000",
            "75,000",
            "75.000",
            "75 000",
            "75\u{a0}000",
            "75\u{202f}000",
            "75'000",
            "75_000",
            " 75000 ",
            "75k",
            "75K",
            "75 k",
            "75",
            "75 thousand",
        ] {
            assert_eq!(amount(text), Ok(75_000.0), "{text:?}");
        }
        assert_eq!(amount("1.234.567"), Ok(1_234_567.0));
        assert_eq!(amount("1,234,567"), Ok(1_234_567.0));
        assert_eq!(amount("1 234 567"), Ok(1_234_567.0));
        assert_eq!(amount("120000"), Ok(120_000.0));
        assert_eq!(amount("12,34,567"), Ok(1_234_567.0), "Indian grouping");
        assert_eq!(amount("75.000,-"), Ok(75_000.0));
        assert_eq!(amount("75.000,- €"), Ok(75_000.0));
    }

    #[test]
    fn german_thousands_are_not_read_as_decimals() {
        // The defect: "75.000" was 75 a year, and matched every job.
        assert_eq!(amount("75.000"), Ok(75_000.0));
        assert_eq!(read_salary("1.500", "EUR", Month).unwrap().amount, 1_500.0);
        assert_eq!(
            read_salary("2.500,50", "EUR", Month).unwrap().amount,
            2_500.5
        );
        assert_eq!(
            read_salary("2,500.50", "EUR", Month).unwrap().amount,
            2_500.5
        );
        assert_eq!(
            read_salary("1.234.567,89", "EUR", Year).unwrap().amount,
            1_234_567.89
        );
        assert_eq!(
            read_salary("1 234,5", "EUR", Month).unwrap().amount,
            1_234.5
        );
    }

    #[test]
    fn single_marks_before_other_than_three_digits_are_decimals() {
        assert_eq!(read_salary("32.50", "EUR", Hour).unwrap().amount, 32.5);
        assert_eq!(read_salary("32,5", "EUR", Hour).unwrap().amount, 32.5);
        assert_eq!(read_salary("0.500", "EUR", Hour).unwrap().amount, 0.5);
        assert_eq!(read_salary("1.2345", "EUR", Hour).unwrap().amount, 1.23);
        assert_eq!(
            read_salary("12345.678", "EUR", Hour).unwrap().amount,
            12_345.68
        );
        assert_eq!(read_salary(".5", "EUR", Hour).unwrap().amount, 0.5);
    }

    #[test]
    fn k_and_m_scale_exactly() {
        assert_eq!(amount("75.5k"), Ok(75_500.0));
        assert_eq!(amount("75,5k"), Ok(75_500.0));
        assert_eq!(amount("1.2m"), Ok(1_200_000.0));
        assert_eq!(amount("1.2M"), Ok(1_200_000.0));
        assert_eq!(amount("1,25 mio"), Ok(1_250_000.0));
        assert_eq!(
            amount("1.500k"),
            Ok(1_500.0),
            "after k a mark is a decimal point"
        );
        assert_eq!(
            amount("0.5k"),
            Ok(500.0),
            "a figure in k is not multiplied again"
        );
        assert_eq!(read_salary("2k", "EUR", Hour).unwrap().amount, 2_000.0);
    }

    #[test]
    fn a_small_yearly_figure_is_in_thousands_but_not_a_monthly_or_hourly_one() {
        assert_eq!(amount("75.5"), Ok(75_500.0));
        assert_eq!(amount("999"), Ok(999_000.0));
        assert_eq!(amount("1000"), Ok(1_000.0));
        assert_eq!(read_salary("75.5", "EUR", Month).unwrap().amount, 75.5);
        assert_eq!(read_salary("40", "EUR", Hour).unwrap().amount, 40.0);
        // The period typed counts, not only the one chosen.
        assert_eq!(read_salary("40/h", "EUR", Year).unwrap().amount, 40.0);
        assert_eq!(
            read_salary("80 a year", "EUR", Hour).unwrap().amount,
            80_000.0
        );
    }

    #[test]
    fn currencies_before_or_after_are_understood() {
        let read = |text: &str, chosen: &str| {
            let r = read_salary(text, chosen, Year).unwrap();
            (r.amount, r.currency)
        };
        assert_eq!(read("€75k", "USD"), (75_000.0, Some("EUR")));
        assert_eq!(read("75.000 €", "USD"), (75_000.0, Some("EUR")));
        assert_eq!(read("75k€", "USD"), (75_000.0, Some("EUR")));
        assert_eq!(read("75k €", "USD"), (75_000.0, Some("EUR")));
        assert_eq!(read("$75,000", "EUR"), (75_000.0, Some("USD")));
        assert_eq!(
            read("$75,000", "CAD"),
            (75_000.0, Some("CAD")),
            "$ is the chosen dollar"
        );
        assert_eq!(read("US$ 75k", "CAD"), (75_000.0, Some("USD")));
        assert_eq!(read("£60k", "EUR"), (60_000.0, Some("GBP")));
        assert_eq!(read("EUR 75k", "USD"), (75_000.0, Some("EUR")));
        assert_eq!(read("75000 usd", "EUR"), (75_000.0, Some("USD")));
        assert_eq!(read("75 000 kr", "NOK"), (75_000.0, Some("NOK")));
        assert_eq!(read("450 000 kr", "EUR"), (450_000.0, Some("SEK")));
        assert_eq!(read("¥6m", "EUR"), (6_000_000.0, Some("JPY")));
        assert_eq!(read("~€75k+", "EUR"), (75_000.0, Some("EUR")));
        assert_eq!(read("75000", "EUR"), (75_000.0, None));
        assert_eq!(read("€75k EUR", "USD"), (75_000.0, Some("EUR")));
        assert_eq!(read_salary("€75k $", "EUR", Year), Err(TWO_CURRENCIES));
    }

    #[test]
    fn periods_after_the_amount_are_understood() {
        let period = |text: &str| read_salary(text, "EUR", Year).unwrap().period;
        assert_eq!(period("75k/year"), Some(Year));
        assert_eq!(period("75k p.a."), Some(Year));
        assert_eq!(period("5,500 a month"), Some(Month));
        assert_eq!(period("€5500/mo"), Some(Month));
        assert_eq!(period("40 an hour"), Some(Hour));
        assert_eq!(period("$40/h"), Some(Hour));
        assert_eq!(period("75k"), None);
        assert_eq!(read_salary("800 a day", "EUR", Year), Err(OTHER_PERIOD));
        assert_eq!(read_salary("2k/week", "EUR", Year), Err(OTHER_PERIOD));
    }

    #[test]
    fn nonsense_is_refused_with_a_message_naming_the_field() {
        assert_eq!(amount(""), Err(EMPTY));
        assert_eq!(amount("   "), Err(EMPTY));
        for text in [
            "lots",
            "abc",
            "75 abc",
            "1.2.3",
            "1,2,3",
            "75,",
            "75.",
            "7 5",
            "75 00",
            "123,45,678",
            "75  000",
            "12a",
            "k",
            "€",
            "75kk",
            "1.234,567.8",
            "1.2.3k",
            "0x10",
            "1e5",
            "NaN",
            "inf",
        ] {
            assert_eq!(amount(text), Err(NOT_A_NUMBER), "{text:?}");
        }
        assert_eq!(amount("0"), Err(NOT_ABOVE_ZERO));
        assert_eq!(amount("0k"), Err(NOT_ABOVE_ZERO));
        assert_eq!(amount("-5"), Err(NOT_ABOVE_ZERO));
        assert_eq!(amount("€-5k"), Err(NOT_ABOVE_ZERO));
        assert_eq!(amount("60-70k"), Err(RANGE));
        assert_eq!(amount("60k – 70k"), Err(RANGE));
        assert_eq!(amount("60k to 70k"), Err(RANGE));
        assert_eq!(amount("99999999999"), Err(TOO_LARGE));
        assert_eq!(amount("10000m"), Err(TOO_LARGE));
        for message in [
            EMPTY,
            NOT_A_NUMBER,
            NOT_ABOVE_ZERO,
            TOO_LARGE,
            RANGE,
            TWO_CURRENCIES,
            OTHER_PERIOD,
        ] {
            assert!(message.contains("amount before tax"), "{message}");
        }
    }

    #[test]
    fn the_field_says_what_it_read() {
        assert_eq!(read_as(75_000.0, "EUR", Year), "Read as 75,000 EUR a year.");
        assert_eq!(read_as(32.5, "GBP", Hour), "Read as 32.50 GBP an hour.");
        assert_eq!(read_as(5_500.0, "SEK", Month), "Read as 5,500 SEK a month.");
        assert_eq!(grouped_amount(1_234_567.5), "1,234,567.50");
        assert_eq!(grouped_amount(950.0), "950");
    }
}
