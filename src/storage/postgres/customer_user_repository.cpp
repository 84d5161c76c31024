// PostgreSQL's instance of the shared repository in
// storage/common/customer_user_repository_impl.hpp.
#include "storage/common/customer_user_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlCustomerUserRepository<postgres::Backend>;

}  // namespace csphub::storage
