// SQLite's instance of the shared repository (storage/common/customer_repository_impl.hpp and
// customer_bulk_impl.hpp).
#include "storage/common/customer_bulk_impl.hpp"
#include "storage/common/customer_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlCustomerRepository<sqlite::Backend>;

}  // namespace csphub::storage
