//! The countries a named region covers ("EMEA", "DACH", "Worldwide"), as
//! ISO 3166-1 alpha-2 codes. The schema.org markup names them for remote
//! jobs (search engines read countries, not "EMEA"), and the demo data keeps
//! a job's title, places and remote regions in agreement with them.
//!
//! The table describes geography, not where an employer may hire. Where a
//! country's continent is argued it picks one: Mexico is in Latin America
//! (as "North America" means in hiring), Turkey in the Middle East, the
//! Caucasus in Europe and Central Asia in Asia.

// The continents: every country is in exactly one (a test checks).

const EUROPE: &[&str] = &[
    "AD", "AL", "AM", "AT", "AZ", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES",
    "FI", "FR", "GB", "GE", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD",
    "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SK", "SM", "UA", "VA",
];
const MIDDLE_EAST: &[&str] = &[
    "AE", "BH", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE",
];
const AFRICA: &[&str] = &[
    "AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "DZ", "EG", "ER", "ET",
    "GA", "GH", "GM", "GN", "GQ", "GW", "KE", "KM", "LR", "LS", "LY", "MA", "MG", "ML", "MR", "MU",
    "MW", "MZ", "NA", "NE", "NG", "RW", "SC", "SD", "SL", "SN", "SO", "SS", "ST", "SZ", "TD", "TG",
    "TN", "TZ", "UG", "ZA", "ZM", "ZW",
];
const NORTH_AMERICA: &[&str] = &["CA", "US"];
// With the Caribbean, as "LATAM" means in hiring.
const LATIN_AMERICA: &[&str] = &[
    "AG", "AR", "BB", "BO", "BR", "BS", "BZ", "CL", "CO", "CR", "CU", "DM", "DO", "EC", "GD", "GT",
    "GY", "HN", "HT", "JM", "KN", "LC", "MX", "NI", "PA", "PE", "PY", "SR", "SV", "TT", "UY", "VC",
    "VE",
];
const ASIA: &[&str] = &[
    "AF", "BD", "BN", "BT", "CN", "HK", "ID", "IN", "JP", "KG", "KH", "KP", "KR", "KZ", "LA", "LK",
    "MM", "MN", "MO", "MV", "MY", "NP", "PH", "PK", "SG", "TH", "TJ", "TL", "TM", "TW", "UZ", "VN",
];
const OCEANIA: &[&str] = &[
    "AU", "FJ", "FM", "KI", "MH", "NR", "NZ", "PG", "PW", "SB", "TO", "TV", "VU", "WS",
];

/// Every country the table knows: what "Worldwide" covers.
const WORLD: &[&[&str]] = &[
    EUROPE,
    MIDDLE_EAST,
    AFRICA,
    NORTH_AMERICA,
    LATIN_AMERICA,
    ASIA,
    OCEANIA,
];

// Parts of a continent.

const EU: &[&str] = &[
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];
const SOUTH_AMERICA: &[&str] = &[
    "AR", "BO", "BR", "CL", "CO", "EC", "GY", "PE", "PY", "SR", "UY", "VE",
];

/// A region's names, lower case, and the disjoint parts it is made of.
#[derive(Debug, PartialEq, Eq)]
struct Entry {
    names: &'static [&'static str],
    parts: &'static [&'static [&'static str]],
}

const fn entry(names: &'static [&'static str], parts: &'static [&'static [&'static str]]) -> Entry {
    Entry { names, parts }
}

/// The first entry is the world, which [`Region::is_world`] relies on.
static REGIONS: &[Entry] = &[
    entry(&["worldwide", "anywhere", "global"], WORLD),
    entry(&["emea"], &[EUROPE, MIDDLE_EAST, AFRICA]),
    entry(&["europe"], &[EUROPE]),
    entry(&["eu", "european union"], &[EU]),
    entry(&["middle east"], &[MIDDLE_EAST]),
    entry(&["africa"], &[AFRICA]),
    entry(&["americas"], &[NORTH_AMERICA, LATIN_AMERICA]),
    entry(&["north america"], &[NORTH_AMERICA]),
    entry(&["latam", "latin america"], &[LATIN_AMERICA]),
    entry(&["south america"], &[SOUTH_AMERICA]),
    entry(&["apac", "asia pacific", "asia-pacific"], &[ASIA, OCEANIA]),
    entry(&["asia"], &[ASIA]),
    entry(&["oceania"], &[OCEANIA]),
    entry(&["nordics"], &[&["DK", "FI", "IS", "NO", "SE"]]),
    entry(&["dach"], &[&["AT", "CH", "DE"]]),
    entry(&["benelux"], &[&["BE", "LU", "NL"]]),
    entry(&["iberia"], &[&["ES", "PT"]]),
    entry(&["uk and ireland", "uk & ireland"], &[&["GB", "IE"]]),
];

