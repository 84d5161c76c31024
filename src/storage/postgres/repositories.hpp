#pragma once
// The domain repositories on PostgreSQL: the shared ones (storage/common/repositories.hpp),
// instantiated for this backend by the *_repository.cpp files here.
#include "storage/common/dialect.hpp"
#include "storage/common/repositories.hpp"
#include "storage/postgres/connection.hpp"

namespace csphub::storage::postgres {

using Backend = SqlBackend<Connection, Statement, PostgresDialect>;
using PgRepositories = SqlRepositories<Backend>;
// For the benchmarks' raw queries (ListSql, GetRelatedSql: bench/pg_list.cpp, bench/pg_get.cpp).
using PgCustomerRepository = SqlCustomerRepository<Backend>;

}  // namespace csphub::storage::postgres
