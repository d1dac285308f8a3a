//! A deterministic generator of realistic demo companies and jobs, for
//! `ascend-server seed`. Everything comes from word lists and templates in this
//! module and from its own PRNG, so a (companies, jobs, seed, today) tuple
//! always yields the same data, whatever crate versions are in the lock file.

use std::collections::HashSet;

use ascend_types::date::format_iso_date;
use ascend_types::{
    BenefitGroup, EmploymentType, QuestionAnswer, Salary, SalaryPeriod, Seniority, WorkModel,
};

use crate::store::model::{NewCompany, NewJob, NewReview, slugify};

/// What [`generate`] produces: companies first, then the jobs that refer to them.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    pub companies: Vec<NewCompany>,
    pub jobs: Vec<NewJob>,
}

/// Generates `companies` companies and `jobs` jobs from `seed`.
/// `today` is a day number (days since 1970-01-01, see ascend_types::date).
///
/// Jobs need a company, so with no companies no jobs are generated. When there
/// are at least as many jobs as companies, every company gets one.
pub fn generate(companies: usize, jobs: usize, seed: u64, today: i64) -> Generated {
    let mut names = Rng::stream(seed, STREAM_NAMES, 0);
    let mut taken = HashSet::with_capacity(companies);
    let mut hq = Vec::with_capacity(companies);
    let generated_companies: Vec<NewCompany> = (0..companies)
        .map(|index| {
            let mut rng = Rng::stream(seed, STREAM_COMPANY, index as u64);
            let (company, city) = company(&mut rng, &mut names, &mut taken, today);
            hq.push(city);
            company
        })
        .collect();
    let jobs = if companies == 0 { 0 } else { jobs };
    let generated_jobs = (0..jobs)
        .map(|index| {
            let mut rng = Rng::stream(seed, STREAM_JOB, index as u64);
            let owner = if jobs >= companies && index < companies {
                index
            } else {
                // Squaring a uniform number favours low indices: a few
                // companies hire a lot, most only a little.
                let u = rng.unit();
                ((u * u * companies as f64) as usize).min(companies - 1)
            };
            job(
                &mut rng,
                &generated_companies[owner],
                hq[owner],
                seed,
                index,
                today,
            )
        })
        .collect();
    Generated {
        companies: generated_companies,
        jobs: generated_jobs,
    }
}

// ---------------------------------------------------------------------------
// The PRNG: xoshiro256** seeded through SplitMix64, both written out here so
// the output never depends on another crate's algorithm choices.

const STREAM_NAMES: u64 = 1;
const STREAM_COMPANY: u64 = 2;
const STREAM_JOB: u64 = 3;

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

struct Rng {
    s: [u64; 4],
}

impl Rng {
    fn new(seed: u64) -> Self {
        let mut state = seed;
        Rng {
            s: [
                splitmix64(&mut state),
                splitmix64(&mut state),
                splitmix64(&mut state),
                splitmix64(&mut state),
            ],
        }
    }

    /// One independent stream per company and per job, so a job's content
    /// does not depend on how many random numbers the jobs before it used.
    fn stream(seed: u64, kind: u64, index: u64) -> Self {
        let mut state = seed;
        let a = splitmix64(&mut state) ^ kind.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let mut state = a;
        let b = splitmix64(&mut state) ^ index.wrapping_mul(0x8CB9_2BA7_2F3D_8DD7);
        Rng::new(b)
    }

    fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A number in `0..n`; `n` must not be zero.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    fn range(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as usize) as i64
    }

    /// A float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut roll = self.below(total as usize) as u32;
        for (index, &weight) in weights.iter().enumerate() {
            if roll < weight {
                return index;
            }
            roll -= weight;
        }
        weights.len() - 1
    }

    /// `count` distinct indices below `n` (fewer when `n` is smaller), in
    /// random order. A fixed array instead of a `Vec` keeps this free of
    /// allocations, which matters for 100,000 jobs in a debug build.
    fn indices(&mut self, n: usize, count: usize) -> Picks {
        assert!(n <= Picks::CAPACITY, "pool of {n} is too large");
        let mut picks = Picks {
            indices: [0; Picks::CAPACITY],
            len: count.min(n),
        };
        for (i, slot) in picks.indices[..n].iter_mut().enumerate() {
            *slot = i as u8;
        }
        for i in 0..picks.len {
            let j = i + self.below(n - i);
            picks.indices.swap(i, j);
        }
        picks
    }

    /// `count` distinct items (fewer when there are fewer), in random order.
    fn sample<T: Copy>(&mut self, items: &[T], count: usize) -> Vec<T> {
        self.indices(items.len(), count)
            .iter()
            .map(|i| items[i])
            .collect()
    }
}

struct Picks {
    indices: [u8; Picks::CAPACITY],
    len: usize,
}

impl Picks {
    const CAPACITY: usize = 64;

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.indices[..self.len].iter().map(|&i| usize::from(i))
    }
}

/// Item `index` of `first` followed by `second`, without joining them.
fn either<T: Copy>(first: &[T], second: &[T], index: usize) -> T {
    first
        .get(index)
        .copied()
        .unwrap_or_else(|| second[index - first.len()])
}

// ---------------------------------------------------------------------------
// Places. `mid` is a yearly salary, in the local currency, for a mid-level
// engineer there; other roles and levels scale it.

struct City {
    name: &'static str,
    currency: &'static str,
    mid: f64,
    /// Markets where pay is usually quoted per month.
    monthly: bool,
}

const fn city(name: &'static str, currency: &'static str, mid: f64, monthly: bool) -> City {
    City {
        name,
        currency,
        mid,
        monthly,
    }
}

const CITIES: &[City] = &[
    city("Berlin, Germany", "EUR", 70_000.0, false),
    city("Munich, Germany", "EUR", 75_000.0, false),
    city("Hamburg, Germany", "EUR", 66_000.0, false),
    city("Amsterdam, Netherlands", "EUR", 68_000.0, false),
    city("Rotterdam, Netherlands", "EUR", 60_000.0, false),
    city("Paris, France", "EUR", 60_000.0, false),
    city("Lyon, France", "EUR", 50_000.0, false),
    city("Lisbon, Portugal", "EUR", 45_000.0, false),
    city("Porto, Portugal", "EUR", 40_000.0, false),
    city("Madrid, Spain", "EUR", 48_000.0, false),
    city("Barcelona, Spain", "EUR", 48_000.0, false),
    city("Dublin, Ireland", "EUR", 75_000.0, false),
    city("Milan, Italy", "EUR", 45_000.0, false),
    city("Vienna, Austria", "EUR", 62_000.0, false),
    city("Helsinki, Finland", "EUR", 60_000.0, false),
    city("Tallinn, Estonia", "EUR", 50_000.0, false),
    city("Brussels, Belgium", "EUR", 58_000.0, false),
    city("London, United Kingdom", "GBP", 75_000.0, false),
    city("Manchester, United Kingdom", "GBP", 55_000.0, false),
    city("Edinburgh, United Kingdom", "GBP", 55_000.0, false),
    city("Stockholm, Sweden", "SEK", 600_000.0, false),
    city("Gothenburg, Sweden", "SEK", 540_000.0, false),
    city("Copenhagen, Denmark", "DKK", 620_000.0, false),
    city("Oslo, Norway", "NOK", 700_000.0, false),
    city("Zurich, Switzerland", "CHF", 125_000.0, false),
    city("Warsaw, Poland", "PLN", 240_000.0, false),
    city("Krakow, Poland", "PLN", 210_000.0, false),
    city("Prague, Czechia", "CZK", 1_100_000.0, false),
    city("San Francisco, United States", "USD", 170_000.0, false),
    city("New York, United States", "USD", 160_000.0, false),
    city("Seattle, United States", "USD", 160_000.0, false),
    city("Austin, United States", "USD", 135_000.0, false),
    city("Boston, United States", "USD", 150_000.0, false),
    city("Chicago, United States", "USD", 130_000.0, false),
    city("Denver, United States", "USD", 135_000.0, false),
    city("Toronto, Canada", "CAD", 115_000.0, false),
    city("Vancouver, Canada", "CAD", 115_000.0, false),
    city("Montreal, Canada", "CAD", 100_000.0, false),
    city("Mexico City, Mexico", "MXN", 700_000.0, true),
    city("São Paulo, Brazil", "BRL", 180_000.0, true),
    city("Florianópolis, Brazil", "BRL", 150_000.0, true),
    city("Buenos Aires, Argentina", "USD", 50_000.0, true),
    city("Bogotá, Colombia", "COP", 130_000_000.0, true),
    city("Santiago, Chile", "CLP", 36_000_000.0, true),
    city("Bangalore, India", "INR", 2_200_000.0, true),
    city("Hyderabad, India", "INR", 1_900_000.0, true),
    city("Singapore, Singapore", "SGD", 110_000.0, false),
    city("Tokyo, Japan", "JPY", 8_500_000.0, false),
    city("Seoul, South Korea", "KRW", 70_000_000.0, false),
    city("Dubai, United Arab Emirates", "AED", 300_000.0, true),
    city("Tel Aviv, Israel", "ILS", 420_000.0, true),
    city("Lagos, Nigeria", "NGN", 18_000_000.0, true),
    city("Nairobi, Kenya", "KES", 3_600_000.0, true),
    city("Cape Town, South Africa", "ZAR", 750_000.0, true),
    city("Cairo, Egypt", "EGP", 700_000.0, true),
    city("Sydney, Australia", "AUD", 140_000.0, false),
    city("Melbourne, Australia", "AUD", 130_000.0, false),
    city("Auckland, New Zealand", "NZD", 120_000.0, false),
];

/// Remote regions, with the currency and level remote jobs there pay in.
const REGIONS: &[City] = &[
    city("EMEA", "EUR", 65_000.0, false),
    city("Europe", "EUR", 62_000.0, false),
    city("North America", "USD", 140_000.0, false),
    city("LATAM", "USD", 55_000.0, false),
    city("APAC", "USD", 80_000.0, false),
    city("Worldwide", "USD", 90_000.0, false),
];

fn short_city(name: &str) -> &str {
    name.split(", ").next().unwrap_or(name)
}

