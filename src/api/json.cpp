#include "api/json.hpp"

#include <rapidjson/error/en.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>

#include "common/ids.hpp"

namespace csphub::api {
namespace {

// Which bytes RapidJSON's Writer escapes: control characters, '"' and '\\'.
constexpr std::array<bool, 256> kNeedsEscape = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t['"'] = true;
  t['\\'] = true;
  return t;
}();

// The first byte in [p, end) that needs escaping, or end. Eight bytes at a time: a word has
// such a byte iff it has a byte < 0x20, or one equal to '"' or '\\' (the classic "has a zero
// byte" bit tricks, exact as to whether, not where).
const char* FindEscape(const char* p, const char* end) {
  constexpr std::uint64_t k01 = 0x0101010101010101ULL;
  constexpr std::uint64_t k80 = 0x8080808080808080ULL;
  while (end - p >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    const std::uint64_t quote = w ^ (k01 * '"');
    const std::uint64_t backslash = w ^ (k01 * '\\');
    const std::uint64_t hits =
        ((w - k01 * 0x20) & ~w) | ((quote - k01) & ~quote) | ((backslash - k01) & ~backslash);
    if ((hits & k80) != 0) break;
    p += 8;
  }
  while (p != end && !kNeedsEscape[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

}  // namespace

JsonOut& JsonOut::Value(std::int64_t v) {
  char digits[24];
  char* at = digits;
  if (Separate()) *at++ = ',';
  at = std::to_chars(at, digits + sizeof digits, v).ptr;
  out_.append(digits, at);
  return *this;
}

void JsonOut::Quoted(bool comma, std::string_view s, char after) {
  const char* const end = s.data() + s.size();
  if (FindEscape(s.data(), end) != end) {
    if (comma) out_.push_back(',');
    out_.push_back('"');
    Escaped(s);
    out_.push_back('"');
    if (after != '\0') out_.push_back(after);
    return;
  }
  const std::size_t old = out_.size();
  const std::size_t n = s.size() + 2 + (comma ? 1 : 0) + (after != '\0' ? 1 : 0);
  out_.resize(old + n);
  char* at = out_.data() + old;
  if (comma) *at++ = ',';
  *at++ = '"';
  std::memcpy(at, s.data(), s.size());
  at += s.size();
  *at++ = '"';
  if (after != '\0') *at = after;
}

void JsonOut::Escaped(std::string_view s) {
  const char* run = s.data();
  const char* const end = s.data() + s.size();
  for (const char* at = FindEscape(run, end); at != end; at = FindEscape(run, end)) {
    const auto c = static_cast<unsigned char>(*at);
    out_.append(run, at);
    run = at + 1;
    out_.push_back('\\');
    switch (c) {
      case '"':
      case '\\':
        out_.push_back(static_cast<char>(c));
        break;
      case '\b':
        out_.push_back('b');
        break;
      case '\f':
        out_.push_back('f');
        break;
      case '\n':
        out_.push_back('n');
        break;
      case '\r':
        out_.push_back('r');
        break;
      case '\t':
        out_.push_back('t');
        break;
      default: {
        constexpr char kHex[] = "0123456789ABCDEF";
        const char u[] = {'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
        out_.append(u, sizeof u);
      }
    }
  }
  out_.append(run, end);
}

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
