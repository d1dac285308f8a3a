//! Generated jobs: a title in one of the job families, a level, a contract,
//! where the work is, dates, pay and the posting's texts.

use ascend_types::date::format_iso_date;
use ascend_types::regions::Region;
use ascend_types::{EmploymentType, Salary, SalaryPeriod, Seniority, WorkModel};

use super::companies::short_city;
use super::places::{self, Where};
use super::rng::Rng;
use super::texts::{self, Context};
use super::words::{Family, Place, WORDS};
use crate::store::model::{NewCompany, NewJob};

/// How senior a title reads, before it maps to a [`Seniority`].
#[derive(Clone, Copy, PartialEq)]
enum Level {
    Plain,
    Junior,
    Senior,
    Staff,
    Lead,
    Principal,
    Intern,
    Head,
    Executive,
}

const LEVELS: &[Level] = &[
    Level::Plain,
    Level::Junior,
    Level::Senior,
    Level::Staff,
    Level::Lead,
    Level::Principal,
    Level::Intern,
    Level::Head,
    Level::Executive,
];
const LEVEL_WEIGHTS: &[u32] = &[36, 10, 26, 5, 5, 3, 6, 6, 3];

/// Job number `index` of `seed`, at `company`, whose headquarters is city
/// `hq` of the word lists.
pub(super) fn job(
    rng: &mut Rng,
    company: &NewCompany,
    hq: usize,
    seed: u64,
    index: usize,
    today: i64,
) -> NewJob {
    let families = &WORDS.families;
    let family = &families[rng.weighted_by(families, |f| f.weight)];
    let level = level(rng, family);
    let title = title(rng, family, level);
    let seniority = seniority(rng, level);
    let employment_type = employment_type(rng, level);
    let work_model = work_model(rng, level);
    let Where {
        locations,
        remote_regions,
        place,
    } = places::choose(rng, work_model, hq, title.team.as_deref());

    let skills = if rng.chance(0.03) {
        Vec::new()
    } else {
        let count = rng.count(3, 9);
        rng.sample_strings(&family.skills, count)
    };

    let (posted_on, valid_through) = dates(rng, today);

    let salary =
        (!rng.chance(1.0 / 3.0)).then(|| salary(rng, place, family, seniority, employment_type));

    let team = match &title.team {
        Some(team) => team.as_str(),
        None => places::text_team(rng, family),
    };
    let context = Context {
        company: &company.name,
        title: &title.text,
        role: title.text.split(", ").next().unwrap_or(&title.text),
        team,
        city: short_city(if work_model == WorkModel::Remote {
            &WORDS.places.cities[hq].name
        } else {
            &place.name
        }),
        region: if Region::named(&place.name).is_some_and(Region::is_world) {
            "the world"
        } else {
            &place.name
        },
    };
    let description_html = texts::description(
        rng, family, company, &context, &locations, &skills, work_model,
    );
    let summary = texts::summary(rng, family, &context, &skills, work_model, employment_type);
    let faqs = texts::faqs(rng, &context, work_model, employment_type, salary.as_ref());
    let interview_questions = texts::interview_questions(rng, family, &context);

    NewJob {
        source: "generated".to_owned(),
        source_id: format!("gen-{seed}-{index}"),
        slug: None,
        company_slug: company.slug.clone(),
        title: title.text,
        department: Some(family.department.clone()),
        seniority,
        employment_type,
        work_model,
        locations,
        remote_regions,
        description_html,
        skills,
        summary: Some(summary),
        posted_on: format_iso_date(posted_on),
        valid_through: valid_through.map(format_iso_date),
        apply_url: Some(format!("https://{}.example/careers/{index}", company.slug)),
        salary,
        faqs,
        interview_questions,
    }
}

fn level(rng: &mut Rng, family: &Family) -> Level {
    let level = LEVELS[rng.weighted(LEVEL_WEIGHTS)];
    if family.technical {
        return level;
    }
    // Staff and Principal titles are an engineering habit.
    match level {
        Level::Staff => Level::Lead,
        Level::Principal => Level::Senior,
        other => other,
    }
}

/// A job's title, and the team it names after a comma, if any.
struct Title {
    text: String,
    team: Option<String>,
}

/// "Senior Backend Engineer, Payments", "Head of Sales", "Data Intern".
fn title(rng: &mut Rng, family: &Family, level: Level) -> Title {
    let team = match level {
        Level::Executive => None,
        Level::Intern => rng.chance(0.25).then(|| rng.pick(&family.teams)),
        Level::Head => rng.chance(0.3).then(|| rng.pick(&family.teams)),
        _ => rng.chance(0.4).then(|| rng.pick(&family.teams)),
    };
    let base = match level {
        Level::Intern => &family.intern,
        Level::Head => rng.pick(&family.heads),
        Level::Executive => rng.pick(&family.executives),
        _ => rng.pick(&family.roles),
    };
    let prefix = match level {
        Level::Junior if rng.chance(0.25) => "Associate ",
        Level::Junior => "Junior ",
        Level::Senior => "Senior ",
        Level::Staff => "Staff ",
        Level::Lead => "Lead ",
        Level::Principal => "Principal ",
        _ => "",
    };
    let mut text = format!("{prefix}{base}");
    if let Some(team) = team {
        text.push_str(", ");
        text.push_str(team);
    }
    Title {
        text,
        team: team.cloned(),
    }
}

