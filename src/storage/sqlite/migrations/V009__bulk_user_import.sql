-- Issue 5 (bulk user import): secrets kept for one download, such as the temporary passwords of
-- an import. The content is sealed under a key derived from a token only the caller holds; the
-- ID is a keyed hash of that token. Read once: the read deletes the row.
CREATE TABLE one_time_downloads (
  id                 TEXT PRIMARY KEY,
  partner_tenant_id  TEXT NOT NULL,
  sealed             TEXT NOT NULL,
  created_at         INTEGER NOT NULL,
  expires_at         INTEGER NOT NULL
);
CREATE INDEX one_time_downloads_by_expiry ON one_time_downloads(expires_at);

-- Bulk import jobs (/v1/userimports). Rows are spooled here as the file arrives, then processed
-- in batches: each batch's transaction creates its users and marks its rows, so a restart
-- resumes at the first pending row and never creates a user twice.
CREATE TABLE user_import_jobs (
  id                   TEXT PRIMARY KEY,
  partner_tenant_id    TEXT NOT NULL REFERENCES partners(tenant_id),
  subject_id           TEXT NOT NULL,
  user_principal_name  TEXT NOT NULL,
  application_id       TEXT NOT NULL,
  default_customer_id  TEXT NOT NULL,
  usage_location       TEXT NOT NULL,
  dry_run              INTEGER NOT NULL,
  state                TEXT NOT NULL,  -- receiving | queued | running | completed
  columns              TEXT NOT NULL,
  total_rows           INTEGER NOT NULL,
  processed_rows       INTEGER NOT NULL,
  created_rows         INTEGER NOT NULL,
  failed_rows          INTEGER NOT NULL,
  passwords_taken      INTEGER NOT NULL,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL,
  completed_at         INTEGER
);
CREATE INDEX user_import_jobs_by_state ON user_import_jobs(state);

CREATE TABLE user_import_rows (
  job_id           TEXT NOT NULL REFERENCES user_import_jobs(id) ON DELETE CASCADE,
  row_number       INTEGER NOT NULL,
  customer_id      TEXT NOT NULL,
  first_name       TEXT NOT NULL,
  last_name        TEXT NOT NULL,
  display_name     TEXT NOT NULL,
  email            TEXT NOT NULL,
  upn_key          TEXT NOT NULL,
  usage_location   TEXT NOT NULL,
  status           TEXT NOT NULL,  -- pending | created | valid | failed
  message          TEXT NOT NULL,
  user_id          TEXT,
  sealed_password  TEXT,
  PRIMARY KEY (job_id, row_number)
);
-- The worker's next batch is a range of the primary key after its previous batch (no status
-- index: it would be written for every spooled and every marked row).
-- "Repeated in the file": the first row of a job with an email.
CREATE INDEX user_import_rows_by_email ON user_import_rows(job_id, upn_key, row_number);
