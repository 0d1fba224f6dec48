#include "plancheck/source.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "chunk.h"
#include "chunk_avx512.h"
#include "readers/readers.h"
#include "swar.h"
#include "vi.h"

namespace plancheck {

const char* to_string(SourceEncoding e) {
  switch (e) {
    case SourceEncoding::utf8: return "utf-8";
    case SourceEncoding::utf8_bom: return "utf-8 (bom)";
    case SourceEncoding::utf16le: return "utf-16le";
    case SourceEncoding::utf16be: return "utf-16be";
    case SourceEncoding::windows1258: return "windows-1258";
    case SourceEncoding::viscii: return "viscii";
    case SourceEncoding::tcvn3: return "tcvn3";
    case SourceEncoding::vni: return "vni";
  }
  return "?";
}

const char* display_name(SourceEncoding e) {
  switch (e) {
    case SourceEncoding::windows1258: return "Windows-1258";
    case SourceEncoding::viscii: return "VISCII";
    case SourceEncoding::tcvn3: return "TCVN3 (ABC)";
    case SourceEncoding::vni: return "VNI-Windows";
    default: return to_string(e);
  }
}

std::optional<OcrMode> parse_ocr_mode(std::string_view name) {
  if (name == "auto") return OcrMode::auto_;
  if (name == "never") return OcrMode::never;
  if (name == "always") return OcrMode::always;
  return std::nullopt;
}

std::optional<SourceEncoding> parse_source_encoding(std::string_view name) {
  std::string n(name);
  for (char& c : n) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (n == "utf-8" || n == "utf8") return SourceEncoding::utf8;
  if (n == "utf-16" || n == "utf16" || n == "utf-16le" || n == "utf16le") return SourceEncoding::utf16le;
  if (n == "utf-16be" || n == "utf16be") return SourceEncoding::utf16be;
  if (n == "windows-1258" || n == "cp1258") return SourceEncoding::windows1258;
  if (n == "viscii") return SourceEncoding::viscii;
  if (n == "tcvn3" || n == "abc") return SourceEncoding::tcvn3;
  if (n == "vni" || n == "vni-windows") return SourceEncoding::vni;
  return std::nullopt;
}

namespace {

// The well-formed prefix from `i` (a character start), a character at a
// time: where the block test below finds something it does not settle.
size_t valid_utf8_prefix_from(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  while (i < n) {
    // ASCII eight bytes at a time, up to the first byte that is not.
    if (i + 8 <= n) {
      const size_t run = swar::first_flagged(swar::not_ascii(swar::load8(s.data() + i)));
      i += run;
      if (run == 8) continue;
    }
    const unsigned char c = p[i];
    if (c < 0x80) { ++i; continue; }
    // The well-formed byte sequences of Unicode 15 §3.9, table 3-7: the
    // second byte's range depends on the first (no overlongs, no
    // surrogates, nothing above U+10FFFF).
    if (c >= 0xC2 && c <= 0xDF) {
      if (i + 1 >= n || (p[i + 1] & 0xC0) != 0x80) return i;
      i += 2;
      continue;
    }
    if (c >= 0xE0 && c <= 0xEF) {
      if (i + 2 >= n) return i;
      const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (p[i + 1] < lo || p[i + 1] > hi || (p[i + 2] & 0xC0) != 0x80) return i;
      i += 3;
      continue;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (i + 3 >= n) return i;
      const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (p[i + 1] < lo || p[i + 1] > hi || (p[i + 2] & 0xC0) != 0x80 || (p[i + 3] & 0xC0) != 0x80) return i;
      i += 4;
      continue;
    }
    return i;
  }
  return n;
}

}  // namespace

// The two compilations of the block loop.
#define PLANCHECK_KERNEL "utf8_kernel.inc"
#define PLANCHECK_KERNEL_NS utf8
#include "chunk_twice.h"

size_t valid_utf8_prefix(std::string_view s) { return PLANCHECK_KERNEL_CALL(utf8, valid_utf8_blocks(s)); }

namespace {

// Line and column (1-based, code points) of byte offset `at` in valid UTF-8.
std::pair<uint32_t, uint32_t> position_of(std::string_view utf8, size_t at) {
  uint32_t line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i)
    if (utf8[i] == '\n') { ++line; line_start = i + 1; }
  return {line, static_cast<uint32_t>(1 + swar::code_points(utf8.data() + line_start, at - line_start))};
}

std::string decode_utf16(std::string_view bytes, bool big_endian, const std::string& path) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t units = bytes.size() / 2;
  auto unit = [&](size_t k) -> uint32_t {
    return big_endian ? (uint32_t(p[2 * k]) << 8) | p[2 * k + 1] : (uint32_t(p[2 * k + 1]) << 8) | p[2 * k];
  };
  for (size_t k = 0; k < units; ++k) {
    uint32_t u = unit(k);
    if (u >= 0xD800 && u <= 0xDBFF && k + 1 < units) {
      uint32_t v = unit(k + 1);
      if (v >= 0xDC00 && v <= 0xDFFF) {
        vi::append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
        ++k;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) {
      auto [line, col] = position_of(out, out.size());
      throw SourceError(path, line, col, both(msg::source_utf16_surrogate, u));
    }
    if (u == 0) {
      auto [line, col] = position_of(out, out.size());
      throw SourceError(path, line, col, both(msg::source_utf16_nul));
    }
    vi::append_utf8(out, u);
  }
  if (bytes.size() % 2 != 0) {
    auto [line, col] = position_of(out, out.size());
    throw SourceError(path, line, col, both(msg::source_utf16_odd));
  }
  return out;
}

// UTF-16 without a byte-order mark (what some Windows tools export): text
// in a Latin script has a zero high byte in most code units — ASCII, and
// the Latin-1 letters à á â è é ê ì í ò ó ô õ ù ú ý — so one of the two byte
// positions is mostly zero and the other almost never. True when `bytes`
// look so; `big_endian` says which. UTF-8 text has no zero byte at all.
bool utf16_without_bom(std::string_view bytes, bool* big_endian) {
  const size_t n = std::min<size_t>(bytes.size(), 4096) & ~size_t{1};
  if (n < 8) return false;
  // Text in UTF-16 has a zero byte in most of its units; a head without
  // one (every UTF-8 plan) is not, and is passed over at memchr's speed.
  if (std::memchr(bytes.data(), 0, n) == nullptr) return false;
  const size_t units = n / 2;
  for (const bool be : {false, true}) {
    // Units whose high byte is zero, and how many of those are text
    // (printable ASCII or Latin-1, tab, line ends) rather than control codes.
    size_t high_zero = 0, text = 0, low_zero = 0;
    for (size_t i = 0; i < n; i += 2) {
      const auto hi = static_cast<unsigned char>(bytes[i + (be ? 0 : 1)]);
      const auto lo = static_cast<unsigned char>(bytes[i + (be ? 1 : 0)]);
      if (lo == 0) ++low_zero;
      if (hi != 0) continue;
      ++high_zero;
      text += lo >= 0x20 || lo == '\t' || lo == '\n' || lo == '\r';
    }
    if (high_zero * 10 >= units * 3 && low_zero * 50 <= units && text * 20 >= high_zero * 19) {
      *big_endian = be;
      return true;
    }
  }
  return false;
}

// The refusal of a file too long to be a plan, its descriptor closed.
[[noreturn]] void refuse_too_large(int fd, const std::string& shown, uint64_t max_bytes = kMaxDocumentBytes) {
  ::close(fd);
  if (max_bytes == kMaxDocumentBytes) throw SourceError(shown, 0, 0, both(msg::source_too_large, max_bytes >> 20));
  throw SourceError(shown, 0, 0, both(msg::source_file_too_large, max_bytes >> 20));
}

}  // namespace

