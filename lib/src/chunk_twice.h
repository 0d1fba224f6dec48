// Compiles one byte-scan kernel twice — for SSE2 (every x86-64) and, where
// the compiler can target it, for AVX-512BW — the pattern chunk_avx512.h
// describes, written once here. Not a header with a guard: a kernel's .cc
// includes it, inside the namespace the kernel lives in, with two macros
// set:
//
//   #define PLANCHECK_KERNEL "fold_kernel.inc"  // written against Block and Mask
//   #define PLANCHECK_KERNEL_NS kernel            // the versions land in kernel::sse2, kernel::avx512
//   #include "chunk_twice.h"
//
// and calls the version this CPU runs with PLANCHECK_KERNEL_CALL(kernel,
// function(arguments)). The headers the kernel needs, chunk_avx512.h
// among them, are included before (at the top of the file, not inside the
// namespace).
#ifndef PLANCHECK_HAVE_AVX512
#error "include chunk_avx512.h at the top of the file before chunk_twice.h"
#endif

#ifndef PLANCHECK_KERNEL_CALL
#if PLANCHECK_HAVE_AVX512
#define PLANCHECK_KERNEL_CALL(ns, call) (::plancheck::chunk::avx512::usable() ? ns::avx512::call : ns::sse2::call)
#else
#define PLANCHECK_KERNEL_CALL(ns, call) (ns::sse2::call)
#endif
#endif

namespace PLANCHECK_KERNEL_NS::sse2 {
using ::plancheck::chunk::Block;
using ::plancheck::chunk::Mask;
#include PLANCHECK_KERNEL
}  // namespace PLANCHECK_KERNEL_NS::sse2

#if PLANCHECK_HAVE_AVX512
PLANCHECK_AVX512_BEGIN
namespace PLANCHECK_KERNEL_NS::avx512 {
using ::plancheck::chunk::avx512::Block;
using ::plancheck::chunk::avx512::Mask;
#include PLANCHECK_KERNEL
}  // namespace PLANCHECK_KERNEL_NS::avx512
PLANCHECK_AVX512_END
#endif

#undef PLANCHECK_KERNEL
#undef PLANCHECK_KERNEL_NS