// ---------------------------------------------------------------------------
// Companies.

struct Sector {
    name: &'static str,
    suffixes: &'static [&'static str],
    /// What a company does, after its name: "{name} builds ...".
    does: &'static [&'static str],
}

const SECTORS: &[Sector] = &[
    Sector {
        name: "Fintech",
        suffixes: &["Pay", "Bank", "Finance", "Capital", "Money"],
        does: &[
            "lets small shops take card payments with nothing but a phone",
            "is a bank account for freelancers, with invoices and tax estimates built in",
            "helps families split bills and save for the things they share",
        ],
    },
    Sector {
        name: "Health",
        suffixes: &["Health", "Care", "Clinic", "Medical"],
        does: &[
            "makes booking a doctor as easy as sending a message",
            "gives nurses a calmer way to plan shifts and hand over patients",
            "runs video consultations for people who live far from a clinic",
        ],
    },
    Sector {
        name: "Music streaming",
        suffixes: &["Music", "Audio", "Sound", "Radio"],
        does: &[
            "streams music and podcasts to listeners in dozens of countries",
            "helps independent artists release songs and get paid fairly for every play",
            "builds radio stations that learn what each listener likes",
        ],
    },
    Sector {
        name: "Logistics",
        suffixes: &["Logistics", "Freight", "Shipping", "Cargo"],
        does: &[
            "plans delivery routes for thousands of vans every morning",
            "connects shippers with trucks that would otherwise drive back empty",
            "tracks containers from the port to the warehouse door",
        ],
    },
    Sector {
        name: "E-commerce",
        suffixes: &["Shop", "Market", "Commerce", "Store"],
        does: &[
            "gives independent brands an online shop they set up in an afternoon",
            "runs a marketplace for second-hand furniture and home goods",
            "helps online stores answer customer questions before they are asked",
        ],
    },
    Sector {
        name: "Gaming",
        suffixes: &["Games", "Studios", "Play", "Interactive"],
        does: &[
            "makes cosy puzzle games played by millions on their phones",
            "builds the servers behind fast online multiplayer games",
            "publishes small, strange and lovely games by new studios",
        ],
    },
    Sector {
        name: "Climate",
        suffixes: &["Energy", "Climate", "Carbon", "Grid"],
        does: &[
            "helps households run their heat pumps when power is cheapest and cleanest",
            "measures the carbon footprint of supply chains, product by product",
            "connects rooftop solar panels into one virtual power plant",
        ],
    },
    Sector {
        name: "Education",
        suffixes: &["Learning", "Academy", "Education", "School"],
        does: &[
            "teaches languages through short daily conversations",
            "gives teachers a simple way to plan lessons and track progress",
            "runs evening courses that help adults change careers",
        ],
    },
    Sector {
        name: "Security",
        suffixes: &["Security", "Shield", "Guard", "Defense"],
        does: &[
            "finds leaked passwords and keys before attackers do",
            "helps small companies pass security audits without a security team",
            "watches cloud accounts for unusual behaviour around the clock",
        ],
    },
    Sector {
        name: "Developer tools",
        suffixes: &["Labs", "Systems", "Cloud", "Dev"],
        does: &[
            "makes builds and test suites run in a fraction of the time",
            "hosts databases that scale down to nothing when nobody uses them",
            "turns production errors into readable stories for the engineers who fix them",
        ],
    },
    Sector {
        name: "Mobility",
        suffixes: &["Mobility", "Motors", "Rides", "Transit"],
        does: &[
            "runs shared electric bikes in cities across the region",
            "helps bus operators plan timetables around how people actually travel",
            "builds the charging network for electric delivery vans",
        ],
    },
    Sector {
        name: "Food delivery",
        suffixes: &["Foods", "Kitchen", "Eats", "Fresh"],
        does: &[
            "delivers groceries from local farms within a day of harvest",
            "helps restaurants cook for delivery without a second kitchen",
            "cuts food waste by selling surplus meals at the end of the day",
        ],
    },
    Sector {
        name: "Travel",
        suffixes: &["Travel", "Trips", "Journeys", "Stays"],
        does: &[
            "books train journeys across borders in a single ticket",
            "helps small hotels fill rooms without paying large commissions",
            "plans group trips so nobody has to manage the spreadsheet",
        ],
    },
    Sector {
        name: "Insurance",
        suffixes: &["Insurance", "Assurance", "Cover"],
        does: &[
            "insures bikes, phones and laptops with a claim process that takes minutes",
            "offers health cover for people who work for themselves",
            "prices home insurance from satellite images and weather data",
        ],
    },
    Sector {
        name: "Robotics",
        suffixes: &["Robotics", "Automation", "Machines"],
        does: &[
            "builds the robots that sort parcels in busy depots",
            "makes small robots that pick fruit without bruising it",
            "automates the dull parts of laboratory work",
        ],
    },
    Sector {
        name: "Artificial intelligence",
        suffixes: &["AI", "Intelligence", "Labs"],
        does: &[
            "turns stacks of scanned paperwork into searchable data",
            "helps support teams answer routine questions automatically",
            "builds speech recognition that works well in noisy places",
        ],
    },
    Sector {
        name: "Media",
        suffixes: &["Media", "News", "Studio"],
        does: &[
            "publishes local news supported by its readers",
            "makes documentary podcasts about science and everyday life",
            "helps video creators edit, caption and publish in one place",
        ],
    },
    Sector {
        name: "HR tech",
        suffixes: &["People", "Talent", "Teams", "Works"],
        does: &[
            "runs payroll for companies that hire across many countries",
            "helps teams hire fairly with structured interviews",
            "makes onboarding new colleagues a pleasant first week instead of a pile of forms",
        ],
    },
];

const NAME_FIRST: &[&str] = &[
    "Bright", "Silver", "Copper", "Quiet", "Swift", "Amber", "Cedar", "Maple", "Aurora", "Granite",
    "Coral", "Willow", "Polar", "Crimson", "Golden", "Hidden", "Open", "True", "Clear", "Bold",
    "Little", "Iron", "Velvet", "Lunar", "Solar", "Misty", "Rapid", "Wild", "Kind", "Noble",
    "Brave", "Blue", "Green", "Red", "North", "South", "East", "West", "Fern", "Juniper", "Birch",
    "Oak", "Pine", "Ember", "Indigo", "Saffron", "Tidal", "Vivid", "Nimble", "Steady", "Lucky",
    "Cobalt", "Scarlet", "Frost", "Sunny", "Hollow", "Jade", "Alder", "Marble", "Honey",
];

const NAME_SECOND: &[&str] = &[
    "Harbor", "Field", "Peak", "Stone", "River", "Loop", "Works", "Forge", "Bay", "Ridge", "Lake",
    "Grove", "Path", "Bridge", "Beacon", "Anchor", "Compass", "Lantern", "Meadow", "Orbit",
    "Pulse", "Signal", "Spark", "Tide", "Trail", "Valley", "Wave", "Wing", "Nest", "Hive",
    "Garden", "Mill", "Falls", "Point", "Gate", "Crest", "Haven", "Arc", "Atlas", "Canvas",
    "Circuit", "Current", "Delta", "Echo", "Fable", "Ledger", "Mosaic", "Nova", "Pixel", "Prism",
    "Quarry", "Relay", "Summit", "Thread", "Vector", "Yard", "Kite", "Otter", "Fox", "Heron",
    "Lynx", "Raven", "Wren", "Moss",
];

const FIRST_NAMES: &[&str] = &[
    "Amara", "Lukas", "Sofia", "Kenji", "Priya", "Mateo", "Ingrid", "Kwame", "Elena", "Tomás",
    "Aisha", "Jonas", "Mei", "Oliver", "Fatima", "Rafael", "Hanna", "Diego", "Yuki", "Chloé",
    "Nikhil", "Zanele", "Marek", "Leila", "Samuel", "Astrid", "Ravi", "Camila", "Emeka", "Julia",
    "Ahmed", "Noor", "Pedro", "Freya", "Arjun", "Lucía", "Tariq", "Ines", "Daniel", "Sipho",
    "Greta", "Hiroshi", "Marta", "Omar", "Nadia", "Felix", "Ana", "Kofi", "Laura", "Min-jun",
];

const LAST_NAMES: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Rossi",
    "Tanaka",
    "Sharma",
    "García",
    "Nilsen",
    "Mensah",
    "Petrova",
    "Silva",
    "Haddad",
    "Becker",
    "Chen",
    "Walsh",
    "Rahman",
    "Costa",
    "Virtanen",
    "Morales",
    "Sato",
    "Dubois",
    "Iyer",
    "Dlamini",
    "Nowak",
    "Karimi",
    "Adeyemi",
    "Johansson",
    "Patel",
    "Fernández",
    "Nwosu",
    "Schmidt",
    "Hassan",
    "Kaur",
    "Oliveira",
    "Andersen",
    "Menon",
    "López",
    "Ali",
    "Martins",
    "Cohen",
    "Ndlovu",
    "Weber",
    "Kobayashi",
    "Novak",
    "Farouk",
    "Ivanova",
    "Keller",
    "Santos",
    "Owusu",
    "Moreau",
    "Park",
];

const TEAM_SIZES: &[&str] = &[
    "1-10",
    "11-50",
    "51-200",
    "201-500",
    "501-1000",
    "1001-5000",
    "5001-10000",
    "10000+",
];
const TEAM_SIZE_WEIGHTS: &[u32] = &[8, 22, 26, 16, 10, 10, 4, 4];

const FUNDING_STAGES: &[&str] = &[
    "Seed",
    "Series A",
    "Series B",
    "Series C",
    "Private equity",
    "Public",
    "Bootstrapped",
];

const BADGES: &[&str] = &[
    "Remote-friendly",
    "Four-day week",
    "Visa sponsorship",
    "B Corp",
    "Fast-growing",
    "Generous parental leave",
    "Flexible hours",
    "Learning budget",
    "Carbon neutral",
    "Profitable",
    "Women-led",
    "Open source friendly",
    "Highly rated",
    "Equity for everyone",
];

