-- Issue 4: subscription transfers between partners (reference §2.10); SQLite's V007 with
-- text COLLATE "C".

CREATE TABLE transfers (
  id                 text COLLATE "C" PRIMARY KEY,
  customer_id        text COLLATE "C" NOT NULL REFERENCES customers(id),
  source_tenant_id   text COLLATE "C" NOT NULL,
  source_name        text COLLATE "C" NOT NULL,  -- the partners' names when it was created
  target_tenant_id   text COLLATE "C" NOT NULL,
  target_name        text COLLATE "C" NOT NULL,
  status             text COLLATE "C" NOT NULL,  -- 'Active' | 'Complete' | 'Rejected' | 'Withdrawn' | 'Expired'
  order_id           text COLLATE "C" NOT NULL,  -- the target's order once accepted, else ''
  created_at         bigint NOT NULL,  -- Unix ms
  last_modified_at   bigint NOT NULL,
  expires_at         bigint NOT NULL,
  etag               bigint NOT NULL
);
CREATE INDEX transfers_by_customer ON transfers(customer_id, created_at, id);

CREATE TABLE transfer_line_items (
  transfer_id           text COLLATE "C" NOT NULL REFERENCES transfers(id),
  line_item_id          integer NOT NULL,
  subscription_id       text COLLATE "C" NOT NULL REFERENCES subscriptions(id),
  offer_id              text COLLATE "C" NOT NULL,
  quantity              bigint NOT NULL,
  partner_id_on_record  text COLLATE "C" NOT NULL,  -- the reseller's MPN ID at the target, or ''
  reseller_tenant_id    text COLLATE "C" NOT NULL,
  -- 1 while the transfer is Active: the line holds its subscription. An integer rather than a
  -- boolean so that the statements (holds=1, holds=0) are SQLite's.
  holds                 integer NOT NULL CHECK (holds IN (0, 1)),
  PRIMARY KEY (transfer_id, line_item_id)
);
-- A subscription is in at most one Active transfer; the database refuses a second one even
-- when two creations race (on two nodes too: a unique index is checked across transactions).
CREATE UNIQUE INDEX transfer_lines_holding ON transfer_line_items(subscription_id)
  WHERE holds = 1;
