// Cited documents: "Kế hoạch số 172-KH/HU ngày 20/9/2024 của Huyện ủy Lạc
// Dương", "số 172/KH-HU", "Chỉ thị 35", "Thông báo số 01, ngày 9/10/2019".
// Codes are matched case-sensitively on the normalized text (they are
// written in capitals); the words around them on the folded text.
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "extract/document_code.h"
#include "extract/scan.h"
#include "extract/vocabulary.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

// Whether a code can be read at a number whose digits end at `de`: what
// follows the digits is what either style must start with — " - K…", "-K…",
// " K…", "/K…" or "/2019/". Dates ("20/9/2024", "15 - 30/3") fail here, at a
// glance.
bool may_be_code(std::string_view norm, size_t de) {
  const size_t n = norm.size();
  const auto capital_at = [&](size_t i) {
    return i < n && ((norm[i] >= 'A' && norm[i] <= 'Z') || (norm[i] == '\xC4' && i + 1 < n && norm[i + 1] == '\x90'));
  };
  const auto digit_at = [&](size_t i) { return i < n && norm[i] >= '0' && norm[i] <= '9'; };
  size_t i = de;
  if (i < n && norm[i] == '/')  // state style: NUMBER/(YEAR/)?TYPE-ISSUER
    return capital_at(i + 1) ||
           (digit_at(i + 1) && digit_at(i + 2) && digit_at(i + 3) && digit_at(i + 4) && i + 5 < n && norm[i + 5] == '/');
  // party style: NUMBER( ?- ?| )TYPE/ISSUER
  if (i < n && norm[i] == ' ') ++i;
  if (i > de && capital_at(i)) return true;  // "84 QĐ/TW": a space for the dash
  if (i >= n || norm[i] != '-') return false;
  ++i;
  if (i < n && norm[i] == ' ') ++i;
  return capital_at(i);
}

// The words that name a cited document's kind and the type codes of
// document numbers: vocab::kKinds, vocab::kTypeCodes.
using vocab::Bare;
using vocab::kKinds;
using vocab::KindWord;

std::string_view kind_from_code(std::string_view type) {
  for (const auto& t : vocab::kTypeCodes)
    if (t.code == type) return t.kind;
  return "other";
}

// The kind words alone, looked up as the words before a number: most
// numbers (the parts of dates) have none of them in front, and are passed at
// a glance.
constexpr auto kKindWords = scan::views_of<&KindWord::words>(kKinds);

// The kind word in front of a number ("Kế hoạch số 172", "Chỉ thị 35"), if
// any; *with_so tells whether "số" stands between.
std::optional<KindWord> kind_before(std::string_view s, size_t num_begin, size_t* begin, bool* with_so = nullptr) {
  static constexpr scan::WordsBefore kKindsBefore(kKindWords);
  size_t p = scan::skip_spaces_back(s, num_begin);
  size_t b;
  const bool so = scan::word_before(s, p, "số", &b);
  if (so) p = scan::skip_spaces_back(s, b);
  // A short aside between the word and its number: "Hướng dẫn (mật) số 03".
  if (p > 0 && s[p - 1] == ')') {
    const size_t open = s.rfind('(', p - 1);
    if (open != std::string_view::npos && p - open <= 24) p = scan::skip_spaces_back(s, open);
  }
  if (with_so) *with_so = so;
  if (auto k = kKindsBefore.find(s, p, begin)) return kKinds[*k];
  return std::nullopt;
}

// Whether the word at `b` of normalized text begins with a capital ("Kế
// hoạch", "KẾ HOẠCH": a title).
bool titled_at(std::string_view norm, size_t b) {
  size_t len;
  return b < norm.size() && vi::is_upper(vi::decode(norm, b, &len));
}

bool digit_at(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }
// Four digits at p and no fifth.
bool year_at(std::string_view s, size_t p) {
  return digit_at(s, p) && digit_at(s, p + 1) && digit_at(s, p + 2) && digit_at(s, p + 3) && !digit_at(s, p + 4);
}

