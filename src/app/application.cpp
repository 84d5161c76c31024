#include "app/application.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <mutex>

#include "api/error_mapping.hpp"
#include "api/idempotency.hpp"
#include "api/middleware.hpp"
#include "api/routes.hpp"
#include "app/store_factory.hpp"
#include "http/static_files.hpp"

namespace csphub::app {
namespace {

constexpr const char* kSigningKeySetting = "token_signing_key";

// The configured key, or the one this database keeps (made on first start).
Result<std::string> SigningKey(const Config& config, domain::Store& store,
                               domain::SecretFactory& secrets) {
  if (!config.token_signing_key.empty()) return config.token_signing_key;
  std::string key;
  RETURN_IF_ERROR(store.Write([&](domain::Repositories& repos) -> Status {
    auto existing = repos.GetSetting(kSigningKeySetting);
    if (existing.ok()) {
      key = *existing;
      return Status::Ok();
    }
    key = secrets.NewToken() + secrets.NewToken();
    return repos.PutSetting(kSigningKeySetting, key);
  }));
  return key;
}

// The server's log: stderr, as before, but written in blocks instead of one write(2) per line.
// The access log has one line per request, and that syscall was the largest cost of logging
// (docs/bench-results.md). Lines are held for at most a second (flush_every), and a warning or
// error writes out everything before it at once, so the order of lines is kept. A crash loses
// the last second of access-log lines at most. On a terminal every line is written at once, as
// a person is watching.
//
// Not spdlog's async_logger: with the server on one core it cost 3-6 us more CPU per request
// than writing synchronously (queue hand-off, allocation, waking the logger thread), and it
// still wrote each line separately.
class BufferedStderrSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  BufferedStderrSink() : line_by_line_(::isatty(STDERR_FILENO) == 1) {}
  ~BufferedStderrSink() override {
    std::lock_guard lock(mutex_);
    flush_();
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    formatter_->format(msg, buffer_);
    if (line_by_line_ || buffer_.size() >= kBufferBytes) flush_();
  }

