#pragma once
// Loading many customers into a fresh database (bench/seed_customers.cpp): the relationship row
// of SqliteCustomerRepository::InsertRelationship without its reads. The repository reads the
// customer back (for its name) and lets SQLite copy its domain, then forgets a former
// relationship; a loader has the customer at hand and a fresh database has no former
// relationships. Same statement text but for where the domain comes from (one column list in
// customer_repository.cpp); tests/storage/customer_bulk_test.cpp checks the rows are equal.
#include "domain/customer/customer.hpp"
#include "storage/sqlite/connection.hpp"

namespace csphub::storage::sqlite {

// `customer` is the relationship's customer, as inserted.
Status BulkInsertRelationship(Connection& c, const domain::CustomerRelationship& r,
                              const domain::Customer& customer);

}  // namespace csphub::storage::sqlite
