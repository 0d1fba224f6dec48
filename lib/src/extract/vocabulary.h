// The Vietnamese vocabulary of the extractors, in one place (issue 17):
// the row types here, the rows themselves — the data only — in
// vocabulary.vi.inc. The extractors build their fast lookups (a
// scan::KeywordSet, a scan::WordsBefore) from these tables once; a new
// phrase is one row there, with its example, and tests/unit/vocabulary_test.cc
// runs every example through the code that reads the row.
//
// Words are folded (lower case, NFC) unless a row type says otherwise.
// Where a table is tried in order and the first match wins, a phrase that
// another ends in (or holds) comes after it: "kể từ" before "từ", "đảng bộ
// huyện" before "huyện" (vocabulary_test checks it).
// Internal to the library.
#pragma once

#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>

#include "plancheck/model.h"

namespace plancheck::vocab {

// ---- Organisations ---------------------------------------------------------

// How the name after a head runs on (Vietnamese often writes only the
// first syllable of a name with a capital: "Khoa Giáo dục thể chất").
enum class Runs : uint8_t {
  capitals,   // capitalised words (and the agency field words)
  sentence,   // also lower-case syllables after the complement's capital, up to a stop word or a place
  numbered,   // as `sentence`, and a number right after the head: "Trung đoàn 990", "Đội 5"
};

// A head: the words an organisation's name opens with, and the kind of
// unit it names ("Đảng bộ xã Phú Lộc" → a đảng bộ; "Sở Y tế" → an agency).
struct Head {
  std::string_view words;
  std::string_view example;  // a name opening with the head, as written (orgs::orgs_in finds it, of `type`)
  UnitType type;
  bool needs_capital;  // agencies are only agencies when written with a capital
  // The level of the party organisation of such a body serving the province
  // ("Đảng bộ Công an tỉnh", "Đảng bộ Quân sự tỉnh", "Đảng bộ Bộ đội Biên
  // phòng tỉnh" sit directly under the Tỉnh ủy: district level); other
  // agencies' organisations are grassroots.
  std::optional<Level> of_province = std::nullopt;
  Runs runs = Runs::capitals;
  std::string_view not_before = {};  // no head when this word follows ("Khoa học", "Đội ngũ")
};

// What a row of the level table says about a congress phrase.
enum class Says : uint8_t {
  national,
  all_levels,   // "các cấp": every level at once, no one level
  branch,
  grassroots,
  district,
  province,
  below_body,   // one level below the body named after the words ("chi bộ trực thuộc Huyện ủy" → grassroots)
  under_issuer, // the units under the document's issuer ("đại hội cấp mình" of the units it asks)
  of_province,  // a police, military or government organisation: district of a province, grassroots below that
};

enum class Where : uint8_t { anywhere, head };  // anywhere in the phrase, or where it begins

// A row of the level of a congress phrase (orgs::level_of_phrase): when its
// words stand in the phrase (as whole words) it says the level. Rows are
// tried in order, the first match wins.
struct LevelRow {
  std::string_view words;
  std::string_view example;  // a congress phrase the row decides (folded)
  Where where;
  Says says;
  std::optional<Level> otherwise = std::nullopt;  // below_body when no body is named
  std::optional<Level> most = std::nullopt;       // below_body: a "chi bộ" is never above grassroots
  bool city_after = false;  // the words count only before a city of kCentralCities ("thành phố Huế")
};

// A row of the level of a committee or body by its name (orgs::body_level):
// "Ban Thường vụ Huyện ủy" → district. Tried in order, the first match wins.
struct BodyRow {
  std::string_view words;
  std::string_view example;  // a body's name the row decides (folded)
  Level level;
  bool whole = false;  // the name is exactly these words ("huyện", "xã")
};

// An issuer code of a document number ("số 12-KH/HU") and the level of the
// committee it stands for; `committee` the committee's folded name when the
// code names one ("HU": huyện ủy), empty when it names none. A committee
// with two codes in use ("thị ủy": TXU and TX) has a row for each.
struct IssuerCode {
  std::string_view code;
  std::string_view example;  // a document number with the code
  std::optional<Level> level;  // nullopt: the code says nothing of it ("ĐU": any đảng ủy)
  std::string_view committee;
};

// The national congresses a text can be about, by their Roman numerals
// (XI 2011 … XVI 2036): kNationalCongresses[k] is congress
// kFirstNationalCongress + k, prepared by the term from 2010 + 5k.
inline constexpr int kFirstNationalCongress = 11;

// ---- Timelines -------------------------------------------------------------

// A verb that says what happens to congresses at a time, with its event.
struct EventWord {
  std::string_view words;
  std::string_view example;  // a statement whose milestone has `event`
  Event event;
  bool opens_clause;  // a clause opening with it has nothing of its own to say whose congress it is
};

// A word that cancels the verb it stands before: no congress is scheduled.
struct CancelWord {
  std::string_view words;
  std::string_view example;  // a statement that yields no milestone
};

// A word that makes the time after it a target of the term, not a congress
// date. `unless_congress`: the word also heads a congress schedule, which a
// congress word or a party organisation after the time tells.
struct TargetWord {
  std::string_view words;
  std::string_view example;  // a sentence whose time is a target (no milestone)
  bool unless_congress;
};

// Words that leave a congress's time open: "Đại hội đảng bộ cơ sở: thời
// gian cụ thể sẽ thông báo sau" states the level and no time (open_times.cc:
// an `open_time` notice with the level, which require reads as `missing`).
struct OpenTimeWord {
  std::string_view words;
  std::string_view example;  // a statement with one open_time notice of `level`
  Level level;               // the level the example's congress phrase names
};

// ---- Times -----------------------------------------------------------------

// A month named in words ("tháng Giêng", "tháng Chạp").
struct MonthName {
  std::string_view name;
  int month;
};

// A part of a period: "đầu tháng 3" is its early part.
struct PartWord {
  std::string_view words;
  std::string_view example;  // a time expression with that part
  Part part;
};

// A half of a month: "nửa đầu tháng 3/2020" is days 1–15.
struct HalfWord {
  std::string_view words;
  int half;
};

// A relation word in front of a time: "trước ngày 30/6" is before it.
struct RelationWord {
  std::string_view words;
  std::string_view example;  // a time expression with that relation
  Relation relation;
  // Whether a bare day and month after it is a date ("đến 22/1", "trước
  // 15/3"); not after "trong", which measures ("trong 1/2 ngày").
  bool bare_dates = true;
};

// A keyword typed without its marks ("thang 9/2025"), with the word meant:
// read as the keyword before a number (Text repairs it, issue 17).
// `date_word`: a word of the date itself, read as such by the time
// extractor before digits (not "nam", a common word, nor the relations).
struct MarklessWord {
  std::string_view bare, keyword;
  bool date_word;
  std::string_view example;  // a phrase that reads it (Text::normalized() then holds the keyword)
  bool lower_only = false;   // a name when capitalised ("Việt Nam 2025"): read in lower case only
};

// Two words typed without their marks that only together spell a keyword
// ("dai hoi"): read as the keyword.
struct MarklessPair {
  std::string_view first, second, keyword;
  std::string_view example;  // a phrase that reads it
};

// A word typed without its marks that is a keyword after the words `after`
// (folded, as written or as repaired): "dang bo huyen" → "đảng bộ huyện".
struct MarklessAfter {
  std::string_view after, bare, keyword;
  std::string_view example;  // a phrase that reads it
};

// A relation word typed with a mark wrong or missing ("trươc ngày"), known
// by its letters without any mark.
struct MarklessRelation {
  std::string_view letters, keyword;
  Relation relation;
  // notices.cc already says the all-ASCII word before a number ("truoc 15/3").
  bool said_before_number;
  std::string_view said_before;  // notices.cc says the two ASCII words together ("truoc ngay")
};

// ---- Cited documents -------------------------------------------------------

// How a kind word takes a bare number, one with no code ("Chỉ thị 35",
// "Công văn 1245"): after "số" it always does ("kế hoạch số 74"); without
// it, a word that is only ever a document's name does, one that is also a
// verb or a common noun ("hướng dẫn 3 đơn vị", "kế hoạch 5 năm") only when
// written as a title, with a capital; a generic word never does.
enum class Bare : uint8_t {
  always,  // only ever a document's name
  titled,  // also a verb or a common noun: with a capital only
  never,   // generic ("văn bản"), or a number that names a programme
           // rather than a text ("Chương trình 135"): only after "số"
};

// A word naming a cited document's kind, in front of its number
// (spec/extract-json.md, Reference.kind).
struct KindWord {
  std::string_view words;    // folded
  std::string_view kind;     // Reference.kind
  Bare bare;                 // see Bare
  bool generic;              // says nothing of the kind: a code's type says more
  std::string_view meaning;  // what the word names
};

// A document type code ("KH" in "12-KH/HU") and the kind it names.
struct TypeCode {
  std::string_view code;
  std::string_view kind;
};

#include "extract/vocabulary.vi.inc"

// The value of a numeral word ("ba" → 3, by its place in kNumerals), 0 when it is none.
constexpr int numeral_word_value(std::string_view w) {
  for (size_t k = 0; k < std::size(kNumerals); ++k)
    if (w == kNumerals[k]) return static_cast<int>(k + 1);
  return 0;
}

}  // namespace plancheck::vocab
