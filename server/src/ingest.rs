//! Reading job files exported from other boards: the Greenhouse job board
//! API, the Lever postings API and schema.org `JobPosting` JSON-LD.
//!
//! Parsing only: each record becomes a company and a job to store, or a
//! reason it could not. One odd record never sinks the file.

use std::borrow::Cow;
use std::fmt;

use ascend_types::date::{format_iso_date, parse_iso_date};
use ascend_types::salary::convert_period;
use ascend_types::{EmploymentType, Salary, SalaryPeriod, Seniority, WorkModel};
use serde_json::{Map, Value};

use crate::store::model::{NewCompany, NewJob, fnv1a, slugify};
use crate::store::sanitize::{Lines, PlainText, clean_text, listed_controls, strip_markup};

mod greenhouse;
mod jsonld;
mod lever;
mod run;

pub use run::{ImportError, ImportReport, import_file, import_file_with};

/// The shape of an import file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Greenhouse,
    Lever,
    JsonLd,
}

impl Format {
    /// The `source` the format's jobs are stored under.
    pub fn source(self) -> &'static str {
        match self {
            Format::Greenhouse => "greenhouse",
            Format::Lever => "lever",
            Format::JsonLd => "jsonld",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Greenhouse => "Greenhouse job board",
            Format::Lever => "Lever postings",
            Format::JsonLd => "JSON-LD JobPosting",
        })
    }
}

/// One job and its employer, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRecord {
    pub company: NewCompany,
    pub job: NewJob,
    /// What reading changed in the record's text to make it fit (control
    /// characters removed, markup removed from plain-text fields), for the
    /// import report.
    pub notes: Vec<String>,
}

/// Why one record of a file was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 0-based index in the file's list of jobs.
    pub position: usize,
    pub reason: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}: {}", self.position, self.reason)
    }
}

/// Something an import changed in a record it stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordNote {
    /// 0-based index in the file's list of jobs.
    pub position: usize,
    pub note: String,
}

impl fmt::Display for RecordNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}: {}", self.position, self.note)
    }
}

/// A file's format and its records, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedFile {
    pub format: Format,
    pub records: Vec<Result<ImportRecord, RecordError>>,
}

/// Why a whole file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The bytes are not JSON; the parser's message.
    NotJson(String),
    /// JSON, but none of the known shapes; what was found instead.
    UnknownFormat(String),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::NotJson(message) => write!(f, "the file is not JSON: {message}"),
            FileError::UnknownFormat(found) => write!(
                f,
                "the file is not a Greenhouse job board, Lever postings or JSON-LD JobPostings: {found}"
            ),
        }
    }
}

impl std::error::Error for FileError {}

/// Reads an import file, telling its format by its shape.
///
/// `company` names the employer for formats that do not carry it (Lever, and
/// Greenhouse boards without `company_name`). `today` is a day number, the
/// default `posted_on` for records without a date.
pub fn parse(bytes: &[u8], company: Option<&str>, today: i64) -> Result<ParsedFile, FileError> {
    // Files saved by some Windows editors start with a byte order mark,
    // which JSON does not allow.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bytes = escape_raw_controls(bytes);
    let value: Value =
        serde_json::from_slice(&bytes).map_err(|error| FileError::NotJson(error.to_string()))?;
    let format = detect(&value)?;
    let context = Context {
        company: company.map(str::trim).filter(|name| !name.is_empty()),
        today,
    };
    let records = match format {
        Format::Greenhouse => greenhouse::records(&value, &context),
        Format::Lever => lever::records(&value, &context),
        Format::JsonLd => jsonld::records(&value, &context),
    };
    Ok(ParsedFile { format, records })
}

