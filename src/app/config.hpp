#pragma once
// Every setting of a csphub server, with its default and unit. Loaded from a JSON file, then
// CSPHUB_<NAME> environment variables (NAME = the field in upper case), then command-line
// flags; validated once at start (Validate) with one clear message.
#include <cstddef>
#include <map>
#include <string>

#include "common/status.hpp"
#include "http/rate_limiter.hpp"

namespace csphub::app {

struct Config {
  std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free port
  // A SQLite file path, or postgresql://user@host:port/db (also postgres://) for PostgreSQL.
  std::string database = "csphub.sqlite";
  std::string public_url;                  // base of links in emails; default http://<listen>
  int threads = 4;                         // HTTP worker threads (handlers block on the store)
  int db_readers = 4;                      // SQLite reader connections
  int db_connections = 8;                  // PostgreSQL connections of this node (reads + writes)
  std::size_t body_limit_bytes = 1 << 20;  // larger request bodies get 413
  int read_timeout_ms = 15000;             // to read the next request on a connection
  int write_timeout_ms = 15000;            // to write a response
  int handler_timeout_ms = 30000;          // for a handler to answer
  int shutdown_grace_ms = 10000;           // to finish in-flight requests on SIGTERM/SIGINT
  int token_ttl_seconds = 3600;            // access token lifetime
  std::string token_signing_key;           // ≥32 bytes, shared by all nodes; empty: kept in DB
  int invitation_ttl_days = 30;            // partnership links expire after this
  bool partnership_same_country = true;    // provider and reseller must share a country
  bool customer_same_country = true;       // a customer accepts only partners of its country
  int idempotency_ttl_hours = 24;          // how long an MS-RequestId answer is replayed
  std::string domain_suffix = "onmicrosoft.com";
  unsigned long long argon2_ops_limit = 2;       // argon2id passes (libsodium opslimit)
  std::size_t argon2_mem_limit_kib = 64 * 1024;  // argon2id memory (KiB)
  // Rows per bulk-import transaction: the unit of progress, and of work redone after a crash.
  int user_import_batch_rows = 256;
  // Requests per minute per tenant and route group (reference §4.1: 500/min for customers,
  // orders and subscriptions). "default" covers groups not listed.
  std::map<std::string, http::RateLimit> rate_limits = {
      {"default", {3000, 0}}, {"auth", {300, 60}},         {"customers", {500, 0}},
      {"orders", {500, 0}},   {"subscriptions", {500, 0}}, {"health", {0, 0}},
  };
  // The portal's built files (`make build` writes web/dist), served at /. Empty: API only.
  // Relative paths are from the directory the server starts in.
  std::string portal_dir = "web/dist";
  std::string log_level = "info";  // trace, debug, info, warn, error, off
  bool demo = false;               // seed the demo data set at start
  bool demo_allow_remote = false;  // allow --demo on a non-loopback address

  // Host and port parsed from `listen`.
  std::string host() const;
  unsigned port() const;
};

// Reads a JSON config file into `config` (only the keys present). InvalidArgument names the key.
Status LoadConfigFile(const std::string& path, Config& config);
// Applies CSPHUB_* variables from the environment.
Status LoadConfigEnv(Config& config);
// Checks every field; the message names the first bad one.
Status Validate(const Config& config);

}  // namespace csphub::app
