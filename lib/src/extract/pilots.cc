// Pilot congresses ("đại hội điểm", "chọn làm điểm") and pilots of the
// direct election of the secretary ("thí điểm bầu trực tiếp bí thư"): who
// selects, which units, how many, the level, and when — also when the time
// stands in the next sentence ("Thời gian tổ chức đại hội điểm … trong tháng 3/2025").
#include <algorithm>
#include <array>
#include <span>

#include "extract/orgs.h"
#include "extract/scan.h"
#include "extract/vocabulary.h"
#include "extract/shared_scans.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

struct Trigger {
  size_t b, e;  // the trigger words
  PilotKind kind;
};

// "điểm" is a pilot only after the words of orgs::pilot_trigger_at()'s table
// ("đại hội", "làm", "chọn", "thí" …; not "điểm cầu", "thời điểm", "địa điểm").
std::vector<Trigger> find_triggers(std::string_view s) {
  std::vector<Trigger> out;
  size_t from = 0;
  while (auto p = scan::find_word(s, from, s.size(), vocab::kPilotWord)) {
    from = *p + 1;
    const auto tb = orgs::pilot_trigger_at(s, *p);
    if (!tb) continue;
    out.push_back({*tb, *p + vocab::kPilotWord.size(), PilotKind::model_congress});
  }
  // A direct-election pilot speaks of electing the secretary close after,
  // before the next pilot words ("thí điểm chủ trương đại hội Đảng bộ cơ sở
  // trực tiếp bầu bí thư").
  for (size_t k = 0; k < out.size(); ++k) {
    Trigger& t = out[k];
    size_t limit = scan::clause_end(s, t.e);
    if (k + 1 < out.size()) limit = std::min(limit, out[k + 1].b);
    if (scan::find_word(s, t.e, std::min(limit, t.e + 120), "bầu") &&
        scan::find_word(s, t.e, std::min(limit, t.e + 160), "bí thư"))
      t.kind = PilotKind::direct_election;
  }
  return out;
}

// Only list glue (spaces, commas, "và") in [b, e).
bool only_list_words(std::string_view s, size_t b, size_t e) {
  size_t p = b;
  while (p < e) {
    if (s[p] == ' ' || s[p] == ',' || s[p] == ':') { ++p; continue; }
    // An aside: "Đảng bộ phường Nam Hà (TP Hà Tĩnh), Đảng bộ xã …".
    if (s[p] == '(') {
      const size_t close = s.find(')', p);
      if (close == std::string_view::npos || close >= e) return false;
      p = close + 1;
      continue;
    }
    if (scan::word_at(s, p, "và")) { p += std::string_view("và").size(); continue; }
    return false;
  }
  return true;
}

// Words that may stand between a unit and its doing (vocab::kAuxiliaries),
// and the doing of a pilot by its units (vocab::kPilotDoingVerbs).
using vocab::kAuxiliaries;
using vocab::kPilotDoingVerbs;

// Where the auxiliaries from `p` end.
size_t skip_auxiliaries(std::string_view s, size_t p, size_t limit) {
  for (bool more = true; more && p < limit;) {
    more = false;
    for (auto a : kAuxiliaries)
      if (scan::word_at(s, p, a)) {
        p = scan::skip_spaces(s, p + a.size());
        more = true;
        break;
      }
  }
  return p;
}

// Whether `at` stands inside parentheses opened after `from`.
bool in_aside(std::string_view s, size_t from, size_t at) {
  if (at <= from) return false;
  size_t open = s.substr(from, at - from).rfind('(');
  if (open == std::string_view::npos) return false;
  open += from;
  const size_t close = s.find(')', open);
  return close == std::string_view::npos || close > at;
}

// Between the last unit and the trigger there is only the doing: "X thực
// hiện thí điểm", "X sẽ tiến hành đại hội điểm", "X, Y và Z thực hiện …",
// "X, Y và Z là các đơn vị tổ chức điểm đại hội".
bool does_pilot(std::string_view s, size_t from, size_t trigger) {
  size_t p = scan::skip_spaces(s, from);
  if (p < trigger && s[p] == ')') p = scan::skip_spaces(s, p + 1);
  // An aside after the unit: "Đảng bộ Sở … (Đảng bộ khối CCQ&DN tỉnh) sẽ tổ chức …".
  if (p < trigger && s[p] == '(') {
    const size_t close = s.find(')', p);
    if (close == std::string_view::npos || close >= trigger) return false;
    p = scan::skip_spaces(s, close + 1);
  }
  if (scan::word_at(s, p, "là")) {
    size_t best = std::string_view::npos;
    for (std::string_view noun : vocab::kCountedNouns)
      if (auto at = scan::find_word(s, p, std::min(trigger, p + 40), noun)) best = std::min(best, *at + noun.size());
    if (best == std::string_view::npos) return false;
    p = scan::skip_spaces(s, best);
    if (p >= trigger) return true;
  }
  // "Đảng bộ phường An Hòa (sẽ) thí điểm bầu trực tiếp bí thư": the pilot words are the doing.
  p = skip_auxiliaries(s, p, trigger);
  if (p >= trigger) return true;
  for (std::string_view verb : kPilotDoingVerbs)
    if (scan::word_at(s, p, verb)) return true;
  return false;
}

// Whether a doing verb (or the trigger itself) follows `from` directly.
bool doing_follows(std::string_view s, size_t from, size_t trigger) {
  const size_t p = skip_auxiliaries(s, scan::skip_spaces(s, from), trigger);
  if (p >= trigger) return true;
  for (std::string_view verb : kPilotDoingVerbs)
    if (scan::word_at(s, p, verb)) return true;
  return false;
}

