-- Issue 4: orders, the subscriptions they create, and each subscription's timeline.

CREATE TABLE orders (
  id                 TEXT PRIMARY KEY,
  customer_id        TEXT NOT NULL REFERENCES customers(id),
  partner_tenant_id  TEXT NOT NULL,  -- who placed it
  billing_cycle      TEXT NOT NULL,
  currency_code      TEXT NOT NULL,
  currency_symbol    TEXT NOT NULL,
  status             TEXT NOT NULL,
  transaction_type   TEXT NOT NULL,
  created_at         INTEGER NOT NULL,  -- Unix ms
  etag               INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX orders_by_customer ON orders(customer_id, created_at, id);

CREATE TABLE order_line_items (
  order_id                TEXT NOT NULL REFERENCES orders(id),
  line_item_number        INTEGER NOT NULL,
  offer_id                TEXT NOT NULL,
  quantity                INTEGER NOT NULL,
  term_duration           TEXT NOT NULL,
  billing_cycle           TEXT NOT NULL,
  friendly_name           TEXT NOT NULL,
  partner_id_on_record    TEXT NOT NULL,  -- the reseller's MPN ID as sent, or ''
  reseller_tenant_id      TEXT NOT NULL,  -- resolved from it, or ''
  parent_subscription_id  TEXT NOT NULL,
  subscription_id         TEXT NOT NULL,
  PRIMARY KEY (order_id, line_item_number)
) WITHOUT ROWID;
-- A reseller of record sees the orders it is on (GET .../orders).
CREATE INDEX order_lines_by_reseller ON order_line_items(reseller_tenant_id, order_id)
  WHERE reseller_tenant_id != '';

-- The current state of each subscription. The columns from offer_id to etag are the
-- "state": subscription_events repeats them after every change.
CREATE TABLE subscriptions (
  id                      TEXT PRIMARY KEY,
  customer_id             TEXT NOT NULL REFERENCES customers(id),
  partner_tenant_id       TEXT NOT NULL,  -- the billing partner
  order_id                TEXT NOT NULL,
  offer_id                TEXT NOT NULL,
  offer_name              TEXT NOT NULL,
  product_id              TEXT NOT NULL,
  sku_id                  TEXT NOT NULL,
  availability_id         TEXT NOT NULL,
  parent_subscription_id  TEXT NOT NULL,
  friendly_name           TEXT NOT NULL,
  quantity                INTEGER NOT NULL,
  unit_type               TEXT NOT NULL,
  billing_type            TEXT NOT NULL,
  billing_cycle           TEXT NOT NULL,
  term_duration           TEXT NOT NULL,
  status                  TEXT NOT NULL,  -- 'active' | 'suspended' | 'deleted'
  auto_renew              INTEGER NOT NULL,
  is_trial                INTEGER NOT NULL,
  reseller_tenant_id      TEXT NOT NULL,
  reseller_mpn_id         TEXT NOT NULL,
  support_tenant_id       TEXT NOT NULL,
  support_mpn_id          TEXT NOT NULL,
  support_name            TEXT NOT NULL,
  created_at              INTEGER NOT NULL,
  commitment_end          INTEGER NOT NULL,
  suspended_at            INTEGER,
  suspension_expires_at   INTEGER,
  etag                    INTEGER NOT NULL,
  updated_at              INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX subscriptions_by_customer ON subscriptions(customer_id, created_at, id);
CREATE INDEX subscriptions_by_order ON subscriptions(order_id);
-- A reseller's subscriptions (?mpn_id=, and what a reseller of record may see).
CREATE INDEX subscriptions_by_reseller ON subscriptions(reseller_tenant_id, customer_id)
  WHERE reseller_tenant_id != '';

-- The timeline: one row per change, holding the whole state after it, so "what did this
-- subscription look like on date D" is one index lookup. Never updated or deleted.
CREATE TABLE subscription_events (
  subscription_id         TEXT NOT NULL REFERENCES subscriptions(id),
  seq                     INTEGER NOT NULL,
  at                      INTEGER NOT NULL,
  kind                    TEXT NOT NULL,
  actor                   TEXT NOT NULL,
  customer_id             TEXT NOT NULL,
  partner_tenant_id       TEXT NOT NULL,
  order_id                TEXT NOT NULL,
  offer_id                TEXT NOT NULL,
  offer_name              TEXT NOT NULL,
  product_id              TEXT NOT NULL,
  sku_id                  TEXT NOT NULL,
  availability_id         TEXT NOT NULL,
  parent_subscription_id  TEXT NOT NULL,
  friendly_name           TEXT NOT NULL,
  quantity                INTEGER NOT NULL,
  unit_type               TEXT NOT NULL,
  billing_type            TEXT NOT NULL,
  billing_cycle           TEXT NOT NULL,
  term_duration           TEXT NOT NULL,
  status                  TEXT NOT NULL,
  auto_renew              INTEGER NOT NULL,
  is_trial                INTEGER NOT NULL,
  reseller_tenant_id      TEXT NOT NULL,
  reseller_mpn_id         TEXT NOT NULL,
  support_tenant_id       TEXT NOT NULL,
  support_mpn_id          TEXT NOT NULL,
  support_name            TEXT NOT NULL,
  created_at              INTEGER NOT NULL,
  commitment_end          INTEGER NOT NULL,
  suspended_at            INTEGER,
  suspension_expires_at   INTEGER,
  etag                    INTEGER NOT NULL,
  updated_at              INTEGER NOT NULL,
  PRIMARY KEY (subscription_id, seq)
) WITHOUT ROWID;
