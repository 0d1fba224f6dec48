// Pilot congresses ("đại hội điểm", "chọn làm điểm") and pilots of the
// direct election of the secretary ("thí điểm bầu trực tiếp bí thư"): who
// selects, which units, how many, the level, and when — also when the time
// stands in the next sentence ("Thời gian tổ chức đại hội điểm … trong tháng 3/2025").
#include <algorithm>
#include <array>
#include <span>

#include "extract/orgs.h"
#include "extract/scan.h"
#include "extract/shared_scans.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

struct Trigger {
  size_t b, e;  // the trigger words
  PilotKind kind;
};

// "điểm" is a pilot only after "đại hội", "làm", "chọn", "thí" (not "điểm
// cầu", "thời điểm", "địa điểm").
std::vector<Trigger> find_triggers(std::string_view s) {
  std::vector<Trigger> out;
  size_t from = 0;
  while (auto p = scan::find_word(s, from, s.size(), "điểm")) {
    from = *p + 1;
    size_t b;
    const size_t before = scan::skip_spaces_back(s, *p);
    bool pilot = false;
    size_t tb = *p;
    if (scan::word_before(s, before, "đại hội", &b) || scan::word_before(s, before, "làm", &b) ||
        scan::word_before(s, before, "chọn", &b) || scan::word_before(s, before, "thí", &b)) {
      pilot = true;
      tb = b;
      // "đại hội thí điểm"
      size_t b2;
      if (scan::word_before(s, scan::skip_spaces_back(s, b), "đại hội", &b2)) tb = b2;
    }
    if (!pilot) continue;
    Trigger t{tb, *p + std::string_view("điểm").size(), PilotKind::model_congress};
    // A direct-election pilot speaks of electing the secretary close after.
    const size_t ce = scan::clause_end(s, t.e);
    const size_t window = std::min(ce, t.e + 80);
    if (scan::find_word(s, t.e, window, "bầu") && (scan::find_word(s, t.e, std::min(ce, t.e + 120), "bí thư")))
      t.kind = PilotKind::direct_election;
    out.push_back(t);
  }
  return out;
}

// Only list glue (spaces, commas, "và") in [b, e).
bool only_list_words(std::string_view s, size_t b, size_t e) {
  size_t p = b;
  while (p < e) {
    if (s[p] == ' ' || s[p] == ',') { ++p; continue; }
    if (scan::word_at(s, p, "và")) { p += std::string_view("và").size(); continue; }
    return false;
  }
  return true;
}

// Between the last unit and the trigger there is only the doing: "X thực
// hiện thí điểm", "X tổ chức đại hội điểm", "X, Y và Z thực hiện …".
bool does_pilot(std::string_view s, size_t from, size_t trigger) {
  const size_t p = scan::skip_spaces(s, from);
  if (p >= trigger) return false;
  for (std::string_view verb : {"thực hiện", "tổ chức", "tiến hành", "làm"}) {
    const auto at = scan::find_word(s, p, trigger, verb);
    if (at && scan::skip_spaces(s, *at + verb.size()) >= trigger - 0 &&
        s.substr(p, *at - p).find_first_not_of(" ,") == std::string_view::npos)
      return true;
    if (at && *at == p) return true;
  }
  return false;
}

// Choosing comes first: in "chọn 1 chi bộ trực thuộc để chỉ đạo đại hội
// điểm" the units stand after "chọn", not after "chỉ đạo".
constexpr std::string_view kChooseVerbs[] = {"lựa chọn", "chọn", "giới thiệu"};
constexpr std::string_view kDirectVerbs[] = {"chỉ đạo", "giao"};

bool plural_before(std::string_view s, size_t at) {
  size_t wb;
  const std::string_view w = scan::prev_word(s, scan::skip_spaces_back(s, at), &wb);
  return w == "các" || w == "những" || w == "mỗi";
}

std::optional<Level> level_from_selector(std::string_view folded_name) {
  if (auto l = orgs::body_level(folded_name)) return level_below(*l);
  return std::nullopt;
}

