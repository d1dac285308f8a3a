//! Where a generated job is: its cities, or the regions a remote job hires
//! in, and the place whose pay it offers.
//!
//! A title that names a region ("Account Executive, UK and Ireland") keeps
//! the job there: its cities are in that region and its remote regions
//! cover it, never "Remote in LATAM". Other jobs start from a city, the
//! company's home half the time: an office job is there (and now and then
//! in one or two more cities), a remote one hires in a region around it.
//! `ascend_types::regions` says which countries a region has.

use ascend_types::WorkModel;
use ascend_types::regions::Region;

use super::rng::Rng;
use super::words::{Family, Place, WORDS};

/// What [`choose`] picks.
pub(super) struct Where {
    pub(super) locations: Vec<String>,
    pub(super) remote_regions: Vec<String>,
    /// The city, or the remote job's first region, whose pay the job offers.
    pub(super) place: &'static Place,
}

/// Where a job with `work_model` at a company whose headquarters is city
/// `hq` is, when its title ends with `team` (which may name a region).
pub(super) fn choose(rng: &mut Rng, work_model: WorkModel, hq: usize, team: Option<&str>) -> Where {
    let area = team.and_then(Region::named).filter(|area| !area.is_world());
    if work_model == WorkModel::Remote {
        remote(rng, hq, area)
    } else {
        offices(rng, hq, area)
    }
}

/// One to three cities, in `area` when the title names one.
fn offices(rng: &mut Rng, hq: usize, area: Option<Region>) -> Where {
    let cities = &WORDS.places.cities;
    let in_area = |city: &Place| area.is_none_or(|area| area.contains(city.country()));
    let first = if rng.chance(0.5) && in_area(&cities[hq]) {
        hq
    } else {
        city(rng, area)
    };
    let available = cities.iter().filter(|c| in_area(c)).count();
    let wanted = (1 + [0, 1, 2][rng.weighted(&[70, 22, 8])]).min(available);
    let mut chosen = vec![first];
    while chosen.len() < wanted {
        let next = city(rng, area);
        if !chosen.contains(&next) {
            chosen.push(next);
        }
    }
    Where {
        locations: chosen.iter().map(|&i| cities[i].name.clone()).collect(),
        remote_regions: Vec::new(),
        place: &cities[first],
    }
}

/// One region, or now and then two that share no country, each a location
/// too: "Remote in EMEA", "Remote, worldwide".
fn remote(rng: &mut Rng, hq: usize, area: Option<Region>) -> Where {
    let regions = &WORDS.places.regions;
    let first = match area {
        // Worldwide covers every region too, but a title that names one
        // hires there.
        Some(area) => rng
            .index_where(regions, |r| !is_world(r) && region(r).covers(area))
            .expect("a broad region covers each region a title names"),
        None if rng.chance(1.0 / 6.0) => regions
            .iter()
            .position(is_world)
            .expect("the regions include Worldwide"),
        None => {
            let home = if rng.chance(0.5) { hq } else { city(rng, None) };
            let country = WORDS.places.cities[home].country();
            rng.index_where(regions, |r| !is_world(r) && region(r).contains(country))
                .expect("every city is in a region")
        }
    };
    let mut chosen = vec![first];
    if area.is_none() && !is_world(&regions[first]) && rng.chance(0.2) {
        let taken = region(&regions[first]);
        let apart = |r: &Place| !is_world(r) && !region(r).countries().any(|c| taken.contains(c));
        chosen.extend(rng.index_where(regions, apart));
    }
    Where {
        locations: chosen
            .iter()
            .map(|&i| remote_location(&regions[i]))
            .collect(),
        remote_regions: chosen.iter().map(|&i| regions[i].name.clone()).collect(),
        place: &regions[first],
    }
}

/// A random city, in `area` if given.
fn city(rng: &mut Rng, area: Option<Region>) -> usize {
    rng.index_where(&WORDS.places.cities, |city| {
        area.is_none_or(|area| area.contains(city.country()))
    })
    .expect("each region a title names has cities")
}

fn region(place: &Place) -> Region {
    Region::named(&place.name).expect("the word lists' regions are known")
}

fn is_world(place: &Place) -> bool {
    region(place).is_world()
}

/// A remote region as a location: "Remote in EMEA", "Remote, worldwide".
fn remote_location(region: &Place) -> String {
    if is_world(region) {
        "Remote, worldwide".to_owned()
    } else {
        format!("Remote in {}", region.name)
    }
}

/// The team a posting's text names when its title names none: never one
/// named after a region, which might not be where the job is.
pub(super) fn text_team<'a>(rng: &mut Rng, family: &'a Family) -> &'a str {
    let team = rng
        .index_where(&family.teams, |team| Region::named(team).is_none())
        .expect("every family has a team that names no region");
    &family.teams[team]
}

#[cfg(test)]
mod tests {
    use ascend_types::regions::Region;
    use ascend_types::{WorkModel, date::days_from_civil};

    use super::WORDS;
    use crate::seed::generate::generate;
    use crate::store::model::NewJob;

