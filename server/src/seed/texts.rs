//! A generated posting's texts: its description, summary, frequently asked
//! questions and interview questions, from the family's and the shared
//! templates in the word lists.

use ascend_types::{EmploymentType, QuestionAnswer, Salary, WorkModel};

use super::companies::short_city;
use super::rng::{Rng, either};
use super::words::{Family, WORDS};
use crate::store::model::NewCompany;

/// The words a template's `{placeholders}` stand for.
pub(super) struct Context<'a> {
    pub(super) company: &'a str,
    pub(super) title: &'a str,
    /// The title without its team: "Senior Backend Engineer".
    pub(super) role: &'a str,
    pub(super) team: &'a str,
    pub(super) city: &'a str,
    pub(super) region: &'a str,
}

impl Context<'_> {
    /// Appends `template` to `out` with its placeholders filled in.
    pub(super) fn fill(&self, out: &mut String, template: &str) {
        let mut rest = template;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            let end = after.find('}').unwrap_or(after.len());
            out.push_str(match &after[..end] {
                "company" => self.company,
                "title" => self.title,
                "team" => self.team,
                "city" => self.city,
                _ => self.region,
            });
            rest = after.get(end + 1..).unwrap_or("");
        }
        out.push_str(rest);
    }

    /// `template` with its placeholders filled in.
    pub(super) fn filled(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        self.fill(&mut out, template);
        out
    }
}

fn article(word: &str) -> &'static str {
    match word.chars().next() {
        // "a UX Designer", but "an Android Engineer".
        Some('A' | 'E' | 'I' | 'O' | 'a' | 'e' | 'i' | 'o') => "an",
        _ => "a",
    }
}

/// The posting: an opening paragraph, what the job involves, who fits,
/// where the work is, what the company offers and a closing line.
pub(super) fn description(
    rng: &mut Rng,
    family: &Family,
    company: &NewCompany,
    context: &Context,
    locations: &[String],
    skills: &[String],
    work_model: WorkModel,
) -> String {
    let texts = &WORDS.texts;
    let mut html = String::with_capacity(2048);
    opening(rng, &mut html, family, company, context);

    html.push_str("<h3>What you will do</h3>");
    let tasks = (&family.tasks[..], &texts.generic_tasks[..]);
    list(rng, &mut html, context, tasks, None);

    html.push_str("<h3>Who you are</h3>");
    let skill_line = match skills {
        [] => None,
        [only] => Some(format!("You have worked with <strong>{only}</strong>")),
        [first, second, ..] => Some(format!(
            "You have real experience with <strong>{first}</strong> and <strong>{second}</strong>"
        )),
    };
    let traits = (&family.traits[..], &texts.generic_traits[..]);
    list(rng, &mut html, context, traits, skill_line.as_deref());

    html.push_str("<h3>Where you will be</h3>");
    where_list(rng, &mut html, context, locations, work_model);
    offer(rng, &mut html, company);

    html.push_str("<p><em>");
    let closing = rng.pick(&texts.closings);
    html.push_str(closing);
    html.push_str("</em></p><p>Find out more about ");
    html.push_str(context.company);
    html.push_str(" at <a href=\"https://");
    html.push_str(&company.slug);
    html.push_str(".example\">");
    html.push_str(&company.slug);
    html.push_str(".example</a>.</p>");
    html
}

/// The first paragraph, in one of three ways: the company first, the role
/// first or the team first.
fn opening(
    rng: &mut Rng,
    html: &mut String,
    family: &Family,
    company: &NewCompany,
    context: &Context,
) {
    html.push_str("<p>");
    match rng.below(3) {
        0 => {
            html.push_str(&company.about);
            html.push_str(" We are looking for ");
            html.push_str(article(context.title));
            html.push_str(" <strong>");
            html.push_str(context.title);
            html.push_str("</strong> to ");
            html.push_str(&family.mission);
            html.push('.');
        }
        1 => {
            html.push_str("As ");
            html.push_str(article(context.role));
            html.push(' ');
            html.push_str(context.role);
            html.push_str(" at ");
            html.push_str(context.company);
            html.push_str(", you will join the ");
            html.push_str(context.team);
            html.push_str(" team and work with us to ");
            html.push_str(&family.mission);
            html.push_str(". ");
            html.push_str(&company.about);
        }
        _ => {
            html.push_str("The ");
            html.push_str(context.team);
            html.push_str(" team at ");
            html.push_str(context.company);
            html.push_str(" is growing, and we need someone to ");
            html.push_str(&family.mission);
            html.push_str(". That could be you.");
        }
    }
    html.push_str("</p>");
}