/// JSON allows no raw control characters in a string (they are written
/// `\u0000`) and none but whitespace between values; careless exports have
/// them anyway. Each raw one in a string becomes its escape, so that it is
/// read, then removed with a note like any other ([`without_controls`]);
/// one between values belongs to no field and is dropped. Valid JSON has
/// neither, and passes unchanged. (Bytes below 0x20 are never part of a
/// multi-byte UTF-8 character, so this cannot split one.)
fn escape_raw_controls(bytes: &[u8]) -> Cow<'_, [u8]> {
    let mut changed: Option<Vec<u8>> = None;
    let mut in_string = false;
    let mut escaped = false;
    for (index, &byte) in bytes.iter().enumerate() {
        let control = byte < 0x20;
        let replacement: Option<Vec<u8>> = if in_string {
            if escaped {
                escaped = false;
                None
            } else if byte == b'\\' {
                escaped = true;
                None
            } else if byte == b'"' {
                in_string = false;
                None
            } else if control {
                Some(format!("\\u{byte:04x}").into_bytes())
            } else {
                None
            }
        } else if byte == b'"' {
            in_string = true;
            None
        } else if control && !matches!(byte, b'\t' | b'\n' | b'\r') {
            Some(Vec::new())
        } else {
            None
        };
        match (replacement, &mut changed) {
            (Some(replacement), Some(out)) => out.extend_from_slice(&replacement),
            (Some(replacement), None) => {
                let mut out = bytes[..index].to_vec();
                out.extend_from_slice(&replacement);
                changed = Some(out);
            }
            (None, Some(out)) => out.push(byte),
            (None, None) => {}
        }
    }
    changed.map_or(Cow::Borrowed(bytes), Cow::Owned)
}

fn detect(value: &Value) -> Result<Format, FileError> {
    match value {
        Value::Object(object) if object.get("jobs").is_some_and(Value::is_array) => {
            Ok(Format::Greenhouse)
        }
        Value::Object(_) if jsonld::is_job_posting(value) => Ok(Format::JsonLd),
        // The single-job endpoints of both APIs answer with one object.
        Value::Object(_) if greenhouse::looks_like_job(value) => Ok(Format::Greenhouse),
        Value::Object(_) if lever::looks_like_posting(value) => Ok(Format::Lever),
        Value::Array(items) if items.iter().any(jsonld::is_job_posting) => Ok(Format::JsonLd),
        Value::Array(items) if items.iter().any(lever::looks_like_posting) => Ok(Format::Lever),
        Value::Array(items) if items.is_empty() => Err(FileError::UnknownFormat(
            "an empty list, which has nothing to tell the format by".into(),
        )),
        Value::Array(_) => Err(FileError::UnknownFormat(
            "a list whose items are neither Lever postings nor JobPostings".into(),
        )),
        Value::Object(object) => {
            let mut keys: Vec<&str> = object.keys().map(String::as_str).take(6).collect();
            if object.len() > keys.len() {
                keys.push("...");
            }
            Err(FileError::UnknownFormat(format!(
                "an object with the keys {}",
                keys.join(", ")
            )))
        }
        other => Err(FileError::UnknownFormat(format!(
            "{} at the top level",
            describe(other)
        ))),
    }
}

/// What every format's reader needs besides the record.
struct Context<'a> {
    company: Option<&'a str>,
    today: i64,
}

type Object = Map<String, Value>;

/// Turns per-record results into the file's list, numbering the failures.
/// Each record is read without its control characters, which its notes
/// name first.
fn collect<'v>(
    items: impl IntoIterator<Item = &'v Value>,
    mut read: impl FnMut(&Value) -> Result<ImportRecord, String>,
) -> Vec<Result<ImportRecord, RecordError>> {
    items
        .into_iter()
        .enumerate()
        .map(|(position, item)| {
            let (item, mut notes) = without_controls(item);
            let mut record = read(&item).map_err(|reason| RecordError { position, reason })?;
            notes.append(&mut record.notes);
            record.notes = notes;
            Ok(record)
        })
        .collect()
}

