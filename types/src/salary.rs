//! Salary maths both sides share: title families, regions, period
//! conversion, percentiles and rounding. Currency conversion is
//! [`crate::CurrencyRates::convert`].

use crate::SalaryPeriod;

/// Words that say how senior a role is, not what it is.
const SENIORITY_WORDS: &[&str] = &[
    "senior",
    "sr",
    "junior",
    "jr",
    "staff",
    "principal",
    "lead",
    "intern",
    "internship",
    "head",
    "of",
    "associate",
    "mid",
    "level",
    "i",
    "ii",
    "iii",
    "iv",
    "chief",
    "vp",
    "director",
    "graduate",
    "entry",
];

/// "Senior Backend Engineer, Payments (Remote)" -> "backend engineer".
pub fn title_family(title: &str) -> String {
    let core = title
        .split([',', '(', '|', '/'])
        .next()
        .unwrap_or(title)
        .split(" - ")
        .next()
        .unwrap_or(title)
        .split(" – ")
        .next()
        .unwrap_or(title);
    let words: Vec<String> = core
        .split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !SENIORITY_WORDS.contains(&w.as_str()))
        .collect();
    if words.is_empty() {
        title.trim().to_lowercase()
    } else {
        words.join(" ")
    }
}

/// The coarse region of a place in words ("Berlin, Germany" -> "europe"),
/// judged by its last comma-separated part. `None` when unknown.
pub fn region_of(place: &str) -> Option<&'static str> {
    let lowered = place.to_lowercase();
    let last = lowered.rsplit(',').next().unwrap_or(&lowered).trim();
    let by_region_name = [
        ("emea", "europe"),
        ("europe", "europe"),
        ("north america", "north_america"),
        ("latam", "south_america"),
        ("latin america", "south_america"),
        ("south america", "south_america"),
        ("apac", "asia_pacific"),
        ("asia", "asia_pacific"),
        ("africa", "africa"),
        ("oceania", "asia_pacific"),
    ];
    if let Some((_, region)) = by_region_name
        .iter()
        .find(|(name, _)| lowered.contains(name))
    {
        return Some(region);
    }
    COUNTRY_REGIONS
        .iter()
        .find(|(country, _)| *country == last)
        .map(|(_, region)| *region)
}

/// The currency pay is quoted in where a job is: its country's, judged by
/// the place's last comma-separated part ("London, United Kingdom" is GBP),
/// or for a remote job the one its region mostly pays in ("Remote in
/// EMEA" is EUR). `None` when the place says neither.
pub fn currency_of(place: &str) -> Option<&'static str> {
    let lowered = place.to_lowercase();
    let last = lowered.rsplit(',').next().unwrap_or(&lowered).trim();
    if let Some((_, currency)) = COUNTRY_CURRENCIES
        .iter()
        .find(|(country, _)| *country == last)
    {
        return Some(currency);
    }
    let by_region = [
        ("emea", "EUR"),
        ("europe", "EUR"),
        ("north america", "USD"),
        ("latam", "USD"),
        ("latin america", "USD"),
        ("apac", "USD"),
        ("worldwide", "USD"),
        ("anywhere", "USD"),
    ];
    by_region
        .iter()
        .find(|(name, _)| lowered.contains(name))
        .map(|(_, currency)| *currency)
}

const COUNTRY_CURRENCIES: &[(&str, &str)] = &[
    ("germany", "EUR"),
    ("france", "EUR"),
    ("spain", "EUR"),
    ("portugal", "EUR"),
    ("italy", "EUR"),
    ("netherlands", "EUR"),
    ("belgium", "EUR"),
    ("ireland", "EUR"),
    ("austria", "EUR"),
    ("finland", "EUR"),
    ("estonia", "EUR"),
    ("greece", "EUR"),
    ("united kingdom", "GBP"),
    ("uk", "GBP"),
    ("sweden", "SEK"),
    ("norway", "NOK"),
    ("denmark", "DKK"),
    ("poland", "PLN"),
    ("switzerland", "CHF"),
    ("czechia", "CZK"),
    ("united states", "USD"),
    ("usa", "USD"),
    ("us", "USD"),
    ("canada", "CAD"),
    ("mexico", "MXN"),
    ("brazil", "BRL"),
    ("argentina", "USD"),
    ("chile", "CLP"),
    ("colombia", "COP"),
    ("india", "INR"),
    ("japan", "JPY"),
    ("singapore", "SGD"),
    ("australia", "AUD"),
    ("new zealand", "NZD"),
    ("south korea", "KRW"),
    ("south africa", "ZAR"),
    ("nigeria", "NGN"),
    ("kenya", "KES"),
    ("egypt", "EGP"),
    ("united arab emirates", "AED"),
    ("israel", "ILS"),
];

