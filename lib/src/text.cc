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
#include "text_excerpt.h"
#include "toneless.h"
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
  block_line_.reserve(original_size_ / kBlock + 1);
  extend_block_lines();
}

// The line holding the first byte of each block not indexed yet.
void Text::extend_block_lines() {
  const size_t n = original_size_;
  size_t line = block_line_.empty() ? 0 : block_line_.back();
  for (size_t block = block_line_.size() * kBlock; block < n; block += kBlock) {
    while (line + 1 < line_starts_.size() && line_starts_[line + 1] <= block) ++line;
    block_line_.push_back(static_cast<uint32_t>(line));
  }
}

void Text::index_blocks_from(size_t from) {
  // Blocks beginning before `from` hold only bytes and lines that were
  // there already.
  block_line_.resize(std::min(block_line_.size(), (from + kBlock - 1) / kBlock));
  extend_block_lines();
  // The entry of the block holding `from` counts the characters before it:
  // right. Those after it are counted over the original's bytes.
  const size_t first = from / chunk::kBytes;
  block_code_points_.resize(first + 1);
  uint32_t code_points = block_code_points_.back();
  char bytes[64 * chunk::kBytes];
  for (size_t o = first * chunk::kBytes; o < original_size_;) {
    const size_t e = std::min(original_size_, o + sizeof bytes);
    copy_original(o, e, bytes);
    for (size_t b = o; b < e; b += chunk::kBytes) {
      for (size_t i = b; i < std::min(e, b + chunk::kBytes); ++i)
        code_points += (static_cast<unsigned char>(bytes[i - o]) & 0xC0) != 0x80;
      block_code_points_.push_back(code_points);
    }
    o = e;
  }
}

void Text::drop_indexes() {
  std::string().swap(folded_);
  std::vector<Word>().swap(words_);
  std::vector<Run>().swap(digit_runs_);
  std::vector<Run>().swap(toneless_);
}

void Text::reserve(size_t original_bytes) {
  // Normalization rarely adds bytes (a toneless keyword's marks): a little
  // room over the original's size.
  normalized_.reserve(original_bytes + original_bytes / 64);
  line_starts_.reserve(original_bytes / 48 + 2);
  block_line_.reserve(original_bytes / kBlock + 1);
  block_code_points_.reserve(original_bytes / chunk::kBytes + 2);
}

void Text::append(Text&& next) {
  drop_indexes();
  next.drop_indexes();
  const size_t orig = original_size_, norm = normalized_.size(), pool = pool_.size();
  pieces_.reserve(pieces_.size() + next.pieces_.size());
  for (const Piece& p : next.pieces_)
    pieces_.push_back({static_cast<uint32_t>(p.orig_begin + orig), static_cast<uint32_t>(p.orig_end + orig),
                       static_cast<uint32_t>(p.norm_begin + norm), static_cast<uint32_t>(p.norm_end + norm),
                       static_cast<uint32_t>(p.pool + pool)});
  pool_ += next.pool_;
  // Past this text's last anchor the two texts run on byte for byte, to
  // (norm, orig): next's anchors continue from there.
  for (const auto& [n, o] : next.anchors_)
    anchors_.emplace_back(static_cast<uint32_t>(n + norm), static_cast<uint32_t>(o + orig));
  normalized_ += next.normalized_;
  original_size_ += next.original_size_;
  // next's first line continues this text's last (which is empty when this
  // text ends with a line end).
  for (size_t i = 1; i < next.line_starts_.size(); ++i)
    line_starts_.push_back(static_cast<uint32_t>(next.line_starts_[i] + orig));
  index_blocks_from(orig);
  for (Notice& n : next.notices_) {
    n.span = span(n.span.start + norm, n.span.end + norm);
    notices_.push_back(std::move(n));
  }
  next = Text(std::string());
}

size_t Text::code_points_before(size_t orig) const {
  if (excerpt_) return excerpt_->code_points_before(orig);
  const size_t block = orig / chunk::kBytes, from = block * chunk::kBytes;
  if (orig == from) return block_code_points_[block];
  // The same bytes in normalized_ when nothing was changed.
  if (pieces_.empty()) return block_code_points_[block] + code_points_in_block(normalized_, from, orig - from);
  char bytes[chunk::kBytes];
  copy_original(from, orig, bytes);
  return block_code_points_[block] + code_points_in_block(std::string_view(bytes, orig - from), 0, orig - from);
}