/// A record with control characters removed from every text in it
/// ([`clean_text`]), and a note for each text that lost some. The note
/// names the text's place in the record (`categories.allLocations[1]`), as
/// this happens before a reader knows which field each text becomes. Line
/// breaks and tabs stay: the readers of one-line fields make them spaces.
fn without_controls(item: &Value) -> (Cow<'_, Value>, Vec<String>) {
    fn dirty(value: &Value) -> bool {
        match value {
            Value::String(text) => {
                matches!(
                    clean_text(text, Lines::Many, &mut Vec::new()),
                    Cow::Owned(_)
                )
            }
            Value::Array(items) => items.iter().any(dirty),
            Value::Object(object) => object.values().any(dirty),
            _ => false,
        }
    }
    fn clean(value: &mut Value, path: &str, notes: &mut Vec<String>) {
        match value {
            Value::String(text) => {
                let mut removed = Vec::new();
                if let Cow::Owned(cleaned) = clean_text(text, Lines::Many, &mut removed) {
                    *text = cleaned;
                }
                if !removed.is_empty() {
                    let place = if path.is_empty() { "the record" } else { path };
                    notes.push(format!(
                        "{place}: removed control characters {}",
                        listed_controls(&removed)
                    ));
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter_mut().enumerate() {
                    clean(item, &format!("{path}[{index}]"), notes);
                }
            }
            Value::Object(object) => {
                for (key, item) in object.iter_mut() {
                    let path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    clean(item, &path, notes);
                }
            }
            _ => {}
        }
    }
    if !dirty(item) {
        return (Cow::Borrowed(item), Vec::new());
    }
    let mut item = item.clone();
    let mut notes = Vec::new();
    clean(&mut item, "", &mut notes);
    (Cow::Owned(item), notes)
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn as_object<'a>(value: &'a Value, what: &str) -> Result<&'a Object, String> {
    value
        .as_object()
        .ok_or_else(|| format!("{what} should be an object, not {}", describe(value)))
}

/// A text field, trimmed: absent, null or blank is `None`; any other type is
/// an error naming the field.
fn text<'a>(object: &'a Object, key: &str) -> Result<Option<&'a str>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => {
            let value = value.trim();
            Ok((!value.is_empty()).then_some(value))
        }
        Some(other) => Err(format!("{key} should be text, not {}", describe(other))),
    }
}

/// An object field: absent or null is `None`.
fn object<'a>(parent: &'a Object, key: &str) -> Result<Option<&'a Object>, String> {
    match parent.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(value) => as_object(value, key).map(Some),
    }
}

/// An id, given as text or as an integer.
fn id(object: &Object, key: &str) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(value)) => {
            let value = value.trim();
            Ok((!value.is_empty()).then(|| value.to_owned()))
        }
        Some(Value::Number(number)) if number.is_i64() || number.is_u64() => {
            Ok(Some(number.to_string()))
        }
        Some(other) => Err(format!(
            "{key} should be text or a whole number, not {}",
            describe(other)
        )),
    }
}

/// Schema.org and some exports allow one value or a list of them.
fn one_or_many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(single) => vec![single],
    }
}

/// A date from `YYYY-MM-DD` or an RFC 3339 date-time, whose date part it
/// keeps as written (the employer's calendar day).
fn date_from_text(field: &str, value: &str) -> Result<String, String> {
    let date = match value.get(..10) {
        Some(date) if value.len() == 10 || value[10..].starts_with(['T', 't', ' ']) => date,
        _ => "",
    };
    if parse_iso_date(date).is_none() {
        return Err(format!(
            "{field} \"{value}\" is not a date (YYYY-MM-DD or an RFC 3339 date-time)"
        ));
    }
    Ok(date.to_owned())
}

/// An optional date field given as text.
fn date_field(object: &Object, key: &str) -> Result<Option<String>, String> {
    text(object, key)?
        .map(|value| date_from_text(key, value))
        .transpose()
}

/// A date from milliseconds since 1970-01-01 UTC.
fn date_from_millis(field: &str, value: &Value) -> Result<String, String> {
    // Up to 9999-12-31: anything later is a unit mistake, not a date.
    const LATEST_MS: i64 = 253_402_300_799_999;
    match value.as_i64() {
        Some(ms) if (0..=LATEST_MS).contains(&ms) => Ok(format_iso_date(ms.div_euclid(86_400_000))),
        _ => Err(format!(
            "{field} should be milliseconds since 1970, not {value}"
        )),
    }
}

