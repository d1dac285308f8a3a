//! The personal match score: how well a job fits what a visitor told us,
//! computed on the visitor's device from their preferences and the job's
//! public data. Pure Rust with no browser calls, so it is tested natively.
//!
//! The score is a weighted mean of parts (skills, role, seniority, place,
//! salary). A part the job or the visitor gives no data for is left out of
//! the mean rather than guessed, and lowers the confidence instead.

use ascend_types::{CurrencyRates, MatchFacts, SalaryInfo, SalaryPeriod, Seniority, WorkModel};

/// What the visitor told us about the work they want.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Preferences {
    /// Roles of interest, as typed or picked ("Backend engineer").
    pub roles: Vec<String>,
    pub skills: Vec<String>,
    pub seniority: Option<Seniority>,
    /// Work models they accept; empty means they did not say.
    pub work_models: Vec<WorkModel>,
    /// Places they can work on site or hybrid ("Berlin", "Germany").
    pub locations: Vec<String>,
    /// Regions they could work remotely from ("EMEA", "Europe").
    pub remote_regions: Vec<String>,
    pub salary: Option<SalaryWish>,
}

/// The pay the visitor expects at least.
#[derive(Debug, Clone, PartialEq)]
pub struct SalaryWish {
    pub amount: f64,
    /// ISO 4217, upper case.
    pub currency: String,
    pub period: SalaryPeriod,
}

/// The job's side: what its page knows.
#[derive(Debug, Clone, Copy)]
pub struct JobFacts<'a> {
    pub title: &'a str,
    pub skills: &'a [String],
    pub seniority: Option<Seniority>,
    pub work_model: WorkModel,
    pub locations: &'a [String],
    pub remote_regions: &'a [String],
    pub salary: Option<&'a SalaryInfo>,
}

impl<'a> JobFacts<'a> {
    /// A job in a list or on a card: its title and work model, and the
    /// facts the list carries.
    pub fn listed(title: &'a str, work_model: WorkModel, facts: &'a MatchFacts) -> Self {
        JobFacts {
            title,
            skills: &facts.skills,
            seniority: facts.seniority,
            work_model,
            locations: &facts.locations,
            remote_regions: &facts.remote_regions,
            salary: facts.salary.as_ref(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    Skills,
    Role,
    Seniority,
    Place,
    Salary,
}

impl PartKind {
    pub const ALL: [PartKind; 5] = [
        PartKind::Skills,
        PartKind::Role,
        PartKind::Seniority,
        PartKind::Place,
        PartKind::Salary,
    ];

    /// Share of the score, out of 100.
    pub fn weight(self) -> f64 {
        match self {
            PartKind::Skills => 35.0,
            PartKind::Role => 20.0,
            PartKind::Seniority => 15.0,
            PartKind::Place => 20.0,
            PartKind::Salary => 10.0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PartKind::Skills => "Skills",
            PartKind::Role => "Role",
            PartKind::Seniority => "Experience",
            PartKind::Place => "Location and work model",
            PartKind::Salary => "Salary",
        }
    }
}

/// Whether a part raised or lowered the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    Helped,
    Neutral,
    Hurt,
    /// Not enough data on one side: left out of the score.
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub kind: PartKind,
    /// 0 to 1; `None` when the part could not be judged.
    pub fit: Option<f64>,
    pub effect: Effect,
    /// One sentence for the visitor, saying why.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// 0 to 100; `None` when no part could be judged.
    pub score: Option<u8>,
    /// Share of the weight that could be judged, 0 to 1.
    pub confidence: f64,
    pub parts: Vec<Part>,
}

impl Match {
    /// "Strong match" and so on; `None` without a score.
    pub fn label(&self) -> Option<&'static str> {
        let score = self.score?;
        Some(match score {
            80.. => "Strong match",
            60..=79 => "Good match",
            40..=59 => "Partial match",
            _ => "Weak match",
        })
    }

    /// How sure the score is, in words.
    pub fn confidence_label(&self) -> &'static str {
        match self.confidence {
            c if c >= 0.85 => "Based on everything in your profile",
            c if c >= 0.5 => "Based on part of your profile",
            _ => "Based on little data: add to your profile for a better score",
        }
    }
}

