// SQLite's instance of the shared repository in storage/common/audit_repository_impl.hpp.
#include "storage/common/audit_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlAuditRepository<sqlite::Backend>;

}  // namespace csphub::storage
