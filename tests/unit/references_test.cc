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
                     V{"thực hiện 45-CT/TW của Bộ Chính trị", "45-CT/TW", "chi_thi"},
                     V{"ban hành kèm theo Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013", "84-QĐ/TWĐTN", "quyet_dinh"}}) {
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

// "TƯ" (Trung ương) is how some write TW: the id keeps it as written, the
// issuer code is the one code of the body, and document_key() says they are
// one document.
TEST(References, TrungUongWrittenTUKeptAsWritten) {
  auto r = refs_of("quán triệt Chỉ thị số 36-CT/TƯ, ngày 30.5.2014 của Bộ Chính trị");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "36-CT/TƯ");
  EXPECT_EQ(r[0].issuer_code, "TW");
  EXPECT_EQ(r[0].date->iso(), "2014-05-30");
  EXPECT_EQ(document_key(r[0]), "36-CT/TW");
  EXPECT_EQ(document_key(r[0]), document_key("36-CT/TW"));
}

TEST(References, LeadingZeroKeptInTheId) {
  auto r = refs_of("Hướng dẫn (mật) số 03-HD/HU ngày 16/9/2024 của Ban Thường vụ Tỉnh ủy");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].id, "03-HD/HU");
  EXPECT_EQ(r[0].text, "Hướng dẫn (mật) số 03-HD/HU ngày 16/9/2024");
  EXPECT_EQ(r[0].number, "03");
  EXPECT_EQ(r[0].date->iso(), "2024-09-16");
  EXPECT_EQ(document_key(r[0]), "3-HD/HU");
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

// A bare number keeps id null even where the coded form is cited in the
// same text: the mention gives no code (corpus/NOTES.md).
TEST(References, BareDirectiveNumberStaysBareBesideTheCodedOne) {
  auto r = refs_of("Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị. Thực hiện Chỉ thị 35, huyện ban hành");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].id, "35-CT/TW");
  EXPECT_FALSE(r[1].id);
  EXPECT_EQ(r[1].number, "35");
  EXPECT_EQ(r[1].kind, "chi_thi");
  EXPECT_EQ(r[1].text, "Chỉ thị 35");
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

// The date attached to the mention, however the day is written: dashes,
// dots, words, after a comma, in parentheses, after the issuer.
TEST(References, AttachedDates) {
  struct V {
    const char* text;
    const char* id;
    const char* date;
  };
  for (const V& v : {
           V{"triển khai Kế hoạch số 258-KH/TU ngày 15-7-2024 của Thành ủy Hà Nội về việc", "258-KH/TU", "2024-07-15"},
           V{"Kế hoạch số 323 -KH/QU ngày 8-8-2024 của Quận ủy Đống Đa", "323-KH/QU", "2024-08-08"},
           V{"thực hiện Kết luận số 127-KL/TW ngày 28-02-2025 của Bộ Chính trị", "127-KL/TW", "2025-02-28"},
           V{"theo đúng tinh thần Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị.", "35-CT/TW", "2019-05-30"},
           V{"Kế hoạch số 221-KH/QU ngày 12 tháng 11 năm 2019 của Ban Thường vụ Quận ủy", "221-KH/QU", "2019-11-12"},
           V{"Thực hiện Kế hoạch số 146-KH/TU, ngày 21/6/2019 của Ban Thường vụ Tỉnh ủy", "146-KH/TU", "2019-06-21"},
           V{"Chỉ thị số 45-CT/TW (ngày 14/4/2025) của Bộ Chính trị", "45-CT/TW", "2025-04-14"},
           V{"Chỉ thị số 35-CT/TW của Bộ Chính trị ngày 14/6/2024 về đại hội", "35-CT/TW", "2024-06-14"},
       }) {
    auto r = refs_of(v.text);
    ASSERT_EQ(r.size(), 1u) << v.text;
    EXPECT_EQ(r[0].id, v.id) << v.text;
    ASSERT_TRUE(r[0].date) << v.text;
    EXPECT_EQ(r[0].date->iso(), v.date) << v.text;
  }
  auto r = refs_of("Chỉ thị số 45-CT/TW (ngày 14/4/2025) của Bộ Chính trị");
  EXPECT_EQ(r[0].text, "Chỉ thị số 45-CT/TW (ngày 14/4/2025)");
  EXPECT_EQ(r[0].issuer, "Bộ Chính trị");
}

// A date that is not the document's: at the head of the sentence, after the
// issuer and a comma, or without its year.
TEST(References, DatesNotAttached) {
  for (const char* text : {
           "Ngày 17-4-2020, Ban Thường vụ Thành ủy có Công văn số 4182-CV/TU yêu cầu các cấp ủy",
           "Ngày 6/6/2025, đồng chí Trần Cẩm Tú đã ký ban hành Kết luận số 163-KL/TW về thực hiện",
           "Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị, ngày 15/3/2020 Huyện ủy đã tổ chức hội nghị",
           "Ban Thường vụ Thành ủy ban hành Kết luận 1251 năm 2025 về thực hiện Kết luận 127 ngày 28.2 của Bộ "
           "Chính trị",
       }) {
    auto r = refs_of(text);
    ASSERT_FALSE(r.empty()) << text;
    for (const auto& x : r) EXPECT_FALSE(x.date) << text << ": " << x.text;
  }
}