// Whether a year (four digits) at `p` begins a range of years ("2021-2025",
// "2021 - 2025", "2021 đến 2025").
bool year_range_at(std::string_view s, size_t p) {
  size_t q = p + 4;
  q = scan::skip_spaces(s, q);
  if (q < s.size() && s[q] == '-') q = scan::skip_spaces(s, q + 1);
  else if (scan::word_at(s, q, "đến")) q = scan::skip_spaces(s, q + std::string_view("đến").size());
  else return false;
  return digit_at(s, q);
}

// The end of "năm YYYY" after a bare number, the year the document was
// issued ("Kết luận 1251 năm 2025"), not the first of a range of years
// ("Kế hoạch 5 năm 2021-2025"); 0 when none stands there.
size_t issue_year_end(std::string_view s, size_t ne) {
  const size_t p = scan::skip_spaces(s, ne);
  if (!scan::word_at(s, p, "năm")) return 0;
  const size_t q = scan::skip_spaces(s, p + std::string_view("năm").size());
  return year_at(s, q) && !year_range_at(s, q) ? q + 4 : 0;
}

// Whether the words after a bare number count something rather than name a
// document: "Kế hoạch 5 năm 2021-2025", "Báo cáo 6 tháng", "100 ngày", "3
// lần", "15%". A date stated there is not a count: "Chỉ thị 35 ngày
// 30/5/2019", "Kết luận 1251 năm 2025".
bool counts_something(std::string_view s, size_t ne) {
  if (ne < s.size() && s[ne] == '%') return true;
  static const scan::KeywordSet kUnits(vocab::kCountUnits);
  const size_t p = scan::skip_spaces(s, ne);
  if (kUnits.match(s, p) < 0) return false;
  if (scan::word_at(s, p, "ngày")) return !digit_at(s, scan::skip_spaces(s, p + std::string_view("ngày").size()));
  return issue_year_end(s, ne) == 0;
}

// The issuing body after "của": words up to punctuation or a word that
// starts something else.
std::optional<std::string> issuer_after(const Text& text, size_t pos, size_t* end) {
  const std::string_view s = text.folded();
  size_t p = scan::skip_spaces(s, pos);
  if (!scan::word_at(s, p, "của")) return std::nullopt;
  p = scan::skip_spaces(s, p + std::string_view("của").size());
  // Looked up once per word (a table of the stops' first words), not word by stop.
  static const scan::KeywordSet kStops(vocab::kIssuerStops);
  const size_t b = p;
  size_t e = p;
  while (p < s.size()) {
    size_t wb, we;
    std::string_view w = scan::next_word(s, p, &wb, &we);
    if (w.empty()) break;
    // Only spaces may stand between the words of a name.
    for (size_t k = p; k < wb; ++k)
      if (s[k] != ' ') goto done;
    if (kStops.match_at_word(s, wb, we) >= 0) goto done;
    if (w[0] >= '0' && w[0] <= '9') goto done;
    e = we;
    p = we;
  }
done:
  if (e == b) return std::nullopt;
  *end = e;
  return text.normalized().substr(b, e - b);
}

}  // namespace

std::vector<Notice> conflicting_date_notices(const std::vector<Reference>& references) {
  std::vector<Notice> notices;
  // One document cited with two different dates: each dated mention against
  // the first of its document (a sorted table again), in text order.
  // (By document_key: "35-CT/TƯ" and "35-CT/TW" are one document.)
  std::vector<std::pair<std::string, const Reference*>> dated;
  for (const auto& r : references)
    if (r.id && r.date) dated.emplace_back(*document_key(r), &r);
  std::sort(dated.begin(), dated.end());
  std::vector<std::pair<const Reference*, const Reference*>> conflicts;  // (mention, first of its document)
  for (size_t i = 0, j; i < dated.size(); i = j) {
    for (j = i + 1; j < dated.size() && dated[j].first == dated[i].first; ++j)
      if (dated[j].second->date != dated[i].second->date) conflicts.emplace_back(dated[j].second, dated[i].second);
  }
  std::sort(conflicts.begin(), conflicts.end());  // by the mention: text order (out is)
  for (const auto& [r, first] : conflicts) {
    Notice n;
    n.code = "conflicting_date";
    n.text = r->text;
    n.message = *r->id + " is cited with date " + r->date->iso() + " here and " + first->date->iso() +
                " at line " + std::to_string(first->span.line);
    n.span = r->span;
    notices.push_back(std::move(n));
  }
  return notices;
}