// A mention that belongs to another phrase: a document's issuer ("Chỉ thị
// 35-CT/TW … của Bộ Chính trị"), a parent ("trực thuộc Tỉnh ủy").
bool subordinate(std::string_view s, const orgs::OrgMention& m) {
  const size_t b = scan::skip_spaces_back(s, m.count > 0 ? m.count_begin : m.b);
  // (… and the organisation of a congress named: "Chỉ thị … về Đại hội Đảng bộ các cấp".)
  return scan::word_before(s, b, "của") || scan::word_before(s, b, "thuộc") || scan::word_before(s, b, "đại hội");
}


int numeral(std::string_view w) {
  if (const int v = vocab::numeral_word_value(w)) return v;
  if (w.empty() || w.size() > 3) return 0;
  int v = 0;
  for (char c : w) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Units counted by a noun that is no organisation, in [b, e): "1 đơn vị".
int counted_nouns(std::string_view s, size_t b, size_t e) {
  int n = 0;
  for (auto noun : vocab::kCountedNouns)
    for (size_t from = b; auto at = scan::find_word(s, from, e, noun);) {
      from = *at + 1;
      size_t wb;
      const std::string_view w = scan::prev_word(s, scan::skip_spaces_back(s, *at), &wb);
      if (scan::skip_spaces(s, wb + w.size()) == *at && wb >= b) n += numeral(w);
    }
  return n;
}

// Choosing comes first (vocab::kChooseVerbs before vocab::kDirectVerbs).
using vocab::kChooseVerbs;
using vocab::kDirectVerbs;

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

namespace {

// What extract_pilots() knows of a pilot beside the Pilot itself.
struct Stated {
  size_t sentence_b = 0, sentence_e = 0;  // the sentence that states it
  bool schedule = false;                  // a schedule by level: no units chosen
};

// The sentence after the one ending at `end` starts at the returned offset.
size_t next_sentence(std::string_view s, size_t end) {
  while (end < s.size() && (s[end] == '.' || s[end] == ' ' || s[end] == '\n' || s[end] == '!' || s[end] == '?'))
    ++end;
  return end;
}

// Whether two unit names are one unit: equal, or one the other's proper
// name ("Hương Sơn" listed after "đảng bộ các huyện", "Đảng bộ Hương Sơn").
bool same_unit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  return a == b || (a.size() + 1 < b.size() && b.ends_with(a) && b[b.size() - a.size() - 1] == ' ');
}

// A time written before the pilot words is the pilot's only when it says
// when ("Trong tháng 3/2025, …"), not a bare date: "Ngày 10/2, Tỉnh ủy ban
// hành Công văn … về tổ chức đại hội điểm", "Chỉ thị 35-CT/TW ngày 30/5/2019".
bool says_when(const TimeExpr& t) {
  const std::string_view w = t.text;
  return !(w.starts_with("ngày") || w.starts_with("Ngày") || (!w.empty() && w[0] >= '0' && w[0] <= '9'));
}

}  // namespace

