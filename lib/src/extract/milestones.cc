// Congress timeline statements: for each time expression, the congress
// phrase it belongs to (its level), the verb that governs it (its event),
// whether it reports the past, and whether it restates a higher plan.
#include <algorithm>
#include <cstring>

#include "chunk.h"
#include "extract/orgs.h"
#include "extract/scan.h"
#include "extract/vocabulary.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

using vocab::kCongress;
using vocab::kPilotWord;


bool blocked(std::string_view s, size_t at) {
  static constexpr scan::WordsBefore kBefore(vocab::kBlockers);
  size_t p = scan::skip_spaces_back(s, at);
  if (kBefore.find(s, p).has_value()) return true;
  // "… điều kiện tổ chức đại hội": the topic word stands before the verb.
  size_t b;
  if (scan::word_before(s, p, "tổ chức", &b)) return kBefore.find(s, scan::skip_spaces_back(s, b)).has_value();
  return false;
}

// Whether [b, e) speaks of a pilot (orgs::pilot_trigger_in), other than as
// a time or topic: "Sau đại hội điểm, các chi bộ còn lại tổ chức đại hội …"
// schedules the others.
bool pilot_spoken_of(std::string_view s, size_t b, size_t e) {
  size_t from = b;
  while (auto p = scan::find_word(s, from, e, kPilotWord)) {
    from = *p + 1;
    size_t at;
    const size_t before = scan::skip_spaces_back(s, *p);
    if (scan::word_before(s, before, "đại hội", &at)) {
      if (!blocked(s, at)) return true;
      continue;
    }
    // "làm điểm", "chọn điểm", "thí điểm".
    if (orgs::pilot_trigger_in(s, *p, std::min(e, *p + kPilotWord.size()))) return true;
  }
  return false;
}

// "làm điểm đại hội cấp huyện": the congress named is the pilot's.
bool after_pilot_word(std::string_view s, size_t at) {
  size_t b;
  return scan::word_before(s, scan::skip_spaces_back(s, at), kPilotWord, &b);
}

// The verbs that say what happens to congresses at a time (vocab::kEventWords),
// the words that go with them (vocab::kAuxiliaries) and those that
// cancel them (vocab::kCancelWords).
using vocab::kEventWords;
constexpr auto kEventWordList = scan::views_of<&vocab::EventWord::words>(kEventWords);
using vocab::kAuxiliaries;
constexpr auto kCancelWords = scan::views_of<&vocab::CancelWord::words>(vocab::kCancelWords);

// The event of a verb group of two verbs: a start or completion over a holding.
Event stronger(std::optional<Event> had, Event e) {
  if (!had || *had == Event::hold) return e;
  return *had;
}

// A verb group read from its words: the event it says (a start or
// completion verb over a verb of holding), whether a negation or suspension
// cancels it, and where it begins.
struct VerbGroup {
  std::optional<Event> event;
  bool cancelled = false;
  size_t begin = 0, end = 0;
};

// The verb group that ends at `end` of `s`, read backwards down to `floor`.
VerbGroup group_before(std::string_view s, size_t floor, size_t end) {
  static constexpr scan::WordsBefore kVerbs(kEventWordList);
  static constexpr scan::WordsBefore kAux(kAuxiliaries);
  static constexpr scan::WordsBefore kCancel(kCancelWords);
  VerbGroup g;
  size_t p = scan::skip_spaces_back(s, end);
  g.begin = g.end = p;
  while (p > floor) {
    size_t b;
    if (auto k = kVerbs.find(s, p, &b)) {
      g.event = stronger(g.event, kEventWords[*k].event);
    } else if (kCancel.find(s, p, &b)) {
      g.cancelled = true;
    } else if (!kAux.find(s, p, &b)) {
      break;
    }
    if (b < floor) break;
    g.begin = b;
    p = scan::skip_spaces_back(s, b);
  }
  return g;
}

// The verb group that starts at `from` of `s`, read forwards up to `limit`.
VerbGroup group_after(std::string_view s, size_t from, size_t limit) {
  static const scan::KeywordSet kVerbs(kEventWordList);
  static const scan::KeywordSet kAux(kAuxiliaries);
  static const scan::KeywordSet kCancel(kCancelWords);
  VerbGroup g;
  size_t p = scan::skip_spaces(s, from);
  g.begin = g.end = p;
  while (p < limit) {
    size_t e;
    int k;
    if ((k = kVerbs.match(s, p, &e)) >= 0) {
      g.event = stronger(g.event, kEventWords[k].event);
    } else if (kCancel.match(s, p, &e) >= 0) {
      g.cancelled = true;
    } else if (kAux.match(s, p, &e) < 0) {
      break;
    }
    if (e > limit) break;
    g.end = e;
    p = scan::skip_spaces(s, e);
  }
  return g;
}

struct Subject {
  Level level;
  size_t b = 0, e = 0;
};

std::optional<Level> resolve(const orgs::LevelGuess& g, std::string_view s, size_t at, const DocumentFacts& doc) {
  if (g.level) return g.level;
  if (g.bare_chi_bo) return orgs::contextual_chi_bo_level(s, at);
  const std::optional<Level> issuer = doc.issuer ? orgs::body_level(fold(*doc.issuer)) : std::nullopt;
  // "các đảng bộ trực thuộc", "3 đảng bộ", "các đảng bộ còn lại": the units
  // under the issuer (of a province: districts; of a district: grassroots).
  if (g.under_issuer || (g.bare_dang_bo && g.plural)) {
    if (issuer && *issuer > Level::grassroots) return level_below(*issuer);
    return Level::grassroots;
  }
  if (g.bare_dang_bo) return issuer;  // a singular "đảng bộ": the issuer's own
  return std::nullopt;
}

// The highest level below a district that the text's congress phrases
// name ("đại hội các đảng bộ, chi bộ cơ sở trong Đại học Huế" → grassroots):
// what a unit whose name does not tell its level has under it.
std::optional<Level> highest_lower_level(std::string_view s) {
  constexpr int kMostPhrases = 200;
  std::optional<Level> most;
  size_t from = 0;
  for (int n = 0; n < kMostPhrases; ++n) {
    const auto p = scan::find_word(s, from, s.size(), kCongress);
    if (!p) break;
    from = *p + kCongress.size();
    const size_t end = orgs::congress_phrase_end(s, from, std::min(s.size(), from + 160));
    const orgs::LevelGuess g = orgs::level_of_phrase(s.substr(from, end - from));
    if (g.level && *g.level < Level::district && (!most || *g.level > *most)) most = g.level;
  }
  return most;
}

