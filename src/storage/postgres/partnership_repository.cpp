// PostgreSQL's instance of the shared repository in storage/common/partnership_repository_impl.hpp.
#include "storage/common/partnership_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlPartnershipRepository<postgres::Backend>;

}  // namespace csphub::storage
