// PostgreSQL's instance of the shared repository in storage/common/license_repository_impl.hpp.
#include "storage/common/license_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlLicenseRepository<postgres::Backend>;

}  // namespace csphub::storage
