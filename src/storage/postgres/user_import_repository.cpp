// PostgreSQL's instance of the shared repository in storage/common/user_import_repository_impl.hpp.
#include "storage/common/user_import_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlUserImportJobRepository<postgres::Backend>;

}  // namespace csphub::storage
