-- Issue 4: subscription transfers between partners (reference §2.10). Plain SQL that
-- PostgreSQL accepts as well (no WITHOUT ROWID, no SQLite-only types).

CREATE TABLE transfers (
  id                 TEXT PRIMARY KEY,
  customer_id        TEXT NOT NULL REFERENCES customers(id),
  source_tenant_id   TEXT NOT NULL,
  source_name        TEXT NOT NULL,  -- the partners' names when the transfer was created
  target_tenant_id   TEXT NOT NULL,
  target_name        TEXT NOT NULL,
  status             TEXT NOT NULL,  -- 'Active' | 'Complete' | 'Rejected' | 'Withdrawn' | 'Expired'
  order_id           TEXT NOT NULL,  -- the target's order once accepted, else ''
  created_at         BIGINT NOT NULL,  -- Unix ms
  last_modified_at   BIGINT NOT NULL,
  expires_at         BIGINT NOT NULL,
  etag               BIGINT NOT NULL
);
CREATE INDEX transfers_by_customer ON transfers(customer_id, created_at, id);

CREATE TABLE transfer_line_items (
  transfer_id           TEXT NOT NULL REFERENCES transfers(id),
  line_item_id          INTEGER NOT NULL,
  subscription_id       TEXT NOT NULL REFERENCES subscriptions(id),
  offer_id              TEXT NOT NULL,
  quantity              BIGINT NOT NULL,
  partner_id_on_record  TEXT NOT NULL,  -- the reseller's MPN ID at the target, or ''
  reseller_tenant_id    TEXT NOT NULL,
  -- 1 while the transfer is Active: the line holds its subscription.
  holds                 INTEGER NOT NULL,
  PRIMARY KEY (transfer_id, line_item_id)
);
-- A subscription is in at most one Active transfer; the database refuses a second one even
-- when two creations race.
CREATE UNIQUE INDEX transfer_lines_holding ON transfer_line_items(subscription_id)
  WHERE holds = 1;
