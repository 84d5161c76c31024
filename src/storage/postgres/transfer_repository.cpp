// PostgreSQL's instance of the shared repository in storage/common/transfer_repository_impl.hpp.
#include "storage/common/transfer_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlTransferRepository<postgres::Backend>;

}  // namespace csphub::storage
