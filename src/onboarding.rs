//! The onboarding flow's logic: the draft a visitor fills in, the seven
//! steps, what each step checks, and where the flow may send the visitor
//! afterwards. Pure, so it is tested natively; the components live in
//! `components::onboarding_flow` and `components::profile_fields`.

use ascend_types::{SalaryPeriod, Seniority, WorkModel};
use serde::{Deserialize, Serialize};

use crate::profile_data::{Profile, SearchStatus, StoredSalary};

mod salary_input;

pub use salary_input::{SalaryReading, grouped_amount, per_period, read_as, read_salary};

/// Where an unfinished flow is kept, apart from the profile itself.
pub use ascend_types::wire::ONBOARDING_DRAFT_KEY as DRAFT_KEY;

/// The regions a remote job may be open to, as the postings name them.
pub const REMOTE_REGIONS: [&str; 6] = [
    "EMEA",
    "Europe",
    "North America",
    "LATAM",
    "APAC",
    "Worldwide",
];

/// The periods a salary expectation may be given in.
pub const SALARY_PERIODS: [SalaryPeriod; 3] =
    [SalaryPeriod::Year, SalaryPeriod::Month, SalaryPeriod::Hour];

/// How many chips one list may hold.
pub const MAX_CHIPS: usize = 20;

/// What the visitor has answered so far. The salary amount stays text until
/// it is checked, so a half-typed value survives a reload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub roles: Vec<String>,
    pub skills: Vec<String>,
    pub seniority: Option<Seniority>,
    pub work_models: Vec<WorkModel>,
    pub locations: Vec<String>,
    pub remote_regions: Vec<String>,
    pub salary_amount: String,
    pub salary_currency: String,
    pub salary_period: SalaryPeriod,
    pub status: Option<SearchStatus>,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            roles: Vec::new(),
            skills: Vec::new(),
            seniority: None,
            work_models: Vec::new(),
            locations: Vec::new(),
            remote_regions: Vec::new(),
            salary_amount: String::new(),
            salary_currency: "EUR".into(),
            salary_period: SalaryPeriod::Year,
            status: None,
        }
    }
}

impl Draft {
    /// A draft to edit an existing profile with.
    pub fn from_profile(profile: &Profile) -> Draft {
        let mut draft = Draft {
            roles: profile.roles.clone(),
            skills: profile.skills.clone(),
            seniority: profile.seniority,
            work_models: profile.work_models.clone(),
            locations: profile.locations.clone(),
            remote_regions: profile.remote_regions.clone(),
            status: profile.status,
            ..Draft::default()
        };
        if let Some(salary) = &profile.salary {
            draft.salary_amount = format_amount(salary.amount);
            draft.salary_currency = salary.currency.clone();
            draft.salary_period = salary.period;
        }
        draft
    }

    /// What the salary field says, read with the currency and period chosen.
    pub fn salary_reading(&self) -> Result<SalaryReading, &'static str> {
        read_salary(
            &self.salary_amount,
            &self.salary_currency,
            self.salary_period,
        )
    }

    /// What the salary field was understood to mean, as it says beside the
    /// field ("Read as 75,000 EUR a year."), if it could be read.
    pub fn salary_read_as(&self) -> Option<String> {
        let reading = self.salary_reading().ok()?;
        Some(read_as(
            reading.amount,
            &self.salary_currency,
            self.salary_period,
        ))
    }

    /// Sets the salary text; a currency or period it names (`€75k`, `40/h`)
    /// is chosen beside it too, so that what the selects show is what counts.
    pub fn set_salary_text(&mut self, text: String) {
        self.salary_amount = text;
        if let Ok(reading) = self.salary_reading() {
            if let Some(currency) = reading.currency {
                self.salary_currency = currency.to_owned();
            }
            if let Some(period) = reading.period.filter(|p| SALARY_PERIODS.contains(p)) {
                self.salary_period = period;
            }
        }
    }

    /// The profile this draft describes. Call after every step validated;
    /// an unreadable amount leaves the salary out.
    pub fn to_profile(&self, agreed_on: String) -> Profile {
        Profile {
            roles: self.roles.clone(),
            skills: self.skills.clone(),
            seniority: self.seniority,
            work_models: self.work_models.clone(),
            locations: self.locations.clone(),
            remote_regions: self.remote_regions.clone(),
            salary: self.salary_reading().ok().map(|reading| StoredSalary {
                amount: reading.amount,
                currency: self.salary_currency.clone(),
                period: self.salary_period,
            }),
            status: self.status,
            ..Profile::new(agreed_on)
        }
    }

    /// Forgets the answers of one step (what Skip does).
    pub fn clear(&mut self, step: Step) {
        let blank = Draft::default();
        match step {
            Step::Welcome => {}
            Step::Roles => self.roles.clear(),
            Step::Skills => self.skills.clear(),
            Step::Level => self.seniority = None,
            Step::Place => {
                self.work_models.clear();
                self.locations.clear();
                self.remote_regions.clear();
            }
            Step::Salary => {
                self.salary_amount.clear();
                self.salary_currency = blank.salary_currency;
                self.salary_period = blank.salary_period;
            }
            Step::Status => self.status = None,
        }
    }
}

