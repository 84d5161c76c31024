-- Issue 4: customer agreement attestations and customer permissions (self-serve policies).
-- V005 sorts after the catalog's V004; migrations apply in number order.

-- Attestations that a customer accepted a Microsoft agreement, kept for good. The agreement is
-- the customer's, so reads and the purchase gate look rows up by customer and type.
CREATE TABLE customer_agreements (
  id                  TEXT PRIMARY KEY,
  customer_id         TEXT NOT NULL REFERENCES customers(id),
  partner_tenant_id   TEXT NOT NULL,  -- who attested
  user_id             TEXT NOT NULL,  -- the attesting user (or app client ID)
  type                TEXT NOT NULL,  -- 'MicrosoftCustomerAgreement' | 'MicrosoftCloudAgreement'
  template_id         TEXT NOT NULL,
  date_agreed         INTEGER NOT NULL,  -- Unix ms, UTC
  contact_first_name  TEXT NOT NULL,
  contact_last_name   TEXT NOT NULL,
  contact_email       TEXT NOT NULL,
  contact_phone       TEXT NOT NULL DEFAULT '',
  created_at          INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX customer_agreements_by_customer
  ON customer_agreements(customer_id, type, created_at, id);

-- One policy per (grantor partner, customer); the primary key makes a duplicate a constraint
-- violation (409 600041) even when two requests race.
CREATE TABLE self_serve_policies (
  grantor_tenant_id  TEXT NOT NULL,
  customer_id        TEXT NOT NULL REFERENCES customers(id),
  permissions        TEXT NOT NULL,  -- "Resource:Action" pairs separated by ','
  etag               INTEGER NOT NULL,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  PRIMARY KEY (grantor_tenant_id, customer_id)
) WITHOUT ROWID;
