#pragma once
// Case folding for search keys: company names are searched case-insensitively in the
// languages csphub ships (English, Russian, Traditional Chinese). Folds ASCII, Latin-1,
// Greek and Cyrillic capitals to small letters in UTF-8; other text (CJK has no case) is kept.
#include <string>
#include <string_view>

namespace csphub {

std::string FoldCase(std::string_view utf8);

}  // namespace csphub
