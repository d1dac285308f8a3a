-- Search converts salaries with the rates table, so what it keeps in memory
-- goes stale when a rate changes too: a version for the rates, beside the
-- jobs' one (0004).
INSERT INTO data_versions (name, version) VALUES ('currency_rates', 0);

CREATE TRIGGER currency_rates_version_insert AFTER INSERT ON currency_rates BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'currency_rates';
END;

CREATE TRIGGER currency_rates_version_update AFTER UPDATE ON currency_rates BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'currency_rates';
END;

CREATE TRIGGER currency_rates_version_delete AFTER DELETE ON currency_rates BEGIN
    UPDATE data_versions SET version = version + 1 WHERE name = 'currency_rates';
END;