// Bare numbers: id null, the number and the kind from the word in front;
// with "số" after any kind word, without it after a title.
TEST(References, BareNumbers) {
  struct V {
    const char* text;
    const char* number;
    const char* kind;
    const char* date;  // nullptr: none
  };
  for (const V& v : {
           V{"thực hiện theo Công văn 1245 của Tỉnh ủy về việc tạm dừng", "1245", "cong_van", nullptr},
           V{"được nêu trong Kết luận 1251 năm 2025 của Ban Thường vụ Thành ủy", "1251", "ket_luan", nullptr},
           V{"Thực hiện Chỉ thị số 35 ngày 30/5/2019 của Bộ chính trị về Đại hội", "35", "chi_thi", "2019-05-30"},
           V{"Theo kế hoạch số 74 của Đảng ủy Công an tỉnh", "74", "ke_hoach", nullptr},
           V{"Bám sát Chỉ thị 35 của Bộ Chính trị và Kế hoạch của Ban Thường vụ", "35", "chi_thi", nullptr},
           V{"quán triệt, triển khai Kết luận 127, tạo sự thống nhất", "127", "ket_luan", nullptr},
           V{"ra Thông báo số 01, ngày 9/10/2019 phân công nhiệm vụ", "01", "thong_bao", "2019-10-09"},
           V{"theo Nghị quyết 18 của Ban Chấp hành Trung ương", "18", "nghi_quyet", nullptr},
           V{"Hướng dẫn (mật) số 03 của Ban Thường vụ Huyện ủy", "03", "huong_dan", nullptr},
       }) {
    auto r = refs_of(v.text);
    ASSERT_EQ(r.size(), 1u) << v.text;
    EXPECT_FALSE(r[0].id) << v.text;
    EXPECT_EQ(r[0].number, v.number) << v.text;
    EXPECT_EQ(r[0].kind, v.kind) << v.text;
    if (v.date) {
      ASSERT_TRUE(r[0].date) << v.text;
      EXPECT_EQ(r[0].date->iso(), v.date) << v.text;
    } else {
      EXPECT_FALSE(r[0].date) << v.text;
    }
  }
}

// "năm 2025" after a bare number is the year of issue: part of the mention,
// but not a date.
TEST(References, TheYearOfIssueIsPartOfTheMention) {
  auto r = refs_of("Yêu cầu trên được nêu trong Kết luận 1251 năm 2025 của Ban Thường vụ Thành ủy TP.HCM về");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, "Kết luận 1251 năm 2025");
  EXPECT_FALSE(r[0].date);
  EXPECT_EQ(r[0].issuer, "Ban Thường vụ Thành ủy TP");
  // Also after a slash, with "số": "Văn bản số 754/2020" (a bare number, no code).
  r = refs_of("Tỉnh ủy vừa có Văn bản số 754/2020 thông báo ý kiến của Thường trực Tỉnh ủy.");
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].text, "Văn bản số 754/2020");
  EXPECT_EQ(r[0].number, "754");
  EXPECT_FALSE(r[0].id);
  EXPECT_FALSE(r[0].date);
  // Without "số" a slash year is no mention ("Kế hoạch 269/2019" may be a count over a year).
  EXPECT_TRUE(refs_of("thực hiện Kế hoạch 269/2019 của tỉnh").empty());
}

// Numbers after a kind word that are not a document's: counts, durations,
// a verb or common noun in lower case, a generic word without "số".
TEST(References, NumbersAfterKindWordsThatAreNotDocuments) {
  for (const char* text : {
           "thực hiện Kế hoạch 5 năm 2021-2025 của tỉnh",
           "xây dựng Kế hoạch 5 năm 2021 - 2025",
           "triển khai kế hoạch 100 ngày đêm thi đua",
           "Báo cáo 6 tháng đầu năm của Huyện ủy",
           "Ban Tổ chức hướng dẫn 3 đơn vị làm điểm",
           "Đảng ủy quyết định 5 vấn đề lớn",
           "hội nghị kết luận 3 nội dung quan trọng",
           "các văn bản 2 cấp ban hành",
           "thông báo 2 lần trong tuần",
           "Nghị quyết 15 năm qua đã đi vào cuộc sống",
           "Kế hoạch 2 tuần cao điểm",
           "Kế hoạch 30% đảng viên",
           "thực hiện Chương trình 135 và Đề án 06 của Chính phủ",  // programmes, not texts
           "Quyết định số 1234/QĐ-TTg của Thủ tướng",  // a code this reader does not take, not a bare number
       }) {
    EXPECT_TRUE(refs_of(text).empty()) << text;
  }
}

// The kind from the word in front; a generic word or none: from the code.
TEST(References, KindsFromTheWordInFront) {
  struct V {
    const char* text;
    const char* kind;
  };
  for (const V& v : {
           V{"Chỉ thị số 35-CT/TW, Thông tri số 10-TT/TU", "other"},
           V{"Thông báo kết luận số 123-TB/TU của Ban Thường vụ", "thong_bao"},
           V{"Tỉnh ủy có văn bản số 4182-CV/TU yêu cầu", "cong_van"},
           V{"Quyết định số 123/QĐ-UBND của Ủy ban", "quyet_dinh"},
           V{"Quy định số 89-QĐ/TW của Bộ Chính trị", "quy_dinh"},
           V{"Thông tư số 01/2024/TT-BNV của Bộ Nội vụ", "other"},
           V{"ban hành 65-KH/ĐU tổ chức đại hội", "ke_hoach"},
       }) {
    auto r = refs_of(v.text);
    ASSERT_FALSE(r.empty()) << v.text;
    EXPECT_EQ(r.back().kind, v.kind) << v.text;
  }
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

// "35-CT/TƯ" and "35-CT/TW" are one document: two dates for it are a notice.
TEST(References, SameDocumentWrittenTwoWaysWithTwoDatesIsANotice) {
  std::vector<Notice> notices;
  refs_of("Chỉ thị số 35-CT/TƯ ngày 30/5/2019 … Chỉ thị số 35-CT/TW ngày 14/6/2024", &notices);
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
