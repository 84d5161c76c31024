#pragma once
// The domain repositories on PostgreSQL: the shared ones (storage/common/repositories.hpp),
// instantiated for this backend by the *_repository.cpp files here.
#include "storage/common/repositories.hpp"
#include "storage/postgres/backend.hpp"

namespace csphub::storage::postgres {

using PgRepositories = SqlRepositories<Backend>;

}  // namespace csphub::storage::postgres