fn seniority(rng: &mut Rng, level: Level) -> Option<Seniority> {
    match level {
        Level::Plain => rng.chance(0.7).then_some(Seniority::Mid),
        Level::Junior => Some(Seniority::Junior),
        Level::Senior => Some(Seniority::Senior),
        Level::Staff | Level::Lead => Some(Seniority::Staff),
        Level::Principal => Some(Seniority::Principal),
        Level::Intern => Some(Seniority::Intern),
        Level::Head => Some(Seniority::Director),
        Level::Executive => Some(Seniority::Executive),
    }
}

fn employment_type(rng: &mut Rng, level: Level) -> EmploymentType {
    match level {
        Level::Intern => EmploymentType::Internship,
        Level::Head | Level::Executive => EmploymentType::FullTime,
        _ => [
            EmploymentType::FullTime,
            EmploymentType::PartTime,
            EmploymentType::Contract,
            EmploymentType::Temporary,
        ][rng.weighted(&[82, 6, 8, 4])],
    }
}

fn work_model(rng: &mut Rng, level: Level) -> WorkModel {
    // Interns mostly learn in an office.
    let weights: &[u32] = if level == Level::Intern {
        &[5, 50, 45]
    } else {
        &[30, 45, 25]
    };
    [WorkModel::Remote, WorkModel::Hybrid, WorkModel::OnSite][rng.weighted(weights)]
}

/// The day a job was posted and the last day it is open, if it says.
fn dates(rng: &mut Rng, today: i64) -> (i64, Option<i64>) {
    if rng.chance(0.03) {
        // Closed already: posted a while ago and open for less than that.
        let days_ago = rng.range(31, 59);
        let valid_through = today - days_ago + rng.range(30, days_ago - 1);
        return (today - days_ago, Some(valid_through));
    }
    // Squaring favours small numbers: most postings are recent.
    let u = rng.unit();
    let days_ago = ((u * u * 60.0) as i64).min(59);
    let valid_through = rng
        .chance(0.85)
        .then(|| today - days_ago + rng.range(30.max(days_ago), 90));
    (today - days_ago, valid_through)
}

/// A range around what the family and level earn at `place`, per hour,
/// month or year as such jobs there usually say.
fn salary(
    rng: &mut Rng,
    place: &Place,
    family: &Family,
    seniority: Option<Seniority>,
    employment_type: EmploymentType,
) -> Salary {
    let level = match seniority {
        Some(Seniority::Intern) => 0.35,
        Some(Seniority::Junior) => 0.72,
        Some(Seniority::Mid) | None => 1.0,
        Some(Seniority::Senior) => 1.28,
        Some(Seniority::Staff) => 1.55,
        Some(Seniority::Principal) => 1.75,
        Some(Seniority::Director) => 1.9,
        Some(Seniority::Executive) => 2.3,
    };
    let hourly_kind = matches!(
        employment_type,
        EmploymentType::PartTime | EmploymentType::Contract | EmploymentType::Temporary
    );
    let period = if hourly_kind && rng.chance(0.6) {
        SalaryPeriod::Hour
    } else if (place.monthly && rng.chance(0.8))
        || (employment_type == EmploymentType::Internship && rng.chance(0.5))
        || rng.chance(0.04)
    {
        SalaryPeriod::Month
    } else {
        SalaryPeriod::Year
    };
    // Contractors charge more per hour than employees earn; part-time
    // salaries quoted per month or year cover fewer hours.
    let premium = match (employment_type, period) {
        (EmploymentType::Contract, _) => 1.3,
        (EmploymentType::PartTime, SalaryPeriod::Month | SalaryPeriod::Year) => 0.6,
        _ => 1.0,
    };
    let yearly = place.mid * family.pay * level * premium * rng.between(0.9, 1.1);
    let (per_period, step) = match period {
        SalaryPeriod::Hour => (yearly / 2080.0, 1.0),
        SalaryPeriod::Month => (yearly / 12.0, 100.0),
        _ => (yearly, 1000.0),
    };
    let round = |amount: f64| ((amount / step).round() * step).max(step) as i64;
    let min = round(per_period * rng.between(0.88, 0.97));
    let max = round(per_period * rng.between(1.1, 1.35)).max(min + step as i64);
    Salary {
        min,
        max,
        currency: place.currency.clone(),
        period,
    }
}
