#pragma once
// The domain repositories on SQLite: the shared ones (storage/common/repositories.hpp),
// instantiated for this backend by the *_repository.cpp files here.
#include "storage/common/dialect.hpp"
#include "storage/common/repositories.hpp"
#include "storage/sqlite/connection.hpp"

namespace csphub::storage::sqlite {

using Backend = SqlBackend<Connection, Statement, SqliteDialect>;
using SqliteRepositories = SqlRepositories<Backend>;
// For the benchmarks' raw list query and bulk loader (ListSql, BulkInsert…).
using SqliteCustomerRepository = SqlCustomerRepository<Backend>;

}  // namespace csphub::storage::sqlite
