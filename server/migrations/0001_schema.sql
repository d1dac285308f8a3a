-- Companies and the jobs they post. Dates are ISO calendar dates
-- (YYYY-MM-DD); the queries compare them as such, which works for SQLite's
-- TEXT and PostgreSQL's DATE alike.
CREATE TABLE companies (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    website TEXT,
    about TEXT NOT NULL DEFAULT ''
);

CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    location TEXT NOT NULL,
    work_model TEXT NOT NULL
        CHECK (work_model IN ('remote', 'hybrid', 'on_site')),
    employment_type TEXT NOT NULL
        CHECK (employment_type IN ('full_time', 'part_time', 'contract', 'internship', 'temporary')),
    posted_on DATE NOT NULL,
    valid_through DATE
);

CREATE INDEX jobs_newest ON jobs (posted_on DESC, id DESC);
CREATE INDEX jobs_company ON jobs (company_id);
