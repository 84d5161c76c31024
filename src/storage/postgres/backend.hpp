#pragma once
// What the shared repositories (storage/common/repositories.hpp) are instantiated with for
// PostgreSQL: its Connection and Statement, and its dialect's pieces of SQL.
#include "storage/common/dialect.hpp"
#include "storage/postgres/connection.hpp"

namespace csphub::storage::postgres {

struct Backend : PostgresDialect {
  using Connection = postgres::Connection;
  using Statement = postgres::Statement;
};

}  // namespace csphub::storage::postgres
