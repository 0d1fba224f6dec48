// The model's own vocabulary: issuer codes and what they say.
#include "plancheck/model.h"

#include <gtest/gtest.h>

namespace plancheck {
namespace {

TEST(IssuerCodes, LevelOfEachCode) {
  EXPECT_EQ(issuer_code_level("HU"), Level::district);
  EXPECT_EQ(issuer_code_level("QU"), Level::district);
  EXPECT_EQ(issuer_code_level("TXU"), Level::district);  // a thị ủy: the code the checks did not know
  EXPECT_EQ(issuer_code_level("TX"), Level::district);
  EXPECT_EQ(issuer_code_level("TU"), Level::province);
  EXPECT_EQ(issuer_code_level("TƯ"), Level::national);  // Trung ương as written, not a province
  EXPECT_EQ(issuer_code_level("BTCTW"), Level::national);
  EXPECT_EQ(issuer_code_level("ĐU"), std::nullopt);  // any đảng ủy
  EXPECT_EQ(issuer_code_level("XYZ"), std::nullopt);
}

TEST(IssuerCodes, CodeFitsTheCommitteeThatIssuesUnderIt) {
  EXPECT_TRUE(issuer_code_fits_committee("HU", "huyện ủy hương sơn"));
  EXPECT_TRUE(issuer_code_fits_committee("TU", "thành ủy hà nội"));
  EXPECT_TRUE(issuer_code_fits_committee("TXU", "thị ủy hương trà"));
  EXPECT_TRUE(issuer_code_fits_committee("TX", "thị ủy hương trà"));
  EXPECT_FALSE(issuer_code_fits_committee("HU", "tỉnh ủy hà tĩnh"));
  EXPECT_FALSE(issuer_code_fits_committee("TW", "bộ chính trị"));  // no one committee name
}

}  // namespace
}  // namespace plancheck
