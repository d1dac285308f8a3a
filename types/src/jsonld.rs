//! A job as a schema.org `JobPosting`, the structured data search engines
//! read for job listings (Google for Jobs among them). The server puts it in
//! the HTML of `/jobs/{slug}` and the app in the page's head, from the same
//! [`JobPosting::from_job`], so both say the same thing.
//!
//! Serialize it with `serde_json` and escape it with
//! [`escape_json_for_script`] before placing it inside a `<script>`.

use serde::Serialize;

use crate::regions::Region;
use crate::{EmploymentType, JobDetail, SalaryPeriod, SalarySource, WorkModel};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JobPosting {
    #[serde(rename = "@context")]
    pub context: &'static str,
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub title: String,
    /// The job's sanitized HTML, as search engines ask for.
    pub description: String,
    /// `YYYY-MM-DD`.
    pub date_posted: String,
    /// The end of the last open day, UTC (the server closes jobs by UTC date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_through: Option<String>,
    pub employment_type: &'static str,
    pub hiring_organization: Organization,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub job_location: Vec<Place>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_location_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub applicant_location_requirements: Vec<Area>,
    /// The employer's own figures only: an estimate of ours is not an offer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_salary: Option<MonetaryAmount>,
    pub identifier: PropertyValue,
    /// Ascend links to the employer's form; nobody applies on our page.
    pub direct_apply: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub address: PostalAddress,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostalAddress {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_locality: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_region: Option<String>,
    pub address_country: String,
}

/// A `Country` applicants may live in: an ISO 3166-1 alpha-2 code for the
/// countries of a region, the job's own words for a country it names.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Area {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonetaryAmount {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub currency: String,
    pub value: QuantitativeValue,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuantitativeValue {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub min_value: i64,
    pub max_value: i64,
    pub unit_text: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PropertyValue {
    #[serde(rename = "@type")]
    pub kind: &'static str,
    pub name: String,
    pub value: String,
}

impl JobPosting {
    /// `origin` is the site's address without a trailing slash
    /// (`https://ascend.example`), for the job's URL and relative logos;
    /// without it both are left out rather than guessed.
    pub fn from_job(job: &JobDetail, origin: Option<&str>) -> Self {
        let remote = job.work_model == WorkModel::Remote;
        let absolute = |url: &str| -> Option<String> {
            if url.starts_with("https://") || url.starts_with("http://") {
                Some(url.to_owned())
            } else if url.starts_with('/') && !url.starts_with("//") {
                origin.map(|origin| format!("{origin}{url}"))
            } else {
                None
            }
        };
        JobPosting {
            context: "https://schema.org",
            kind: "JobPosting",
            title: job.title.clone(),
            description: job.description_html.clone(),
            date_posted: job.posted_on.clone(),
            valid_through: job
                .valid_through
                .as_ref()
                .map(|day| format!("{day}T23:59:59Z")),
            employment_type: employment_type(job.employment_type),
            hiring_organization: Organization {
                kind: "Organization",
                name: job.company.name.clone(),
                same_as: job.company.website.as_deref().and_then(absolute),
                logo: job.company.logo_url.as_deref().and_then(absolute),
            },
            job_location: places(job).filter_map(address).collect(),
            job_location_type: remote.then_some("TELECOMMUTE"),
            applicant_location_requirements: if remote {
                applicant_countries(job)
            } else {
                Vec::new()
            },
            base_salary: job
                .salary
                .as_ref()
                .filter(|s| s.source == SalarySource::Employer)
                .map(|s| MonetaryAmount {
                    kind: "MonetaryAmount",
                    currency: s.currency.clone(),
                    value: QuantitativeValue {
                        kind: "QuantitativeValue",
                        min_value: s.min,
                        max_value: s.max,
                        unit_text: unit_text(s.period),
                    },
                }),
            identifier: PropertyValue {
                kind: "PropertyValue",
                name: job.company.name.clone(),
                value: job.slug.clone(),
            },
            direct_apply: false,
            url: origin.map(|origin| format!("{origin}/jobs/{}", job.slug)),
        }
    }
}

/// schema.org's names for the contract types.
pub fn employment_type(kind: EmploymentType) -> &'static str {
    match kind {
        EmploymentType::FullTime => "FULL_TIME",
        EmploymentType::PartTime => "PART_TIME",
        EmploymentType::Contract => "CONTRACTOR",
        EmploymentType::Internship => "INTERN",
        EmploymentType::Temporary => "TEMPORARY",
    }
}

pub fn unit_text(period: SalaryPeriod) -> &'static str {
    match period {
        SalaryPeriod::Year => "YEAR",
        SalaryPeriod::Month => "MONTH",
        SalaryPeriod::Week => "WEEK",
        SalaryPeriod::Day => "DAY",
        SalaryPeriod::Hour => "HOUR",
    }
}

