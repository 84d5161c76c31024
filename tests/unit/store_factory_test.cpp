// The database setting: which backend a value selects, how it is logged, and how PostgreSQL's
// connection layer rewrites SQLite's placeholders.
#include "app/store_factory.hpp"

#include <gtest/gtest.h>

#include "storage/postgres/connection.hpp"

namespace csphub {
namespace {

TEST(StoreFactoryTest, PostgresUrlsSelectPostgres) {
  EXPECT_TRUE(app::IsPostgresUrl("postgresql://csphub@db:5432/csphub"));
  EXPECT_TRUE(app::IsPostgresUrl("postgres://db/csphub"));
  EXPECT_FALSE(app::IsPostgresUrl("csphub.sqlite"));
  EXPECT_FALSE(app::IsPostgresUrl("/var/lib/postgresql://x"));
  EXPECT_FALSE(app::IsPostgresUrl("POSTGRESQL"));
}

TEST(StoreFactoryTest, LoggedUrlsHideThePassword) {
  EXPECT_EQ(app::RedactedDatabase("/var/lib/csphub/csphub.sqlite"),
            "/var/lib/csphub/csphub.sqlite");
  EXPECT_EQ(app::RedactedDatabase("postgresql://csphub@db/csphub"),
            "postgresql://csphub@db/csphub");
  EXPECT_EQ(app::RedactedDatabase("postgresql://csphub:s3cret@db:5432/csphub"),
            "postgresql://csphub:***@db:5432/csphub");
  EXPECT_EQ(app::RedactedDatabase("postgres://db/csphub?sslmode=require&password=s3cret&x=1"),
            "postgres://db/csphub?sslmode=require&password=***&x=1");
}

TEST(StoreFactoryTest, SqlitePlaceholdersBecomeNumberedOnes) {
  int n = 0;
  EXPECT_EQ(storage::postgres::ToPostgresPlaceholders("SELECT a FROM t WHERE b=? AND c=?", &n),
            "SELECT a FROM t WHERE b=$1 AND c=$2");
  EXPECT_EQ(n, 2);
  EXPECT_EQ(storage::postgres::ToPostgresPlaceholders("x=?2 AND y=?1 AND z=?10", &n),
            "x=$2 AND y=$1 AND z=$10");
  EXPECT_EQ(n, 10);
  // Not inside string literals; a bare ? after ?N is N+1, as in SQLite.
  EXPECT_EQ(storage::postgres::ToPostgresPlaceholders("a='?' AND b=?3 AND c=?", &n),
            "a='?' AND b=$3 AND c=$4");
  EXPECT_EQ(n, 4);
  EXPECT_EQ(storage::postgres::ToPostgresPlaceholders("SELECT 1", &n), "SELECT 1");
  EXPECT_EQ(n, 0);
}

}  // namespace
}  // namespace csphub
