// SQLite's instance of the shared repository in storage/common/partner_repository_impl.hpp.
#include "storage/common/partner_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlPartnerRepository<sqlite::Backend>;

}  // namespace csphub::storage
