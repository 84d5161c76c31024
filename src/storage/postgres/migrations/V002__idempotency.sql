-- MS-RequestId replay: one sealed answer per (caller, request ID), kept for a limited time.
CREATE TABLE idempotency_records (
  lookup_id   text COLLATE "C" PRIMARY KEY,
  sealed      text COLLATE "C" NOT NULL,  -- base64
  created_at  bigint NOT NULL
);
CREATE INDEX idempotency_records_by_age ON idempotency_records(created_at);
