// Sixty-four bytes at a time, one bit per byte: the byte scans every
// document goes through (UTF-8 validation, the normalization screen,
// folding) classify a block with a few vector compares and then visit only
// the bytes whose bits are set, instead of branching on every byte.
//
// Contract: bit i of every mask is byte i of the block (text order). SSE2
// where the compiler targets it (every x86-64), a byte loop elsewhere; both
// give the same masks (tests/unit/chunk_test.cc). Internal to the library.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace plancheck::chunk {

inline constexpr size_t kBytes = 64;

// Bits [a, b) of a mask (a <= b <= 64).
constexpr uint64_t bits_between(unsigned a, unsigned b) {
  const uint64_t below_b = b >= 64 ? ~uint64_t{0} : (uint64_t{1} << b) - 1;
  return below_b & ~((uint64_t{1} << a) - 1);
}

// Calls f(i) for every set bit i of m, lowest first.
template <typename F>
inline void for_each_bit(uint64_t m, F f) {
  for (; m; m &= m - 1) f(static_cast<unsigned>(std::countr_zero(m)));
}

// The result of a byte test on a block: a flag per byte, kept in vector
// form so that tests combined with & | ~ cost one vector operation each and
// are gathered into a bit mask once, by bits(). Only each byte's top bit
// counts.
class Mask {
 public:
#if defined(__SSE2__)
  explicit Mask(const __m128i (&v)[4]) {
    for (int k = 0; k < 4; ++k) v_[k] = v[k];
  }
  uint64_t bits() const {
    uint64_t m = 0;
    for (int k = 0; k < 4; ++k)
      m |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(v_[k]))) << (16 * k);
    return m;
  }
  Mask operator&(const Mask& o) const { return combine(o, [](__m128i a, __m128i b) { return _mm_and_si128(a, b); }); }
  Mask operator|(const Mask& o) const { return combine(o, [](__m128i a, __m128i b) { return _mm_or_si128(a, b); }); }
  Mask operator~() const { return combine(*this, [](__m128i a, __m128i) { return _mm_xor_si128(a, _mm_set1_epi8(-1)); }); }
#else
  explicit Mask(uint64_t bits) : bits_(bits) {}
  uint64_t bits() const { return bits_; }
  Mask operator&(const Mask& o) const { return Mask(bits_ & o.bits_); }
  Mask operator|(const Mask& o) const { return Mask(bits_ | o.bits_); }
  Mask operator~() const { return Mask(~bits_); }
#endif

 private:
#if defined(__SSE2__)
  template <typename Op>
  Mask combine(const Mask& o, Op op) const {
    __m128i r[4];
    for (int k = 0; k < 4; ++k) r[k] = op(v_[k], o.v_[k]);
    return Mask(r);
  }
  __m128i v_[4];
#else
  uint64_t bits_;
#endif
};

class Block {
 public:
  // The 64 bytes at p (all must be readable).
  explicit Block(const char* p) {
#if defined(__SSE2__)
    for (int k = 0; k < 4; ++k) v_[k] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
#else
    std::memcpy(b_, p, kBytes);
#endif
  }

  // Bytes equal to c.
  Mask eq(unsigned char c) const {
#if defined(__SSE2__)
    const __m128i x = _mm_set1_epi8(static_cast<char>(c));
    return gather([&](__m128i v) { return _mm_cmpeq_epi8(v, x); });
#else
    return gather([&](unsigned char b) { return b == c; });
#endif
  }
  // Bytes in [lo, hi], unsigned.
  Mask in(unsigned char lo, unsigned char hi) const {
#if defined(__SSE2__)
    const __m128i l = _mm_set1_epi8(static_cast<char>(lo));
    const __m128i w = _mm_set1_epi8(static_cast<char>(hi - lo));
    return gather([&](__m128i v) {
      const __m128i d = _mm_sub_epi8(v, l);  // wraps below lo to large values
      return _mm_cmpeq_epi8(_mm_min_epu8(d, w), d);
    });
#else
    return gather([&](unsigned char b) { return b >= lo && b <= hi; });
#endif
  }
  // Bytes >= c, unsigned.
  Mask at_least(unsigned char c) const { return in(c, 0xFF); }
  // Bytes with the top bit set: not ASCII.
  Mask high() const {
#if defined(__SSE2__)
    return gather([](__m128i v) { return v; });
#else
    return gather([](unsigned char b) { return b >= 0x80; });
#endif
  }