std::vector<Reference> extract_references(const Text& text, const std::vector<TimeExpr>& times,
                                          std::vector<Notice>* notices) {
  const std::string& norm = text.normalized();
  const std::string_view s = text.folded();
  std::vector<Reference> out;

  // The date stated with a mention: the day expression right after it,
  // after a comma or an opening parenthesis ("số 258-KH/TU ngày 15-7-2024",
  // "…-KH/TU, ngày 9/9/2024", "(ngày 14/6/2024)"); "ngày" may stand outside
  // the time expression ("ngày 15-7-2024" reads as the time "15-7-2024").
  // Only a whole day with its year: "Kết luận 127 ngày 28.2" states none. A
  // date elsewhere in the sentence ("Ngày 17-4, … có Công văn số …") is not
  // the document's.
  auto time_at = [&](size_t p) {
    auto it = std::lower_bound(times.begin(), times.end(), p,
                               [](const TimeExpr& t, size_t v) { return t.span.start < v; });
    return it != times.end() && it->span.start == p ? &*it : nullptr;
  };
  auto date_at = [&](size_t pos, bool after_punctuation, size_t* end) -> std::optional<CivilDate> {
    size_t p = pos;
    bool paren = false;
    if (after_punctuation) {
      if (p < s.size() && s[p] == ',') ++p;
      p = scan::skip_spaces(s, p);
      if (p < s.size() && s[p] == '(') {
        paren = true;
        ++p;
      }
    }
    p = scan::skip_spaces(s, p);
    const TimeExpr* t = time_at(p);
    if (!t && scan::word_at(s, p, "ngày")) t = time_at(scan::skip_spaces(s, p + std::string_view("ngày").size()));
    if (!t || t->period.grain != Grain::day || t->relation != Relation::in || t->year_inferred ||
        !(t->period.start == t->period.end))  // "ngày 14-15/7/2025": days, not a date
      return std::nullopt;
    *end = t->span.end + (paren && t->span.end < s.size() && s[t->span.end] == ')' ? 1 : 0);
    return t->period.start;
  };

  // References are built in place (a Reference is seven strings: each move
  // of one copies them all). The date comes right after the code or number,
  // else right after the issuer ("Chỉ thị số 35-CT/TW của Bộ Chính trị ngày
  // 14/6/2024": no comma between).
  auto finish = [&](Reference& r, size_t b, size_t e) {
    size_t date_end;
    if (auto d = date_at(e, true, &date_end)) {
      r.date = d;
      e = date_end;
    }
    size_t issuer_end;
    if (auto iss = issuer_after(text, e, &issuer_end)) {
      r.issuer = std::move(iss);
      if (!r.date && scan::word_at(s, scan::skip_spaces(s, issuer_end), "ngày"))
        if (auto d = date_at(issuer_end, false, &date_end)) {
          r.date = d;
          e = date_end;
        }
    }
    r.text.assign(norm, b, e - b);
    r.span = text.span(b, e);
  };

  // Coded references: read at each run of digits that a code can follow
  // ("172-KH", "172 - KH", "172/KH"), within 48 bytes of it.
  std::vector<std::pair<size_t, size_t>> coded;  // number spans, to skip below
  const size_t n = norm.size();
  size_t consumed = 0;
  for (const auto& run : text.digit_runs()) {
    if (run.begin < consumed) continue;
    size_t pos = run.begin;
    const size_t de = run.end;
    // The year inside "22/2019/NQ-HĐND" is not a number of its own.
    const bool after_number = pos >= 2 && norm[pos - 1] == '/' && norm[pos - 2] >= '0' && norm[pos - 2] <= '9';
    if (!may_be_code(norm, de) || after_number || !vi::at_word_start(norm, pos)) continue;
    const auto code = codes::read_document_code(norm, pos, std::min(n, pos + 48));
    if (!code) continue;
    const size_t mb = pos;
    const size_t me = code->end;
    consumed = me;
    if (!vi::at_word_end(norm, me)) continue;
    Reference& r = out.emplace_back();
    r.number = code->number;
    r.type = code->type;
    // The id keeps the code's letters as written ("35-CT/TƯ", "03-HD/HU");
    // the issuer code is the body's one code ("TƯ" is TW), which
    // document_key() compares by.
    r.issuer_code = canonical_issuer_code(code->issuer);
    std::string& id = r.id.emplace();
    id.reserve(r.number.size() + r.type.size() + code->issuer.size() + 2);
    id.append(r.number).append(1, '-').append(r.type).append(1, '/').append(code->issuer);
    size_t b = mb;
    size_t kb;
    const auto k = kind_before(s, mb, &kb);
    r.kind = k && !k->generic ? k->kind : kind_from_code(r.type);
    if (k) b = kb;
    coded.emplace_back(mb, me);
    finish(r, b, me);
  }

  const size_t coded_count = out.size();  // both passes are in text order: merge them below

  // Number-only references (id null): a kind word, maybe "số", a number and
  // no code ("Thông báo số 01", "Chỉ thị 35", "Công văn 1245").
  for (const auto& run : text.digit_runs()) {
    const size_t nb = run.begin, ne = run.end;
    if (nb > 0 && !vi::at_word_start(s, nb)) continue;
    if (!vi::at_word_end(s, ne) || ne - nb > 5) continue;
    // Not a number of its own: part of a date, a fraction or a figure
    // ("30/5", "46/49", "1.725"), or of a code not read above ("1234/QĐ-TTg").
    // Except its year of issue after "số": "Văn bản số 754/2020".
    const bool slash_year = ne + 5 <= s.size() && s[ne] == '/' && digit_at(s, ne + 1) && digit_at(s, ne + 2) &&
                            digit_at(s, ne + 3) && digit_at(s, ne + 4) &&
                            (s.compare(ne + 1, 2, "19") == 0 || s.compare(ne + 1, 2, "20") == 0) &&
                            (ne + 5 == s.size() || (vi::at_word_end(s, ne + 5) && s[ne + 5] != '/' && s[ne + 5] != '-'));
    if (ne < s.size() && s[ne] == '/' && !slash_year) continue;
    if (ne < s.size() && (s[ne] == '-' || s[ne] == '.' || s[ne] == ',') && digit_at(s, ne + 1)) continue;
    {
      auto it = std::upper_bound(coded.begin(), coded.end(), std::make_pair(nb, SIZE_MAX));
      if (it != coded.begin() && nb < std::prev(it)->second) continue;
    }
    size_t kb;
    bool with_so;
    const auto k = kind_before(s, nb, &kb, &with_so);
    if (!k) continue;
    // Without "số", the kind word must take a bare number (see Bare); with
    // or without it, a number that counts something names no document.
    if (!with_so && (slash_year || k->bare == Bare::never || (k->bare == Bare::titled && !titled_at(norm, kb))))
      continue;
    if (counts_something(s, ne)) continue;
    Reference& r = out.emplace_back();
    r.number = s.substr(nb, ne - nb);
    r.kind = k->kind;
    // The year of issue is part of the mention (a year, not a date: the
    // reference's date stays null; the year is a time of its own).
    const size_t year_end = slash_year ? ne + 5 : issue_year_end(s, ne);
    finish(r, kb, year_end ? year_end : ne);
  }
  // Coded and number-only mentions were found in two passes: merge by position.
  const auto number_only = out.begin() + static_cast<std::ptrdiff_t>(coded_count);
  if (number_only != out.begin() && number_only != out.end() &&
      number_only->span.start < std::prev(number_only)->span.start)
    std::inplace_merge(out.begin(), number_only, out.end(),
                       [](const Reference& a, const Reference& b) { return a.span.start < b.span.start; });

  // A bare "Chỉ thị 35" keeps id null even where the coded "35-CT/TW" is
  // cited too: the mention gives no code, and a number alone may name either
  // of two documents (corpus/NOTES.md).

  if (notices) {
    auto conflicts = conflicting_date_notices(out);
    notices->insert(notices->end(), std::make_move_iterator(conflicts.begin()), std::make_move_iterator(conflicts.end()));
  }
  return out;
}

}  // namespace plancheck
