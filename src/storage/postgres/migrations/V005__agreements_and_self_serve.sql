-- Issue 4: customer agreement attestations and customer permissions (self-serve policies).
-- V005 sorts after the catalog's V004; migrations apply in number order.

-- Attestations that a customer accepted a Microsoft agreement, kept for good. The agreement is
-- the customer's, so reads and the purchase gate look rows up by customer and type.
CREATE TABLE customer_agreements (
  id                  text COLLATE "C" PRIMARY KEY,
  customer_id         text COLLATE "C" NOT NULL REFERENCES customers(id),
  partner_tenant_id   text COLLATE "C" NOT NULL,  -- who attested
  user_id             text COLLATE "C" NOT NULL,  -- the attesting user (or app client ID)
  type                text COLLATE "C" NOT NULL,  -- 'MicrosoftCustomerAgreement' | 'MicrosoftCloudAgreement'
  template_id         text COLLATE "C" NOT NULL,
  date_agreed         bigint NOT NULL,  -- Unix ms, UTC
  contact_first_name  text COLLATE "C" NOT NULL,
  contact_last_name   text COLLATE "C" NOT NULL,
  contact_email       text COLLATE "C" NOT NULL,
  contact_phone       text COLLATE "C" NOT NULL DEFAULT '',
  created_at          bigint NOT NULL
);
CREATE INDEX customer_agreements_by_customer
  ON customer_agreements(customer_id, type, created_at, id);

-- One policy per (grantor partner, customer); the primary key makes a duplicate a constraint
-- violation (409 600041) even when two requests race.
CREATE TABLE self_serve_policies (
  grantor_tenant_id  text COLLATE "C" NOT NULL,
  customer_id        text COLLATE "C" NOT NULL REFERENCES customers(id),
  permissions        text COLLATE "C" NOT NULL,  -- "Resource:Action" pairs separated by ','
  etag               bigint NOT NULL,
  created_at         bigint NOT NULL,
  updated_at         bigint NOT NULL,
  PRIMARY KEY (grantor_tenant_id, customer_id)
);
