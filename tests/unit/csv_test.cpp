// The incremental CSV reader: the same records whatever the pieces the input arrives in.
#include "common/csv.hpp"

#include <gtest/gtest.h>

namespace csphub {
namespace {

std::vector<CsvRecord> ReadInPieces(const std::string& text, std::size_t piece, Status* st) {
  std::vector<CsvRecord> out;
  CsvReader reader(64);
  auto keep = [&](CsvRecord& r) {
    out.push_back(r);
    return Status::Ok();
  };
  *st = Status::Ok();
  for (std::size_t at = 0; at < text.size() && st->ok(); at += piece) {
    *st = reader.Feed(std::string_view(text).substr(at, piece), keep);
  }
  if (st->ok()) *st = reader.Finish(keep);
  return out;
}

TEST(CsvReaderTest, QuotesLineBreaksAndBomComeOutTheSameInAnyPieces) {
  const std::string text =
      "\xEF\xBB\xBF"
      "a,b,c\r\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\nlast,,\n\"q\"";
  for (std::size_t piece : {1u, 2u, 3u, 7u, 1000u}) {
    SCOPED_TRACE(piece);
    Status st;
    auto rows = ReadInPieces(text, piece, &st);
    ASSERT_TRUE(st.ok()) << st.description();
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"x,1", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(rows[1].line, 2);
    EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"last", "", ""}));
    EXPECT_EQ(rows[2].line, 5);
    EXPECT_EQ(rows[3].cells, (std::vector<std::string>{"q"}));
  }
}

TEST(CsvReaderTest, OpenQuotesNulBytesAndOverlongRecordsAreErrors) {
  Status st;
  ReadInPieces("a,\"open\r\n", 3, &st);
  EXPECT_FALSE(st.ok());
  ReadInPieces(std::string("a,\0b\n", 5), 3, &st);
  EXPECT_FALSE(st.ok());
  ReadInPieces(std::string(65, 'x') + "\n", 10, &st);
  EXPECT_FALSE(st.ok());
  ReadInPieces(std::string(60, 'x') + "\n" + std::string(60, 'y') + "\n", 10, &st);
  EXPECT_TRUE(st.ok());  // the limit is per record
}

TEST(CsvWriterTest, QuotesWhatNeedsItAndDefusesFormulas) {
  std::string out;
  AppendCsvRow(out, {"plain", "a,b", "say \"x\"", "=SUM(A1)", ""});
  EXPECT_EQ(out, "plain,\"a,b\",\"say \"\"x\"\"\",'=SUM(A1),\r\n");
}

}  // namespace
}  // namespace csphub
