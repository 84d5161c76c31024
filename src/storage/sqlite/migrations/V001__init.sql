-- Issue 2: partners, their users and apps, partnerships, the activity log, settings.
-- Times are milliseconds since the Unix epoch (UTC). Booleans are 0/1.

CREATE TABLE partners (
  tenant_id   TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  country     TEXT NOT NULL,
  programs    INTEGER NOT NULL,
  mpn_id      TEXT NOT NULL UNIQUE,
  domain      TEXT NOT NULL UNIQUE,
  disabled    INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE partner_users (
  id                    TEXT PRIMARY KEY,
  tenant_id             TEXT NOT NULL REFERENCES partners(tenant_id),
  user_principal_name   TEXT NOT NULL UNIQUE,
  display_name          TEXT NOT NULL,
  first_name            TEXT NOT NULL DEFAULT '',
  last_name             TEXT NOT NULL DEFAULT '',
  roles                 INTEGER NOT NULL,
  password_hash         TEXT NOT NULL,
  must_change_password  INTEGER NOT NULL,
  disabled              INTEGER NOT NULL DEFAULT 0,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL
);
CREATE INDEX partner_users_by_tenant ON partner_users(tenant_id, user_principal_name);

CREATE TABLE app_registrations (
  client_id          TEXT PRIMARY KEY,
  tenant_id          TEXT NOT NULL REFERENCES partners(tenant_id),
  display_name       TEXT NOT NULL,
  secret_hash        TEXT NOT NULL,
  roles              INTEGER NOT NULL,
  created_at         INTEGER NOT NULL,
  secret_rotated_at  INTEGER NOT NULL
);
CREATE INDEX app_registrations_by_tenant ON app_registrations(tenant_id);

CREATE TABLE partnerships (
  provider_tenant_id  TEXT NOT NULL REFERENCES partners(tenant_id),
  reseller_tenant_id  TEXT NOT NULL REFERENCES partners(tenant_id),
  created_at          INTEGER NOT NULL,
  PRIMARY KEY (provider_tenant_id, reseller_tenant_id)
) WITHOUT ROWID;
CREATE INDEX partnerships_by_reseller ON partnerships(reseller_tenant_id, provider_tenant_id);

CREATE TABLE partnership_invitations (
  id                  TEXT PRIMARY KEY,
  provider_tenant_id  TEXT NOT NULL REFERENCES partners(tenant_id),
  token_hash          TEXT NOT NULL UNIQUE,
  created_by          TEXT NOT NULL,
  created_at          INTEGER NOT NULL,
  expires_at          INTEGER NOT NULL,
  revoked_at          INTEGER
);
CREATE INDEX partnership_invitations_by_provider ON partnership_invitations(provider_tenant_id, created_at);

CREATE TABLE audit_records (
  seq                      INTEGER PRIMARY KEY AUTOINCREMENT,
  id                       TEXT NOT NULL UNIQUE,
  partner_id               TEXT NOT NULL,
  customer_id              TEXT NOT NULL DEFAULT '',
  customer_name            TEXT NOT NULL DEFAULT '',
  user_principal_name      TEXT NOT NULL DEFAULT '',
  application_id           TEXT NOT NULL DEFAULT '',
  resource_type            TEXT NOT NULL,
  resource_old_value       TEXT NOT NULL DEFAULT '',
  resource_new_value       TEXT NOT NULL DEFAULT '',
  operation_type           TEXT NOT NULL,
  original_correlation_id  TEXT NOT NULL DEFAULT '',
  operation_date           INTEGER NOT NULL,
  operation_status         TEXT NOT NULL,
  customized_data          TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX audit_records_by_partner ON audit_records(partner_id, seq);

CREATE TABLE settings (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) WITHOUT ROWID;
