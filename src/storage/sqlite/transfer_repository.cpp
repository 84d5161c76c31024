// SQLite's instance of the shared repository in storage/common/transfer_repository_impl.hpp.
#include "storage/common/transfer_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlTransferRepository<sqlite::Backend>;

}  // namespace csphub::storage