/// Where the work is: the work model's first line says where, two to four
/// more add colour, and an office job names its other cities.
fn where_list(
    rng: &mut Rng,
    html: &mut String,
    context: &Context,
    locations: &[String],
    work_model: WorkModel,
) {
    let texts = &WORDS.texts;
    let lines = match work_model {
        WorkModel::Remote => &texts.remote_lines,
        WorkModel::Hybrid => &texts.hybrid_lines,
        WorkModel::OnSite => &texts.on_site_lines,
    };
    html.push_str("<ul><li>");
    context.fill(html, &lines[0]);
    html.push_str("</li>");
    let line_count = rng.count(2, 4);
    for line in rng.sample(&lines[1..], line_count) {
        html.push_str("<li>");
        context.fill(html, line);
        html.push_str("</li>");
    }
    if work_model != WorkModel::Remote && locations.len() > 1 {
        let names: Vec<&str> = locations[1..].iter().map(|l| short_city(l)).collect();
        html.push_str("<li>You can also join us in ");
        html.push_str(&names.join(" or "));
        html.push_str(".</li>");
    }
    html.push_str("</ul>");
}

/// Most postings list a few of the company's benefits.
fn offer(rng: &mut Rng, html: &mut String, company: &NewCompany) {
    if !rng.chance(0.7) {
        return;
    }
    let perks: Vec<&str> = company
        .benefits
        .iter()
        .flat_map(|group| group.items.iter().map(String::as_str))
        .collect();
    if perks.len() < 2 {
        return;
    }
    html.push_str("<h3>What we offer</h3><ul>");
    let perk_count = rng.count(2, 5);
    for perk in rng.sample(&perks, perk_count) {
        html.push_str("<li>");
        html.push_str(perk);
        html.push_str("</li>");
    }
    html.push_str("</ul>");
}

/// A `<ul>` of three to six lines from the two pools, `extra` among them.
fn list(
    rng: &mut Rng,
    html: &mut String,
    context: &Context,
    (first, second): (&[String], &[String]),
    extra: Option<&str>,
) {
    let count = rng.count(3, 6) - usize::from(extra.is_some());
    let picks = rng.indices(first.len() + second.len(), count);
    let position = rng.below(picks.len + 1);
    html.push_str("<ul>");
    for (n, i) in picks.iter().enumerate() {
        if n == position {
            push_item(html, context, extra);
        }
        push_item(html, context, Some(either(first, second, i).as_str()));
    }
    if position == picks.len {
        push_item(html, context, extra);
    }
    html.push_str("</ul>");
}

fn push_item(html: &mut String, context: &Context, line: Option<&str>) {
    if let Some(line) = line {
        html.push_str("<li>");
        context.fill(html, line);
        html.push_str(".</li>");
    }
}

/// "What you should know": one sentence on the role and where it is.
pub(super) fn summary(
    rng: &mut Rng,
    family: &Family,
    context: &Context,
    skills: &[String],
    work_model: WorkModel,
    employment_type: EmploymentType,
) -> String {
    let place = match work_model {
        WorkModel::Remote => format!("remotely from anywhere in {}", context.region),
        WorkModel::Hybrid => format!("from {} a few days a week", context.city),
        WorkModel::OnSite => format!("on site in {}", context.city),
    };
    match (rng.below(3), skills) {
        (0, [first, second, ..]) => format!(
            "{} {} role at {}, working {place} mostly with {first} and {second}.",
            capitalized_article(employment_type.label()),
            employment_type.label().to_lowercase(),
            context.company
        ),
        (1, _) => format!(
            "{} wants {} {} to {}, working {place}.",
            context.company,
            article(context.role),
            context.role,
            family.mission
        ),
        _ => format!(
            "You will join the {} team at {} and work {place}.",
            context.team, context.company
        ),
    }
}

