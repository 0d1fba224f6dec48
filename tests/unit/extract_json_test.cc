// write_json() streams what to_json().dump() builds whole: the two must
// give the same bytes, pretty and on one line, on real plans.
#include "plancheck/extract_json.h"

#include <gtest/gtest.h>

#include <sstream>

#include "test_util.h"

namespace plancheck {
namespace {

TEST(ExtractJson, StreamedIsTheDumpOfTheTree) {
  const auto texts = testing::shipped_texts();
  ASSERT_GE(texts.size(), 8u);
  // An extraction with every array empty, and one with invalid UTF-8 in a
  // field (replaced alike by both).
  Extraction empty;
  empty.file = "trống.txt";
  Extraction odd = testing::run("Kế hoạch số 05-KH/HU ngày 3/1/2025. Đại hội chi bộ hoàn thành trong tháng 2/2025.");
  odd.file = std::string("bad\xff.txt");
  std::vector<Extraction> all{empty, odd};
  for (const auto& [name, utf8] : texts) all.push_back(analyze_utf8(utf8, name).extraction);
  for (const auto& x : all) {
    SCOPED_TRACE(x.file);
    for (const int indent : {-1, 2}) {
      std::ostringstream streamed;
      write_json(streamed, x, indent);
      EXPECT_EQ(streamed.str(), to_json(x).dump(indent, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    }
  }
}

}  // namespace
}  // namespace plancheck
