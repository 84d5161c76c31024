// SQLite's instance of the shared repository in storage/common/identity_repositories_impl.hpp.
#include "storage/common/identity_repositories_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlPartnerUserRepository<sqlite::Backend>;
template class SqlAppRegistrationRepository<sqlite::Backend>;

}  // namespace csphub::storage
