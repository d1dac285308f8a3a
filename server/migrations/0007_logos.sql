-- Imported companies' logos, kept by Ascend so that pages show them from
-- Ascend's own address (`/logos/imported/{hash}.{ext}`) and a visitor's
-- browser asks no other host. The address names the content, so it never
-- changes meaning.
CREATE TABLE logos (
    -- SHA-256 of `bytes`, lower-case hex.
    hash TEXT PRIMARY KEY,
    -- image/png, image/jpeg, image/webp, image/gif or image/svg+xml; the
    -- bytes were checked to be of this type.
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL
);

-- Where each logo was fetched from, so that importing a file again does not
-- fetch it again. Only fetches that succeeded are kept: a failed one is
-- tried again by the next import that names it.
CREATE TABLE logo_sources (
    url TEXT PRIMARY KEY,
    hash TEXT NOT NULL REFERENCES logos (hash)
);

-- Logos imported before this were hot-linked from other hosts, which the
-- pages' policy (img-src 'self') no longer loads: the company shows its
-- initials until an import names its logo again and it is fetched.
UPDATE companies SET logo_url = NULL
WHERE logo_url LIKE 'http://%' OR logo_url LIKE 'https://%' OR logo_url LIKE '//%';