/// The URL when it is an absolute http or https one; anything else (relative,
/// `javascript:`, `mailto:`) is no place to send applicants.
fn http_url(value: &str) -> Option<String> {
    let value = value.trim();
    let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
    let absolute = lower.starts_with("http://") || lower.starts_with("https://");
    (absolute && !value.contains(char::is_whitespace)).then(|| value.to_owned())
}

/// An amount given as a number or as numeric text ("85000", "85,000.00").
fn amount(field: &str, value: &Value) -> Result<f64, String> {
    let parsed = match value {
        Value::Number(number) => number.as_f64(),
        Value::String(text) => text.trim().replace([',', '_'], "").parse::<f64>().ok(),
        _ => None,
    };
    match parsed {
        Some(amount) if amount.is_finite() && amount >= 0.0 => Ok(amount),
        _ => Err(format!(
            "{field} should be a non-negative amount, not {value}"
        )),
    }
}

/// The least a salary's minimum may come to in a year (converted with
/// [`convert_period`]), in the salary's own currency: less is a unit
/// mistake (cents, thousands) or a placeholder, not pay. One floor for all
/// currencies keeps this simple and needs no exchange rates while reading a
/// file; it is low for currencies with small units (1,000 yen a year still
/// passes) and that is accepted.
const LEAST_YEARLY_PAY: f64 = 1_000.0;

/// A pay range as Ascend stores it, or why it is not a plausible one.
fn salary(min: f64, max: f64, currency: &str, period: SalaryPeriod) -> Result<Salary, String> {
    let currency = currency.trim();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(format!(
            "salary: the currency \"{currency}\" is not a three-letter ISO 4217 code"
        ));
    }
    let currency = currency.to_ascii_uppercase();
    if min > max {
        return Err(format!(
            "salary: the minimum {min} is above the maximum {max}"
        ));
    }
    let yearly = convert_period(min, period, SalaryPeriod::Year);
    if yearly < LEAST_YEARLY_PAY {
        return Err(match period {
            SalaryPeriod::Year => format!("salary: {min} {currency} a year is not a plausible pay"),
            _ => format!(
                "salary: {min} {currency} {} ({yearly:.0} {currency} a year) is not a plausible pay",
                per(period)
            ),
        });
    }
    Ok(Salary {
        // Whole units are all the board shows; `as` saturates, so even an
        // absurd amount cannot panic.
        min: min.round() as i64,
        max: max.round() as i64,
        currency,
        period,
    })
}

/// "a month", "an hour": how a pay period reads after an amount.
fn per(period: SalaryPeriod) -> &'static str {
    match period {
        SalaryPeriod::Year => "a year",
        SalaryPeriod::Month => "a month",
        SalaryPeriod::Week => "a week",
        SalaryPeriod::Day => "a day",
        SalaryPeriod::Hour => "an hour",
    }
}

/// The employer: the record's own name first, else the one given with the
/// file, as plain text.
fn company(
    own_name: Option<&str>,
    context: &Context<'_>,
    why_missing: &str,
    notes: &mut Vec<String>,
) -> Result<NewCompany, String> {
    let name = own_name
        .or(context.company)
        .ok_or_else(|| why_missing.to_owned())?;
    // Before the slug, which would otherwise spell the tags out.
    let name = plain("company.name", name, notes)?;
    let mut slug = slugify(&name);
    if slug.is_empty() {
        // Names in scripts slugify drops ("日本") still need a stable slug.
        slug = format!("company-{:016x}", fnv1a(name.as_bytes()));
    }
    Ok(NewCompany {
        slug,
        name,
        ..NewCompany::default()
    })
}

/// A field that is never HTML (a title, a name, a place), without the
/// markup some exports leave in it, escaped or not: pages show these fields
/// as text, tags and all. Line breaks become spaces, and control characters
/// go (also those written as references, `&#0;`). What was removed becomes a
/// note; a field nothing is left of is an error, as a title or place made
/// only of tags is no title or place.
fn plain(field: &str, value: &str, notes: &mut Vec<String>) -> Result<String, String> {
    let PlainText {
        text,
        removed,
        controls,
    } = strip_markup(value);
    if text.is_empty() {
        return Err(format!(
            "{field}: nothing is left of `{}` once markup is removed",
            shown(value)
        ));
    }
    let mut note = |note: String| {
        // A place listed twice (Lever's location and allLocations) is one note.
        if !notes.contains(&note) {
            notes.push(note);
        }
    };
    if !removed.is_empty() {
        note(format!("{field}: removed markup {}", listed(&removed)));
    }
    if !controls.is_empty() {
        note(format!(
            "{field}: removed control characters {}",
            listed_controls(&controls)
        ));
    }
    Ok(text)
}

