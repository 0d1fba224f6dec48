// Cited documents: "Kế hoạch số 172-KH/HU ngày 20/9/2024 của Huyện ủy Lạc
// Dương", "số 172/KH-HU", "Chỉ thị 35", "Thông báo số 01, ngày 9/10/2019".
// Codes are matched case-sensitively on the normalized text (they are
// written in capitals); the words around them on the folded text.
#include <algorithm>
#include <array>
#include <tuple>

#include "extract/document_code.h"
#include "extract/scan.h"
#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

// Whether a code can be read at a number whose digits end at `de`: what
// follows the digits is what either style must start with — " - K…", "-K…",
// "/K…" or "/2019/". Dates ("20/9/2024", "15 - 30/3") fail here, at a
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
  // party style: NUMBER ?- ?TYPE/ISSUER
  if (i < n && norm[i] == ' ') ++i;
  if (i >= n || norm[i] != '-') return false;
  ++i;
  if (i < n && norm[i] == ' ') ++i;
  return capital_at(i);
}

struct KindWord {
  std::string_view words;
  std::string_view kind;
};
constexpr KindWord kKinds[] = {
    {"kế hoạch", "ke_hoach"},   {"chỉ thị", "chi_thi"},      {"hướng dẫn", "huong_dan"}, {"nghị quyết", "nghi_quyet"},
    {"quy định", "quy_dinh"},   {"quyết định", "quyet_dinh"}, {"kết luận", "ket_luan"},   {"thông báo", "thong_bao"},
    {"công văn", "cong_van"},   {"báo cáo", "bao_cao"},       {"thông tri", "other"},     {"quy chế", "other"},
    {"đề án", "other"},         {"chương trình", "other"},    {"tờ trình", "other"},      {"thông tư", "other"},
    {"nghị định", "other"},     {"văn bản", "other"},
};

std::string_view kind_from_code(std::string_view type) {
  if (type == "KH") return "ke_hoach";
  if (type == "CT") return "chi_thi";
  if (type == "HD") return "huong_dan";
  if (type == "NQ") return "nghi_quyet";
  if (type == "KL") return "ket_luan";
  if (type == "TB") return "thong_bao";
  if (type == "BC") return "bao_cao";
  if (type == "CV") return "cong_van";
  return "other";
}

// The kind words alone, looked up as the words before a number: most
// numbers (the parts of dates) have none of them in front, and are passed at
// a glance.
constexpr auto kKindWords = scan::views_of<&KindWord::words>(kKinds);

// The kind word in front of a number ("Kế hoạch số 172", "Chỉ thị 35"), if any.
std::optional<KindWord> kind_before(std::string_view s, size_t num_begin, size_t* begin) {
  static constexpr scan::WordsBefore kKindsBefore(kKindWords);
  size_t p = scan::skip_spaces_back(s, num_begin);
  size_t b;
  if (scan::word_before(s, p, "số", &b)) p = scan::skip_spaces_back(s, b);
  if (auto k = kKindsBefore.find(s, p, begin)) return kKinds[*k];
  return std::nullopt;
}

