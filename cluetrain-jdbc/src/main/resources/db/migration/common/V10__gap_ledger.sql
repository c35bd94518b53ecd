-- Live sources an admin added on the Sources page (the workspace file declares the others);
-- settings are key=value pairs separated by the unit separator.
CREATE TABLE IF NOT EXISTS source_definitions (
  project TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  url TEXT NOT NULL,
  settings TEXT NOT NULL,
  every_seconds BIGINT NOT NULL,
  PRIMARY KEY (project, name)
);
-- Where each live source resumes (a Mastodon status id, a Reddit fullname, a feed's validators),
-- and every interval a source could not cover: the gap ledger behind the Sources page's timeline.
ALTER TABLE source_health ADD COLUMN cursor_position TEXT;
CREATE TABLE IF NOT EXISTS source_gaps (
  source_id TEXT NOT NULL,
  project TEXT NOT NULL,
  gap_from BIGINT NOT NULL,
  gap_until BIGINT NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  backfilled_at BIGINT,
  PRIMARY KEY (source_id, gap_from)
);
CREATE INDEX IF NOT EXISTS source_gaps_by_project ON source_gaps (project, gap_until);