const CULTURE_VALUES: &[&str] = &[
    "Ship small, ship often",
    "Ownership",
    "Kindness",
    "Transparency",
    "Write it down",
    "Customer obsession",
    "Sustainable pace",
    "Curiosity",
    "Own your mistakes",
    "Default to open",
    "Diverse teams",
    "Low ego",
    "Bias for action",
    "Craft",
    "Learn every day",
    "Trust over control",
    "Work-life balance",
    "Leave it better than you found it",
    "Disagree, then commit",
    "Make it simple",
];

const BENEFITS: &[(&str, &[&str])] = &[
    (
        "health",
        &[
            "Private health insurance",
            "Dental and vision cover",
            "Mental health support with a partner of your choice",
            "Yearly health check",
            "Health insurance for your family too",
        ],
    ),
    (
        "leave",
        &[
            "26 weeks of paid parental leave",
            "Paid sick leave from day one",
            "Paid leave when you care for a family member",
            "A paid sabbatical after five years",
            "Bereavement leave without questions",
        ],
    ),
    (
        "money",
        &[
            "Employee stock options",
            "Yearly bonus",
            "Pension contributions matched up to 5%",
            "Home office budget",
            "Commuter allowance",
        ],
    ),
    (
        "time_off",
        &[
            "30 days of paid holiday",
            "Unlimited paid time off with a 25-day minimum",
            "The whole company off between Christmas and New Year",
            "Your birthday off",
            "Two volunteering days a year",
        ],
    ),
    (
        "learning",
        &[
            "Yearly learning budget",
            "Conference tickets and travel",
            "Half a day a week for learning",
            "Language classes",
            "A mentor from another team",
        ],
    ),
    (
        "wellbeing",
        &[
            "Gym membership",
            "Weekly yoga classes",
            "Free lunch in the office",
            "Bike leasing",
            "Sessions with a coach",
        ],
    ),
    (
        "remote",
        &[
            "Work from anywhere for four weeks a year",
            "A budget to set up your home office",
            "Coworking space allowance",
            "A yearly team offsite",
            "Flexible working hours",
        ],
    ),
];

fn company(
    rng: &mut Rng,
    names: &mut Rng,
    taken: &mut HashSet<String>,
    today: i64,
) -> (NewCompany, usize) {
    let sector = rng.pick(SECTORS);
    let (name, slug) = unique_name(names, sector, taken);
    let hq = rng.below(CITIES.len());
    let headquarters = CITIES[hq].name;
    let founded_year = if rng.chance(0.75) {
        rng.range(2000, 2024)
    } else {
        rng.range(1950, 1999)
    } as i32;
    let team_size = TEAM_SIZES[rng.weighted(TEAM_SIZE_WEIGHTS)];
    let big = matches!(team_size, "5001-10000" | "10000+");
    // Old or large companies are rarely still on venture rounds.
    let funding_stage = if big || founded_year < 1995 {
        *rng.pick(&["Public", "Private equity", "Bootstrapped", "Public"])
    } else {
        FUNDING_STAGES[rng.weighted(&[14, 18, 14, 8, 6, 5, 10])]
    };
    let about = format!(
        "{name} {}. {}",
        rng.pick(sector.does),
        match rng.below(3) {
            0 => format!(
                "Founded in {founded_year} in {}, it now has {}.",
                short_city(headquarters),
                team_words(team_size)
            ),
            1 => format!(
                "The company is {} and has its headquarters in {headquarters}.",
                funding_words(funding_stage)
            ),
            _ => format!(
                "It has {} working from {} and beyond.",
                team_words(team_size),
                short_city(headquarters)
            ),
        }
    );
    let badge_count = rng_count(rng, 2, 4);
    let badges = rng
        .sample(BADGES, badge_count)
        .into_iter()
        .map(String::from)
        .collect();
    let value_count = rng_count(rng, 3, 8);
    let culture_values = rng
        .sample(CULTURE_VALUES, value_count)
        .into_iter()
        .map(String::from)
        .collect();
    let group_count = rng_count(rng, 2, 5);
    let mut kinds: Vec<usize> = rng.sample(&[0, 1, 2, 3, 4, 5, 6], group_count);
    // A stable order of kinds reads better than a random one.
    kinds.sort_unstable();
    let benefits = kinds
        .into_iter()
        .map(|kind| {
            let (kind, items) = BENEFITS[kind];
            let count = rng_count(rng, 1, 4);
            BenefitGroup {
                kind: kind.to_owned(),
                items: rng
                    .sample(items, count)
                    .into_iter()
                    .map(String::from)
                    .collect(),
            }
        })
        .collect();
    let ceo_name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
    // No demo logo files exist; the page draws initials instead.
    let logo_url = None;
    let reviews = reviews(rng, today);
    let company = NewCompany {
        website: Some(format!("https://{slug}.example")),
        slug,
        name,
        logo_url,
        about,
        founded_year: Some(founded_year),
        headquarters: Some(headquarters.to_owned()),
        sector: Some(sector.name.to_owned()),
        team_size: Some(team_size.to_owned()),
        funding_stage: Some(funding_stage.to_owned()),
        badges,
        culture_values,
        benefits,
        ceo_name: Some(ceo_name),
        ceo_photo_url: None,
        reviews,
    };
    (company, hq)
}

fn rng_count(rng: &mut Rng, low: usize, high: usize) -> usize {
    rng.range(low as i64, high as i64) as usize
}

/// A name whose slug no earlier company has. Names come from their own stream
/// because how many tries a name takes depends on the companies before it.
fn unique_name(rng: &mut Rng, sector: &Sector, taken: &mut HashSet<String>) -> (String, String) {
    let mut name = String::new();
    for _ in 0..30 {
        let first = rng.pick(NAME_FIRST);
        let second = rng.pick(NAME_SECOND);
        let suffix = rng.pick(sector.suffixes);
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

fn team_words(band: &str) -> &'static str {
    match band {
        "1-10" => "a team of fewer than ten people",
        "11-50" => "a team of a few dozen people",
        "51-200" => "more than fifty people",
        "201-500" => "several hundred people",
        "501-1000" => "more than five hundred people",
        "1001-5000" => "thousands of people",
        "5001-10000" => "more than five thousand people",
        _ => "more than ten thousand people",
    }
}

fn funding_words(stage: &str) -> &'static str {
    match stage {
        "Seed" => "seed-funded",
        "Series A" => "backed by a Series A round",
        "Series B" => "backed by a Series B round",
        "Series C" => "backed by a Series C round",
        "Private equity" => "owned by a private equity fund",
        "Public" => "listed on the stock exchange",
        _ => "self-funded",
    }
}

fn reviews(rng: &mut Rng, today: i64) -> Vec<NewReview> {
    // Few, some and many reviews, so that some companies have enough
    // diversity ratings to show and some do not.
    let count = match rng.weighted(&[12, 30, 38, 20]) {
        0 => rng_count(rng, 0, 2),
        1 => rng_count(rng, 3, 15),
        2 => rng_count(rng, 16, 40),
        _ => rng_count(rng, 41, 60),
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

// ---------------------------------------------------------------------------
// Jobs.

struct Family {
    department: &'static str,
    weight: u32,
    /// Whether Staff and Principal titles exist for it.
    technical: bool,
    /// Pay relative to a mid-level engineer.
    pay: f64,
    roles: &'static [&'static str],
    intern: &'static str,
    heads: &'static [&'static str],
    executives: &'static [&'static str],
    teams: &'static [&'static str],
    skills: &'static [&'static str],
    /// What the role is for, after "to": "build the services ...".
    mission: &'static str,
    tasks: &'static [&'static str],
    traits: &'static [&'static str],
    questions: &'static [(&'static str, &'static str)],
}

