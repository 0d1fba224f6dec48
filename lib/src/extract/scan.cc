#include "extract/scan.h"

#include <algorithm>
#include <cstring>

#include "vi.h"

namespace plancheck::scan {

namespace {

// Keywords are short: an inline loop beats a call to memcmp.
inline bool same_bytes(const char* a, const char* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace

bool word_at_checked(std::string_view s, size_t pos, std::string_view kw) {
  if (pos > s.size() || s.size() - pos < kw.size() || kw.empty()) return false;
  if (s[pos] != kw[0]) return false;  // most calls end here
  if (!same_bytes(s.data() + pos, kw.data(), kw.size())) return false;
  return vi::at_word_start(s, pos) && vi::at_word_end(s, pos + kw.size());
}

bool word_before_checked(std::string_view s, size_t end, std::string_view kw, size_t* begin) {
  if (end < kw.size() || end > s.size() || kw.empty()) return false;
  const size_t b = end - kw.size();
  if (s[end - 1] != kw.back()) return false;
  if (!same_bytes(s.data() + b, kw.data(), kw.size())) return false;
  if (!vi::at_word_start(s, b) || !vi::at_word_end(s, end)) return false;
  if (begin) *begin = b;
  return true;
}

size_t skip_spaces(std::string_view s, size_t pos) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  return pos;
}

size_t skip_spaces_back(std::string_view s, size_t end) {
  while (end > 0 && s[end - 1] == ' ') --end;
  return end;
}

std::optional<size_t> any_word_before(std::string_view s, size_t end, std::span<const std::string_view> kws,
                                      size_t* begin) {
  end = skip_spaces_back(s, end);
  for (size_t k = 0; k < kws.size(); ++k)
    if (word_before(s, end, kws[k], begin)) return k;
  return std::nullopt;
}

std::string_view next_word(std::string_view s, size_t pos, size_t* begin, size_t* end) {
  size_t len;
  while (pos < s.size() && !vi::is_word(vi::decode(s, pos, &len))) {
    if (s[pos] == '\n') return {};
    pos += len;
  }
  const size_t b = pos;
  while (pos < s.size() && vi::is_word(vi::decode(s, pos, &len))) pos += len;
  if (begin) *begin = b;
  if (end) *end = pos;
  return s.substr(b, pos - b);
}

std::string_view prev_word(std::string_view s, size_t end, size_t* begin, size_t* word_end) {
  size_t len;
  while (end > 0) {
    const size_t p = vi::prev_start(s, end);
    if (vi::is_word(vi::decode(s, p, &len))) break;
    if (s[p] == '\n') return {};
    end = p;
  }
  const size_t e = end;
  while (end > 0) {
    const size_t p = vi::prev_start(s, end);
    if (!vi::is_word(vi::decode(s, p, &len))) break;
    end = p;
  }
  if (begin) *begin = end;
  if (word_end) *word_end = e;
  return s.substr(end, e - end);
}

namespace {

bool ends_sentence(std::string_view s, size_t i, bool clause) {
  const char c = s[i];
  if (c == '\n') return true;
  if (clause && c == ';') return true;
  if (c == '.' || c == '!' || c == '?') {
    if (i + 1 >= s.size()) return true;
    const char n = s[i + 1];
    return n == ' ' || n == '\n' || n == '"' || n == '\'' || n == ')';
  }
  return false;
}

// Real sentences are short; a text without punctuation must not make every
// look-around scan the whole text.
constexpr size_t kMaxSentence = 2000;

size_t begin_of(std::string_view s, size_t pos, bool clause) {
  if (pos > s.size()) pos = s.size();
  size_t floor = pos > kMaxSentence ? pos - kMaxSentence : 0;
  while (floor > 0 && (static_cast<unsigned char>(s[floor]) & 0xC0) == 0x80) --floor;
  while (pos > floor) {
    if (ends_sentence(s, pos - 1, clause)) break;
    --pos;
  }
  return pos;
}

size_t end_of(std::string_view s, size_t pos, bool clause) {
  size_t ceiling = std::min(s.size(), pos + kMaxSentence);
  while (ceiling < s.size() && (static_cast<unsigned char>(s[ceiling]) & 0xC0) == 0x80) ++ceiling;
  while (pos < ceiling) {
    if (ends_sentence(s, pos, clause)) return pos;
    ++pos;
  }
  return ceiling;
}

}  // namespace

size_t sentence_begin(std::string_view s, size_t pos) { return begin_of(s, pos, false); }
size_t sentence_end(std::string_view s, size_t pos) { return end_of(s, pos, false); }
size_t clause_begin(std::string_view s, size_t pos) { return begin_of(s, pos, true); }
size_t clause_end(std::string_view s, size_t pos) { return end_of(s, pos, true); }

// Keyword search: memchr/memrchr find the first byte (vectorised in glibc),
// an inline loop compares the rest. std::string_view::find/rfind call memcmp
// at every position, which dominated the profiles.
std::optional<size_t> find_word(std::string_view s, size_t b, size_t e, std::string_view kw) {
  if (e > s.size()) e = s.size();
  if (kw.empty() || b >= e || e - b < kw.size()) return std::nullopt;
  const char* base = s.data();
  const char first = kw[0];
  const size_t last_start = e - kw.size();
  size_t p = b;
  while (p <= last_start) {
    const void* hit = std::memchr(base + p, first, last_start - p + 1);
    if (!hit) return std::nullopt;
    p = static_cast<size_t>(static_cast<const char*>(hit) - base);
    if (same_bytes(base + p + 1, kw.data() + 1, kw.size() - 1) && vi::at_word_start(s, p) &&
        vi::at_word_end(s, p + kw.size()))
      return p;
    ++p;
  }
  return std::nullopt;
}

std::optional<size_t> rfind_word(std::string_view s, size_t b, size_t e, std::string_view kw) {
  if (e > s.size()) e = s.size();
  if (kw.empty() || b >= e || e - b < kw.size()) return std::nullopt;
  const char* base = s.data();
  const char first = kw[0];
  size_t limit = e - kw.size() + 1;  // candidate starts are in [b, limit)
  while (limit > b) {
    const void* hit = memrchr(base + b, first, limit - b);
    if (!hit) return std::nullopt;
    const size_t p = static_cast<size_t>(static_cast<const char*>(hit) - base);
    if (same_bytes(base + p + 1, kw.data() + 1, kw.size() - 1) && vi::at_word_start(s, p) &&
        vi::at_word_end(s, p + kw.size()))
      return p;
    limit = p;
  }
  return std::nullopt;
}

int roman_value(std::string_view r) {
  if (r.empty() || r.size() > 7) return 0;
  auto val = [](char c) {
    switch (c | 0x20) {
      case 'i': return 1;
      case 'v': return 5;
      case 'x': return 10;
      case 'l': return 50;
      default: return 0;
    }
  };
  int total = 0;
  for (size_t i = 0; i < r.size(); ++i) {
    const int v = val(r[i]);
    if (v == 0) return 0;
    const int next = i + 1 < r.size() ? val(r[i + 1]) : 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 40 ? total : 0;
}

}  // namespace plancheck::scan
