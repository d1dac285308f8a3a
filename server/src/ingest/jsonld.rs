//! schema.org `JobPosting` JSON-LD, as career pages embed it for search
//! engines: one posting or a list of them.

use ascend_types::{EmploymentType, Salary, SalaryPeriod, WorkModel};
use serde_json::Value;

use super::{
    Context, Format, ImportRecord, Object, RecordError, amount, as_object, collect, company,
    date_field, describe, fnv1a, http_url, id, job, object, one_or_many, plain, plain_text,
    push_plain, push_unique, salary, text, title,
};
use crate::store::model::NewReview;

/// `@type` is `JobPosting`, alone, in a list, or as a full IRI.
pub(super) fn is_job_posting(value: &Value) -> bool {
    value.as_object().is_some_and(|object| {
        one_or_many(object.get("@type"))
            .iter()
            .filter_map(|kind| kind.as_str())
            .any(|kind| {
                kind == "JobPosting"
                    || kind.ends_with("/JobPosting")
                    || kind.ends_with(":JobPosting")
            })
    })
}

pub(super) fn records(
    file: &Value,
    context: &Context<'_>,
) -> Vec<Result<ImportRecord, RecordError>> {
    collect(one_or_many(Some(file)), |item| record(item, context))
}

fn record(item: &Value, context: &Context<'_>) -> Result<ImportRecord, String> {
    let posting = as_object(item, "a posting")?;
    if !is_job_posting(item) {
        let kind = posting
            .get("@type")
            .map_or_else(|| "none".to_owned(), Value::to_string);
        return Err(format!("not a JobPosting (@type is {kind})"));
    }
    let mut notes = Vec::new();
    // Pages often escape text for HTML inside the JSON as well: reading
    // plain text decodes it.
    let title = title(posting, "title", &mut notes)?;

    let organization = organization(posting, &mut notes)?;
    let mut company = company(
        organization.name.as_deref(),
        context,
        "the posting has no hiringOrganization name; give the company name with the import",
        &mut notes,
    )?;
    if organization.name.is_some() {
        company.website = organization.website;
        company.logo_url = organization.logo;
        company.about = organization.about.unwrap_or_default();
        company.reviews = organization.reviews;
    }

    let posted_on = date_field(posting, "datePosted")?;
    let source_id = match id_of(posting)? {
        Some(id) => id,
        None => {
            // Nothing identifies the posting: hash what should not change.
            let key = format!(
                "{title}\u{1f}{}\u{1f}{}",
                company.name,
                posted_on.as_deref().unwrap_or_default()
            );
            format!("hash-{:016x}", fnv1a(key.as_bytes()))
        }
    };
    let mut job = job(Format::JsonLd, source_id, &company, &title, context.today);
    if let Some(posted_on) = posted_on {
        job.posted_on = posted_on;
    }
    job.valid_through = date_field(posting, "validThrough")?;
    job.description_html = text(posting, "description")?.unwrap_or_default().to_owned();
    job.apply_url = text(posting, "url")?.and_then(http_url);

    if let Some(kind) = employment(posting)? {
        job.employment_type = kind;
    }

    for place in one_or_many(posting.get("jobLocation")) {
        if let Some(place) = location(place)? {
            push_plain(&mut job.locations, "locations", &place, &mut notes)?;
        }
    }
    let telecommute = one_or_many(posting.get("jobLocationType"))
        .iter()
        .any(|kind| {
            kind.as_str()
                .is_some_and(|kind| kind.eq_ignore_ascii_case("TELECOMMUTE"))
        });
    if telecommute {
        job.work_model = WorkModel::Remote;
        for region in one_or_many(posting.get("applicantLocationRequirements")) {
            let region = match region {
                Value::String(name) => Some(name.as_str()),
                Value::Object(area) => text(area, "name")?,
                other => {
                    return Err(format!(
                        "applicantLocationRequirements should be places, not {}",
                        describe(other)
                    ));
                }
            };
            if let Some(region) = region {
                push_plain(
                    &mut job.remote_regions,
                    "remote_regions",
                    region,
                    &mut notes,
                )?;
            }
        }
    }

    if let Some(base) = one_or_many(posting.get("baseSalary")).first() {
        job.salary = Some(base_salary(as_object(base, "baseSalary")?)?);
    }
    job.skills = skills(posting, &mut notes)?;

    Ok(ImportRecord {
        company,
        job,
        notes,
    })
}