const FAMILIES: &[Family] = &[
    Family {
        department: "Engineering",
        weight: 14,
        technical: true,
        pay: 1.0,
        roles: &[
            "Backend Engineer",
            "Backend Developer",
            "Software Engineer",
            "Platform Engineer",
            "API Engineer",
            "Distributed Systems Engineer",
            "Java Engineer",
            "Go Developer",
            "Python Developer",
        ],
        intern: "Backend Engineering Intern",
        heads: &["Director of Engineering", "Head of Backend Engineering"],
        executives: &["VP of Engineering", "Chief Technology Officer"],
        teams: &[
            "Payments",
            "Search",
            "Growth",
            "Platform",
            "Billing",
            "Identity",
            "Messaging",
            "Personalization",
            "Checkout",
            "Core API",
            "Integrations",
        ],
        skills: &[
            "Rust",
            "Go",
            "Java",
            "Python",
            "Kotlin",
            "PostgreSQL",
            "Kafka",
            "Kubernetes",
            "gRPC",
            "AWS",
            "Redis",
            "Docker",
            "Scala",
            "Node.js",
            "GraphQL",
            "MySQL",
        ],
        mission: "build and run the services behind its product",
        tasks: &[
            "Design, build and run the services that the {team} team owns",
            "Keep our APIs fast and predictable as traffic grows",
            "Write code that is easy to review, test and delete",
            "Take part in a calm on-call rotation and help us make it calmer",
            "Break large migrations into small, safe steps",
            "Work with product and design to find the simplest thing that solves the problem",
        ],
        traits: &[
            "You have built and operated backend services that real people depend on",
            "You care about data models and think about them before the code",
            "You know when a queue helps and when it only hides a problem",
            "You enjoy making systems observable, not just working",
        ],
        questions: &[
            (
                "How would you design a rate limiter for our public API?",
                "Start simple and say where it breaks. We care more about trade-offs than about the perfect algorithm.",
            ),
            (
                "Walk us through an outage you helped resolve.",
                "Tell us what you saw, what you tried and what changed afterwards.",
            ),
            (
                "How do you roll out a database schema change without downtime?",
                "We expect a few steps, not one big switch. Mention how you would roll back.",
            ),
        ],
    },
    Family {
        department: "Engineering",
        weight: 10,
        technical: true,
        pay: 0.97,
        roles: &[
            "Frontend Engineer",
            "Frontend Developer",
            "Web Engineer",
            "UI Engineer",
            "React Developer",
            "TypeScript Engineer",
        ],
        intern: "Frontend Engineering Intern",
        heads: &[
            "Head of Frontend Engineering",
            "Director of Web Engineering",
        ],
        executives: &["VP of Engineering"],
        teams: &[
            "Checkout",
            "Design System",
            "Onboarding",
            "Growth",
            "Web Platform",
            "Dashboards",
            "Editor",
            "Accessibility",
        ],
        skills: &[
            "TypeScript",
            "JavaScript",
            "React",
            "Vue.js",
            "Angular",
            "Svelte",
            "CSS",
            "HTML",
            "Next.js",
            "GraphQL",
            "Vite",
            "Accessibility",
            "Storybook",
            "Playwright",
        ],
        mission: "build interfaces people enjoy using",
        tasks: &[
            "Build the screens our customers use every day, from sketch to release",
            "Grow our component library together with the design team",
            "Make pages load fast on slow phones and patchy networks",
            "Make sure everything you ship works with a keyboard and a screen reader",
            "Improve our build and test tooling so the whole team moves faster",
            "Pair with backend engineers on the APIs the {team} team needs",
        ],
        traits: &[
            "You have shipped web applications used by many people",
            "You know modern CSS well and reach for JavaScript only when you need it",
            "You notice when a button is two pixels off and you care",
            "You treat accessibility as part of the job, not an extra",
        ],
        questions: &[
            (
                "How would you find out why a page feels slow?",
                "Tell us which tools you would open first and what you would measure.",
            ),
            (
                "How do you decide when a component belongs in the design system?",
                "We are interested in how you balance reuse against flexibility.",
            ),
            (
                "Build a small searchable list together with us.",
                "This is a pairing exercise. Talk through your choices; finishing is not required.",
            ),
        ],
    },
    Family {
        department: "Engineering",
        weight: 9,
        technical: true,
        pay: 1.0,
        roles: &[
            "Full-Stack Engineer",
            "Full-Stack Developer",
            "Product Engineer",
            "Web Application Developer",
            "Software Developer",
        ],
        intern: "Software Engineering Intern",
        heads: &["Engineering Director", "Head of Product Engineering"],
        executives: &["VP of Engineering", "Chief Technology Officer"],
        teams: &[
            "Growth",
            "Onboarding",
            "Internal Tools",
            "Marketplace",
            "Admin",
            "Customer Portal",
            "Reporting",
        ],
        skills: &[
            "TypeScript",
            "React",
            "Node.js",
            "Python",
            "Django",
            "Ruby on Rails",
            "PostgreSQL",
            "GraphQL",
            "AWS",
            "Docker",
            "Next.js",
            "Go",
            "Elixir",
            "Redis",
        ],
        mission: "build features end to end, from database to button",
        tasks: &[
            "Own features from the first sketch to the database migration",
            "Talk to customers with the {team} team to understand what they need",
            "Ship small improvements several times a day",
            "Keep the codebase tidy enough that newcomers find their way",
            "Help decide what not to build",
        ],
        traits: &[
            "You are comfortable on both sides of an API",
            "You prefer shipping something small to planning something big",
            "You have worked in a product team before and enjoyed it",
        ],
        questions: &[
            (
                "Take us through a feature you built from start to finish.",
                "We want to hear about the decisions, including the ones you would make differently.",
            ),
            (
                "Where would you put this piece of logic: browser, server or database?",
                "There is more than one good answer. Explain what each choice costs.",
            ),
            (
                "How do you test a feature that spans the whole stack?",
                "Tell us which tests you write first and which you skip.",
            ),
        ],
    },
    Family {
        department: "Mobile",
        weight: 6,
        technical: true,
        pay: 1.0,
        roles: &[
            "iOS Engineer",
            "Android Engineer",
            "Mobile Engineer",
            "React Native Developer",
            "Flutter Developer",
            "Mobile Developer",
        ],
        intern: "Mobile Engineering Intern",
        heads: &["Head of Mobile", "Director of Mobile Engineering"],
        executives: &["VP of Engineering"],
        teams: &[
            "Consumer App",
            "Driver App",
            "Onboarding",
            "Payments",
            "Offline",
            "Notifications",
        ],
        skills: &[
            "Swift",
            "SwiftUI",
            "Kotlin",
            "Jetpack Compose",
            "React Native",
            "Flutter",
            "Dart",
            "Objective-C",
            "Firebase",
            "GraphQL",
            "Xcode",
            "Gradle",
        ],
        mission: "build apps people keep on their home screen",
        tasks: &[
            "Build and ship features in our apps every two weeks",
            "Keep the app fast to start and light on the battery",
            "Make the app work well when the network does not",
            "Improve our release pipeline and crash reporting",
            "Work closely with designers on motion and details",
        ],
        traits: &[
            "You have shipped at least one app to the App Store or Google Play",
            "You know the platform guidelines and when to follow them",
            "You test on real devices, including old ones",
        ],
        questions: &[
            (
                "How would you make our app work offline?",
                "Think about what needs to sync and what happens when two changes clash.",
            ),
            (
                "How do you track down a crash you cannot reproduce?",
                "Tell us what data you would want and how you would get it.",
            ),
            (
                "What makes a mobile release go wrong?",
                "Give us one story from your own work if you have one.",
            ),
        ],
    },
    Family {
        department: "Data",
        weight: 6,
        technical: true,
        pay: 1.0,
        roles: &[
            "Data Engineer",
            "Analytics Engineer",
            "Data Platform Engineer",
            "Big Data Engineer",
            "ETL Developer",
        ],
        intern: "Data Engineering Intern",
        heads: &["Head of Data Engineering", "Director of Data"],
        executives: &["VP of Data", "Chief Data Officer"],
        teams: &[
            "Listening Insights",
            "Data Platform",
            "Finance Data",
            "Experimentation",
            "Customer Data",
            "Reporting",
        ],
        skills: &[
            "Python",
            "SQL",
            "Apache Spark",
            "Airflow",
            "dbt",
            "Kafka",
            "Snowflake",
            "BigQuery",
            "Scala",
            "Databricks",
            "Flink",
            "AWS",
            "Terraform",
        ],
        mission: "make good data easy to find and trust",
        tasks: &[
            "Build the pipelines that bring data from our products into the warehouse",
            "Model data so that analysts can answer questions without asking you",
            "Add tests and alerts so broken data is caught before anyone reads it",
            "Keep the cost of our data platform under control",
            "Help the {team} team turn questions into dashboards",
        ],
        traits: &[
            "You write SQL that other people can read",
            "You have run batch or streaming pipelines in production",
            "You care where data comes from and who is allowed to see it",
        ],
        questions: &[
            (
                "How would you model subscriptions that change plan mid-month?",
                "We look for a clear model and honest notes about the edge cases.",
            ),
            (
                "A dashboard shows a sudden drop. Where do you start?",
                "Tell us how you separate a real change from a broken pipeline.",
            ),
            (
                "When would you choose streaming over batch?",
                "Explain what you gain and what you pay for it.",
            ),
        ],
    },
    Family {
        department: "Data Science",
        weight: 7,
        technical: true,
        pay: 1.05,
        roles: &[
            "Data Scientist",
            "Machine Learning Engineer",
            "ML Research Engineer",
            "Applied Scientist",
            "Data Analyst",
            "AI Engineer",
            "MLOps Engineer",
        ],
        intern: "Data Science Intern",
        heads: &["Head of Machine Learning", "Director of Data Science"],
        executives: &["VP of AI", "Chief Scientist"],
        teams: &[
            "Recommendations",
            "Vision",
            "Forecasting",
            "Fraud",
            "Pricing",
            "Search Ranking",
            "Language",
        ],
        skills: &[
            "Python",
            "PyTorch",
            "TensorFlow",
            "scikit-learn",
            "SQL",
            "Pandas",
            "Statistics",
            "Spark",
            "MLflow",
            "LLMs",
            "R",
            "Computer vision",
            "NLP",
        ],
        mission: "turn data into models and decisions that matter",
        tasks: &[
            "Train, evaluate and ship models for the {team} team",
            "Design experiments and explain their results in plain words",
            "Bring models from notebooks to production together with engineers",
            "Watch models in production and retrain them when the world changes",
            "Decide with product managers when a simple rule beats a model",
        ],
        traits: &[
            "You have a solid grounding in statistics",
            "You have put at least one model in front of real users",
            "You explain uncertainty without hiding behind it",
        ],
        questions: &[
            (
                "How would you know whether a new recommendation model is better?",
                "Talk about offline metrics, online tests and what could fool either.",
            ),
            (
                "Tell us about a model that did not work.",
                "We value honesty here. What did you learn, and what did you do next?",
            ),
            (
                "How do you explain a confidence interval to a product manager?",
                "Keep it short. We want to see how you translate, not how you derive.",
            ),
        ],
    },
    Family {
        department: "Infrastructure",
        weight: 6,
        technical: true,
        pay: 1.02,
        roles: &[
            "Site Reliability Engineer",
            "DevOps Engineer",
            "Infrastructure Engineer",
            "Cloud Engineer",
            "Build and Release Engineer",
        ],
        intern: "Infrastructure Intern",
        heads: &["Head of Infrastructure", "Director of Platform Engineering"],
        executives: &["VP of Infrastructure"],
        teams: &[
            "Platform",
            "Observability",
            "Developer Experience",
            "Cloud",
            "Networking",
            "Databases",
        ],
        skills: &[
            "Kubernetes",
            "Terraform",
            "AWS",
            "Google Cloud",
            "Azure",
            "Prometheus",
            "Grafana",
            "Linux",
            "Ansible",
            "Docker",
            "Go",
            "Python",
            "Helm",
            "OpenTelemetry",
        ],
        mission: "keep the platform reliable and pleasant to build on",
        tasks: &[
            "Run the Kubernetes clusters and cloud accounts everything else lives on",
            "Define service levels with product teams and help them meet them",
            "Automate the boring parts of operations until they disappear",
            "Lead incident reviews that focus on learning, not blame",
            "Make deploying a change boring, fast and reversible",
        ],
        traits: &[
            "You have run production systems and been paged for them",
            "You treat infrastructure as code and review it like code",
            "You stay calm when things break",
        ],
        questions: &[
            (
                "A service's latency doubled an hour ago. Walk us through your first ten minutes.",
                "We want to hear what you check and in which order.",
            ),
            (
                "How would you set service level objectives for a new product?",
                "Tell us who you would talk to and what you would measure.",
            ),
            (
                "What would you automate first in a team that deploys by hand?",
                "There is no single answer. Explain what you would look at before deciding.",
            ),
        ],
    },
    Family {
        department: "Security",
        weight: 4,
        technical: true,
        pay: 1.05,
        roles: &[
            "Security Engineer",
            "Application Security Engineer",
            "Cloud Security Engineer",
            "Security Analyst",
            "Penetration Tester",
            "Detection Engineer",
        ],
        intern: "Security Intern",
        heads: &["Head of Security", "Director of Information Security"],
        executives: &["Chief Information Security Officer"],
        teams: &[
            "Product Security",
            "Detection and Response",
            "Identity",
            "Compliance",
            "Infrastructure Security",
        ],
        skills: &[
            "Threat modelling",
            "AWS",
            "Kubernetes",
            "Python",
            "Go",
            "SIEM",
            "Penetration testing",
            "OWASP",
            "Cryptography",
            "Incident response",
            "ISO 27001",
            "SOC 2",
        ],
        mission: "keep customers' data safe without slowing the team down",
        tasks: &[
            "Review designs and code with engineers before they ship",
            "Build tooling that finds vulnerabilities early and automatically",
            "Respond to security incidents and lead the follow-up",
            "Run threat modelling sessions with product teams",
            "Help us through audits without turning them into a burden",
        ],
        traits: &[
            "You have found and fixed real vulnerabilities",
            "You explain risk in terms the business understands",
            "You would rather make the secure way the easy way than write a policy",
        ],
        questions: &[
            (
                "How would you threat-model a password reset flow?",
                "Name the attackers you worry about and what you would do about each.",
            ),
            (
                "An engineer pushed a secret to a public repository. What now?",
                "Walk us through the next hour, including who you talk to.",
            ),
            (
                "How do you decide which vulnerabilities to fix first?",
                "We want to see how you weigh impact against effort.",
            ),
        ],
    },
    Family {
        department: "Product",
        weight: 6,
        technical: true,
        pay: 1.0,
        roles: &[
            "Product Manager",
            "Technical Product Manager",
            "Product Owner",
            "Product Analyst",
            "Group Product Manager",
        ],
        intern: "Product Management Intern",
        heads: &["Head of Product", "Director of Product"],
        executives: &["VP of Product", "Chief Product Officer"],
        teams: &[
            "Growth",
            "Payments",
            "Onboarding",
            "Marketplace",
            "Search",
            "Retention",
            "Platform",
        ],
        skills: &[
            "Roadmapping",
            "User research",
            "SQL",
            "Amplitude",
            "A/B testing",
            "Jira",
            "Figma",
            "Stakeholder management",
            "Analytics",
            "Discovery",
            "OKRs",
        ],
        mission: "decide what to build next and why",
        tasks: &[
            "Own the roadmap of the {team} team and say no to most ideas",
            "Talk to customers every week and bring what you learn back to the team",
            "Define success before we build, and check it after we ship",
            "Write short, clear documents that help engineers and designers decide",
            "Work with sales and support to understand where customers struggle",
        ],
        traits: &[
            "You have shipped products that customers pay for",
            "You are comfortable with numbers and with uncertainty",
            "You write well and listen even better",
        ],
        questions: &[
            (
                "Pick a product you use every day. What would you change first?",
                "We want to hear how you reason about users, not a feature list.",
            ),
            (
                "How do you say no to a request from an important customer?",
                "Tell us about a time you did it and what happened next.",
            ),
            (
                "How would you measure whether onboarding got better?",
                "Name one metric you trust and one you would be careful with.",
            ),
        ],
    },
    Family {
        department: "Design",
        weight: 5,
        technical: true,
        pay: 0.9,
        roles: &[
            "Product Designer",
            "UX Designer",
            "UI Designer",
            "UX Researcher",
            "Content Designer",
            "Brand Designer",
            "Motion Designer",
        ],
        intern: "Design Intern",
        heads: &["Head of Design", "Design Director"],
        executives: &["VP of Design", "Chief Design Officer"],
        teams: &[
            "Design System",
            "Mobile",
            "Brand",
            "Onboarding",
            "Research",
            "Checkout",
        ],
        skills: &[
            "Figma",
            "Prototyping",
            "User research",
            "Design systems",
            "Accessibility",
            "Interaction design",
            "Visual design",
            "Usability testing",
            "Illustration",
            "Framer",
        ],
        mission: "make the product clear, useful and a little delightful",
        tasks: &[
            "Design flows from rough sketches to polished screens",
            "Test ideas with customers early, before they are expensive to change",
            "Contribute to the design system the {team} team relies on",
            "Work side by side with engineers while they build",
            "Share work often and invite critique",
        ],
        traits: &[
            "You have a portfolio that shows how you think, not just the final pixels",
            "You can defend a decision and change your mind when the evidence says so",
            "You care about words as much as layouts",
        ],
        questions: &[
            (
                "Walk us through a project in your portfolio.",
                "Spend most of the time on the messy middle, not the final screens.",
            ),
            (
                "How do you design for someone who uses a screen reader?",
                "We look for practical habits, not a list of guidelines.",
            ),
            (
                "What do you do when research and a stakeholder disagree?",
                "Tell us about a real case if you have one.",
            ),
        ],
    },
    Family {
        department: "Quality Assurance",
        weight: 3,
        technical: true,
        pay: 0.82,
        roles: &[
            "QA Engineer",
            "Test Automation Engineer",
            "Quality Assurance Analyst",
            "Software Engineer in Test",
            "QA Tester",
        ],
        intern: "QA Intern",
        heads: &["Head of Quality", "QA Manager"],
        executives: &["VP of Quality Engineering"],
        teams: &["Mobile", "Web", "Payments", "Release", "Platform"],
        skills: &[
            "Playwright",
            "Cypress",
            "Selenium",
            "Test automation",
            "Java",
            "Python",
            "TypeScript",
            "API testing",
            "Postman",
            "JMeter",
            "CI/CD",
            "Appium",
        ],
        mission: "help the team ship with confidence",
        tasks: &[
            "Build and maintain automated tests that the whole team trusts",
            "Explore new features and find the bugs nobody thought of",
            "Help engineers write better tests, not only more of them",
            "Keep the test suite fast and free of flaky tests",
            "Take part in release planning for the {team} team",
        ],
        traits: &[
            "You have automated tests for web or mobile applications",
            "You enjoy breaking things on purpose",
            "You write bug reports that are a pleasure to read",
        ],
        questions: &[
            (
                "How would you test a login form?",
                "Go beyond the happy path. We want to see how wide you think.",
            ),
            (
                "A test fails one time in twenty. What do you do?",
                "Explain how you would find the cause rather than just retrying.",
            ),
            (
                "Which tests would you not automate?",
                "Tell us where manual exploration earns its keep.",
            ),
        ],
    },
    Family {
        department: "Customer Support",
        weight: 5,
        technical: false,
        pay: 0.55,
        roles: &[
            "Customer Support Specialist",
            "Support Engineer",
            "Technical Support Agent",
            "Customer Success Manager",
            "Support Agent",
            "Community Manager",
        ],
        intern: "Customer Support Intern",
        heads: &["Head of Customer Support", "Director of Customer Success"],
        executives: &["VP of Customer Experience", "Chief Customer Officer"],
        teams: &[
            "Tier 2",
            "Enterprise",
            "Onboarding",
            "Nordics",
            "DACH",
            "Iberia",
        ],
        skills: &[
            "Zendesk",
            "Intercom",
            "Salesforce",
            "SQL",
            "Troubleshooting",
            "Written communication",
            "Jira",
            "English",
            "German",
            "Spanish",
            "French",
            "Documentation",
        ],
        mission: "make every customer conversation a good one",
        tasks: &[
            "Answer customer questions by chat, email and now and then by phone",
            "Solve problems end to end, or hand them over with everything the next person needs",
            "Write and update help articles based on what customers ask",
            "Spot patterns in tickets and share them with the product team",
            "Help new colleagues on the {team} team find their feet",
        ],
        traits: &[
            "You stay friendly and clear when a customer is upset",
            "You write short, warm and precise answers",
            "You like figuring out how things work",
        ],
        questions: &[
            (
                "A customer is angry about a bug we cannot fix this week. What do you write?",
                "We will give you a real example and ask you to draft a reply.",
            ),
            (
                "How do you handle a question you do not know the answer to?",
                "Tell us where you would look and who you would ask.",
            ),
            (
                "What makes a help article good?",
                "Bring an example of one you liked, from any company.",
            ),
        ],
    },
    Family {
        department: "Sales",
        weight: 6,
        technical: false,
        pay: 0.85,
        roles: &[
            "Account Executive",
            "Sales Development Representative",
            "Account Manager",
            "Solutions Engineer",
            "Sales Engineer",
            "Partnerships Manager",
            "Business Development Manager",
        ],
        intern: "Sales Intern",
        heads: &["Head of Sales", "Sales Director"],
        executives: &["VP of Sales", "Chief Revenue Officer"],
        teams: &[
            "Enterprise",
            "Mid-Market",
            "DACH",
            "Nordics",
            "UK and Ireland",
            "North America",
        ],
        skills: &[
            "Salesforce",
            "HubSpot",
            "SaaS sales",
            "Negotiation",
            "Prospecting",
            "Pipeline management",
            "Enterprise sales",
            "Solution selling",
            "Forecasting",
            "Outbound",
        ],
        mission: "bring the product to the customers who need it",
        tasks: &[
            "Run the full sales cycle, from first call to signed contract",
            "Build a pipeline with the {team} team and keep it honest",
            "Understand each customer's problem before talking about the product",
            "Work with product and support so that what we sell is what we deliver",
            "Share what you hear in the market with the rest of the company",
        ],
        traits: &[
            "You have sold software and hit your targets",
            "You ask good questions and listen to the answers",
            "You stay organised when you juggle many deals",
        ],
        questions: &[
            (
                "Sell us something you use every day.",
                "Five minutes, no slides. We care about questions more than the pitch.",
            ),
            (
                "Tell us about a deal you lost.",
                "What happened, what did you learn and what would you do now?",
            ),
            (
                "How do you plan your week to hit a quarterly target?",
                "Walk us through how you split time between prospecting and closing.",
            ),
        ],
    },
    Family {
        department: "Marketing",
        weight: 5,
        technical: false,
        pay: 0.8,
        roles: &[
            "Product Marketing Manager",
            "Content Marketer",
            "Growth Marketer",
            "SEO Specialist",
            "Marketing Manager",
            "Performance Marketing Manager",
            "Copywriter",
            "Social Media Manager",
        ],
        intern: "Marketing Intern",
        heads: &["Head of Marketing", "Director of Brand"],
        executives: &["VP of Marketing", "Chief Marketing Officer"],
        teams: &[
            "Brand",
            "Growth",
            "Lifecycle",
            "Content",
            "Events",
            "Partnerships",
        ],
        skills: &[
            "SEO",
            "Google Analytics",
            "HubSpot",
            "Content strategy",
            "Copywriting",
            "Paid social",
            "Google Ads",
            "Email marketing",
            "Marketing automation",
            "Webflow",
            "Positioning",
            "A/B testing",
        ],
        mission: "tell the story of the product to the people who need it",
        tasks: &[
            "Plan and run campaigns across email, social and search",
            "Write launch messages together with product managers",
            "Measure what works and stop what does not",
            "Grow our audience with the {team} team, one useful article at a time",
            "Keep our voice consistent and human everywhere we speak",
        ],
        traits: &[
            "You write clearly and edit ruthlessly",
            "You have run campaigns and can show their results",
            "You are curious about numbers and about people",
        ],
        questions: &[
            (
                "Which campaign are you proudest of, and what did it achieve?",
                "Bring numbers if you have them and tell us what you would change.",
            ),
            (
                "Rewrite our homepage headline.",
                "We are interested in your reasoning, not only in the words.",
            ),
            (
                "How would you split a small budget between channels?",
                "Explain what you would test first and how you would decide.",
            ),
        ],
    },
    Family {
        department: "Finance",
        weight: 3,
        technical: false,
        pay: 0.85,
        roles: &[
            "Financial Analyst",
            "Accountant",
            "Financial Controller",
            "Payroll Specialist",
            "Tax Manager",
            "Treasury Analyst",
            "Revenue Accountant",
        ],
        intern: "Finance Intern",
        heads: &["Head of Finance", "Finance Director"],
        executives: &["Chief Financial Officer"],
        teams: &["Planning", "Accounting", "Tax", "Treasury", "Procurement"],
        skills: &[
            "Excel",
            "Financial modelling",
            "IFRS",
            "US GAAP",
            "SQL",
            "NetSuite",
            "SAP",
            "Budgeting",
            "Forecasting",
            "Tax",
            "Audit",
            "Power BI",
        ],
        mission: "keep the numbers right and help everyone understand them",
        tasks: &[
            "Close the books every month, accurately and on time",
            "Build models that help leaders make decisions",
            "Improve our processes so that the {team} team spends less time on spreadsheets",
            "Work with auditors and tax advisers",
            "Explain the numbers to people who do not work in finance",
        ],
        traits: &[
            "You have a degree or qualification in accounting or finance",
            "You are precise and you double-check without being asked",
            "You like automating the work you did by hand last month",
        ],
        questions: &[
            (
                "Walk us through a financial model you built.",
                "Tell us which assumptions mattered most and how you tested them.",
            ),
            (
                "How would you speed up our month-end close?",
                "We are curious which steps you would question first.",
            ),
            (
                "Explain deferred revenue to an engineer.",
                "Keep it to two minutes. Plain words win.",
            ),
        ],
    },
    Family {
        department: "People",
        weight: 3,
        technical: false,
        pay: 0.75,
        roles: &[
            "Recruiter",
            "Technical Recruiter",
            "People Partner",
            "HR Generalist",
            "Talent Acquisition Partner",
            "People Operations Specialist",
            "Learning and Development Manager",
        ],
        intern: "People Operations Intern",
        heads: &["Head of People", "Director of Talent"],
        executives: &["Chief People Officer", "VP of People"],
        teams: &[
            "Engineering Hiring",
            "Operations",
            "Talent",
            "Learning",
            "Total Rewards",
        ],
        skills: &[
            "Recruiting",
            "Greenhouse",
            "Workday",
            "Employer branding",
            "Interviewing",
            "Employment law",
            "Onboarding",
            "HRIS",
            "Compensation",
            "Performance management",
            "Sourcing",
            "Personio",
        ],
        mission: "help people do the best work of their careers here",
        tasks: &[
            "Run hiring processes that are fair, quick and kind to candidates",
            "Advise managers on feedback, growth and difficult conversations",
            "Improve onboarding so that new colleagues feel at home within weeks",
            "Keep our policies clear, current and short",
            "Work with the {team} team on pay, reviews and promotions",
        ],
        traits: &[
            "You have worked in recruiting or people operations",
            "You keep confidences and earn trust",
            "You like turning a messy process into a simple one",
        ],
        questions: &[
            (
                "How would you make our interviews fairer?",
                "Tell us about one change you have made or would make.",
            ),
            (
                "A manager wants to hire fast and skip steps. What do you say?",
                "We want to hear how you balance speed against quality.",
            ),
            (
                "How do you measure whether onboarding works?",
                "Name what you would ask new joiners and when.",
            ),
        ],
    },
];