    /// The cities' countries by name, written out apart from the word lists
    /// so that the check below trusts nothing the generator reads.
    const COUNTRIES: &[(&str, &str)] = &[
        ("Argentina", "AR"),
        ("Australia", "AU"),
        ("Austria", "AT"),
        ("Belgium", "BE"),
        ("Brazil", "BR"),
        ("Canada", "CA"),
        ("Chile", "CL"),
        ("Colombia", "CO"),
        ("Czechia", "CZ"),
        ("Denmark", "DK"),
        ("Egypt", "EG"),
        ("Estonia", "EE"),
        ("Finland", "FI"),
        ("France", "FR"),
        ("Germany", "DE"),
        ("India", "IN"),
        ("Ireland", "IE"),
        ("Israel", "IL"),
        ("Italy", "IT"),
        ("Japan", "JP"),
        ("Kenya", "KE"),
        ("Mexico", "MX"),
        ("Netherlands", "NL"),
        ("New Zealand", "NZ"),
        ("Nigeria", "NG"),
        ("Norway", "NO"),
        ("Poland", "PL"),
        ("Portugal", "PT"),
        ("Singapore", "SG"),
        ("South Africa", "ZA"),
        ("South Korea", "KR"),
        ("Spain", "ES"),
        ("Sweden", "SE"),
        ("Switzerland", "CH"),
        ("United Arab Emirates", "AE"),
        ("United Kingdom", "GB"),
        ("United States", "US"),
    ];

    /// "Berlin, Germany" → "DE".
    fn country_code(location: &str) -> &'static str {
        let (_, country) = location.rsplit_once(", ").expect("a city, a country");
        COUNTRIES
            .iter()
            .find(|(name, _)| *name == country)
            .map(|(_, code)| *code)
            .unwrap_or_else(|| panic!("{location}: add {country} to COUNTRIES"))
    }

    /// The regions a job's title and texts name it after: the team at the
    /// end of its title, and each team its texts name ("join the DACH team").
    fn named_areas(job: &NewJob) -> Vec<Region> {
        let title_team = job.title.rsplit_once(", ").map(|(_, team)| team.to_owned());
        let texts = format!(
            "{} {}",
            job.description_html,
            job.summary.as_deref().unwrap_or_default()
        )
        .to_lowercase();
        let text_teams: Vec<String> = texts
            .match_indices(" team")
            .filter_map(|(end, _)| texts[..end].rsplit_once("the "))
            .map(|(_, team)| team.to_owned())
            .collect();
        title_team
            .into_iter()
            .chain(text_teams)
            .filter_map(|team| Region::named(&team))
            .collect()
    }

    #[test]
    fn the_word_lists_cities_are_in_the_countries_their_names_say() {
        for city in &WORDS.places.cities {
            assert_eq!(city.country(), country_code(&city.name), "{}", city.name);
        }
    }

    #[test]
    fn each_region_a_title_may_name_has_cities_and_a_broad_region() {
        let places = &WORDS.places;
        let areas = WORDS
            .families
            .iter()
            .flat_map(|family| &family.teams)
            .filter_map(|team| Region::named(team).map(|area| (team, area)));
        for (team, area) in areas {
            let cities = places
                .cities
                .iter()
                .filter(|city| area.contains(city.country()))
                .count();
            assert!(cities >= 3, "{team}: up to three cities");
            assert!(
                places.regions.iter().any(|r| {
                    let region = Region::named(&r.name).unwrap();
                    !region.is_world() && region.covers(area)
                }),
                "{team}: a remote region"
            );
        }
        // Every city is in a region other than the world.
        for city in &places.cities {
            assert!(
                places.regions.iter().any(|r| {
                    let region = Region::named(&r.name).unwrap();
                    !region.is_world() && region.contains(city.country())
                }),
                "{}",
                city.name
            );
        }
    }

    /// A remote job's regions are each a location, and each covers every
    /// region its title or texts name.
    fn check_remote(job: &NewJob, areas: &[Region]) {
        assert!(!job.remote_regions.is_empty(), "{job:?}");
        assert_eq!(job.locations.len(), job.remote_regions.len());
        for (name, location) in job.remote_regions.iter().zip(&job.locations) {
            let region = Region::named(name).unwrap_or_else(|| panic!("{name} is a region"));
            if region.is_world() {
                assert_eq!(location, "Remote, worldwide");
            } else {
                assert_eq!(*location, format!("Remote in {name}"));
            }
            for area in areas {
                assert!(region.covers(*area), "{}: remote in {name}", job.title);
            }
        }
    }

    /// An office job's cities are each in every region its title or texts
    /// name.
    fn check_offices(job: &NewJob, areas: &[Region]) {
        assert!(job.remote_regions.is_empty(), "{job:?}");
        for location in &job.locations {
            for area in areas {
                let country = country_code(location);
                assert!(area.contains(country), "{}: in {location}", job.title);
            }
        }
    }

    #[test]
    fn titles_places_and_remote_regions_agree() {
        let today = days_from_civil(2026, 3, 15);
        let (mut jobs, mut remote_named, mut office_named) = (0, 0, 0);
        for seed in [1, 42, 2024] {
            for job in generate(60, 1700, seed, today).jobs {
                let areas = named_areas(&job);
                if job.work_model == WorkModel::Remote {
                    check_remote(&job, &areas);
                    remote_named += usize::from(!areas.is_empty());
                } else {
                    check_offices(&job, &areas);
                    office_named += usize::from(!areas.is_empty());
                }
                jobs += 1;
            }
        }
        assert_eq!(jobs, 5100);
        // Enough jobs name a region for the check to mean something.
        assert!(
            remote_named >= 30 && office_named >= 60,
            "{remote_named} {office_named}"
        );
    }
}
