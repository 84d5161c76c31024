#include "app/config.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <type_traits>
#include <variant>

#include "api/json.hpp"

namespace csphub::app {
namespace {

// One table drives the file keys and the environment names, so they cannot drift apart.
using Member = std::variant<std::string Config::*, int Config::*, std::size_t Config::*,
                            unsigned long long Config::*, bool Config::*>;
struct Field {
  const char* name;
  Member member;
};

const Field kFields[] = {
    {"listen", &Config::listen},
    {"database", &Config::database},
    {"public_url", &Config::public_url},
    {"threads", &Config::threads},
    {"db_readers", &Config::db_readers},
    {"db_connections", &Config::db_connections},
    {"body_limit_bytes", &Config::body_limit_bytes},
    {"read_timeout_ms", &Config::read_timeout_ms},
    {"write_timeout_ms", &Config::write_timeout_ms},
    {"handler_timeout_ms", &Config::handler_timeout_ms},
    {"shutdown_grace_ms", &Config::shutdown_grace_ms},
    {"token_ttl_seconds", &Config::token_ttl_seconds},
    {"token_signing_key", &Config::token_signing_key},
    {"invitation_ttl_days", &Config::invitation_ttl_days},
    {"partnership_same_country", &Config::partnership_same_country},
    {"customer_same_country", &Config::customer_same_country},
    {"idempotency_ttl_hours", &Config::idempotency_ttl_hours},
    {"domain_suffix", &Config::domain_suffix},
    {"argon2_ops_limit", &Config::argon2_ops_limit},
    {"argon2_mem_limit_kib", &Config::argon2_mem_limit_kib},
    {"user_import_batch_rows", &Config::user_import_batch_rows},
    {"portal_dir", &Config::portal_dir},
    {"log_level", &Config::log_level},
    {"demo", &Config::demo},
    {"demo_allow_remote", &Config::demo_allow_remote},
};

template <typename T>
bool ParseNumber(const std::string& text, T* out) {
  try {
    size_t used = 0;
    const long long v = std::stoll(text, &used);
    if (used != text.size() || v < 0) return false;
    *out = static_cast<T>(v);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

Status SetFromText(Config& c, const Field& f, const std::string& text, const std::string& where) {
  const bool ok = std::visit(
      [&](auto member) -> bool {
        auto& target = c.*member;
        using T = std::decay_t<decltype(target)>;
        if constexpr (std::is_same_v<T, std::string>) {
          target = text;
          return true;
        } else if constexpr (std::is_same_v<T, bool>) {
          if (text != "true" && text != "false" && text != "1" && text != "0") return false;
          target = text == "true" || text == "1";
          return true;
        } else {
          return ParseNumber(text, &target);
        }
      },
      f.member);
  if (!ok) return InvalidArgument(where + " has an invalid value '" + text + "'.");
  return Status::Ok();
}

// "group=rpm[/burst],group=rpm" (environment form of rate_limits).
Status ParseRateLimits(const std::string& text, Config& c) {
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const auto eq = item.find('=');
    if (eq == std::string::npos) {
      return InvalidArgument("CSPHUB_RATE_LIMITS must look like 'customers=500,auth=60/10'.");
    }
    http::RateLimit limit;
    const std::string value = item.substr(eq + 1);
    const auto slash = value.find('/');
    try {
      limit.requests_per_minute = std::stoi(value.substr(0, slash));
      if (slash != std::string::npos) limit.burst = std::stoi(value.substr(slash + 1));
    } catch (const std::exception&) {
      return InvalidArgument("CSPHUB_RATE_LIMITS has an invalid number in '" + item + "'.");
    }
    c.rate_limits[item.substr(0, eq)] = limit;
  }
  return Status::Ok();
}

}  // namespace

std::string Config::host() const { return listen.substr(0, listen.rfind(':')); }
unsigned Config::port() const {
  const auto colon = listen.rfind(':');
  try {
    return colon == std::string::npos ? 0u
                                      : static_cast<unsigned>(std::stoul(listen.substr(colon + 1)));
  } catch (const std::exception&) {
    return 70000;  // out of range: Validate() reports it
  }
}

Status LoadConfigFile(const std::string& path, Config& c) {
  std::ifstream file(path);
  if (!file) return InvalidArgument("Cannot read the config file " + path + ".");
  std::stringstream text;
  text << file.rdbuf();
  auto json = api::JsonIn::Parse(text.str());
  if (!json.ok())
    return InvalidArgument("The config file " + path + ": " + json.status().description());
  const api::ObjectReader root = (*json)->Root();
  for (const Field& f : kFields) {
    const rapidjson::Value* v = root.Find(f.name);
    if (!v) continue;
    std::string as_text;
    if (v->IsString()) {
      as_text = v->GetString();
    } else if (v->IsBool()) {
      as_text = v->GetBool() ? "true" : "false";
    } else if (v->IsInt64()) {
      as_text = std::to_string(v->GetInt64());
    } else if (v->IsNumber()) {
      // Every numeric setting is a whole number; 1.5 must not quietly become 1.
      return InvalidArgument("The config key '" + std::string(f.name) +
                             "' must be a whole number.");
    } else {
      return InvalidArgument("The config key '" + std::string(f.name) + "' has the wrong type.");
    }
    RETURN_IF_ERROR(SetFromText(c, f, as_text, "The config key '" + std::string(f.name) + "'"));
  }
  if (const rapidjson::Value* limits = root.Find("rate_limits")) {
    if (!limits->IsObject())
      return InvalidArgument("The config key 'rate_limits' must be an object.");
    for (auto it = limits->MemberBegin(); it != limits->MemberEnd(); ++it) {
      const auto& v = it->value;
      if (!v.IsObject() || !v.HasMember("requests_per_minute") ||
          !v["requests_per_minute"].IsInt()) {
        return InvalidArgument("rate_limits." + std::string(it->name.GetString()) +
                               " needs an integer requests_per_minute.");
      }
      http::RateLimit limit{v["requests_per_minute"].GetInt(), 0};
      if (v.HasMember("burst")) {
        if (!v["burst"].IsInt()) {
          return InvalidArgument("rate_limits." + std::string(it->name.GetString()) +
                                 ".burst must be an integer.");
        }
        limit.burst = v["burst"].GetInt();
      }
      c.rate_limits[it->name.GetString()] = limit;
    }
  }
  return Status::Ok();
}

Status LoadConfigEnv(Config& c) {
  for (const Field& f : kFields) {
    std::string name = "CSPHUB_";
    for (const char* p = f.name; *p; ++p) name.push_back(static_cast<char>(std::toupper(*p)));
    if (const char* value = std::getenv(name.c_str())) {
      RETURN_IF_ERROR(SetFromText(c, f, value, "The environment variable " + name));
    }
  }
  if (const char* limits = std::getenv("CSPHUB_RATE_LIMITS"))
    RETURN_IF_ERROR(ParseRateLimits(limits, c));
  return Status::Ok();
}

Status Validate(const Config& c) {
  if (c.listen.find(':') == std::string::npos || c.host().empty() || c.port() > 65535) {
    return InvalidArgument("listen must be HOST:PORT, such as 127.0.0.1:8080 (got '" + c.listen +
                           "').");
  }
  if (c.database.empty()) {
    return InvalidArgument("database must name a SQLite file or a postgresql:// URL.");
  }
  if (c.threads < 1 || c.threads > 256) return InvalidArgument("threads must be 1 to 256.");
  if (c.db_readers < 0 || c.db_readers > 256)
    return InvalidArgument("db_readers must be 0 to 256.");
  if (c.db_connections < 1 || c.db_connections > 1000) {
    return InvalidArgument("db_connections must be 1 to 1000.");
  }
  if (c.body_limit_bytes < 1024) return InvalidArgument("body_limit_bytes must be at least 1024.");
  for (int v : {c.read_timeout_ms, c.write_timeout_ms, c.handler_timeout_ms}) {
    if (v < 100) return InvalidArgument("timeouts must be at least 100 ms.");
  }
  if (c.shutdown_grace_ms < 0) return InvalidArgument("shutdown_grace_ms must not be negative.");
  if (c.token_ttl_seconds < 60 || c.token_ttl_seconds > 86400) {
    return InvalidArgument("token_ttl_seconds must be 60 to 86400.");
  }
  if (!c.token_signing_key.empty() && c.token_signing_key.size() < 32) {
    return InvalidArgument("token_signing_key must be at least 32 bytes long.");
  }
  if (c.idempotency_ttl_hours < 1 || c.idempotency_ttl_hours > 24 * 30) {
    return InvalidArgument("idempotency_ttl_hours must be 1 to 720.");
  }
  if (c.invitation_ttl_days < 1 || c.invitation_ttl_days > 365) {
    return InvalidArgument("invitation_ttl_days must be 1 to 365.");
  }
  if (c.user_import_batch_rows < 1 || c.user_import_batch_rows > 10000) {
    return InvalidArgument("user_import_batch_rows must be from 1 to 10000.");
  }
  if (c.argon2_ops_limit < 1 || c.argon2_mem_limit_kib < 8) {
    return InvalidArgument("argon2_ops_limit must be ≥1 and argon2_mem_limit_kib ≥8.");
  }
  static const char* kLevels[] = {"trace", "debug", "info", "warn", "error", "off"};
  bool level_ok = false;
  for (const char* l : kLevels) level_ok = level_ok || c.log_level == l;
  if (!level_ok)
    return InvalidArgument("log_level must be trace, debug, info, warn, error or off.");
  if (c.demo && !c.demo_allow_remote) {
    const std::string h = c.host();
    if (h != "127.0.0.1" && h != "localhost" && h != "::1" && h != "[::1]") {
      return InvalidArgument(
          "--demo serves well-known passwords, so it listens only on a loopback address; "
          "set demo_allow_remote (--allow-remote-demo) to override.");
    }
  }
  return Status::Ok();
}

}  // namespace csphub::app
