-- Issue 3: customers, the domains tenants hold, partners' relationships with customers,
-- delegated admin grants, and customer users.

-- Every domain any tenant holds, partner or customer: uniqueness across both is the
-- database's job (reference §2.2: the domain is globally unique).
CREATE TABLE tenant_domains (
  domain     TEXT PRIMARY KEY,  -- lower case
  tenant_id  TEXT NOT NULL,
  kind       TEXT NOT NULL      -- 'partner' or 'customer'
) WITHOUT ROWID;
INSERT INTO tenant_domains(domain, tenant_id, kind) SELECT domain, tenant_id, 'partner' FROM partners;

CREATE TABLE customers (
  id                                TEXT PRIMARY KEY,
  commerce_id                       TEXT NOT NULL,
  domain                            TEXT NOT NULL UNIQUE REFERENCES tenant_domains(domain),
  organization_registration_number  TEXT NOT NULL DEFAULT '',
  company_name                      TEXT NOT NULL,
  billing_first_name                TEXT NOT NULL,
  billing_last_name                 TEXT NOT NULL,
  billing_email                     TEXT NOT NULL,
  culture                           TEXT NOT NULL,
  language                          TEXT NOT NULL,
  country                           TEXT NOT NULL,
  region                            TEXT NOT NULL DEFAULT '',
  city                              TEXT NOT NULL,
  state                             TEXT NOT NULL DEFAULT '',
  address_line1                     TEXT NOT NULL,
  address_line2                     TEXT NOT NULL DEFAULT '',
  postal_code                       TEXT NOT NULL,
  address_first_name                TEXT NOT NULL DEFAULT '',
  address_middle_name               TEXT NOT NULL DEFAULT '',
  address_last_name                 TEXT NOT NULL DEFAULT '',
  phone_number                      TEXT NOT NULL DEFAULT '',
  billing_etag                      INTEGER NOT NULL,
  created_by                        TEXT NOT NULL DEFAULT '',
  created_at                        INTEGER NOT NULL,
  updated_at                        INTEGER NOT NULL
) WITHOUT ROWID;

-- One row per (partner, customer) commerce relationship. name_key and domain are copies of
-- the customer's, so that every list order and prefix filter is one index range (keyset
-- paging costs the same on page 1 and page 10,000).
CREATE TABLE customer_relationships (
  partner_tenant_id     TEXT NOT NULL,
  customer_id           TEXT NOT NULL REFERENCES customers(id),
  name_key              TEXT NOT NULL,  -- lower-case company name
  domain                TEXT NOT NULL,
  indirect_reseller_id  TEXT NOT NULL DEFAULT '',
  indirect_provider_id  TEXT NOT NULL DEFAULT '',
  created_at            INTEGER NOT NULL,
  PRIMARY KEY (partner_tenant_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX customer_relationships_by_name
  ON customer_relationships(partner_tenant_id, name_key, customer_id);
CREATE INDEX customer_relationships_by_domain
  ON customer_relationships(partner_tenant_id, domain, customer_id);
CREATE INDEX customer_relationships_by_reseller
  ON customer_relationships(partner_tenant_id, indirect_reseller_id, name_key, customer_id);
CREATE INDEX customer_relationships_by_provider
  ON customer_relationships(partner_tenant_id, indirect_provider_id, name_key, customer_id);
CREATE INDEX customer_relationships_by_customer ON customer_relationships(customer_id);

-- Relationships a partner removed: reads then answer 403 (20002) rather than 404.
CREATE TABLE former_customer_relationships (
  partner_tenant_id  TEXT NOT NULL,
  customer_id        TEXT NOT NULL REFERENCES customers(id),
  removed_at         INTEGER NOT NULL,
  PRIMARY KEY (partner_tenant_id, customer_id)
) WITHOUT ROWID;

-- Delegated admin privileges: independent of the commerce relationship (reference §3.3).
CREATE TABLE delegated_admin_grants (
  partner_tenant_id  TEXT NOT NULL,
  customer_id        TEXT NOT NULL REFERENCES customers(id),
  granted_at         INTEGER NOT NULL,
  PRIMARY KEY (partner_tenant_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX delegated_admin_grants_by_customer ON delegated_admin_grants(customer_id);

CREATE TABLE customer_users (
  id                    TEXT PRIMARY KEY,
  customer_id           TEXT NOT NULL REFERENCES customers(id),
  user_principal_name   TEXT NOT NULL UNIQUE,
  display_name          TEXT NOT NULL,
  first_name            TEXT NOT NULL DEFAULT '',
  last_name             TEXT NOT NULL DEFAULT '',
  usage_location        TEXT NOT NULL DEFAULT '',
  password_hash         TEXT NOT NULL,
  must_change_password  INTEGER NOT NULL,
  global_admin          INTEGER NOT NULL DEFAULT 0,
  state                 TEXT NOT NULL DEFAULT 'active',
  soft_deleted_at       INTEGER,
  created_at            INTEGER NOT NULL,
  updated_at            INTEGER NOT NULL
);
CREATE INDEX customer_users_by_customer ON customer_users(customer_id, user_principal_name);