fn capitalized_article(word: &str) -> &'static str {
    if article(word) == "an" { "An" } else { "A" }
}

/// Up to five of eight common questions, answered for this job.
pub(super) fn faqs(
    rng: &mut Rng,
    context: &Context,
    work_model: WorkModel,
    employment_type: EmploymentType,
    salary: Option<&Salary>,
) -> Vec<QuestionAnswer> {
    const KINDS: [usize; 8] = [0, 1, 2, 3, 4, 5, 6, 7];
    let count = rng.count(0, 5);
    rng.sample(&KINDS, count)
        .into_iter()
        .map(|&kind| {
            let (question, answer) = match kind {
                0 => (
                    format!("Can I do the {} job remotely?", context.title),
                    match work_model {
                        WorkModel::Remote => format!(
                            "Yes. You can live anywhere in {}, as long as you can work with the team's hours.",
                            context.region
                        ),
                        WorkModel::Hybrid => format!(
                            "Partly. We expect you in {} two or three days a week.",
                            context.city
                        ),
                        WorkModel::OnSite => format!(
                            "No. The role is based in {}, where the team works together every day.",
                            context.city
                        ),
                    },
                ),
                1 => (
                    format!("Does {} sponsor visas?", context.company),
                    if rng.chance(0.5) {
                        "Yes. We sponsor work visas and help with the paperwork and the move.".to_owned()
                    } else {
                        "Not for this role, sorry. You need the right to work where the job is.".to_owned()
                    },
                ),
                2 => {
                    let weeks = rng.range(2, 5);
                    (
                        "How long does the hiring process take?".to_owned(),
                        format!(
                            "Usually {weeks} to {} weeks from the first call to an offer. We tell you after every step where you stand.",
                            weeks + 2
                        ),
                    )
                }
                3 => (
                    "Is there a salary range?".to_owned(),
                    match salary {
                        Some(salary) => format!(
                            "Yes: {} to {} {} per {}, depending on experience.",
                            thousands(salary.min),
                            thousands(salary.max),
                            salary.currency,
                            salary.period.as_str()
                        ),
                        None => "We share the range in the first call, before you spend time on interviews.".to_owned(),
                    },
                ),
                4 => (
                    "Which language do you work in?".to_owned(),
                    format!(
                        "English. The local language helps in {}, but nobody expects it on day one.",
                        context.city
                    ),
                ),
                5 => (
                    "Can I apply if I do not meet every requirement?".to_owned(),
                    "Yes. The list describes the person we imagine; if most of it fits, we want to hear from you.".to_owned(),
                ),
                6 => (
                    format!("When would the new {} start?", context.title),
                    "Whenever suits you. Most people start four to eight weeks after accepting an offer.".to_owned(),
                ),
                _ => (
                    "Is part-time work possible?".to_owned(),
                    match employment_type {
                        EmploymentType::PartTime => "Yes, this role is part-time by design. We agree the hours with you.".to_owned(),
                        _ => format!(
                            "This role is {}, but we are open to talking about four days a week.",
                            employment_type.label().to_lowercase()
                        ),
                    },
                ),
            };
            QuestionAnswer { question, answer }
        })
        .collect()
}

/// Up to ten questions from the family's and the shared ones.
pub(super) fn interview_questions(
    rng: &mut Rng,
    family: &Family,
    context: &Context,
) -> Vec<QuestionAnswer> {
    let generic = &WORDS.texts.generic_questions;
    let count = rng.count(0, 10);
    rng.indices(family.questions.len() + generic.len(), count)
        .iter()
        .map(|i| either(&family.questions, generic, i))
        .map(|text| QuestionAnswer {
            question: context.filled(&text.question),
            answer: context.filled(&text.answer),
        })
        .collect()
}

/// 123456 as "123,456".
fn thousands(number: i64) -> String {
    let digits = number.abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if number < 0 {
        out.push('-');
    }
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(8_500_000), "8,500,000");
        assert_eq!(thousands(-1234), "-1,234");
    }

    #[test]
    fn articles_follow_the_first_letter() {
        assert_eq!(article("Android Engineer"), "an");
        assert_eq!(article("UX Designer"), "a");
        assert_eq!(capitalized_article("internship"), "An");
    }
}
