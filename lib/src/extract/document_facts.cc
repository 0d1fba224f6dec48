// What the document as a whole is about: the term being prepared, the
// national congress it leads to, and who issues it.
#include <re2/re2.h>

#include <map>

#include "extract/orgs.h"
#include "extract/scan.h"
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

std::optional<std::string> national_congress(std::string_view s) {
  static const RE2 re("(?:toàn quốc|đại hội đảng) lần thứ ([xvi]+)|đại hội ([xvi]+) của đảng");
  std::map<int, int> votes;
  re2::StringPiece input(s.data(), s.size()), a, b;
  while (RE2::FindAndConsume(&input, re, &a, &b)) {
    const re2::StringPiece& g = a.data() ? a : b;
    const size_t at = static_cast<size_t>(g.data() - s.data());
    if (!vi::at_word_end(s, at + g.size())) continue;
    const int v = scan::roman_value(std::string_view(g.data(), g.size()));
    if (v < 9) continue;
    const size_t dh = s.rfind("đại hội", at);
    if (dh != std::string_view::npos && after_resolution(s, dh)) continue;
    ++votes[v];
  }
  if (votes.empty()) return std::nullopt;
  int best = 0, best_votes = 0;
  for (auto [v, n] : votes)
    if (n >= best_votes) { best = v; best_votes = n; }
  static const char* kRoman[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
                                 "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};
  if (best > 20) return std::nullopt;
  return std::string(kRoman[best]);
}

std::optional<Term> term(std::string_view s, const std::optional<std::string>& congress) {
  static const RE2 re("nhiệm kỳ:? ?\\(?(\\d{4}) ?- ?(\\d{4})");
  std::map<std::pair<int, int>, int> votes;
  re2::StringPiece input(s.data(), s.size());
  int from, to;
  while (RE2::FindAndConsume(&input, re, &from, &to))
    if (to > from && to - from <= 5) ++votes[{from, to}];
  if (votes.empty()) return std::nullopt;
  if (congress) {
    const int start = term_start_of_congress(scan::roman_value(*congress));
    if (votes.count({start, start + 5})) return Term{start, start + 5};
  }
  std::pair<int, int> best{};
  int best_votes = 0;
  for (auto [t, n] : votes)
    if (n >= best_votes) { best = t; best_votes = n; }
  return Term{best.first, best.second};
}

std::string code_of_committee(std::string_view folded_name) {
  if (folded_name.starts_with("huyện ủy")) return "HU";
  if (folded_name.starts_with("quận ủy")) return "QU";
  if (folded_name.starts_with("thị ủy")) return "TX";
  if (folded_name.starts_with("tỉnh ủy") || folded_name.starts_with("thành ủy")) return "TU";
  if (folded_name.starts_with("đảng ủy")) return "ĐU";
  return "";
}

std::optional<std::string> issuer(const Text& text, const std::vector<Reference>& refs,
                                  const std::vector<Unit>& units) {
  const std::string_view s = text.folded();
  auto folded_name = [&](const Unit& u) { return s.substr(u.span.start, u.span.end - u.span.start); };
  // A bare "Quận uỷ" stands for the named "Quận ủy Hai Bà Trưng" cited elsewhere.
  auto best_name = [&](const Unit& u) -> std::string {
    const std::string_view f = folded_name(u);
    for (const auto& o : units)
      if (o.type == u.type && folded_name(o).starts_with(f) && folded_name(o).size() > f.size()) return o.name;
    return u.name;
  };
  // 1. "X ban hành / xây dựng Kế hoạch …": the body that issues the plan.
  for (const auto& u : units) {
    if (u.type != UnitType::committee && u.type != UnitType::dang_bo) continue;
    const size_t after = scan::skip_spaces(s, u.span.end);
    size_t p = after;
    if (scan::word_at(s, p, "đã")) p = scan::skip_spaces(s, p + std::string_view("đã").size());
    if (scan::word_at(s, p, "ban hành") || scan::word_at(s, p, "xây dựng")) {
      const size_t q = scan::skip_spaces(s, p + (scan::word_at(s, p, "ban hành") ? 10 : 11));
      if (scan::word_at(s, q, "kế hoạch")) return best_name(u);
    }
  }
  // 2. "Kế hoạch số …-KH/HU … của Huyện ủy X": a plan cited with its issuing committee.
  for (const auto& r : refs) {
    if (r.kind != "ke_hoach" || !r.issuer) continue;
    const std::string f = fold(*r.issuer);
    if (!code_of_committee(f).empty() && code_of_committee(f) == r.issuer_code) {
      for (const auto& u : units)
        if (fold(u.name) == f) return best_name(u);
      return *r.issuer;
    }
  }
  // 3. The first named party organisation or committee below the centre.
  for (const auto& u : units) {
    if (u.type == UnitType::agency || !u.level || *u.level == Level::national) continue;
    if (u.name.find(' ') == std::string::npos) continue;
    return best_name(u);
  }
  return std::nullopt;
}

}  // namespace

DocumentFacts extract_document_facts(const Text& text, const std::vector<Reference>& references,
                                     const std::vector<Unit>& units) {
  DocumentFacts f;
  f.national_congress = national_congress(text.folded());
  f.term = term(text.folded(), f.national_congress);
  f.issuer = issuer(text, references, units);
  return f;
}

}  // namespace plancheck