/// `field` with [`plain`] applied, when it is there.
fn plain_text(
    object: &Object,
    key: &str,
    field: &str,
    notes: &mut Vec<String>,
) -> Result<Option<String>, String> {
    text(object, key)?
        .map(|value| plain(field, value, notes))
        .transpose()
}

/// The first few pieces of removed markup, quoted, for a note.
fn listed(removed: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut list: Vec<String> = removed
        .iter()
        .take(SHOWN)
        .map(|piece| format!("`{}`", shown(piece)))
        .collect();
    if removed.len() > SHOWN {
        list.push(format!("and {} more", removed.len() - SHOWN));
    }
    list.join(", ")
}

/// Text from a file, fit for one line of a terminal: whitespace collapsed,
/// control characters replaced, cut after 80 characters.
fn shown(text: &str) -> String {
    const LONGEST: usize = 80;
    let line: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    match line.char_indices().nth(LONGEST) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line,
    }
}

/// A job with everything the formats share filled in from the title, ready
/// for each reader to add what its record says.
fn job(format: Format, source_id: String, company: &NewCompany, title: &str, today: i64) -> NewJob {
    NewJob {
        source: format.source().to_owned(),
        source_id,
        slug: None,
        company_slug: company.slug.clone(),
        title: title.to_owned(),
        department: None,
        seniority: seniority_from_title(title),
        employment_type: employment_from_title(title),
        work_model: WorkModel::OnSite,
        locations: Vec::new(),
        remote_regions: Vec::new(),
        description_html: String::new(),
        skills: Vec::new(),
        summary: None,
        posted_on: format_iso_date(today),
        valid_through: None,
        apply_url: None,
        salary: None,
        faqs: Vec::new(),
        interview_questions: Vec::new(),
    }
}

/// The title, which every job needs, as plain text.
fn title(object: &Object, key: &str, notes: &mut Vec<String>) -> Result<String, String> {
    plain_text(object, key, "title", notes)?
        .ok_or_else(|| format!("the job has no title ({key} is missing or empty)"))
}

fn title_words(title: &str) -> Vec<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The most senior level the title's words name: "Senior Director" is a
/// director, "Senior Staff Engineer" staff. `None` when the title says
/// nothing about level.
pub fn seniority_from_title(title: &str) -> Option<Seniority> {
    let words = title_words(title);
    let mut found = None;
    for (index, word) in words.iter().enumerate() {
        let next = words.get(index + 1).map(String::as_str);
        let level = match (word.as_str(), next) {
            ("intern" | "internship" | "trainee" | "apprentice", _) => Seniority::Intern,
            ("junior" | "jr" | "graduate" | "entry", _) => Seniority::Junior,
            ("mid" | "intermediate", _) => Seniority::Mid,
            ("senior" | "sr" | "lead", _) => Seniority::Senior,
            ("staff", _) => Seniority::Staff,
            ("principal" | "distinguished", _) => Seniority::Principal,
            ("director", _) | ("head", Some("of")) => Seniority::Director,
            (
                "vp" | "svp" | "evp" | "chief" | "ceo" | "cto" | "cfo" | "coo" | "cio" | "ciso"
                | "cpo",
                _,
            )
            | ("vice", Some("president")) => Seniority::Executive,
            _ => continue,
        };
        found = found.max(Some(level));
    }
    found
}

