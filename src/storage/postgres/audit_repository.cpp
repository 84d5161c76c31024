// PostgreSQL's instance of the shared repository in storage/common/audit_repository_impl.hpp.
#include "storage/common/audit_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlAuditRepository<postgres::Backend>;

}  // namespace csphub::storage