const GENERIC_TASKS: &[&str] = &[
    "Share what you learn in short write-ups that the whole company can read",
    "Help us hire the next people who join the {team} team",
    "Mentor colleagues and learn from them in return",
    "Take part in planning and help shape what {company} does next",
    "Improve one thing about how we work every quarter",
    "Talk to customers now and then, to remember who we build for",
];

const GENERIC_TRAITS: &[&str] = &[
    "You communicate clearly in English, in writing and in person",
    "You like working in a small team with a lot of trust",
    "You ask for help early and offer it just as often",
    "You take ownership of your work from start to finish",
    "You are curious about {company}'s customers and what they need",
    "You can hold strong opinions loosely",
    "You give feedback kindly and take it well",
    "You are comfortable with some ambiguity while we grow",
];

const REMOTE_LINES: &[&str] = &[
    "You can work from anywhere in {region}.",
    "The team is spread across time zones, so we write things down and keep meetings short.",
    "Twice a year the whole team meets in person; {company} pays for travel and stay.",
    "We send you a laptop and a budget to set up your home office.",
    "If you prefer company, we pay for a desk in a coworking space near you.",
    "Our office in {city} is open to you whenever you are around.",
    "We ask for four hours of overlap with your team; the rest of the day is yours to plan.",
];

const HYBRID_LINES: &[&str] = &[
    "You will spend two or three days a week in our {city} office.",
    "You and your team choose which days you come in.",
    "The office is close to public transport and has plenty of bike parking.",
    "Lunch is on us on office days.",
    "You can work from abroad for up to four weeks a year.",
    "We help with relocation to {city} if you need it.",
    "Once a month the whole team spends a day together in person.",
];