/// One step of the flow, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Welcome,
    Roles,
    Skills,
    Level,
    Place,
    Salary,
    Status,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Welcome,
        Step::Roles,
        Step::Skills,
        Step::Level,
        Step::Place,
        Step::Salary,
        Step::Status,
    ];

    /// 1-based, as the progress indicator says it.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.number()).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.number().checked_sub(2).map(|i| Step::ALL[i])
    }

    pub fn heading(self) -> &'static str {
        match self {
            Step::Welcome => "Let us find jobs that fit you",
            Step::Roles => "Which roles interest you?",
            Step::Skills => "Which skills do you bring?",
            Step::Level => "How experienced are you?",
            Step::Place => "Where do you want to work?",
            Step::Salary => "What pay do you expect?",
            Step::Status => "How is your job search going?",
        }
    }

    /// The name of the profile section this step edits.
    pub fn section(self) -> &'static str {
        match self {
            Step::Welcome => "Consent",
            Step::Roles => "Roles",
            Step::Skills => "Skills",
            Step::Level => "Experience",
            Step::Place => "Where",
            Step::Salary => "Salary",
            Step::Status => "Job search",
        }
    }

    /// Optional steps offer Skip.
    pub fn optional(self) -> bool {
        matches!(
            self,
            Step::Skills | Step::Place | Step::Salary | Step::Status
        )
    }

    /// Checks this step's answers; the errors name the field they belong to.
    pub fn validate(self, draft: &Draft) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let mut fail =
            |field: Field, message: &'static str| errors.push(FieldError { field, message });
        match self {
            Step::Welcome => {}
            Step::Roles => {
                if draft.roles.is_empty() {
                    fail(
                        Field::Roles,
                        "Add at least one role, for example “Backend engineer”, and press Enter.",
                    );
                }
            }
            Step::Skills => {}
            Step::Level => {
                if draft.seniority.is_none() {
                    fail(Field::Seniority, "Choose the level closest to yours.");
                }
            }
            Step::Place => {
                if draft.work_models.is_empty() {
                    fail(
                        Field::WorkModels,
                        "Tick at least one way of working, or skip this step.",
                    );
                }
                let in_person = draft
                    .work_models
                    .iter()
                    .any(|m| matches!(m, WorkModel::Hybrid | WorkModel::OnSite));
                if in_person && draft.locations.is_empty() {
                    fail(
                        Field::Locations,
                        "Add a city for hybrid or on-site work, or untick those.",
                    );
                }
            }
            Step::Salary => {
                if let Err(message) = draft.salary_reading() {
                    fail(Field::SalaryAmount, message);
                }
                if draft.salary_currency.trim().is_empty() {
                    fail(Field::SalaryCurrency, "Choose a currency.");
                }
            }
            Step::Status => {
                if draft.status.is_none() {
                    fail(Field::Status, "Choose one, or skip this step.");
                }
            }
        }
        errors
    }
}

/// A field a validation message sits beside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Roles,
    Seniority,
    WorkModels,
    Locations,
    SalaryAmount,
    SalaryCurrency,
    Status,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: &'static str,
}

/// The message for `field` among `errors`, if any.
pub fn message_for(errors: &[FieldError], field: Field) -> Option<&'static str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message)
}

/// An amount as the edit field shows it again.
pub fn format_amount(amount: f64) -> String {
    if amount.fract() == 0.0 {
        format!("{amount:.0}")
    } else {
        format!("{amount:.2}")
    }
}

/// Adds `value` to `chips` unless it is blank, already there (ignoring
/// case) or the list is full. Returns whether it was added.
pub fn add_chip(chips: &mut Vec<String>, value: &str) -> bool {
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty()
        || value.chars().count() > 80
        || chips.len() >= MAX_CHIPS
        || chips.iter().any(|c| c.eq_ignore_ascii_case(&value))
    {
        return false;
    }
    chips.push(value);
    true
}