// The level of a named party organisation whose name does not tell it
// ("Đảng bộ Đại học Huế", "Đảng bộ Tập đoàn Than - Khoáng sản Việt Nam"),
// its congress phrase [b, e): from the document's scope. The issuer's own
// organisation has the issuer's level — where the issuer's name does not
// tell it either, one above the highest level of the units the text puts
// under it; a unit under the issuer, one below. An article with no issuer
// speaks of the unit its headline (first line) names. Nothing when nothing
// tells.
std::optional<Level> named_unit_level(const Text& text, std::string_view s, size_t b, size_t e,
                                      const DocumentFacts& doc) {
  const orgs::OrgMention* unit = nullptr;
  const auto found = orgs::orgs_in(text, b, e);
  for (const auto& m : found)
    if (m.type == UnitType::dang_bo) {
      unit = &m;
      break;
    }
  // (The mention's own level is a guess where its phrase says none: the
  // phrase has been read for one already.)
  if (!unit || !unit->named || unit->listed) return std::nullopt;
  // The words after the head, to the end of the congress phrase ("đại học
  // huế lần thứ vi"): the name is read from them, however far the
  // organisation's own reading took it.
  std::string_view tail = s.substr(unit->head_end, e - std::min<size_t>(e, unit->head_end));
  while (!tail.empty() && tail.front() == ' ') tail.remove_prefix(1);
  if (tail.empty()) return std::nullopt;
  const auto own_level = [&](std::optional<Level> issuer) -> std::optional<Level> {
    if (issuer) return issuer;
    const auto lower = highest_lower_level(s);
    if (!lower) return std::nullopt;
    return static_cast<Level>(static_cast<int>(*lower) + 1);
  };
  if (doc.issuer) {
    const std::string issuer = fold(*doc.issuer);
    const std::optional<Level> issuer_level = orgs::body_level(issuer);
    // The issuer's own: its name (the issuer's words after the first) opens
    // the tail ("Đảng ủy Đại học Huế" — "Đảng bộ Đại học Huế lần thứ VI").
    bool own = false;
    for (size_t i = issuer.find(' '); i != std::string::npos && !own; i = issuer.find(' ', i + 1)) {
      const std::string_view name = std::string_view(issuer).substr(i + 1);
      own = !name.empty() && scan::word_at(tail, 0, name);
    }
    if (own) return own_level(issuer_level);
    const auto above = own_level(issuer_level);
    if (above && *above > Level::grassroots) return level_below(*above);
    return std::nullopt;
  }
  const size_t headline_end = std::min(s.find('\n'), s.size());
  if (scan::find_word(s, 0, headline_end, s.substr(unit->b, unit->e - unit->b))) return own_level(std::nullopt);
  return std::nullopt;
}

// The level of the congress phrase [b, e) read as `g`: a named party
// organisation whose phrase says no level takes it from the document's
// scope (named_unit_level) — a singular "Đảng bộ Tập đoàn …" is not the
// issuer's own unless it is named so; else what `g` says (resolve).
std::optional<Level> phrase_level(const Text& text, std::string_view s, const orgs::LevelGuess& g, size_t b,
                                  size_t e, const DocumentFacts& doc) {
  if (e > b && !g.level && !g.plural && !g.bare_chi_bo && !g.under_issuer && !g.all_levels && !g.pilot)
    if (auto l = named_unit_level(text, s, b, e, doc)) return l;
  return resolve(g, s, b, doc);
}

// Words in front of an organisation that make it several: "các", "những",
// a numeral or a count ("3 đảng bộ", "46/49 chi, đảng bộ").
bool plural_in_front(std::string_view s, size_t at) {
  size_t pb;
  std::string_view prev = scan::prev_word(s, scan::skip_spaces_back(s, at), &pb);
  if (prev == "các" || prev == "những" || prev == "còn") return true;
  return !prev.empty() && prev.front() >= '0' && prev.front() <= '9' && prev != "1" && prev != "01";
}

// Words that make an organisation the complement of the one before it.
constexpr scan::WordsBefore kComplement(vocab::kComplementWords);

// The organisation that is the subject of what ends at e, in [b, e): with
// `nearest`, the last one before e ("Huyện ủy yêu cầu các đảng bộ cơ sở …
// tổ chức đại hội": the đảng bộ; a name inside an earlier one's phrase —
// "62/64 chi bộ trực thuộc các đảng bộ cơ sở" — is part of it, committees
// and agencies are not subjects); else the first, when it is not a committee
// ("Đảng bộ Khối … được Tỉnh ủy chỉ đạo …").
std::optional<Subject> org_subject(const Text& text, std::string_view s, size_t b, size_t e,
                                   const DocumentFacts& doc, bool nearest = true) {
  // Reported speech and announcements open a clause of their own: 'Bí thư
  // Đảng ủy xã X cho biết: "Các chi bộ trực thuộc còn lại tổ chức đại hội
  // …"', "… nhấn mạnh: Đối với các chi bộ còn lại …" speak of the branches.
  for (size_t i = b; i + 1 < e; ++i)
    if (s[i] == ':') {
      b = scan::skip_spaces(s, i + 1);
      if (b < e && s[b] == '"') ++b;
    }
  const orgs::OrgMention* chosen = nullptr;
  size_t chosen_end = 0;
  const auto found = orgs::orgs_in(text, b, e);
  for (const auto& m : found) {
    if (chosen && m.b < chosen_end) continue;  // inside the chosen one's phrase
    // A complement of the one before: "đảng bộ cấp trên trực tiếp của tổ chức cơ sở đảng".
    if (chosen && kComplement.find(s, scan::skip_spaces_back(s, m.b))) continue;
    if (m.type == UnitType::committee || m.type == UnitType::agency) {
      if (!nearest && !chosen) return std::nullopt;
      continue;
    }
    chosen = &m;
    chosen_end = orgs::congress_phrase_end(s, m.b, e);
    if (!nearest) break;
  }
  if (!chosen) return std::nullopt;
  const orgs::OrgMention& m = *chosen;
  const size_t end = chosen_end;
  orgs::LevelGuess g = orgs::level_of_phrase(s.substr(m.b, end - m.b));
  // "các chi, Đảng bộ": the word before makes it a list of grassroots organisations.
  const size_t before = scan::skip_spaces_back(s, m.b);
  if (before > 0 && s[before - 1] == ',') {
    size_t wb;
    if (scan::prev_word(s, before - 1, &wb) == "chi") g.level = Level::grassroots;
  }
  if (plural_in_front(s, m.b) || m.count > 1) g.plural = true;
  if (auto l = resolve(g, s, m.b, doc)) return Subject{*l, m.b, end};
  return std::nullopt;
}