const ON_SITE_LINES: &[&str] = &[
    "This role is based in our {city} office, five days a week.",
    "You will work side by side with the people whose problems you solve.",
    "We cover your public transport pass.",
    "Relocation support to {city} is available, including help with visas.",
    "Breakfast and lunch are served in the office.",
    "The office has quiet rooms for focused work and a big kitchen for the rest.",
    "Working hours are predictable; we do not expect evenings or weekends.",
];

const CLOSINGS: &[&str] = &[
    "Not sure you tick every box? Apply anyway; we would rather hear from you.",
    "We welcome applications from people of every background, age and ability.",
    "Tell us in your application if you need any adjustments during the interviews.",
    "We read every application and reply to every one of them.",
];

const GENERIC_QUESTIONS: &[(&str, &str)] = &[
    (
        "Tell us about a project you are proud of.",
        "Pick one you know inside out. We will ask what you would do differently now.",
    ),
    (
        "Why do you want to join {company}?",
        "We are not testing what you know about us. We want to know what you hope to find here.",
    ),
    (
        "Describe a disagreement with a colleague and how it ended.",
        "We listen for how you handled it, not for who was right.",
    ),
    (
        "How do you decide what to work on first when everything feels urgent?",
        "Give us a concrete example. A simple rule of thumb is a fine answer.",
    ),
    (
        "What does a good week at work look like for you?",
        "There is no right answer. It helps us both see whether the {title} role fits you.",
    ),
    (
        "Tell us about a mistake you made and what changed afterwards.",
        "Everyone makes them. We care about what you did next.",
    ),
    (
        "How do you like to receive feedback?",
        "Be honest; it helps your future manager from the first week.",
    ),
    (
        "What would you like to learn in your first year as {title}?",
        "We ask so we can plan your growth with you. Ambitious answers are welcome.",
    ),
    (
        "How do you explain a complex topic to someone outside your field?",
        "Pick a topic you know well and try it on us. Plain words beat jargon.",
    ),
    (
        "What questions do you have for us?",
        "Plenty, we hope. The interview is as much for you as it is for us.",
    ),
];

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
const FAMILY_WEIGHTS: [u32; FAMILIES.len()] = {
    let mut weights = [0; FAMILIES.len()];
    let mut i = 0;
    while i < FAMILIES.len() {
        weights[i] = FAMILIES[i].weight;
        i += 1;
    }
    weights
};

/// The words a template's `{placeholders}` stand for.
struct Context<'a> {
    company: &'a str,
    title: &'a str,
    /// The title without its team: "Senior Backend Engineer".
    role: &'a str,
    team: &'a str,
    city: &'a str,
    region: &'a str,
}

impl Context<'_> {
    fn fill(&self, out: &mut String, template: &str) {
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

    fn filled(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 16);
        self.fill(&mut out, template);
        out
    }
}

