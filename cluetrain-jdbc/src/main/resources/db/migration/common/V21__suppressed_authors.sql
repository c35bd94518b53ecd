-- Authors erased on request, so that a re-import or a live source does not bring them back: only
-- keyed hashes (HMAC-SHA256 under the installation's secret) of their ids and profile URLs, never
-- a handle or a name.
CREATE TABLE IF NOT EXISTS suppressed_authors (
  keyed_hash TEXT PRIMARY KEY,
  added BIGINT NOT NULL
);
-- Who each author pseudonym stands for, sealed with AES-GCM under a key derived from the
-- installation's secret: a copy of the database alone reveals nobody.
CREATE TABLE IF NOT EXISTS pseudonyms (
  pseudonym TEXT PRIMARY KEY,
  sealed TEXT NOT NULL
);
