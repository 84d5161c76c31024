-- Issue 4: the catalog (products → SKUs → availabilities, and legacy offers), replaced as a
-- whole by each import (docs/catalog.md). Lists of IDs, billing cycles and terms are stored
-- comma-separated: their values are validated never to contain a comma, and nothing queries
-- inside them. `position` keeps the file's order for every list.

-- One row per import: the last one (highest seq) is the catalog in use.
CREATE TABLE catalog_imports (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  version      TEXT NOT NULL,
  source       TEXT NOT NULL,
  forced       INTEGER NOT NULL DEFAULT 0,
  imported_at  INTEGER NOT NULL
);

CREATE TABLE catalog_countries (
  code             TEXT PRIMARY KEY,
  currency_code    TEXT NOT NULL,
  currency_symbol  TEXT NOT NULL,
  position         INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE catalog_products (
  id                         TEXT PRIMARY KEY,
  title                      TEXT NOT NULL,
  description                TEXT NOT NULL DEFAULT '',
  product_type               TEXT NOT NULL,
  product_type_display_name  TEXT NOT NULL,
  product_sub_type           TEXT NOT NULL DEFAULT '',
  is_microsoft_product       INTEGER NOT NULL,
  publisher_name             TEXT NOT NULL DEFAULT '',
  position                   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE catalog_skus (
  product_id              TEXT NOT NULL REFERENCES catalog_products(id),
  id                      TEXT NOT NULL,
  title                   TEXT NOT NULL,
  description             TEXT NOT NULL DEFAULT '',
  minimum_quantity        INTEGER NOT NULL,
  maximum_quantity        INTEGER NOT NULL,
  is_trial                INTEGER NOT NULL,
  is_add_on               INTEGER NOT NULL,
  prerequisite_skus       TEXT NOT NULL DEFAULT '',
  purchase_prerequisites  TEXT NOT NULL DEFAULT '',
  billing                 TEXT NOT NULL,
  unit_type               TEXT NOT NULL,
  position                INTEGER NOT NULL,
  PRIMARY KEY (product_id, id)
) WITHOUT ROWID;

CREATE TABLE catalog_availabilities (
  product_id      TEXT NOT NULL,
  sku_id          TEXT NOT NULL,
  id              TEXT NOT NULL,
  segment         TEXT NOT NULL,
  is_purchasable  INTEGER NOT NULL,
  is_renewable    INTEGER NOT NULL,
  terms           TEXT NOT NULL DEFAULT '',  -- "P1Y/annual,P1Y/monthly"
  position        INTEGER NOT NULL,
  PRIMARY KEY (product_id, sku_id, id),
  FOREIGN KEY (product_id, sku_id) REFERENCES catalog_skus(product_id, id)
) WITHOUT ROWID;

-- Where each availability is sold; keyed by country first, as every read filters by it.
CREATE TABLE catalog_availability_countries (
  country          TEXT NOT NULL,
  product_id       TEXT NOT NULL,
  sku_id           TEXT NOT NULL,
  availability_id  TEXT NOT NULL,
  PRIMARY KEY (country, product_id, sku_id, availability_id),
  FOREIGN KEY (product_id, sku_id, availability_id)
    REFERENCES catalog_availabilities(product_id, sku_id, id)
) WITHOUT ROWID;

CREATE TABLE catalog_offers (
  id                         TEXT PRIMARY KEY,
  name                       TEXT NOT NULL,
  description                TEXT NOT NULL DEFAULT '',
  minimum_quantity           INTEGER NOT NULL,
  maximum_quantity           INTEGER NOT NULL,
  rank                       INTEGER NOT NULL,
  category_id                TEXT NOT NULL DEFAULT '',
  category_name              TEXT NOT NULL DEFAULT '',
  category_rank              INTEGER NOT NULL DEFAULT 0,
  prerequisite_offers        TEXT NOT NULL DEFAULT '',
  is_add_on                  INTEGER NOT NULL,
  is_available_for_purchase  INTEGER NOT NULL,
  billing                    TEXT NOT NULL,
  supported_billing_cycles   TEXT NOT NULL,
  term_durations             TEXT NOT NULL DEFAULT '',
  is_auto_renewable          INTEGER NOT NULL,
  upgrade_target_offers      TEXT NOT NULL DEFAULT '',
  unit_type                  TEXT NOT NULL,
  is_trial                   INTEGER NOT NULL,
  product_id                 TEXT NOT NULL DEFAULT '',
  sku_id                     TEXT NOT NULL DEFAULT '',
  position                   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE catalog_offer_countries (
  country   TEXT NOT NULL,
  offer_id  TEXT NOT NULL REFERENCES catalog_offers(id),
  PRIMARY KEY (country, offer_id)
) WITHOUT ROWID;
CREATE INDEX catalog_offer_countries_by_offer ON catalog_offer_countries(offer_id);