fn job(
    rng: &mut Rng,
    company: &NewCompany,
    hq: usize,
    seed: u64,
    index: usize,
    today: i64,
) -> NewJob {
    let family = &FAMILIES[rng.weighted(&FAMILY_WEIGHTS)];
    let mut level = LEVELS[rng.weighted(LEVEL_WEIGHTS)];
    if !family.technical {
        // Staff and Principal titles are an engineering habit.
        level = match level {
            Level::Staff => Level::Lead,
            Level::Principal => Level::Senior,
            other => other,
        };
    }
    let suffix_team = match level {
        Level::Executive => None,
        Level::Intern => rng.chance(0.25).then(|| *rng.pick(family.teams)),
        Level::Head => rng.chance(0.3).then(|| *rng.pick(family.teams)),
        _ => rng.chance(0.4).then(|| *rng.pick(family.teams)),
    };
    let base = match level {
        Level::Intern => family.intern,
        Level::Head => rng.pick(family.heads),
        Level::Executive => rng.pick(family.executives),
        _ => rng.pick(family.roles),
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
    let mut title = format!("{prefix}{base}");
    if let Some(team) = suffix_team {
        title.push_str(", ");
        title.push_str(team);
    }
    let seniority = match level {
        Level::Plain => rng.chance(0.7).then_some(Seniority::Mid),
        Level::Junior => Some(Seniority::Junior),
        Level::Senior => Some(Seniority::Senior),
        Level::Staff | Level::Lead => Some(Seniority::Staff),
        Level::Principal => Some(Seniority::Principal),
        Level::Intern => Some(Seniority::Intern),
        Level::Head => Some(Seniority::Director),
        Level::Executive => Some(Seniority::Executive),
    };
    let employment_type = match level {
        Level::Intern => EmploymentType::Internship,
        Level::Head | Level::Executive => EmploymentType::FullTime,
        _ => [
            EmploymentType::FullTime,
            EmploymentType::PartTime,
            EmploymentType::Contract,
            EmploymentType::Temporary,
        ][rng.weighted(&[82, 6, 8, 4])],
    };
    let work_model = if level == Level::Intern {
        [WorkModel::Remote, WorkModel::Hybrid, WorkModel::OnSite][rng.weighted(&[5, 50, 45])]
    } else {
        [WorkModel::Remote, WorkModel::Hybrid, WorkModel::OnSite][rng.weighted(&[30, 45, 25])]
    };

    let mut locations = Vec::new();
    let mut remote_regions = Vec::new();
    let place: &City = if work_model == WorkModel::Remote {
        let first = rng.below(REGIONS.len());
        remote_regions.push(REGIONS[first].name.to_owned());
        // Worldwide already covers everything; otherwise a neighbour now and then.
        if REGIONS[first].name != "Worldwide" && rng.chance(0.2) {
            let second = rng.below(REGIONS.len() - 1);
            let second = if second >= first { second + 1 } else { second };
            if REGIONS[second].name != "Worldwide" {
                remote_regions.push(REGIONS[second].name.to_owned());
            }
        }
        for region in &remote_regions {
            locations.push(if region == "Worldwide" {
                "Remote, worldwide".to_owned()
            } else {
                format!("Remote in {region}")
            });
        }
        &REGIONS[first]
    } else {
        let first = if rng.chance(0.5) {
            hq
        } else {
            rng.below(CITIES.len())
        };
        let extra = [0, 1, 2][rng.weighted(&[70, 22, 8])];
        let mut chosen = vec![first];
        while chosen.len() < 1 + extra {
            let next = rng.below(CITIES.len());
            if !chosen.contains(&next) {
                chosen.push(next);
            }
        }
        locations.extend(chosen.iter().map(|&i| CITIES[i].name.to_owned()));
        &CITIES[first]
    };

    let skills: Vec<String> = if rng.chance(0.03) {
        Vec::new()
    } else {
        let count = rng_count(rng, 3, 9);
        rng.sample(family.skills, count)
            .into_iter()
            .map(String::from)
            .collect()
    };

    let days_ago;
    let valid_through;
    if rng.chance(0.03) {
        // Closed already: posted a while ago and open for less than that.
        days_ago = rng.range(31, 59);
        valid_through = Some(today - days_ago + rng.range(30, days_ago - 1));
    } else {
        // Squaring favours small numbers: most postings are recent.
        let u = rng.unit();
        days_ago = ((u * u * 60.0) as i64).min(59);
        valid_through = rng
            .chance(0.85)
            .then(|| today - days_ago + rng.range(30.max(days_ago), 90));
    }
    let posted_on = today - days_ago;

    let salary =
        (!rng.chance(1.0 / 3.0)).then(|| salary(rng, place, family, seniority, employment_type));

    let team = suffix_team.unwrap_or_else(|| *rng.pick(family.teams));
    let context = Context {
        company: &company.name,
        title: &title,
        role: title.split(", ").next().unwrap_or(&title),
        team,
        city: short_city(if work_model == WorkModel::Remote {
            CITIES[hq].name
        } else {
            place.name
        }),
        region: if place.name == "Worldwide" {
            "the world"
        } else {
            place.name
        },
    };
    let description_html = description(
        rng, family, company, &context, &locations, &skills, work_model,
    );
    let summary = summary(rng, family, &context, &skills, work_model, employment_type);
    let faqs = faqs(rng, &context, work_model, employment_type, salary.as_ref());
    let interview_questions = interview_questions(rng, family, &context);

    NewJob {
        source: "generated".to_owned(),
        source_id: format!("gen-{seed}-{index}"),
        slug: None,
        company_slug: company.slug.clone(),
        title,
        department: Some(family.department.to_owned()),
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

fn salary(
    rng: &mut Rng,
    place: &City,
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
        currency: place.currency.to_owned(),
        period,
    }
}

fn article(word: &str) -> &'static str {
    match word.chars().next() {
        // "a UX Designer", but "an Android Engineer".
        Some('A' | 'E' | 'I' | 'O' | 'a' | 'e' | 'i' | 'o') => "an",
        _ => "a",
    }
}

fn description(
    rng: &mut Rng,
    family: &Family,
    company: &NewCompany,
    context: &Context,
    locations: &[String],
    skills: &[String],
    work_model: WorkModel,
) -> String {
    let mut html = String::with_capacity(2048);
    html.push_str("<p>");
    match rng.below(3) {
        0 => {
            html.push_str(&company.about);
            html.push_str(" We are looking for ");
            html.push_str(article(context.title));
            html.push_str(" <strong>");
            html.push_str(context.title);
            html.push_str("</strong> to ");
            html.push_str(family.mission);
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
            html.push_str(family.mission);
            html.push_str(". ");
            html.push_str(&company.about);
        }
        _ => {
            html.push_str("The ");
            html.push_str(context.team);
            html.push_str(" team at ");
            html.push_str(context.company);
            html.push_str(" is growing, and we need someone to ");
            html.push_str(family.mission);
            html.push_str(". That could be you.");
        }
    }
    html.push_str("</p>");

    html.push_str("<h3>What you will do</h3>");
    list(rng, &mut html, context, (family.tasks, GENERIC_TASKS), None);

    html.push_str("<h3>Who you are</h3>");
    let skill_line = match skills {
        [] => None,
        [only] => Some(format!("You have worked with <strong>{only}</strong>")),
        [first, second, ..] => Some(format!(
            "You have real experience with <strong>{first}</strong> and <strong>{second}</strong>"
        )),
    };
    list(
        rng,
        &mut html,
        context,
        (family.traits, GENERIC_TRAITS),
        skill_line.as_deref(),
    );

    html.push_str("<h3>Where you will be</h3>");
    let lines = match work_model {
        WorkModel::Remote => REMOTE_LINES,
        WorkModel::Hybrid => HYBRID_LINES,
        WorkModel::OnSite => ON_SITE_LINES,
    };
    let other_cities = (work_model != WorkModel::Remote && locations.len() > 1).then(|| {
        let names: Vec<&str> = locations[1..].iter().map(|l| short_city(l)).collect();
        format!("You can also join us in {}.", names.join(" or "))
    });
    html.push_str("<ul>");
    // The first line says where; the rest add colour.
    html.push_str("<li>");
    context.fill(&mut html, lines[0]);
    html.push_str("</li>");
    let line_count = rng_count(rng, 2, 4);
    for line in rng.sample(&lines[1..], line_count) {
        html.push_str("<li>");
        context.fill(&mut html, line);
        html.push_str("</li>");
    }
    if let Some(line) = other_cities {
        html.push_str("<li>");
        html.push_str(&line);
        html.push_str("</li>");
    }
    html.push_str("</ul>");

    if rng.chance(0.7) {
        let perks: Vec<&str> = company
            .benefits
            .iter()
            .flat_map(|group| group.items.iter().map(String::as_str))
            .collect();
        if perks.len() >= 2 {
            html.push_str("<h3>What we offer</h3><ul>");
            let perk_count = rng_count(rng, 2, 5);
            for perk in rng.sample(&perks, perk_count) {
                html.push_str("<li>");
                html.push_str(perk);
                html.push_str("</li>");
            }
            html.push_str("</ul>");
        }
    }

    html.push_str("<p><em>");
    let closing: &&str = rng.pick(CLOSINGS);
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

/// A `<ul>` of three to six lines from the two pools, `extra` among them.
fn list(
    rng: &mut Rng,
    html: &mut String,
    context: &Context,
    (first, second): (&[&str], &[&str]),
    extra: Option<&str>,
) {
    let count = rng_count(rng, 3, 6) - usize::from(extra.is_some());
    let picks = rng.indices(first.len() + second.len(), count);
    let position = rng.below(picks.len + 1);
    html.push_str("<ul>");
    for (n, i) in picks.iter().enumerate() {
        if n == position {
            push_item(html, context, extra);
        }
        push_item(html, context, Some(either(first, second, i)));
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

fn summary(
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

fn faqs(
    rng: &mut Rng,
    context: &Context,
    work_model: WorkModel,
    employment_type: EmploymentType,
    salary: Option<&Salary>,
) -> Vec<QuestionAnswer> {
    const KINDS: [usize; 8] = [0, 1, 2, 3, 4, 5, 6, 7];
    let count = rng_count(rng, 0, 5);
    rng.sample(&KINDS, count)
        .into_iter()
        .map(|kind| {
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

fn interview_questions(rng: &mut Rng, family: &Family, context: &Context) -> Vec<QuestionAnswer> {
    let count = rng_count(rng, 0, 10);
    rng.indices(family.questions.len() + GENERIC_QUESTIONS.len(), count)
        .iter()
        .map(|i| either(family.questions, GENERIC_QUESTIONS, i))
        .map(|(question, answer)| QuestionAnswer {
            question: context.filled(question),
            answer: context.filled(answer),
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
    use std::collections::{HashMap, HashSet};
    use std::sync::OnceLock;

    use ascend_types::date::{days_from_civil, parse_iso_date};

    use super::*;

    fn today() -> i64 {
        days_from_civil(2026, 3, 15)
    }

    /// One large sample shared by the tests that only read it.
    fn sample() -> &'static Generated {
        static SAMPLE: OnceLock<Generated> = OnceLock::new();
        SAMPLE.get_or_init(|| generate(300, 3000, 42, today()))
    }

    #[test]
    fn same_seed_same_output_other_seed_other_output() {
        let a = generate(40, 400, 7, today());
        let b = generate(40, 400, 7, today());
        assert_eq!(a, b);
        let c = generate(40, 400, 8, today());
        assert_ne!(a.companies, c.companies);
        assert_ne!(a.jobs, c.jobs);
    }

    #[test]
    fn counts_are_exact() {
        let generated = sample();
        assert_eq!(generated.companies.len(), 300);
        assert_eq!(generated.jobs.len(), 3000);
        let few = generate(10, 3, 1, today());
        assert_eq!((few.companies.len(), few.jobs.len()), (10, 3));
        let none = generate(0, 50, 1, today());
        assert!(none.companies.is_empty() && none.jobs.is_empty());
        assert!(generate(5, 0, 1, today()).jobs.is_empty());
    }

    #[test]
    fn company_slugs_are_unique_even_for_many_companies() {
        let generated = generate(3000, 0, 3, today());
        let slugs: HashSet<&str> = generated
            .companies
            .iter()
            .map(|c| c.slug.as_str())
            .collect();
        assert_eq!(slugs.len(), 3000);
        for company in &generated.companies {
            assert_eq!(company.slug, slugify(&company.name));
            assert_eq!(
                company.website.as_deref(),
                Some(format!("https://{}.example", company.slug).as_str())
            );
        }
    }

    #[test]
    fn companies_are_complete_and_in_range() {
        for company in &sample().companies {
            assert!(!company.about.is_empty());
            assert!((1950..=2024).contains(&company.founded_year.unwrap()));
            assert!((2..=4).contains(&company.badges.len()));
            assert!((3..=8).contains(&company.culture_values.len()));
            assert!((2..=5).contains(&company.benefits.len()));
            for group in &company.benefits {
                assert!((1..=4).contains(&group.items.len()), "{group:?}");
            }
            assert!(company.reviews.len() <= 60);
            for review in &company.reviews {
                assert!((1..=5).contains(&review.stars));
                let day = parse_iso_date(&review.reviewed_on).unwrap();
                assert!(day <= today() && day > today() - 3 * 365);
            }
        }
    }

    #[test]
    fn every_job_belongs_to_a_company_and_every_company_hires() {
        let generated = sample();
        let mut per_company: HashMap<&str, usize> = generated
            .companies
            .iter()
            .map(|c| (c.slug.as_str(), 0))
            .collect();
        for job in &generated.jobs {
            *per_company
                .get_mut(job.company_slug.as_str())
                .expect("job's company exists") += 1;
            assert_eq!(
                job.apply_url.as_deref().unwrap(),
                format!(
                    "https://{}.example/careers/{}",
                    job.company_slug,
                    job.source_id.rsplit('-').next().unwrap()
                )
            );
        }
        assert!(per_company.values().all(|&count| count >= 1));
        assert!(per_company.values().any(|&count| count >= 50));
    }

    #[test]
    fn source_ids_are_unique_and_follow_the_pattern() {
        let generated = sample();
        let ids: HashSet<&str> = generated
            .jobs
            .iter()
            .map(|j| j.source_id.as_str())
            .collect();
        assert_eq!(ids.len(), generated.jobs.len());
        for (index, job) in generated.jobs.iter().enumerate() {
            assert_eq!(job.source, "generated");
            assert_eq!(job.source_id, format!("gen-42-{index}"));
            assert_eq!(job.slug, None);
        }
    }

    #[test]
    fn salaries_are_ranges_and_a_third_are_missing() {
        let jobs = &sample().jobs;
        let missing = jobs.iter().filter(|j| j.salary.is_none()).count();
        let share = missing as f64 / jobs.len() as f64;
        assert!((0.25..=0.42).contains(&share), "{share}");
        let mut periods = HashSet::new();
        for salary in jobs.iter().filter_map(|j| j.salary.as_ref()) {
            assert!(0 < salary.min && salary.min < salary.max, "{salary:?}");
            let step = match salary.period {
                SalaryPeriod::Year => 1000,
                SalaryPeriod::Month => 100,
                _ => 1,
            };
            assert_eq!((salary.min % step, salary.max % step), (0, 0), "{salary:?}");
            periods.insert(salary.period);
        }
        for period in [SalaryPeriod::Year, SalaryPeriod::Month, SalaryPeriod::Hour] {
            assert!(periods.contains(&period), "{period:?}");
        }
        let mut london = jobs
            .iter()
            .filter(|j| j.locations.first().is_some_and(|l| l.starts_with("London")))
            .filter_map(|j| j.salary.as_ref());
        assert!(london.clone().count() > 0);
        assert!(london.all(|s| s.currency == "GBP"));
    }

    #[test]
    fn dates_are_recent_and_a_few_jobs_have_expired() {
        let jobs = &sample().jobs;
        let mut expired = 0;
        let mut open_ended = 0;
        for job in jobs {
            let posted = parse_iso_date(&job.posted_on).unwrap();
            assert!(
                posted <= today() && posted > today() - 60,
                "{}",
                job.posted_on
            );
            match job.valid_through.as_deref().map(parse_iso_date) {
                Some(Some(until)) => {
                    assert!((30..=90).contains(&(until - posted)), "{job:?}");
                    expired += usize::from(until < today());
                }
                Some(None) => panic!("bad date"),
                None => open_ended += 1,
            }
        }
        assert!((30..=180).contains(&expired), "{expired}");
        assert!(open_ended > 0);
    }

    #[test]
    fn every_seniority_and_employment_type_appears() {
        let jobs = &sample().jobs;
        let seniorities: HashSet<Seniority> = jobs.iter().filter_map(|j| j.seniority).collect();
        for seniority in Seniority::ALL {
            assert!(seniorities.contains(&seniority), "{seniority:?}");
        }
        assert!(jobs.iter().any(|j| j.seniority.is_none()));
        for kind in EmploymentType::ALL {
            assert!(jobs.iter().any(|j| j.employment_type == kind), "{kind:?}");
        }
        for job in jobs {
            if job.title.starts_with("Senior ") {
                assert_eq!(job.seniority, Some(Seniority::Senior), "{}", job.title);
            }
            assert_eq!(
                job.employment_type == EmploymentType::Internship,
                job.seniority == Some(Seniority::Intern),
                "{}",
                job.title
            );
        }
    }

    #[test]
    fn locations_match_the_work_model() {
        for job in &sample().jobs {
            assert!(!job.locations.is_empty() && job.locations.len() <= 3);
            if job.work_model == WorkModel::Remote {
                assert!(!job.remote_regions.is_empty());
                assert!(job.locations.iter().all(|l| l.starts_with("Remote")));
            } else {
                assert!(job.remote_regions.is_empty());
                assert!(job.locations.iter().all(|l| l.contains(", ")));
            }
        }
    }

    #[test]
    fn skills_are_three_to_nine_and_some_jobs_have_none() {
        let jobs = &sample().jobs;
        let without = jobs.iter().filter(|j| j.skills.is_empty()).count();
        assert!(without > 0 && without < jobs.len() / 10, "{without}");
        for job in jobs.iter().filter(|j| !j.skills.is_empty()) {
            assert!((3..=9).contains(&job.skills.len()));
        }
    }

    #[test]
    fn some_companies_have_ten_dei_ratings_and_some_fewer() {
        let dei_counts: Vec<usize> = sample()
            .companies
            .iter()
            .map(|c| c.reviews.iter().filter(|r| r.dei_stars.is_some()).count())
            .collect();
        assert!(dei_counts.iter().any(|&n| n >= 10));
        assert!(dei_counts.iter().any(|&n| n < 10));
        assert!(sample().companies.iter().any(|c| c.reviews.is_empty()));
    }

    #[test]
    fn texts_use_only_allowed_tags_and_no_placeholders() {
        const ALLOWED: &[&str] = &["p", "h3", "ul", "li", "strong", "em", "a"];
        for job in &sample().jobs {
            let html = &job.description_html;
            for (position, _) in html.match_indices('<') {
                let name: String = html[position + 1..]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                assert!(ALLOWED.contains(&name.as_str()), "<{name} in {html}");
            }
            for (position, _) in html.match_indices("href=\"") {
                assert!(html[position + 6..].starts_with("https://"));
            }
            assert_eq!(html.matches("<ul>").count(), html.matches("</ul>").count());
            assert!(html.contains("<h3>What you will do</h3>"));
            let texts = std::iter::once(html.as_str())
                .chain(job.summary.as_deref())
                .chain(
                    job.faqs
                        .iter()
                        .flat_map(|q| [q.question.as_str(), q.answer.as_str()]),
                )
                .chain(
                    job.interview_questions
                        .iter()
                        .flat_map(|q| [q.question.as_str(), q.answer.as_str()]),
                );
            for text in texts {
                assert!(!text.contains('{') && !text.contains('}'), "{text}");
            }
            assert!(job.faqs.len() <= 5);
            assert!(job.interview_questions.len() <= 10);
        }
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(8_500_000), "8,500,000");
    }
}
