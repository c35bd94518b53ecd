-- Accounts, sessions and API tokens. Secrets are stored only as SHA-256 hashes.
CREATE TABLE IF NOT EXISTS accounts (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  projects TEXT NOT NULL,
  language TEXT,
  password_hash TEXT NOT NULL,
  created BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  secret_hash TEXT PRIMARY KEY,
  account TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  expires BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL UNIQUE,
  account TEXT NOT NULL,
  label TEXT NOT NULL,
  created BIGINT NOT NULL
);
