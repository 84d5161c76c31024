// SQLite's instance of the shared repository in storage/common/idempotency_repository_impl.hpp.
#include "storage/common/idempotency_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlIdempotencyRepository<sqlite::Backend>;

}  // namespace csphub::storage
