#include "domain/directory/user_import_job.hpp"

namespace csphub::domain {

std::string_view ToString(ImportJobState s) {
  switch (s) {
    case ImportJobState::kReceiving:
      return "receiving";
    case ImportJobState::kQueued:
      return "queued";
    case ImportJobState::kRunning:
      return "running";
    case ImportJobState::kCompleted:
      return "completed";
  }
  return "completed";
}

std::optional<ImportJobState> ImportJobStateFrom(std::string_view s) {
  for (auto state : {ImportJobState::kReceiving, ImportJobState::kQueued, ImportJobState::kRunning,
                     ImportJobState::kCompleted}) {
    if (ToString(state) == s) return state;
  }
  return std::nullopt;
}

std::string_view ToString(ImportRowStatus s) {
  switch (s) {
    case ImportRowStatus::kPending:
      return "pending";
    case ImportRowStatus::kCreated:
      return "created";
    case ImportRowStatus::kValid:
      return "valid";
    case ImportRowStatus::kFailed:
      return "failed";
  }
  return "failed";
}

ImportRowStatus ImportRowStatusFrom(std::string_view s) {
  for (auto status : {ImportRowStatus::kPending, ImportRowStatus::kCreated, ImportRowStatus::kValid,
                      ImportRowStatus::kFailed}) {
    if (ToString(status) == s) return status;
  }
  return ImportRowStatus::kFailed;
}

}  // namespace csphub::domain
