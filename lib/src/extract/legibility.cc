// Whether a text can be read as Vietnamese at all (extract.h
// extract_legibility_notices): a file in a legacy encoding shown through a
// Latin-1 code page, or typed without diacritics, reads as no plan at all —
// the extractors match words with their marks. One notice for the file says
// so, so that a clean result is never the result of not reading.
#include <algorithm>
#include <string>

#include "plancheck/extract.h"
#include "vi.h"

namespace plancheck {

namespace {

// Letters and signs of Latin-1 (U+00A0–U+00FF) that Vietnamese never writes:
// VNI bytes read as Windows-1252 give "HUYEÄN UÛY" (Ä Û Ö Ñ ï ø …), TCVN3
// (ABC) bytes give "Hun ñy" signs (¸ µ ¶ · ¹ ¬ ª …). Vietnamese uses of the
// block: à á â ã è é ê ì í ò ó ô õ ù ú ý and their capitals, and a few signs
// an article may hold (« » ° © ®, NO-BREAK SPACE is a space by then).
bool foreign_latin1(uint32_t cp) {
  if (cp < 0xA0 || cp > 0xFF) return false;
  switch (cp | 0x20) {  // the small letter for a capital of U+00C0–U+00DE
    case 0xE0: case 0xE1: case 0xE2: case 0xE3: case 0xE8: case 0xE9: case 0xEA: case 0xEC:
    case 0xED: case 0xF2: case 0xF3: case 0xF4: case 0xF5: case 0xF9: case 0xFA: case 0xFD:
      return false;
    default: break;
  }
  return !(cp == 0xAB || cp == 0xBB || cp == 0xB0 || cp == 0xA9 || cp == 0xAE || cp == 0xD7);
}

// A text this long or longer is judged; a few words say nothing either way.
constexpr size_t kLeastWords = 40;

}  // namespace

std::vector<Notice> extract_legibility_notices(const Text& text) {
  const std::string& norm = text.normalized();
  std::vector<Notice> out;
  size_t words = 0, marked = 0;
  for (const Text::Word& w : text.words()) {
    const char c = text.folded()[w.begin];
    if (c >= '0' && c <= '9') continue;  // numbers and codes carry no marks
    ++words;
    if (!(w.flags & Text::kAsciiOnly)) ++marked;
  }
  // The toneless keywords Text read with their marks were typed without.
  marked -= std::min(marked, text.toneless_words());
  if (words < kLeastWords) return out;
  // Mojibake: every marked syllable leaves a foreign sign, so they are a
  // good share of the words; a real article holds one or two at most.
  size_t foreign = 0, first = 0, first_end = 0;
  for (size_t i = 0; i < norm.size();) {
    if (static_cast<unsigned char>(norm[i]) < 0xC2) {  // ASCII, or a continuation byte
      ++i;
      continue;
    }
    size_t len;
    const uint32_t cp = vi::decode(norm, i, &len);
    if (foreign_latin1(cp) && foreign++ == 0) first = i, first_end = i + len;
    i += len;
  }
  if (foreign >= 8 && foreign * 10 >= words) {
    // Shown and pointed at as the whole word it stands in ("HUYEÄN").
    while (first > 0 && norm[first - 1] != ' ' && norm[first - 1] != '\n') --first;
    while (first_end < norm.size() && norm[first_end] != ' ' && norm[first_end] != '\n' && first_end - first < 40)
      ++first_end;
    while (first_end < norm.size() && (static_cast<unsigned char>(norm[first_end]) & 0xC0) == 0x80) ++first_end;
    Notice n;
    n.code = "legacy_encoding";
    n.text = norm.substr(first, first_end - first);
    n.message = "the text looks like a legacy Vietnamese encoding (VNI, TCVN3) shown through a Latin-1 code page: " +
                std::to_string(foreign) + " signs Vietnamese does not use; nothing in it can be read";
    n.span = text.span(first, first_end);
    out.push_back(std::move(n));
    return out;
  }
  // Without diacritics: Vietnamese marks four syllables in five (the corpus: 81 % at the least); a text
  // with almost none was typed without them (or is not Vietnamese).
  if (marked * 4 < words) {
    Notice n;
    n.code = "no_diacritics";
    const Text::Word& w0 = text.words().front();
    n.span = text.span(w0.begin, w0.end);
    n.text = norm.substr(w0.begin, w0.end - w0.begin);
    if (!text.toneless_runs().empty() && text.toneless_runs().front().begin == w0.begin) {
      // Read with marks it was typed without: shown as typed (ASCII, a letter a letter).
      const std::string line = text.line(n.span.line);
      size_t at = 0;
      for (uint32_t c = 1; c < n.span.column && at < line.size(); ++c)
        while (++at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) {}
      size_t letters = 0;
      for (char c : n.text) letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      n.text = line.substr(at, letters);
    }
    n.message = std::to_string(words - marked) + " of " + std::to_string(words) +
                " words carry no Vietnamese diacritics: the text was typed without them (or is not Vietnamese), "
                "and what is read from it is incomplete";
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace plancheck