/// The job's places ("Berlin, Germany", "Austin, Texas, United States"),
/// remote or not, without the words that only say it is remote ("Remote in
/// EMEA"): those are regions, not addresses. A job without places has
/// none; its location in words ("Location not given") is no address.
fn places(job: &JobDetail) -> impl Iterator<Item = &str> {
    job.locations
        .iter()
        .map(String::as_str)
        .filter(|name| !WorkModel::Remote.named_in(name))
}

/// The comma-separated parts of a place, blanks left out.
fn parts(name: &str) -> Vec<&str> {
    name.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The last comma-separated part is the country, the first the town, any in
/// between the region.
fn address(name: &str) -> Option<Place> {
    let parts = parts(name);
    let (country, rest) = parts.split_last()?;
    let (locality, region) = match rest {
        [] => (None, None),
        [town] => (Some(*town), None),
        [town, middle @ ..] => (Some(*town), Some(middle.join(", "))),
    };
    Some(Place {
        kind: "Place",
        address: PostalAddress {
            kind: "PostalAddress",
            address_locality: locality.map(str::to_owned),
            address_region: region,
            address_country: (*country).to_owned(),
        },
    })
}

/// Where a remote job's applicants may live, as countries: Google rejects a
/// `TELECOMMUTE` posting that names none, and reads no region such as
/// "EMEA". A region becomes its countries (see [`crate::regions`]); any
/// other name is taken for a country ("Portugal").
///
/// "Worldwide" has no schema.org value, and naming only the countries of
/// the job's own places would hide a job open to everyone from searchers
/// everywhere else: it names every country the table knows. A job that
/// names no region is read as Google reads one: open in the countries of
/// its places, or, with none, anywhere (as the match score reads it).
fn applicant_countries(job: &JobDetail) -> Vec<Area> {
    let mut names: Vec<&str> = Vec::new();
    for name in job.remote_regions.iter().map(|r| r.trim()) {
        match Region::named(name) {
            Some(region) => region.countries().for_each(|code| names.push(code)),
            None if !name.is_empty() => names.push(name),
            None => {}
        }
    }
    if names.is_empty() {
        names.extend(places(job).filter_map(|place| parts(place).pop()));
    }
    if names.is_empty() {
        Region::world()
            .countries()
            .for_each(|code| names.push(code));
    }
    let mut countries: Vec<Area> = Vec::with_capacity(names.len());
    for name in names {
        if !countries.iter().any(|c| c.name == name) {
            countries.push(Area {
                kind: "Country",
                name: name.to_owned(),
            });
        }
    }
    countries
}

/// Makes serialized JSON safe inside an HTML `<script>` element: `<`, `>`
/// and `&` (which can only occur inside JSON strings) and the line
/// separators U+2028/U+2029 become `\u` escapes, which JSON parsers read
/// back as the same characters. No text can then close the element.
pub fn escape_json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CompanyProfile, Pager, SalaryInfo};
    use serde_json::{Value, json};

    fn job() -> JobDetail {
        JobDetail {
            company: CompanyProfile {
                logo_url: Some("/logos/cadence.svg".into()),
                website: Some("https://cadence.example".into()),
                open_jobs: 2,
                ..crate::sample::company()
            },
            valid_through: Some("2026-12-31".into()),
            apply_url: Some("https://cadence.example/apply".into()),
            salary: Some(SalaryInfo {
                source: SalarySource::Employer,
                min: 60_000,
                max: 80_000,
                median: 70_000,
                currency: "EUR".into(),
                period: SalaryPeriod::Year,
                sample_size: None,
            }),
            pager: Pager {
                position: 1,
                total: 2,
                previous: None,
                next: None,
            },
            ..crate::sample::job()
        }
    }

    fn ld(job: &JobDetail, origin: Option<&str>) -> Value {
        serde_json::to_value(JobPosting::from_job(job, origin)).unwrap()
    }

    #[test]
    fn an_office_job_has_its_address_salary_and_identifier() {
        let v = ld(&job(), Some("https://ascend.example"));
        assert_eq!(v["@context"], "https://schema.org");
        assert_eq!(v["@type"], "JobPosting");
        assert_eq!(v["title"], "Backend Engineer");
        assert_eq!(v["description"], "<p>Build things.</p>");
        assert_eq!(v["datePosted"], "2026-11-16");
        assert_eq!(v["validThrough"], "2026-12-31T23:59:59Z");
        assert_eq!(v["employmentType"], "FULL_TIME");
        assert_eq!(
            v["hiringOrganization"],
            json!({
                "@type": "Organization",
                "name": "Cadence",
                "sameAs": "https://cadence.example",
                "logo": "https://ascend.example/logos/cadence.svg",
            })
        );
        assert_eq!(
            v["jobLocation"],
            json!([{
                "@type": "Place",
                "address": {"@type": "PostalAddress", "addressLocality": "Berlin", "addressCountry": "Germany"},
            }])
        );
        assert!(v.get("jobLocationType").is_none());
        assert!(v.get("applicantLocationRequirements").is_none());
        assert_eq!(
            v["baseSalary"],
            json!({
                "@type": "MonetaryAmount",
                "currency": "EUR",
                "value": {"@type": "QuantitativeValue", "minValue": 60000, "maxValue": 80000, "unitText": "YEAR"},
            })
        );
        assert_eq!(
            v["identifier"],
            json!({"@type": "PropertyValue", "name": "Cadence", "value": "backend-engineer-cadence"})
        );
        assert_eq!(v["directApply"], false);
        assert_eq!(
            v["url"],
            "https://ascend.example/jobs/backend-engineer-cadence"
        );
    }

    #[test]
    fn an_estimate_is_never_a_base_salary() {
        let mut job = job();
        job.salary.as_mut().unwrap().source = SalarySource::Estimate;
        assert!(ld(&job, None).get("baseSalary").is_none());
        job.salary = None;
        assert!(ld(&job, None).get("baseSalary").is_none());
    }

    #[test]
    fn each_period_and_contract_has_its_schema_name() {
        let mut job = job();
        for (period, unit) in [
            (SalaryPeriod::Year, "YEAR"),
            (SalaryPeriod::Month, "MONTH"),
            (SalaryPeriod::Week, "WEEK"),
            (SalaryPeriod::Day, "DAY"),
            (SalaryPeriod::Hour, "HOUR"),
        ] {
            job.salary.as_mut().unwrap().period = period;
            assert_eq!(ld(&job, None)["baseSalary"]["value"]["unitText"], unit);
        }
        for (kind, name) in [
            (EmploymentType::FullTime, "FULL_TIME"),
            (EmploymentType::PartTime, "PART_TIME"),
            (EmploymentType::Contract, "CONTRACTOR"),
            (EmploymentType::Internship, "INTERN"),
            (EmploymentType::Temporary, "TEMPORARY"),
        ] {
            job.employment_type = kind;
            assert_eq!(ld(&job, None)["employmentType"], name);
        }
    }

    fn remote(regions: &[&str], locations: &[&str]) -> JobDetail {
        JobDetail {
            work_model: WorkModel::Remote,
            location: "Remote".into(),
            locations: locations.iter().map(|l| (*l).to_owned()).collect(),
            remote_regions: regions.iter().map(|r| (*r).to_owned()).collect(),
            ..job()
        }
    }

    /// The names of `applicantLocationRequirements`, each checked to be a
    /// `Country`: Google reads no other type for a remote job.
    fn countries(v: &Value) -> Vec<&str> {
        v["applicantLocationRequirements"]
            .as_array()
            .expect("a remote job names countries")
            .iter()
            .map(|area| {
                assert_eq!(area["@type"], "Country", "{area}");
                area["name"].as_str().unwrap()
            })
            .collect()
    }

    fn world() -> Vec<&'static str> {
        Region::world().countries().collect()
    }

    #[test]
    fn a_remote_region_becomes_its_countries() {
        let v = ld(&remote(&["EMEA"], &["Remote in EMEA"]), None);
        assert_eq!(v["jobLocationType"], "TELECOMMUTE");
        assert!(
            v.get("jobLocation").is_none(),
            "Remote in EMEA is no address"
        );
        let named = countries(&v);
        let emea: Vec<&str> = Region::named("EMEA").unwrap().countries().collect();
        assert_eq!(named, emea);
        for code in ["GB", "SE", "DE", "AE", "ZA"] {
            assert!(named.contains(&code), "{code}");
        }
        assert!(!named.contains(&"US"));
    }

    #[test]
    fn regions_and_countries_join_once_each() {
        let v = ld(
            &remote(&["DACH", "Nordics", "Portugal", "Europe"], &[]),
            None,
        );
        let named = countries(&v);
        assert_eq!(named[..8], ["AT", "CH", "DE", "DK", "FI", "IS", "NO", "SE"]);
        // A name the table does not know is taken for a country.
        assert_eq!(named[8], "Portugal");
        let europe = Region::named("Europe").unwrap().countries().count();
        assert_eq!(named.len(), 1 + europe, "DACH and the Nordics only once");
    }

    #[test]
    fn worldwide_names_every_country_even_with_places() {
        for job in [
            remote(&["Worldwide"], &["Remote, worldwide"]),
            remote(&["EMEA", "worldwide"], &[]),
            remote(&["Anywhere"], &["Lisbon, Portugal"]),
        ] {
            let v = ld(&job, None);
            assert_eq!(countries(&v), world(), "{:?}", job.remote_regions);
        }
    }

    #[test]
    fn a_remote_job_without_regions_is_open_where_its_places_are() {
        let v = ld(&remote(&[], &["Lisbon, Portugal", "Remote in Spain"]), None);
        assert_eq!(countries(&v), ["Portugal"]);
        // Remote jobs keep their real places: the office they work from.
        assert_eq!(v["jobLocation"][0]["address"]["addressLocality"], "Lisbon");
        assert_eq!(v["jobLocation"].as_array().unwrap().len(), 1);
        // With no place either, nothing limits where applicants live.
        let v = ld(&remote(&[" "], &["Remote"]), None);
        assert_eq!(countries(&v), world());
    }

    #[test]
    fn a_job_without_a_place_has_no_job_location() {
        let mut job = job();
        job.locations = vec![];
        job.location = "Location not given".into();
        let json = serde_json::to_string(&JobPosting::from_job(&job, None)).unwrap();
        assert!(!json.contains("jobLocation"), "{json}");
        assert!(!json.contains("not given"), "{json}");
        assert!(!json.contains("applicantLocationRequirements"), "{json}");
    }

    #[test]
    fn an_address_leaves_out_the_parts_it_lacks() {
        let mut job = job();
        job.locations = vec!["Germany".into(), " , Lyon,, France ".into()];
        let v = ld(&job, None);
        assert_eq!(
            v["jobLocation"][0]["address"],
            json!({"@type": "PostalAddress", "addressCountry": "Germany"})
        );
        assert_eq!(
            v["jobLocation"][1]["address"],
            json!({"@type": "PostalAddress", "addressLocality": "Lyon", "addressCountry": "France"})
        );
    }

    #[test]
    fn a_hybrid_job_is_at_its_places_with_regions_kept_apart() {
        let mut job = job();
        job.work_model = WorkModel::Hybrid;
        job.locations = vec![
            "Austin, Texas, United States".into(),
            "Stockholm, Sweden".into(),
        ];
        let v = ld(&job, None);
        assert!(v.get("jobLocationType").is_none());
        let addresses: Vec<&Value> = v["jobLocation"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| &p["address"])
            .collect();
        assert_eq!(addresses[0]["addressLocality"], "Austin");
        assert_eq!(addresses[0]["addressRegion"], "Texas");
        assert_eq!(addresses[0]["addressCountry"], "United States");
        assert_eq!(addresses[1]["addressCountry"], "Sweden");
        assert!(addresses[1].get("addressRegion").is_none());
    }

    #[test]
    fn urls_are_absolute_or_left_out() {
        let mut job = job();
        // Without an origin a relative logo cannot be made absolute.
        let v = ld(&job, None);
        assert!(v["hiringOrganization"].get("logo").is_none());
        assert!(v.get("url").is_none());
        job.company.logo_url = Some("//elsewhere.example/x.png".into());
        job.company.website = Some("javascript:alert(1)".into());
        let v = ld(&job, Some("https://ascend.example"));
        assert!(v["hiringOrganization"].get("logo").is_none());
        assert!(v["hiringOrganization"].get("sameAs").is_none());
    }

    #[test]
    fn no_description_can_close_the_script() {
        let mut job = job();
        job.description_html = "<p>a</script><script>alert(1)</script> & \u{2028}</p>".into();
        let json = serde_json::to_string(&JobPosting::from_job(&job, None)).unwrap();
        let safe = escape_json_for_script(&json);
        for bad in ['<', '>', '&', '\u{2028}', '\u{2029}'] {
            assert!(!safe.contains(bad), "{bad:?} in {safe}");
        }
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back["description"], job.description_html);
    }
}