void Text::copy_original(size_t from, size_t to, char* out) const {
  if (excerpt_) return excerpt_->copy(from, to, out);
  // The first piece that ends after `from`: those before it end at or before.
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), from,
                             [](size_t v, const Piece& p) { return v < p.orig_end; });
  for (size_t o = from; o < to;) {
    if (it != pieces_.end() && o >= it->orig_begin) {  // in a piece
      const size_t e = std::min<size_t>(to, it->orig_end);
      std::memcpy(out, pool_.data() + it->pool + (o - it->orig_begin), e - o);
      out += e - o;
      o = e;
      ++it;
      continue;
    }
    // The same bytes as normalized_, up to the next piece.
    const size_t e = it != pieces_.end() ? std::min<size_t>(to, it->orig_begin) : to;
    const size_t at = it == pieces_.begin() ? o : std::prev(it)->norm_end + (o - std::prev(it)->orig_end);
    std::memcpy(out, normalized_.data() + at, e - o);
    out += e - o;
    o = e;
  }
}

std::string Text::original() const {
  std::string s(original_size_, '\0');
  copy_original(0, original_size_, s.data());
  return s;
}

// The pieces where `original` differs from normalized_, along the anchors:
// between two anchors a stretch of the same length in both is compared byte
// for byte (a tab made a space, a look-alike letter replaced, changes ICU
// made in place), one of another length is a piece whole. Whatever the
// anchors are, the original rebuilt from the pieces is the original.
void Text::record_pieces(const std::string& original) {
  auto add = [&](size_t nb, size_t ne, size_t ob, size_t oe) {
    // Pieces a few bytes apart are one (the bytes between are the same).
    if (!pieces_.empty() && ob - pieces_.back().orig_end <= 8) {
      Piece& last = pieces_.back();
      pool_.append(original, last.orig_end, oe - last.orig_end);
      last.orig_end = static_cast<uint32_t>(oe);
      last.norm_end = static_cast<uint32_t>(ne);
      return;
    }
    pieces_.push_back({static_cast<uint32_t>(ob), static_cast<uint32_t>(oe), static_cast<uint32_t>(nb),
                       static_cast<uint32_t>(ne), static_cast<uint32_t>(pool_.size())});
    pool_.append(original, ob, oe - ob);
  };
  auto stretch = [&](size_t n1, size_t o1, size_t n2, size_t o2) {
    if (n2 - n1 != o2 - o1) {
      add(n1, n2, o1, o2);
      return;
    }
    const char* a = normalized_.data() + n1;
    const char* b = original.data() + o1;
    const size_t len = n2 - n1;
    if (std::memcmp(a, b, len) == 0) return;
    for (size_t k = 0; k < len;) {
      while (k + 8 <= len && std::memcmp(a + k, b + k, 8) == 0) k += 8;
      while (k < len && a[k] == b[k]) ++k;
      if (k == len) break;
      const size_t start = k;
      while (k < len && a[k] != b[k]) ++k;
      add(n1 + start, n1 + k, o1 + start, o1 + k);
    }
  };
  size_t pn = 0, po = 0;
  for (const auto& [an, ao] : anchors_) {
    if (an < pn || ao < po || an > normalized_.size() || ao > original.size()) continue;
    stretch(pn, po, an, ao);
    pn = an;
    po = ao;
  }
  stretch(pn, po, normalized_.size(), original.size());
  pieces_.shrink_to_fit();
  pool_.shrink_to_fit();
}

Text::Text(std::string original) : original_size_(original.size()) {
  line_starts_.reserve(original.size() / 48 + 2);  // lines of plans run to a few dozen bytes and more
  line_starts_.push_back(0);
  block_code_points_.reserve(original.size() / chunk::kBytes + 2);
  const bool plain = screen_original(original, &line_starts_, &block_code_points_);
  index_lines();
  std::vector<std::pair<uint32_t, std::string>> lookalikes;  // normalized offset, as written
  if (plain) {
    normalized_ = std::move(original);  // plain text is its own normalized form
  } else {
    normalize(original, &lookalikes);
    // Of the original only what differs is kept.
    record_pieces(original);
    std::string().swap(original);
  }
  folded_ = normalized_;
  words_.reserve(folded_.size() / 5 + 1);
  digit_runs_.reserve(folded_.size() / 64 + 4);
  folding::fold_chunked(folded_, &digit_runs_, &words_);
  repair_toneless(&lookalikes);

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
  if (!toneless_.empty())
    std::stable_sort(notices_.begin(), notices_.end(),
                     [](const Notice& a, const Notice& b) { return a.span.start < b.span.start; });
}