// The subject of a clause whose head [0, head_end) of `cs` (at `base`) is a
// count-only back-reference ("7 đơn vị còn lại"): the units counted in the
// text just before it (a plural or counted organisation, the nearest in
// its sentence, else in the sentence before).
std::optional<Subject> remainder_subject(const Text& text, std::string_view s, std::string_view cs, size_t base,
                                         size_t head_end, const DocumentFacts& doc) {
  static constexpr scan::WordsBefore kNouns(vocab::kRemainderNouns);
  size_t p = scan::skip_spaces_back(cs, head_end), b;
  if (!scan::word_before(cs, p, "còn lại", &b)) return std::nullopt;
  if (!kNouns.find(cs, scan::skip_spaces_back(cs, b), &b)) return std::nullopt;
  // Only a count or "các"/"những" may stand in front of the noun.
  size_t head_begin = b;  // the count or "các" in front, if any
  if (scan::skip_spaces_back(cs, b) > 0) {
    scan::prev_word(cs, scan::skip_spaces_back(cs, b), &head_begin);
    // "7/52": the whole count.
    while (head_begin > 0 && (cs[head_begin - 1] == '/' || (cs[head_begin - 1] >= '0' && cs[head_begin - 1] <= '9')))
      --head_begin;
    if (scan::skip_spaces_back(cs, head_begin) > 0 || !plural_in_front(cs, b)) return std::nullopt;
  }
  constexpr size_t kLookBack = 600;
  const size_t floor = base > kLookBack ? base - kLookBack : 0;
  size_t last = scan::skip_spaces_back(s, base);  // the end of what was said before
  if (last > 0 && (s[last - 1] == ';' || s[last - 1] == '.')) --last;
  if (last == 0) return std::nullopt;
  const size_t from = std::max(floor, scan::sentence_begin(s, last - 1));
  auto antecedent = org_subject(text, s, from, last, doc);
  if (!antecedent) return std::nullopt;
  const orgs::LevelGuess g = orgs::level_of_phrase(s.substr(antecedent->b, antecedent->e - antecedent->b));
  if (!g.plural && !plural_in_front(s, antecedent->b)) return std::nullopt;
  // The subject is the back-reference itself.
  return Subject{antecedent->level, base + head_begin, base + p};
}

// "Đại hội" alone ("Theo kế hoạch, Đại hội sẽ diễn ra …"): the congress the
// text named last before it, within the article around it.
std::optional<Subject> antecedent(const Text& text, std::string_view s, size_t at, const DocumentFacts& doc) {
  constexpr size_t kLookBack = 2000;
  const size_t floor = at > kLookBack ? at - kLookBack : 0;
  size_t e = at;
  while (auto p = scan::rfind_word(s, floor, e, kCongress)) {
    e = *p;
    const size_t np = *p + kCongress.size();
    const size_t np_end = orgs::congress_phrase_end(s, np, std::min(s.size(), np + 160));
    const orgs::LevelGuess g = orgs::level_of_phrase(s.substr(np, np_end - np));
    if (g.pilot || g.all_levels || g.plural) continue;
    std::optional<Level> level = g.level;
    // "Đảng bộ huyện A tổ chức Đại hội đại biểu lần thứ XXII": the organisation in front.
    if (!level) {
      const auto org = org_subject(text, s, scan::clause_begin(s, *p), *p, doc);
      if (org) level = org->level;
    }
    if (!level) continue;
    // The subject is the word itself, where the clause speaks of it.
    return Subject{*level, at, at + kCongress.size()};
  }
  return std::nullopt;
}

// Where a clause opens with "thời gian" ("Thời gian tổ chức: …", "Thời
// gian diễn ra trong 3 ngày, …"), the schedule of the congress the text
// speaks of; `none` when it does not.
size_t schedule_head(std::string_view cs, size_t none) {
  size_t p = 0;
  while (p < cs.size() && (cs[p] == ' ' || cs[p] == '-' || cs[p] == '+' || cs[p] == '*')) ++p;
  return scan::word_at(cs, p, "thời gian") ? p : none;
}

// The congress phrase nearest before `end` in [b, end): its level.
struct CongressFind {
  std::optional<Subject> subject;
  bool pilot = false;
  size_t pilot_end = 0;
  bool found = false;
  bool by_org = false;  // the subject is the organisation in front of an empty "đại hội"
};

// "… tiến tới Đại hội XIII của Đảng dự kiến tổ chức vào đầu năm 2021": the
// national congress a blocker makes a topic is still the subject of the verb
// group right after it: `end` is where that group or its time begins (only a
// preposition between).
bool national_with_its_verbs(std::string_view cs, size_t at, size_t end) {
  const size_t np = at + kCongress.size();
  size_t np_end = orgs::congress_phrase_end(cs, np, end);
  if (orgs::level_of_phrase(cs.substr(np, np_end - np)).level != Level::national) return false;
  if (const size_t q = scan::skip_spaces(cs, np_end); scan::word_at(cs, q, "của đảng"))
    np_end = q + std::string_view("của đảng").size();
  if (scan::skip_spaces(cs, np_end) >= end) return true;  // `end` is where its verbs begin
  const VerbGroup g = group_after(cs, np_end, end);
  if (!g.event || g.cancelled || g.end > end) return false;
  const size_t next = scan::skip_spaces(cs, g.end);
  return next >= end || scan::skip_spaces(cs, scan::word_end(cs, next)) >= end;
}

// `cs` is the clause (asides blanked) starting at `base` in the full folded
// text `full`; b and end are clause-relative; the subject found is absolute.
CongressFind congress_before(const Text& text, std::string_view full, std::string_view cs, size_t base, size_t b,
                             size_t end, const DocumentFacts& doc) {
  CongressFind r;
  size_t e = end;
  while (auto p = scan::rfind_word(cs, b, e, kCongress)) {
    e = *p;
    if (blocked(cs, *p) && !national_with_its_verbs(cs, *p, end)) continue;
    r.found = true;
    const size_t np = *p + kCongress.size();
    const size_t np_end = orgs::congress_phrase_end(cs, np, end);
    orgs::LevelGuess g = orgs::level_of_phrase(cs.substr(np, np_end - np));
    if (after_pilot_word(cs, *p)) g.pilot = true;
    if (g.pilot) {
      r.pilot = true;
      r.pilot_end = np_end;
      return r;
    }
    if (g.all_levels) return r;
    if (auto l = phrase_level(text, full, g, base + np, base + np_end, doc)) {
      r.subject = Subject{*l, base + *p, base + np_end};
      return r;
    }
    // "các chi bộ còn lại tổ chức đại hội hoàn thành …": the organisation in
    // front of the verb says which congresses.
    if (np_end == np) {
      r.subject = org_subject(text, full, base + b, base + *p, doc);
      // "…; số còn lại sẽ tổ chức đại hội trước …": the units counted before.
      if (!r.subject && b == 0)
        r.subject = remainder_subject(text, full, cs, base, group_before(cs, b, *p).begin, doc);
      r.by_org = r.subject.has_value();
      // "Theo kế hoạch, Đại hội sẽ diễn ra …": the congress named before.
      // So does "đại hội" heading its clause ("Theo kế hoạch, đại hội sẽ diễn ra …").
      const size_t before = scan::skip_spaces_back(cs, *p);
      const bool heads = before == 0 || cs[before - 1] == ',';
      if (!r.subject &&
          (heads || text.normalized().compare(base + *p, 2, "Đ") == 0 || schedule_head(cs, *p) < *p))
        r.subject = antecedent(text, full, base + *p, doc);
      return r;
    }
    return r;
  }
  return r;
}