/// The employer as the posting describes it; its name is read as plain text
/// with the rest of the company.
#[derive(Default)]
struct Organization {
    name: Option<String>,
    website: Option<String>,
    logo: Option<String>,
    about: Option<String>,
    reviews: Vec<NewReview>,
}

fn organization(posting: &Object, notes: &mut Vec<String>) -> Result<Organization, String> {
    let Some(value) = posting.get("hiringOrganization").filter(|v| !v.is_null()) else {
        return Ok(Organization::default());
    };
    let organization = match value {
        Value::String(name) => {
            return Ok(Organization {
                name: Some(name.trim().to_owned()).filter(|name| !name.is_empty()),
                ..Organization::default()
            });
        }
        other => as_object(other, "hiringOrganization")?,
    };
    let name = text(organization, "name")?.map(str::to_owned);
    // sameAs may list several profiles; the first web address is the site.
    let website = one_or_many(organization.get("sameAs"))
        .iter()
        .filter_map(|url| url.as_str())
        .find_map(http_url)
        .or(text(organization, "url")?.and_then(http_url));
    let logo = match organization.get("logo") {
        Some(Value::String(url)) => http_url(url),
        Some(Value::Object(image)) => text(image, "url")?.and_then(http_url),
        _ => None,
    };
    Ok(Organization {
        name,
        website,
        logo,
        // Shown as one paragraph of text on the company's page.
        about: plain_text(organization, "description", "company.about", notes)?,
        reviews: reviews(organization)?,
    })
}

/// `review`: Reviews of the employer, each with a `reviewRating` on
/// schema.org's default scale of 1 to 5 and a `datePublished`. Whether a
/// rating is in range is the store's to check, as for every review.
fn reviews(organization: &Object) -> Result<Vec<NewReview>, String> {
    one_or_many(organization.get("review"))
        .into_iter()
        .map(|review| {
            let review = as_object(review, "a review")?;
            let rating = object(review, "reviewRating")?.ok_or("a review has no reviewRating")?;
            let value = rating
                .get("ratingValue")
                .filter(|value| !value.is_null())
                .ok_or("a review's reviewRating has no ratingValue")?;
            let stars = amount("reviewRating.ratingValue", value)?;
            let reviewed_on =
                date_field(review, "datePublished")?.ok_or("a review has no datePublished")?;
            Ok(NewReview {
                // `as` saturates: a rating above 255 stays out of range.
                stars: stars.round() as u8,
                dei_stars: None,
                approves_ceo: None,
                reviewed_on,
            })
        })
        .collect()
}

/// `identifier`: a PropertyValue's value, or plain text; else the posting's URL.
fn id_of(posting: &Object) -> Result<Option<String>, String> {
    let identifier = match posting.get("identifier") {
        Some(Value::Object(property)) => id(property, "value")?,
        Some(Value::Null) | None => None,
        Some(_) => id(posting, "identifier")?,
    };
    Ok(identifier.or(text(posting, "url")?.map(str::to_owned)))
}

/// The first employment type Ascend knows; `None` leaves the title's guess.
fn employment(posting: &Object) -> Result<Option<EmploymentType>, String> {
    for kind in one_or_many(posting.get("employmentType")) {
        let Some(kind) = kind.as_str() else {
            return Err(format!(
                "employmentType should be text, not {}",
                describe(kind)
            ));
        };
        let normal = kind.trim().to_ascii_uppercase().replace(['-', ' '], "_");
        let mapped = match normal.as_str() {
            "FULL_TIME" | "FULLTIME" => EmploymentType::FullTime,
            "PART_TIME" | "PARTTIME" => EmploymentType::PartTime,
            "CONTRACTOR" | "CONTRACT" => EmploymentType::Contract,
            "TEMPORARY" | "PER_DIEM" => EmploymentType::Temporary,
            "INTERN" | "INTERNSHIP" => EmploymentType::Internship,
            _ => continue,
        };
        return Ok(Some(mapped));
    }
    Ok(None)
}

