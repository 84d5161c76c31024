#pragma once
// The SQL in which SQLite and PostgreSQL differ, side by side: the shared repositories
// (storage/common/) run the same text on both backends but for these pieces, which each
// backend's SqlBackend (storage/<backend>/repositories.hpp) takes from its dialect. SqlText()
// (storage/common/sql_text.hpp) joins a piece into a statement at compile time.
//
// What is written once because both accept it: `?`/`?N` placeholders (PostgreSQL's Statement
// rewrites them), INSERT … ON CONFLICT upserts, `NOT flag` on a 0/1 or boolean column,
// CAST(? AS bigint), and lower() for case-insensitive comparison (ASCII-only on both: SQLite's
// lower() and LIKE fold ASCII only, and every PostgreSQL text column collates "C").
// A constraint violation becomes AlreadyExists in each Connection, and Statement::Changes() counts
// the rows a statement changed on both.

namespace csphub::storage {

struct SqliteDialect {
  // The 1-based position of the second text in the first, 0 when absent.
  static constexpr char kPosition[] = "instr";
  // An offer's (o) and an availability's (a) countries, comma-separated in order. SQLite's
  // group_concat takes no ORDER BY before 3.44 (Debian 12 has 3.40); it keeps a subquery's order.
  static constexpr char kOfferCountries[] =
      "(SELECT group_concat(country, ',') FROM (SELECT country FROM catalog_offer_countries "
      "WHERE offer_id = o.id ORDER BY country))";
  static constexpr char kAvailabilityCountries[] =
      "(SELECT group_concat(country, ',') FROM (SELECT country FROM "
      "catalog_availability_countries c WHERE c.product_id = a.product_id AND c.sku_id = "
      "a.sku_id AND c.availability_id = a.id ORDER BY country))";
  // Appended to a prefix, the end of the range of the keys that start with it: byte 0xFF never
  // occurs in UTF-8, so [prefix, prefix + 0xFF) holds exactly those keys.
  static constexpr char kAfterEveryChar[] = "\xff";
};

struct PostgresDialect {
  static constexpr char kPosition[] = "strpos";
  static constexpr char kOfferCountries[] =
      "(SELECT string_agg(country, ',' ORDER BY country) FROM catalog_offer_countries "
      "WHERE offer_id = o.id)";
  static constexpr char kAvailabilityCountries[] =
      "(SELECT string_agg(country, ',' ORDER BY country) FROM catalog_availability_countries c "
      "WHERE c.product_id = a.product_id AND c.sku_id = a.sku_id AND c.availability_id = a.id)";
  // PostgreSQL refuses byte 0xFF (not UTF-8). U+10FFFF is the highest code point, so
  // [prefix, prefix + U+10FFFF) holds the keys that start with the prefix, all but ones going on
  // with U+10FFFF itself (a noncharacter).
  static constexpr char kAfterEveryChar[] = "\xf4\x8f\xbf\xbf";
};

}  // namespace csphub::storage