const COUNTRY_REGIONS: &[(&str, &str)] = &[
    ("germany", "europe"),
    ("france", "europe"),
    ("spain", "europe"),
    ("portugal", "europe"),
    ("italy", "europe"),
    ("netherlands", "europe"),
    ("belgium", "europe"),
    ("ireland", "europe"),
    ("united kingdom", "europe"),
    ("uk", "europe"),
    ("sweden", "europe"),
    ("norway", "europe"),
    ("denmark", "europe"),
    ("finland", "europe"),
    ("poland", "europe"),
    ("switzerland", "europe"),
    ("austria", "europe"),
    ("czechia", "europe"),
    ("estonia", "europe"),
    ("greece", "europe"),
    ("united states", "north_america"),
    ("usa", "north_america"),
    ("us", "north_america"),
    ("canada", "north_america"),
    ("mexico", "north_america"),
    ("brazil", "south_america"),
    ("argentina", "south_america"),
    ("chile", "south_america"),
    ("colombia", "south_america"),
    ("india", "asia_pacific"),
    ("japan", "asia_pacific"),
    ("singapore", "asia_pacific"),
    ("australia", "asia_pacific"),
    ("new zealand", "asia_pacific"),
    ("south korea", "asia_pacific"),
    ("vietnam", "asia_pacific"),
    ("indonesia", "asia_pacific"),
    ("philippines", "asia_pacific"),
    ("south africa", "africa"),
    ("nigeria", "africa"),
    ("kenya", "africa"),
    ("egypt", "africa"),
    ("morocco", "africa"),
    ("ghana", "africa"),
    ("united arab emirates", "middle_east"),
    ("uae", "middle_east"),
    ("israel", "middle_east"),
    ("saudi arabia", "middle_east"),
];

/// Converts an amount paid per `from` into the same pay per `to`.
pub fn convert_period(amount: f64, from: SalaryPeriod, to: SalaryPeriod) -> f64 {
    amount * from.per_year() / to.per_year()
}

/// The `p`-th percentile (0 to 100) of sorted values, interpolating
/// linearly between neighbours. `None` for no values.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let rank = p.clamp(0.0, 100.0) / 100.0 * last as f64;
    let low = rank.floor() as usize;
    let high = rank.ceil() as usize;
    let weight = rank - low as f64;
    Some(sorted[low] * (1.0 - weight) + sorted[high] * weight)
}

/// Rounds a pay figure to what people quote: thousands for a year, tens
/// for a month or week, whole units for a day or hour.
pub fn round_for_period(amount: f64, period: SalaryPeriod) -> i64 {
    let step = match period {
        SalaryPeriod::Year => 1000.0,
        SalaryPeriod::Month | SalaryPeriod::Week => 10.0,
        SalaryPeriod::Day | SalaryPeriod::Hour => 1.0,
    };
    ((amount / step).round() * step) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_drop_seniority_and_team() {
        assert_eq!(
            title_family("Senior Backend Engineer, Payments"),
            "backend engineer"
        );
        assert_eq!(
            title_family("Backend Engineer - Personalization"),
            "backend engineer"
        );
        assert_eq!(
            title_family("Staff Software Engineer II (Remote)"),
            "software engineer"
        );
        assert_eq!(title_family("Head of Design"), "design");
        assert_eq!(title_family("C++ Developer"), "c++ developer");
        assert_eq!(title_family("Intern"), "intern");
    }

    #[test]
    fn currencies_from_places() {
        assert_eq!(currency_of("London, United Kingdom"), Some("GBP"));
        assert_eq!(currency_of("Denver, United States"), Some("USD"));
        assert_eq!(currency_of("Gothenburg, Sweden"), Some("SEK"));
        assert_eq!(currency_of("Berlin, Germany"), Some("EUR"));
        assert_eq!(currency_of("Remote in EMEA"), Some("EUR"));
        assert_eq!(currency_of("Remote in North America"), Some("USD"));
        assert_eq!(currency_of("Atlantis"), None);
    }

    #[test]
    fn regions_from_places() {
        assert_eq!(region_of("Berlin, Germany"), Some("europe"));
        assert_eq!(region_of("Remote in EMEA"), Some("europe"));
        assert_eq!(
            region_of("Austin, Texas, United States"),
            Some("north_america")
        );
        assert_eq!(region_of("São Paulo, Brazil"), Some("south_america"));
        assert_eq!(region_of("Nairobi, Kenya"), Some("africa"));
        assert_eq!(region_of("Atlantis"), None);
    }

    #[test]
    fn conversions() {
        let rates = crate::CurrencyRates {
            base: "USD".into(),
            rates: [("USD", 1.0), ("EUR", 0.9), ("SEK", 10.0)]
                .map(|(code, rate)| (code.to_owned(), rate))
                .into(),
        };
        assert_eq!(rates.convert(100.0, "USD", "EUR"), Some(90.0));
        assert!((rates.convert(90.0, "EUR", "SEK").unwrap() - 1000.0).abs() < 1e-9);
        assert_eq!(rates.convert(1.0, "XYZ", "USD"), None);
        assert_eq!(
            convert_period(50.0, SalaryPeriod::Hour, SalaryPeriod::Year),
            104_000.0
        );
        assert_eq!(
            convert_period(120_000.0, SalaryPeriod::Year, SalaryPeriod::Month),
            10_000.0
        );
    }

    #[test]
    fn percentiles_interpolate() {
        let values = [10.0, 20.0, 30.0, 40.0, 50.0];
        assert_eq!(percentile(&values, 50.0), Some(30.0));
        assert_eq!(percentile(&values, 0.0), Some(10.0));
        assert_eq!(percentile(&values, 100.0), Some(50.0));
        assert_eq!(percentile(&values, 10.0), Some(14.0));
        assert_eq!(percentile(&[], 50.0), None);
        assert_eq!(percentile(&[7.0], 90.0), Some(7.0));
    }

    #[test]
    fn rounding_by_period() {
        assert_eq!(round_for_period(110_499.0, SalaryPeriod::Year), 110_000);
        assert_eq!(round_for_period(4_567.0, SalaryPeriod::Month), 4_570);
        assert_eq!(round_for_period(52.6, SalaryPeriod::Hour), 53);
    }
}