// A congress named after its time: "đầu tháng 8 sẽ tổ chức Đại hội Đảng bộ
// huyện", "từ tháng 1 đến tháng 3-2020 sẽ tiến hành đại hội các chi bộ …",
// "phấn đấu trong tháng 2/2025 sẽ hoàn thành đại hội chi bộ": the time, a
// verb group, then the congress.
struct CongressAfter {
  std::optional<Subject> subject;
  VerbGroup verbs;
  bool pilot = false;
};
std::optional<CongressAfter> congress_after(const Text& text, std::string_view full, std::string_view cs, size_t base,
                                            size_t from, const DocumentFacts& doc) {
  CongressAfter r;
  r.verbs = group_after(cs, from, cs.size());
  if (!r.verbs.event) return std::nullopt;
  const size_t p = scan::skip_spaces(cs, r.verbs.end);
  if (!scan::word_at(cs, p, kCongress)) return std::nullopt;
  const size_t np = p + kCongress.size();
  const size_t np_end = orgs::congress_phrase_end(cs, np, cs.size());
  const orgs::LevelGuess g = orgs::level_of_phrase(cs.substr(np, np_end - np));
  if (g.pilot) {
    r.pilot = true;
    return r;
  }
  if (g.all_levels) return std::nullopt;
  if (auto l = phrase_level(text, full, g, base + np, base + np_end, doc))
    r.subject = Subject{*l, base + p, base + np_end};
  if (!r.subject) return std::nullopt;
  return r;
}

// "cấp X" heading a clause ("- Cấp cơ sở: hoàn thành …"), when the text
// just before speaks of congresses.
std::optional<Subject> level_at_clause_head(std::string_view cs, size_t cb, size_t time_at, std::string_view full) {
  size_t p = 0;
  while (p < time_at && (cs[p] == ' ' || cs[p] == '-' || cs[p] == '+' || cs[p] == '*')) ++p;
  if (!scan::word_at(cs, p, "cấp")) return std::nullopt;
  const size_t end = orgs::congress_phrase_end(cs, p, time_at);
  const auto level = orgs::level_of_phrase(cs.substr(p, end - p)).level;
  if (!level) return std::nullopt;
  constexpr size_t kContext = 400;
  const size_t from = cb > kContext ? cb - kContext : 0;
  if (!scan::rfind_word(full, from, cb + time_at, "đại hội")) return std::nullopt;
  return Subject{*level, cb + p, cb + end};
}

// Whether a clause starts with an event verb or with its time (nothing of
// its own to say whose congress it is).
bool clause_opens_with_verb_or_time(std::string_view cs, size_t time_at) {
  const size_t p = scan::skip_spaces(cs, 0);
  if (p >= time_at) return true;
  for (const vocab::EventWord& v : kEventWords)
    if (v.opens_clause && scan::word_at(cs, p, v.words)) return true;
  return false;
}

// Every event verb of a text, in text order, found in one pass: a time's
// verb is looked for in several overlapping stretches of its clause, each
// answered by a search here instead of a scan per verb.
class EventVerbs {
 public:
  explicit EventVerbs(std::string_view s) {
    const auto found = chunk::occurrences(s, kEventWordList);
    for (size_t k = 0; k < found.size(); ++k)
      for (const size_t p : found[k]) {
        const size_t e = p + kEventWords[k].words.size();
        if (!vi::at_word_start(s, p) || !vi::at_word_end(s, e)) continue;
        if (kEventWords[k].words == orgs::kOrganisation && orgs::organisation_noun_at(s, p)) continue;
        Event event = kEventWords[k].event;
        // "kết thúc phiên trù bị": a session ends on a day the congress is held.
        if (event != Event::hold)
          for (std::string_view noun : vocab::kSessionNouns)
            if (scan::word_at(s, scan::skip_spaces(s, e), noun)) event = Event::hold;
        verbs_.push_back({p, e, event});
      }
    std::sort(verbs_.begin(), verbs_.end(), [](const Verb& a, const Verb& b) { return a.b < b.b; });
  }

  // The event the verbs wholly inside [b, e) of the clause `cs` say, which
  // starts at `base` in the text (asides blanked out in it hold none): the
  // last start or completion verb, else the last verb of holding (when
  // `holds`); *at gets its clause offset (0 when there is none).
  std::optional<Event> last_in(std::string_view cs, size_t base, size_t b, size_t e, size_t* at = nullptr,
                               bool holds = true) const {
    if (at) *at = 0;
    e = std::min(e, cs.size());
    if (b >= e) return std::nullopt;
    std::optional<Event> hold;
    size_t hold_at = 0;
    // The verbs starting before e, from the last one back to b.
    auto it = std::lower_bound(verbs_.begin(), verbs_.end(), base + e, [](const Verb& v, size_t p) { return v.b < p; });
    while (it != verbs_.begin()) {
      --it;
      if (it->b < base + b) break;
      if (it->e > base + e || cs[it->b - base] == ' ') continue;  // runs past e, or in a blanked aside
      if (it->event == Event::hold) {
        if (!hold) hold = it->event, hold_at = it->b - base;
        continue;
      }
      if (at) *at = it->b - base;
      return it->event;
    }
    if (!holds || !hold) return std::nullopt;
    if (at) *at = hold_at;
    return hold;
  }

 private:
  struct Verb {
    size_t b, e;
    Event event;
  };
  std::vector<Verb> verbs_;
};

bool past_marker(std::string_view s, size_t b, size_t e) {
  return scan::find_word(s, b, e, "đã").has_value() || scan::find_word(s, b, e, "đến nay").has_value();
}

// Words that make the time after them a target of the term, not a congress
// date (vocab::kTargetWords), and those between them and the time (vocab::kTargetGlue).
using vocab::kTargetWords;
constexpr auto kTargetWordList = scan::views_of<&vocab::TargetWord::words>(kTargetWords);


