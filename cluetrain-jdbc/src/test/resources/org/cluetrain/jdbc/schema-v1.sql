-- The ledger's schema, version 1. Statements are separated by ';' at line end.
-- Written in the SQL that SQLite (≥ 3.24) and PostgreSQL share, so both can run it.
CREATE TABLE IF NOT EXISTS posts (
  seq BIGINT,
  id TEXT PRIMARY KEY,
  project TEXT,
  source_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  parent_id TEXT,
  kind TEXT NOT NULL,
  lang TEXT,
  author_id TEXT,
  published BIGINT NOT NULL,
  fingerprint BIGINT NOT NULL,
  duplicate_of TEXT
);
CREATE INDEX IF NOT EXISTS posts_by_project ON posts (project);
CREATE INDEX IF NOT EXISTS posts_by_seq ON posts (seq);
CREATE INDEX IF NOT EXISTS posts_by_project_time ON posts (project, published);
CREATE TABLE IF NOT EXISTS matches (
  query_id TEXT NOT NULL,
  post_id TEXT NOT NULL,
  hour BIGINT NOT NULL,
  PRIMARY KEY (query_id, post_id)
);
CREATE INDEX IF NOT EXISTS matches_by_query_hour ON matches (query_id, hour);
CREATE TABLE IF NOT EXISTS hourly_counts (
  query_id TEXT NOT NULL,
  hour BIGINT NOT NULL,
  lang TEXT NOT NULL,
  source_id TEXT NOT NULL,
  posts BIGINT NOT NULL,
  PRIMARY KEY (query_id, hour, lang, source_id)
);
CREATE TABLE IF NOT EXISTS threads (
  thread_id TEXT PRIMARY KEY,
  project TEXT,
  source_id TEXT NOT NULL,
  title TEXT,
  posts BIGINT NOT NULL,
  first_published BIGINT NOT NULL,
  last_published BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS threads_by_activity ON threads (project, last_published);
CREATE TABLE IF NOT EXISTS authors (
  author_id TEXT PRIMARY KEY,
  name TEXT,
  posts BIGINT NOT NULL,
  replies_received BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS author_projects (
  author_id TEXT NOT NULL,
  project TEXT NOT NULL,
  posts BIGINT NOT NULL,
  PRIMARY KEY (author_id, project)
);
CREATE TABLE IF NOT EXISTS source_health (
  source_id TEXT PRIMARY KEY,
  project TEXT,
  url TEXT,
  state TEXT NOT NULL,
  last_attempt BIGINT,
  last_success BIGINT,
  last_error TEXT,
  consecutive_failures INTEGER NOT NULL,
  items_fetched BIGINT NOT NULL,
  items_unparseable BIGINT NOT NULL,
  next_attempt BIGINT,
  gaps TEXT,
  etag TEXT,
  last_modified TEXT
);
CREATE TABLE IF NOT EXISTS saved_queries (
  project TEXT NOT NULL,
  name TEXT NOT NULL,
  query_text TEXT NOT NULL,
  role TEXT NOT NULL,
  must_match TEXT,
  must_not_match TEXT,
  PRIMARY KEY (project, name)
);
CREATE TABLE IF NOT EXISTS subscriptions (
  project TEXT NOT NULL,
  feed_url TEXT NOT NULL,
  title TEXT,
  site_url TEXT,
  category TEXT,
  PRIMARY KEY (project, feed_url)
);
CREATE TABLE IF NOT EXISTS relevance_labels (
  project TEXT NOT NULL,
  post_id TEXT NOT NULL,
  relevant INTEGER NOT NULL,
  labelled_at BIGINT NOT NULL,
  PRIMARY KEY (project, post_id)
);
-- Matched posts of one saved query in one hour by their sentiment label (posts without one are
-- not counted): what sentiment-over-time charts read.
CREATE TABLE IF NOT EXISTS hourly_sentiment (
  query_id TEXT NOT NULL,
  hour BIGINT NOT NULL,
  sentiment TEXT NOT NULL,
  posts BIGINT NOT NULL,
  PRIMARY KEY (query_id, hour, sentiment)
);
