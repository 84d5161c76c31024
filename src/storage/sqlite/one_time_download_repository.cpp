// SQLite's instance of the shared repository in
// storage/common/one_time_download_repository_impl.hpp.
#include "storage/common/one_time_download_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlOneTimeDownloadRepository<sqlite::Backend>;

}  // namespace csphub::storage
