// PostgreSQL's instance of the shared repository in storage/common/identity_repositories_impl.hpp.
#include "storage/common/identity_repositories_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlPartnerUserRepository<postgres::Backend>;
template class SqlAppRegistrationRepository<postgres::Backend>;

}  // namespace csphub::storage
