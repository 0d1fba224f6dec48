#include "extract/scan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <deque>
#include <stdexcept>
#include <cstring>

#include "chunk.h"
#include "swar.h"
#include "vi.h"

namespace plancheck::scan {

using swar::same_bytes;

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


std::string_view next_word(std::string_view s, size_t pos, size_t* begin, size_t* end) {
  size_t len;
  while (pos < s.size() && (len = vi::word_char_at(s, pos)) == 0) {
    if (s[pos] == '\n') return {};
    vi::decode(s, pos, &len);
    pos += len;
  }
  const size_t b = pos;
  while (pos < s.size() && (len = vi::word_char_at(s, pos)) != 0) pos += len;
  if (begin) *begin = b;
  if (end) *end = pos;
  return s.substr(b, pos - b);
}

std::string_view prev_word(std::string_view s, size_t end, size_t* begin, size_t* word_end) {
  while (end > 0 && vi::word_char_before(s, end) == 0) {
    const size_t p = vi::prev_start(s, end);
    if (s[p] == '\n') return {};
    end = p;
  }
  const size_t e = end;
  for (size_t len; end > 0 && (len = vi::word_char_before(s, end)) != 0;) end -= len;
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

// The bytes of a block that may end a sentence or clause ('\n', '.', '!',
// '?', and ';' for a clause); ends_sentence() decides.
uint64_t maybe_ends(const chunk::Block& b, bool clause) {
  const chunk::Mask m = b.eq('\n') | b.eq('.') | b.eq('!') | b.eq('?');
  return (clause ? m | b.eq(';') : m).bits();
}

// Sentences run to a few hundred bytes: the look for their ends goes 64
// bytes at a time (chunk.h), byte by byte only near the floor or ceiling.
size_t begin_of(std::string_view s, size_t pos, bool clause) {
  if (pos > s.size()) pos = s.size();
  size_t floor = pos > kMaxSentence ? pos - kMaxSentence : 0;
  while (floor > 0 && (static_cast<unsigned char>(s[floor]) & 0xC0) == 0x80) --floor;
  // Blocks ending at pos: the last byte that ends a sentence, from the top.
  while (pos >= floor + chunk::kBytes) {
    const size_t base = pos - chunk::kBytes;
    uint64_t m = maybe_ends(chunk::Block(s.data() + base), clause);
    while (m) {
      const unsigned i = 63 - static_cast<unsigned>(std::countl_zero(m));
      if (ends_sentence(s, base + i, clause)) return base + i + 1;
      m &= ~(uint64_t{1} << i);
    }
    pos = base;
  }
  while (pos > floor) {
    if (ends_sentence(s, pos - 1, clause)) break;
    --pos;
  }
  return pos;
}

size_t end_of(std::string_view s, size_t pos, bool clause) {
  size_t ceiling = std::min(s.size(), pos + kMaxSentence);
  while (ceiling < s.size() && (static_cast<unsigned char>(s[ceiling]) & 0xC0) == 0x80) ++ceiling;
  while (pos + chunk::kBytes <= ceiling) {
    uint64_t m = maybe_ends(chunk::Block(s.data() + pos), clause);
    for (; m; m &= m - 1) {
      const size_t i = pos + static_cast<size_t>(std::countr_zero(m));
      if (ends_sentence(s, i, clause)) return i;
    }
    pos += chunk::kBytes;
  }
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
  // Long stretches 64 starts at a time: where the keyword's first and last
  // bytes stand at its length apart (a first byte alone, "đ", is too common).
  const size_t m = kw.size();
  while (p + chunk::kBytes + m - 1 <= e) {
    uint64_t hits = (chunk::Block(base + p).eq(static_cast<unsigned char>(first)) &
                     chunk::Block(base + p + m - 1).eq(static_cast<unsigned char>(kw.back())))
                        .bits();
    for (; hits; hits &= hits - 1) {
      const size_t at = p + static_cast<size_t>(std::countr_zero(hits));
      if (same_bytes(base + at + 1, kw.data() + 1, m - 1) && vi::at_word_start(s, at) && vi::at_word_end(s, at + m))
        return at;
    }
    p += chunk::kBytes;
  }
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

size_t word_end(std::string_view s, size_t pos) {
  // Called for nearly every word a phrase reader passes: ASCII letters and
  // digits by a table, the letters of Vietnamese by their lead byte (as
  // vi::word_char_at tells them), anything else through it.
  static constexpr auto kClass = [] {
    std::array<uint8_t, 256> t{};  // 0 ends a word, 1 ASCII word byte, 2 look further
    for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = 1;
    for (int c = 'a'; c <= 'z'; ++c) t[static_cast<size_t>(c)] = t[static_cast<size_t>(c - 32)] = 1;
    for (int c = 0x80; c < 256; ++c) t[static_cast<size_t>(c)] = 2;
    return t;
  }();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  while (pos < n) {
    const uint8_t k = kClass[p[pos]];
    if (k == 1) {
      ++pos;
      continue;
    }
    if (k == 0) break;
    const size_t len = vi::word_char_at(s, pos);
    if (len == 0) break;
    pos += len;
  }
  return pos;
}

namespace {

size_t first_word_length(std::string_view k) {
  const size_t sp = k.find(' ');
  return sp == std::string_view::npos ? k.size() : sp;
}

}  // namespace

KeywordSet::KeywordSet(std::initializer_list<std::string_view> keywords) {
  for (std::string_view k : keywords) add(k);
  build();
}

void KeywordSet::add(std::string_view k) {
  if (k.size() < 2) throw std::logic_error("KeywordSet: a keyword of fewer than two bytes: '" + std::string(k) + "'");
  keywords_.push_back(k);
}

void KeywordSet::build() {
  // Keyword storage: the views given may not outlive the set.
  for (auto& k : keywords_) {
    storage_.emplace_back(k);
    k = storage_.back();
  }
  size_t cap = 16;
  while (cap < keywords_.size() * 4) cap *= 2;
  slots_.assign(cap, Slot{});
  // The filter looks at as many bytes as the shortest first word has (2–4).
  size_t shortest = 4;
  for (const auto& k : keywords_) shortest = std::min(shortest, first_word_length(k));
  prefix_len_ = std::max<size_t>(shortest, 2);
  for (const auto& k : keywords_) {
    if (k.size() >= 2) {
      const unsigned key = static_cast<unsigned char>(k[0]) << 8 | static_cast<unsigned char>(k[1]);
      pairs_[key >> 6] |= uint64_t{1} << (key & 63);
    }
    if (k.size() >= prefix_len_) {
      const unsigned key = prefix_key(k.data());
      prefixes_[key >> 6] |= uint64_t{1} << (key & 63);
    }
    const size_t fl = first_word_length(k);
    const unsigned fw = first_word_key(k.data(), fl, fl);
    first_words_[fw >> 6] |= uint64_t{1} << (fw & 63);
  }
  std::vector<std::pair<uint32_t, uint16_t>> order;  // (hash of first word, index)
  for (size_t i = 0; i < keywords_.size(); ++i) {
    const std::string_view k = keywords_[i];
    const size_t fl = first_word_length(k);
    if (fl < 64) lengths_ |= uint64_t{1} << fl;
    order.emplace_back(hash(k.substr(0, fl)), static_cast<uint16_t>(i));
  }
  // Grouped by first word, longest keyword first within a group.
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return keywords_[a.second].size() > keywords_[b.second].size();
  });
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j < order.size() && order[j].first == order[i].first) ++j;
    size_t at = order[i].first & (cap - 1);
    while (slots_[at].count != 0) at = (at + 1) & (cap - 1);
    slots_[at] = Slot{order[i].first, static_cast<uint16_t>(by_first_.size()), static_cast<uint16_t>(j - i)};
    for (size_t k = i; k < j; ++k) by_first_.push_back(order[k].second);
    i = j;
  }
}

const KeywordSet::Slot* KeywordSet::find(uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.count == 0) return nullptr;
    if (slot.hash == hash) return &slot;
  }
}

int KeywordSet::match_word(std::string_view s, size_t pos, size_t first_end, size_t* end) const {
  const size_t fl = first_end - pos;
  if (fl == 0 || fl >= 64 || !(lengths_ >> fl & 1)) return -1;
  const Slot* slot = find(word_hash(s.data() + pos, s.size() - pos, fl));
  if (!slot) return -1;
  for (size_t k = slot->first; k < size_t{slot->first} + slot->count; ++k) {
    const std::string_view kw = keywords_[by_first_[k]];
    if (s.size() - pos < kw.size() || !same_bytes(s.data() + pos, kw.data(), kw.size())) continue;
    if (kw.size() != fl && !vi::at_word_end(s, pos + kw.size())) continue;
    if (end) *end = pos + kw.size();
    return by_first_[k];
  }
  return -1;
}

int KeywordSet::match(std::string_view s, size_t pos, size_t* end) const {
  if (!may_start_at(s, pos) || !may_start_with_prefix(s, pos) || !vi::at_word_start(s, pos)) return -1;
  return match_word(s, pos, word_end(s, pos), end);
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
