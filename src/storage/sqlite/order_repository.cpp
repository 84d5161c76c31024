// SQLite's instance of the shared repository in storage/common/order_repository_impl.hpp.
#include "storage/common/order_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlOrderRepository<sqlite::Backend>;

}  // namespace csphub::storage