/// Scores a job for a visitor.
pub fn score(prefs: &Preferences, job: &JobFacts<'_>, rates: &CurrencyRates) -> Match {
    let parts = vec![
        skills_part(prefs, job),
        role_part(prefs, job),
        seniority_part(prefs, job),
        place_part(prefs, job),
        salary_part(prefs, job, rates),
    ];
    let total: f64 = PartKind::ALL.iter().map(|k| k.weight()).sum();
    let known: f64 = parts
        .iter()
        .filter(|p| p.fit.is_some())
        .map(|p| p.kind.weight())
        .sum();
    let earned: f64 = parts
        .iter()
        .filter_map(|p| p.fit.map(|fit| fit * p.kind.weight()))
        .sum();
    Match {
        score: (known > 0.0).then(|| (100.0 * earned / known).round().clamp(0.0, 100.0) as u8),
        confidence: known / total,
        parts,
    }
}

fn effect(fit: f64) -> Effect {
    if fit >= 0.6 {
        Effect::Helped
    } else if fit >= 0.4 {
        Effect::Neutral
    } else {
        Effect::Hurt
    }
}

fn part(kind: PartKind, fit: f64, reason: String) -> Part {
    Part {
        kind,
        fit: Some(fit.clamp(0.0, 1.0)),
        effect: effect(fit),
        reason,
    }
}

fn unknown(kind: PartKind, reason: &str) -> Part {
    Part {
        kind,
        fit: None,
        effect: Effect::Unknown,
        reason: reason.to_owned(),
    }
}

/// A skill or word compared loosely: lower case, letters, digits and the
/// signs that name languages (`c++`, `c#`), common spellings folded.
pub fn normalise(skill: &str) -> String {
    let folded: String = skill
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '+' | '#'))
        .collect();
    match folded.as_str() {
        "postgres" | "postgresql" | "psql" => "postgresql".into(),
        "js" | "javascript" | "ecmascript" => "javascript".into(),
        "ts" | "typescript" => "typescript".into(),
        "golang" | "go" => "go".into(),
        "k8s" | "kubernetes" => "kubernetes".into(),
        _ => folded,
    }
}

fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn skills_part(prefs: &Preferences, job: &JobFacts<'_>) -> Part {
    if job.skills.is_empty() {
        return unknown(
            PartKind::Skills,
            "This job lists no skills, so the score is based on the rest.",
        );
    }
    if prefs.skills.is_empty() {
        return unknown(
            PartKind::Skills,
            "Add your skills to your profile to compare them with this job's.",
        );
    }
    let mine: Vec<String> = prefs.skills.iter().map(|s| normalise(s)).collect();
    let (have, missing): (Vec<&String>, Vec<&String>) = job
        .skills
        .iter()
        .partition(|s| mine.contains(&normalise(s)));
    let fit = have.len() as f64 / job.skills.len() as f64;
    let mut reason = format!(
        "You have {} of the {} skills this job lists",
        have.len(),
        job.skills.len()
    );
    // Name three at most, and say when there are more, so a short list
    // never reads as all that is missing.
    let named: Vec<&str> = missing.iter().take(3).map(|s| s.as_str()).collect();
    match missing.len() - named.len() {
        _ if named.is_empty() => reason.push('.'),
        0 => reason.push_str(&format!("; not {}.", list(&named))),
        more => reason.push_str(&format!("; not {}, nor {more} more.", named.join(", "))),
    }
    part(PartKind::Skills, fit, reason)
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1)
        .map(str::to_lowercase)
        .filter(|w| {
            !matches!(
                w.as_str(),
                "of" | "and" | "the" | "senior" | "junior" | "lead" | "staff" | "principal" | "mid"
            )
        })
        .collect()
}

