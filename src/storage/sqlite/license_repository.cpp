// SQLite's instance of the shared repository in storage/common/license_repository_impl.hpp.
#include "storage/common/license_repository_impl.hpp"
#include "storage/sqlite/backend.hpp"

namespace csphub::storage {

template class SqlLicenseRepository<sqlite::Backend>;

}  // namespace csphub::storage