/// How much of what the visitor types is sent to `GET /api/suggest`: the
/// first two letters, lower-cased, so the server never sees a whole value.
pub const SUGGEST_PREFIX_CHARS: usize = 2;

/// The prefix to ask suggestions for, once enough is typed.
pub fn suggest_prefix(text: &str) -> Option<String> {
    let text = text.trim_start();
    (text.chars().count() >= SUGGEST_PREFIX_CHARS).then(|| {
        text.chars()
            .take(SUGGEST_PREFIX_CHARS)
            .collect::<String>()
            .to_lowercase()
    })
}

/// Words that mark a title for someone starting out: such titles come after
/// the others unless the visitor typed one of these words.
const STARTING_OUT: [&str; 14] = [
    "intern",
    "internship",
    "junior",
    "jr",
    "trainee",
    "graduate",
    "grad",
    "apprentice",
    "apprenticeship",
    "student",
    "werkstudent",
    "praktikant",
    "entry",
    "associate",
];

/// The words of `text`, lower case, split at anything but letters and digits.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How well `candidate` answers what was typed (`needle`, as words), best
/// first: the same title; the title starting with the typed words whole
/// ("Backend Engineer" for "backend"); a later word starting them whole
/// ("Senior Backend Engineer"); then the same but with the last typed word
/// still partial ("Back"); then the text anywhere ("Trust" for "rus").
fn match_tier(candidate: &[String], needle: &[String]) -> u8 {
    let Some((last, whole)) = needle.split_last() else {
        return u8::MAX;
    };
    let fits_at = |start: usize, partial: bool| {
        candidate.len() >= start + needle.len()
            && whole
                .iter()
                .zip(&candidate[start..])
                .all(|(typed, word)| typed == word)
            && {
                let word = &candidate[start + whole.len()];
                if partial {
                    word.starts_with(last.as_str())
                } else {
                    word == last
                }
            }
    };
    let later = |partial: bool| (1..candidate.len()).any(|start| fits_at(start, partial));
    if candidate == needle {
        0
    } else if fits_at(0, false) {
        1
    } else if later(false) {
        2
    } else if fits_at(0, true) {
        3
    } else if later(true) {
        4
    } else {
        5
    }
}

/// Whether `candidate` is a title for someone starting out that the visitor
/// did not ask for.
fn unasked_starting_out(candidate: &[String], needle: &[String]) -> bool {
    candidate.iter().any(|word| {
        STARTING_OUT.contains(&word.as_str())
            && !needle.iter().any(|typed| word.starts_with(typed.as_str()))
    })
}

/// Up to `limit` candidates that contain `text` (ignoring case) and are not
/// chips yet, the likeliest first: titles for someone starting out last
/// unless asked for, then by [`match_tier`], then fewer words, then the
/// order they came in (the server's: most common among open jobs first).
pub fn matching_candidates(
    candidates: &[String],
    text: &str,
    chips: &[String],
    limit: usize,
) -> Vec<String> {
    let needle_text = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if needle_text.is_empty() {
        return Vec::new();
    }
    let needle = words(&needle_text);
    let mut found: Vec<(&String, Vec<String>)> = Vec::new();
    for candidate in candidates {
        let fresh = !chips.iter().any(|c| c.eq_ignore_ascii_case(candidate))
            && !found.iter().any(|(c, _)| c.eq_ignore_ascii_case(candidate));
        let spaced = candidate.split_whitespace().collect::<Vec<_>>().join(" ");
        if fresh && spaced.to_lowercase().contains(&needle_text) {
            found.push((candidate, words(candidate)));
        }
    }
    // Stable: equal keys keep the order they came in.
    found.sort_by_key(|(_, words)| {
        (
            unasked_starting_out(words, &needle),
            match_tier(words, &needle),
            words.len(),
        )
    });
    found
        .into_iter()
        .take(limit)
        .map(|(c, _)| c.clone())
        .collect()
}

/// The flow's place and answers, kept under [`DRAFT_KEY`] until it finishes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedFlow {
    pub step: Step,
    pub draft: Draft,
}

impl SavedFlow {
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a draft always serializes")
    }

    /// An unreadable saved flow starts over rather than failing.
    pub fn decode(stored: Option<&str>) -> Option<SavedFlow> {
        serde_json::from_str(stored?).ok()
    }
}

