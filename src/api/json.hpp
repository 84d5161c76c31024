#pragma once
// RapidJSON on the wire (docs/adr/0002-json-rapidjson.md): JsonOut writes responses straight
// into a buffer; JsonIn/ObjectReader read requests with case-insensitive member names
// (Partner Center clients send camelCase or PascalCase), ignore unknown members, and name the
// field in every error.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace csphub::api {

class JsonOut {
 public:
  JsonOut& BeginObject() {
    w_.StartObject();
    return *this;
  }
  JsonOut& BeginObject(std::string_view key) {
    Key(key);
    w_.StartObject();
    return *this;
  }
  JsonOut& EndObject() {
    w_.EndObject();
    return *this;
  }
  JsonOut& BeginArray(std::string_view key) {
    Key(key);
    w_.StartArray();
    return *this;
  }
  JsonOut& BeginArray() {
    w_.StartArray();
    return *this;
  }
  JsonOut& EndArray() {
    w_.EndArray();
    return *this;
  }
  JsonOut& Key(std::string_view key) {
    w_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    return *this;
  }
  JsonOut& Value(std::string_view v) {
    w_.String(v.data(), static_cast<rapidjson::SizeType>(v.size()));
    return *this;
  }
  JsonOut& Value(std::int64_t v) {
    w_.Int64(v);
    return *this;
  }
  JsonOut& Value(bool v) {
    w_.Bool(v);
    return *this;
  }
  JsonOut& Field(std::string_view key, std::string_view v) { return Key(key).Value(v); }
  JsonOut& Field(std::string_view key, const char* v) {
    return Key(key).Value(std::string_view(v));
  }
  JsonOut& Field(std::string_view key, const std::string& v) {
    return Key(key).Value(std::string_view(v));
  }
  JsonOut& Field(std::string_view key, std::int64_t v) { return Key(key).Value(v); }
  JsonOut& Field(std::string_view key, int v) {
    return Key(key).Value(static_cast<std::int64_t>(v));
  }
  JsonOut& Field(std::string_view key, bool v) { return Key(key).Value(v); }
  JsonOut& StringArray(std::string_view key, const std::vector<std::string>& items) {
    BeginArray(key);
    for (const auto& i : items) Value(std::string_view(i));
    return EndArray();
  }
  // `"attributes": {"objectType": ...}` as every Partner Center resource has.
  JsonOut& Attributes(std::string_view object_type, std::string_view etag = {}) {
    BeginObject("attributes");
    if (!etag.empty()) Field("etag", etag);
    Field("objectType", object_type);
    return EndObject();
  }
  std::string str() const { return {buf_.GetString(), buf_.GetSize()}; }

 private:
  rapidjson::StringBuffer buf_;
  rapidjson::Writer<rapidjson::StringBuffer> w_{buf_};
};

class ObjectReader {
 public:
  ObjectReader(const rapidjson::Value* value, std::string path)
      : v_(value), path_(std::move(path)) {}

  const rapidjson::Value* Find(std::string_view name) const;
  std::string PathOf(std::string_view name) const { return path_ + std::string(name); }

  Result<std::string> RequiredString(std::string_view name) const;
  Result<std::optional<std::string>> OptionalString(std::string_view name) const;
  // An optional string member, "" when absent or null.
  Result<std::string> StringOrEmpty(std::string_view name) const;
  Result<std::optional<bool>> OptionalBool(std::string_view name) const;
  Result<std::optional<std::int64_t>> OptionalInt(std::string_view name) const;
  Result<std::optional<std::vector<std::string>>> OptionalStringArray(std::string_view name) const;
  Result<std::optional<ObjectReader>> OptionalObject(std::string_view name) const;

 private:
  const rapidjson::Value* v_;
  std::string path_;
};

// A parsed request body whose root must be an object. 400 naming the problem otherwise.
class JsonIn {
 public:
  static Result<std::unique_ptr<JsonIn>> Parse(const std::string& body);
  ObjectReader Root() const { return ObjectReader(&doc_, ""); }

 private:
  rapidjson::Document doc_;
};

}  // namespace csphub::api
