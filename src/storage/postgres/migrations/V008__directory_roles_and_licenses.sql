-- Issue 5: a customer tenant's directory roles and license assignments (SQLite's V008, the same
-- tables and indexes). V007 is transfers.

-- Who holds which directory role of the customer's tenant. The Global Administrator role moves
-- here from customer_users.global_admin, so every role has one source of truth.
CREATE TABLE customer_directory_role_members (
  customer_id  text COLLATE "C" NOT NULL REFERENCES customers(id),
  role_id      text COLLATE "C" NOT NULL,  -- a directory role template ID (domain/directory/directory_role)
  user_id      text COLLATE "C" NOT NULL REFERENCES customer_users(id) ON DELETE CASCADE,
  added_at     bigint NOT NULL,
  PRIMARY KEY (customer_id, role_id, user_id)
);
CREATE INDEX customer_role_members_by_user ON customer_directory_role_members(user_id, role_id);
INSERT INTO customer_directory_role_members(customer_id, role_id, user_id, added_at)
  SELECT customer_id, '62e90394-69f5-4237-9190-012177145e10', id, created_at
  FROM customer_users WHERE global_admin;
ALTER TABLE customer_users DROP COLUMN global_admin;

-- The user list pages by (state, principal name) within a customer.
CREATE INDEX customer_users_by_state ON customer_users(customer_id, state, user_principal_name);

-- Licenses assigned to users, one row per (user, SKU). The SKU is "{productId}:{skuId}" of the
-- catalog; units bought come from the customer's active subscriptions of that SKU.
CREATE TABLE license_assignments (
  customer_id     text COLLATE "C" NOT NULL REFERENCES customers(id),
  user_id         text COLLATE "C" NOT NULL REFERENCES customer_users(id) ON DELETE CASCADE,
  sku_id          text COLLATE "C" NOT NULL,
  excluded_plans  text COLLATE "C" NOT NULL DEFAULT '',  -- service plan IDs separated by ','
  assigned_at     bigint NOT NULL,
  PRIMARY KEY (customer_id, user_id, sku_id)
);
-- "Which users hold SKU X" and "how many units of X are consumed": one index range.
CREATE INDEX license_assignments_by_sku ON license_assignments(customer_id, sku_id, user_id);