/// A region of several countries that the table knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region(&'static Entry);

impl Region {
    /// The region `name` means, in any case ("EMEA", "dach", "Worldwide");
    /// `None` for a single country or a name the table does not know.
    pub fn named(name: &str) -> Option<Region> {
        let name = name.trim();
        REGIONS
            .iter()
            .find(|entry| entry.names.iter().any(|n| n.eq_ignore_ascii_case(name)))
            .map(Region)
    }

    /// Its countries' ISO 3166-1 alpha-2 codes, each once.
    pub fn countries(self) -> impl Iterator<Item = &'static str> {
        self.0.parts.iter().flat_map(|part| part.iter().copied())
    }

    /// Whether the country with ISO code `code` is in it.
    pub fn contains(self, code: &str) -> bool {
        self.countries().any(|c| c == code)
    }

    /// Whether every country of `other` is in it: Europe covers DACH.
    pub fn covers(self, other: Region) -> bool {
        other.countries().all(|c| self.contains(c))
    }

    /// Every country the table knows: what "Worldwide" means.
    pub fn world() -> Region {
        Region(&REGIONS[0])
    }

    /// Whether it puts no limit on where people live ("Worldwide").
    pub fn is_world(self) -> bool {
        self == Region::world()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn named(name: &str) -> Region {
        Region::named(name).unwrap_or_else(|| panic!("{name} is a region"))
    }

    fn codes(name: &str) -> Vec<&'static str> {
        named(name).countries().collect()
    }

    #[test]
    fn codes_are_alpha_2_and_each_continent_has_its_own() {
        let mut seen = HashSet::new();
        for code in WORLD.iter().flat_map(|part| part.iter()) {
            assert!(
                code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()),
                "{code}"
            );
            assert!(seen.insert(*code), "{code} is on two continents");
        }
        // The 193 members of the United Nations, and Hong Kong, Macau,
        // Palestine, Taiwan and the Vatican.
        assert_eq!(seen.len(), 198);
    }

    #[test]
    fn every_region_lies_in_the_world_and_names_each_country_once() {
        let world = Region::world();
        for entry in REGIONS {
            let region = Region(entry);
            let all: Vec<&str> = region.countries().collect();
            let distinct: HashSet<&str> = all.iter().copied().collect();
            assert_eq!(all.len(), distinct.len(), "{:?}", entry.names);
            assert!(!all.is_empty() && world.covers(region), "{:?}", entry.names);
            assert!(entry.names.iter().all(|n| *n == n.to_lowercase()));
        }
    }

    #[test]
    fn regions_hold_the_countries_people_expect() {
        let emea = codes("EMEA");
        for code in ["GB", "DE", "SE", "AE", "IL", "ZA", "EG", "NG"] {
            assert!(emea.contains(&code), "{code}");
        }
        for code in ["US", "CA", "MX", "BR", "IN", "JP", "AU"] {
            assert!(!emea.contains(&code), "{code}");
        }
        assert_eq!(codes("North America"), ["CA", "US"]);
        assert!(codes("LATAM").contains(&"MX") && codes("LATAM").contains(&"BR"));
        for code in ["JP", "IN", "SG", "AU", "NZ"] {
            assert!(codes("APAC").contains(&code), "{code}");
        }
        assert_eq!(codes("UK and Ireland"), ["GB", "IE"]);
        assert_eq!(codes("EU").len(), 27);
        assert!(!codes("EU").contains(&"GB") && !codes("EU").contains(&"CH"));
    }

    #[test]
    fn containment_follows_the_countries() {
        for (outer, inner) in [
            ("EMEA", "Europe"),
            ("Europe", "EU"),
            ("Europe", "DACH"),
            ("Europe", "Nordics"),
            ("Europe", "UK and Ireland"),
            ("EU", "Iberia"),
            ("Americas", "LATAM"),
            ("LATAM", "South America"),
            ("APAC", "Oceania"),
            ("Worldwide", "APAC"),
        ] {
            assert!(named(outer).covers(named(inner)), "{outer} covers {inner}");
            assert!(!named(inner).covers(named(outer)), "{inner} covers {outer}");
        }
        assert!(
            !named("EU").covers(named("DACH")),
            "Switzerland is not in the EU"
        );
        assert!(!named("North America").covers(named("LATAM")));
    }

    #[test]
    fn names_are_matched_in_any_case_and_countries_are_no_regions() {
        assert_eq!(Region::named(" emea "), Region::named("EMEA"));
        assert_eq!(Region::named("Dach"), Region::named("DACH"));
        assert!(Region::named("Anywhere").is_some_and(Region::is_world));
        assert!(Region::named("Worldwide").is_some_and(Region::is_world));
        assert!(!named("EMEA").is_world());
        for name in ["Portugal", "United Kingdom", "", "Mars"] {
            assert_eq!(Region::named(name), None, "{name}");
        }
    }
}
