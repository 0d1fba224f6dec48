// The extracted model of one plan document: what `plancheck extract` shows
// and what rules see. Field names follow ../shared/spec/extract-json.md.
//
// Contract: every Span's start/end are byte offsets into the normalized text
// (see text.h); line and column (1-based, column in code points) point into
// the original file. Vectors are in text order unless stated otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/calendar.h"

namespace plancheck {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  bool operator==(const Span&) const = default;
  // Lines are 1-based: line 0 is a span the model was not given (an
  // extraction read from JSON without one, extract_json.h).
  bool known() const { return line != 0; }
};

// Congress levels, bottom-up; the order is the order congresses are held in.
enum class Level { branch, grassroots, district, province, national };
inline constexpr size_t kLevelCount = 5;
const char* to_string(Level l);
std::optional<Level> parse_level(std::string_view s);

// The level directly below (nullopt under branch) and above (nullopt over national).
std::optional<Level> level_below(Level l);

// The issuer codes of document numbers ("172-KH/HU") and what each says:
// the level of the committee that issues under it, and the committee's
// name where the code names one kind ("huyện ủy"). One table (model.cc)
// for the extractors and the checks.
std::optional<Level> issuer_code_level(std::string_view code);
// Whether documents numbered under `code` are issued by the committee named
// `folded_name` (the matching form, text.h fold(): "thị ủy hương trà").
bool issuer_code_fits_committee(std::string_view code, std::string_view folded_name);
// The place a committee's folded name ends in ("ban thường vụ tỉnh ủy hà
// tĩnh" → "hà tĩnh"); empty when the name names none ("ban thường vụ tỉnh
// ủy"). Two provinces number their plans alike: the place tells them apart.
std::string_view committee_place(std::string_view folded_name);

enum class Relation { in, before, by, from, after, between };
const char* to_string(Relation r);

enum class Part { none, early, mid, late };
const char* to_string(Part p);  // "early" … ; "" for none

// A temporal expression resolved to a calendar period.
struct TimeExpr {
  std::string text;  // as written (normalized), with its relation word
  Relation relation = Relation::in;
  Period period;
  Part part = Part::none;
  bool year_inferred = false;
  Span span;
};

// A cited document ("Kế hoạch số 172-KH/HU ngày 20/9/2024 của Huyện ủy …").
struct Reference {
  std::optional<std::string> id;  // the code as written: "172-KH/HU", "35-CT/TƯ", "03-HD/HU";
                                  // nullopt for a bare number ("Chỉ thị 35")
  std::string number;             // as written, leading zeros kept
  std::string type;               // "KH", "CT", "QĐ" …; empty when absent
  std::string issuer_code;        // "HU", "TW", "BTCTW" … (canonical: "TƯ" is TW); empty when absent
  std::string kind;               // ke_hoach, chi_thi, … , other
  std::optional<CivilDate> date;  // when this mention states one
  std::optional<std::string> issuer;
  std::string text;
  Span span;
};

// The document a coded reference names, however its code was written: the
// number without leading zeros, the type and the canonical issuer code
// ("35-CT/TƯ" and "35-CT/TW" are one document, "03-HD/HU" is "3-HD/HU").
// What documents are compared by (rule sets, a document cited twice);
// nullopt for a bare number.
std::optional<std::string> document_key(const Reference& r);
// The same key for a code written NUMBER-TYPE/ISSUER ("35-CT/TW" in a rule
// file); other text is returned as it is.
std::string document_key(std::string_view code);
// An issuer code as one body writes it: "TƯ" (Trung ương) is TW.
std::string_view canonical_issuer_code(std::string_view code);

enum class UnitType { dang_bo, chi_bo, committee, agency };
const char* to_string(UnitType t);

// A party organisation, committee or agency named in the text.
struct Unit {
  std::string name;
  UnitType type = UnitType::dang_bo;
  std::optional<Level> level;
  Span span;
};

enum class Event { start, complete, hold };
const char* to_string(Event e);

enum class Status { planned, done };
const char* to_string(Status s);

// A congress timeline statement: which level's congresses start, complete or
// are held when.
struct Milestone {
  Level level = Level::grassroots;
  Event event = Event::hold;
  TimeExpr time;
  std::string subject;                // the congress phrase the statement is about
  std::optional<std::string> source;  // id of a higher document it restates
  Status status = Status::planned;
  Span span;                          // the whole statement
  // The unit whose official is quoted saying it ('Bí thư Đảng ủy xã Văn
  // Nghĩa cho biết: "… Đại hội Đảng bộ xã trong tháng 3/2020"'): that unit's
  // own schedule reported in the article, not the plan's. Not part of the
  // extract-json v1 contract; `extract --format text` shows it.
  std::optional<Unit> quoted_from;
};

enum class PilotKind { model_congress, direct_election };
const char* to_string(PilotKind k);

struct Pilot {
  PilotKind kind = PilotKind::model_congress;
  std::optional<Level> level;
  std::vector<std::string> units;  // named units only
  int count = 0;                   // how many units the statement selects
  std::optional<std::string> selected_by;
  std::optional<TimeExpr> time;
  Span span;
};

// A text-level finding made while reading (codes: lookalike, typo,
// invalid_date, conflicting_date, legacy_encoding, no_diacritics; and, said
// first, how the file was read: decoded_from, ocr), or a
// statement the checks read (open_time: a level's congress time left open,
// "Đại hội đảng bộ cơ sở: thời gian cụ thể sẽ thông báo sau").
struct Notice {
  std::string code;
  std::string message;
  std::optional<std::string> suggestion;
  std::string text;  // the offending text as written
  Span span;
  std::optional<Level> level;  // open_time: the level whose time is left open
};

struct Term {
  int from = 0;
  int to = 0;
  bool operator==(const Term&) const = default;
};

struct DocumentFacts {
  std::optional<Term> term;                      // the term being prepared
  std::optional<std::string> national_congress;  // "XIV"
  std::optional<std::string> issuer;             // "Huyện ủy Lạc Dương"
};

struct Extraction {
  std::string file;
  DocumentFacts document;
  std::vector<Reference> references;
  std::vector<TimeExpr> times;
  std::vector<Unit> units;
  std::vector<Milestone> milestones;
  std::vector<Pilot> pilots;
  std::vector<Notice> notices;
};

}  // namespace plancheck
