//! The Lever postings API (`GET /v0/postings/{site}?mode=json`): a list of
//! postings, none of which names the employer.

use ascend_types::{EmploymentType, SalaryPeriod, WorkModel};
use serde_json::Value;

use super::{
    Context, Format, ImportRecord, Object, RecordError, amount, as_object, collect, company,
    date_from_millis, describe, employment_from_title, http_url, id, job, object, one_or_many,
    plain_text, push_plain, push_unique, remote_region, salary, text, title,
};

/// Enough of Lever's own field names that no other format has.
pub(super) fn looks_like_posting(value: &Value) -> bool {
    value.as_object().is_some_and(|posting| {
        posting.contains_key("text")
            && [
                "categories",
                "hostedUrl",
                "applyUrl",
                "createdAt",
                "descriptionPlain",
            ]
            .iter()
            .any(|key| posting.contains_key(*key))
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
    let source_id = id(posting, "id")?.ok_or("the posting has no id")?;
    let mut notes = Vec::new();
    let title = title(posting, "text", &mut notes)?;
    let company = company(
        None,
        context,
        "Lever postings do not name their company; give the company name with the import",
        &mut notes,
    )?;
    let mut job = job(Format::Lever, source_id, &company, &title, context.today);

    let categories = object(posting, "categories")?;
    if let Some(categories) = categories {
        if let Some(commitment) = text(categories, "commitment")? {
            job.employment_type = employment(commitment, &title);
        }
        job.department = match plain_text(categories, "department", "department", &mut notes)? {
            Some(department) => Some(department),
            None => plain_text(categories, "team", "department", &mut notes)?,
        };
    }

    let mut places = Vec::new();
    if let Some(categories) = categories {
        if let Some(location) = text(categories, "location")? {
            push_plain(&mut places, "locations", location, &mut notes)?;
        }
        for place in one_or_many(categories.get("allLocations")) {
            match place {
                Value::String(place) => push_plain(&mut places, "locations", place, &mut notes)?,
                other => {
                    return Err(format!(
                        "categories.allLocations should list text, not {}",
                        describe(other)
                    ));
                }
            }
        }
    }
    job.work_model = match text(posting, "workplaceType")? {
        Some("remote") => WorkModel::Remote,
        Some("hybrid") => WorkModel::Hybrid,
        Some("onsite" | "on-site") => WorkModel::OnSite,
        // "unspecified": the location text is all there is to go on.
        _ if places.iter().any(|p| remote_region(p).is_some()) => WorkModel::Remote,
        _ => WorkModel::OnSite,
    };
    if job.work_model == WorkModel::Remote {
        // For remote postings Lever's locations are where applicants may live.
        for place in &places {
            match remote_region(place) {
                Some(Some(region)) => push_unique(&mut job.remote_regions, &region),
                Some(None) => {}
                None => push_unique(&mut job.remote_regions, place),
            }
        }
    } else {
        job.locations = places;
    }

    job.description_html = description(posting)?;
    if let Some(created) = posting.get("createdAt").filter(|value| !value.is_null()) {
        job.posted_on = date_from_millis("createdAt", created)?;
    }
    job.apply_url = text(posting, "applyUrl")?
        .and_then(http_url)
        .or(text(posting, "hostedUrl")?.and_then(http_url));
    if let Some(range) = object(posting, "salaryRange")? {
        job.salary = Some(salary_range(range)?);
    }

    Ok(ImportRecord {
        company,
        job,
        notes,
    })
}

fn employment(commitment: &str, title: &str) -> EmploymentType {
    let lower = commitment.to_lowercase();
    if lower.contains("intern") {
        EmploymentType::Internship
    } else if lower.contains("part") {
        EmploymentType::PartTime
    } else if lower.contains("contract") || lower.contains("freelance") {
        EmploymentType::Contract
    } else if lower.contains("temp") || lower.contains("seasonal") {
        EmploymentType::Temporary
    } else if lower.contains("full") || lower.contains("permanent") {
        EmploymentType::FullTime
    } else {
        employment_from_title(title)
    }
}

/// The posting page as Lever shows it: the opening, each list under its
/// heading, then the closing text.
fn description(posting: &Object) -> Result<String, String> {
    let mut html = match text(posting, "description")? {
        Some(description) => description.to_owned(),
        None => text(posting, "descriptionPlain")?
            .map(plain_paragraphs)
            .unwrap_or_default(),
    };
    for list in one_or_many(posting.get("lists")) {
        let list = as_object(list, "an entry of lists")?;
        if let Some(heading) = text(list, "text")? {
            html.push_str("<h3>");
            html.push_str(&escape(heading));
            html.push_str("</h3>");
        }
        if let Some(items) = text(list, "content")? {
            html.push_str("<ul>");
            html.push_str(items);
            html.push_str("</ul>");
        }
    }
    if let Some(additional) = text(posting, "additional")? {
        html.push_str(additional);
    }
    Ok(html)
}

fn plain_paragraphs(text: &str) -> String {
    text.split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| format!("<p>{}</p>", escape(paragraph)))
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn salary_range(range: &Object) -> Result<ascend_types::Salary, String> {
    let min = range.get("min").filter(|value| !value.is_null());
    let max = range.get("max").filter(|value| !value.is_null());
    let (min, max) = match (min, max) {
        (Some(min), Some(max)) => (
            amount("salaryRange.min", min)?,
            amount("salaryRange.max", max)?,
        ),
        (Some(only), None) | (None, Some(only)) => {
            let only = amount("salaryRange", only)?;
            (only, only)
        }
        (None, None) => return Err("salaryRange has neither min nor max".into()),
    };
    let currency = text(range, "currency")?.ok_or("salaryRange has no currency")?;
    // "per-year-salary", "per-month-salary", "per-hour-wage", ...
    let period = match text(range, "interval")? {
        None => SalaryPeriod::Year,
        Some(interval) => {
            let lower = interval.to_lowercase();
            let unit = lower.split(['-', '_', ' ']).find_map(|word| match word {
                "year" | "yearly" | "annual" => Some(SalaryPeriod::Year),
                "month" | "monthly" => Some(SalaryPeriod::Month),
                "week" | "weekly" => Some(SalaryPeriod::Week),
                "day" | "daily" => Some(SalaryPeriod::Day),
                "hour" | "hourly" => Some(SalaryPeriod::Hour),
                _ => None,
            });
            unit.ok_or_else(|| format!("salaryRange.interval \"{interval}\" is not a pay period"))?
        }
    };
    salary(min, max, currency, period)
}

#[cfg(test)]
mod tests {
    use super::super::{Format, parse};
    use ascend_types::{EmploymentType, Salary, SalaryPeriod, Seniority, WorkModel};

    const POSTINGS: &str = include_str!("../../tests/fixtures/import/lever.json");
    const TODAY: i64 = 20_600;

    #[test]
    fn postings_are_read_with_the_given_company() {
        let file = parse(POSTINGS.as_bytes(), Some("Tidewater Analytics"), TODAY).unwrap();
        assert_eq!(file.format, Format::Lever);
        assert_eq!(file.records.len(), 3);

        let first = file.records[0].as_ref().unwrap();
        assert_eq!(first.company.name, "Tidewater Analytics");
        assert_eq!(first.company.slug, "tidewater-analytics");
        let job = &first.job;
        assert_eq!(job.source, "lever");
        assert_eq!(job.source_id, "5b0d6c1e-8f3a-4c2d-9e61-0a7b2f4c9d11");
        assert_eq!(job.title, "Staff Data Engineer");
        assert_eq!(job.seniority, Some(Seniority::Staff));
        assert_eq!(job.employment_type, EmploymentType::FullTime);
        assert_eq!(job.work_model, WorkModel::Hybrid);
        assert_eq!(
            job.locations,
            ["Rotterdam, Netherlands", "Antwerp, Belgium"]
        );
        assert!(job.remote_regions.is_empty());
        assert_eq!(job.department.as_deref(), Some("Data Platform"));
        // 1767225600000 ms is 2026-01-01T00:00:00Z.
        assert_eq!(job.posted_on, "2026-01-01");
        assert_eq!(
            job.apply_url.as_deref(),
            Some("https://jobs.lever.example/tidewater/5b0d6c1e-8f3a-4c2d-9e61-0a7b2f4c9d11/apply")
        );
        assert_eq!(job.salary, None);
        let html = &job.description_html;
        assert!(html.starts_with("<div>We move shipping data"), "{html}");
        assert!(html.contains("<h3>What you will do</h3><ul><li>"), "{html}");
        assert!(
            html.ends_with("<div>We review every application within two weeks.</div>"),
            "{html}"
        );
    }

    #[test]
    fn a_remote_posting_has_regions_and_a_salary() {
        let file = parse(POSTINGS.as_bytes(), Some("Tidewater Analytics"), TODAY).unwrap();
        let job = &file.records[1].as_ref().unwrap().job;
        assert_eq!(job.title, "Junior Frontend Developer");
        assert_eq!(job.seniority, Some(Seniority::Junior));
        assert_eq!(job.work_model, WorkModel::Remote);
        assert!(job.locations.is_empty());
        assert_eq!(job.remote_regions, ["Europe", "United Kingdom"]);
        assert_eq!(
            job.salary,
            Some(Salary {
                min: 42_000,
                max: 52_000,
                currency: "EUR".into(),
                period: SalaryPeriod::Year,
            })
        );
        assert_eq!(job.department.as_deref(), Some("Product"));
        // No applyUrl: the hosted page is where to apply.
        assert_eq!(
            job.apply_url.as_deref(),
            Some("https://jobs.lever.example/tidewater/8e7f1a20-3b44-4d9e-a0c5-61f2d3e4b5a6")
        );
    }

    #[test]
    fn commitment_and_hourly_pay_are_mapped() {
        let file = parse(POSTINGS.as_bytes(), Some("Tidewater Analytics"), TODAY).unwrap();
        let job = &file.records[2].as_ref().unwrap().job;
        assert_eq!(job.employment_type, EmploymentType::PartTime);
        assert_eq!(job.work_model, WorkModel::OnSite);
        assert_eq!(job.locations, ["Rotterdam, Netherlands"]);
        assert_eq!(job.seniority, None);
        assert_eq!(
            job.salary.as_ref().map(|s| s.period),
            Some(SalaryPeriod::Hour)
        );
        // No description HTML: the plain text becomes paragraphs.
        assert_eq!(
            job.description_html,
            "<p>Keep our office running &amp; our people fed.</p><p>Mornings only.</p>"
        );
    }

    #[test]
    fn without_a_company_every_posting_is_an_error() {
        let file = parse(POSTINGS.as_bytes(), None, TODAY).unwrap();
        assert_eq!(file.format, Format::Lever);
        for (position, record) in file.records.iter().enumerate() {
            let error = record.as_ref().unwrap_err();
            assert_eq!(error.position, position);
            assert!(error.reason.contains("company"), "{}", error.reason);
        }
    }

    #[test]
    fn bad_salaries_and_dates_fail_their_posting() {
        let postings = r#"[
            {"id": "a", "text": "Chef", "createdAt": 1767225600000,
             "salaryRange": {"min": 60000, "max": 50000, "currency": "EUR", "interval": "per-year-salary"}},
            {"id": "b", "text": "Chef", "createdAt": "last week"},
            {"id": "c", "text": "Chef", "createdAt": 1767225600000,
             "salaryRange": {"min": 1, "max": 2, "currency": "EUR", "interval": "per-fortnight"}},
            {"id": "d", "text": "", "createdAt": 1767225600000}
        ]"#;
        let file = parse(postings.as_bytes(), Some("Galley"), TODAY).unwrap();
        let reasons: Vec<String> = file
            .records
            .iter()
            .map(|record| record.as_ref().unwrap_err().reason.clone())
            .collect();
        assert!(reasons[0].contains("above the maximum"), "{}", reasons[0]);
        assert!(reasons[1].contains("createdAt"), "{}", reasons[1]);
        assert!(reasons[2].contains("per-fortnight"), "{}", reasons[2]);
        assert!(reasons[3].contains("no title"), "{}", reasons[3]);
    }
}
