// PostgreSQL's instance of the shared repository in storage/common/order_repository_impl.hpp.
#include "storage/common/order_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlOrderRepository<postgres::Backend>;

}  // namespace csphub::storage
