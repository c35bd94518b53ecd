-- Saved queries written in the web interface. The workspace file's queries are not
-- here; a row with the same project and name as one of them replaces it while the row exists.
-- Examples are kept one per line.
CREATE TABLE IF NOT EXISTS edited_queries (
  project TEXT NOT NULL,
  name TEXT NOT NULL,
  query_text TEXT NOT NULL,
  role TEXT NOT NULL,
  must_match TEXT NOT NULL,
  must_not_match TEXT NOT NULL,
  edited_by TEXT NOT NULL,
  edited BIGINT NOT NULL,
  PRIMARY KEY (project, name)
);
