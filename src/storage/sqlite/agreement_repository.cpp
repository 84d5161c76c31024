// SQLite's instance of the shared repository in storage/common/agreement_repository_impl.hpp.
#include "storage/common/agreement_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlAgreementRepository<sqlite::Backend>;
template class SqlSelfServePolicyRepository<sqlite::Backend>;

}  // namespace csphub::storage
