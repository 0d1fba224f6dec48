#include "plancheck/text.h"

#include <fmt/format.h>
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <stdexcept>

#include "chunk.h"
#include "chunk_avx512.h"
#include "fold.h"
#include "vi.h"

namespace plancheck {

namespace {

using Anchors = std::vector<std::pair<uint32_t, uint32_t>>;

// Maps an offset through anchors (from → to); see Text::anchors_.
size_t map_through(const Anchors& anchors, size_t x) {
  if (anchors.empty()) return x;
  auto it = std::upper_bound(anchors.begin(), anchors.end(), x,
                             [](size_t v, const auto& a) { return v < a.first; });
  if (it == anchors.begin()) return x;
  const auto& a = *std::prev(it);
  size_t to = a.second + (x - a.first);
  if (it != anchors.end()) to = std::min<size_t>(to, it->second);
  return to;
}

Anchors inverse(const Anchors& a) {
  Anchors inv;
  inv.reserve(a.size());
  for (const auto& [f, t] : a) inv.emplace_back(t, f);
  return inv;
}

// Composes two anchor maps: x → second(first(x)).
Anchors compose(const Anchors& first, const Anchors& second) {
  if (second.empty()) return first;
  if (first.empty()) return second;
  Anchors out;
  const Anchors first_inv = inverse(first);
  for (const auto& [f, m] : first) out.emplace_back(f, map_through(second, m));
  for (const auto& [m, t] : second) out.emplace_back(map_through(first_inv, m), t);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const icu::Normalizer2& nfc() {
  static const icu::Normalizer2* n = [] {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* p = icu::Normalizer2::getNFCInstance(err);
    if (U_FAILURE(err)) throw std::runtime_error(std::string("ICU NFC unavailable: ") + u_errorName(err));
    return p;
  }();
  return *n;
}

// NFC of `in`; anchors map the result's offsets back to `in`.
std::string to_nfc(const std::string& in, Anchors* anchors) {
  UErrorCode err = U_ZERO_ERROR;
  const auto& n = nfc();
  icu::StringPiece sp(in.data(), static_cast<int32_t>(in.size()));
  if (n.isNormalizedUTF8(sp, err) && U_SUCCESS(err)) return in;
  err = U_ZERO_ERROR;
  std::string out;
  out.reserve(in.size());
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  n.normalizeUTF8(0, sp, sink, &edits, err);
  if (U_FAILURE(err)) throw std::runtime_error(std::string("NFC normalization failed: ") + u_errorName(err));
  auto it = edits.getFineChangesIterator();
  while (it.next(err)) {
    anchors->emplace_back(it.destinationIndex(), it.sourceIndex());
    anchors->emplace_back(it.destinationIndex() + it.newLength(), it.sourceIndex() + it.oldLength());
  }
  return out;
}

// What the normalization pass does with one code point.
struct Replacement {
  enum Kind { keep, space, remove, newline, dash, quote, apostrophe, lookalike_upper, lookalike_lower } kind = keep;
};

Replacement classify(uint32_t cp) {
  switch (cp) {
    case '\t': case '\v': case '\f': case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return {Replacement::space};
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0xAD:
      return {Replacement::remove};
    case 0x85: case 0x2028: case 0x2029:
      return {Replacement::newline};
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return {Replacement::dash};
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0xAB: case 0xBB:
      return {Replacement::quote};
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
      return {Replacement::apostrophe};
    case 0xD0: case 0x189:
      return {Replacement::lookalike_upper};
    case 0xF0: case 0x256:
      return {Replacement::lookalike_lower};
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return {Replacement::space};
  if (cp < 0x20 && cp != '\n' && cp != '\r') return {Replacement::space};
  return {};
}

}  // namespace

size_t Text::first_word_from(size_t pos) const {
  return static_cast<size_t>(std::lower_bound(words_.begin(), words_.end(), pos,
                                              [](const Word& w, size_t p) { return w.begin < p; }) -
                             words_.begin());
}

std::string fold(std::string_view in) {
  std::string s(in);
  folding::fold_chunked(s, nullptr, nullptr);
  return s;
}

namespace {

// The two compilations of the byte scans; the callers below pick one per
// call.
#define PLANCHECK_KERNEL "text_kernel.inc"
#define PLANCHECK_KERNEL_NS scans
#include "chunk_twice.h"

size_t copy_run_end(const char* src, size_t j, size_t n) { return PLANCHECK_KERNEL_CALL(scans, copy_run_end(src, j, n)); }
bool may_need_nfc(std::string_view s) { return PLANCHECK_KERNEL_CALL(scans, may_need_nfc(s)); }
bool screen_original(std::string_view o, std::vector<uint32_t>* line_starts, std::vector<uint32_t>* block_code_points) {
  return PLANCHECK_KERNEL_CALL(scans, screen_original(o, line_starts, block_code_points));
}
size_t code_points_in_block(std::string_view o, size_t from, size_t n) {
  return PLANCHECK_KERNEL_CALL(scans, code_points_in_block(o, from, n));
}

}  // namespace

void Text::index_lines() {
  const size_t n = original_.size();
  block_line_.reserve(n / kBlock + 1);
  size_t line = 0;  // the line holding the block's first byte
  for (size_t block = 0; block < n; block += kBlock) {
    while (line + 1 < line_starts_.size() && line_starts_[line + 1] <= block) ++line;
    block_line_.push_back(static_cast<uint32_t>(line));
  }
}

size_t Text::code_points_before(size_t orig) const {
  const size_t block = orig / chunk::kBytes, from = block * chunk::kBytes;
  return block_code_points_[block] + (orig > from ? code_points_in_block(original_, from, orig - from) : 0);
}

Text::Text(std::string original) : original_(std::move(original)) {
  line_starts_.reserve(original_.size() / 48 + 2);  // lines of plans run to a few dozen bytes and more
  line_starts_.push_back(0);
  block_code_points_.reserve(original_.size() / chunk::kBytes + 2);
  const bool plain = screen_original(original_, &line_starts_, &block_code_points_);
  index_lines();
  std::vector<std::pair<uint32_t, std::string>> lookalikes;  // normalized offset, as written
  // Plain text is its own normalized form: no copy is kept.
  normalized_is_original_ = plain;
  if (!plain) normalize(&lookalikes);
  folded_ = normalized();
  words_.reserve(folded_.size() / 5 + 1);
  digit_runs_.reserve(folded_.size() / 64 + 4);
  folding::fold_chunked(folded_, &digit_runs_, &words_);

  for (const auto& [at, written] : lookalikes) {
    size_t len;
    const uint32_t cp = vi::decode(written, 0, &len);
    Notice notice;
    notice.code = "lookalike";
    notice.text = written;
    notice.suggestion = normalized().substr(at, 2);
    notice.message = fmt::format("look-alike letter '{}' (U+{:04X}) written for '{}' (U+{:04X}); read as '{}'",
                                 written, cp, *notice.suggestion, (cp == 0xD0 || cp == 0x189) ? 0x110 : 0x111,
                                 *notice.suggestion);
    notice.span = span(at, at + 2);
    notices_.push_back(std::move(notice));
  }
}

// NFC, then the replacements of the contract; anchors_ map back to the
// original.
void Text::normalize(std::vector<std::pair<uint32_t, std::string>>* lookalikes) {
  Anchors nfc_anchors;  // nfc → original
  std::string nfc_copy;
  if (may_need_nfc(original_)) nfc_copy = to_nfc(original_, &nfc_anchors);
  const std::string& composed = nfc_anchors.empty() && nfc_copy.empty() ? original_ : nfc_copy;

  Anchors norm_anchors;  // normalized → nfc
  normalized_.reserve(composed.size());
  const size_t n = composed.size();
  const char* src = composed.data();
  size_t i = 0;
  while (i < n) {
    // Copy the run of bytes that need nothing.
    const size_t j = copy_run_end(src, i, n);
    normalized_.append(src + i, j - i);
    i = j;
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(src[i]);
    if (c == '\r') {  // CRLF and lone CR end a line
      const size_t skip = (i + 1 < n && src[i + 1] == '\n') ? 2 : 1;
      norm_anchors.emplace_back(normalized_.size(), i);
      normalized_ += '\n';
      i += skip;
      norm_anchors.emplace_back(normalized_.size(), i);
      continue;
    }
    size_t len;
    const uint32_t cp = vi::decode(composed, i, &len);
    const Replacement r = classify(cp);
    std::string_view with;
    switch (r.kind) {
      case Replacement::keep: normalized_.append(src + i, len); i += len; continue;
      case Replacement::space: with = " "; break;
      case Replacement::remove: with = ""; break;
      case Replacement::newline: with = "\n"; break;
      case Replacement::dash: with = "-"; break;
      case Replacement::quote: with = "\""; break;
      case Replacement::apostrophe: with = "'"; break;
      case Replacement::lookalike_upper: with = "\xC4\x90"; break;  // Đ U+0110
      case Replacement::lookalike_lower: with = "\xC4\x91"; break;  // đ U+0111
    }
    if (r.kind == Replacement::lookalike_upper || r.kind == Replacement::lookalike_lower)
      lookalikes->emplace_back(static_cast<uint32_t>(normalized_.size()), composed.substr(i, len));
    if (with.size() != len) norm_anchors.emplace_back(normalized_.size(), i);
    normalized_ += with;
    i += len;
    if (with.size() != len) norm_anchors.emplace_back(normalized_.size(), i);
  }
  anchors_ = compose(norm_anchors, nfc_anchors);
}

size_t Text::to_original(size_t normalized_offset) const {
  return std::min(map_through(anchors_, normalized_offset), original_.size());
}

Span Text::span(size_t start, size_t end) const {
  Span s;
  s.start = static_cast<uint32_t>(start);
  s.end = static_cast<uint32_t>(end);
  const size_t orig = to_original(start);
  const size_t block = orig / kBlock;
  // Past the last block only at the text's end (an empty span there).
  size_t line_index = block < block_line_.size() ? block_line_[block] : line_starts_.size() - 1;
  while (line_index + 1 < line_starts_.size() && line_starts_[line_index + 1] <= orig) ++line_index;
  s.line = static_cast<uint32_t>(line_index + 1);
  s.column = static_cast<uint32_t>(code_points_before(orig) - code_points_before(line_starts_[line_index]) + 1);
  return s;
}

std::string_view Text::line(uint32_t n) const {
  if (n == 0 || n > line_starts_.size()) return {};
  const size_t b = line_starts_[n - 1];
  size_t e = n < line_starts_.size() ? line_starts_[n] - 1 : original_.size();
  if (e > b && original_[e - 1] == '\r') --e;
  return std::string_view(original_).substr(b, e - b);
}

uint32_t utf16_column(std::string_view line, uint32_t code_point_column) {
  uint32_t cp = 1, units = 1;
  for (size_t i = 0; i < line.size() && cp < code_point_column;) {
    const auto lead = static_cast<unsigned char>(line[i]);
    const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    units += len == 4 ? 2 : 1;  // four UTF-8 bytes: outside the BMP, a surrogate pair
    ++cp;
    i += len;
  }
  return units + (code_point_column - cp);
}

}  // namespace plancheck
