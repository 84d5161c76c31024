-- MS-RequestId replay: one sealed answer per (caller, request ID), kept for a limited time.
CREATE TABLE idempotency_records (
  lookup_id   TEXT PRIMARY KEY,
  sealed      TEXT NOT NULL,  -- base64
  created_at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX idempotency_records_by_age ON idempotency_records(created_at);
