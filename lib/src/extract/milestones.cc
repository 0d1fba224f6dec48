// Congress timeline statements: for each time expression, the congress
// phrase it belongs to (its level), the verb that governs it (its event),
// whether it reports the past, and whether it restates a higher plan.
#include <algorithm>
#include <cstring>

#include "chunk.h"
#include "extract/orgs.h"
#include "extract/scan.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

constexpr std::string_view kCongress = "đại hội";

// Words in front of "đại hội" that make it the topic of something else
// ("quán triệt các văn bản về đại hội", "tiến tới Đại hội XIV"), not the
// subject of a timeline.
constexpr std::string_view kBlockers[] = {"về", "tiến tới", "công tác", "văn bản", "nghị quyết", "văn kiện",
                                          "chuẩn bị", "phục vụ", "sau khi", "trước khi", "sau", "dự", "tham dự",
                                          "trình", "tại", "kỳ", "của"};

bool blocked(std::string_view s, size_t at) {
  static constexpr scan::WordsBefore kBefore(kBlockers);
  return kBefore.find(s, scan::skip_spaces_back(s, at)).has_value();
}

// "làm điểm đại hội cấp huyện": the congress named is the pilot's.
bool after_pilot_word(std::string_view s, size_t at) {
  size_t b;
  return scan::word_before(s, scan::skip_spaces_back(s, at), "điểm", &b);
}

struct Subject {
  Level level;
  size_t b = 0, e = 0;
};

std::optional<Level> resolve(const orgs::LevelGuess& g, std::string_view s, size_t at, const DocumentFacts& doc) {
  if (g.level) return g.level;
  if (g.bare_chi_bo) return orgs::contextual_chi_bo_level(s, at);
  if (g.bare_dang_bo) {
    if (g.plural) return Level::grassroots;
    if (doc.issuer) return orgs::body_level(fold(*doc.issuer));
  }
  return std::nullopt;
}

// The organisation that heads [b, e) as its subject ("Các chi, Đảng bộ còn
// lại …", "Đảng bộ Khối …", "470/470 chi bộ trực thuộc …").
std::optional<Subject> org_subject(const Text& text, std::string_view s, size_t b, size_t e,
                                   const DocumentFacts& doc) {
  // Reported speech opens a clause of its own: 'Bí thư Đảng ủy xã X cho biết:
  // "Các chi bộ trực thuộc còn lại tổ chức đại hội …"' speaks of the branches.
  for (size_t i = b; i + 1 < e; ++i)
    if (s[i] == ':' && s.substr(scan::skip_spaces(s, i + 1), 1) == "\"") b = scan::skip_spaces(s, i + 1) + 1;
  for (const auto& m : orgs::orgs_in(text, b, e)) {
    if (m.type == UnitType::committee || m.type == UnitType::agency) return std::nullopt;
    const size_t end = orgs::congress_phrase_end(s, m.b, e);
    orgs::LevelGuess g = orgs::level_of_phrase(s.substr(m.b, end - m.b));
    // "các chi, Đảng bộ": the word before makes it a list of grassroots organisations.
    const size_t before = scan::skip_spaces_back(s, m.b);
    if (before > 0 && s[before - 1] == ',') {
      size_t wb;
      if (scan::prev_word(s, before - 1, &wb) == "chi") g.level = Level::grassroots;
    }
    size_t pb;
    std::string_view prev = scan::prev_word(s, scan::skip_spaces_back(s, m.b), &pb);
    if (prev == "các" || prev == "những") g.plural = true;
    if (auto l = resolve(g, s, m.b, doc)) return Subject{*l, m.b, end};
    return std::nullopt;
  }
  return std::nullopt;
}

// The congress phrase nearest before `end` in [b, end): its level.
struct CongressFind {
  std::optional<Subject> subject;
  bool pilot = false;
  size_t pilot_end = 0;
  bool found = false;
};

