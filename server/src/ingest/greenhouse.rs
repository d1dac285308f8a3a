//! The Greenhouse job board API (`GET /v1/boards/{board}/jobs?content=true`):
//! `{"jobs": [...], "meta": {...}}`.

use serde_json::Value;

use super::{
    Context, Format, ImportRecord, RecordError, as_object, collect, company, date_field, http_url,
    id, job, object, one_or_many, plain, plain_text, push_unique, remote_region, text, title,
};
use crate::store::sanitize::decode_entities;
use ascend_types::WorkModel;

/// One job as `GET /v1/boards/{board}/jobs/{id}` returns it.
pub(super) fn looks_like_job(value: &Value) -> bool {
    value.as_object().is_some_and(|job| {
        job.contains_key("title") && job.contains_key("absolute_url") && !job.contains_key("text")
    })
}

pub(super) fn records(
    file: &Value,
    context: &Context<'_>,
) -> Vec<Result<ImportRecord, RecordError>> {
    let jobs = match file.get("jobs").and_then(Value::as_array) {
        Some(jobs) => jobs.iter().collect(),
        None => vec![file],
    };
    collect(jobs, |item| record(item, context))
}

fn record(item: &Value, context: &Context<'_>) -> Result<ImportRecord, String> {
    let posting = as_object(item, "a job")?;
    let source_id = id(posting, "id")?.ok_or("the job has no id")?;
    let mut notes = Vec::new();
    let title = title(posting, "title", &mut notes)?;
    let company = company(
        text(posting, "company_name")?,
        context,
        "the board does not name its company (no company_name); give the company name with the import",
        &mut notes,
    )?;
    let mut job = job(
        Format::Greenhouse,
        source_id,
        &company,
        &title,
        context.today,
    );

    if let Some(content) = text(posting, "content")? {
        // The API sends the description HTML-escaped ("&lt;p&gt;").
        job.description_html = decode_entities(content);
    }

    let location = match object(posting, "location")? {
        Some(location) => text(location, "name")?,
        None => None,
    };
    let mut places = Vec::new();
    match location {
        Some(location) => places.push(plain("locations", location, &mut notes)?),
        None => {
            // Without a location the offices are the next best answer.
            for office in one_or_many(posting.get("offices")) {
                let office = as_object(office, "an office")?;
                if let Some(place) = text(office, "location")?.or(text(office, "name")?) {
                    places.push(plain("locations", place, &mut notes)?);
                }
            }
        }
    }
    for place in &places {
        let lower = place.to_lowercase();
        match remote_region(place) {
            Some(region) => {
                job.work_model = WorkModel::Remote;
                if let Some(region) = region {
                    push_unique(&mut job.remote_regions, &region);
                }
            }
            None => {
                if lower.contains("hybrid") {
                    job.work_model = WorkModel::Hybrid;
                } else if lower.contains("remote") && job.work_model == WorkModel::OnSite {
                    job.work_model = WorkModel::Remote;
                }
                push_unique(&mut job.locations, place);
            }
        }
    }

    if let Some(department) = one_or_many(posting.get("departments")).first() {
        let department = as_object(department, "a department")?;
        job.department = plain_text(department, "name", "department", &mut notes)?;
    }
    if let Some(date) =
        date_field(posting, "first_published")?.or(date_field(posting, "updated_at")?)
    {
        job.posted_on = date;
    }
    job.apply_url = text(posting, "absolute_url")?.and_then(http_url);

    Ok(ImportRecord {
        company,
        job,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::super::{FileError, Format, parse};
    use ascend_types::{EmploymentType, Seniority, WorkModel};

    const BOARD: &str = include_str!("../../tests/fixtures/import/greenhouse.json");
    const TODAY: i64 = 20_600;

    #[test]
    fn a_board_is_read_job_by_job() {
        let file = parse(BOARD.as_bytes(), None, TODAY).unwrap();
        assert_eq!(file.format, Format::Greenhouse);
        assert_eq!(file.records.len(), 3);

        let first = file.records[0].as_ref().unwrap();
        assert_eq!(first.company.name, "Fernwood Robotics");
        assert_eq!(first.company.slug, "fernwood-robotics");
        assert_eq!(first.company.website, None);
        let job = &first.job;
        assert_eq!(job.source, "greenhouse");
        assert_eq!(job.source_id, "4012233007");
        assert_eq!(job.slug, None);
        assert_eq!(job.company_slug, "fernwood-robotics");
        assert_eq!(job.title, "Senior Firmware Engineer");
        assert_eq!(job.seniority, Some(Seniority::Senior));
        assert_eq!(job.employment_type, EmploymentType::FullTime);
        assert_eq!(job.work_model, WorkModel::OnSite);
        assert_eq!(job.locations, ["Lyon, France"]);
        assert!(job.remote_regions.is_empty());
        assert_eq!(job.department.as_deref(), Some("Embedded Systems"));
        assert_eq!(job.posted_on, "2026-01-12");
        assert_eq!(
            job.apply_url.as_deref(),
            Some("https://boards.greenhouse.example/fernwood/jobs/4012233007")
        );
        assert!(job.description_html.starts_with("<h2>About the role</h2>"));
        assert_eq!(job.salary, None);
        assert!(job.skills.is_empty() && job.faqs.is_empty() && job.summary.is_none());
    }

    #[test]
    fn escaped_content_is_unescaped_once() {
        let file = parse(BOARD.as_bytes(), None, TODAY).unwrap();
        let job = &file.records[1].as_ref().unwrap().job;
        assert_eq!(job.title, "Robotics Intern, Perception");
        assert_eq!(job.employment_type, EmploymentType::Internship);
        assert_eq!(job.seniority, Some(Seniority::Intern));
        assert_eq!(job.work_model, WorkModel::Remote);
        assert_eq!(job.remote_regions, ["Europe"]);
        assert!(job.locations.is_empty());
        // No first_published: updated_at gives the date.
        assert_eq!(job.posted_on, "2026-02-03");
        // The script arrives as markup for the storing code to sanitize.
        assert!(job.description_html.contains("<script>"));
        // Escaped twice in the file, so still one level of escaping in the HTML.
        assert!(
            job.description_html.contains("R&amp;D"),
            "{}",
            job.description_html
        );
        let clean = crate::store::sanitize::sanitize_description(&job.description_html);
        assert!(
            !clean.contains("script") && clean.contains("<li>"),
            "{clean}"
        );
    }

    #[test]
    fn missing_fields_fall_back_to_defaults() {
        let file = parse(BOARD.as_bytes(), None, TODAY).unwrap();
        let job = &file.records[2].as_ref().unwrap().job;
        assert_eq!(job.title, "Contract Technical Writer");
        assert_eq!(job.employment_type, EmploymentType::Contract);
        assert_eq!(job.seniority, None);
        assert_eq!(job.work_model, WorkModel::Hybrid);
        assert_eq!(job.locations, ["Hybrid - Montréal, Canada"]);
        assert_eq!(job.posted_on, ascend_types::date::format_iso_date(TODAY));
        assert_eq!(job.description_html, "");
        // A javascript: link is no apply link.
        assert_eq!(job.apply_url, None);
    }

    #[test]
    fn the_company_argument_names_a_board_without_company_name() {
        let board = r#"{"jobs": [{"id": 7, "title": "Baker", "location": {"name": "Oslo"}}], "meta": {"total": 1}}"#;
        let file = parse(board.as_bytes(), None, TODAY).unwrap();
        let error = file.records[0].as_ref().unwrap_err();
        assert_eq!(error.position, 0);
        assert!(error.reason.contains("company"), "{}", error.reason);

        let file = parse(board.as_bytes(), Some("Kvist Bakeri"), TODAY).unwrap();
        let record = file.records[0].as_ref().unwrap();
        assert_eq!(record.company.slug, "kvist-bakeri");
        assert_eq!(record.job.source_id, "7");
    }

    #[test]
    fn an_odd_field_fails_only_its_record() {
        let board = r#"{"jobs": [
            {"id": 1, "title": "Cook", "company_name": "Hearth"},
            {"id": 2, "title": ["Cook"], "company_name": "Hearth"},
            {"id": 3, "title": "Cook", "company_name": "Hearth", "updated_at": "yesterday"},
            "not a job",
            {"title": "Cook", "company_name": "Hearth"}
        ]}"#;
        let file = parse(board.as_bytes(), None, TODAY).unwrap();
        assert!(file.records[0].is_ok());
        let reasons: Vec<_> = file.records[1..]
            .iter()
            .map(|record| record.as_ref().unwrap_err())
            .map(|error| (error.position, error.reason.as_str()))
            .collect();
        assert_eq!(reasons[0], (1, "title should be text, not a list"));
        assert_eq!(reasons[1].0, 2);
        assert!(
            reasons[1].1.contains("updated_at \"yesterday\""),
            "{}",
            reasons[1].1
        );
        assert_eq!(reasons[2], (3, "a job should be an object, not a string"));
        assert_eq!(reasons[3], (4, "the job has no id"));
        assert!(matches!(
            parse(b"{\"jobs\": 3}", None, TODAY),
            Err(FileError::UnknownFormat(_))
        ));
    }
}
