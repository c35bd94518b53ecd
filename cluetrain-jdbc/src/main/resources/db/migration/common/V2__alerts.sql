-- Alerts, their acknowledgement and their deliveries.
CREATE TABLE IF NOT EXISTS alerts (
  id TEXT PRIMARY KEY,
  project TEXT NOT NULL,
  rule TEXT NOT NULL,
  detector TEXT NOT NULL,
  query_id TEXT NOT NULL,
  group_id TEXT NOT NULL,
  window_end BIGINT NOT NULL,
  raised_at BIGINT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  summary TEXT NOT NULL,
  alert_json TEXT NOT NULL,
  acknowledged_at BIGINT,
  acknowledged_by TEXT
);
CREATE INDEX IF NOT EXISTS alerts_by_project ON alerts (project, window_end);
CREATE INDEX IF NOT EXISTS alerts_by_time ON alerts (window_end);
CREATE TABLE IF NOT EXISTS alert_deliveries (
  alert_id TEXT NOT NULL,
  destination TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  last_error TEXT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (alert_id, destination)
);
-- the sources page counts a project's posts per source from this index alone
CREATE INDEX IF NOT EXISTS posts_by_project_source ON posts (project, source_id);