Source readers::decode_plain_text(std::string owned, std::string path, std::optional<SourceEncoding> forced) {
  Source src;
  src.path = std::move(path);
  std::string_view bytes = owned;
  auto starts_with = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  // A text read in a legacy encoding: a NUL refused as in UTF-8.
  auto legacy = [&](SourceEncoding e) {
    src.encoding = e;
    src.utf8 = decode_legacy(bytes, e);
    if (auto nul = src.utf8.find('\0'); nul != std::string::npos) {
      auto [line, col] = position_of(src.utf8, nul);
      throw SourceError(src.path, line, col, both(msg::source_nul));
    }
    if (src.utf8.empty()) throw SourceError(src.path, 0, 0, both(msg::source_empty));
    return src;
  };
  if (forced && is_legacy(*forced)) return legacy(*forced);
  const bool utf16_forced = forced && (*forced == SourceEncoding::utf16le || *forced == SourceEncoding::utf16be);
  const bool utf8_forced = forced && !utf16_forced;
  if (starts_with("\xEF\xBB\xBF") && !utf16_forced) {
    src.encoding = SourceEncoding::utf8_bom;
    bytes.remove_prefix(3);
  } else if (starts_with("\xFF\xFE") && !utf8_forced) {
    src.encoding = SourceEncoding::utf16le;
    src.utf8 = decode_utf16(bytes.substr(2), false, src.path);
  } else if (starts_with("\xFE\xFF") && !utf8_forced) {
    src.encoding = SourceEncoding::utf16be;
    src.utf8 = decode_utf16(bytes.substr(2), true, src.path);
  } else if (bool big_endian = false; !utf8_forced && utf16_without_bom(bytes, &big_endian)) {
    src.encoding = big_endian ? SourceEncoding::utf16be : SourceEncoding::utf16le;
    src.utf8 = decode_utf16(bytes, big_endian, src.path);
  } else if (utf16_forced) {
    src.encoding = *forced;
    src.utf8 = decode_utf16(bytes, *forced == SourceEncoding::utf16be, src.path);
  }
  if (src.encoding == SourceEncoding::utf8 || src.encoding == SourceEncoding::utf8_bom) {
    size_t ok = valid_utf8_prefix(bytes);
    if (ok != bytes.size()) {
      // Not UTF-8: one of the legacy encodings when the text reads as
      // Vietnamese in it beyond doubt (not with a BOM that says UTF-8, not
      // when UTF-8 was asked for).
      if (!forced && src.encoding == SourceEncoding::utf8) {
        const LegacyGuess g = guess_legacy_encoding(bytes);
        if (g.score >= kLegacyMinScore && g.margin >= kLegacyMinMargin && g.words >= kLegacyMinWords)
          return legacy(g.encoding);
      }
      auto [line, col] = position_of(bytes, ok);
      throw SourceError(src.path, line, col,
                        both(msg::source_bad_utf8, static_cast<unsigned char>(bytes[ok])));
    }
    if (auto nul = bytes.find('\0'); nul != std::string_view::npos) {
      auto [line, col] = position_of(bytes, nul);
      throw SourceError(src.path, line, col, both(msg::source_nul));
    }
    // The bytes are the text: kept, not copied.
    if (src.encoding == SourceEncoding::utf8_bom) owned.erase(0, 3);
    src.utf8 = std::move(owned);
  }
  if (src.utf8.empty()) throw SourceError(src.path, 0, 0, both(msg::source_empty));
  return src;
}

