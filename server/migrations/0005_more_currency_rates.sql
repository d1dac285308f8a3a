-- Currencies that postings use and 0001 left out: without a rate, their
-- salaries could not join an estimate and were silently dropped from it.
INSERT INTO currency_rates (currency, units_per_usd) VALUES
    ('KRW', 1380.0),
    ('COP', 4000.0),
    ('CLP', 940.0),
    ('CZK', 23.0),
    ('EGP', 48.5),
    ('ILS', 3.7);
