#include "plancheck/analyze.h"

#include <algorithm>
#include <iterator>
#include <string_view>
#include <utility>
#include <vector>

namespace plancheck {

namespace {

// Where the window from `from` ends: after the last line end in its second
// half, else after the last sentence end there ('.', ';', '!', '?' and a
// space), else after the last space, else at a character's start. Every
// pattern the extractors read lies within a line, and all but a few across
// sentences within a sentence.
size_t window_end(std::string_view s, size_t from) {
  if (s.size() - from <= kWindowBytes) return s.size();
  const size_t half = from + kWindowBytes / 2;
  const std::string_view w = s.substr(half, kWindowBytes / 2);
  if (const size_t i = w.rfind('\n'); i != std::string_view::npos) return half + i + 1;
  for (size_t i = w.size() - 1; i > 0; --i)
    if (w[i] == ' ' && (w[i - 1] == '.' || w[i - 1] == ';' || w[i - 1] == '!' || w[i - 1] == '?')) return half + i + 1;
  if (const size_t i = w.rfind(' '); i != std::string_view::npos) return half + i + 1;
  size_t e = from + kWindowBytes;
  while (e > from && (static_cast<unsigned char>(s[e]) & 0xC0) == 0x80) --e;
  return e;
}

template <typename F>
void for_each_span(Extraction& x, F&& f) {
  for (auto& r : x.references) f(r.span);
  for (auto& t : x.times) f(t.span);
  for (auto& u : x.units) f(u.span);
  for (auto& m : x.milestones) {
    f(m.span);
    f(m.time.span);
    if (m.quoted_from) f(m.quoted_from->span);
  }
  for (auto& p : x.pilots) {
    f(p.span);
    if (p.time) f(p.time->span);
  }
  for (auto& n : x.notices) f(n.span);
}

// Notices said once of a whole text, not of a place in it.
bool whole_text_notice(const Notice& n) { return n.code == "legacy_encoding" || n.code == "no_diacritics"; }

template <typename T>
void append_all(std::vector<T>& to, std::vector<T>&& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

// A text over kWindowBytes: each window a Text of its own, extracted, then
// appended to the whole (Text::append), its spans moved to the whole's
// offsets, lines and columns. The first window's document facts (the
// header) hold for the rest. What reaches across a window's edge is not
// read: a sentence cut in two, the years of earlier windows for a date
// written without one; no plan comes near a window's size.
Analysis analyzed_in_windows(std::string utf8, std::string path, SourceEncoding encoding) {
  // The windows are copied out and the document freed before the first is
  // read: the model then grows beside one copy of the text, never two.
  std::vector<std::string> windows;
  for (size_t from = 0; from < utf8.size();) {
    const size_t to = window_end(utf8, from);
    windows.emplace_back(utf8, from, to - from);
    from = to;
  }
  const size_t total = utf8.size();
  std::string().swap(utf8);
  Analysis a;
  a.encoding = encoding;
  a.text.reserve(total);
  Extraction& whole = a.extraction;
  for (size_t i = 0; i < windows.size(); ++i) {
    Text window(std::move(windows[i]));
    Extraction x = i == 0 ? extract(window, path) : extract(window, path, whole.document);
    const size_t base = a.text.normalized().size();
    a.text.append(std::move(window));
    for_each_span(x, [&](Span& s) { s = a.text.span(s.start + base, s.end + base); });
    if (i == 0) {
      // The model is most of what is held: its vectors sized for what the
      // first window promises, not doubled as they fill.
      const auto project = [&](auto& v, size_t n) { v.reserve(n * windows.size() + n / 8 + 16); };
      whole.file = std::move(x.file);
      whole.document = std::move(x.document);
      project(whole.references, x.references.size());
      project(whole.times, x.times.size());
      project(whole.units, x.units.size());
      project(whole.milestones, x.milestones.size());
      project(whole.pilots, x.pilots.size());
      project(whole.notices, x.notices.size());
      std::erase_if(x.notices, [](const Notice& n) { return n.code == "conflicting_date"; });
    } else {
      drop_repeated_units(whole.units, &x.units);
      drop_restated_milestones(whole.milestones, &x.milestones);
      std::erase_if(x.notices, [&](const Notice& n) {
        return n.code == "conflicting_date" || (whole_text_notice(n) &&
               std::any_of(whole.notices.begin(), whole.notices.end(), [&](const Notice& o) { return o.code == n.code; }));
      });
    }
    append_all(whole.references, std::move(x.references));
    append_all(whole.times, std::move(x.times));
    append_all(whole.units, std::move(x.units));
    append_all(whole.milestones, std::move(x.milestones));
    append_all(whole.pilots, std::move(x.pilots));
    append_all(whole.notices, std::move(x.notices));
  }
  // A document cited with two dates, in one window or two.
  append_all(whole.notices, conflicting_date_notices(whole.references));
  std::stable_sort(whole.notices.begin(), whole.notices.end(),
                   [](const Notice& l, const Notice& r) { return l.span.start < r.span.start; });
  return a;
}

Analysis analyzed(std::string utf8, std::string path, SourceEncoding encoding) {
  Analysis a;
  if (utf8.size() > kWindowBytes) {
    a = analyzed_in_windows(std::move(utf8), path, encoding);
  } else {
    a.encoding = encoding;
    a.text = Text(std::move(utf8));
    a.extraction = extract(a.text, std::move(path));
  }
  if (is_legacy(encoding)) {
    // Said first: everything else was read through this decoding.
    Notice n;
    n.code = "decoded_from";
    n.text = to_string(encoding);
    n.message = std::string("the file is not UTF-8; read as ") + display_name(encoding);
    n.span = a.text.span(0, 0);
    a.extraction.notices.insert(a.extraction.notices.begin(), std::move(n));
  }
  return a;
}

}  // namespace

Analysis analyze(std::string bytes, std::string path, std::optional<SourceEncoding> forced) {
  ReadOptions options;
  options.encoding = forced;
  return analyze(std::move(bytes), std::move(path), options);
}

Analysis analyze(std::string bytes, std::string path, const ReadOptions& options) {
  Source src = decode_source(std::move(bytes), path, options);
  Analysis a = analyzed(std::move(src.utf8), std::move(path), src.encoding);
  a.format = src.format;
  a.origins = std::move(src.origins);
  if (!src.ocr_pages.empty()) {
    // Said first too: the words of those pages were recognised, not read.
    Notice n;
    n.code = "ocr";
    for (const uint32_t p : src.ocr_pages) {
      if (!n.text.empty()) n.text += ',';
      n.text += std::to_string(p);
    }
    n.message = "page(s) " + n.text + " of the PDF had no text layer and were recognised by OCR: words may be wrong";
    n.span = a.text.span(0, 0);
    const auto after = std::find_if(a.extraction.notices.begin(), a.extraction.notices.end(),
                                    [](const Notice& o) { return o.code != "decoded_from"; });
    a.extraction.notices.insert(after, std::move(n));
  }
  return a;
}

Analysis analyze_utf8(std::string utf8, std::string path) {
  return analyzed(std::move(utf8), std::move(path), SourceEncoding::utf8);
}

}  // namespace plancheck