std::string read_file_bytes(const std::filesystem::path& path, ReadLimits limits) {
  const std::string shown = path.string();
  // Non-blocking open: a named pipe with no writer must not hang the run
  // (reads block again below, for pipes that do have one).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw SourceError(shown, 0, 0, both(msg::source_cannot_open, os_error_text(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw SourceError(shown, 0, 0, both(msg::source_cannot_read, os_error_text(err)));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw SourceError(shown, 0, 0, both(msg::os_is_directory));
  }
  if (!S_ISREG(st.st_mode) && !limits.streams) {
    ::close(fd);
    throw SourceError(shown, 0, 0, both(msg::source_not_regular));
  }
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > limits.max_bytes) {
    refuse_too_large(fd, shown, limits.max_bytes);
  }
  // (O_NONBLOCK means nothing to a regular file: two system calls a plan saved.)
  if (!S_ISREG(st.st_mode)) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  // A regular file is read to the size fstat gave (what it held when
  // opened); pipes and other streams in chunks until the end.
  const bool sized = S_ISREG(st.st_mode) && st.st_size > 0;
  std::string bytes(sized ? static_cast<size_t>(st.st_size) : 0, '\0');
  size_t have = 0;
  char probe[16384];
  while (!sized || have < bytes.size()) {
    const bool full = have == bytes.size();
    char* dst = full ? probe : bytes.data() + have;
    const size_t room = full ? sizeof probe : bytes.size() - have;
    const ssize_t n = ::read(fd, dst, room);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      throw SourceError(shown, 0, 0, both(msg::source_read_error, os_error_text(err)));
    }
    if (n == 0) break;
    if (full) bytes.append(probe, static_cast<size_t>(n));
    have += static_cast<size_t>(n);
    if (have > limits.max_bytes) {  // a stream that does not end, or a file that grew
      refuse_too_large(fd, shown, limits.max_bytes);
    }
  }
  ::close(fd);
  bytes.resize(have);
  return bytes;
}

