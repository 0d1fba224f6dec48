// Organisation phrases and the congress levels they name (DOMAIN.md §1):
// "Đảng bộ xã Đạ Nhim", "chi bộ trực thuộc đảng ủy cơ sở", "Ban Thường vụ
// Huyện ủy", "Trường THPT Lạc Sơn". Shared by the units, milestones, pilots
// and document-facts extractors. Internal to the library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plancheck/model.h"
#include "plancheck/text.h"

namespace plancheck::orgs {

struct OrgMention {
  // Offsets in 32 bits, as in Text (a text has many mentions: issue 23).
  uint32_t b = 0, e = 0;  // the whole name, folded/normalized offsets
  uint32_t head_end = 0;  // end of the head words ("đảng bộ", "huyện ủy" …)
  UnitType type = UnitType::dang_bo;
  std::optional<Level> level;  // of the organisation itself
  bool named = false;          // carries a proper name ("xã Đạ Nhim", "THPT Lạc Sơn")
  int count = 0;               // a numeral in front: "01 chi bộ", "ít nhất 1 chi bộ"
  uint32_t count_begin = 0;    // where that numeral starts
  uint32_t resume = 0;         // where orgs_in() went on looking after it
  // "đảng bộ các huyện": a plural of a place kind, [plural_kind_b,
  // plural_kind_e) the kind ("huyện"); the places listed after it ("đảng bộ
  // các huyện: Hương Sơn, Thạch Hà") are mentions of their own.
  uint32_t plural_kind_b = 0, plural_kind_e = 0;
  bool listed = false;  // one of those places, named as written ("Hương Sơn")
  bool agency = false;  // an agency's organisation ("Đảng bộ Công an huyện"): `level` from the agency
};

// What a phrase says about a congress level ("chi bộ trực thuộc đảng bộ cơ
// sở", "đảng viên hoặc đại hội đại biểu cấp cơ sở", "đại biểu toàn quốc").
struct LevelGuess {
  std::optional<Level> level;
  bool bare_chi_bo = false;   // "chi bộ" with nothing saying which
  bool bare_dang_bo = false;  // "đảng bộ" with nothing saying which
  bool plural = false;        // "các …", "… còn lại"
  bool under_issuer = false;
  bool by_own_name = false;   // said by the organisation's own name ("Đảng bộ Công an tỉnh"), not a place in it  // "các đảng bộ trực thuộc" with no body named: one level below the issuer
  bool all_levels = false;    // "các cấp"
  bool pilot = false;         // "đại hội điểm", "thí điểm"
  int16_t row = -1;           // the vocab::kLevelRows row that decided, -1 when none did
};
LevelGuess level_of_phrase(std::string_view folded_phrase);

// The organisation phrase whose head starts at `pos`, if one does.
std::optional<OrgMention> org_at(const Text& text, size_t pos);

// A place named as a unit, "huyện Châu Đức", "xã Tân An" (a place kind, then
// capitalised words), as written: type dang_bo, the level of "đảng bộ" + kind.
std::optional<OrgMention> place_at(const Text& text, size_t pos);

// Every organisation phrase whose head starts in [b, e), in text order.
std::vector<OrgMention> orgs_in(const Text& text, size_t b, size_t e);

// The organisation phrases of a whole text, found once for every extractor
// that asks about a stretch of it. in(b, e) is what orgs_in(text, b, e)
// gives: the mentions already found there, or a scan of its own where a
// mention runs across b (a scan starting at b would read other words).
class OrgIndex {
 public:
  explicit OrgIndex(const Text& text) : text_(text), all_(orgs_in(text, 0, text.folded().size())) {}
  const std::vector<OrgMention>& all() const { return all_; }
  std::vector<OrgMention> in(size_t b, size_t e) const;

 private:
  const Text& text_;
  std::vector<OrgMention> all_;
};

// Whether "tổ chức" at p is the noun ("tổ chức cơ sở đảng", "tổ chức đảng",
// "Ban Tổ chức"), not the verb "to hold".
inline constexpr std::string_view kOrganisation = "tổ chức";
bool organisation_noun_at(std::string_view folded, size_t p);

// End of a congress noun phrase that starts at `pos` (just after "đại hội"):
// it stops at a verb, a time word, a digit or punctuation (a comma only
// when no further organisation word follows).
size_t congress_phrase_end(std::string_view folded, size_t pos, size_t limit);

// The level of the committee or body named by a mention used as a selector
// or issuer ("Ban Thường vụ Huyện ủy" → district, "Đảng ủy cơ sở" → grassroots).
std::optional<Level> body_level(std::string_view folded_name);

// The level "chi bộ" means when nothing next to it says: the level of the
// nearest earlier "chi bộ" that does say (DOMAIN.md §1), else branch.
Level contextual_chi_bo_level(std::string_view folded, size_t pos);

// Whether [b, e) speaks of a pilot: "đại hội điểm", "làm điểm", "chọn
// điểm", "thí điểm" (not "điểm cầu", "thời điểm", "địa điểm").
bool pilot_trigger_in(std::string_view folded, size_t b, size_t e);
// Where the pilot trigger whose "điểm" starts at `diem` begins ("đại hội",
// "làm", "thí" … in front, from one table), or nullopt when that "điểm" is no pilot.
std::optional<size_t> pilot_trigger_at(std::string_view folded, size_t diem);

// The text with parenthesised asides blanked out (same length), so that
// "(sau khi tiến hành đại hội các chi bộ trực thuộc xong)" does not speak
// for the subject.
// Returns the clause itself when it has no '(' (no copy); else a copy in
// *storage with the asides blanked.
std::string_view without_asides(std::string_view folded, size_t b, size_t e, std::string* storage);

}  // namespace plancheck::orgs