/// `next` if it is a path on this site (one leading `/`, not `//` or `/\`,
/// which browsers read as another host), else `None`.
pub fn safe_next(next: &str) -> Option<&str> {
    let mut chars = next.chars();
    let starts_well = chars.next() == Some('/') && !matches!(chars.next(), Some('/' | '\\'));
    let clean = !next.chars().any(|c| c.is_control() || c == '\\');
    (starts_well && clean).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_run_in_order_and_know_their_neighbours() {
        assert_eq!(Step::Welcome.number(), 1);
        assert_eq!(Step::Status.number(), 7);
        assert_eq!(Step::Welcome.previous(), None);
        assert_eq!(Step::Welcome.next(), Some(Step::Roles));
        assert_eq!(Step::Salary.next(), Some(Step::Status));
        assert_eq!(Step::Status.next(), None);
        assert_eq!(Step::Roles.previous(), Some(Step::Welcome));
        let optional: Vec<_> = Step::ALL.into_iter().filter(|s| s.optional()).collect();
        assert_eq!(
            optional,
            [Step::Skills, Step::Place, Step::Salary, Step::Status]
        );
    }

    #[test]
    fn required_answers_are_checked_per_step() {
        let mut draft = Draft::default();
        assert!(Step::Welcome.validate(&draft).is_empty());
        assert!(Step::Skills.validate(&draft).is_empty());
        assert_eq!(
            Step::Roles.validate(&draft)[0].field,
            Field::Roles,
            "a role is required"
        );
        assert_eq!(Step::Level.validate(&draft)[0].field, Field::Seniority);
        assert_eq!(Step::Status.validate(&draft)[0].field, Field::Status);
        draft.roles.push("Backend engineer".into());
        draft.seniority = Some(Seniority::Senior);
        draft.status = Some(SearchStatus::Open);
        for step in [Step::Roles, Step::Level, Step::Status] {
            assert!(step.validate(&draft).is_empty(), "{step:?}");
        }
    }

    #[test]
    fn in_person_work_needs_a_place() {
        let mut draft = Draft::default();
        assert_eq!(
            message_for(&Step::Place.validate(&draft), Field::WorkModels),
            Some("Tick at least one way of working, or skip this step.")
        );
        draft.work_models = vec![WorkModel::Remote];
        assert!(Step::Place.validate(&draft).is_empty());
        draft.work_models.push(WorkModel::Hybrid);
        let errors = Step::Place.validate(&draft);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, Field::Locations);
        draft.locations.push("Lisbon".into());
        assert!(Step::Place.validate(&draft).is_empty());
    }

    #[test]
    fn a_german_grouped_salary_is_stored_as_the_thousands_it_says() {
        // "75.000" used to be stored as 75 a year, and matched every job.
        for typed in ["75.000", "75,000", "75 000", "75k", "75K", "€75k", "75"] {
            let draft = Draft {
                salary_amount: typed.into(),
                ..Draft::default()
            };
            assert!(Step::Salary.validate(&draft).is_empty(), "{typed}");
            let salary = draft.to_profile("2026-11-26".into()).salary.unwrap();
            assert_eq!(
                (salary.amount, salary.currency.as_str(), salary.period),
                (75_000.0, "EUR", SalaryPeriod::Year),
                "{typed}"
            );
            assert_eq!(
                draft.salary_read_as().as_deref(),
                Some("Read as 75,000 EUR a year."),
                "{typed}"
            );
        }
    }

    #[test]
    fn a_currency_or_period_typed_in_the_amount_is_chosen_beside_it() {
        let mut draft = Draft::default();
        draft.set_salary_text("$75,000".into());
        assert_eq!(draft.salary_currency, "USD");
        assert_eq!(
            draft.salary_read_as().as_deref(),
            Some("Read as 75,000 USD a year.")
        );
        draft.salary_currency = "CAD".into();
        draft.set_salary_text("$80k".into());
        assert_eq!(draft.salary_currency, "CAD", "$ keeps the chosen dollar");
        draft.set_salary_text("£40/h".into());
        assert_eq!(
            (draft.salary_currency.as_str(), draft.salary_period),
            ("GBP", SalaryPeriod::Hour)
        );
        assert_eq!(
            draft.salary_read_as().as_deref(),
            Some("Read as 40 GBP an hour.")
        );
        let salary = draft.to_profile("2026-11-26".into()).salary.unwrap();
        assert_eq!(
            (salary.amount, salary.currency.as_str(), salary.period),
            (40.0, "GBP", SalaryPeriod::Hour)
        );
        // Half-typed or wrong text changes nothing beside it.
        draft.set_salary_text("lots".into());
        assert_eq!(
            (draft.salary_currency.as_str(), draft.salary_period),
            ("GBP", SalaryPeriod::Hour)
        );
        assert_eq!(draft.salary_read_as(), None);
        // A small figure is in thousands for a year, not for a month.
        draft.set_salary_text("5.5".into());
        draft.salary_period = SalaryPeriod::Month;
        assert_eq!(
            draft.salary_read_as().as_deref(),
            Some("Read as 5.50 GBP a month.")
        );
        draft.salary_period = SalaryPeriod::Year;
        assert_eq!(
            draft.salary_read_as().as_deref(),
            Some("Read as 5,500 GBP a year.")
        );
    }

    #[test]
    fn wrong_salaries_are_refused_naming_the_field() {
        for (typed, says) in [
            ("", "skip"),
            ("lots", "in figures"),
            ("0", "above zero"),
            ("-5", "above zero"),
            ("60-70k", "not a range"),
            ("99999999999", "below ten billion"),
        ] {
            let draft = Draft {
                salary_amount: typed.into(),
                ..Draft::default()
            };
            let errors = Step::Salary.validate(&draft);
            let message = message_for(&errors, Field::SalaryAmount).expect(typed);
            assert!(message.contains("amount before tax"), "{message}");
            assert!(message.contains(says), "{typed}: {message}");
            assert_eq!(draft.to_profile("2026-11-26".into()).salary, None);
        }

        let mut draft = Draft {
            salary_amount: "abc".into(),
            ..Draft::default()
        };
        assert_eq!(Step::Salary.validate(&draft)[0].field, Field::SalaryAmount);
        draft.salary_amount = "70000".into();
        draft.salary_currency.clear();
        assert_eq!(
            Step::Salary.validate(&draft)[0].field,
            Field::SalaryCurrency
        );
    }

    #[test]
    fn chips_are_trimmed_unique_and_bounded() {
        let mut chips = Vec::new();
        assert!(add_chip(&mut chips, "  Rust  "));
        assert!(!add_chip(&mut chips, "rust"));
        assert!(!add_chip(&mut chips, "   "));
        assert!(add_chip(&mut chips, "Machine   learning"));
        assert_eq!(chips, ["Rust", "Machine learning"]);
        for i in 0..MAX_CHIPS {
            add_chip(&mut chips, &format!("skill {i}"));
        }
        assert_eq!(chips.len(), MAX_CHIPS);
        assert!(!add_chip(&mut chips, &"x".repeat(81)));
    }

    #[test]
    fn only_a_short_prefix_is_sent_and_the_rest_is_matched_here() {
        assert_eq!(suggest_prefix("R"), None);
        assert_eq!(suggest_prefix("  Rust"), Some("ru".into()));
        assert_eq!(suggest_prefix("Über"), Some("üb".into()));
        let candidates: Vec<String> = ["Rust", "Trust and safety", "Ruby", "rust"]
            .map(String::from)
            .into();
        assert_eq!(
            matching_candidates(&candidates, "rus", &[], 5),
            ["Rust", "Trust and safety"]
        );
        assert_eq!(
            matching_candidates(&candidates, "ru", &["Rust".into()], 5),
            ["Ruby", "Trust and safety"]
        );
        assert!(matching_candidates(&candidates, " ", &[], 5).is_empty());
        assert_eq!(matching_candidates(&candidates, "r", &[], 1), ["Rust"]);
    }

    fn ranked(candidates: &[&str], text: &str) -> Vec<String> {
        let candidates: Vec<String> = candidates.iter().map(|c| c.to_string()).collect();
        matching_candidates(&candidates, text, &[], 8)
    }

    /// What `GET /api/suggest?q=ba` may answer, most common first.
    const BA: [&str; 6] = [
        "Backend Engineering Intern",
        "Senior Backend Engineer",
        "Bank Teller",
        "Backend Engineer",
        "Head of Backend Engineering",
        "Backend Developer",
    ];

    #[test]
    fn the_likeliest_role_comes_first() {
        // The defect: Down, Enter after "Backend" picked the internship.
        assert_eq!(
            ranked(&BA, "Backend"),
            [
                "Backend Engineer",
                "Backend Developer",
                "Senior Backend Engineer",
                "Head of Backend Engineering",
                "Backend Engineering Intern",
            ]
        );
        assert_eq!(ranked(&BA, "backend  engineer")[0], "Backend Engineer");
        assert_eq!(
            ranked(&BA, "Backend Engineering"),
            ["Head of Backend Engineering", "Backend Engineering Intern"]
        );
        // A partial word: titles starting with it before those with it later.
        assert_eq!(
            ranked(&BA, "Ba"),
            [
                "Bank Teller",
                "Backend Engineer",
                "Backend Developer",
                "Senior Backend Engineer",
                "Head of Backend Engineering",
                "Backend Engineering Intern",
            ]
        );
    }

    #[test]
    fn the_same_title_first_then_whole_words_then_shorter_ones() {
        let candidates = [
            "Senior Data Engineer",
            "Data Engineering Manager",
            "Big Data Engineer",
            "Data Engineer",
            "Database Engineer",
            "Metadata Engineer",
        ];
        assert_eq!(
            ranked(&candidates, "data engineer"),
            [
                "Data Engineer",
                "Senior Data Engineer",
                "Big Data Engineer",
                "Data Engineering Manager",
                "Metadata Engineer",
            ]
        );
        assert_eq!(
            ranked(&candidates, "data"),
            [
                "Data Engineer",
                "Data Engineering Manager",
                "Senior Data Engineer",
                "Big Data Engineer",
                "Database Engineer",
                "Metadata Engineer",
            ]
        );
    }

    #[test]
    fn titles_for_starting_out_come_first_only_when_asked_for() {
        let candidates = [
            "Junior Frontend Developer",
            "Frontend Engineering Intern",
            "Frontend Developer",
            "Lead Frontend Developer",
            "Internal Tools Engineer",
            "Junior Developer",
            "Developer Advocate",
        ];
        assert_eq!(
            ranked(&candidates, "frontend"),
            [
                "Frontend Developer",
                "Lead Frontend Developer",
                "Frontend Engineering Intern",
                "Junior Frontend Developer",
            ]
        );
        assert_eq!(
            ranked(&candidates, "developer"),
            [
                "Developer Advocate",
                "Frontend Developer",
                "Lead Frontend Developer",
                "Junior Developer",
                "Junior Frontend Developer",
            ]
        );
        // Asked for, by the whole word or its start.
        assert_eq!(ranked(&candidates, "junior dev"), ["Junior Developer"]);
        assert_eq!(
            ranked(&candidates, "jun"),
            ["Junior Developer", "Junior Frontend Developer"]
        );
        assert_eq!(
            ranked(&candidates, "intern"),
            ["Frontend Engineering Intern", "Internal Tools Engineer"]
        );
    }

    #[test]
    fn a_draft_becomes_a_profile_and_back() {
        let draft = Draft {
            roles: vec!["Data engineer".into()],
            skills: vec!["SQL".into()],
            seniority: Some(Seniority::Mid),
            work_models: vec![WorkModel::Remote],
            remote_regions: vec!["EMEA".into()],
            salary_amount: "5,500".into(),
            salary_currency: "SEK".into(),
            salary_period: SalaryPeriod::Month,
            status: Some(SearchStatus::Active),
            ..Draft::default()
        };
        let profile = draft.to_profile("2026-11-26".into());
        assert_eq!(profile.agreed_on, "2026-11-26");
        let salary = profile.salary.as_ref().unwrap();
        assert_eq!(
            (salary.amount, salary.currency.as_str(), salary.period),
            (5_500.0, "SEK", SalaryPeriod::Month)
        );
        let again = Draft::from_profile(&profile);
        assert_eq!(again.salary_amount, "5500");
        assert_eq!(again.to_profile("2026-11-26".into()), profile);

        let mut skipped = draft.clone();
        skipped.clear(Step::Salary);
        assert_eq!(skipped.to_profile("2026-11-26".into()).salary, None);
    }

    #[test]
    fn a_saved_flow_resumes_and_a_damaged_one_starts_over() {
        let saved = SavedFlow {
            step: Step::Level,
            draft: Draft {
                roles: vec!["Designer".into()],
                ..Draft::default()
            },
        };
        assert_eq!(SavedFlow::decode(Some(&saved.encode())), Some(saved));
        assert_eq!(SavedFlow::decode(Some("{broken")), None);
        assert_eq!(SavedFlow::decode(None), None);
    }

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/jobs/a?b=1#c"), Some("/jobs/a?b=1#c"));
        assert_eq!(safe_next("/"), Some("/"));
        for bad in [
            "",
            "jobs",
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "/jobs\\..",
            "/a\nb",
        ] {
            assert_eq!(safe_next(bad), None, "{bad}");
        }
    }
}
