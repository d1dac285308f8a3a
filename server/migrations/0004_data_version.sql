-- A counter that every change to jobs (or to the companies they show) moves
-- on, so that in-memory indexes built from them (similar jobs) know when to
-- rebuild, whichever process wrote: the server or an import run.
CREATE TABLE data_versions (
    name TEXT PRIMARY KEY,
    version BIGINT NOT NULL DEFAULT 0
);

INSERT INTO data_versions (name, version) VALUES ('jobs', 0);

CREATE TRIGGER jobs_version_insert AFTER INSERT ON jobs BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'jobs';
END;

CREATE TRIGGER jobs_version_update AFTER UPDATE ON jobs BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'jobs';
END;

CREATE TRIGGER jobs_version_delete AFTER DELETE ON jobs BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'jobs';
END;

CREATE TRIGGER companies_version_update AFTER UPDATE ON companies BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'jobs';
END;
