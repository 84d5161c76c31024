// PostgreSQL's instance of the shared repository in storage/common/idempotency_repository_impl.hpp.
#include "storage/common/idempotency_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlIdempotencyRepository<postgres::Backend>;

}  // namespace csphub::storage
