// PostgreSQL's instance of the shared repository (storage/common/customer_repository_impl.hpp and
// customer_bulk_impl.hpp).
#include "storage/common/customer_bulk_impl.hpp"
#include "storage/common/customer_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlCustomerRepository<postgres::Backend>;

}  // namespace csphub::storage