  void flush_() override {
    const char* data = buffer_.data();
    std::size_t left = buffer_.size();
    while (left > 0) {
      const ssize_t n = ::write(STDERR_FILENO, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // stderr is gone: nowhere to report it, and the server goes on
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kBufferBytes = 64 * 1024;
  const bool line_by_line_;
  spdlog::memory_buf_t buffer_;
};

// Once per process: tests start several servers, and spdlog's default logger must not be
// replaced while another server's threads log through it.
void UseBufferedServerLog() {
  static std::once_flag once;
  std::call_once(once, [] {
    auto logger = std::make_shared<spdlog::logger>(spdlog::default_logger()->name(),
                                                   std::make_shared<BufferedStderrSink>());
    logger->set_pattern("%v");
    logger->set_level(spdlog::default_logger()->level());  // log_level, set by `serve`
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(std::move(logger));
    spdlog::flush_every(std::chrono::seconds(1));
  });
}

// The portal's files for the paths no API route knows, or an empty handler (plain 404s) when
// there is no portal to serve: the API works without it, and the log says why it is missing.
http::Handler PortalHandler(const std::string& dir) {
  if (dir.empty()) return {};
  auto files = http::StaticFiles::Load(dir);
  if (!files.ok()) {
    spdlog::warn("{{\"event\":\"portal_missing\",\"message\":\"{}\"}}",
                 files.status().description());
    return {};
  }
  return [files = std::make_shared<const http::StaticFiles>(std::move(files).value())](
             http::Request& req) {
    if (auto answer = files->Answer(req)) return std::move(*answer);
    return api::ListenerError(req, 404, "No such resource.");
  };
}

}  // namespace

Result<std::unique_ptr<Application>> Application::Create(const Config& config,
                                                         std::unique_ptr<Clock> clock,
                                                         std::unique_ptr<IdGenerator> ids) {
  RETURN_IF_ERROR(Validate(config));
  if (!auth::InitSodium()) return Internal("libsodium failed to initialise");
  std::unique_ptr<Application> a(new Application());
  a->config_ = config;
  if (a->config_.public_url.empty()) a->config_.public_url = "http://" + config.listen;
  a->clock_ = clock ? std::move(clock) : std::make_unique<SystemClock>();
  a->ids_ = ids ? std::move(ids) : std::make_unique<RandomIdGenerator>();
  ASSIGN_OR_RETURN(a->store_, OpenStore(config));
  a->hasher_ = std::make_unique<auth::Argon2idHasher>(config.argon2_ops_limit,
                                                      config.argon2_mem_limit_kib * 1024);
  a->secrets_ = std::make_unique<auth::SodiumSecretFactory>();
  domain::DomainSettings settings;
  settings.public_url = a->config_.public_url;
  settings.domain_suffix = config.domain_suffix;
  settings.invitation_ttl_days = config.invitation_ttl_days;
  settings.partnership_same_country = config.partnership_same_country;
  settings.customer_same_country = config.customer_same_country;
  a->deps_ = std::make_unique<domain::ServiceDeps>(
      domain::ServiceDeps{*a->store_, *a->clock_, *a->ids_, *a->hasher_, *a->secrets_, settings});
  a->partners_ = std::make_unique<domain::PartnerService>(*a->deps_);
  a->identity_ = std::make_unique<domain::IdentityService>(*a->deps_);
  a->partnerships_ = std::make_unique<domain::PartnershipService>(*a->deps_);
  a->audit_ = std::make_unique<domain::AuditService>(*a->deps_);
  a->customers_ = std::make_unique<domain::CustomerService>(*a->deps_);
  a->customer_invitations_ = std::make_unique<domain::CustomerInvitationService>(*a->deps_);
  a->catalog_ = std::make_unique<domain::CatalogService>(*a->deps_, *a->customers_);
  a->agreements_ = std::make_unique<domain::AgreementService>(*a->deps_);
  a->self_serve_policies_ = std::make_unique<domain::SelfServePolicyService>(*a->deps_);
  a->orders_ = std::make_unique<domain::OrderService>(*a->deps_);
  a->subscriptions_ = std::make_unique<domain::SubscriptionService>(*a->deps_);
  a->transfers_ = std::make_unique<domain::TransferService>(*a->deps_);
  a->customer_users_ = std::make_unique<domain::CustomerUserService>(*a->deps_);
  a->licenses_ = std::make_unique<domain::LicenseService>(*a->deps_);
  ASSIGN_OR_RETURN(std::string key, SigningKey(config, *a->store_, *a->secrets_));
  a->tokens_ = std::make_unique<auth::TokenService>(key, config.token_ttl_seconds, *a->clock_);
  a->sealer_ = std::make_unique<auth::ResponseSealer>(key);
  a->user_imports_ = std::make_unique<domain::UserImportService>(*a->deps_, *a->sealer_);
  a->import_worker_ = std::make_unique<domain::UserImportWorker>(*a->deps_, *a->sealer_,
                                                                 config.user_import_batch_rows);
  a->import_worker_->on_error = [](const std::string& what) { spdlog::error("{}", what); };
  a->import_jobs_ =
      std::make_unique<domain::UserImportJobService>(*a->deps_, *a->sealer_, *a->import_worker_);
  a->services_ = std::make_unique<api::Services>(
      api::Services{*a->store_, *a->partners_, *a->identity_, *a->partnerships_, *a->audit_,
                    *a->customers_, *a->tokens_, *a->customer_invitations_, *a->agreements_,
                    *a->self_serve_policies_, *a->catalog_, *a->orders_, *a->subscriptions_,
                    *a->transfers_, *a->customer_users_, *a->licenses_, *a->user_imports_,
                    *a->import_jobs_, a->config_.public_url.rfind("https://", 0) == 0});
  return a;
}

Application::~Application() { Stop(); }

Result<std::uint16_t> Application::Start() {
  UseBufferedServerLog();
  http::ServerOptions o;
  o.host = config_.host();
  o.port = static_cast<std::uint16_t>(config_.port());
  o.threads = config_.threads;
  o.body_limit_bytes = config_.body_limit_bytes;
  o.read_timeout = std::chrono::milliseconds(config_.read_timeout_ms);
  o.write_timeout = std::chrono::milliseconds(config_.write_timeout_ms);
  o.handler_timeout = std::chrono::milliseconds(config_.handler_timeout_ms);
  o.shutdown_grace = std::chrono::milliseconds(config_.shutdown_grace_ms);
  std::vector<http::Middleware> middleware = {
      api::RequestIds(*ids_),
      api::AccessLog(),
      api::Authenticate(*tokens_, *identity_),
      api::RateLimit(std::make_shared<http::RateLimiter>(config_.rate_limits)),
      // Innermost, so that throttled requests are not kept as answers.
      api::Idempotency(*store_, *sealer_, *clock_,
                       std::chrono::hours(config_.idempotency_ttl_hours)),
  };
  server_ = std::make_unique<http::Server>(o, api::BuildRoutes(*services_), std::move(middleware),
                                           api::ListenerError, PortalHandler(config_.portal_dir));
  auto port = server_->Start();
  // Bulk import jobs run beside the server, and resume what a previous run left unfinished.
  if (port.ok()) import_worker_->Start();
  return port;
}

void Application::Stop() {
  if (server_) server_->Stop();
  // The batch in flight commits or rolls back; its rows stay pending for the next start.
  if (import_worker_) import_worker_->Stop();
  spdlog::default_logger()->flush();  // the access-log lines of the requests just drained
}

void Application::WaitForStopSignal() {
  if (server_) server_->WaitForStopSignal();
}

}  // namespace csphub::app
