// SQLite's instance of the shared repository in storage/common/subscription_repository_impl.hpp.
#include "storage/common/subscription_repository_impl.hpp"
#include "storage/sqlite/backend.hpp"

namespace csphub::storage {

template class SqlSubscriptionRepository<sqlite::Backend>;

}  // namespace csphub::storage
