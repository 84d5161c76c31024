// SQLite's instance of the shared repository in storage/common/catalog_repository_impl.hpp.
#include "storage/common/catalog_repository_impl.hpp"
#include "storage/sqlite/backend.hpp"

namespace csphub::storage {

template class SqlCatalogRepository<sqlite::Backend>;

}  // namespace csphub::storage
