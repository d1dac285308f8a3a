//! A job as a schema.org `JobPosting`, the structured data search engines
//! read for job listings (Google for Jobs among them). The server puts it in
//! the HTML of `/jobs/{slug}` and the app in the page's head, from the same
//! [`JobPosting::from_job`], so both say the same thing.
//!
//! Serialize it with `serde_json` and escape it with
//! [`escape_json_for_script`] before placing it inside a `<script>`.

use serde::Serialize;

use crate::{EmploymentType, JobDetail, SalaryPeriod, SalarySource, WorkModel};

/// Remote regions that are not one country: they become an
/// `AdministrativeArea` rather than a `Country`.
const MULTI_COUNTRY_REGIONS: &[&str] = &[
    "emea",
    "europe",
    "eu",
    "north america",
    "south america",
    "latam",
    "latin america",
    "americas",
    "apac",
    "asia",
    "asia pacific",
    "africa",
    "middle east",
    "oceania",
    "nordics",
    "dach",
];

/// Remote regions that put no limit on where applicants live: saying
/// nothing is the honest way to tell a search engine so.
const ANYWHERE: &[&str] = &["worldwide", "anywhere", "global"];

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

/// A `Country` or an `AdministrativeArea` applicants may live in.
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
            job_location: if remote { Vec::new() } else { places(job) },
            job_location_type: remote.then_some("TELECOMMUTE"),
            applicant_location_requirements: if remote {
                job.remote_regions.iter().filter_map(|r| area(r)).collect()
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

/// Each of the job's places ("Berlin, Germany", "Austin, Texas, United
/// States"), or its one location in words when it lists none.
fn places(job: &JobDetail) -> Vec<Place> {
    let names: Vec<&str> = if job.locations.is_empty() {
        vec![job.location.as_str()]
    } else {
        job.locations.iter().map(String::as_str).collect()
    };
    names.into_iter().filter_map(address).collect()
}

/// The last comma-separated part is the country, the first the town, any in
/// between the region.
fn address(name: &str) -> Option<Place> {
    let parts: Vec<&str> = name
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
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

fn area(region: &str) -> Option<Area> {
    let name = region.trim();
    let key = name.to_lowercase();
    if name.is_empty() || ANYWHERE.contains(&key.as_str()) {
        return None;
    }
    let kind = if MULTI_COUNTRY_REGIONS.contains(&key.as_str()) {
        "AdministrativeArea"
    } else {
        "Country"
    };
    Some(Area {
        kind,
        name: name.to_owned(),
    })
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

    #[test]
    fn a_remote_job_names_where_applicants_may_live() {
        let mut job = job();
        job.work_model = WorkModel::Remote;
        job.location = "Remote in EMEA".into();
        job.locations = vec![];
        job.remote_regions = vec!["EMEA".into(), "Portugal".into(), "Worldwide".into()];
        let v = ld(&job, None);
        assert_eq!(v["jobLocationType"], "TELECOMMUTE");
        assert!(v.get("jobLocation").is_none());
        assert_eq!(
            v["applicantLocationRequirements"],
            json!([
                {"@type": "AdministrativeArea", "name": "EMEA"},
                {"@type": "Country", "name": "Portugal"},
            ])
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
