-- The audit log: sign-ins, user and token changes, exports, configuration changes, erasures.
-- Append-only: the stores never change or remove a row, and each dialect's V9 refuses it too.
CREATE TABLE IF NOT EXISTS audit_log (
  id BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  detail TEXT NOT NULL,
  address TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log (at);
CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor, at);