void Text::repair_toneless(std::vector<std::pair<uint32_t, std::string>>* lookalikes) {
  const toneless::Found found = toneless::find(folded_, normalized_, words_);
  if (found.syllables.empty()) return;
  // The original before normalized_ changes: the pieces are rebuilt from it.
  const std::string original_copy = original();
  std::string out;
  out.reserve(normalized_.size() + 2 * found.syllables.size());
  Anchors repaired;  // new normalized → old normalized; each word bracketed
  size_t at = 0;
  for (const toneless::Syllable& syl : found.syllables) {
    out.append(normalized_, at, syl.begin - at);
    repaired.emplace_back(static_cast<uint32_t>(out.size()), syl.begin);
    // The marked syllable has a letter for each typed one (đ for d, ế for
    // e): each takes the typed letter's case.
    size_t i = syl.begin;
    for (size_t j = 0; j < syl.marked.size();) {
      size_t len;
      const uint32_t cp = vi::decode(syl.marked, j, &len);
      j += len;
      const bool upper = i < syl.end && normalized_[i] >= 'A' && normalized_[i] <= 'Z';
      vi::append_utf8(out, upper ? static_cast<uint32_t>(u_toupper(static_cast<UChar32>(cp))) : cp);
      ++i;
    }
    repaired.emplace_back(static_cast<uint32_t>(out.size()), syl.end);
    at = syl.end;
  }
  out.append(normalized_, at);
  const Anchors back = inverse(repaired);  // old normalized → new
  std::vector<Notice> notices;
  for (const toneless::Keyword& k : found.keywords) {
    Notice n;
    n.code = "typo";
    n.text = normalized_.substr(k.begin, k.end - k.begin);
    n.suggestion = std::string(k.keyword);
    n.message = fmt::format("'{}' is '{}' typed without its diacritics: read as '{}'", n.text, k.keyword, k.keyword);
    n.span.start = static_cast<uint32_t>(map_through(back, k.begin));
    n.span.end = static_cast<uint32_t>(map_through(back, k.end));
    notices.push_back(std::move(n));
  }
  for (auto& l : *lookalikes) l.first = static_cast<uint32_t>(map_through(back, l.first));

  normalized_ = std::move(out);
  anchors_ = compose(repaired, anchors_);
  pieces_.clear();
  pool_.clear();
  record_pieces(original_copy);
  folded_ = normalized_;
  words_.clear();
  digit_runs_.clear();
  folding::fold_chunked(folded_, &digit_runs_, &words_);
  for (Notice& n : notices) {
    n.span = span(n.span.start, n.span.end);
    notices_.push_back(std::move(n));
  }
  toneless_.reserve(found.syllables.size());
  for (const toneless::Syllable& syl : found.syllables)
    toneless_.push_back({static_cast<uint32_t>(map_through(back, syl.begin)), static_cast<uint32_t>(map_through(back, syl.end))});
}

// NFC, then the replacements of the contract; anchors_ map back to the
// original.
void Text::normalize(const std::string& original, std::vector<std::pair<uint32_t, std::string>>* lookalikes) {
  Anchors nfc_anchors;  // nfc → original
  std::string nfc_copy;
  if (may_need_nfc(original)) nfc_copy = to_nfc(original, &nfc_anchors);
  const std::string& composed = nfc_anchors.empty() && nfc_copy.empty() ? original : nfc_copy;

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
  return std::min(map_through(anchors_, normalized_offset), original_size_);
}

size_t Text::line_index_of(size_t orig) const {
  if (excerpt_) return excerpt_->line_index_of(orig);
  const size_t block = orig / kBlock;
  // Past the last block only at the text's end (an empty span there).
  size_t line_index = block < block_line_.size() ? block_line_[block] : line_starts_.size() - 1;
  while (line_index + 1 < line_starts_.size() && line_starts_[line_index + 1] <= orig) ++line_index;
  return line_index;
}