  // Odd bytes (lowest bit set).
  Mask odd() const {
#if defined(__SSE2__)
    // Each byte's lowest bit moved to its top bit (what spills into the
    // neighbouring byte is below its top bit).
    return gather([](__m128i v) { return _mm_slli_epi16(v, 7); });
#else
    return gather([](unsigned char b) { return (b & 1) != 0; });
#endif
  }
  // Lead bytes of characters beyond ASCII (0xC0 and up): at_least(0xC0)
  // in fewer steps.
  Mask leads() const {
#if defined(__SSE2__)
    const __m128i above = _mm_set1_epi8(static_cast<char>(0xBF));  // -65: signed, C0–FF and all ASCII are greater
    return gather([&](__m128i v) { return _mm_and_si128(_mm_cmpgt_epi8(v, above), v); });
#else
    return at_least(0xC0);
#endif
  }
  // The block with ASCII capitals made lower case.
  Block lowered() const {
    Block b = *this;
#if defined(__SSE2__)
    const __m128i a = _mm_set1_epi8('A'), w = _mm_set1_epi8('Z' - 'A'), bit = _mm_set1_epi8(0x20);
    for (int k = 0; k < 4; ++k) {
      const __m128i d = _mm_sub_epi8(v_[k], a);
      const __m128i upper = _mm_cmpeq_epi8(_mm_min_epu8(d, w), d);
      b.v_[k] = _mm_or_si128(v_[k], _mm_and_si128(upper, bit));
    }
#else
    for (size_t i = 0; i < kBytes; ++i) b.b_[i] = b_[i] >= 'A' && b_[i] <= 'Z' ? b_[i] | 0x20 : b_[i];
#endif
    return b;
  }
  // Writes the block to p.
  void store(char* p) const {
#if defined(__SSE2__)
    for (int k = 0; k < 4; ++k) _mm_storeu_si128(reinterpret_cast<__m128i*>(p + 16 * k), v_[k]);
#else
    std::memcpy(p, b_, kBytes);
#endif
  }

 private:
#if defined(__SSE2__)
  // test(v) for each 16-byte quarter, as a Mask.
  template <typename T>
  Mask gather(T test) const {
    __m128i r[4];
    for (int k = 0; k < 4; ++k) r[k] = test(v_[k]);
    return Mask(r);
  }
  __m128i v_[4];
#else
  template <typename T>
  Mask gather(T test) const {
    uint64_t m = 0;
    for (size_t i = 0; i < kBytes; ++i) m |= static_cast<uint64_t>(test(b_[i]) ? 1 : 0) << i;
    return Mask(m);
  }
  unsigned char b_[kBytes];
#endif
};

// Where a byte scan reads its blocks: in place while at least kLookahead
// bytes follow the block (so that a character starting in it can be read
// whole), else from a zero-padded copy of what is left (zero bytes belong to
// no class a scan looks for). A scan that writes (Char = char) writes to
// data(); put_back() returns what landed in the copy.
template <typename Char>
class Window {
 public:
  static constexpr size_t kLookahead = 8;

  Window(Char* text, size_t size, size_t base) : text_(text), base_(base) {
    const size_t left = size - base;
    if (left >= kBytes + kLookahead) {
      at_ = text + base;
    } else {
      copied_ = left;
      std::memcpy(copy_, text + base, left);
      std::memset(copy_ + left, 0, sizeof copy_ - left);
      at_ = copy_;
    }
  }
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  Char* data() const { return at_; }
  void put_back() const
    requires(!std::is_const_v<Char>)
  {
    if (copied_) std::memcpy(text_ + base_, copy_, copied_);
  }

 private:
  Char* text_;
  size_t base_;
  Char* at_;
  size_t copied_ = 0;
  alignas(16) char copy_[kBytes + 2 * kLookahead];  // zeroed past the text only when used
};

// Every offset where each needle occurs in s (overlapping ones too), in
// order: out[k] for needles[k], all found in one pass over s. Blocks where a
// needle's first and last bytes stand at its length apart give the
// candidates, and only those are compared: unlike memchr on the first
// byte, a common first byte ("đ" of "đại hội") costs nothing. Needles are
// not empty and hold no zero byte (the padding past the end). Compiled for
// AVX-512BW as well as SSE2 (occurrences.cc), chosen at run time.
std::vector<std::vector<size_t>> occurrences(std::string_view s, std::span<const std::string_view> needles);

}  // namespace plancheck::chunk