// After a trigger, up to the end of its sentence (across ';'): "cấp X"
// followed by a time, for each level named.
std::vector<Pilot> pilots_by_level(const Text& text, const std::vector<TimeExpr>& times, const Trigger& tr) {
  const std::string_view s = text.folded();
  const size_t end = scan::sentence_end(s, tr.e);
  std::vector<Pilot> out;
  size_t from = tr.e;
  while (auto at = scan::find_word(s, from, end, "cấp")) {
    from = *at + 1;
    const size_t np_end = orgs::congress_phrase_end(s, *at, end);
    const auto level = orgs::level_of_phrase(s.substr(*at, np_end - *at)).level;
    if (!level) continue;
    // The first time after the phrase, before the next "cấp".
    const auto next = scan::find_word(s, np_end, end, "cấp");
    auto it = std::lower_bound(times.begin(), times.end(), np_end,
                               [](const TimeExpr& t, size_t v) { return t.span.start < v; });
    if (it == times.end() || it->span.end > end || (next && it->span.start > *next)) continue;
    Pilot p;
    p.kind = tr.kind;
    p.level = level;
    p.count = 0;
    p.time = *it;
    p.span = text.span(*at, it->span.end);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::vector<Pilot> extract_pilots(const Text& text, const std::vector<TimeExpr>& times) {
  return extract_pilots(text, times, orgs::OrgIndex(text));
}

std::vector<Pilot> extract_pilots(const Text& text, const std::vector<TimeExpr>& times, const orgs::OrgIndex& org_index) {
  const std::string_view s = text.folded();
  const std::string& norm = text.normalized();
  std::vector<Pilot> out;
  std::vector<Trigger> triggers = find_triggers(s);
  // For each pilot: the sentence it was stated in (for a time in the next one).
  std::vector<size_t> pilot_sentence_end;
  std::vector<size_t> time_statement_sentences;

  auto first_time_in = [&](size_t b, size_t e) -> const TimeExpr* {
    auto it = std::lower_bound(times.begin(), times.end(), b,
                               [](const TimeExpr& t, size_t v) { return t.span.start < v; });
    if (it != times.end() && it->span.end <= e) return &*it;
    return nullptr;
  };

  struct {
    size_t clause = SIZE_MAX;
    bool valid = false;
    std::optional<Level> level;
    std::optional<std::string> name;
  } clause_selector;

  for (size_t k = 0; k < triggers.size(); ++k) {
    const Trigger& tr = triggers[k];
    const size_t cb = scan::clause_begin(s, tr.b), ce = scan::clause_end(s, tr.e);
    // The segment of this trigger: from the previous trigger in the clause (or
    // the clause start) to its end; the tail: to the next trigger or clause end.
    size_t seg_b = cb;
    if (k > 0 && triggers[k - 1].e > cb && triggers[k - 1].e <= tr.b) seg_b = triggers[k - 1].e;
    size_t tail_e = ce;
    if (k + 1 < triggers.size() && triggers[k + 1].b < ce) tail_e = triggers[k + 1].b;

    // Selection verb and voice.
    std::optional<size_t> verb_at;
    size_t verb_end = 0;
    for (const auto& verbs : {std::span<const std::string_view>(kChooseVerbs), std::span<const std::string_view>(kDirectVerbs)}) {
      for (auto v : verbs)
        if (auto p = scan::find_word(s, seg_b, tr.b, v); p && (!verb_at || *p < *verb_at)) {
          verb_at = p;
          verb_end = *p + v.size();
        }
      if (verb_at) break;
    }
    std::optional<size_t> passive_at;
    if (verb_at) passive_at = scan::rfind_word(s, seg_b, *verb_at, "được");
    // "… chọn Đảng bộ xã A để …; Đảng bộ xã B để thực hiện thí điểm …": a
    // clause without its own verb goes on choosing for the sentence.
    bool sentence_choice = false;
    if (!verb_at && !(clause_selector.clause == cb && clause_selector.valid)) {
      const size_t sb = scan::sentence_begin(s, tr.b);
      for (auto v : kChooseVerbs)
        if (sb < cb && scan::rfind_word(s, sb, cb, v)) sentence_choice = true;
    }
    // A later pilot in the same clause shares the earlier one's choosing:
    // "chọn X tổ chức đại hội điểm và Y tổ chức đại hội thí điểm …".
    const bool shares_choice = !verb_at && ((clause_selector.clause == cb && clause_selector.valid) || sentence_choice);

    std::vector<orgs::OrgMention> selected;
    std::optional<orgs::OrgMention> selector;
    const auto mentions = org_index.in(seg_b, tr.b);
    for (const auto& m : mentions) {
      const bool unit_like = m.type != UnitType::committee;
      if (shares_choice) {
        if (unit_like) selected.push_back(m);
      } else if (verb_at && m.b >= verb_end) {
        if (unit_like) selected.push_back(m);
      } else if (passive_at && m.b < *passive_at) {
        // Chosen in the passive, a grassroots committee stands for its
        // organisation: "Đảng ủy xã La Bằng là đơn vị được Tỉnh ủy chọn …".
        if (unit_like || m.level == Level::grassroots) selected.push_back(m);
      } else if (passive_at && m.b > *passive_at) {
        if (!selector) selector = m;
      } else if (verb_at && m.b < *verb_at) {
        // The subject heads the clause: "Ban Thường vụ các huyện ủy, … trực thuộc Tỉnh ủy chọn …".
        if (!selector) selector = m;
      }
    }
    // Nobody chooses: the units carry the pilot out themselves ("Hai xã Phổ
    // An, Phổ Thuận và Đảng bộ Công an huyện thực hiện thí điểm …"): the last
    // unit before the doing, and those listed with it.
    if (!verb_at && !shares_choice && !mentions.empty() && mentions.back().type != UnitType::committee &&
        does_pilot(s, mentions.back().e, tr.b)) {
      size_t first = mentions.size() - 1;
      while (first > 0 && mentions[first - 1].type != UnitType::committee &&
             only_list_words(s, mentions[first - 1].e, mentions[first].count > 0 ? mentions[first].count_begin
                                                                                 : mentions[first].b))
        --first;
      selected.insert(selected.end(), mentions.begin() + static_cast<std::ptrdiff_t>(first), mentions.end());
    }
    // "chọn làm điểm tại Đảng bộ xã Văn Nghĩa và Trường THPT Lạc Sơn"
    {
      const size_t after = scan::skip_spaces(s, tr.e);
      if (scan::word_at(s, after, "tại"))
        for (const auto& m : org_index.in(after, tail_e))
          if (m.type != UnitType::committee) selected.push_back(m);
    }
    // A bare subject that selects: "Huyện … chọn làm điểm", "Đảng ủy cơ sở chọn …".
    std::optional<Level> selector_level;
    std::optional<std::string> selected_by;
    if (shares_choice) {
      selector_level = clause_selector.level;
      selected_by = clause_selector.name;
    } else if (selector) {
      selector_level = level_from_selector(s.substr(selector->b, selector->e - selector->b));
      selected_by = norm.substr(selector->b, selector->e - selector->b);
    } else if (verb_at) {
      size_t wb, we;
      std::string_view first = scan::next_word(s, cb, &wb, &we);
      if (first == "huyện" || first == "quận" || first == "tỉnh" || first == "xã") {
        selector_level = level_from_selector(first);
        selected_by = norm.substr(wb, we - wb);
      }
    }

    Pilot p;
    p.kind = tr.kind;
    int numerals = 0, unnamed_singles = 0;
    for (const auto& m : selected) {
      if (m.count > 0) numerals += m.count;
      else if (m.named) p.units.push_back(norm.substr(m.b, m.e - m.b));
      else if (!plural_before(s, m.b)) ++unnamed_singles;  // "Đây là Đảng bộ được … chọn là đại hội điểm"
    }
    numerals += unnamed_singles;
    p.count = std::max<int>(numerals, static_cast<int>(p.units.size()));
    if (p.count == 0) {
      // No unit chosen. A schedule by level ("Thời gian tổ chức đại hội
      // điểm: Cấp cơ sở vào đầu quý I/2025; cấp huyện … trước tháng 5/2025")
      // gives pilots of its own; a bare time serves the pilots just before.
      auto scheduled = pilots_by_level(text, times, tr);
      if (scheduled.empty()) {
        time_statement_sentences.push_back(scan::sentence_begin(s, tr.b));
      } else {
        for (auto& sp : scheduled) {
          out.push_back(std::move(sp));
          pilot_sentence_end.push_back(scan::sentence_end(s, tr.e));
        }
      }
      continue;
    }
    p.selected_by = selected_by;
    if (!shares_choice) clause_selector = {cb, true, selector_level, selected_by};

    // Level: said outright ("đại hội điểm cấp huyện"), else one below the
    // selector, else the selected units' own.
    size_t after = scan::skip_spaces(s, tr.e);
    if (scan::word_at(s, after, "đại hội")) after = scan::skip_spaces(s, after + std::string_view("đại hội").size());
    if (scan::word_at(s, after, "cấp")) {
      const size_t np_end = orgs::congress_phrase_end(s, after, tail_e);
      p.level = orgs::level_of_phrase(s.substr(after, np_end - after)).level;
    }
    if (!p.level) {
      for (const auto& m : selected) {
        const size_t end = orgs::congress_phrase_end(s, m.b, std::min(tail_e, m.e + 64));
        orgs::LevelGuess g = orgs::level_of_phrase(s.substr(m.b, std::max(end, m.e) - m.b));
        if (g.level == Level::branch) p.level = Level::branch;
      }
    }
    if (!p.level && selector_level) p.level = selector_level;
    if (!p.level) {
      std::array<int, kLevelCount> votes{};  // by level, lowest first: a tie goes to the lower
      for (const auto& m : selected) {
        if (m.level) ++votes[static_cast<size_t>(*m.level)];
        else if (m.type == UnitType::chi_bo) ++votes[static_cast<size_t>(orgs::contextual_chi_bo_level(s, m.b))];
      }
      int best = 0;
      for (size_t l = 0; l < kLevelCount; ++l)
        if (votes[l] > best) { best = votes[l]; p.level = static_cast<Level>(l); }
    }

    // Time: after the trigger in its clause, else before it in the segment.
    const TimeExpr* t = first_time_in(tr.e, tail_e);
    if (!t) t = first_time_in(seg_b, tr.b);
    if (t) p.time = *t;
    const size_t span_b = selected.empty() ? tr.b : std::min(tr.b, selected.front().b);
    const size_t span_e = std::max(tr.e, t ? static_cast<size_t>(t->span.end) : tr.e);
    p.span = text.span(selector ? std::min(selector->b, span_b) : span_b, span_e);
    out.push_back(std::move(p));
    pilot_sentence_end.push_back(scan::sentence_end(s, tr.e));
  }

  // A time in the next sentence: "Thời gian tổ chức đại hội điểm và thí điểm dự kiến trong tháng 3/2025."
  for (size_t sent_b : time_statement_sentences) {
    const size_t sent_e = scan::sentence_end(s, sent_b);
    const TimeExpr* t = first_time_in(sent_b, sent_e);
    if (!t) continue;
    // The pilots whose sentence ends right before this one starts (sentence
    // ends are in text order).
    auto it = std::lower_bound(pilot_sentence_end.begin(), pilot_sentence_end.end(), sent_b > 3 ? sent_b - 3 : 0);
    for (; it != pilot_sentence_end.end() && *it <= sent_b; ++it) {
      Pilot& p = out[static_cast<size_t>(it - pilot_sentence_end.begin())];
      if (!p.time) p.time = *t;
    }
  }
  // "Đảng bộ xã Quế Bình là đơn vị được chọn đại hội thí điểm … Dự kiến,
  // Đảng bộ xã Quế Bình tổ chức đại hội từ ngày 3.3 - 6.3.2015.": the next
  // sentence gives the named unit's time.
  for (size_t i = 0; i < out.size(); ++i) {
    Pilot& p = out[i];
    if (p.time || p.units.empty()) continue;
    size_t next_b = pilot_sentence_end[i];
    while (next_b < s.size() && (s[next_b] == '.' || s[next_b] == ' ' || s[next_b] == '\n')) ++next_b;
    const size_t next_e = scan::sentence_end(s, next_b);
    for (const auto& unit : p.units) {
      const std::string name = fold(unit);
      const auto at = scan::find_word(s, next_b, next_e, name);
      if (!at) continue;
      if (const TimeExpr* t = first_time_in(*at + name.size(), next_e)) {
        p.time = *t;
        break;
      }
    }
  }
  return out;
}

}  // namespace plancheck