fn role_part(prefs: &Preferences, job: &JobFacts<'_>) -> Part {
    if prefs.roles.is_empty() {
        return unknown(
            PartKind::Role,
            "Add the roles you are looking for to compare them with this one.",
        );
    }
    let title = words(job.title);
    let best = prefs
        .roles
        .iter()
        .map(|role| {
            let wanted = words(role);
            if wanted.is_empty() {
                return (0.0, role);
            }
            let shared = wanted.iter().filter(|w| title.contains(w)).count();
            (shared as f64 / wanted.len() as f64, role)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .expect("roles is not empty");
    let (fit, role) = best;
    let reason = if fit >= 1.0 {
        format!("The title matches a role you want: {role}.")
    } else if fit > 0.0 {
        format!("The title is close to a role you want: {role}.")
    } else {
        "The title matches none of the roles you want.".to_owned()
    };
    part(PartKind::Role, fit, reason)
}

fn step(seniority: Seniority) -> i32 {
    Seniority::ALL
        .iter()
        .position(|s| *s == seniority)
        .unwrap_or_default() as i32
}

fn seniority_part(prefs: &Preferences, job: &JobFacts<'_>) -> Part {
    let (Some(mine), Some(theirs)) = (prefs.seniority, job.seniority) else {
        return unknown(
            PartKind::Seniority,
            if prefs.seniority.is_none() {
                "Add your experience level to compare it with this job's."
            } else {
                "This job does not say what level it is for."
            },
        );
    };
    let gap = step(theirs) - step(mine);
    // Only the level itself helps: a step above (a stretch) or below is
    // neither for nor against, further is against.
    let fit = match gap.abs() {
        0 => 1.0,
        1 => 0.5,
        2 => 0.25,
        _ => 0.0,
    };
    let theirs = theirs.label().to_lowercase();
    let mine = mine.label().to_lowercase();
    let steps = |n: i32| {
        if n == 1 {
            "one level".to_owned()
        } else {
            format!("{n} levels")
        }
    };
    let reason = match gap {
        0 => format!("It is a {theirs} role, your level."),
        g if g > 0 => format!("It is a {theirs} role, {} above yours ({mine}).", steps(g)),
        g => format!("It is a {theirs} role, {} below yours ({mine}).", steps(-g)),
    };
    part(PartKind::Seniority, fit, reason)
}

fn mentions(places: &[String], wanted: &[String]) -> bool {
    places.iter().any(|place| {
        let place = place.to_lowercase();
        wanted.iter().any(|w| {
            let w = w.trim().to_lowercase();
            !w.is_empty() && place.contains(&w)
        })
    })
}

fn place_part(prefs: &Preferences, job: &JobFacts<'_>) -> Part {
    if prefs.work_models.is_empty() && prefs.locations.is_empty() && prefs.remote_regions.is_empty()
    {
        return unknown(
            PartKind::Place,
            "Add where and how you want to work to compare it with this job.",
        );
    }
    let model_ok = prefs.work_models.is_empty() || prefs.work_models.contains(&job.work_model);
    if !model_ok {
        return part(
            PartKind::Place,
            0.0,
            format!(
                "It is {}, which is not a way of working you chose.",
                job.work_model.label().to_lowercase()
            ),
        );
    }
    match job.work_model {
        WorkModel::Remote => {
            let anywhere = job.remote_regions.is_empty()
                || job
                    .remote_regions
                    .iter()
                    .any(|r| matches!(r.trim().to_lowercase().as_str(), "worldwide" | "anywhere"));
            if anywhere {
                part(
                    PartKind::Place,
                    1.0,
                    "It is remote, open to anywhere.".into(),
                )
            } else if prefs.remote_regions.is_empty() {
                part(
                    PartKind::Place,
                    0.6,
                    format!(
                        "It is remote for people in {}: check you can work from there.",
                        job.remote_regions.join(", ")
                    ),
                )
            } else if mentions(job.remote_regions, &prefs.remote_regions)
                || mentions(&prefs.remote_regions, job.remote_regions)
            {
                part(
                    PartKind::Place,
                    1.0,
                    format!(
                        "It is remote within {}, where you can work.",
                        job.remote_regions.join(", ")
                    ),
                )
            } else {
                part(
                    PartKind::Place,
                    0.1,
                    format!(
                        "It is remote, but only within {}.",
                        job.remote_regions.join(", ")
                    ),
                )
            }
        }
        WorkModel::Hybrid | WorkModel::OnSite => {
            let how = job.work_model.label().to_lowercase();
            if prefs.locations.is_empty() {
                part(
                    PartKind::Place,
                    0.6,
                    format!("It is {how}; add your locations to check the place."),
                )
            } else if mentions(job.locations, &prefs.locations) {
                part(
                    PartKind::Place,
                    1.0,
                    format!("It is {how} in a place you chose."),
                )
            } else {
                part(
                    PartKind::Place,
                    0.1,
                    format!("It is {how}, away from the places you chose."),
                )
            }
        }
    }
}

fn salary_part(prefs: &Preferences, job: &JobFacts<'_>, rates: &CurrencyRates) -> Part {
    let Some(wish) = &prefs.salary else {
        return unknown(
            PartKind::Salary,
            "Add your salary expectation to compare it with this job's pay.",
        );
    };
    let Some(pay) = job.salary else {
        return unknown(
            PartKind::Salary,
            "There is no salary figure for this job to compare with.",
        );
    };
    // The wish in the job's currency, per year; both sides per year.
    let Some(wanted) = rates.convert(
        wish.amount * wish.period.per_year(),
        &wish.currency,
        &pay.currency,
    ) else {
        return unknown(
            PartKind::Salary,
            "Your salary's currency cannot be compared with this job's.",
        );
    };
    let per_year = pay.period.per_year();
    let (min, max) = (pay.min as f64 * per_year, pay.max as f64 * per_year);
    let whose = match pay.source {
        ascend_types::SalarySource::Employer => "the employer's range",
        ascend_types::SalarySource::Estimate => "our estimate",
    };
    let (fit, reason) = if wanted <= min {
        (
            1.0,
            format!("Your expectation is within {whose} or below it."),
        )
    } else if wanted <= max {
        let into = (wanted - min) / (max - min).max(1.0);
        (
            1.0 - 0.4 * into,
            format!("Your expectation is inside {whose}, towards its top."),
        )
    } else {
        let over = (wanted - max) / wanted;
        (
            (0.6 - 3.0 * over).max(0.0),
            format!("Your expectation is above {whose}."),
        )
    };
    part(PartKind::Salary, fit, reason)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ascend_types::SalarySource;

    fn rates() -> CurrencyRates {
        CurrencyRates {
            base: "USD".into(),
            rates: [("USD", 1.0), ("EUR", 0.92), ("GBP", 0.79), ("SEK", 10.6)]
                .into_iter()
                .map(|(c, r)| (c.to_owned(), r))
                .collect(),
        }
    }

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    struct Job {
        skills: Vec<String>,
        locations: Vec<String>,
        regions: Vec<String>,
        salary: Option<SalaryInfo>,
        seniority: Option<Seniority>,
        work_model: WorkModel,
    }

    impl Job {
        fn showcase() -> Job {
            Job {
                skills: strings(&["Rust", "Kafka", "PostgreSQL", "gRPC"]),
                locations: vec![],
                regions: strings(&["EMEA"]),
                salary: Some(SalaryInfo {
                    source: SalarySource::Employer,
                    min: 70_000,
                    max: 90_000,
                    median: 80_000,
                    currency: "EUR".into(),
                    period: SalaryPeriod::Year,
                    sample_size: None,
                }),
                seniority: Some(Seniority::Senior),
                work_model: WorkModel::Remote,
            }
        }

        fn facts(&self) -> JobFacts<'_> {
            JobFacts {
                title: "Senior Backend Engineer, Personalization",
                skills: &self.skills,
                seniority: self.seniority,
                work_model: self.work_model,
                locations: &self.locations,
                remote_regions: &self.regions,
                salary: self.salary.as_ref(),
            }
        }
    }

    fn ideal() -> Preferences {
        Preferences {
            roles: strings(&["Backend engineer"]),
            skills: strings(&["rust", "Kafka", "postgres", "grpc", "Python"]),
            seniority: Some(Seniority::Senior),
            work_models: vec![WorkModel::Remote],
            locations: vec![],
            remote_regions: strings(&["EMEA"]),
            salary: Some(SalaryWish {
                amount: 65_000.0,
                currency: "EUR".into(),
                period: SalaryPeriod::Year,
            }),
        }
    }

    fn part_of(m: &Match, kind: PartKind) -> &Part {
        m.parts.iter().find(|p| p.kind == kind).unwrap()
    }

    #[test]
    fn an_empty_profile_gives_no_score() {
        let job = Job::showcase();
        let m = score(&Preferences::default(), &job.facts(), &rates());
        assert_eq!(m.score, None);
        assert_eq!(m.label(), None);
        assert_eq!(m.confidence, 0.0);
        assert!(m.parts.iter().all(|p| p.effect == Effect::Unknown));
    }

    #[test]
    fn a_perfect_fit_scores_100_with_full_confidence() {
        let job = Job::showcase();
        let m = score(&ideal(), &job.facts(), &rates());
        assert_eq!(m.score, Some(100));
        assert_eq!(m.label(), Some("Strong match"));
        assert_eq!(m.confidence, 1.0);
        assert!(m.parts.iter().all(|p| p.effect == Effect::Helped), "{m:#?}");
        assert_eq!(
            part_of(&m, PartKind::Skills).reason,
            "You have 4 of the 4 skills this job lists."
        );
    }

    #[test]
    fn every_part_at_its_low_end() {
        let job = Job::showcase();
        let prefs = Preferences {
            roles: strings(&["Pastry chef"]),
            skills: strings(&["Baking"]),
            seniority: Some(Seniority::Intern),
            work_models: vec![WorkModel::OnSite],
            locations: strings(&["Lyon"]),
            remote_regions: vec![],
            salary: Some(SalaryWish {
                amount: 200_000.0,
                currency: "EUR".into(),
                period: SalaryPeriod::Year,
            }),
        };
        let m = score(&prefs, &job.facts(), &rates());
        assert_eq!(m.score, Some(0));
        assert_eq!(m.label(), Some("Weak match"));
        for kind in PartKind::ALL {
            let p = part_of(&m, kind);
            assert_eq!(p.fit, Some(0.0), "{kind:?}: {p:?}");
            assert_eq!(p.effect, Effect::Hurt, "{kind:?}");
        }
        assert_eq!(
            part_of(&m, PartKind::Skills).reason,
            "You have 0 of the 4 skills this job lists; not Rust, Kafka, PostgreSQL, nor 1 more."
        );
    }

    #[test]
    fn a_job_without_skills_is_scored_on_the_rest_and_says_so() {
        let mut job = Job::showcase();
        job.skills.clear();
        let m = score(&ideal(), &job.facts(), &rates());
        let skills = part_of(&m, PartKind::Skills);
        assert_eq!(skills.effect, Effect::Unknown);
        assert!(skills.reason.contains("lists no skills"));
        assert_eq!(m.score, Some(100), "the other parts still fit perfectly");
        assert!((m.confidence - 0.65).abs() < 1e-9, "{}", m.confidence);
        assert_eq!(m.confidence_label(), "Based on part of your profile");
    }

    #[test]
    fn salary_converts_currency_and_period() {
        let job = Job::showcase(); // €70,000–90,000 a year
        let mut prefs = ideal();
        // £3,500 a month is £42,000 a year, about €48,900: below the range.
        prefs.salary = Some(SalaryWish {
            amount: 3_500.0,
            currency: "GBP".into(),
            period: SalaryPeriod::Month,
        });
        let low = score(&prefs, &job.facts(), &rates());
        assert_eq!(part_of(&low, PartKind::Salary).fit, Some(1.0));
        // $60 an hour is $124,800 a year, about €114,800: above €90,000.
        prefs.salary = Some(SalaryWish {
            amount: 60.0,
            currency: "USD".into(),
            period: SalaryPeriod::Hour,
        });
        let high = score(&prefs, &job.facts(), &rates());
        let salary = part_of(&high, PartKind::Salary);
        assert_eq!(salary.effect, Effect::Hurt);
        assert!(salary.reason.contains("above the employer's range"));
        assert!(high.score < low.score);
        // A currency with no rate cannot be judged, rather than guessed.
        prefs.salary = Some(SalaryWish {
            amount: 1.0,
            currency: "XYZ".into(),
            period: SalaryPeriod::Year,
        });
        let unknown = score(&prefs, &job.facts(), &rates());
        assert_eq!(part_of(&unknown, PartKind::Salary).effect, Effect::Unknown);
        assert!(unknown.confidence < 1.0);
    }

    #[test]
    fn a_monthly_job_salary_compares_per_year() {
        let mut job = Job::showcase();
        job.salary = Some(SalaryInfo {
            source: SalarySource::Estimate,
            min: 60_000,
            max: 80_000,
            median: 70_000,
            currency: "SEK".into(),
            period: SalaryPeriod::Month,
            sample_size: Some(12),
        });
        let mut prefs = ideal();
        // 60,000–80,000 SEK a month is 720,000–960,000 a year: 700,000 a
        // year is below its bottom.
        prefs.salary = Some(SalaryWish {
            amount: 700_000.0,
            currency: "SEK".into(),
            period: SalaryPeriod::Year,
        });
        let m = score(&prefs, &job.facts(), &rates());
        let salary = part_of(&m, PartKind::Salary);
        assert_eq!(salary.fit, Some(1.0));
        assert!(salary.reason.contains("our estimate"));
    }

    #[test]
    fn seniority_and_place_have_middle_grounds() {
        let job = Job::showcase();
        let mut prefs = ideal();
        prefs.seniority = Some(Seniority::Mid);
        let m = score(&prefs, &job.facts(), &rates());
        let level = part_of(&m, PartKind::Seniority);
        assert_eq!(level.fit, Some(0.5));
        // A stretch neither helps nor hurts, and the words read well.
        assert_eq!(level.effect, Effect::Neutral);
        assert_eq!(
            level.reason,
            format!(
                "It is a {} role, one level above yours (mid-level).",
                job.facts().seniority.unwrap().label().to_lowercase()
            )
        );
        prefs.seniority = Some(Seniority::Junior);
        let m = score(&prefs, &job.facts(), &rates());
        let level = part_of(&m, PartKind::Seniority);
        assert!(
            level.reason.contains("2 levels above yours (junior)"),
            "{}",
            level.reason
        );
        assert_eq!(level.effect, Effect::Hurt);

        // No regions in the profile: nothing to add, something to check.
        prefs.remote_regions.clear();
        let m = score(&prefs, &job.facts(), &rates());
        let place = part_of(&m, PartKind::Place);
        assert_eq!(place.fit, Some(0.6));
        assert!(!place.reason.contains("add"), "{}", place.reason);
        assert!(place.reason.contains("EMEA"), "{}", place.reason);

        // Remote worldwide is remote anywhere, not "within Worldwide".
        let mut anywhere = Job::showcase();
        anywhere.regions = vec!["Worldwide".into()];
        let m = score(&prefs, &anywhere.facts(), &rates());
        let place = part_of(&m, PartKind::Place);
        assert_eq!(place.fit, Some(1.0));
        assert_eq!(place.reason, "It is remote, open to anywhere.");
    }

    #[test]
    fn missing_skills_never_read_as_all_when_some_are_left_out() {
        let mut job = Job::showcase();
        job.skills = ["Rust", "Go", "Kafka", "SQL", "Terraform", "gRPC"]
            .map(String::from)
            .to_vec();
        let mut prefs = ideal();
        prefs.skills = vec!["Rust".into()];
        let m = score(&prefs, &job.facts(), &rates());
        assert_eq!(
            part_of(&m, PartKind::Skills).reason,
            "You have 1 of the 6 skills this job lists; not Go, Kafka, SQL, nor 2 more."
        );
        prefs.skills = ["Rust", "Go", "SQL"].map(String::from).to_vec();
        let m = score(&prefs, &job.facts(), &rates());
        assert_eq!(
            part_of(&m, PartKind::Skills).reason,
            "You have 3 of the 6 skills this job lists; not Kafka, Terraform and gRPC."
        );
    }

    #[test]
    fn skills_compare_loosely() {
        assert_eq!(normalise(" PostgreSQL "), normalise("postgres"));
        assert_eq!(normalise("Go"), normalise("golang"));
        assert_eq!(normalise("C++"), "c++");
        assert_ne!(normalise("C++"), normalise("C#"));
    }
}
