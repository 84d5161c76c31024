// SQLite's instance of the shared repository in storage/common/partnership_repository_impl.hpp.
#include "storage/common/partnership_repository_impl.hpp"
#include "storage/sqlite/backend.hpp"

namespace csphub::storage {

template class SqlPartnershipRepository<sqlite::Backend>;

}  // namespace csphub::storage