// `cs` is the clause (asides blanked) starting at `base` in the full folded
// text `full`; b and end are clause-relative; the subject found is absolute.
CongressFind congress_before(const Text& text, std::string_view full, std::string_view cs, size_t base, size_t b,
                             size_t end, const DocumentFacts& doc) {
  CongressFind r;
  size_t e = end;
  while (auto p = scan::rfind_word(cs, b, e, kCongress)) {
    e = *p;
    if (blocked(cs, *p)) continue;
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
    if (auto l = resolve(g, full, base + np, doc)) {
      r.subject = Subject{*l, base + *p, base + np_end};
      return r;
    }
    // "các chi bộ còn lại tổ chức đại hội hoàn thành …": the organisation in
    // front of the verb says which congresses.
    if (np_end == np) {
      r.subject = org_subject(text, full, base + b, base + *p, doc);
      return r;
    }
    return r;
  }
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
  for (auto v : {"hoàn thành", "bắt đầu", "tổ chức", "tiến hành", "kết thúc", "xong"})
    if (scan::word_at(cs, p, v)) return true;
  return false;
}

// The verbs that say what happens to congresses at a time, each with its event.
constexpr std::string_view kEventVerbs[] = {"bắt đầu", "khai mạc", "hoàn thành", "xong", "kết thúc"};
constexpr Event kEventOfVerb[] = {Event::start, Event::start, Event::complete, Event::complete, Event::complete};

// Every event verb of a text, in text order, found in one pass: a time's
// verb is looked for in several overlapping stretches of its clause, each
// answered by a search here instead of a scan per verb.
class EventVerbs {
 public:
  explicit EventVerbs(std::string_view s) {
    const auto found = chunk::occurrences(s, kEventVerbs);
    for (size_t k = 0; k < found.size(); ++k)
      for (const size_t p : found[k]) {
        const size_t e = p + kEventVerbs[k].size();
        if (vi::at_word_start(s, p) && vi::at_word_end(s, e)) verbs_.push_back({p, e, kEventOfVerb[k]});
      }
    std::sort(verbs_.begin(), verbs_.end(), [](const Verb& a, const Verb& b) { return a.b < b.b; });
  }

