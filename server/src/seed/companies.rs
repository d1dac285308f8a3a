//! Generated companies: a name no other company has, a sector, a home city,
//! a profile and a few dozen reviews.

use std::collections::HashSet;

use ascend_types::BenefitGroup;
use ascend_types::date::format_iso_date;

use super::rng::Rng;
use super::words::{Sector, WORDS};
use crate::store::model::{NewCompany, NewReview, slugify};

/// A company from `rng`, its name from `names` (see [`unique_name`]), and
/// the index of its headquarters in the word lists' cities.
pub(super) fn company(
    rng: &mut Rng,
    names: &mut Rng,
    taken: &mut HashSet<String>,
    today: i64,
) -> (NewCompany, usize) {
    let words = &WORDS.companies;
    let cities = &WORDS.places.cities;
    let sector = rng.pick(&words.sectors);
    let (name, slug) = unique_name(names, sector, taken);
    let hq = rng.below(cities.len());
    let headquarters = cities[hq].name.as_str();
    let founded_year = if rng.chance(0.75) {
        rng.range(2000, 2024)
    } else {
        rng.range(1950, 1999)
    } as i32;
    let team_size = &words.team_sizes[rng.weighted_by(&words.team_sizes, |t| t.weight)];
    // Old or large companies are rarely still on venture rounds.
    let funding_stage = if team_size.large || founded_year < 1995 {
        let stage = rng.pick(&words.mature_funding_stages);
        words
            .funding_stage(stage)
            .expect("a mature stage is a stage")
    } else {
        &words.funding_stages[rng.weighted_by(&words.funding_stages, |s| s.weight)]
    };
    let about = format!(
        "{name} {}. {}",
        rng.pick(&sector.does),
        match rng.below(3) {
            0 => format!(
                "Founded in {founded_year} in {}, it now has {}.",
                short_city(headquarters),
                team_size.words
            ),
            1 => format!(
                "The company is {} and has its headquarters in {headquarters}.",
                funding_stage.words
            ),
            _ => format!(
                "It has {} working from {} and beyond.",
                team_size.words,
                short_city(headquarters)
            ),
        }
    );
    let badge_count = rng.count(2, 4);
    let badges = rng.sample_strings(&words.badges, badge_count);
    let value_count = rng.count(3, 8);
    let culture_values = rng.sample_strings(&words.culture_values, value_count);
    let benefits = benefits(rng);
    let people = &WORDS.people;
    let ceo_name = format!(
        "{} {}",
        rng.pick(&people.first_names),
        rng.pick(&people.last_names)
    );
    let reviews = reviews(rng, today);
    let company = NewCompany {
        website: Some(format!("https://{slug}.example")),
        slug,
        name,
        // No demo logo files exist for generated companies; the page draws
        // initials instead.
        logo_url: None,
        about,
        founded_year: Some(founded_year),
        headquarters: Some(headquarters.to_owned()),
        sector: Some(sector.name.clone()),
        team_size: Some(team_size.band.clone()),
        funding_stage: Some(funding_stage.stage.clone()),
        badges,
        culture_values,
        benefits,
        ceo_name: Some(ceo_name),
        ceo_photo_url: None,
        reviews,
    };
    (company, hq)
}

/// "Berlin" of "Berlin, Germany".
pub(super) fn short_city(name: &str) -> &str {
    name.split(", ").next().unwrap_or(name)
}

/// Two to five kinds of benefit, one to four of each.
fn benefits(rng: &mut Rng) -> Vec<BenefitGroup> {
    let kinds = &WORDS.companies.benefits;
    let group_count = rng.count(2, 5);
    let mut picked: Vec<usize> = rng.indices(kinds.len(), group_count).iter().collect();
    // A stable order of kinds reads better than a random one.
    picked.sort_unstable();
    picked
        .into_iter()
        .map(|kind| {
            let kind = &kinds[kind];
            let count = rng.count(1, 4);
            BenefitGroup {
                kind: kind.kind.clone(),
                items: rng.sample_strings(&kind.items, count),
            }
        })
        .collect()
}

/// A name whose slug no earlier company has. Names come from their own stream
/// because how many tries a name takes depends on the companies before it.
fn unique_name(rng: &mut Rng, sector: &Sector, taken: &mut HashSet<String>) -> (String, String) {
    let words = &WORDS.companies;
    let mut name = String::new();
    for _ in 0..30 {
        let first = rng.pick(&words.name_first);
        let second = rng.pick(&words.name_second);
        let suffix = rng.pick(&sector.suffixes);
        name = match rng.weighted(&[40, 28, 17, 15]) {
            0 => format!("{first} {second}"),
            1 => format!("{first} {second} {suffix}"),
            2 => format!("{second} {suffix}"),
            _ => format!("{first}{}", second.to_lowercase()),
        };
        let slug = slugify(&name);
        if taken.insert(slug.clone()) {
            return (name, slug);
        }
    }
    // The word lists are exhausted for this sector; a number keeps it unique.
    for number in 2.. {
        let numbered = format!("{name} {number}");
        let slug = slugify(&numbered);
        if taken.insert(slug.clone()) {
            return (numbered, slug);
        }
    }
    unreachable!("some number is always free")
}

fn reviews(rng: &mut Rng, today: i64) -> Vec<NewReview> {
    // Few, some and many reviews, so that some companies have enough
    // diversity ratings to show and some do not.
    let count = match rng.weighted(&[12, 30, 38, 20]) {
        0 => rng.count(0, 2),
        1 => rng.count(3, 15),
        2 => rng.count(16, 40),
        _ => rng.count(41, 60),
    };
    // Each company leans a little: some are loved, some less so.
    let lean = rng.range(-1, 1);
    let mut reviews: Vec<NewReview> = (0..count)
        .map(|_| {
            let base = rng.weighted(&[5, 10, 25, 35, 25]) as i64 + 1;
            let stars = if rng.chance(0.35) {
                (base + lean).clamp(1, 5)
            } else {
                base
            } as u8;
            let dei_stars = rng
                .chance(0.5)
                .then(|| (i64::from(stars) + rng.range(-1, 1)).clamp(1, 5) as u8);
            let approves_ceo = rng.chance(0.8).then(|| {
                let approval = match stars {
                    5 => 0.9,
                    4 => 0.8,
                    3 => 0.55,
                    _ => 0.2,
                };
                rng.chance(approval)
            });
            NewReview {
                stars,
                dei_stars,
                approves_ceo,
                reviewed_on: format_iso_date(today - rng.range(0, 3 * 365 - 1)),
            }
        })
        .collect();
    reviews.sort_by(|a, b| b.reviewed_on.cmp(&a.reviewed_on));
    reviews
}