// Whether the time [tb, te) is a target ("mục tiêu phấn đấu đến năm 2025 thu
// nhập …"): a target word right before it, and — for a word that also heads
// congress schedules — no congress word nor party organisation after it in
// its sentence, up to a ';' (bounded).
bool target_time(const Text& text, std::string_view s, size_t tb, size_t te) {
  static constexpr scan::WordsBefore kTargets(kTargetWordList);
  static constexpr scan::WordsBefore kGlue(vocab::kTargetGlue);
  size_t p = scan::skip_spaces_back(s, tb), b;
  for (int glue = 0; glue < 2 && kGlue.find(s, p, &b); ++glue) p = scan::skip_spaces_back(s, b);
  if (p > 0 && s[p - 1] == ':') p = scan::skip_spaces_back(s, p - 1);  // "mục tiêu: đến năm 2030, …"
  const auto k = kTargets.find(s, p, &b);
  if (!k) return false;
  // "mục tiêu phấn đấu …": the target word in front says it.
  const bool target = !kTargetWords[*k].unless_congress ||
                      kTargets.find(s, scan::skip_spaces_back(s, b)).has_value();
  if (target) return true;
  constexpr size_t kAhead = 160;
  size_t end = std::min({scan::sentence_end(s, te), s.size(), te + kAhead});
  for (size_t i = te; i < end; ++i)
    if (s[i] == ';') {
      end = i;
      break;
    }
  if (scan::find_word(s, te, end, kCongress)) return false;
  // "…, các đảng bộ cơ sở hoàn thành": a party organisation does it.
  for (const auto& m : orgs::orgs_in(text, te, end))
    if (m.type == UnitType::dang_bo || m.type == UnitType::chi_bo) return false;
  return true;
}


// Whether [from, to) of `cs`, between two times, holds only a bound word
// (", chậm nhất là", "(chậm nhất"), or only a comma or '(' before a time
// that opens with one.
bool bound_of_time_before(std::string_view cs, size_t from, size_t to) {
  static const scan::KeywordSet kBounds(vocab::kBoundWords);
  constexpr size_t kMostGap = 24;
  if (to < from || to - from > kMostGap) return false;
  size_t p = from;
  while (p < to && (cs[p] == ' ' || cs[p] == ',' || cs[p] == '(')) ++p;
  size_t e;
  if (p == to) return kBounds.match(cs, to) >= 0;  // the time itself opens with it
  if (kBounds.match(cs, p, &e) < 0) return false;
  p = scan::skip_spaces(cs, e);
  if (scan::word_at(cs, p, "là")) p = scan::skip_spaces(cs, p + std::string_view("là").size());
  return p == to;
}

// What makes two statements the same: a statement made twice is kept once.
struct StatementKey {
  Level level;
  Event event;
  Relation relation;
  CivilDate start, end;
  std::string_view source;  // views the references' own strings
  bool operator==(const StatementKey&) const = default;
};

// The statements kept so far, in one open-addressing table sized for at
// most `most` of them (a tree node per statement was an allocation per
// milestone).
class SeenStatements {
 public:
  explicit SeenStatements(size_t most) {
    size_t slots = 16;
    while (slots < 2 * most) slots <<= 1;
    slots_.assign(slots, kEmpty);
    keys_.reserve(most);
  }
  // True when `key` is new, which it is remembered from then on.
  bool insert(const StatementKey& key) {
    const size_t mask = slots_.size() - 1;
    for (size_t at = hash(key) & mask;; at = (at + 1) & mask) {
      if (slots_[at] == kEmpty) {
        slots_[at] = static_cast<uint32_t>(keys_.size());
        keys_.push_back(key);
        return true;
      }
      if (keys_[slots_[at]] == key) return false;
    }
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static size_t hash(const StatementKey& k) {
    uint64_t h = scan::hash(k.source);
    for (const int v : {static_cast<int>(k.level), static_cast<int>(k.event), static_cast<int>(k.relation),
                        k.start.year, k.start.month, k.start.day, k.end.year, k.end.month, k.end.day})
      h = (h ^ static_cast<uint32_t>(v)) * 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(h >> 32);
  }
  std::vector<uint32_t> slots_;
  std::vector<StatementKey> keys_;
};

StatementKey key_of(const Milestone& m) {
  return {m.level, m.event, m.time.relation, m.time.period.start, m.time.period.end,
          m.source ? std::string_view(*m.source) : std::string_view()};
}

// The congresses joined to a congress subject by "và" or a comma, each
// phrase running up to the conjunction ("Đại hội chi bộ trực thuộc và đại
// hội đảng bộ cơ sở …"), in text order; none for an organisation subject.
std::vector<Subject> coordinated_before(std::string_view s, const Subject& subject, const DocumentFacts& doc) {
  std::vector<Subject> out;
  if (!scan::word_at(s, subject.b, kCongress)) return out;
  const size_t floor = scan::clause_begin(s, subject.b);
  size_t at = subject.b;
  for (;;) {
    size_t p = scan::skip_spaces_back(s, at), conj;
    if (scan::word_before(s, p, "và", &conj)) p = conj;
    else if (p > floor && s[p - 1] == ',') --p;
    else break;
    constexpr size_t kFarthest = 200;
    const auto q = scan::rfind_word(s, std::max(floor, p > kFarthest ? p - kFarthest : 0), p, kCongress);
    if (!q || blocked(s, *q)) break;
    const size_t np = *q + kCongress.size();
    const size_t np_end = orgs::congress_phrase_end(s, np, p);
    if (np_end == np || scan::skip_spaces_back(s, p) != np_end) break;  // not a phrase up to the conjunction
    const orgs::LevelGuess g = orgs::level_of_phrase(s.substr(np, np_end - np));
    if (g.pilot || g.all_levels) break;
    const auto l = resolve(g, s, np, doc);
    if (!l) break;
    out.insert(out.begin(), Subject{*l, *q, np_end});
    at = *q;
  }
  return out;
}

// Whether [from, to) holds only what joins a document's code to its date
// ("Chỉ thị số 35-CT/TW ngày 30-5-2019", "…-KH/TU, ngày 9/9/2024").
bool only_date_glue(std::string_view s, size_t from, size_t to) {
  if (to < from || to - from > 16) return false;
  size_t p = from;
  while (p < to && (s[p] == ' ' || s[p] == ',')) ++p;
  if (scan::word_at(s, p, "ngày")) p = scan::skip_spaces(s, p + std::string_view("ngày").size());
  return p == to;
}

// The aside (in parentheses) the position `at` of the clause [cb, ce) is
// in: its inside, [*b, *e).
bool aside_around(std::string_view s, size_t cb, size_t at, size_t ce, size_t* b, size_t* e) {
  std::vector<size_t> open;
  for (size_t i = cb; i < at; ++i) {
    if (s[i] == '(') open.push_back(i);
    if (s[i] == ')' && !open.empty()) open.pop_back();
  }
  if (open.empty()) return false;
  *b = open.back() + 1;
  *e = ce;
  int depth = 0;
  for (size_t i = at; i < ce; ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && depth-- == 0) {
      *e = i;
      break;
    }
  }
  return true;
}

