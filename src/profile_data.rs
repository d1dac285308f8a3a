//! The visitor's profile as it is kept in `localStorage`: versioned JSON,
//! read back through migrations from older versions, and dropped (with a
//! reason to show) when it is damaged or from a newer app. Pure, so it is
//! tested natively; it never leaves the device.

use ascend_types::{SalaryPeriod, Seniority, WorkModel};
use serde::{Deserialize, Serialize};

use crate::matching::{Preferences, SalaryWish};

/// The `localStorage` key.
pub const STORAGE_KEY: &str = "ascend.profile";

/// The version this app writes.
pub const VERSION: u32 = 2;

/// Where the visitor is in their job search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchStatus {
    Active,
    Open,
    Browsing,
}

impl SearchStatus {
    pub const ALL: [SearchStatus; 3] = [
        SearchStatus::Active,
        SearchStatus::Open,
        SearchStatus::Browsing,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SearchStatus::Active => "active",
            SearchStatus::Open => "open",
            SearchStatus::Browsing => "browsing",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SearchStatus::Active => "Actively applying",
            SearchStatus::Open => "Open to the right offer",
            SearchStatus::Browsing => "Just looking around",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredSalary {
    pub amount: f64,
    pub currency: String,
    pub period: SalaryPeriod,
}

/// Version 2, the current one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    pub version: u32,
    /// When the visitor agreed to the terms, `YYYY-MM-DD`.
    pub agreed_on: String,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub skills: Vec<String>,
    #[serde(default)]
    pub seniority: Option<Seniority>,
    #[serde(default)]
    pub work_models: Vec<WorkModel>,
    #[serde(default)]
    pub locations: Vec<String>,
    #[serde(default)]
    pub remote_regions: Vec<String>,
    #[serde(default)]
    pub salary: Option<StoredSalary>,
    #[serde(default)]
    pub status: Option<SearchStatus>,
}

impl Profile {
    pub fn new(agreed_on: String) -> Profile {
        Profile {
            version: VERSION,
            agreed_on,
            roles: Vec::new(),
            skills: Vec::new(),
            seniority: None,
            work_models: Vec::new(),
            locations: Vec::new(),
            remote_regions: Vec::new(),
            salary: None,
            status: None,
        }
    }

