-- Issue 3: customers, the domains tenants hold, partners' relationships with customers,
-- delegated admin grants, and customer users.

-- Every domain any tenant holds, partner or customer: uniqueness across both is the
-- database's job (reference §2.2: the domain is globally unique).
CREATE TABLE tenant_domains (
  domain     text COLLATE "C" PRIMARY KEY,  -- lower case
  tenant_id  text COLLATE "C" NOT NULL,
  kind       text COLLATE "C" NOT NULL      -- 'partner' or 'customer'
);
INSERT INTO tenant_domains(domain, tenant_id, kind) SELECT domain, tenant_id, 'partner' FROM partners;

CREATE TABLE customers (
  id                                text COLLATE "C" PRIMARY KEY,
  commerce_id                       text COLLATE "C" NOT NULL,
  domain                            text COLLATE "C" NOT NULL UNIQUE REFERENCES tenant_domains(domain),
  organization_registration_number  text COLLATE "C" NOT NULL DEFAULT '',
  company_name                      text COLLATE "C" NOT NULL,
  billing_first_name                text COLLATE "C" NOT NULL,
  billing_last_name                 text COLLATE "C" NOT NULL,
  billing_email                     text COLLATE "C" NOT NULL,
  culture                           text COLLATE "C" NOT NULL,
  language                          text COLLATE "C" NOT NULL,
  country                           text COLLATE "C" NOT NULL,
  region                            text COLLATE "C" NOT NULL DEFAULT '',
  city                              text COLLATE "C" NOT NULL,
  state                             text COLLATE "C" NOT NULL DEFAULT '',
  address_line1                     text COLLATE "C" NOT NULL,
  address_line2                     text COLLATE "C" NOT NULL DEFAULT '',
  postal_code                       text COLLATE "C" NOT NULL,
  address_first_name                text COLLATE "C" NOT NULL DEFAULT '',
  address_middle_name               text COLLATE "C" NOT NULL DEFAULT '',
  address_last_name                 text COLLATE "C" NOT NULL DEFAULT '',
  phone_number                      text COLLATE "C" NOT NULL DEFAULT '',
  billing_etag                      bigint NOT NULL,
  created_by                        text COLLATE "C" NOT NULL DEFAULT '',
  created_at                        bigint NOT NULL,
  updated_at                        bigint NOT NULL
);

-- One row per (partner, customer) commerce relationship. name_key and domain are copies of
-- the customer's, so that every list order and prefix filter is one index range (keyset
-- paging costs the same on page 1 and page 10,000).
CREATE TABLE customer_relationships (
  partner_tenant_id     text COLLATE "C" NOT NULL,
  customer_id           text COLLATE "C" NOT NULL REFERENCES customers(id),
  name_key              text COLLATE "C" NOT NULL,  -- lower-case company name
  domain                text COLLATE "C" NOT NULL,
  indirect_reseller_id  text COLLATE "C" NOT NULL DEFAULT '',
  indirect_provider_id  text COLLATE "C" NOT NULL DEFAULT '',
  created_at            bigint NOT NULL,
  PRIMARY KEY (partner_tenant_id, customer_id)
);
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
  partner_tenant_id  text COLLATE "C" NOT NULL,
  customer_id        text COLLATE "C" NOT NULL REFERENCES customers(id),
  removed_at         bigint NOT NULL,
  PRIMARY KEY (partner_tenant_id, customer_id)
);

-- Delegated admin privileges: independent of the commerce relationship (reference §3.3).
CREATE TABLE delegated_admin_grants (
  partner_tenant_id  text COLLATE "C" NOT NULL,
  customer_id        text COLLATE "C" NOT NULL REFERENCES customers(id),
  granted_at         bigint NOT NULL,
  PRIMARY KEY (partner_tenant_id, customer_id)
);
CREATE INDEX delegated_admin_grants_by_customer ON delegated_admin_grants(customer_id);

CREATE TABLE customer_users (
  id                    text COLLATE "C" PRIMARY KEY,
  customer_id           text COLLATE "C" NOT NULL REFERENCES customers(id),
  user_principal_name   text COLLATE "C" NOT NULL UNIQUE,
  display_name          text COLLATE "C" NOT NULL,
  first_name            text COLLATE "C" NOT NULL DEFAULT '',
  last_name             text COLLATE "C" NOT NULL DEFAULT '',
  usage_location        text COLLATE "C" NOT NULL DEFAULT '',
  password_hash         text COLLATE "C" NOT NULL,
  must_change_password  boolean NOT NULL,
  global_admin          boolean NOT NULL DEFAULT false,
  state                 text COLLATE "C" NOT NULL DEFAULT 'active',
  soft_deleted_at       bigint,
  created_at            bigint NOT NULL,
  updated_at            bigint NOT NULL
);
CREATE INDEX customer_users_by_customer ON customer_users(customer_id, user_principal_name);