// What a clause says about one of its times.
struct Reading {
  std::optional<Subject> subject;
  std::optional<Event> event;
  bool cancelled = false;  // negated or suspended
  bool done = false;       // reported, not planned
};

}  // namespace

std::vector<Milestone> extract_milestones(const Text& text, const std::vector<TimeExpr>& times,
                                          const std::vector<Reference>& references, const DocumentFacts& doc) {
  const std::string_view s = text.folded();
  std::vector<Milestone> out;
  SeenStatements seen(times.size());
  const std::optional<Level> issuer_level = doc.issuer ? orgs::body_level(fold(*doc.issuer)) : std::nullopt;
  const EventVerbs verbs(s);

  for (size_t k = 0; k < times.size(); ++k) {
    const TimeExpr& t = times[k];
    const size_t tb = t.span.start, te = t.span.end;
    // A document's own date is not a timeline (references are in text order):
    // inside the reference, or right after its code.
    {
      auto it = std::upper_bound(references.begin(), references.end(), tb,
                                 [](size_t v, const Reference& r) { return v < r.span.start; });
      if (it != references.begin() &&
          (tb < std::prev(it)->span.end || only_date_glue(s, std::prev(it)->span.end, tb)))
        continue;
    }

    // A target of the term, not a congress date.
    if (target_time(text, s, tb, te)) continue;

    // The clause [cb, ce) read for the time: its subject, verb and status.
    const auto read = [&](size_t cb, size_t ce) {
      Reading r;
      // Work on the clause with asides blanked: "(sau khi … chi bộ trực thuộc xong)".
      std::string clause_storage;
      const std::string_view cs = orgs::without_asides(s, cb, ce, &clause_storage);
      const size_t rb = tb - cb, re_ = te - cb;  // the time, relative to the clause
      // The previous time in the same clause bounds where this one's verb is.
      size_t prev_end = 0;
      if (k > 0 && times[k - 1].span.end > cb && times[k - 1].span.end <= tb) prev_end = times[k - 1].span.end - cb;
      size_t vb = prev_end, ve = rb;  // where "đã" says it is done

      // A congress named after the time, with only its verb between:
      // "đầu tháng 8 sẽ tổ chức Đại hội Đảng bộ huyện".
      if (auto after = congress_after(text, s, cs, cb, re_, doc)) {
        if (after->pilot) return r;  // the pilot's time
        r.subject = after->subject;
        r.event = after->verbs.event;
        r.cancelled = after->verbs.cancelled;
        r.done = past_marker(cs, re_, after->subject->b - cb);
        return r;
      }

      std::optional<Subject>& subject = r.subject;
      std::optional<Event>& event = r.event;
      bool fronted = false;
      CongressFind cf = congress_before(text, s, cs, cb, 0, rb, doc);
      // A pilot named before the time owns it ("Chi bộ thôn X được chọn làm
      // điểm đã tổ chức đại hội vào ngày …"), unless a coordinated verb makes
      // the head organisation's own congress the subject (see below).
      if (cf.found && !cf.pilot && pilot_spoken_of(cs, prev_end, rb)) {
        cf.pilot = true;
        cf.subject.reset();
        cf.pilot_end = prev_end;
        size_t from = prev_end;
        while (auto p = scan::find_word(cs, from, rb, kPilotWord)) {
          cf.pilot_end = *p + kPilotWord.size();
          from = *p + 1;
        }
      }
      if (!cf.found && cb > scan::sentence_begin(s, tb) && clause_opens_with_verb_or_time(cs, rb)) {
        // "Đại hội các chi bộ trực thuộc …, đảng bộ bộ phận không quá 1 ngày;
        // hoàn thành trước ngày 28/02/2025": the clause goes on the previous
        // one's subject.
        const size_t pce = cb - 1, pcb = scan::clause_begin(s, pce);
        std::string prev_storage;
        const std::string_view prev = orgs::without_asides(s, pcb, pce, &prev_storage);
        CongressFind pf = congress_before(text, s, prev, pcb, 0, prev.size(), doc);
        if (pf.subject) {
          subject = pf.subject;
          event = verbs.last_in(cs, cb, 0, rb);
          cf.found = true;  // handled: skip the searches below
        }
      }
      if (!cf.found) {
        // "7 đơn vị còn lại sẽ hoàn thành trong tháng 4-2025", "5 đơn vị còn
        // lại sẽ tổ chức trước …": the units counted before, with any verb.
        const VerbGroup g = group_before(cs, prev_end, rb);
        if (g.event && (subject = remainder_subject(text, s, cs, cb, g.begin, doc))) {
          event = g.event;
          r.cancelled = g.cancelled;
          vb = subject->b - cb;
          cf.found = true;  // handled: skip the searches below
        }
      }
      if (!cf.found) {
        // No congress word before the time: a subject at the head of the clause
        // with a verb ("Các chi, Đảng bộ còn lại tập trung hoàn thành trong …"),
        // or a time put first ("Đến ngày 22/11/2024, 470/470 chi bộ … đã hoàn thành …").
        if (auto ev = verbs.last_in(cs, cb, prev_end, rb, nullptr, false)) {
          // The organisation's own verb: it goes straight on to the time
          // ("… đặc khu hoàn thành trong tháng 8-2025"), not after other work
          // and a comma ("… tổ chức quán triệt Kế hoạch …, hoàn thành trước …").
          const VerbGroup g = group_before(cs, prev_end, rb);
          const size_t before = scan::skip_spaces_back(cs, g.begin);
          if (g.event && before > 0 && cs[before - 1] != ',' && cs[before - 1] != ':')
            subject = org_subject(text, s, cb, tb, doc);
          // … and not after other work of its own: "Các chi bộ tổ chức hội nghị quán triệt hoàn thành …".
          if (subject && subject->e - cb < g.begin && verbs.last_in(cs, cb, subject->e - cb, g.begin))
            subject.reset();
          // A schedule laid out by level under a heading about congresses:
          // "Thời gian tổ chức đại hội các cấp: … - Cấp cơ sở: bắt đầu từ …".
          if (!subject) subject = level_at_clause_head(cs, cb, rb, s);
          event = ev;
        } else if (const size_t head = schedule_head(cs, rb); head < rb) {
          // "Thời gian diễn ra trong 3 ngày, từ ngày 30/9 đến ngày 2/10": the
          // congress the text speaks of.
          event = verbs.last_in(cs, cb, head, rb);
          if (event) subject = antecedent(text, s, cb + head, doc);
        } else if (scan::next_word(cs, 0).size() > 0 && rb < 24) {
          // A time put first speaks of a congress only with a start or
          // completion verb after it, and a day is not one when a committee
          // acts on it ("Ngày 17-4, Ban Thường vụ Thành ủy có Công văn …").
          // A progress report ("Đến ngày 31/3, 100% chi bộ, đảng bộ … đã tổ
          // chức thành công đại hội") says what was done by then with any verb.
          fronted = true;
          vb = re_, ve = cs.size();
          const bool report = t.relation == Relation::by && past_marker(cs, re_, cs.size());
          event = verbs.last_in(cs, cb, re_, cs.size(), nullptr, report);
          // "Sáng 14/7/2025, Đảng bộ xã A long trọng khai mạc Đại hội …": a
          // verb of holding right in front of the congress.
          if (!event)
            if (const auto p = scan::find_word(cs, re_, cs.size(), kCongress)) {
              const VerbGroup g = group_before(cs, re_, *p);
              if (!g.cancelled) event = g.event;
            }
          // (Not one named as a place: "tại Hội trường UBND xã, Đảng bộ xã A tổ chức …".)
          auto first_org = orgs::orgs_in(text, te, ce);
          std::erase_if(first_org, [&](const orgs::OrgMention& m) {
            return kComplement.find(s, scan::skip_spaces_back(s, m.b)).has_value() ||
                   scan::word_before(s, scan::skip_spaces_back(s, m.b), "hội trường");
          });
          if (!report && t.period.grain == Grain::day && !first_org.empty() &&
              (first_org.front().type == UnitType::committee || first_org.front().type == UnitType::agency)) {
            // … unless it holds the congress itself: "Ngày 3/3/2020, Đảng ủy
            // xã Tân Lập tổ chức Đại hội đại biểu Đảng bộ xã …".
            const VerbGroup g = group_after(cs, first_org.front().e - cb, cs.size());
            if (!g.event || !scan::word_at(cs, scan::skip_spaces(cs, g.end), kCongress)) event.reset();
          }
          if (event) {
            CongressFind after = congress_before(text, s, cs, cb, re_, cs.size(), doc);
            if (after.subject) subject = after.subject;
            if (!subject) subject = org_subject(text, s, te, ce, doc);
          }
        }
      } else if (cf.pilot) {
        // "Đảng bộ Khối được … chỉ đạo tổ chức đại hội điểm … và hoàn thành trước tháng 5/2025":
        // the organisation at the head completes its own congress.
        size_t vat;
        auto ev = verbs.last_in(cs, cb, cf.pilot_end, rb, &vat, false);
        if (ev == Event::complete && scan::rfind_word(cs, cf.pilot_end, vat, "và")) {
          subject = org_subject(text, s, cb, tb, doc, /*nearest=*/false);
          event = ev;
        }
      } else if (cf.subject) {
        subject = cf.subject;
        // "…, 7 đơn vị còn lại sẽ hoàn thành trong tháng 4-2025": a remainder
        // heading the part after the last comma before the time is its subject.
        if (const size_t comma = cs.substr(0, rb).rfind(',');
            comma != std::string_view::npos && comma + cb >= subject->e && comma > prev_end) {
          const std::string_view part = cs.substr(comma + 1);
          const VerbGroup g = group_before(part, 0, rb - comma - 1);
          if (g.event)
            if (auto rs = remainder_subject(text, s, part, cb + comma + 1, g.begin, doc)) {
              subject = rs;
              prev_end = comma + 1;  // the verb and "đã" are looked for from there on
            }
        }
        const size_t from = std::max(prev_end, subject->e - cb);
        size_t vat = 0;
        // The verb group between the subject and the time: its start or
        // completion verb, else its verb of holding ("dự kiến tổ chức trước ngày 25.3").
        event = verbs.last_in(cs, cb, from, rb, &vat);
        // … or the verb group in front of the congress: "huyện sẽ hoàn thành
        // Đại hội các Chi bộ … trong tháng 2/2025", "không thể tổ chức Đại hội … trong tháng 4".
        if (!event) {
          const VerbGroup g = group_before(cs, prev_end, subject->b - cb);
          event = g.event;
          r.cancelled = g.cancelled;
        }
        // … or just after the time: "chậm nhất ngày 15/6/2025 phải hoàn thành".
        if (!event) {
          size_t stop = cs.size();
          for (size_t i = re_; i < cs.size(); ++i)
            if (cs[i] == ',') {
              stop = i;
              break;
            }
          event = verbs.last_in(cs, cb, re_, std::min(stop, re_ + 40), nullptr, false);
        }
        // … or, for a bound with no verb of its own on the time before ("tổ
        // chức trong quý II/2020, chậm nhất là ngày 30/6/2020"), that time's verb.
        if (!event && prev_end > subject->e - cb && bound_of_time_before(cs, prev_end, rb))
          event = verbs.last_in(cs, cb, subject->e - cb, prev_end);
        // … else the verb of the clause before, left out of this one:
        // "Đại hội Đảng bộ xã A dự kiến tổ chức trước ngày 25.3; Đại hội Đảng bộ B trước ngày 5.4".
        if (!event && cb > scan::sentence_begin(s, tb)) {
          const size_t pce = cb - 1, pcb = scan::clause_begin(s, pce);
          std::string prev_storage;
          const std::string_view prev = orgs::without_asides(s, pcb, pce, &prev_storage);
          if (scan::find_word(prev, 0, prev.size(), kCongress)) event = verbs.last_in(prev, pcb, 0, prev.size());
        }
        if (vat > 0 && group_before(cs, from, vat).cancelled) r.cancelled = true;
        // "đã" in the subject's own verb group or after it: "huyện đã hoàn
        // thành đại hội chi bộ …", not in other work before ("đã ban hành kế
        // hoạch, theo đó đại hội cấp cơ sở hoàn thành …").
        vb = std::max(prev_end, group_before(cs, prev_end, subject->b - cb).begin);
      } else if (subject && !fronted) {
        vb = std::min(vb, subject->b >= cb ? subject->b - cb : vb);
      }
      if (subject) r.done = past_marker(cs, vb, ve);
      return r;
    };

    const size_t cb = scan::clause_begin(s, tb), ce = scan::clause_end(s, te);
    Reading r;
    // A time inside an aside is read there first: "(các đảng bộ cấp trên
    // trực tiếp …, đảng bộ xã, phường, đặc khu hoàn thành trong tháng 8-2025; …)";
    // else it belongs to the clause around ("Đại hội sẽ diễn ra trong 3 ngày (từ 9 đến 11-10-2025)").
    if (size_t ab, ae; aside_around(s, cb, tb, ce, &ab, &ae)) r = read(ab, ae);
    if (!r.subject) r = read(cb, ce);
    if (!r.subject || r.cancelled) continue;
    const Subject* subject = &*r.subject;
    std::optional<Event> event = r.event;
    // A deadline with no verb is still a completion: "Đại hội chi bộ cơ sở trước ngày 30/6/2025".
    if (!event && (t.relation == Relation::before || t.relation == Relation::by)) event = Event::complete;
    if (!event) event = t.relation == Relation::from ? Event::start : Event::hold;
    if (*event == Event::hold && t.relation == Relation::from) event = Event::start;

    // Restating a higher plan: "Theo Kế hoạch số 96-KH/TU, …".
    const std::string* source = nullptr;
    const size_t sent_b = scan::sentence_begin(s, tb);
    auto first_ref = std::lower_bound(references.begin(), references.end(), sent_b,
                                      [](const Reference& r, size_t v) { return r.span.start < v; });
    for (auto it = first_ref; it != references.end() && it->span.start < tb; ++it) {
      const Reference& r = *it;
      size_t w;
      if (!scan::word_before(s, scan::skip_spaces_back(s, r.span.start), "theo", &w)) continue;
      const auto rl = issuer_code_level(r.issuer_code);
      if (issuer_level && rl && *rl <= *issuer_level) continue;  // the plan's own number
      // A document cited without its code ("Theo Chỉ thị 35 của Bộ Chính trị")
      // is named as written.
      source = r.id ? &*r.id : &r.text;
    }
    // Congresses joined to the subject share its verb and time: "Đại hội chi
    // bộ trực thuộc và đại hội đảng bộ cơ sở hoàn thành trước …".
    std::vector<Subject> subjects = coordinated_before(s, *subject, doc);
    subjects.push_back(*subject);
    for (const Subject& one : subjects) {
      // A statement made twice is kept once: the key first, and the milestone
      // built only when it is new.
      if (!seen.insert({one.level, *event, t.relation, t.period.start, t.period.end,
                        source ? std::string_view(*source) : std::string_view()}))
        continue;
      Milestone& m = out.emplace_back();  // built in place: a move copies its strings again
      m.level = one.level;
      m.event = *event;
      m.time = t;
      m.subject.assign(text.normalized(), one.b, one.e - one.b);
      const size_t sb = std::min<size_t>(one.b, tb), se = std::max<size_t>(one.e, te);
      m.span = text.span(sb, se);
      // Reported, not planned: "đã hoàn thành", "Đến ngày …, … đã …".
      if (r.done) m.status = Status::done;
      if (source) m.source = *source;
    }
  }
  return out;
}

