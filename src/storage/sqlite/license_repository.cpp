// SQLite's instance of the shared repository in storage/common/license_repository_impl.hpp.
#include "storage/common/license_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlLicenseRepository<sqlite::Backend>;

}  // namespace csphub::storage
