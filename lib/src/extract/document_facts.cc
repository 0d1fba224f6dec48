// What the document as a whole is about: the term being prepared, the
// national congress it leads to, and who issues it.

#include <algorithm>
#include <map>

#include "chunk.h"
#include "extract/document_term.h"
#include "extract/orgs.h"
#include "extract/scan.h"
#include "extract/vocabulary.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

// The national congress a Roman numeral names: its term starts the year
// before it meets (XIII: 2021, term 2020–2025; XIV: 2026, term 2025–2030).
int term_start_of_congress(int numeral) { return 2020 + 5 * (numeral - 13); }

bool after_resolution(std::string_view s, size_t pos) {
  // "Nghị quyết Đại hội XIII", "thực hiện nghị quyết đại hội đại biểu toàn quốc lần thứ XIII": a past congress.
  const size_t from = pos > 48 ? pos - 48 : 0;
  return scan::rfind_word(s, from, pos, "nghị quyết").has_value();
}

// Where the phrases the facts are read at stand, found in one pass over
// the text: "lần thứ ", "đại hội ", "nhiệm kỳ" (vocab::kFactAnchors).
constexpr std::string_view kNth = vocab::kFactAnchors[0], kCongress = vocab::kFactAnchors[1],
                           kTerm = vocab::kFactAnchors[2];
struct Anchors {
  explicit Anchors(std::string_view s) {
    auto found = chunk::occurrences(s, vocab::kFactAnchors);
    nth = std::move(found[0]);
    congress = std::move(found[1]);
    term = std::move(found[2]);
  }
  std::vector<size_t> nth, congress, term;
};

// The national congresses a text can be about (vocab::kNationalCongresses,
// XI 2011 … XVI 2036): a bare "Đại hội XX" is more likely a province's twentieth.
constexpr int kFirstNational = vocab::kFirstNationalCongress,
              kLastNational = kFirstNational + static_cast<int>(std::size(vocab::kNationalCongresses)) - 1;

int numeral_value(std::string_view g) {
  if (!g.empty() && g[0] >= '0' && g[0] <= '9') {
    int v = 0;
    for (char c : g) v = v * 10 + (c - '0');
    return v;
  }
  return scan::roman_value(g);
}

std::optional<std::string> national_congress(std::string_view s, const Anchors& anchors) {
  // "toàn quốc lần thứ XIV", "Đại hội Đảng lần thứ XIV", "đại hội lần thứ 14
  // của Đảng", "Đại hội XIV của Đảng", "tiến tới Đại hội XIV".
  std::map<int, int> votes;
  // Read directly at each anchor (a regular expression over a window around
  // every "đại hội" cost more than the rest of the document facts).
  std::vector<std::pair<std::string_view, bool>> found;  // numeral, "của Đảng"/"toàn quốc" said
  const auto numeral_at = [&](size_t p, bool digits) -> std::string_view {
    size_t e = p;
    while (e < s.size() && (s[e] == 'x' || s[e] == 'v' || s[e] == 'i')) ++e;
    if (e > p) return s.substr(p, e - p);
    if (digits && p + 2 <= s.size() && s[p] >= '0' && s[p] <= '9' && s[p + 1] >= '0' && s[p + 1] <= '9')
      return s.substr(p, 2);
    return {};
  };
  const auto of_the_party = [&](std::string_view g) {
    return s.substr(static_cast<size_t>(g.data() + g.size() - s.data())).starts_with(" của đảng");
  };
  // "toàn quốc lần thứ XIV", "Đại hội Đảng lần thứ XIV", "đại hội lần thứ 14".
  for (size_t at : anchors.nth) {
    const std::string_view before = s.substr(0, at);
    const bool national = before.ends_with("toàn quốc ");
    if (!national && !before.ends_with("đại hội đảng ") && !before.ends_with(kCongress)) continue;
    const std::string_view g = numeral_at(at + kNth.size(), true);
    if (!g.empty()) found.emplace_back(g, national || of_the_party(g));
  }
  // "Đại hội XIV của Đảng", "tiến tới Đại hội XIV".
  for (size_t at : anchors.congress) {
    const std::string_view g = numeral_at(at + kCongress.size(), false);
    if (!g.empty()) found.emplace_back(g, of_the_party(g));
  }
  std::sort(found.begin(), found.end(), [](const auto& x, const auto& y) {
    return x.first.data() != y.first.data() ? x.first.data() < y.first.data() : x.second > y.second;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const auto& x, const auto& y) { return x.first.data() == y.first.data(); }),
              found.end());
  for (const auto& [g, national_said] : found) {
    const size_t at = static_cast<size_t>(g.data() - s.data());
    if (!vi::at_word_end(s, at + g.size())) continue;
    const int v = numeral_value(std::string_view(g.data(), g.size()));
    if (v < kFirstNational || v > kLastNational) continue;
    // Without "toàn quốc" or "của Đảng", a numeral followed by a party
    // organisation is that organisation's congress ("Đại hội XX Đảng bộ tỉnh").
    if (!national_said) {
      const size_t after = scan::skip_spaces(s, at + g.size());
      if (scan::word_at(s, after, "đảng bộ") || scan::word_at(s, after, "của đảng bộ") ||
          scan::word_at(s, after, "chi bộ"))
        continue;
      // "Đại hội Đảng bộ huyện lần thứ XIV": a district's fourteenth.
      const size_t from = at > 48 ? at - 48 : 0;
      if (s.substr(from, at - from).find("đảng bộ") != std::string_view::npos) continue;
    }
    const size_t from = at > 64 ? at - 64 : 0;
    const size_t dh = s.substr(from, at - from).rfind("đại hội");
    if (dh != std::string_view::npos && after_resolution(s, from + dh)) continue;
    ++votes[v];
  }
  if (votes.empty()) return std::nullopt;
  int best = 0, best_votes = 0;
  for (auto [v, n] : votes)
    if (n >= best_votes) { best = v; best_votes = n; }
  return std::string(vocab::kNationalCongresses[best - kFirstNational]);  // (votes only in that range)
}

