// SQLite's instance of the shared repository in storage/common/order_repository_impl.hpp.
#include "storage/common/order_repository_impl.hpp"
#include "storage/sqlite/backend.hpp"

namespace csphub::storage {

template class SqlOrderRepository<sqlite::Backend>;

}  // namespace csphub::storage
