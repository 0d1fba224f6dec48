// chunk.h's Block and Mask for CPUs with AVX-512BW: the 64 bytes in one
// register, and a byte test's answer is its bit mask at once (no gathering
// of four 16-byte results). Same contract and same methods as chunk.h; a
// kernel written once against "Block"/"Mask" is compiled for both.
//
// How a kernel gets both versions (the pattern simdjson uses for its
// per-CPU implementations): its body lives in a .inc file that the kernel's
// .cc includes twice — once in a namespace where Block is chunk::Block
// (SSE2, every x86-64), and once between PLANCHECK_AVX512_BEGIN and
// PLANCHECK_AVX512_END in a namespace where Block is chunk::avx512::Block.
// Everything defined between the two is compiled for AVX-512BW; headers are
// included before, so library code (std::vector, …) is never compiled for
// it and no copy of it needing AVX-512 can stand in for the baseline one.
// The caller picks a version at run time with chunk::avx512::usable().
// chunk_twice.h does both and the choice, for every kernel.
//
// Only where the compiler can target x86-64 AVX-512 from a baseline build
// (GCC, Clang): PLANCHECK_HAVE_AVX512 is then 1. Internal to the library.
#pragma once

#include "chunk.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define PLANCHECK_HAVE_AVX512 1
#include <immintrin.h>
#else
#define PLANCHECK_HAVE_AVX512 0
#endif

namespace plancheck::chunk::avx512 {

// Whether this CPU (and the OS, which must save the wider registers) runs
// the AVX-512 versions. PLANCHECK_ISA=baseline in the environment says no,
// to compare the two on one machine; so does use_baseline(true), which tests
// call to run the baseline versions where the CPU has AVX-512.
bool usable();
void use_baseline(bool yes);

}  // namespace plancheck::chunk::avx512

#if PLANCHECK_HAVE_AVX512

#if defined(__clang__)
// (_Pragma takes one string literal: the line is long.)
#define PLANCHECK_AVX512_BEGIN \
  _Pragma("clang attribute push(__attribute__((target(\"avx512f,avx512bw,bmi,bmi2,popcnt\"))), apply_to = function)")
#define PLANCHECK_AVX512_END _Pragma("clang attribute pop")
#else
#define PLANCHECK_AVX512_BEGIN \
  _Pragma("GCC push_options") _Pragma("GCC target(\"avx512f,avx512bw,bmi,bmi2,popcnt\")")
#define PLANCHECK_AVX512_END _Pragma("GCC pop_options")
#endif

PLANCHECK_AVX512_BEGIN
namespace plancheck::chunk::avx512 {

class Mask {
 public:
  explicit Mask(uint64_t bits) : bits_(bits) {}
  uint64_t bits() const { return bits_; }
  Mask operator&(const Mask& o) const { return Mask(bits_ & o.bits_); }
  Mask operator|(const Mask& o) const { return Mask(bits_ | o.bits_); }
  Mask operator~() const { return Mask(~bits_); }

 private:
  uint64_t bits_;
};

class Block {
 public:
  explicit Block(const char* p) : v_(_mm512_loadu_si512(p)) {}

  Mask eq(unsigned char c) const { return Mask(_mm512_cmpeq_epi8_mask(v_, splat(c))); }
  Mask in(unsigned char lo, unsigned char hi) const {
    return Mask(_mm512_cmple_epu8_mask(_mm512_sub_epi8(v_, splat(lo)), splat(static_cast<unsigned char>(hi - lo))));
  }
  Mask at_least(unsigned char c) const { return Mask(_mm512_cmpge_epu8_mask(v_, splat(c))); }
  Mask high() const { return Mask(_mm512_movepi8_mask(v_)); }
  Mask odd() const { return Mask(_mm512_test_epi8_mask(v_, splat(1))); }
  Mask leads() const { return at_least(0xC0); }
  Block lowered() const {
    const __mmask64 upper = _mm512_cmple_epu8_mask(_mm512_sub_epi8(v_, splat('A')), splat('Z' - 'A'));
    return Block(_mm512_mask_add_epi8(v_, upper, v_, splat(0x20)));  // +0x20 where a capital
  }
  void store(char* p) const { _mm512_storeu_si512(p, v_); }

 private:
  explicit Block(__m512i v) : v_(v) {}
  static __m512i splat(unsigned char c) { return _mm512_set1_epi8(static_cast<char>(c)); }
  __m512i v_;
};

}  // namespace plancheck::chunk::avx512
PLANCHECK_AVX512_END

#endif  // PLANCHECK_HAVE_AVX512