// The two years after "nhiệm kỳ" at `p`: "nhiệm kỳ 2025 - 2030", "nhiệm kỳ:
// (2025-2030)" — "nhiệm kỳ:? ?\(?(\d{4}) ?- ?(\d{4})", read by hand (an
// RE2 match per mention cost more than the rest of the document facts).
bool term_years_after(std::string_view s, size_t p, int* from, int* to) {
  const auto at = [&](char c) {
    if (p < s.size() && s[p] == c) {
      ++p;
      return true;
    }
    return false;
  };
  const auto four_digits = [&](int* v) {
    if (s.size() - p < 4) return false;
    int x = 0;
    for (size_t k = 0; k < 4; ++k) {
      if (s[p + k] < '0' || s[p + k] > '9') return false;
      x = x * 10 + (s[p + k] - '0');
    }
    p += 4;
    *v = x;
    return true;
  };
  at(':');
  at(' ');
  at('(');
  if (!four_digits(from)) return false;
  at(' ');
  if (!at('-')) return false;
  at(' ');
  return four_digits(to);
}

std::optional<Term> term(std::string_view s, const Anchors& anchors, const std::optional<std::string>& congress) {
  std::map<std::pair<int, int>, int> votes;
  for (size_t at : anchors.term) {
    int from, to;
    if (term_years_after(s, at + kTerm.size(), &from, &to) && to > from && to - from <= 5) ++votes[{from, to}];
  }
  if (votes.empty()) return std::nullopt;
  if (congress) {
    const int start = term_start_of_congress(scan::roman_value(*congress));
    if (votes.count({start, start + 5})) return Term{start, start + 5};
  }
  // The most cited term; on a tie a five-year party term over a branch term,
  // then the later one.
  std::pair<int, int> best{};
  int best_votes = 0;
  for (auto [t, n] : votes) {
    const bool five = t.second - t.first == 5, best_five = best.second - best.first == 5;
    if (n > best_votes || (n == best_votes && (five || !best_five))) { best = t; best_votes = n; }
  }
  return Term{best.first, best.second};
}

// Whether a unit's name goes on past its head words with a capitalised word.
bool has_proper_name(const Text& text, const Unit& u) {
  const std::string& n = text.normalized();
  for (size_t i = u.span.start + 1; i < u.span.end; ++i)
    if (n[i - 1] == ' ') {
      size_t len;
      if (vi::is_upper(vi::decode(n, i, &len))) {
        // The head itself may be capitalised ("Ban Thường vụ Huyện ủy"): a
        // proper name is a capital after the last head word.
        const std::string_view f(text.folded().data() + i, u.span.end - i);
        if (!f.starts_with("ủy") && !f.starts_with("thường vụ") && !f.starts_with("huyện ủy") &&
            !f.starts_with("tỉnh ủy") && !f.starts_with("quận ủy") && !f.starts_with("thành ủy") &&
            !f.starts_with("đảng ủy") && !f.starts_with("chấp hành") && !f.starts_with("tổ chức"))
          return true;
      }
    }
  return false;
}

// Whether an official's title stands right before `at` ("Bí thư Tỉnh ủy
// …"): the committee names where a person serves.
bool after_person_title(std::string_view s, size_t at) {
  static constexpr scan::WordsBefore kTitles(vocab::kPersonTitles);
  return kTitles.find(s, scan::skip_spaces_back(s, at)).has_value();
}

