-- Ascend's schema. Dates are ISO calendar dates (YYYY-MM-DD) compared as
-- such, lists are JSON arrays in TEXT columns, money is whole currency
-- units: all of it reads the same in SQLite and PostgreSQL.

CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    logo_url TEXT,
    website TEXT,
    about TEXT NOT NULL DEFAULT '',
    founded_year INTEGER,
    headquarters TEXT,
    sector TEXT,
    team_size TEXT,
    funding_stage TEXT,
    badges TEXT NOT NULL DEFAULT '[]',
    culture_values TEXT NOT NULL DEFAULT '[]',
    -- [{"kind": "health", "items": ["Dental insurance", ...]}, ...]
    benefits TEXT NOT NULL DEFAULT '[]',
    ceo_name TEXT,
    ceo_photo_url TEXT
);

CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    stars INTEGER NOT NULL CHECK (stars BETWEEN 1 AND 5),
    dei_stars INTEGER CHECK (dei_stars BETWEEN 1 AND 5),
    approves_ceo BOOLEAN,
    reviewed_on DATE NOT NULL
);

CREATE INDEX reviews_company ON reviews (company_id);

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    -- Where the job came from and its id there: re-importing updates in place.
    source TEXT NOT NULL,
    source_id TEXT NOT NULL,
    -- Hash of everything imported, so an unchanged re-import writes nothing.
    content_hash TEXT NOT NULL,
    company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    -- The title without seniority words and team suffix ("backend engineer"),
    -- and a coarse region ("europe"): what salary estimates compare on.
    title_family TEXT NOT NULL,
    region TEXT,
    department TEXT,
    seniority TEXT
        CHECK (seniority IN ('intern', 'junior', 'mid', 'senior', 'staff', 'principal', 'director', 'executive')),
    employment_type TEXT NOT NULL
        CHECK (employment_type IN ('full_time', 'part_time', 'contract', 'internship', 'temporary')),
    work_model TEXT NOT NULL
        CHECK (work_model IN ('remote', 'hybrid', 'on_site')),
    -- The first of `locations`, or the remote regions, in words.
    location TEXT NOT NULL,
    locations TEXT NOT NULL DEFAULT '[]',
    remote_regions TEXT NOT NULL DEFAULT '[]',
    -- Sanitized on the way in; description_text is its plain text.
    description_html TEXT NOT NULL DEFAULT '',
    description_text TEXT NOT NULL DEFAULT '',
    skills TEXT NOT NULL DEFAULT '[]',
    summary TEXT,
    posted_on DATE NOT NULL,
    valid_through DATE,
    apply_url TEXT,
    salary_min BIGINT,
    salary_max BIGINT,
    salary_currency TEXT,
    salary_period TEXT CHECK (salary_period IN ('year', 'month', 'week', 'day', 'hour')),
    faqs TEXT NOT NULL DEFAULT '[]',
    interview_questions TEXT NOT NULL DEFAULT '[]',
    UNIQUE (source, source_id),
    CHECK ((salary_min IS NULL) = (salary_max IS NULL)),
    CHECK (salary_min IS NULL OR (salary_min <= salary_max AND salary_currency IS NOT NULL AND salary_period IS NOT NULL))
);

CREATE INDEX jobs_newest ON jobs (posted_on DESC, id DESC);
CREATE INDEX jobs_company ON jobs (company_id, posted_on DESC, id DESC);
CREATE INDEX jobs_salary_family ON jobs (title_family, seniority, region) WHERE salary_min IS NOT NULL;

CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    topics TEXT NOT NULL DEFAULT '[]',
    created_on DATE NOT NULL
);

-- How many units of a currency one US dollar buys, for salary estimates
-- and conversions. Kept in the database so it can be refreshed without a
-- release; these are mid-2026 reference figures.
CREATE TABLE currency_rates (
    currency TEXT PRIMARY KEY,
    units_per_usd DOUBLE PRECISION NOT NULL CHECK (units_per_usd > 0)
);

INSERT INTO currency_rates (currency, units_per_usd) VALUES
    ('USD', 1.0),
    ('EUR', 0.92),
    ('GBP', 0.79),
    ('CHF', 0.88),
    ('SEK', 10.6),
    ('NOK', 10.8),
    ('DKK', 6.87),
    ('PLN', 3.95),
    ('CAD', 1.37),
    ('AUD', 1.52),
    ('NZD', 1.66),
    ('JPY', 151.0),
    ('SGD', 1.35),
    ('INR', 83.5),
    ('BRL', 5.1),
    ('MXN', 17.2),
    ('ZAR', 18.4),
    ('AED', 3.67),
    ('KES', 129.0),
    ('NGN', 1480.0);
