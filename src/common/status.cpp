#include "common/status.hpp"

namespace csphub {

Status InvalidArgument(std::string description, int pc_code) {
  return {StatusCode::kInvalidArgument, pc_code, std::move(description)};
}
Status InvalidField(const std::string& field, const std::string& problem) {
  return {StatusCode::kInvalidArgument, pc::kInvalidInput, "The field '" + field + "' " + problem};
}
Status NotFound(std::string description, int pc_code) {
  return {StatusCode::kNotFound, pc_code, std::move(description)};
}
Status AlreadyExists(std::string description, int pc_code) {
  return {StatusCode::kAlreadyExists, pc_code, std::move(description)};
}
Status FailedPrecondition(std::string description, int pc_code) {
  return {StatusCode::kFailedPrecondition, pc_code, std::move(description)};
}
Status Aborted(std::string description, int pc_code) {
  return {StatusCode::kAborted, pc_code, std::move(description)};
}
Status PermissionDenied(std::string description, int pc_code) {
  return {StatusCode::kPermissionDenied, pc_code, std::move(description)};
}
Status Unauthenticated(std::string description, int pc_code) {
  return {StatusCode::kUnauthenticated, pc_code, std::move(description)};
}
Status ResourceExhausted(std::string description, int pc_code) {
  return {StatusCode::kResourceExhausted, pc_code, std::move(description)};
}
Status Unavailable(std::string description) {
  return {StatusCode::kUnavailable, pc::kUnavailable, std::move(description)};
}
Status Internal(std::string detail) {
  return {StatusCode::kInternal, pc::kInternal, "An internal error occurred.", std::move(detail)};
}

}  // namespace csphub
