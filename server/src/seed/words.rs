//! The word lists the generator draws from. They live in `data/` as JSON,
//! one file per topic, so that the code around them reads as code and
//! editing a list needs no Rust; they are compiled in and parsed once, on
//! first use.

use std::sync::LazyLock;

use serde::Deserialize;
use serde::de::DeserializeOwned;

/// Everything in `data/`.
pub(super) static WORDS: LazyLock<Words> = LazyLock::new(Words::parse);

pub(super) struct Words {
    pub(super) places: Places,
    pub(super) companies: Companies,
    pub(super) people: People,
    pub(super) families: Vec<Family>,
    pub(super) texts: Texts,
}

impl Words {
    fn parse() -> Words {
        Words {
            places: parse("places.json", include_str!("data/places.json")),
            companies: parse("companies.json", include_str!("data/companies.json")),
            people: parse("people.json", include_str!("data/people.json")),
            families: parse("families.json", include_str!("data/families.json")),
            texts: parse("texts.json", include_str!("data/texts.json")),
        }
    }
}

/// The lists are part of the program: a list that does not parse is a bug,
/// which the tests below catch before any seeding does.
fn parse<T: DeserializeOwned>(file: &str, json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|error| panic!("seed/data/{file}: {error}"))
}

/// `data/places.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Places {
    pub(super) cities: Vec<Place>,
    /// Where remote jobs hire: regions `ascend_types::regions` knows.
    pub(super) regions: Vec<Place>,
}

/// A city jobs are in, or a region remote jobs hire in, with the pay there.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Place {
    /// "Berlin, Germany", "EMEA".
    pub(super) name: String,
    /// A city's country, ISO 3166-1 alpha-2; a region has none.
    #[serde(default)]
    pub(super) country: Option<String>,
    pub(super) currency: String,
    /// A yearly salary, in `currency`, for a mid-level engineer there;
    /// other roles and levels scale it.
    pub(super) mid: f64,
    /// Whether pay is usually quoted per month there.
    pub(super) monthly: bool,
}

impl Place {
    /// A city's country code; empty for a region.
    pub(super) fn country(&self) -> &str {
        self.country.as_deref().unwrap_or_default()
    }
}

/// `data/companies.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Companies {
    pub(super) sectors: Vec<Sector>,
    /// The parts of a company's name: "Bright" and "Harbor".
    pub(super) name_first: Vec<String>,
    pub(super) name_second: Vec<String>,
    pub(super) team_sizes: Vec<TeamSize>,
    pub(super) funding_stages: Vec<FundingStage>,
    /// What old or large companies are funded by, a stage named twice
    /// being twice as likely.
    pub(super) mature_funding_stages: Vec<String>,
    pub(super) badges: Vec<String>,
    pub(super) culture_values: Vec<String>,
    pub(super) benefits: Vec<BenefitKind>,
}

