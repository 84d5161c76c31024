// PostgreSQL's instance of the shared repository in storage/common/partner_repository_impl.hpp.
#include "storage/common/partner_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlPartnerRepository<postgres::Backend>;

}  // namespace csphub::storage
