// SQLite's instance of the shared repository in storage/common/user_import_repository_impl.hpp.
#include "storage/common/user_import_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlUserImportJobRepository<sqlite::Backend>;

}  // namespace csphub::storage
