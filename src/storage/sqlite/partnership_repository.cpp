// SQLite's instance of the shared repository in storage/common/partnership_repository_impl.hpp.
#include "storage/common/partnership_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlPartnershipRepository<sqlite::Backend>;

}  // namespace csphub::storage