/// Employment type when a source does not say: what the title says, else
/// full time, by far the most common.
pub fn employment_from_title(title: &str) -> EmploymentType {
    let words = title_words(title);
    let has = |wanted: &[&str]| words.iter().any(|word| wanted.contains(&word.as_str()));
    let part_time = words
        .windows(2)
        .any(|pair| pair[0] == "part" && pair[1] == "time");
    if has(&["intern", "internship", "trainee", "apprentice"]) {
        EmploymentType::Internship
    } else if has(&["contract", "contractor", "freelance", "freelancer"]) {
        EmploymentType::Contract
    } else if has(&["temporary", "seasonal"]) {
        EmploymentType::Temporary
    } else if part_time || has(&["parttime"]) {
        EmploymentType::PartTime
    } else {
        EmploymentType::FullTime
    }
}

/// Adds `item` unless it is blank or already listed (ignoring case).
fn push_unique(list: &mut Vec<String>, item: &str) {
    let item = item.trim();
    if !item.is_empty() && !list.iter().any(|known| known.eq_ignore_ascii_case(item)) {
        list.push(item.to_owned());
    }
}

/// Adds `item` as plain text (see [`plain`]) unless it is blank or already
/// listed.
fn push_plain(
    list: &mut Vec<String>,
    field: &str,
    item: &str,
    notes: &mut Vec<String>,
) -> Result<(), String> {
    if !item.trim().is_empty() {
        push_unique(list, &plain(field, item, notes)?);
    }
    Ok(())
}

