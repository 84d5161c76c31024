// PostgreSQL's instance of the shared repository in
// storage/common/subscription_repository_impl.hpp.
#include "storage/common/subscription_repository_impl.hpp"
#include "storage/postgres/repositories.hpp"

namespace csphub::storage {

template class SqlSubscriptionRepository<postgres::Backend>;

}  // namespace csphub::storage