bool Text::line_bounds(size_t index, size_t* begin, size_t* end) const {
  if (excerpt_) return excerpt_->line_bounds(index, begin, end);
  if (index >= line_starts_.size()) return false;
  *begin = line_starts_[index];
  *end = index + 1 < line_starts_.size() ? line_starts_[index + 1] - 1 : original_size_;
  return true;
}

Span Text::span(size_t start, size_t end) const {
  Span s;
  s.start = static_cast<uint32_t>(start);
  s.end = static_cast<uint32_t>(end);
  const size_t orig = to_original(start);
  const size_t line_index = line_index_of(orig);
  size_t lb = 0, le = 0;
  line_bounds(line_index, &lb, &le);
  s.line = static_cast<uint32_t>(line_index + 1);
  s.column = static_cast<uint32_t>(code_points_before(orig) - code_points_before(lb) + 1);
  return s;
}

std::string Text::normalized_text(size_t start, size_t end) const {
  if (excerpt_) return excerpt_->normalized_text(start, end);
  if (start >= normalized_.size() || end <= start) return {};
  return normalized_.substr(start, end - start);
}

std::string Text::original_text(size_t start, size_t end) const {
  const size_t b = to_original(start), e = std::max(b, to_original(end));
  std::string s(e - b, '\0');
  copy_original(b, e, s.data());
  return s;
}

std::string Text::line(uint32_t n) const {
  size_t b = 0, e = 0;
  if (n == 0 || !line_bounds(n - 1, &b, &e)) return {};
  std::string s(e - b, '\0');
  copy_original(b, e, s.data());
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

Text::LinePart Text::line_part(uint32_t n, size_t start, size_t end, size_t context) const {
  LinePart part;
  size_t lb = 0, le = 0;
  if (n == 0 || !line_bounds(n - 1, &lb, &le)) return part;
  const size_t ob = std::clamp(to_original(start), lb, le), oe = std::clamp(to_original(end), ob, le);
  size_t b = ob - lb > context ? ob - context : lb;
  size_t e = le - oe > context ? oe + context : le;
  part.text.resize(e - b);
  copy_original(b, e, part.text.data());
  // Cut at characters' starts: a partial character at either cut dropped.
  size_t skip = 0;
  if (b > lb)
    while (skip < part.text.size() && (static_cast<unsigned char>(part.text[skip]) & 0xC0) == 0x80) ++skip;
  if (e < le) {
    size_t k = part.text.size();
    while (k > skip && (static_cast<unsigned char>(part.text[k - 1]) & 0xC0) == 0x80) --k;
    if (k > skip) {
      const auto lead = static_cast<unsigned char>(part.text[k - 1]);
      const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      if (part.text.size() - (k - 1) < len) part.text.resize(k - 1);
    }
  }
  part.text.erase(0, skip);
  b += skip;
  if (e == le && !part.text.empty() && part.text.back() == '\r') part.text.pop_back();
  part.column = static_cast<uint32_t>(code_points_before(b) - code_points_before(lb) + 1);
  part.line_start = b == lb;
  part.line_end = e == le;
  return part;
}

uint32_t Text::utf16_column(uint32_t n, uint32_t code_point_column) const {
  if (excerpt_) return excerpt_->utf16_column(n, code_point_column);
  // The line's bytes a block at a time; a character's units counted at its
  // lead byte (the original is valid UTF-8). A line end or '\r' reached
  // counts one unit, as a column past the line's end does.
  const size_t b = n == 0 || n > line_starts_.size() ? original_size_ : line_starts_[n - 1];
  const size_t e = n == 0 || n >= line_starts_.size() ? original_size_ : line_starts_[n];
  uint32_t cp = 1, units = 1;
  char bytes[4096];
  for (size_t o = b; o < e && cp < code_point_column;) {
    const size_t k = std::min(e, o + sizeof bytes);
    copy_original(o, k, bytes);
    for (size_t i = 0; i < k - o && cp < code_point_column; ++i) {
      const auto c = static_cast<unsigned char>(bytes[i]);
      if ((c & 0xC0) == 0x80) continue;
      units += c >= 0xF0 ? 2 : 1;
      ++cp;
    }
    o = k;
  }
  return units + (code_point_column - cp);
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
