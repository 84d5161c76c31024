-- Issue 4: orders, the subscriptions they create, and each subscription's timeline. SQLite's
-- V006 column for column (bigint Unix-ms times, boolean flags, text COLLATE "C").

CREATE TABLE orders (
  id                 text COLLATE "C" PRIMARY KEY,
  customer_id        text COLLATE "C" NOT NULL REFERENCES customers(id),
  partner_tenant_id  text COLLATE "C" NOT NULL,  -- who placed it
  billing_cycle      text COLLATE "C" NOT NULL,
  currency_code      text COLLATE "C" NOT NULL,
  currency_symbol    text COLLATE "C" NOT NULL,
  status             text COLLATE "C" NOT NULL,
  transaction_type   text COLLATE "C" NOT NULL,
  created_at         bigint NOT NULL,  -- Unix ms
  etag               bigint NOT NULL
);
CREATE INDEX orders_by_customer ON orders(customer_id, created_at, id);

CREATE TABLE order_line_items (
  order_id                text COLLATE "C" NOT NULL REFERENCES orders(id),
  line_item_number        integer NOT NULL,
  offer_id                text COLLATE "C" NOT NULL,
  quantity                bigint NOT NULL,
  term_duration           text COLLATE "C" NOT NULL,
  billing_cycle           text COLLATE "C" NOT NULL,
  friendly_name           text COLLATE "C" NOT NULL,
  partner_id_on_record    text COLLATE "C" NOT NULL,  -- the reseller's MPN ID as sent, or ''
  reseller_tenant_id      text COLLATE "C" NOT NULL,  -- resolved from it, or ''
  parent_subscription_id  text COLLATE "C" NOT NULL,
  subscription_id         text COLLATE "C" NOT NULL,
  PRIMARY KEY (order_id, line_item_number)
);
-- A reseller of record sees the orders it is on (GET .../orders).
CREATE INDEX order_lines_by_reseller ON order_line_items(reseller_tenant_id, order_id)
  WHERE reseller_tenant_id != '';

-- The current state of each subscription. The columns from customer_id to updated_at are the
-- "state": subscription_events repeats them after every change. Updates are conditional on the
-- etag the writer read (UPDATE ... WHERE id=? AND etag=?), so of two writers holding one etag
-- exactly one changes the row.
CREATE TABLE subscriptions (
  id                      text COLLATE "C" PRIMARY KEY,
  customer_id             text COLLATE "C" NOT NULL REFERENCES customers(id),
  partner_tenant_id       text COLLATE "C" NOT NULL,  -- the billing partner
  order_id                text COLLATE "C" NOT NULL,
  offer_id                text COLLATE "C" NOT NULL,
  offer_name              text COLLATE "C" NOT NULL,
  product_id              text COLLATE "C" NOT NULL,
  sku_id                  text COLLATE "C" NOT NULL,
  availability_id         text COLLATE "C" NOT NULL,
  parent_subscription_id  text COLLATE "C" NOT NULL,
  friendly_name           text COLLATE "C" NOT NULL,
  quantity                bigint NOT NULL,
  unit_type               text COLLATE "C" NOT NULL,
  billing_type            text COLLATE "C" NOT NULL,
  billing_cycle           text COLLATE "C" NOT NULL,
  term_duration           text COLLATE "C" NOT NULL,
  status                  text COLLATE "C" NOT NULL,  -- 'active' | 'suspended' | 'deleted'
  auto_renew              boolean NOT NULL,
  is_trial                boolean NOT NULL,
  reseller_tenant_id      text COLLATE "C" NOT NULL,
  reseller_mpn_id         text COLLATE "C" NOT NULL,
  support_tenant_id       text COLLATE "C" NOT NULL,
  support_mpn_id          text COLLATE "C" NOT NULL,
  support_name            text COLLATE "C" NOT NULL,
  created_at              bigint NOT NULL,
  commitment_end          bigint NOT NULL,
  suspended_at            bigint,
  suspension_expires_at   bigint,
  etag                    bigint NOT NULL,
  updated_at              bigint NOT NULL
);
CREATE INDEX subscriptions_by_customer ON subscriptions(customer_id, created_at, id);
CREATE INDEX subscriptions_by_order ON subscriptions(order_id);
-- A reseller's subscriptions (?mpn_id=, and what a reseller of record may see).
CREATE INDEX subscriptions_by_reseller ON subscriptions(reseller_tenant_id, customer_id)
  WHERE reseller_tenant_id != '';

-- The timeline: one row per change, holding the whole state after it, so "what did this
-- subscription look like on date D" is one index lookup. Keyed by (subscription, etag): seq is
-- the etag after the change. Never updated or deleted.
CREATE TABLE subscription_events (
  subscription_id         text COLLATE "C" NOT NULL REFERENCES subscriptions(id),
  seq                     bigint NOT NULL,
  at                      bigint NOT NULL,
  kind                    text COLLATE "C" NOT NULL,
  actor                   text COLLATE "C" NOT NULL,
  customer_id             text COLLATE "C" NOT NULL,
  partner_tenant_id       text COLLATE "C" NOT NULL,
  order_id                text COLLATE "C" NOT NULL,
  offer_id                text COLLATE "C" NOT NULL,
  offer_name              text COLLATE "C" NOT NULL,
  product_id              text COLLATE "C" NOT NULL,
  sku_id                  text COLLATE "C" NOT NULL,
  availability_id         text COLLATE "C" NOT NULL,
  parent_subscription_id  text COLLATE "C" NOT NULL,
  friendly_name           text COLLATE "C" NOT NULL,
  quantity                bigint NOT NULL,
  unit_type               text COLLATE "C" NOT NULL,
  billing_type            text COLLATE "C" NOT NULL,
  billing_cycle           text COLLATE "C" NOT NULL,
  term_duration           text COLLATE "C" NOT NULL,
  status                  text COLLATE "C" NOT NULL,
  auto_renew              boolean NOT NULL,
  is_trial                boolean NOT NULL,
  reseller_tenant_id      text COLLATE "C" NOT NULL,
  reseller_mpn_id         text COLLATE "C" NOT NULL,
  support_tenant_id       text COLLATE "C" NOT NULL,
  support_mpn_id          text COLLATE "C" NOT NULL,
  support_name            text COLLATE "C" NOT NULL,
  created_at              bigint NOT NULL,
  commitment_end          bigint NOT NULL,
  suspended_at            bigint,
  suspension_expires_at   bigint,
  etag                    bigint NOT NULL,
  updated_at              bigint NOT NULL,
  PRIMARY KEY (subscription_id, seq)
);
