#pragma once
// The audit log stores old and new values as small JSON texts (reference AuditRecord). The
// domain builds them with this helper rather than depending on a JSON library.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace csphub {

std::string JsonQuote(std::string_view text);

// {"k":"v",...} from string pairs; values that start with '[' or '{' or are true/false are
// written raw (they are already JSON).
class JsonObjectText {
 public:
  JsonObjectText& Add(std::string_view key, std::string_view value);
  JsonObjectText& AddRaw(std::string_view key, std::string_view json);
  std::string str() const { return "{" + body_ + "}"; }

 private:
  std::string body_;
};

std::string JsonStringArray(const std::vector<std::string>& items);

}  // namespace csphub