/// "Remote", "Remote - EMEA", "Remote (US)", "Fully remote: Europe": the
/// region after the word remote, when the text is about remote work at all.
fn remote_region(location: &str) -> Option<Option<String>> {
    // ASCII lowering keeps byte offsets valid for slicing `location`.
    let lower = location.to_ascii_lowercase();
    let start = lower.find("remote")?;
    let prefix = lower[..start].trim();
    if !(prefix.is_empty() || prefix == "fully" || prefix == "100%") {
        // "Berlin or remote" is a place that also allows remote work.
        return None;
    }
    let rest = location[start + "remote".len()..]
        .trim_start_matches(|c: char| c.is_whitespace() || "-–—:,/|(".contains(c))
        .trim_end_matches(|c: char| c.is_whitespace() || c == ')');
    Some((!rest.is_empty()).then(|| rest.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: i64 = 20_600;

    #[test]
    fn not_json_is_a_file_error() {
        let broken = include_bytes!("../tests/fixtures/import/broken.json");
        match parse(broken, None, TODAY) {
            Err(FileError::NotJson(message)) => assert!(!message.is_empty()),
            other => panic!("expected NotJson, got {other:?}"),
        }
        assert!(matches!(
            parse(b"", None, TODAY),
            Err(FileError::NotJson(_))
        ));
    }

    #[test]
    fn unknown_shapes_are_file_errors() {
        for (json, expected) in [
            (r#"{"postings": []}"#, "postings"),
            ("[]", "empty list"),
            (r#"[{"name": "x"}, 3]"#, "neither"),
            ("42", "a number"),
            (r#"{"@type": "Organization", "name": "Acme"}"#, "@type"),
        ] {
            match parse(json.as_bytes(), None, TODAY) {
                Err(error @ FileError::UnknownFormat(_)) => {
                    let text = error.to_string();
                    assert!(text.contains(expected), "{json}: {text}");
                }
                other => panic!("{json}: expected UnknownFormat, got {other:?}"),
            }
        }
    }

    #[test]
    fn single_jobs_from_either_api_are_one_record_files() {
        let greenhouse = r#"{"id": 9, "title": "Cook", "company_name": "Hearth",
            "absolute_url": "https://boards.greenhouse.example/hearth/jobs/9"}"#;
        let file = parse(greenhouse.as_bytes(), None, TODAY).unwrap();
        assert_eq!(file.format, Format::Greenhouse);
        assert_eq!(file.records.len(), 1);
        assert_eq!(file.records[0].as_ref().unwrap().job.source_id, "9");

        let lever =
            r#"{"id": "x1", "text": "Cook", "hostedUrl": "https://jobs.lever.example/hearth/x1"}"#;
        let file = parse(lever.as_bytes(), Some("Hearth"), TODAY).unwrap();
        assert_eq!(file.format, Format::Lever);
        assert_eq!(file.records.len(), 1);
        assert_eq!(file.records[0].as_ref().unwrap().job.source_id, "x1");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let file = parse(b"\xEF\xBB\xBF{\"jobs\": []}", None, TODAY).unwrap();
        assert_eq!(file.format, Format::Greenhouse);
        assert!(file.records.is_empty());
    }

    #[test]
    fn raw_control_bytes_in_strings_are_read_as_escapes() {
        // JSON without raw controls, pretty-printed or not, is left alone.
        let valid = b"{\n\t\"jobs\": [\"a\\\"\\u0000\"]\r\n}";
        assert!(matches!(escape_raw_controls(valid), Cow::Borrowed(_)));
        assert_eq!(
            escape_raw_controls(b"\0{\"t\": \"a\0b\tc\\\"\x1b\"}\0\0").as_ref(),
            b"{\"t\": \"a\\u0000b\\u0009c\\\"\\u001b\"}"
        );
    }

    #[test]
    fn control_characters_are_removed_from_every_text_with_a_note() {
        let file = "\u{0}{\"id\": 9, \"title\": \"Co\u{0}ok\\u0007\", \"company_name\": \"Hearth\\u001b[0m\",
            \"location\": {\"name\": \"Oslo,\\r\\n Norway\"},
            \"content\": \"&lt;p&gt;Line one\\u0000\\nline two\\u202e&lt;/p&gt;\",
            \"absolute_url\": \"https://boards.example/9\"}";
        let file = parse(file.as_bytes(), None, TODAY).unwrap();
        let record = file.records[0].as_ref().unwrap();
        assert_eq!(record.job.title, "Cook");
        assert_eq!(record.company.name, "Hearth[0m");
        assert_eq!(record.job.locations, ["Oslo, Norway"]);
        // Several lines in a description keep their line break.
        assert_eq!(record.job.description_html, "<p>Line one\nline two</p>");
        let mut notes = record.notes.clone();
        notes.sort();
        assert_eq!(
            notes,
            [
                "company_name: removed control characters U+001B",
                "content: removed control characters U+0000, U+202E",
                "title: removed control characters U+0000, U+0007",
            ]
        );
    }

    #[test]
    fn seniority_comes_from_title_words() {
        for (title, level) in [
            ("Software Engineering Intern", Some(Seniority::Intern)),
            ("Junior Data Analyst", Some(Seniority::Junior)),
            ("Sr. Backend Engineer", Some(Seniority::Senior)),
            ("Tech Lead, Payments", Some(Seniority::Senior)),
            ("Senior Staff Engineer", Some(Seniority::Staff)),
            ("Principal Designer", Some(Seniority::Principal)),
            ("Senior Director of Sales", Some(Seniority::Director)),
            ("Head of People", Some(Seniority::Director)),
            ("VP Engineering", Some(Seniority::Executive)),
            ("Vice President, Marketing", Some(Seniority::Executive)),
            ("Chief Financial Officer", Some(Seniority::Executive)),
            ("Backend Engineer", None),
            ("Staffing Coordinator", None),
            ("Leader of Nothing", None),
        ] {
            assert_eq!(seniority_from_title(title), level, "{title}");
        }
    }

    #[test]
    fn employment_type_defaults_to_full_time() {
        assert_eq!(
            employment_from_title("Marketing Intern (Summer)"),
            EmploymentType::Internship
        );
        assert_eq!(
            employment_from_title("Contract iOS Developer"),
            EmploymentType::Contract
        );
        assert_eq!(
            employment_from_title("Barista, Part-Time"),
            EmploymentType::PartTime
        );
        assert_eq!(
            employment_from_title("Internal Tools Engineer"),
            EmploymentType::FullTime
        );
    }

    #[test]
    fn dates_accept_plain_dates_and_date_times_only() {
        assert_eq!(date_from_text("d", "2026-03-04").unwrap(), "2026-03-04");
        assert_eq!(
            date_from_text("d", "2026-03-04T23:10:00-05:00").unwrap(),
            "2026-03-04"
        );
        for bad in ["2026-02-30", "2026-3-4", "04/03/2026", "2026-03-04x", ""] {
            let error = date_from_text("datePosted", bad).unwrap_err();
            assert!(error.contains("datePosted"), "{error}");
        }
        assert_eq!(
            date_from_millis("createdAt", &Value::from(1_700_000_000_000_i64)).unwrap(),
            "2023-11-14"
        );
        assert!(date_from_millis("createdAt", &Value::from(-1)).is_err());
        assert!(date_from_millis("createdAt", &Value::from("soon")).is_err());
    }

    #[test]
    fn salaries_need_a_currency_code_and_an_ordered_range() {
        let ok = salary(50_000.4, 60_000.6, "eur", SalaryPeriod::Year).unwrap();
        assert_eq!(
            ok,
            Salary {
                min: 50_000,
                max: 60_001,
                currency: "EUR".into(),
                period: SalaryPeriod::Year
            }
        );
        assert_eq!(
            salary(120_000.0, 90_000.0, "USD", SalaryPeriod::Year).unwrap_err(),
            "salary: the minimum 120000 is above the maximum 90000"
        );
        assert_eq!(
            salary(1_000.0, 2_000.0, "euro", SalaryPeriod::Year).unwrap_err(),
            "salary: the currency \"euro\" is not a three-letter ISO 4217 code"
        );
        assert_eq!(
            amount("x", &Value::from("85,000")).unwrap(),
            85_000.0,
            "numeric text"
        );
        assert!(amount("x", &Value::from(-5)).is_err());
    }

    #[test]
    fn salaries_under_a_thousand_a_year_are_implausible() {
        assert_eq!(
            salary(12.0, 15.0, "usd", SalaryPeriod::Year).unwrap_err(),
            "salary: 12 USD a year is not a plausible pay"
        );
        assert_eq!(
            salary(0.25, 0.5, "USD", SalaryPeriod::Hour).unwrap_err(),
            "salary: 0.25 USD an hour (520 USD a year) is not a plausible pay"
        );
        assert_eq!(
            salary(80.0, 90.0, "EUR", SalaryPeriod::Month).unwrap_err(),
            "salary: 80 EUR a month (960 EUR a year) is not a plausible pay"
        );
        // The floor is the minimum's: 1,000 a year exactly, or an hourly
        // wage that comes to more, is pay.
        assert!(salary(1_000.0, 1_000.0, "EUR", SalaryPeriod::Year).is_ok());
        assert!(salary(9.0, 9.0, "EUR", SalaryPeriod::Hour).is_ok());
        assert!(salary(0.0, 50_000.0, "EUR", SalaryPeriod::Year).is_err());
    }

    #[test]
    fn only_absolute_web_urls_are_apply_links() {
        assert_eq!(
            http_url(" https://jobs.example/1 ").as_deref(),
            Some("https://jobs.example/1")
        );
        assert_eq!(
            http_url("HTTP://jobs.example/1").as_deref(),
            Some("HTTP://jobs.example/1")
        );
        for bad in [
            "/jobs/1",
            "javascript:alert(1)",
            "mailto:a@b.example",
            "https://a b",
        ] {
            assert_eq!(http_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn remote_locations_give_their_region() {
        assert_eq!(remote_region("Remote"), Some(None));
        assert_eq!(
            remote_region("Remote - EMEA"),
            Some(Some("EMEA".to_owned()))
        );
        assert_eq!(remote_region("Remote (US)"), Some(Some("US".to_owned())));
        assert_eq!(
            remote_region("İREMOTE – Türkiye"),
            None,
            "multi-byte text before the word"
        );
        assert_eq!(
            remote_region("REMOTE – Türkiye"),
            Some(Some("Türkiye".to_owned()))
        );
        assert_eq!(remote_region("Berlin or Remote"), None);
        assert_eq!(remote_region("Berlin, Germany"), None);
    }

    #[test]
    fn companies_without_slug_letters_get_a_hashed_slug() {
        let context = Context {
            company: None,
            today: TODAY,
        };
        let company = company(Some("日本"), &context, "none", &mut Vec::new()).unwrap();
        assert!(company.slug.starts_with("company-"), "{}", company.slug);
        assert_eq!(company.name, "日本");
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
