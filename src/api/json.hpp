#pragma once
// RapidJSON on the wire (docs/adr/0002-json-rapidjson.md): JsonOut writes responses straight
// into a buffer (its own writer, RapidJSON's bytes); JsonIn/ObjectReader read requests with
// case-insensitive member names (Partner Center clients send camelCase or PascalCase), ignore
// unknown members, and name the field in every error.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.hpp"

namespace csphub::api {

// Writes JSON into one std::string, byte for byte what RapidJSON's Writer<StringBuffer> with its
// default flags wrote before (tests/unit/json_test.cpp compares the two): '"', '\\' and control
// characters escaped (the short forms \b \f \n \r \t, else \u00XX with upper-case hex), every
// other byte copied. Strings are copied in runs between the bytes that need escaping, where
// RapidJSON's Writer handled one character at a time: that loop was the largest part of a
// customer list's CPU (docs/bench-results.md).
class JsonOut {
 public:
  JsonOut() = default;
  // `reserve`: the expected size, so that a large body is not copied as it grows.
  explicit JsonOut(std::size_t reserve) { out_.reserve(reserve); }

  JsonOut& BeginObject() {
    if (Separate()) out_.push_back(',');
    return Open('{');
  }
  JsonOut& BeginObject(std::string_view key) {
    Key(key);
    return BeginObject();
  }
  JsonOut& EndObject() { return Close('}'); }
  JsonOut& BeginArray(std::string_view key) {
    Key(key);
    return BeginArray();
  }
  JsonOut& BeginArray() {
    if (Separate()) out_.push_back(',');
    return Open('[');
  }
  JsonOut& EndArray() { return Close(']'); }
  JsonOut& Key(std::string_view key) {
    Quoted(Separate(), key, ':');
    after_key_ = true;
    return *this;
  }
  JsonOut& Value(std::string_view v) {
    Quoted(Separate(), v, '\0');
    return *this;
  }
  // One string value made of `parts`, without building it first (e.g. a self link's URI).
  JsonOut& Value(std::initializer_list<std::string_view> parts) {
    if (Separate()) out_.push_back(',');
    out_.push_back('"');
    for (std::string_view p : parts) Escaped(p);
    out_.push_back('"');
    return *this;
  }
  JsonOut& Value(std::int64_t v);
  JsonOut& Value(bool v) {
    out_.append(Separate() ? (v ? ",true" : ",false") : (v ? "true" : "false"));
    return *this;
  }
  JsonOut& Field(std::string_view key, std::string_view v) { return Key(key).Value(v); }
  JsonOut& Field(std::string_view key, const char* v) {
    return Key(key).Value(std::string_view(v));
  }
  JsonOut& Field(std::string_view key, const std::string& v) {
    return Key(key).Value(std::string_view(v));
  }
  JsonOut& Field(std::string_view key, std::initializer_list<std::string_view> parts) {
    return Key(key).Value(parts);
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
  // A value spelled out by its writer, for the fixed-shape items of long lists (a customer list
  // page is 100 items of ~15 members): constant JSON text goes in with one append per run of
  // members instead of a call per key and value. Start with BeginRawValue() (the separating
  // comma), then Raw() for constant text, which must be valid JSON written in our code (never
  // input), and RawString() for each string, quoted and escaped as Value() does.
  JsonOut& BeginRawValue() {
    if (Separate()) out_.push_back(',');
    return *this;
  }
  JsonOut& Raw(std::string_view json_text) {
    out_.append(json_text);
    return *this;
  }
  JsonOut& RawString(std::string_view s) {
    Quoted(false, s, '\0');
    return *this;
  }
  // One string made of `parts`, as Value(parts) but after BeginRawValue().
  JsonOut& RawString(std::initializer_list<std::string_view> parts) {
    out_.push_back('"');
    for (std::string_view p : parts) Escaped(p);
    out_.push_back('"');
    return *this;
  }
  // `"attributes": {"objectType": ...}` as every Partner Center resource has.
  JsonOut& Attributes(std::string_view object_type, std::string_view etag = {}) {
    BeginObject("attributes");
    if (!etag.empty()) Field("etag", etag);
    Field("objectType", object_type);
    return EndObject();
  }
  std::string str() const& { return out_; }
  // The text, without a copy (`std::move(j).str()`).
  std::string str() && { return std::move(out_); }

 private:
  // Whether a ',' comes first: before every member or element but the first of its
  // container, never after a key.
  bool Separate() {
    if (after_key_) {
      after_key_ = false;
      return false;
    }
    if (has_member_.empty()) return false;
    const bool comma = has_member_.back() != 0;
    has_member_.back() = 1;
    return comma;
  }
  JsonOut& Open(char c) {
    out_.push_back(c);
    has_member_.push_back(false);
    return *this;
  }
  JsonOut& Close(char c) {
    out_.push_back(c);
    if (!has_member_.empty()) has_member_.pop_back();
    return *this;
  }
  // [','] '"' s '"' [after]: one append when `s` needs no escaping, as nearly every string.
  void Quoted(bool comma, std::string_view s, char after);
  void Escaped(std::string_view s);

  std::string out_;
  std::string has_member_;  // one flag per open container (a string: no allocation when shallow)
  bool after_key_ = false;
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