// The issuing body after "của": words up to punctuation or a word that
// starts something else.
std::optional<std::string> issuer_after(const Text& text, size_t pos, size_t* end) {
  const std::string_view s = text.folded();
  size_t p = scan::skip_spaces(s, pos);
  if (!scan::word_at(s, p, "của")) return std::nullopt;
  p = scan::skip_spaces(s, p + std::string_view("của").size());
  // Looked up once per word (a table of the stops' first words), not word by stop.
  static const scan::KeywordSet kStops = {"về", "và", "thực hiện", "tiến tới", "nhằm", "ngày", "số",
                                          "trong", "đã", "với", "quy định", "hướng dẫn", "kế hoạch",
                                          "để", "tại", "khóa", "theo", "cho", "đối với", "trên", "là"};
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

std::vector<Reference> extract_references(const Text& text, const std::vector<TimeExpr>& times,
                                          std::vector<Notice>* notices) {
  const std::string& norm = text.normalized();
  const std::string_view s = text.folded();
  std::vector<Reference> out;

  // Times by start offset, to find the date stated right after a number.
  auto date_at = [&](size_t pos, size_t* end) -> std::optional<CivilDate> {
    size_t p = pos;
    if (p < s.size() && s[p] == ',') ++p;
    p = scan::skip_spaces(s, p);
    auto it = std::lower_bound(times.begin(), times.end(), p,
                               [](const TimeExpr& t, size_t v) { return t.span.start < v; });
    if (it == times.end() || it->span.start != p) return std::nullopt;
    if (it->period.grain != Grain::day || it->relation != Relation::in || it->year_inferred) return std::nullopt;
    *end = it->span.end;
    return it->period.start;
  };

  // References are built in place (a Reference is seven strings: each move
  // of one copies them all).
  auto finish = [&](Reference& r, size_t b, size_t e) {
    size_t date_end;
    if (auto d = date_at(e, &date_end)) {
      r.date = d;
      e = date_end;
    }
    size_t issuer_end;
    if (auto iss = issuer_after(text, e, &issuer_end)) r.issuer = std::move(iss);
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
    // "TƯ" is how some write TW (Trung ương): one issuer, one code.
    r.issuer_code = code->issuer == "TƯ" ? std::string_view("TW") : code->issuer;
    std::string& id = r.id.emplace();
    id.reserve(r.number.size() + r.type.size() + r.issuer_code.size() + 2);
    id.append(r.number).append(1, '-').append(r.type).append(1, '/').append(r.issuer_code);
    size_t b = mb;
    size_t kb;
    if (auto k = kind_before(s, mb, &kb)) {
      r.kind = k->kind;
      b = kb;
    } else {
      r.kind = kind_from_code(r.type);
    }
    coded.emplace_back(mb, me);
    finish(r, b, me);
  }

  const size_t coded_count = out.size();  // both passes are in text order: merge them below

  // Number-only references: a kind word, "số", a number and no code.
  for (const auto& run : text.digit_runs()) {
    const size_t nb = run.begin, ne = run.end;
    if (nb > 0 && !vi::at_word_start(s, nb)) continue;
    if (!vi::at_word_end(s, ne) || ne - nb > 5) continue;
    if (ne < s.size() && (s[ne] == '-' || s[ne] == '/' || s[ne] == '.' || s[ne] == ',') && ne + 1 < s.size() &&
        s[ne + 1] >= '0' && s[ne + 1] <= '9')
      continue;
    {
      auto it = std::upper_bound(coded.begin(), coded.end(), std::make_pair(nb, SIZE_MAX));
      if (it != coded.begin() && nb < std::prev(it)->second) continue;
    }
    size_t kb;
    auto k = kind_before(s, nb, &kb);
    if (!k) continue;
    const bool with_so = s.substr(kb, nb - kb).find("số") != std::string_view::npos;
    // Without "số" only the directive-like kinds take a bare number ("Chỉ thị 35").
    if (!with_so && k->kind != "chi_thi" && k->kind != "ket_luan" && k->kind != "nghi_quyet" &&
        k->kind != "quy_dinh" && k->kind != "huong_dan" && k->kind != "ke_hoach" && k->kind != "thong_bao")
      continue;
    // "Kế hoạch 5 năm", "Chỉ thị 35 năm" are not numbers of documents.
    size_t after = scan::skip_spaces(s, ne);
    if (scan::word_at(s, after, "năm") || scan::word_at(s, after, "tháng") || (after < s.size() && s[after] == '%'))
      continue;
    Reference& r = out.emplace_back();
    r.number = s.substr(nb, ne - nb);
    r.kind = k->kind;
    finish(r, kb, ne);
  }
  // Coded and number-only mentions were found in two passes: merge by position.
  const auto number_only = out.begin() + static_cast<std::ptrdiff_t>(coded_count);
  if (number_only != out.begin() && number_only != out.end() &&
      number_only->span.start < std::prev(number_only)->span.start)
    std::inplace_merge(out.begin(), number_only, out.end(),
                       [](const Reference& a, const Reference& b) { return a.span.start < b.span.start; });

  // A bare "Chỉ thị 35" names the coded document of the same kind and number
  // cited elsewhere in the text, when only one such document is. The coded
  // mentions by kind and number in a sorted table (text order among equals):
  // no node per mention.
  const auto by_kind_number = [](const Reference* a, const Reference* b) {
    return std::tie(a->kind, a->number) < std::tie(b->kind, b->number);
  };
  std::vector<const Reference*> coded_refs;
  for (const auto& o : out)
    if (o.id) coded_refs.push_back(&o);
  // (Text order among equals: `out` is in text order, so its addresses are.)
  std::sort(coded_refs.begin(), coded_refs.end(), [](const Reference* a, const Reference* b) {
    return std::tie(a->kind, a->number, a) < std::tie(b->kind, b->number, b);
  });
  for (auto& r : out) {
    if (r.id) continue;
    const auto [first, last] = std::equal_range(coded_refs.begin(), coded_refs.end(), &r, by_kind_number);
    if (first == last) continue;
    const Reference& o = **first;
    if (std::any_of(first, last, [&](const Reference* x) { return *x->id != *o.id; })) continue;  // two documents
    r.id = o.id;
    r.type = o.type;
    r.issuer_code = o.issuer_code;
  }

  // One document cited with two different dates: each dated mention against
  // the first of its document (a sorted table again), in text order.
  if (notices) {
    std::vector<const Reference*> dated;
    for (const auto& r : out)
      if (r.id && r.date) dated.push_back(&r);
    std::sort(dated.begin(), dated.end(),
              [](const Reference* a, const Reference* b) { return std::tie(*a->id, a) < std::tie(*b->id, b); });
    std::vector<std::pair<const Reference*, const Reference*>> conflicts;  // (mention, first of its document)
    for (size_t i = 0, j; i < dated.size(); i = j) {
      for (j = i + 1; j < dated.size() && *dated[j]->id == *dated[i]->id; ++j)
        if (dated[j]->date != dated[i]->date) conflicts.emplace_back(dated[j], dated[i]);
    }
    std::sort(conflicts.begin(), conflicts.end());  // by the mention: text order (out is)
    for (const auto& [r, first] : conflicts) {
      Notice n;
      n.code = "conflicting_date";
      n.text = r->text;
      n.message = *r->id + " is cited with date " + r->date->iso() + " here and " + first->date->iso() +
                  " at line " + std::to_string(first->span.line);
      n.span = r->span;
      notices->push_back(std::move(n));
    }
  }
  return out;
}

}  // namespace plancheck
