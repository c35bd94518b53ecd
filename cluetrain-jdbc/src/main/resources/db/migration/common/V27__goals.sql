-- Goals written in the web interface. The workspace file's goals are not here; a goal with the
-- same project and name as one of them replaces it while its row in goals exists.
-- Every save appends a row to goal_versions and never changes one; goals names the version in
-- effect. Deleting a goal removes its row in goals only, so its history stays.
CREATE TABLE IF NOT EXISTS goal_versions (
  project TEXT NOT NULL,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  kpi TEXT NOT NULL,
  baseline_from TEXT NOT NULL,
  baseline_to TEXT NOT NULL,
  target DOUBLE PRECISION NOT NULL,
  horizon_start TEXT NOT NULL,
  horizon_end TEXT NOT NULL,
  owner TEXT NOT NULL,
  cadence TEXT NOT NULL,
  edited_by TEXT NOT NULL,
  edited BIGINT NOT NULL,
  PRIMARY KEY (project, name, version)
);
CREATE TABLE IF NOT EXISTS goals (
  project TEXT NOT NULL,
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (project, name)
);