impl Companies {
    pub(super) fn funding_stage(&self, stage: &str) -> Option<&FundingStage> {
        self.funding_stages.iter().find(|s| s.stage == stage)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Sector {
    pub(super) name: String,
    /// The last word of some names: "Pay", "Health".
    pub(super) suffixes: Vec<String>,
    /// What a company does, after its name: "{name} builds ...".
    pub(super) does: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TeamSize {
    /// "51-200".
    pub(super) band: String,
    pub(super) weight: u32,
    /// The band in a sentence: "more than fifty people".
    pub(super) words: String,
    /// Companies this large are rarely still on venture rounds.
    pub(super) large: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FundingStage {
    /// "Series B".
    pub(super) stage: String,
    pub(super) weight: u32,
    /// After "The company is": "backed by a Series B round".
    pub(super) words: String,
}

/// A kind of benefit ("health") and the ones a company may offer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct BenefitKind {
    pub(super) kind: String,
    pub(super) items: Vec<String>,
}

/// `data/people.json`: the names of chief executives.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct People {
    pub(super) first_names: Vec<String>,
    pub(super) last_names: Vec<String>,
}

/// A family of jobs (`data/families.json`): one department's roles and
/// what their postings say. Texts may hold `{company}`, `{title}`, `{team}`,
/// `{city}` and `{region}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Family {
    pub(super) department: String,
    /// How often its jobs come up, relative to the other families'.
    pub(super) weight: u32,
    /// Whether Staff and Principal titles exist for it.
    pub(super) technical: bool,
    /// Pay relative to a mid-level engineer.
    pub(super) pay: f64,
    pub(super) roles: Vec<String>,
    pub(super) intern: String,
    pub(super) heads: Vec<String>,
    pub(super) executives: Vec<String>,
    /// Teams, some of which name a region ("DACH"): a title ends with one
    /// now and then.
    pub(super) teams: Vec<String>,
    pub(super) skills: Vec<String>,
    /// What the role is for, after "to": "build the services ...".
    pub(super) mission: String,
    pub(super) tasks: Vec<String>,
    pub(super) traits: Vec<String>,
    pub(super) questions: Vec<QuestionText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct QuestionText {
    pub(super) question: String,
    pub(super) answer: String,
}

/// `data/texts.json`: what every posting may say, whatever its family.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Texts {
    pub(super) generic_tasks: Vec<String>,
    pub(super) generic_traits: Vec<String>,
    /// "Where you will be", by work model: the first line says where, the
    /// rest add colour.
    pub(super) remote_lines: Vec<String>,
    pub(super) hybrid_lines: Vec<String>,
    pub(super) on_site_lines: Vec<String>,
    pub(super) closings: Vec<String>,
    pub(super) generic_questions: Vec<QuestionText>,
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use ascend_types::regions::Region;

    use super::*;

    fn lists(words: &Words) -> Vec<(String, Vec<&str>)> {
        let (places, companies, people, texts) =
            (&words.places, &words.companies, &words.people, &words.texts);
        let mut lists = vec![
            (
                "cities".into(),
                places.cities.iter().map(|c| c.name.as_str()).collect(),
            ),
            (
                "regions".into(),
                places.regions.iter().map(|c| c.name.as_str()).collect(),
            ),
            (
                "sectors".into(),
                companies.sectors.iter().map(|s| s.name.as_str()).collect(),
            ),
            ("name_first".into(), strings(&companies.name_first)),
            ("name_second".into(), strings(&companies.name_second)),
            (
                "team_sizes".into(),
                companies
                    .team_sizes
                    .iter()
                    .map(|t| t.words.as_str())
                    .collect(),
            ),
            (
                "funding_stages".into(),
                companies
                    .funding_stages
                    .iter()
                    .map(|s| s.words.as_str())
                    .collect(),
            ),
            (
                "mature_funding_stages".into(),
                strings(&companies.mature_funding_stages),
            ),
            ("badges".into(), strings(&companies.badges)),
            ("culture_values".into(), strings(&companies.culture_values)),
            (
                "benefits".into(),
                companies.benefits.iter().map(|b| b.kind.as_str()).collect(),
            ),
            ("first_names".into(), strings(&people.first_names)),
            ("last_names".into(), strings(&people.last_names)),
            (
                "families".into(),
                words
                    .families
                    .iter()
                    .map(|f| f.department.as_str())
                    .collect(),
            ),
            ("generic_tasks".into(), strings(&texts.generic_tasks)),
            ("generic_traits".into(), strings(&texts.generic_traits)),
            ("remote_lines".into(), strings(&texts.remote_lines)),
            ("hybrid_lines".into(), strings(&texts.hybrid_lines)),
            ("on_site_lines".into(), strings(&texts.on_site_lines)),
            ("closings".into(), strings(&texts.closings)),
            ("generic_questions".into(), qa(&texts.generic_questions)),
        ];
        for sector in &companies.sectors {
            lists.push((
                format!("{} suffixes", sector.name),
                strings(&sector.suffixes),
            ));
            lists.push((format!("{} does", sector.name), strings(&sector.does)));
        }
        for benefit in &companies.benefits {
            lists.push((
                format!("{} benefits", benefit.kind),
                strings(&benefit.items),
            ));
        }
        for family in &words.families {
            let name = |list: &str| format!("{} {list}", family.roles[0]);
            lists.push((name("roles"), strings(&family.roles)));
            lists.push((name("heads"), strings(&family.heads)));
            lists.push((name("executives"), strings(&family.executives)));
            lists.push((name("teams"), strings(&family.teams)));
            lists.push((name("skills"), strings(&family.skills)));
            lists.push((name("tasks"), strings(&family.tasks)));
            lists.push((name("traits"), strings(&family.traits)));
            lists.push((name("questions"), qa(&family.questions)));
            lists.push((name("intern"), vec![&family.intern]));
            lists.push((name("mission"), vec![&family.mission]));
        }
        lists
    }

    fn strings(list: &[String]) -> Vec<&str> {
        list.iter().map(String::as_str).collect()
    }

    fn qa(list: &[QuestionText]) -> Vec<&str> {
        list.iter()
            .flat_map(|q| [q.question.as_str(), q.answer.as_str()])
            .collect()
    }

    #[test]
    fn every_list_parses_and_none_is_empty_or_blank() {
        let words = Words::parse();
        for (name, list) in lists(&words) {
            assert!(!list.is_empty(), "{name} is empty");
            for item in list {
                assert!(!item.trim().is_empty(), "{name} has a blank item");
                assert_eq!(item, item.trim(), "{name}: {item:?}");
            }
        }
    }

    #[test]
    fn lists_fit_the_generator() {
        let words = &*WORDS;
        // Rng::indices draws from at most 64 items at once.
        for family in &words.families {
            assert!(family.tasks.len() + words.texts.generic_tasks.len() <= 64);
            assert!(family.traits.len() + words.texts.generic_traits.len() <= 64);
            assert!(family.questions.len() + words.texts.generic_questions.len() <= 64);
            assert!(family.skills.len() >= 3 && family.skills.len() <= 64);
            assert!(family.weight > 0 && family.pay > 0.0);
            // A title's team may name a region; the text's team never
            // needs to, so every family has teams that do not.
            assert!(family.teams.iter().any(|t| Region::named(t).is_none()));
        }
        assert!(words.companies.benefits.len() <= 64 && words.companies.badges.len() <= 64);
        // Descriptions show a first "where" line and two to four more.
        for lines in [
            &words.texts.remote_lines,
            &words.texts.hybrid_lines,
            &words.texts.on_site_lines,
        ] {
            assert!(lines.len() >= 5);
        }
        for stage in &words.companies.mature_funding_stages {
            assert!(words.companies.funding_stage(stage).is_some(), "{stage}");
        }
        assert!(words.companies.team_sizes.iter().all(|t| t.weight > 0));
    }

    #[test]
    fn cities_have_countries_and_regions_are_known() {
        let places = &WORDS.places;
        let mut names = HashSet::new();
        for city in &places.cities {
            let code = city
                .country
                .as_deref()
                .unwrap_or_else(|| panic!("{}", city.name));
            assert!(Region::world().contains(code), "{}: {code}", city.name);
            assert!(
                city.name.contains(", ") && names.insert(&city.name),
                "{}",
                city.name
            );
            assert!(city.mid > 0.0 && city.currency.len() == 3);
        }
        for region in &places.regions {
            assert!(region.country.is_none(), "{}", region.name);
            assert!(Region::named(&region.name).is_some(), "{}", region.name);
            assert!(region.mid > 0.0 && region.currency.len() == 3);
        }
        // Every region has a city, so a remote job can start from one.
        for region in &places.regions {
            let region_of = Region::named(&region.name).unwrap();
            assert!(
                places
                    .cities
                    .iter()
                    .any(|c| region_of.contains(c.country.as_deref().unwrap())),
                "{}",
                region.name
            );
        }
    }
}