  // The last event verb wholly inside [b, e) of the clause `cs`, which
  // starts at `base` in the text (asides blanked out in it hold none);
  // *at gets its clause offset (0 when there is none).
  std::optional<Event> last_in(std::string_view cs, size_t base, size_t b, size_t e, size_t* at = nullptr) const {
    if (at) *at = 0;
    e = std::min(e, cs.size());
    if (b >= e) return std::nullopt;
    // The verbs starting before e, from the last one back to b.
    auto it = std::lower_bound(verbs_.begin(), verbs_.end(), base + e, [](const Verb& v, size_t p) { return v.b < p; });
    while (it != verbs_.begin()) {
      --it;
      if (it->b < base + b) break;
      if (it->e > base + e || cs[it->b - base] == ' ') continue;  // runs past e, or in a blanked aside
      if (at) *at = it->b - base;
      return it->event;
    }
    return std::nullopt;
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

std::optional<Level> code_level(std::string_view code) {
  if (code == "TW" || code == "BTCTW" || code == "BCT" || code == "BBT") return Level::national;
  if (code == "TU" || code == "BTCTU" || code == "TƯ") return Level::province;
  if (code == "HU" || code == "QU" || code == "TX" || code == "ĐUK") return Level::district;
  return std::nullopt;
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
    // A document's own date is not a timeline (references are in text order).
    {
      auto it = std::upper_bound(references.begin(), references.end(), tb,
                                 [](size_t v, const Reference& r) { return v < r.span.start; });
      if (it != references.begin() && tb < std::prev(it)->span.end) continue;
    }
    const size_t cb = scan::clause_begin(s, tb), ce = scan::clause_end(s, te);
    // Work on the clause with asides blanked: "(sau khi … chi bộ trực thuộc xong)".
    std::string clause_storage;
    const std::string_view cs = orgs::without_asides(s, cb, ce, &clause_storage);
    const size_t rb = tb - cb, re_ = te - cb;  // the time, relative to the clause
    // The previous time in the same clause bounds where this one's verb is.
    size_t prev_end = 0;
    if (k > 0 && times[k - 1].span.end > cb && times[k - 1].span.end <= tb) prev_end = times[k - 1].span.end - cb;

    std::optional<Subject> subject;
    std::optional<Event> event;
    bool fronted = false;
    CongressFind cf = congress_before(text, s, cs, cb, 0, rb, doc);
    // A pilot named before the time owns it ("Chi bộ thôn X được chọn làm
    // điểm đã tổ chức đại hội vào ngày …"), unless a coordinated verb makes
    // the head organisation's own congress the subject (see below).
    if (cf.found && !cf.pilot && orgs::pilot_trigger_in(cs, prev_end, rb)) {
      cf.pilot = true;
      cf.subject.reset();
      cf.pilot_end = prev_end;
      constexpr std::string_view kDiem = "điểm";
      size_t from = prev_end;
      while (auto p = scan::find_word(cs, from, rb, kDiem)) {
        cf.pilot_end = *p + kDiem.size();
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
      // No congress word before the time: a subject at the head of the clause
      // with a verb ("Các chi, Đảng bộ còn lại tập trung hoàn thành trong …"),
      // or a time put first ("Đến ngày 22/11/2024, 470/470 chi bộ … đã hoàn thành …").
      if (auto ev = verbs.last_in(cs, cb, prev_end, rb)) {
        subject = org_subject(text, s, cb, tb, doc);
        // A schedule laid out by level under a heading about congresses:
        // "Thời gian tổ chức đại hội các cấp: … - Cấp cơ sở: bắt đầu từ …".
        if (!subject) subject = level_at_clause_head(cs, cb, rb, s);
        event = ev;
      } else if (scan::next_word(cs, 0).size() > 0 && rb < 24) {
        // A time put first speaks of a congress only with a verb after it.
        fronted = true;
        event = verbs.last_in(cs, cb, re_, cs.size());
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
      auto ev = verbs.last_in(cs, cb, cf.pilot_end, rb, &vat);
      if (ev == Event::complete && scan::rfind_word(cs, cf.pilot_end, vat, "và")) {
        subject = org_subject(text, s, cb, tb, doc);
        event = ev;
      }
    } else if (cf.subject) {
      subject = cf.subject;
      const size_t from = std::max(prev_end, subject->e - cb);
      event = verbs.last_in(cs, cb, from, rb);
      // The verb before the congress phrase: "huyện sẽ hoàn thành Đại hội các Chi bộ … trong tháng 2/2025".
      if (!event) event = verbs.last_in(cs, cb, prev_end, subject->b - cb);
    }
    if (!subject) continue;
    // The verb may follow the time: "chậm nhất ngày 15/6/2025 phải hoàn thành".
    if (!event && !fronted) {
      size_t stop = cs.size();
      for (size_t i = re_; i < cs.size(); ++i)
        if (cs[i] == ',') { stop = i; break; }
      event = verbs.last_in(cs, cb, re_, std::min(stop, re_ + 40));
    }
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
      const auto rl = code_level(r.issuer_code);
      if (issuer_level && rl && *rl <= *issuer_level) continue;  // the plan's own number
      // A document cited without its code ("Theo Chỉ thị 35 của Bộ Chính trị")
      // is named as written.
      source = r.id ? &*r.id : &r.text;
    }
    // A statement made twice is kept once: the key first, and the milestone
    // built only when it is new.
    if (!seen.insert({subject->level, *event, t.relation, t.period.start, t.period.end,
                      source ? std::string_view(*source) : std::string_view()}))
      continue;
    Milestone& m = out.emplace_back();  // built in place: a move copies its strings again
    m.level = subject->level;
    m.event = *event;
    m.time = t;
    m.subject.assign(text.normalized(), subject->b, subject->e - subject->b);
    const size_t sb = std::min<size_t>(subject->b, tb), se = std::max<size_t>(subject->e, te);
    m.span = text.span(sb, se);
    // Reported, not planned: "đã hoàn thành", "Đến ngày …, … đã …".
    const size_t vb = fronted ? re_ : std::min(prev_end, subject->b - cb);
    const size_t ve = fronted ? cs.size() : rb;
    if (past_marker(cs, vb, ve)) m.status = Status::done;
    if (source) m.source = *source;
  }
  return out;
}

namespace {

// Words that introduce reported speech: 'X cho biết: "…"'.
constexpr std::string_view kSpeechVerbs[] = {"cho biết", "cho hay", "nói", "chia sẻ", "phát biểu",
                                             "khẳng định", "nhấn mạnh", "thông tin", "trao đổi"};

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
  for (auto v : kSpeechVerbs)
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

}  // namespace plancheck