/// A Place's address as "Locality, Region, Country".
fn location(place: &Value) -> Result<Option<String>, String> {
    let place = match place {
        Value::String(name) => return Ok(Some(name.trim().to_owned())),
        other => as_object(other, "jobLocation")?,
    };
    let address = match place.get("address") {
        Some(Value::String(address)) => return Ok(Some(address.trim().to_owned())),
        Some(Value::Object(address)) => address,
        Some(Value::Null) | None => return Ok(text(place, "name")?.map(str::to_owned)),
        Some(other) => {
            return Err(format!(
                "jobLocation.address should be a PostalAddress, not {}",
                describe(other)
            ));
        }
    };
    let country = match address.get("addressCountry") {
        Some(Value::Object(country)) => text(country, "name")?,
        _ => text(address, "addressCountry")?,
    };
    let parts: Vec<&str> = [
        text(address, "addressLocality")?,
        text(address, "addressRegion")?,
        country,
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok((!parts.is_empty()).then(|| parts.join(", ")))
}

/// A MonetaryAmount whose value is a QuantitativeValue (or a bare number).
fn base_salary(base: &Object) -> Result<Salary, String> {
    let currency = text(base, "currency")?.ok_or("baseSalary has no currency")?;
    let (min, max, unit) = match base.get("value") {
        Some(Value::Object(value)) => {
            let field = |key: &str| value.get(key).filter(|v| !v.is_null());
            let exact = field("value")
                .map(|v| amount("baseSalary.value.value", v))
                .transpose()?;
            let min = field("minValue")
                .map(|v| amount("baseSalary.value.minValue", v))
                .transpose()?;
            let max = field("maxValue")
                .map(|v| amount("baseSalary.value.maxValue", v))
                .transpose()?;
            let (min, max) = match (min, max, exact) {
                (Some(min), Some(max), _) => (min, max),
                (Some(one), None, _) | (None, Some(one), _) | (None, None, Some(one)) => (one, one),
                (None, None, None) => return Err("baseSalary has no amount".into()),
            };
            (min, max, text(value, "unitText")?)
        }
        Some(value @ (Value::Number(_) | Value::String(_))) => {
            let exact = amount("baseSalary.value", value)?;
            (exact, exact, None)
        }
        _ => return Err("baseSalary has no amount".into()),
    };
    let period = match unit.map(str::to_ascii_uppercase).as_deref() {
        None | Some("YEAR") => SalaryPeriod::Year,
        Some("MONTH") => SalaryPeriod::Month,
        Some("WEEK") => SalaryPeriod::Week,
        Some("DAY") => SalaryPeriod::Day,
        Some("HOUR") => SalaryPeriod::Hour,
        Some(other) => {
            return Err(format!(
                "baseSalary unitText \"{other}\" is not a pay period"
            ));
        }
    };
    salary(min, max, currency, period)
}

/// `skills`: a list, or one text of comma-separated skills.
fn skills(posting: &Object, notes: &mut Vec<String>) -> Result<Vec<String>, String> {
    let mut skills = Vec::new();
    for skill in one_or_many(posting.get("skills")) {
        match skill {
            // Markup first: a comma inside a tag separates no skills.
            Value::String(list) if list.trim().is_empty() => {}
            Value::String(list) => {
                for skill in plain("skills", list, notes)?.split(',') {
                    push_unique(&mut skills, skill);
                }
            }
            // A DefinedTerm names its skill.
            Value::Object(term) => {
                if let Some(name) = text(term, "name")? {
                    push_plain(&mut skills, "skills", name, notes)?;
                }
            }
            other => return Err(format!("skills should be text, not {}", describe(other))),
        }
    }
    Ok(skills)
}

#[cfg(test)]
mod tests {
    use super::super::{Format, parse};
    use ascend_types::{EmploymentType, Salary, SalaryPeriod, Seniority, WorkModel};

    const ONE: &str = include_str!("../../tests/fixtures/import/jsonld-one.json");
    const MANY: &str = include_str!("../../tests/fixtures/import/jsonld-many.json");
    const TODAY: i64 = 20_600;

    #[test]
    fn a_single_remote_posting() {
        let file = parse(ONE.as_bytes(), None, TODAY).unwrap();
        assert_eq!(file.format, Format::JsonLd);
        assert_eq!(file.records.len(), 1);
        let record = file.records[0].as_ref().unwrap();
        assert_eq!(record.company.name, "Lumen & Loom");
        assert_eq!(record.company.slug, "lumen-loom");
        assert_eq!(
            record.company.website.as_deref(),
            Some("https://lumenloom.example")
        );
        assert_eq!(
            record.company.logo_url.as_deref(),
            Some("https://lumenloom.example/logo.png")
        );
        let job = &record.job;
        assert_eq!(job.source, "jsonld");
        assert_eq!(job.source_id, "LL-2026-017");
        assert_eq!(job.company_slug, "lumen-loom");
        assert_eq!(job.title, "Principal Product Designer");
        assert_eq!(job.seniority, Some(Seniority::Principal));
        assert_eq!(job.employment_type, EmploymentType::FullTime);
        assert_eq!(job.work_model, WorkModel::Remote);
        assert!(job.locations.is_empty());
        assert_eq!(job.remote_regions, ["Portugal", "Spain", "EMEA"]);
        assert_eq!(job.posted_on, "2026-02-10");
        assert_eq!(job.valid_through.as_deref(), Some("2026-04-30"));
        assert_eq!(
            job.salary,
            Some(Salary {
                min: 70_000,
                max: 88_000,
                currency: "EUR".into(),
                period: SalaryPeriod::Year,
            })
        );
        assert_eq!(job.skills, ["Figma", "Design systems", "User research"]);
        assert_eq!(
            job.apply_url.as_deref(),
            Some("https://lumenloom.example/careers/principal-product-designer")
        );
        assert!(job.description_html.starts_with("<p>"));
    }

    #[test]
    fn a_list_with_a_broken_record_and_a_bad_date() {
        let file = parse(MANY.as_bytes(), None, TODAY).unwrap();
        assert_eq!(file.format, Format::JsonLd);
        assert_eq!(file.records.len(), 3);

        let first = &file.records[0].as_ref().unwrap().job;
        assert_eq!(first.title, "Part-Time Barista");
        assert_eq!(first.employment_type, EmploymentType::PartTime);
        assert_eq!(first.work_model, WorkModel::OnSite);
        assert_eq!(first.locations, ["Porto, Porto District, Portugal"]);
        assert_eq!(first.source_id, "https://cafe-aurora.example/jobs/barista");
        assert_eq!(first.posted_on, "2026-03-01");
        assert_eq!(first.valid_through, None);
        assert_eq!(
            first.salary.as_ref().map(|s| (s.min, s.max, s.period)),
            Some((9, 9, SalaryPeriod::Hour))
        );

        let missing_title = file.records[1].as_ref().unwrap_err();
        assert_eq!(missing_title.position, 1);
        assert!(
            missing_title.reason.contains("no title"),
            "{}",
            missing_title.reason
        );

        let bad_date = file.records[2].as_ref().unwrap_err();
        assert_eq!(bad_date.position, 2);
        assert!(
            bad_date
                .reason
                .contains("datePosted \"2026-02-31\" is not a date"),
            "{}",
            bad_date.reason
        );
    }

    #[test]
    fn without_identifier_or_url_the_id_is_a_stable_hash() {
        let posting = r#"{"@context": "https://schema.org/", "@type": "JobPosting",
            "title": "Head of Sales", "datePosted": "2026-01-05",
            "hiringOrganization": {"@type": "Organization", "name": "Quarry Labs"},
            "employmentType": ["CONTRACTOR", "FULL_TIME"],
            "jobLocation": [{"@type": "Place", "address": {"@type": "PostalAddress",
                "addressLocality": "Leeds", "addressCountry": {"@type": "Country", "name": "United Kingdom"}}}],
            "skills": [{"@type": "DefinedTerm", "name": "Negotiation"}, "CRM"]}"#;
        let first = parse(posting.as_bytes(), None, TODAY).unwrap();
        let again = parse(posting.as_bytes(), None, TODAY + 9).unwrap();
        let job = &first.records[0].as_ref().unwrap().job;
        assert!(job.source_id.starts_with("hash-"), "{}", job.source_id);
        assert_eq!(
            job.source_id,
            again.records[0].as_ref().unwrap().job.source_id
        );
        assert_eq!(job.seniority, Some(Seniority::Director));
        assert_eq!(job.employment_type, EmploymentType::Contract);
        assert_eq!(job.locations, ["Leeds, United Kingdom"]);
        assert_eq!(job.skills, ["Negotiation", "CRM"]);
        assert_eq!(job.apply_url, None);
    }

    #[test]
    fn the_organization_gives_about_and_reviews() {
        let posting = r#"{"@type": "JobPosting", "title": "Welder", "identifier": 12,
            "hiringOrganization": {"@type": "Organization", "name": "Anvil Works",
                "description": "<p>Gates &amp; railings.</p>",
                "review": [{"@type": "Review", "reviewRating": {"ratingValue": "4.4"},
                            "datePublished": "2026-01-02"},
                           {"@type": "Review", "reviewRating": {"ratingValue": 11},
                            "datePublished": "2026-01-03T10:00:00Z"}]}}"#;
        let file = parse(posting.as_bytes(), None, TODAY).unwrap();
        let record = file.records[0].as_ref().unwrap();
        assert_eq!(record.company.about, "Gates & railings.");
        let reviews: Vec<(u8, &str)> = record
            .company
            .reviews
            .iter()
            .map(|review| (review.stars, review.reviewed_on.as_str()))
            .collect();
        // Out of range is the store's to reject.
        assert_eq!(reviews, [(4, "2026-01-02"), (11, "2026-01-03")]);
        assert_eq!(
            record.notes,
            ["company.about: removed markup `<p>`, `</p>`"]
        );

        let undated = posting.replace(r#""datePublished": "2026-01-02""#, r#""x": 1"#);
        let file = parse(undated.as_bytes(), None, TODAY).unwrap();
        let error = file.records[0].as_ref().unwrap_err();
        assert!(error.reason.contains("datePublished"), "{}", error.reason);
    }

    #[test]
    fn the_company_argument_stands_in_for_a_missing_organization() {
        let posting = r#"{"@type": "JobPosting", "title": "Welder", "identifier": 12}"#;
        let file = parse(posting.as_bytes(), None, TODAY).unwrap();
        let error = file.records[0].as_ref().unwrap_err();
        assert!(
            error.reason.contains("hiringOrganization"),
            "{}",
            error.reason
        );

        let file = parse(posting.as_bytes(), Some("Anvil Works"), TODAY).unwrap();
        let record = file.records[0].as_ref().unwrap();
        assert_eq!(record.company.slug, "anvil-works");
        assert_eq!(record.job.source_id, "12");
        assert_eq!(
            record.job.posted_on,
            ascend_types::date::format_iso_date(TODAY)
        );
    }

    #[test]
    fn odd_salaries_and_other_types_fail_their_record() {
        let postings = r#"[
            {"@type": "JobPosting", "title": "A", "hiringOrganization": "Co",
             "baseSalary": {"currency": "USD", "value": {"minValue": 9, "maxValue": 5, "unitText": "HOUR"}}},
            {"@type": "JobPosting", "title": "B", "hiringOrganization": "Co",
             "baseSalary": {"currency": "USD", "value": {"value": 5, "unitText": "FORTNIGHT"}}},
            {"@type": "JobPosting", "title": "C", "hiringOrganization": "Co", "validThrough": "soon"},
            {"@type": "Organization", "name": "Co"},
            {"@type": "JobPosting", "title": "E", "hiringOrganization": "Co",
             "baseSalary": {"currency": "dollars", "value": 5}}
        ]"#;
        let file = parse(postings.as_bytes(), None, TODAY).unwrap();
        let reasons: Vec<String> = file
            .records
            .iter()
            .map(|record| record.as_ref().unwrap_err().reason.clone())
            .collect();
        assert!(reasons[0].contains("above the maximum"), "{}", reasons[0]);
        assert!(reasons[1].contains("FORTNIGHT"), "{}", reasons[1]);
        assert!(reasons[2].contains("validThrough"), "{}", reasons[2]);
        assert!(reasons[3].contains("not a JobPosting"), "{}", reasons[3]);
        assert!(reasons[4].contains("ISO 4217"), "{}", reasons[4]);
    }
}
