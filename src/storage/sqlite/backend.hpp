#pragma once
// What the shared repositories (storage/common/repositories.hpp) are instantiated with for
// SQLite: its Connection and Statement, and its dialect's pieces of SQL.
#include "storage/common/dialect.hpp"
#include "storage/sqlite/connection.hpp"

namespace csphub::storage::sqlite {

struct Backend : SqliteDialect {
  using Connection = sqlite::Connection;
  using Statement = sqlite::Statement;
};

}  // namespace csphub::storage::sqlite