namespace {


// Whether a position is inside a quotation of its paragraph, asked in text
// order: each stretch of text is counted once, however many milestones a
// long paragraph holds. Asked out of order, it starts over.
class OpenQuotes {
 public:
  explicit OpenQuotes(std::string_view s) : s_(s) {}
  // Where the quotation `at` is inside opened, if it is inside one.
  std::optional<size_t> opening(size_t at) {
    if (at < upto_) *this = OpenQuotes(s_);
    const std::string_view more = s_.substr(upto_, at - upto_);
    if (const void* nl = memrchr(more.data(), '\n', more.size())) {  // a new paragraph
      upto_ = paragraph_ = static_cast<size_t>(static_cast<const char*>(nl) - s_.data()) + 1;
      quotes_ = 0;
    }
    // Quotes are rare: memchr goes from one to the next (a counting loop
    // reads every byte, and paragraphs are often a plan's section long).
    for (const char *p = s_.data() + upto_, *end = s_.data() + at;
         (p = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)))); ++p) {
      ++quotes_;
      last_ = static_cast<size_t>(p - s_.data());
    }
    upto_ = at;
    if (quotes_ % 2 == 0) return std::nullopt;
    return last_;
  }
  // Where the paragraph of the last position asked about begins.
  size_t paragraph() const { return paragraph_; }

 private:
  std::string_view s_;
  size_t upto_ = 0;   // counted up to here
  size_t quotes_ = 0;  // in the paragraph up to `upto_`
  size_t last_ = 0;    // the last of them
  size_t paragraph_ = 0;
};

