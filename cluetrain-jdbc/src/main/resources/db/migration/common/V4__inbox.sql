-- The engagement inbox: items (at most one per project and post), their tags, their log (notes
-- and responses included) and the saved replies. Times are epoch milliseconds.
CREATE TABLE IF NOT EXISTS inbox_items (
  id BIGINT PRIMARY KEY,
  project TEXT NOT NULL,
  post_id TEXT NOT NULL,
  thread_id TEXT NOT NULL,
  author_id TEXT,
  author_name TEXT,
  summary TEXT NOT NULL,
  source_name TEXT,
  post_url TEXT,
  published BIGINT,
  status TEXT NOT NULL,
  priority INTEGER NOT NULL,
  assignee TEXT,
  tags TEXT NOT NULL,
  rule TEXT,
  created BIGINT NOT NULL,
  updated BIGINT NOT NULL,
  responded BIGINT,
  target_seconds BIGINT NOT NULL,
  elapsed_seconds BIGINT NOT NULL,
  running_since BIGINT,
  due BIGINT,
  UNIQUE (project, post_id)
);
CREATE INDEX IF NOT EXISTS inbox_items_by_due ON inbox_items (project, status, due);
CREATE INDEX IF NOT EXISTS inbox_items_by_assignee ON inbox_items (project, assignee, status);
CREATE INDEX IF NOT EXISTS inbox_items_by_author ON inbox_items (project, author_id);
CREATE TABLE IF NOT EXISTS inbox_tags (
  item_id BIGINT NOT NULL,
  project TEXT NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (item_id, tag)
);
CREATE INDEX IF NOT EXISTS inbox_tags_by_tag ON inbox_tags (project, tag);
CREATE TABLE IF NOT EXISTS inbox_events (
  id BIGINT PRIMARY KEY,
  item_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL,
  url TEXT
);
CREATE INDEX IF NOT EXISTS inbox_events_by_item ON inbox_events (item_id, id);
CREATE TABLE IF NOT EXISTS inbox_replies (
  id BIGINT PRIMARY KEY,
  project TEXT NOT NULL,
  name TEXT NOT NULL,
  text TEXT NOT NULL,
  created_by TEXT,
  created BIGINT NOT NULL,
  UNIQUE (project, name)
);
