-- Full-text search over open and closed jobs (queries filter on dates).
-- This file is SQLite's (FTS5); PostgreSQL gets a tsvector column and a
-- GIN index in its own migration set. The index keeps no copy of the text
-- (contentless): jobs holds it, and the rowid is the job's id.
CREATE VIRTUAL TABLE jobs_fts USING fts5 (
    title,
    skills,
    company,
    location,
    description,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

-- Every term the index holds with its document count: what typo-tolerant
-- matching and suggestions look words up in.
CREATE VIRTUAL TABLE jobs_fts_terms USING fts5vocab (jobs_fts, row);

-- Triggers keep the index in step with every writer (store, import, seed).
CREATE TRIGGER jobs_fts_insert AFTER INSERT ON jobs BEGIN
    INSERT INTO jobs_fts (rowid, title, skills, company, location, description)
    VALUES (
        new.id, new.title, new.skills,
        (SELECT name FROM companies WHERE id = new.company_id),
        new.location || ' ' || new.locations || ' ' || new.remote_regions,
        new.description_text
    );
END;

CREATE TRIGGER jobs_fts_update AFTER UPDATE OF title, skills, company_id, location, locations, remote_regions, description_text ON jobs BEGIN
    DELETE FROM jobs_fts WHERE rowid = old.id;
    INSERT INTO jobs_fts (rowid, title, skills, company, location, description)
    VALUES (
        new.id, new.title, new.skills,
        (SELECT name FROM companies WHERE id = new.company_id),
        new.location || ' ' || new.locations || ' ' || new.remote_regions,
        new.description_text
    );
END;

CREATE TRIGGER jobs_fts_delete AFTER DELETE ON jobs BEGIN
    DELETE FROM jobs_fts WHERE rowid = old.id;
END;

CREATE TRIGGER companies_fts_rename AFTER UPDATE OF name ON companies BEGIN
    DELETE FROM jobs_fts WHERE rowid IN (SELECT id FROM jobs WHERE company_id = new.id);
    INSERT INTO jobs_fts (rowid, title, skills, company, location, description)
    SELECT j.id, j.title, j.skills, new.name,
           j.location || ' ' || j.locations || ' ' || j.remote_regions, j.description_text
    FROM jobs j WHERE j.company_id = new.id;
END;

-- Jobs stored before this migration.
INSERT INTO jobs_fts (rowid, title, skills, company, location, description)
SELECT j.id, j.title, j.skills, c.name,
       j.location || ' ' || j.locations || ' ' || j.remote_regions, j.description_text
FROM jobs j JOIN companies c ON c.id = j.company_id;

-- Filters the search applies besides the text.
CREATE INDEX jobs_open ON jobs (valid_through, posted_on);
