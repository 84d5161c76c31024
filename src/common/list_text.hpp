#pragma once
// A list of strings kept as one text, "a,b,c": how the stores keep short lists in a column and
// how messages and the CLI print them. The items must not contain the separator.
#include <string>
#include <string_view>
#include <vector>

namespace csphub {

// "a,b,c" from {"a", "b", "c"}; "" from {}.
std::string Join(const std::vector<std::string>& items, std::string_view separator = ",");
// The inverse of Join(): {} from "", {"a", ""} from "a,".
std::vector<std::string> Split(std::string_view text, char separator = ',');

}  // namespace csphub
