// SQLite's instance of the shared repository in storage/common/catalog_repository_impl.hpp.
#include "storage/common/catalog_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlCatalogRepository<sqlite::Backend>;

}  // namespace csphub::storage