    /// What the match score reads.
    pub fn preferences(&self) -> Preferences {
        Preferences {
            roles: self.roles.clone(),
            skills: self.skills.clone(),
            seniority: self.seniority,
            work_models: self.work_models.clone(),
            locations: self.locations.clone(),
            remote_regions: self.remote_regions.clone(),
            salary: self.salary.as_ref().map(|s| SalaryWish {
                amount: s.amount,
                currency: s.currency.clone(),
                period: s.period,
            }),
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a profile always serializes")
    }
}

/// Version 1: one role, one location, a yearly salary in a currency.
#[derive(Deserialize)]
struct ProfileV1 {
    agreed_on: String,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    skills: Vec<String>,
    #[serde(default)]
    seniority: Option<Seniority>,
    #[serde(default)]
    remote: Option<bool>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    yearly_salary: Option<f64>,
    #[serde(default)]
    currency: Option<String>,
}

impl From<ProfileV1> for Profile {
    fn from(old: ProfileV1) -> Profile {
        let mut profile = Profile::new(old.agreed_on);
        profile.roles = old.role.into_iter().collect();
        profile.skills = old.skills;
        profile.seniority = old.seniority;
        profile.work_models = match old.remote {
            Some(true) => vec![WorkModel::Remote],
            Some(false) => vec![WorkModel::Hybrid, WorkModel::OnSite],
            None => Vec::new(),
        };
        profile.locations = old.location.into_iter().collect();
        profile.salary = old.yearly_salary.map(|amount| StoredSalary {
            amount,
            currency: old.currency.unwrap_or_else(|| "USD".into()),
            period: SalaryPeriod::Year,
        });
        profile
    }
}

/// What reading the stored value gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored.
    None,
    Current(Profile),
    /// From an older version; store it again in the current one.
    Migrated(Profile),
    /// Damaged or unknown: remove it and tell the visitor this.
    Dropped(&'static str),
}

/// What a stored value says of its `version`.
#[derive(Debug, PartialEq)]
pub enum StoredVersion {
    /// Not JSON at all.
    NotJson,
    /// JSON, but not an object with a numeric `version`.
    NoVersion,
    Version(serde_json::Number),
}

/// Reads only the `version` field of a stored value: the rest is read once,
/// as the version says, and no generic JSON tree is built (that code would
/// weigh on every page's wasm).
pub fn stored_version(text: &str) -> StoredVersion {
    #[derive(Deserialize)]
    struct Versioned {
        version: Option<serde_json::Number>,
    }
    let is_json = || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
    // Only an object: serde would also read `[1]` as a struct's fields.
    if !text.trim_start().starts_with('{') {
        return if is_json() {
            StoredVersion::NoVersion
        } else {
            StoredVersion::NotJson
        };
    }
    match serde_json::from_str::<Versioned>(text) {
        Ok(Versioned {
            version: Some(version),
        }) => StoredVersion::Version(version),
        Ok(_) => StoredVersion::NoVersion,
        Err(_) if is_json() => StoredVersion::NoVersion,
        Err(_) => StoredVersion::NotJson,
    }
}

/// Reads a stored value.
pub fn decode(stored: Option<&str>) -> Loaded {
    let Some(text) = stored else {
        return Loaded::None;
    };
    const DAMAGED: &str = "Your saved profile was damaged and could not be read, so it was removed. You can create a new one.";
    let StoredVersion::Version(version) = stored_version(text) else {
        return Loaded::Dropped(DAMAGED);
    };
    match version.as_u64() {
        Some(1) => match serde_json::from_str::<ProfileV1>(text) {
            Ok(old) => Loaded::Migrated(old.into()),
            Err(_) => Loaded::Dropped(DAMAGED),
        },
        Some(v) if v == u64::from(VERSION) => match serde_json::from_str::<Profile>(text) {
            Ok(profile) => Loaded::Current(profile),
            Err(_) => Loaded::Dropped(DAMAGED),
        },
        Some(_) => Loaded::Dropped(
            "Your saved profile came from a newer version of Ascend and could not be read here, so it was removed.",
        ),
        None => Loaded::Dropped(DAMAGED),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Profile {
        Profile {
            roles: vec!["Backend engineer".into()],
            skills: vec!["Rust".into(), "Kafka".into()],
            seniority: Some(Seniority::Senior),
            work_models: vec![WorkModel::Remote],
            locations: vec!["Lisbon".into()],
            remote_regions: vec!["EMEA".into()],
            salary: Some(StoredSalary {
                amount: 80_000.0,
                currency: "EUR".into(),
                period: SalaryPeriod::Year,
            }),
            status: Some(SearchStatus::Open),
            ..Profile::new("2026-11-25".into())
        }
    }

    #[test]
    fn the_current_version_round_trips() {
        let profile = full();
        assert_eq!(decode(Some(&profile.encode())), Loaded::Current(profile));
        assert_eq!(decode(None), Loaded::None);
    }

    #[test]
    fn version_1_is_migrated() {
        let old = r#"{"version":1,"agreed_on":"2026-01-02","role":"Data engineer","skills":["SQL"],
            "seniority":"mid","remote":true,"location":"Oslo","yearly_salary":700000,"currency":"NOK"}"#;
        let Loaded::Migrated(profile) = decode(Some(old)) else {
            panic!("expected a migration");
        };
        assert_eq!(profile.version, VERSION);
        assert_eq!(profile.roles, ["Data engineer"]);
        assert_eq!(profile.work_models, [WorkModel::Remote]);
        assert_eq!(profile.locations, ["Oslo"]);
        let salary = profile.salary.unwrap();
        assert_eq!(
            (salary.amount, salary.currency.as_str(), salary.period),
            (700_000.0, "NOK", SalaryPeriod::Year)
        );
    }

    #[test]
    fn damaged_or_unknown_values_are_dropped_with_a_reason() {
        for bad in [
            "not json",
            "[]",
            r#"{"roles":[]}"#,
            r#"{"version":2}"#,
            r#"{"version":2,"agreed_on":"x","seniority":"wizard"}"#,
            r#"{"version":1}"#,
        ] {
            match decode(Some(bad)) {
                Loaded::Dropped(reason) => assert!(reason.contains("damaged"), "{bad}: {reason}"),
                other => panic!("{bad}: {other:?}"),
            }
        }
        match decode(Some(r#"{"version":9,"agreed_on":"2030-01-01"}"#)) {
            Loaded::Dropped(reason) => assert!(reason.contains("newer version")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn preferences_carry_everything_the_score_reads() {
        let prefs = full().preferences();
        assert_eq!(prefs.skills, ["Rust", "Kafka"]);
        assert_eq!(prefs.salary.unwrap().currency, "EUR");
        assert_eq!(prefs.remote_regions, ["EMEA"]);
    }
}
