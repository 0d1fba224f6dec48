#include <gtest/gtest.h>

#include "test_util.h"

namespace plancheck {
namespace {

std::vector<Reference> refs_of(const std::string& s, std::vector<Notice>* notices = nullptr) {
  Text text(s);
  std::vector<Notice> local;
  auto times = extract_times(text, &local);
  return extract_references(text, times, notices ? notices : &local);
}

TEST(References, FullMentionWithDateAndIssuer) {
  auto r = refs_of("quán triệt Kế hoạch số 172-KH/HU ngày 20/9/2024 của Huyện ủy Lạc Dương về đại hội");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "172-KH/HU");
  EXPECT_EQ(r[0].number, "172");
  EXPECT_EQ(r[0].type, "KH");
  EXPECT_EQ(r[0].issuer_code, "HU");
  EXPECT_EQ(r[0].kind, "ke_hoach");
  ASSERT_TRUE(r[0].date);
  EXPECT_EQ(r[0].date->iso(), "2024-09-20");
  EXPECT_EQ(r[0].issuer, "Huyện ủy Lạc Dương");
  EXPECT_EQ(r[0].text, "Kế hoạch số 172-KH/HU ngày 20/9/2024");
}

TEST(References, DateAfterAComma) {
  auto r = refs_of("Kế hoạch số 135-KH/TU, ngày 9/9/2024 của Tỉnh ủy về thực hiện Chỉ thị 35-CT/TW;");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].date->iso(), "2024-09-09");
  EXPECT_EQ(r[0].issuer, "Tỉnh ủy");
  EXPECT_EQ(r[1].id, "35-CT/TW");
  EXPECT_EQ(r[1].kind, "chi_thi");
  EXPECT_FALSE(r[1].date);
}

TEST(References, Variants) {
  struct V {
    const char* text;
    const char* id;
    const char* kind;
  };
  for (const V& v : {V{"theo Kế hoạch số 172 - KH/HU của Huyện ủy", "172-KH/HU", "ke_hoach"},
                     V{"Quyết định số 123/QĐ-UBND của Ủy ban", "123-QĐ/UBND", "quyet_dinh"},
                     V{"Kế hoạch 135-KH/TU về", "135-KH/TU", "ke_hoach"},
                     V{"Hướng dẫn số 27-HD/BTCTW ngày 26/8/2024", "27-HD/BTCTW", "huong_dan"},
                     V{"Quy định số 89-QĐ/TW, ngày 04/8/2017", "89-QĐ/TW", "quy_dinh"},
                     V{"Kết luận số 118-KL/TW ngày 18/1/2025", "118-KL/TW", "ket_luan"},
                     V{"Nghị quyết số 26-NQ/TW, ngày 19/5/2018", "26-NQ/TW", "nghi_quyet"},
                     V{"Công văn số 1024-CV/ĐU ngày 3/3/2025", "1024-CV/ĐU", "cong_van"},
                     V{"thực hiện 45-CT/TW của Bộ Chính trị", "45-CT/TW", "chi_thi"}}) {
    auto r = refs_of(v.text);
    ASSERT_EQ(r.size(), 1u) << v.text;
    EXPECT_EQ(r[0].id, v.id) << v.text;
    EXPECT_EQ(r[0].kind, v.kind) << v.text;
  }
}

TEST(References, StateStyleWithTheYearInside) {
  auto r = refs_of("Nghị quyết số 22/2019/NQ-HĐND ngày 17/10/2019 của HĐND tỉnh");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "22-NQ/HĐND");
  EXPECT_EQ(r[0].number, "22");
  EXPECT_EQ(r[0].date->iso(), "2019-10-17");
}

TEST(References, TrungUongWrittenTUIsTW) {
  auto r = refs_of("quán triệt Chỉ thị số 36-CT/TƯ, ngày 30.5.2014 của Bộ Chính trị");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "36-CT/TW");
  EXPECT_EQ(r[0].date->iso(), "2014-05-30");
}

TEST(References, LookalikeEthInCodeIsReadAsD) {
  auto r = refs_of("Quy định số 14-QÐ/TU ngày 06/11/2023");  // U+00D0
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "14-QĐ/TU");
  EXPECT_EQ(r[0].type, "QĐ");
}

TEST(References, NumberOnlyMentions) {
  auto r = refs_of("ra Thông báo số 01, ngày 9/10/2019 phân công nhiệm vụ");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_FALSE(r[0].id);
  EXPECT_EQ(r[0].number, "01");
  EXPECT_EQ(r[0].kind, "thong_bao");
  EXPECT_EQ(r[0].date->iso(), "2019-10-09");
}

TEST(References, BareDirectiveNumberResolvesToTheCodedOne) {
  auto r = refs_of("Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị. Thực hiện Chỉ thị 35, huyện ban hành");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[1].id, "35-CT/TW");
  EXPECT_EQ(r[1].number, "35");
}

// Two coded documents of one kind and number (a directive of the Politburo
// and one of the province): a bare "Chỉ thị 35" could be either.
TEST(References, BareNumberOfTwoCodedDocumentsStaysBare) {
  auto r = refs_of("Chỉ thị số 35-CT/TW ngày 14/6/2024 và Chỉ thị số 35-CT/TU của Tỉnh ủy. Thực hiện Chỉ thị 35, "
                   "Chỉ thị số 35-CT/TW lại nêu");
  ASSERT_EQ(r.size(), 4u);
  EXPECT_EQ(r[1].id, "35-CT/TU");
  EXPECT_FALSE(r[2].id);
  EXPECT_EQ(r[2].number, "35");
}

TEST(References, NoFalseReferences) {
  EXPECT_TRUE(refs_of("triển khai thực hiện Nghị quyết Đại hội XIII của Đảng").empty());
  EXPECT_TRUE(refs_of("Kế hoạch 5 năm 2021-2025; Phòng VH-TT; Sở NN&PTNT").empty());
  EXPECT_TRUE(refs_of("470/470 chi bộ, 436/458 đồng chí").empty());
}

TEST(References, SameDocumentWithTwoDatesIsANotice) {
  std::vector<Notice> notices;
  refs_of("Chỉ thị số 35-CT/TW ngày 14/6/2024 … Chỉ thị số 35-CT/TW ngày 30/5/2019", &notices);
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0].code, "conflicting_date");
}

// Each later mention against the first of its document, the notices in
// the order of the text (not of the documents' codes).
TEST(References, ConflictingDatesAreNoticedInTextOrder) {
  std::vector<Notice> notices;
  refs_of("Kế hoạch số 5-KH/HU ngày 1/1/2025 của Huyện ủy.\nChỉ thị số 35-CT/TW ngày 14/6/2024.\n"
          "Kế hoạch số 5-KH/HU ngày 2/2/2025; Chỉ thị số 35-CT/TW ngày 30/5/2019; Chỉ thị số 35-CT/TW ngày "
          "14/6/2024.",
          &notices);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0].span.line, 3u);
  EXPECT_NE(notices[0].message.find("5-KH/HU is cited with date 2025-02-02 here and 2025-01-01 at line 1"),
            std::string::npos)
      << notices[0].message;
  EXPECT_NE(notices[1].message.find("35-CT/TW is cited with date 2019-05-30 here and 2024-06-14 at line 2"),
            std::string::npos)
      << notices[1].message;
  EXPECT_LT(notices[0].span.start, notices[1].span.start);
}

}  // namespace
}  // namespace plancheck
