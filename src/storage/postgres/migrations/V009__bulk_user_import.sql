-- Issue 5 (bulk user import): SQLite's V009 column for column (bigint Unix-ms times, boolean
-- flags, text COLLATE "C").

-- Secrets kept for one download (the temporary passwords of an import), sealed; read once.
CREATE TABLE one_time_downloads (
  id                 text COLLATE "C" PRIMARY KEY,
  partner_tenant_id  text COLLATE "C" NOT NULL,
  sealed             text COLLATE "C" NOT NULL,
  created_at         bigint NOT NULL,
  expires_at         bigint NOT NULL
);
CREATE INDEX one_time_downloads_by_expiry ON one_time_downloads(expires_at);

-- Bulk import jobs: rows spooled as the file arrives, then processed in batches, each batch's
-- transaction creating its users and marking its rows (a restart resumes at the first pending row).
CREATE TABLE user_import_jobs (
  id                   text COLLATE "C" PRIMARY KEY,
  partner_tenant_id    text COLLATE "C" NOT NULL REFERENCES partners(tenant_id),
  subject_id           text COLLATE "C" NOT NULL,
  user_principal_name  text COLLATE "C" NOT NULL,
  application_id       text COLLATE "C" NOT NULL,
  default_customer_id  text COLLATE "C" NOT NULL,
  usage_location       text COLLATE "C" NOT NULL,
  dry_run              boolean NOT NULL,
  state                text COLLATE "C" NOT NULL,  -- receiving | queued | running | completed
  columns              text COLLATE "C" NOT NULL,
  total_rows           bigint NOT NULL,
  processed_rows       bigint NOT NULL,
  created_rows         bigint NOT NULL,
  failed_rows          bigint NOT NULL,
  passwords_taken      boolean NOT NULL,
  created_at           bigint NOT NULL,
  updated_at           bigint NOT NULL,
  completed_at         bigint
);
CREATE INDEX user_import_jobs_by_state ON user_import_jobs(state);

CREATE TABLE user_import_rows (
  job_id           text COLLATE "C" NOT NULL REFERENCES user_import_jobs(id) ON DELETE CASCADE,
  row_number       bigint NOT NULL,
  customer_id      text COLLATE "C" NOT NULL,
  first_name       text COLLATE "C" NOT NULL,
  last_name        text COLLATE "C" NOT NULL,
  display_name     text COLLATE "C" NOT NULL,
  email            text COLLATE "C" NOT NULL,
  upn_key          text COLLATE "C" NOT NULL,
  usage_location   text COLLATE "C" NOT NULL,
  status           text COLLATE "C" NOT NULL,  -- pending | created | valid | failed
  message          text COLLATE "C" NOT NULL,
  user_id          text COLLATE "C",
  sealed_password  text COLLATE "C",
  PRIMARY KEY (job_id, row_number)
);
CREATE INDEX user_import_rows_by_email ON user_import_rows(job_id, upn_key, row_number);