std::string read_regular_file_at(int folder_fd, const std::string& name, const std::string& shown) {
  // Non-blocking: should the entry have become a named pipe since the walk
  // saw it, the open does not wait for a writer.
  const int fd = ::openat(folder_fd, name.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw SourceError(shown, 0, 0, both(msg::source_cannot_open, os_error_text(errno)));
  // Plans are a few KiB: one read into a buffer kept per thread, then the
  // bytes copied out at their size; longer files in further reads.
  thread_local std::vector<char> chunk(size_t{1} << 16);
  std::string bytes;
  for (;;) {
    const ssize_t n = ::read(fd, chunk.data(), chunk.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::close(fd);
      if (err == EISDIR) throw SourceError(shown, 0, 0, both(msg::os_is_directory));
      throw SourceError(shown, 0, 0, both(msg::source_read_error, os_error_text(err)));
    }
    if (static_cast<size_t>(n) == chunk.size() && bytes.empty()) {
      // Longer than a plan usually is: its size, once, to refuse a huge file
      // before reading it and to read the rest into place.
      struct stat st {};
      if (::fstat(fd, &st) == 0 && static_cast<uint64_t>(st.st_size) > kMaxDocumentBytes) {
        refuse_too_large(fd, shown);
      }
      bytes.reserve(static_cast<size_t>(st.st_size));
    }
    bytes.append(chunk.data(), static_cast<size_t>(n));
    if (bytes.size() > kMaxDocumentBytes) {  // grown since
      refuse_too_large(fd, shown);
    }
    if (static_cast<size_t>(n) < chunk.size()) break;  // short: the end of a regular file
  }
  ::close(fd);
  return bytes;
}

Source read_source(const std::filesystem::path& path, std::optional<SourceEncoding> forced) {
  return decode_source(read_file_bytes(path), path.string(), forced);
}

bool looks_binary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  if (head.size() >= 2 && ((head[0] == '\xFF' && head[1] == '\xFE') || (head[0] == '\xFE' && head[1] == '\xFF')))
    return false;
  if (bool big_endian = false; utf16_without_bom(head, &big_endian)) return false;
  return head.find('\0') != std::string_view::npos;
}

}  // namespace plancheck
