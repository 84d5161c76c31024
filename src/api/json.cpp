#include "api/json.hpp"

#include <rapidjson/error/en.h>

#include "common/ids.hpp"

namespace csphub::api {

const rapidjson::Value* ObjectReader::Find(std::string_view name) const {
  for (auto it = v_->MemberBegin(); it != v_->MemberEnd(); ++it) {
    if (EqualsIgnoreCase(std::string_view(it->name.GetString(), it->name.GetStringLength()),
                         name)) {
      return it->value.IsNull() ? nullptr : &it->value;
    }
  }
  return nullptr;
}

Result<std::string> ObjectReader::RequiredString(std::string_view name) const {
  ASSIGN_OR_RETURN(auto value, OptionalString(name));
  if (!value) return InvalidField(PathOf(name), "is required");
  return *value;
}

Result<std::optional<std::string>> ObjectReader::OptionalString(std::string_view name) const {
  const rapidjson::Value* v = Find(name);
  if (!v) return std::optional<std::string>();
  if (!v->IsString()) return InvalidField(PathOf(name), "must be a string");
  return std::optional<std::string>(std::string(v->GetString(), v->GetStringLength()));
}

Result<std::string> ObjectReader::StringOrEmpty(std::string_view name) const {
  ASSIGN_OR_RETURN(auto value, OptionalString(name));
  return value.value_or("");
}

Result<std::optional<bool>> ObjectReader::OptionalBool(std::string_view name) const {
  const rapidjson::Value* v = Find(name);
  if (!v) return std::optional<bool>();
  if (!v->IsBool()) return InvalidField(PathOf(name), "must be true or false");
  return std::optional<bool>(v->GetBool());
}

Result<std::optional<std::int64_t>> ObjectReader::OptionalInt(std::string_view name) const {
  const rapidjson::Value* v = Find(name);
  if (!v) return std::optional<std::int64_t>();
  if (!v->IsInt64()) return InvalidField(PathOf(name), "must be an integer");
  return std::optional<std::int64_t>(v->GetInt64());
}

Result<std::optional<std::vector<std::string>>> ObjectReader::OptionalStringArray(
    std::string_view name) const {
  const rapidjson::Value* v = Find(name);
  if (!v) return std::optional<std::vector<std::string>>();
  if (!v->IsArray()) return InvalidField(PathOf(name), "must be an array of strings");
  std::vector<std::string> out;
  for (const auto& item : v->GetArray()) {
    if (!item.IsString()) return InvalidField(PathOf(name), "must be an array of strings");
    out.emplace_back(item.GetString(), item.GetStringLength());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<std::optional<ObjectReader>> ObjectReader::OptionalObject(std::string_view name) const {
  const rapidjson::Value* v = Find(name);
  if (!v) return std::optional<ObjectReader>();
  if (!v->IsObject()) return InvalidField(PathOf(name), "must be an object");
  return std::optional<ObjectReader>(ObjectReader(v, PathOf(name) + "."));
}

Result<std::unique_ptr<JsonIn>> JsonIn::Parse(const std::string& body) {
  auto in = std::make_unique<JsonIn>();
  in->doc_.Parse(body.c_str(), body.size());
  if (in->doc_.HasParseError()) {
    return InvalidArgument("The request body is not valid JSON: " +
                           std::string(rapidjson::GetParseError_En(in->doc_.GetParseError())) +
                           " (at offset " + std::to_string(in->doc_.GetErrorOffset()) + ").");
  }
  if (!in->doc_.IsObject()) return InvalidArgument("The request body must be a JSON object.");
  return in;
}

}  // namespace csphub::api
