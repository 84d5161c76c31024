// SQLite's instance of the shared repository in storage/common/subscription_repository_impl.hpp.
#include "storage/common/subscription_repository_impl.hpp"
#include "storage/sqlite/repositories.hpp"

namespace csphub::storage {

template class SqlSubscriptionRepository<sqlite::Backend>;

}  // namespace csphub::storage