std::vector<Pilot> extract_pilots(const Text& text, const std::vector<TimeExpr>& times, const orgs::OrgIndex& org_index) {
  const std::string_view s = text.folded();
  const std::string& norm = text.normalized();
  std::vector<Pilot> out;
  std::vector<Stated> stated;
  std::vector<Trigger> triggers = find_triggers(s);
  // Sentences that give the pilots' time without choosing any ("Thời gian tổ
  // chức đại hội điểm và thí điểm dự kiến trong tháng 3/2025"): the sentence
  // and its time.
  std::vector<std::pair<size_t, const TimeExpr*>> time_statements;

  auto first_time_in = [&](size_t b, size_t e) -> const TimeExpr* {
    auto it = std::lower_bound(times.begin(), times.end(), b,
                               [](const TimeExpr& t, size_t v) { return t.span.start < v; });
    if (it != times.end() && it->span.end <= e) return &*it;
    return nullptr;
  };
  auto last_time_in = [&](size_t b, size_t e) -> const TimeExpr* {
    const TimeExpr* found = nullptr;
    for (auto it = std::lower_bound(times.begin(), times.end(), b,
                                    [](const TimeExpr& t, size_t v) { return t.span.start < v; });
         it != times.end() && it->span.end <= e; ++it)
      found = &*it;
    return found;
  };

  struct {
    size_t clause = SIZE_MAX;
    bool valid = false;
    std::optional<Level> level;
    std::optional<std::string> name;
  } clause_selector;

  for (size_t k = 0; k < triggers.size(); ++k) {
    Trigger tr = triggers[k];
    const size_t words_e = tr.e;  // the pilot words' own end
    const size_t cb = scan::clause_begin(s, tr.b), ce = scan::clause_end(s, tr.e);
    // Pilots spoken of after a preposition are not stated there: "chuẩn bị
    // tốt các điều kiện cho đại hội điểm", "dự đại hội điểm", "rút kinh
    // nghiệm sau đại hội điểm", "ban hành Công văn … về tổ chức đại hội điểm";
    // unless they head the clause as its topic, the choice following: "Về
    // đại hội điểm, Ban Thường vụ Huyện ủy chọn Đảng bộ xã A …".
    bool topic = false;
    {
      const size_t before = scan::skip_spaces_back(s, tr.b);
      size_t wb;
      std::string_view w = scan::prev_word(s, before, &wb);
      if (w == "chức" && scan::word_before(s, before, "tổ chức", &wb))
        w = scan::prev_word(s, scan::skip_spaces_back(s, wb), &wb);
      bool reference = false;
      for (std::string_view prep : vocab::kPilotPrepositions) reference = reference || w == prep;
      if (reference && (w == "về" || w == "với")) {
        size_t head = wb;
        if (w == "với" && scan::word_before(s, scan::skip_spaces_back(s, wb), "đối", &head)) {}
        size_t first = cb;
        while (first < head && (s[first] == ' ' || s[first] == '-' || s[first] == '+' || s[first] == '*')) ++first;
        const bool later_words = k + 1 < triggers.size() && triggers[k + 1].b < ce;
        if (first == head && !later_words) {
          topic = true;
          tr.b = tr.e = ce;  // the statement is the rest of the clause
        }
      }
      if (reference && !topic) continue;
    }
    const size_t sb = scan::sentence_begin(s, triggers[k].b), se = scan::sentence_end(s, words_e);
    // The segment of this trigger: from the previous trigger in the clause (or
    // the clause start) to its end; the tail: to the next trigger or clause end.
    size_t seg_b = topic ? words_e : cb;
    if (!topic && k > 0 && triggers[k - 1].e > cb && triggers[k - 1].e <= tr.b) seg_b = triggers[k - 1].e;
    size_t tail_e = ce;
    if (k + 1 < triggers.size() && triggers[k + 1].b < ce) tail_e = triggers[k + 1].b;
    if (topic) tail_e = tr.e;

    auto mentions = org_index.in(seg_b, tr.b);
    // Names in an aside stand beside a unit, not for one: "Đảng bộ xã Thượng
    // Lộc (Can Lộc)", "Đảng bộ Sở … (Đảng bộ khối CCQ&DN tỉnh)".
    std::erase_if(mentions, [&](const orgs::OrgMention& m) { return in_aside(s, cb, m.b); });
    // Selection verb and voice (a verb's word inside a name is not one:
    // "Đảng bộ Phòng Cảnh sát giao thông").
    const auto in_a_name = [&](size_t at) {
      for (const auto& m : mentions)
        if (m.b <= at && at < m.e) return true;
      return false;
    };
    std::optional<size_t> verb_at;
    size_t verb_end = 0;
    for (const auto& verbs : {std::span<const std::string_view>(kChooseVerbs), std::span<const std::string_view>(kDirectVerbs)}) {
      for (auto v : verbs)
        for (size_t from = seg_b; auto p = scan::find_word(s, from, tr.b, v);) {
          from = *p + 1;
          if (in_a_name(*p)) continue;
          if (!verb_at || *p < *verb_at) {
            verb_at = p;
            verb_end = *p + v.size();
          }
          break;
        }
      if (verb_at) break;
    }
    std::optional<size_t> passive_at;
    if (verb_at) passive_at = scan::rfind_word(s, seg_b, *verb_at, "được");
    // "… chọn Đảng bộ xã A để …; Đảng bộ xã B để thực hiện thí điểm …": a
    // clause without its own verb goes on choosing for the sentence.
    bool sentence_choice = false;
    if (!verb_at && !(clause_selector.clause == cb && clause_selector.valid)) {
      for (auto v : kChooseVerbs)
        if (sb < cb && scan::rfind_word(s, sb, cb, v)) sentence_choice = true;
    }
    // A later pilot in the same clause shares the earlier one's choosing:
    // "chọn X tổ chức đại hội điểm và Y tổ chức đại hội thí điểm …".
    const bool shares_choice = !verb_at && ((clause_selector.clause == cb && clause_selector.valid) || sentence_choice);

    std::vector<orgs::OrgMention> selected;
    // (A pointer to a copy: an optional<OrgMention> drew false warnings from GCC.)
    orgs::OrgMention selector_store;
    const orgs::OrgMention* selector = nullptr;
    const auto choose_selector = [&](const orgs::OrgMention& m) {
      selector_store = m;
      selector = &selector_store;
    };
    // Choosing across ';': the units chosen in the sentence's earlier clauses
    // that have no pilot words of their own ("lựa chọn chi bộ 2 …; chi bộ
    // Phòng … và Đảng bộ … tổ chức Đại hội thí điểm …").
    if (sentence_choice) {
      const size_t prev_trigger_e = k > 0 && triggers[k - 1].e > sb ? triggers[k - 1].e : sb;
      for (auto v : kChooseVerbs)
        if (auto at = scan::rfind_word(s, prev_trigger_e, cb, v)) {
          for (const auto& m : org_index.in(prev_trigger_e, *at))
            if (!selector && !m.listed && !subordinate(s, m)) choose_selector(m);
          for (const auto& m : org_index.in(*at + v.size(), cb))
            if (m.type != UnitType::committee && !subordinate(s, m)) selected.push_back(m);
          break;
        }
    }
    for (const auto& m : mentions) {
      const bool unit_like = m.type != UnitType::committee;
      if (shares_choice) {
        if (unit_like && !subordinate(s, m)) selected.push_back(m);
      } else if (verb_at && m.b >= verb_end) {
        if (unit_like && !subordinate(s, m)) selected.push_back(m);
      } else if (passive_at && m.b < *passive_at) {
        // Chosen in the passive, a grassroots committee stands for its
        // organisation: "Đảng ủy xã La Bằng là đơn vị được Tỉnh ủy chọn …".
        if (unit_like || m.level == Level::grassroots) selected.push_back(m);
      } else if (passive_at && m.b > *passive_at) {
        if (!selector && !subordinate(s, m)) choose_selector(m);
      } else if (verb_at && m.b < *verb_at) {
        // The subject heads the clause: "Ban Thường vụ các huyện, thành, thị
        // ủy đã chọn …" (not a document's issuer, "Chỉ thị … của Bộ Chính
        // trị", nor a parent, "… trực thuộc Tỉnh ủy").
        if (!selector && !subordinate(s, m)) choose_selector(m);
      }
    }
    // Places chosen by name: "Huyện ủy chọn xã Phú Lộc và thị trấn Tân Phú làm điểm".
    if (verb_at && !passive_at && selected.empty()) {
      size_t q = scan::skip_spaces(s, verb_end);
      while (q < tr.b) {
        auto place = orgs::place_at(text, q);
        if (!place || place->e > tr.b) break;
        selected.push_back(*place);
        size_t r = scan::skip_spaces(s, place->e);
        if (r < s.size() && s[r] == ',') r = scan::skip_spaces(s, r + 1);
        else if (scan::word_at(s, r, "và")) r = scan::skip_spaces(s, r + std::string_view("và").size());
        else break;
        q = r;
      }
    }
    // A place chosen in the passive: "huyện Châu Đức là địa phương được Ban
    // Thường vụ Tỉnh ủy chọn tổ chức đại hội điểm Đảng bộ cấp huyện".
    if (passive_at && selected.empty()) {
      const size_t comma = s.substr(seg_b, *passive_at - seg_b).rfind(',');
      const size_t head = scan::skip_spaces(s, comma == std::string_view::npos ? seg_b : seg_b + comma + 1);
      if (auto place = orgs::place_at(text, head)) selected.push_back(*place);
    }
    // Units that choose to carry the pilot out themselves: "Các Đảng bộ: Sở
    // Nội vụ, Sở Công thương và Văn phòng UBND tỉnh chọn thực hiện thí điểm".
    if (verb_at && !passive_at && !shares_choice && selected.empty() && doing_follows(s, verb_end, tr.b) &&
        counted_nouns(s, verb_end, tr.b) == 0) {
      for (const auto& m : mentions)
        if (m.b < *verb_at && m.type != UnitType::committee && !subordinate(s, m)) selected.push_back(m);
      if (!selected.empty() && selector && selector->type != UnitType::committee) selector = nullptr;
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
    // Units named after the pilot words: "chọn làm điểm tại Đảng bộ xã Văn
    // Nghĩa và Trường THPT Lạc Sơn", "2 đơn vị tổ chức đại hội điểm cấp huyện
    // là Đảng bộ huyện Phú Bình và …", "được chọn làm đại hội điểm (gồm: …)".
    {
      const auto after = org_index.in(tr.e, tail_e);
      bool chooses_after = false;  // "Thời gian tổ chức đại hội điểm: Đảng bộ cơ sở lựa chọn …"
      for (auto v : kChooseVerbs) chooses_after = chooses_after || scan::find_word(s, tr.e, tail_e, v);
      if (!after.empty() && !chooses_after) {
        const size_t first_b = after.front().count > 0 ? after.front().count_begin : after.front().b;
        const std::string_view between = s.substr(tr.e, first_b - tr.e);
        const bool names = first_b - tr.e <= 80 &&
                           (scan::find_word(s, tr.e, first_b, "tại") || scan::find_word(s, tr.e, first_b, "là") ||
                            scan::find_word(s, tr.e, first_b, "ở") ||
                            scan::find_word(s, tr.e, first_b, "gồm") || between.find(':') != std::string_view::npos);
        // The list goes on while only list glue stands between its names.
        for (size_t i = 0; names && i < after.size(); ++i) {
          const auto& m = after[i];
          if (i > 0 && !only_list_words(s, after[i - 1].e, m.count > 0 ? m.count_begin : m.b)) break;
          if (m.type != UnitType::committee && (m.named || m.count > 0) && !subordinate(s, m)) selected.push_back(m);
        }
      }
    }
    // A subject left out: "Đảng bộ Công an T.X Phổ Yên hiện có 10 chi bộ …
    // Là 1 trong 2 đảng bộ được Thị ủy Phổ Yên lựa chọn tiến hành đại hội
    // điểm": the unit heading a sentence just before, in the paragraph.
    // "Đây là …, được Ban Thường vụ Tỉnh ủy chọn làm điểm": "Đây" stands for
    // the unit of the sentence before (wherever it stands there), whose
    // time is the pilot's when it says when ("Trong 2 ngày 6 và 7.7.2020, Đảng bộ huyện … tổ chức Đại hội …").
    const TimeExpr* antecedent_time = nullptr;
    if (scan::word_at(s, scan::skip_spaces(s, sb), "đây là") && sb > 2 && s[sb - 1] != '\n' &&
        std::none_of(selected.begin(), selected.end(), [](const auto& m) { return m.named; })) {
      const size_t prev_b = scan::sentence_begin(s, sb - 2);
      for (const auto& m : org_index.in(prev_b, sb))
        if (m.named && m.type != UnitType::committee && !subordinate(s, m)) {
          selected.push_back(m);
          if (scan::find_word(s, m.e, sb, "đại hội"))
            if (const TimeExpr* t = first_time_in(prev_b, sb); t && says_when(*t)) antecedent_time = t;
          break;
        }
    }
    if (scan::word_at(s, scan::skip_spaces(s, sb), "là") &&
        std::none_of(selected.begin(), selected.end(), [](const auto& m) { return m.named; })) {
      size_t b = sb;
      for (int back = 0; back < 3 && b > 0 && s[b - 1] != '\n'; ++back) {
        const size_t prev_b = scan::sentence_begin(s, b > 2 ? b - 2 : 0);
        if (prev_b >= b) break;
        const size_t head = scan::skip_spaces(s, prev_b);
        const auto there = org_index.in(head, head + 1);
        if (!there.empty() && there.front().b == head && there.front().named &&
            there.front().type != UnitType::committee) {
          selected.push_back(there.front());
          break;
        }
        b = prev_b;
      }
    }
    // The pilot congress of a unit named right after: "Đại hội điểm Đảng bộ
    // xã Hòa Lợi nhiệm kỳ 2025-2030 đã diễn ra …".
    if (selected.empty() && !topic) {
      const auto after = org_index.in(tr.e, tail_e);
      if (!after.empty() && after.front().named && after.front().type != UnitType::committee &&
          scan::skip_spaces(s, tr.e) == after.front().b)
        selected.push_back(after.front());
    }
    // A bare subject that selects: "Huyện … chọn làm điểm", "các huyện, thành,
    // thị, đảng ủy trực thuộc đã chọn …".
    std::optional<Level> selector_level;
    std::optional<std::string> selected_by;
    if (shares_choice && !sentence_choice) {
      selector_level = clause_selector.level;
      selected_by = clause_selector.name;
    } else if (selector) {
      if (selector->type == UnitType::committee && selector->level) selector_level = level_below(*selector->level);
      else selector_level = level_from_selector(s.substr(selector->b, selector->e - selector->b));
      // "Ban Thường vụ các đảng bộ trực thuộc Tỉnh ủy": the bodies one below their parent.
      const size_t after = scan::skip_spaces(s, selector->e);
      if (!selector_level && scan::word_at(s, after, "trực thuộc"))
        if (auto parent = orgs::org_at(text, scan::skip_spaces(s, after + std::string_view("trực thuộc").size()));
            parent && parent->type == UnitType::committee && parent->level)
          if (auto body = level_below(*parent->level)) selector_level = level_below(*body);
      selected_by = norm.substr(selector->b, selector->e - selector->b);
    } else if (shares_choice) {
      selector_level = clause_selector.level;
      selected_by = clause_selector.name;
    }
    if (!selector_level && verb_at && !passive_at) {
      for (std::string_view place : vocab::kSelectorPlaces)
        if (auto at = scan::rfind_word(s, seg_b, *verb_at, place)) {
          size_t wb, we;
          const std::string_view before = scan::prev_word(s, scan::skip_spaces_back(s, *at), &wb, &we);
          if (*at == scan::skip_spaces(s, seg_b) || before == "các" || scan::skip_spaces_back(s, *at) == cb) {
            selector_level = level_from_selector(place);
            if (!selected_by) selected_by = norm.substr(*at, place.size());
            break;
          }
        }
    }

    Pilot p;
    p.kind = tr.kind;
    p.selected_by = selected_by;
    const int counted = counted_nouns(s, verb_at ? verb_end : seg_b, tr.b);
    // A clause going on with the sentence's choice names none of its own:
    // "… được chọn chỉ đạo đại hội điểm; đồng thời, thực hiện thí điểm …".
    if (shares_choice && selected.empty() && counted == 0 && !out.empty() && !stated.back().schedule &&
        stated.back().sentence_b == sb) {
      Pilot q = out.back();
      q.kind = tr.kind;
      const TimeExpr* t = first_time_in(tr.e, tail_e);
      if (t) q.time = *t;
      q.span = text.span(tr.b, t ? static_cast<size_t>(t->span.end) : tr.e);
      out.push_back(std::move(q));
      stated.push_back({sb, se, false});
      continue;
    }

    int numerals = counted, unnamed_singles = 0;
    for (const auto& m : selected) {
      if (m.count > 0) numerals += m.count;
      else if (m.named) p.units.push_back(norm.substr(m.b, m.e - m.b));
      else if (!plural_before(s, m.b) && !m.listed) ++unnamed_singles;  // "Đây là Đảng bộ được … chọn là đại hội điểm"
    }
    numerals += unnamed_singles;
    p.count = std::max<int>(numerals, static_cast<int>(p.units.size()));
    if (p.count == 0) {
      // No unit chosen. A schedule by level ("Thời gian tổ chức đại hội
      // điểm: Cấp cơ sở vào đầu quý I/2025; cấp huyện … trước tháng 5/2025")
      // gives pilots of its own; a time after the pilot words serves the
      // pilots of the sentences around.
      auto scheduled = pilots_by_level(text, times, tr);
      if (scheduled.empty()) {
        if (const TimeExpr* t = first_time_in(tr.e, tail_e)) time_statements.push_back({sb, t});
      } else {
        for (auto& sp : scheduled) {
          out.push_back(std::move(sp));
          stated.push_back({sb, se, true});
        }
      }
      continue;
    }
    if (!shares_choice) clause_selector = {cb, true, selector_level, selected_by};

    // Level: said outright ("đại hội điểm cấp huyện", "đại hội điểm Đảng bộ
    // cấp huyện"), else each unit's own where its words say it, else one
    // below the selector, else what the others say.
    std::optional<Level> stated_level;
    {
      // Only the pilot's own congress words stand between: "đại hội điểm cấp
      // huyện", "đại hội điểm Đảng bộ cấp huyện", "làm điểm đại hội cấp xã" —
      // not "làm điểm chỉ đạo đại hội cấp cơ sở" (the congresses it guides).
      size_t at = scan::skip_spaces(s, words_e);
      for (bool more = true; more;) {
        more = false;
        for (std::string_view w : vocab::kPilotCongressWords)
          if (scan::word_at(s, at, w)) {
            at = scan::skip_spaces(s, at + w.size());
            more = true;
            break;
          }
      }
      if (scan::word_at(s, at, "cấp")) {
        const size_t np_end = orgs::congress_phrase_end(s, at, std::max(tail_e, words_e));
        stated_level = orgs::level_of_phrase(s.substr(at, np_end - at)).level;
      }
    }
    // "các chi bộ: Hội Liên hiệp phụ nữ tỉnh, …": the plural in front of
    // the names is no unit of its own.
    if (std::any_of(selected.begin(), selected.end(), [](const auto& m) { return m.named || m.count > 0; }))
      std::erase_if(selected, [](const auto& m) { return !m.named && m.count == 0; });
    // "các Đảng bộ và chi bộ được chọn làm đại hội điểm": the two bare nouns of
    // one list name one kind of unit, the grassroots organisations (as "các
    // đảng bộ, chi bộ" does, vocab::kLevelRows).
    if (selected.size() == 2 && !stated_level) {
      const auto& a = selected[0];
      const auto& b = selected[1];
      const bool bare = !a.named && !b.named && a.count == 0 && b.count == 0 && !a.listed && !b.listed &&
                        !a.agency && !b.agency;
      const bool kinds = (a.type == UnitType::dang_bo && b.type == UnitType::chi_bo) ||
                         (a.type == UnitType::chi_bo && b.type == UnitType::dang_bo);
      const size_t after_a = scan::skip_spaces(s, a.e);
      if (bare && kinds && scan::word_at(s, after_a, "và") &&
          scan::skip_spaces(s, after_a + std::string_view("và").size()) == b.b) {
        stated_level = Level::grassroots;
        selected.pop_back();
      }
    }
    // Each chosen unit's level, where its own words say it.
    std::vector<std::optional<Level>> own(selected.size());
    std::array<int, kLevelCount> votes{};
    for (size_t i = 0; i < selected.size(); ++i) {
      const auto& m = selected[i];
      // Its own words, and those going on up to the pilot words ("chi bộ trực
      // thuộc đảng ủy cơ sở"), not what follows them ("… làm điểm chỉ đạo đại
      // hội cấp cơ sở" is what it guides).
      const size_t limit = m.b < triggers[k].b ? triggers[k].b : tail_e;
      const size_t end = orgs::congress_phrase_end(s, m.b, std::min<size_t>(limit, m.e + 64));
      orgs::LevelGuess g = orgs::level_of_phrase(s.substr(m.b, std::max<size_t>(end, m.e) - m.b));
      if (m.listed || m.agency) g.level = m.level.value_or(Level::grassroots) > Level::grassroots ? m.level : std::nullopt;
      else if (m.level == Level::branch) g.level = Level::branch;
      if (g.level && m.type == UnitType::chi_bo && *g.level > Level::grassroots) g.level = Level::grassroots;
      own[i] = g.level;
      if (g.level) ++votes[static_cast<size_t>(*g.level)];
    }
    // Where the units' words do not say: below the selector; a chi bộ that a
    // đảng ủy of no known level directs is one of its branches ("Đảng ủy các
    // Khu công nghiệp … chỉ đạo Chi bộ Công ty …"); else what the others say.
    std::optional<Level> fallback = selector_level;
    if (!fallback) {
      int best = 0;
      for (size_t l = 0; l < kLevelCount; ++l)
        if (votes[l] > best) { best = votes[l]; fallback = static_cast<Level>(l); }
    }
    const bool branch_of_committee = !selector_level && selector && selector->type == UnitType::committee &&
                                     scan::word_at(s, selector->b, "đảng ủy");
    std::vector<std::optional<Level>> level_of(selected.size());
    for (size_t i = 0; i < selected.size(); ++i) {
      const auto& m = selected[i];
      // (A unit's own words win over the selector only when they name it:
      // the Quận ủy's "01 đảng bộ khối hành chính sự nghiệp" is grassroots.)
      if (stated_level) level_of[i] = stated_level;
      // Nor over one whose words name a lower level than the selector's: the
      // Tỉnh ủy directing "mỗi huyện ủy … chọn 1 đảng bộ xã" has grassroots units.
      else if (own[i] && (m.named || !selector_level || *own[i] < *selector_level)) level_of[i] = own[i];
      else if (branch_of_committee && m.type == UnitType::chi_bo) level_of[i] = Level::branch;
      else if (fallback) level_of[i] = fallback;
      else if (m.level) level_of[i] = m.level;
      else if (m.type == UnitType::chi_bo) level_of[i] = orgs::contextual_chi_bo_level(s, m.b);
    }
    if (selected.empty()) p.level = stated_level ? stated_level : selector_level;

    // Time: after the trigger in its clause, else before it in the segment.
    const TimeExpr* t = first_time_in(tr.e, tail_e);
    if (!t) {
      t = last_time_in(seg_b, tr.b);
      // A bare date only right in front: "Ngày 5/3/2025, Đại hội điểm Đảng bộ xã …".
      if (t && !says_when(*t) && !only_list_words(s, t->span.end, triggers[k].b)) t = nullptr;
    }
    // The sentence's next clause: "…; thời gian hoàn thành trước ngày 15/3/2025."
    if (!t && ce < se && s[ce] == ';') {
      const size_t nb = scan::skip_spaces(s, ce + 1);
      if (scan::word_at(s, nb, "thời gian")) t = first_time_in(nb, scan::clause_end(s, nb));
    }
    if (!t) t = antecedent_time;
    if (t) p.time = *t;
    const size_t span_b = selected.empty() ? tr.b : std::min<size_t>(tr.b, selected.front().b);
    const size_t span_e = std::max(tr.e, t ? static_cast<size_t>(t->span.end) : tr.e);
    p.span = text.span(selector ? std::min<size_t>(selector->b, span_b) : span_b, span_e);

    // One pilot per level among the units: "chi bộ 2 trực thuộc Đảng bộ
    // Phòng Tham mưu; chi bộ Phòng … và Đảng bộ Phòng …" are a branch and
    // two grassroots organisations.
    std::vector<std::optional<Level>> levels;
    for (const auto& l : level_of)
      if (std::find(levels.begin(), levels.end(), l) == levels.end()) levels.push_back(l);
    if (levels.size() <= 1) {
      if (!levels.empty()) p.level = levels.front();
      out.push_back(std::move(p));
      stated.push_back({sb, se, false});
      continue;
    }
    for (const auto& l : levels) {
      Pilot q = p;
      q.level = l;
      q.units.clear();
      int n = 0;
      for (size_t i = 0; i < selected.size(); ++i) {
        if (level_of[i] != l) continue;
        const auto& m = selected[i];
        if (m.count > 0) n += m.count;
        else {
          ++n;
          if (m.named) q.units.push_back(norm.substr(m.b, m.e - m.b));
        }
      }
      q.count = n;
      out.push_back(std::move(q));
      stated.push_back({sb, se, false});
    }
  }

  // The passes below relate pilots stated near each other (an article's
  // worth of text), never the pilots of a whole long text pairwise.
  constexpr size_t kNearby = 3000;
  std::vector<size_t> order(out.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto by_place = [&] {
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return stated[a].sentence_b < stated[b].sentence_b; });
  };
  by_place();
  // f(j) for every pilot j stated within kNearby of `at`.
  const auto for_near = [&](size_t at, auto f) {
    const size_t lo = at > kNearby ? at - kNearby : 0;
    auto it = std::lower_bound(order.begin(), order.end(), lo,
                               [&](size_t j, size_t v) { return stated[j].sentence_b < v; });
    for (; it != order.end() && stated[*it].sentence_b <= at + kNearby; ++it) f(*it);
  };
  // A time in the sentence before or after: "Thời gian tổ chức đại hội điểm
  // và thí điểm dự kiến trong tháng 3/2025."; also without the pilot words
  // right after the pilots' sentence: "… là các đơn vị tổ chức điểm đại hội
  // …. Thời gian tổ chức đại hội vào tháng 5/2020."
  for (size_t i = 0; i < out.size(); ++i) {
    if (stated[i].schedule) continue;
    const size_t next_b = next_sentence(s, stated[i].sentence_e);
    const size_t next_e = scan::sentence_end(s, next_b);
    // "… tổ chức đại hội điểm. Đại hội dự kiến diễn ra vào ngày 20/3/2025."
    // ("Đại hội" and its verb right away: not "Đại hội cấp cơ sở hoàn thành …".)
    bool bare_congress = false;
    if (scan::word_at(s, next_b, "đại hội")) {
      const size_t v = scan::skip_spaces(s, next_b + std::string_view("đại hội").size());
      for (std::string_view verb : vocab::kBareCongressVerbs)
        bare_congress = bare_congress || scan::word_at(s, v, verb);
    }
    // Or pointing back at the pilots' congresses: "Các đại hội này sẽ diễn ra từ 15/3 đến 31/3/2020."
    for (std::string_view words : vocab::kBackReferences) bare_congress = bare_congress || scan::word_at(s, next_b, words);
    if ((bare_congress || (scan::word_at(s, next_b, "thời gian") && scan::find_word(s, next_b, next_e, "đại hội"))) &&
        org_index.in(next_b, next_e).empty())
      if (const TimeExpr* t = first_time_in(next_b, next_e)) time_statements.push_back({next_b, t});
  }
  // (Named members, not a structured binding: clang 14, which builds the
  // fuzzers, does not let a lambda capture a binding.)
  for (const auto& statement : time_statements) {
    const size_t sent_b = statement.first;
    const TimeExpr* t = statement.second;
    const size_t sent_e = scan::sentence_end(s, sent_b);
    // The kinds of pilot the time sentence names, if it names any: "Thời gian
    // tổ chức đại hội điểm trong tháng 2/2025" is not the direct election's.
    bool names_kind = false, names[2] = {false, false};
    for (auto it = std::lower_bound(triggers.begin(), triggers.end(), sent_b,
                                    [](const Trigger& tr, size_t v) { return tr.b < v; });
         it != triggers.end() && it->b < sent_e; ++it) {
      names_kind = true;
      names[it->kind == PilotKind::direct_election] = true;
      // A bare "thí điểm" may be either ("… đại hội điểm và thí điểm dự kiến …").
      if (scan::word_at(s, it->b, vocab::kTrialWord)) names[0] = names[1] = true;
    }
    for_near(sent_b, [&](size_t i) {
      if (out[i].time || stated[i].schedule) return;
      if (names_kind && !names[out[i].kind == PilotKind::direct_election]) return;
      const bool before = next_sentence(s, stated[i].sentence_e) == next_sentence(s, sent_b);
      const bool after = next_sentence(s, sent_e) == next_sentence(s, stated[i].sentence_b);
      // Naming its kind, it reaches over the other kind's sentence: "… tổ chức đại
      // hội điểm. Các đơn vị được chọn thí điểm bầu trực tiếp … Thời gian tổ
      // chức đại hội điểm trong tháng 2/2025."
      const bool two_before =
          names_kind && next_sentence(s, scan::sentence_end(s, next_sentence(s, stated[i].sentence_e))) ==
                            next_sentence(s, sent_b);
      if (before || after || two_before) out[i].time = *t;
    });
  }
  // A named unit's own congress, stated near the pilot: "… chọn Đảng bộ xã
  // Tân Việt và Đảng bộ Xí nghiệp … để tổ chức đại hội điểm. Đại hội Đảng bộ
  // xã Tân Việt dự kiến tổ chức trước ngày 25.3; Đại hội Đảng bộ Xí nghiệp …
  // trước ngày 5.4." Units whose times differ become pilots of their own.
  {
    constexpr size_t kNear = 3000;
    const auto& all = org_index.all();
    // The time of the congress of the unit named `name` nearest `at`.
    auto own_congress = [&](std::string_view name, size_t at) -> const TimeExpr* {
      const TimeExpr* best = nullptr;
      size_t best_d = SIZE_MAX;
      const size_t lo = at > kNear ? at - kNear : 0;
      for (auto it = std::lower_bound(all.begin(), all.end(), lo,
                                      [](const orgs::OrgMention& m, size_t v) { return m.b < v; });
           it != all.end() && it->b < at + kNear; ++it) {
        if (!it->named) continue;
        const std::string_view mn = s.substr(it->b, it->e - it->b);
        // The same unit, or its name cut short ("Đại hội Đảng bộ Khối" for
        // "Đảng bộ Khối các cơ quan tỉnh").
        if (!(mn == name || (name.starts_with(mn) && name[mn.size()] == ' ' && mn.size() > it->head_end - it->b)))
          continue;
        // Its congress: "Đại hội (đại biểu) X …", "X (dự kiến) tổ chức đại hội …".
        size_t hb = scan::skip_spaces_back(s, it->b);
        size_t db;
        if (scan::word_before(s, hb, "đại biểu", &db) || scan::word_before(s, hb, "đảng viên", &db))
          hb = scan::skip_spaces_back(s, db);
        const size_t ce = scan::clause_end(s, it->e);
        const bool congress = scan::word_before(s, hb, "đại hội") ||
                              scan::find_word(s, it->e, std::min<size_t>(ce, it->e + 60), "đại hội");
        if (!congress) continue;
        const TimeExpr* t = first_time_in(it->e, ce);
        // "dự kiến đến tháng 4-2020 sẽ diễn ra Đại hội Đảng bộ Khối": just before.
        if (!t && scan::word_before(s, hb, "đại hội", &db))
          if (const TimeExpr* b = last_time_in(scan::clause_begin(s, db), db); b && db - b->span.end <= 40) t = b;
        if (t) {
          const size_t d = it->b > at ? it->b - at : at - it->b;
          if (d < best_d) { best = t; best_d = d; }
        }
      }
      return best;
    };
    const size_t n = out.size();
    for (size_t i = 0; i < n; ++i) {
      if (out[i].time || out[i].units.empty() || stated[i].schedule) continue;
      std::vector<const TimeExpr*> found;
      for (const auto& unit : out[i].units) found.push_back(own_congress(fold(unit), stated[i].sentence_b));
      bool all_same = true;
      for (const auto* t : found) all_same = all_same && t == found.front();
      if (all_same) {
        if (found.front()) out[i].time = *found.front();
        continue;
      }
      // Split: one pilot per unit time (units without one stay together).
      Pilot base = out[i];
      std::vector<const TimeExpr*> done;
      bool first = true;
      for (size_t u = 0; u < found.size(); ++u) {
        if (std::find(done.begin(), done.end(), found[u]) != done.end()) continue;
        done.push_back(found[u]);
        Pilot q = base;
        q.units.clear();
        for (size_t v = u; v < found.size(); ++v)
          if (found[v] == found[u]) q.units.push_back(base.units[v]);
        q.count = static_cast<int>(q.units.size());
        if (found[u]) q.time = *found[u];
        if (first) {
          out[i] = std::move(q);
          first = false;
        } else {
          out.push_back(std::move(q));
          stated.push_back(stated[i]);
        }
      }
    }
  }
  order.resize(out.size());  // (units split off above)
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  by_place();
  // A schedule by level gives its time to the pilots of that level without one.
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].time || stated[i].schedule) continue;
    const Pilot* nearest = nullptr;
    size_t best_d = SIZE_MAX;
    for_near(stated[i].sentence_b, [&](size_t j) {
      if (!stated[j].schedule || out[j].level != out[i].level || out[j].kind != out[i].kind || !out[j].time) return;
      const size_t a = stated[j].sentence_b, b = stated[i].sentence_b;
      const size_t d = a > b ? a - b : b - a;
      if (d < best_d) { best_d = d; nearest = &out[j]; }
    });
    if (nearest) out[i].time = nearest->time;
  }
  // Pilots of the same units share the time one of them states ("chọn đảng
  // bộ các huyện: Hương Sơn, Thạch Hà …" and "Đảng bộ Hương Sơn, Đảng bộ
  // Thạch Hà … Thời gian tổ chức đại hội vào tháng 5/2020").
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].time || out[i].units.empty()) continue;
    for_near(stated[i].sentence_b, [&](size_t j) {
      if (out[i].time || j == i || !out[j].time || out[j].kind != out[i].kind || out[j].level != out[i].level) return;
      for (const auto& a : out[i].units)
        for (const auto& b : out[j].units)
          if (!out[i].time && same_unit(fold(a), fold(b))) out[i].time = out[j].time;
    });
  }
  // A count without names or time restating a choice named elsewhere (a
  // headline: "Huyện ủy Thanh Hà chọn 2 đảng bộ tổ chức đại hội điểm").
  std::vector<bool> drop(out.size(), false);
  for (size_t i = 0; i < out.size(); ++i) {
    bool restates = false;
    if (!stated[i].schedule && out[i].units.empty() && !out[i].time && out[i].count > 0) {
      int named = 0;  // the units named for pilots of this kind and level
      for_near(stated[i].sentence_b, [&](size_t j) {
        if (j == i || out[j].kind != out[i].kind || (out[i].level && out[j].level != out[i].level)) return;
        named += static_cast<int>(out[j].units.size());
        restates = restates || static_cast<int>(out[j].units.size()) == out[i].count;
      });
      restates = restates || named == out[i].count;
    }
    // A unit that does it, named in a choice stated elsewhere ("Đảng ủy … chỉ
    // đạo Chi bộ Công ty … tiến hành Đại hội đảng viên làm điểm … Chi bộ Công
    // ty … tổ chức Đại hội điểm thành công"): the same pilot.
    if (!restates && !stated[i].schedule && !out[i].selected_by && !out[i].units.empty())
      for_near(stated[i].sentence_b, [&](size_t j) {
        if (restates || j == i || !out[j].selected_by || out[j].kind != out[i].kind) return;
        bool all = true;
        for (const auto& a : out[i].units) {
          bool found = false;
          for (const auto& b : out[j].units) found = found || fold(a) == fold(b);
          all = all && found;
        }
        restates = all && (!out[i].time || (out[j].time && out[j].time->period.start == out[i].time->period.start));
      });
    // Nothing to check: no level, no unit, no time ("Ngoài 3 chi, Đảng bộ
    // được chọn tổ chức Đại hội điểm, …" looks back at pilots stated before).
    if (!out[i].level && out[i].units.empty() && !out[i].time) restates = true;
    drop[i] = restates;
  }
  std::vector<Pilot> kept;
  for (size_t i = 0; i < out.size(); ++i)
    if (!drop[i]) kept.push_back(std::move(out[i]));
  // In text order, as the model's vectors are (model.h): the passes above
  // add them statement kind by statement kind.
  std::stable_sort(kept.begin(), kept.end(), [](const Pilot& a, const Pilot& b) { return a.span.start < b.span.start; });
  return kept;
}

}  // namespace plancheck