// The unit of whoever speaks the quotation around `at`, if `at` is inside a
// quotation opened after 'cho biết:' (or another speech verb) in its paragraph.
std::optional<Unit> quoted_speaker(std::string_view s, size_t at, OpenQuotes& quotes, const std::vector<Unit>& units) {
  const auto open = quotes.opening(at);
  if (!open) return std::nullopt;  // not inside a quotation
  size_t before = scan::skip_spaces_back(s, *open);
  if (before > 0 && s[before - 1] == ':') before = scan::skip_spaces_back(s, before - 1);
  else return std::nullopt;  // a quoted term, not reported speech
  size_t verb_at = 0;
  bool spoken = false;
  for (auto v : vocab::kSpeechVerbs)
    if (scan::word_before(s, before, v, &verb_at)) { spoken = true; break; }
  if (!spoken) return std::nullopt;
  const size_t from = std::max(quotes.paragraph(), scan::sentence_begin(s, verb_at));
  // Units are in text order (of their first mention): the ones from `from`
  // on, found by a search, not by a pass over all of a long text's units.
  const Unit* speaker = nullptr;
  for (auto it = std::lower_bound(units.begin(), units.end(), from,
                                  [](const Unit& u, size_t v) { return u.span.start < v; });
       it != units.end() && it->span.start < verb_at; ++it)
    if (it->span.end <= verb_at && it->level) speaker = &*it;
  if (!speaker) return std::nullopt;
  return *speaker;
}

}  // namespace

void attribute_quoted_milestones(const Text& text, const std::vector<Unit>& units,
                                 std::vector<Milestone>* milestones) {
  OpenQuotes quotes(text.folded());
  for (auto& m : *milestones) m.quoted_from = quoted_speaker(text.folded(), m.time.span.start, quotes, units);
}

void drop_restated_milestones(const std::vector<Milestone>& earlier, std::vector<Milestone>* later) {
  SeenStatements seen(earlier.size() + later->size());
  for (const Milestone& m : earlier) seen.insert(key_of(m));
  std::erase_if(*later, [&](const Milestone& m) { return !seen.insert(key_of(m)); });
}

}  // namespace plancheck
