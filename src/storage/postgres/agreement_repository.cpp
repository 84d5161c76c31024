// PostgreSQL's instance of the shared repository in storage/common/agreement_repository_impl.hpp.
#include "storage/common/agreement_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlAgreementRepository<postgres::Backend>;
template class SqlSelfServePolicyRepository<postgres::Backend>;

}  // namespace csphub::storage
