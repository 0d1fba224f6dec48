// Eight bytes at a time in a 64-bit word ("SIMD within a register"), for the
// byte scans that go a character at a time between runs: the UTF-8 check
// past a block it could not settle, the normalization copy of a text that
// needs one, the NFC screen, columns. (The scans every document
// goes through run 64 bytes at a time: chunk.h.) Each test sets the top bit of the bytes it flags; first_flagged()
// counts the bytes before the lowest flag. Loads are little-endian (checked),
// so the lowest flag is the first byte in text order.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace plancheck::swar {

static_assert(std::endian::native == std::endian::little, "bytes are counted from the low end of a word");

inline constexpr uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr uint64_t kHigh = 0x8080808080808080ULL;

inline uint64_t load8(const char* p) {
  uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}

// Bytes with the top bit set (not ASCII).
constexpr uint64_t not_ascii(uint64_t w) { return w & kHigh; }

// ASCII bytes below n (n <= 128). Bytes above a flagged one may be flagged
// wrongly (a borrow runs upward), so only the lowest flag is exact.
constexpr uint64_t below(uint64_t w, unsigned n) { return (w - kOnes * n) & ~w & kHigh; }

// UTF-8 continuation bytes (10xxxxxx).
constexpr uint64_t continuations(uint64_t w) { return w & ~(w << 1) & kHigh; }

// How many bytes are flagged (the multiply sums the flags in the top byte:
// no POPCNT in the x86-64 baseline).
constexpr size_t count_flagged(uint64_t flags) { return static_cast<size_t>(((flags >> 7) * kOnes) >> 56); }

// Code points in n bytes of valid UTF-8: the bytes that are not continuations.
inline size_t code_points(const char* p, size_t n) {
  size_t count = 0, k = 0;
  for (; k + 8 <= n; k += 8) count += 8 - count_flagged(continuations(load8(p + k)));
  for (; k < n; ++k) count += (static_cast<unsigned char>(p[k]) & 0xC0) != 0x80;
  return count;
}

// Whether n bytes at a and b are the same: eight at a time, the last eight
// overlapping what came before (keywords are a few to some twenty bytes: an
// inline loop beats a call to memcmp). Reads only [a, a + n) and [b, b + n).
inline bool same_bytes(const char* a, const char* b, size_t n) {
  if (n < 8) {
    for (size_t i = 0; i < n; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  for (size_t i = 0; i + 8 <= n; i += 8)
    if (load8(a + i) != load8(b + i)) return false;
  return load8(a + n - 8) == load8(b + n - 8);
}

// Bytes before the lowest flag; 8 when none.
inline size_t first_flagged(uint64_t flags) { return flags ? static_cast<size_t>(std::countr_zero(flags)) >> 3 : 8; }

}  // namespace plancheck::swar
