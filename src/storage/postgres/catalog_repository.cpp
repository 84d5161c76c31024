// PostgreSQL's instance of the shared repository in storage/common/catalog_repository_impl.hpp.
#include "storage/common/catalog_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlCatalogRepository<postgres::Backend>;

}  // namespace csphub::storage