std::optional<std::string> issuer(const Text& text, const std::vector<Reference>& refs,
                                  const std::vector<Unit>& units) {
  const std::string_view s = text.folded();
  auto folded_name = [&](const Unit& u) { return s.substr(u.span.start, u.span.end - u.span.start); };
  // A bare "Quận uỷ" stands for the named "Quận ủy Hai Bà Trưng" cited elsewhere.
  // Units by folded name, sorted (longer names after their prefixes), the
  // first unit of a name standing for it: a sorted table, not a tree.
  std::vector<std::pair<std::string_view, const Unit*>> by_name;
  by_name.reserve(units.size());
  for (const auto& o : units) by_name.emplace_back(folded_name(o), &o);
  // Ties in text order, as a stable sort keeps them (the units are in one
  // vector, in text order): no buffer for a merge.
  std::sort(by_name.begin(), by_name.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second < b.second;
  });
  by_name.erase(std::unique(by_name.begin(), by_name.end(),
                            [](const auto& a, const auto& b) { return a.first == b.first; }),
                by_name.end());
  auto best_name = [&](const Unit& u) -> std::string {
    const std::string_view f = folded_name(u);
    auto it = std::upper_bound(by_name.begin(), by_name.end(), f,
                               [](std::string_view v, const auto& e) { return v < e.first; });
    if (it != by_name.end() && it->first.starts_with(f) && it->second->type == u.type) return it->second->name;
    return u.name;
  };
  auto unit_named = [&](std::string_view f) -> const Unit* {
    auto it = std::lower_bound(by_name.begin(), by_name.end(), f,
                               [](const auto& e, std::string_view v) { return e.first < v; });
    return it != by_name.end() && it->first == f ? it->second : nullptr;
  };
  // 1. "X ban hành / xây dựng Kế hoạch …": the body that issues the plan.
  for (const auto& u : units) {
    if (u.type != UnitType::committee && u.type != UnitType::dang_bo) continue;
    size_t p = scan::skip_spaces(s, u.span.end);
    // "Đảng ủy xã Văn Nghĩa (huyện Lạc Sơn) vừa ban hành …"
    if (p < s.size() && s[p] == '(') {
      const size_t close = s.find(')', p);
      if (close == std::string_view::npos || close - p > 80) continue;
      p = scan::skip_spaces(s, close + 1);
    }
    for (std::string_view adv : vocab::kIssuingAdverbs)
      if (scan::word_at(s, p, adv)) p = scan::skip_spaces(s, p + adv.size());
    if (scan::word_at(s, p, "ban hành") || scan::word_at(s, p, "xây dựng")) {
      const size_t q = scan::skip_spaces(s, p + (scan::word_at(s, p, "ban hành") ? 10 : 11));
      if (scan::word_at(s, q, "kế hoạch")) return best_name(u);
    }
  }
  // 2. "Kế hoạch số …-KH/HU … của Huyện ủy X": a plan cited with its issuing committee.
  std::optional<std::string> cited;
  std::optional<Level> cited_level;
  for (const auto& r : refs) {
    if (r.kind != "ke_hoach" || !r.issuer) continue;
    const std::string f = fold(*r.issuer);
    if (!issuer_code_fits_committee(r.issuer_code, f)) continue;
    const auto l = orgs::body_level(f);
    if (cited && cited_level && l && *l >= *cited_level) continue;  // the lowest plan cited is the document's own
    cited = *r.issuer;
    cited_level = l;
    if (const Unit* named = unit_named(f)) cited = best_name(*named);
  }
  // 3. The first party organisation or committee named with a proper name, below the centre.
  std::optional<std::string> first;
  std::optional<Level> first_level;
  for (const auto& u : units) {
    if (u.type == UnitType::agency || !u.level || *u.level == Level::national) continue;
    const std::string_view f = folded_name(u);
    if (!has_proper_name(text, u)) continue;
    if (after_person_title(s, u.span.start)) continue;
    first = best_name(u);
    first_level = orgs::body_level(f);
    if (!first_level) first_level = u.level;
    break;
  }
  // A plan cited from above does not issue this document: the lower of the two does.
  if (cited && first && first_level && cited_level && *first_level < *cited_level) return first;
  if (cited) return cited;
  return first;
}

}  // namespace

DocumentFacts extract_document_facts(const Text& text, const std::vector<Reference>& references,
                                     const std::vector<Unit>& units) {
  DocumentFacts f;
  const Anchors anchors(text.folded());
  f.national_congress = national_congress(text.folded(), anchors);
  f.term = term(text.folded(), anchors, f.national_congress);
  f.issuer = issuer(text, references, units);
  return f;
}

std::optional<Term> document_term(const Text& text) {
  const Anchors anchors(text.folded());
  return term(text.folded(), anchors, national_congress(text.folded(), anchors));
}

}  // namespace plancheck
