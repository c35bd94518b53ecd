-- Retention: posts older than their project's or source's retention period leave the posts table,
-- and what the figures counted of them stays here, so that totals and the counts per project,
-- source, language and kind read the same before and after (counts stay, texts go). Hourly counts,
-- sentiment, threads and authors are roll-ups already and are left as they are.
CREATE TABLE IF NOT EXISTS retained_counts (
  project TEXT NOT NULL,
  source_id TEXT NOT NULL,
  lang TEXT NOT NULL,
  kind TEXT NOT NULL,
  posts BIGINT NOT NULL,
  duplicates BIGINT NOT NULL,
  PRIMARY KEY (project, source_id, lang, kind)
);
-- One row per project per retention run: when it ran and what it removed.
CREATE TABLE IF NOT EXISTS retention_runs (
  ran_at BIGINT NOT NULL,
  project TEXT NOT NULL,
  posts BIGINT NOT NULL,
  inbox_items BIGINT NOT NULL,
  PRIMARY KEY (ran_at, project)
);
