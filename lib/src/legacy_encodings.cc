// The legacy Vietnamese encodings (source.h): Windows-1258 through ICU's
// converter, VISCII, TCVN3 and VNI-Windows from tables of our own (ICU has
// no converter for them here: ucnv_open("VISCII") fails with the data the
// command links), each decoded to NFC; and the statistical test that tells,
// for bytes that are not UTF-8, which of them the text was typed in.
//
// Sources of the tables: VISCII is RFC 1456; TCVN3 is TCVN 5712:1993 (VN1,
// whose bytes 0xA0–0xFF are the ABC fonts' .VnTime page, the capitals with
// tones in the C0 and 0x80–0x9F places); VNI-Windows writes a letter as its
// base followed by mark bytes in the cp1252 range ("ấ" = "a" 0xE1).
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>

#include "plancheck/source.h"
#include "vi.h"

namespace plancheck {

namespace {

// Bytes 0x80–0xFF of TCVN3 (TCVN 5712 VN1), and the C0 bytes that are capitals.
constexpr std::array<char16_t, 128> kTcvn3High = {
    0x00C0, 0x1EA2, 0x00C3, 0x00C1, 0x1EA0, 0x1EB6, 0x1EAC, 0x00C8, 0x1EBA, 0x1EBC, 0x00C9, 0x1EB8, 0x1EC6, 0x00CC,
    0x1EC8, 0x0128, 0x00CD, 0x1ECA, 0x00D2, 0x1ECE, 0x00D5, 0x00D3, 0x1ECC, 0x1ED8, 0x1EDC, 0x1EDE, 0x1EE0, 0x1EDA,
    0x1EE2, 0x00D9, 0x1EE6, 0x0168, 0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, 0x0103, 0x00E2,
    0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
    0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, 0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0,
    0x1EB7, 0x1EA7, 0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, 0x00E9, 0x1EB9, 0x1EC1, 0x1EC3,
    0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, 0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, 0x1ED4, 0x1ECF,
    0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, 0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
    0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, 0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD,
    0x1EF5, 0x1ED0};
struct LowByte {
  unsigned char byte;
  char16_t cp;
};
constexpr LowByte kTcvn3Low[] = {{0x01, 0x00DA}, {0x02, 0x1EE4}, {0x04, 0x1EEA}, {0x05, 0x1EEC}, {0x06, 0x1EEE},
                                 {0x11, 0x1EE8}, {0x12, 0x1EF0}, {0x13, 0x1EF2}, {0x14, 0x1EF6}, {0x15, 0x1EF8},
                                 {0x16, 0x00DD}, {0x17, 0x1EF4}};

// Bytes 0x80–0xFF of VISCII (RFC 1456), and its six C0 capitals.
constexpr std::array<char16_t, 128> kVisciiHigh = {
    0x1EA0, 0x1EAE, 0x1EB0, 0x1EB6, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAC, 0x1EBC, 0x1EB8, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4,
    0x1EC6, 0x1ED0, 0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8, 0x1EE2, 0x1EDA, 0x1EDC, 0x1EDE, 0x1ECA, 0x1ECE, 0x1ECC, 0x1EC8,
    0x1EE6, 0x0168, 0x1EE4, 0x1EF2, 0x00D5, 0x1EAF, 0x1EB1, 0x1EB7, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAD, 0x1EBD, 0x1EB9,
    0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7, 0x1ED1, 0x1ED3, 0x1ED5, 0x1ED7, 0x1EE0, 0x01A0, 0x1ED9, 0x1EDD, 0x1EDF,
    0x1ECB, 0x1EF0, 0x1EE8, 0x1EEA, 0x1EEC, 0x01A1, 0x1EDB, 0x01AF, 0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x1EA2, 0x0102,
    0x1EB3, 0x1EB5, 0x00C8, 0x00C9, 0x00CA, 0x1EBA, 0x00CC, 0x00CD, 0x0128, 0x1EF3, 0x0110, 0x1EE9, 0x00D2, 0x00D3,
    0x00D4, 0x1EA1, 0x1EF7, 0x1EEB, 0x1EED, 0x00D9, 0x00DA, 0x1EF9, 0x1EF5, 0x00DD, 0x1EE1, 0x01B0, 0x00E0, 0x00E1,
    0x00E2, 0x00E3, 0x1EA3, 0x0103, 0x1EEF, 0x1EAB, 0x00E8, 0x00E9, 0x00EA, 0x1EBB, 0x00EC, 0x00ED, 0x0129, 0x1EC9,
    0x0111, 0x1EF1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x1ECF, 0x1ECD, 0x1EE5, 0x00F9, 0x00FA, 0x0169, 0x1EE7, 0x00FD,
    0x1EE3, 0x1EEE};
constexpr LowByte kVisciiLow[] = {{0x02, 0x1EB2}, {0x05, 0x1EB4}, {0x06, 0x1EAA},
                                  {0x14, 0x1EF6}, {0x19, 0x1EF8}, {0x1E, 0x1EF4}};

// cp1252's 0x80–0x9F (what VNI leaves to the code page); 0 where cp1252
// has nothing.
constexpr std::array<char16_t, 32> kCp1252C1 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The marks of Vietnamese, as combining characters.
constexpr char16_t kGrave = 0x0300, kAcute = 0x0301, kCircumflex = 0x0302, kTilde = 0x0303, kBreve = 0x0306,
                   kHook = 0x0309, kDotBelow = 0x0323;

// VNI-Windows: what a byte at or above 0xC0 stands for (upper- and
// lower-case bytes alike, 0x20 apart): up to two combining marks, or a
// letter of its own; {0, 0} when the byte is cp1252's Latin-1 letter.
struct VniByte {
  unsigned char lower;  // the lower-case byte (0xE0–0xFF); the capital's is lower - 0x20
  char16_t first, second;
  bool letter;  // first is a letter (lower case; its capital by u_toupper)
};
constexpr VniByte kVni[] = {
    // tones on a plain vowel
    {0xF9, kAcute, 0, false}, {0xF8, kGrave, 0, false}, {0xFB, kHook, 0, false}, {0xF5, kTilde, 0, false},
    {0xEF, kDotBelow, 0, false},
    // circumflex (â ê ô), alone and with each tone
    {0xE2, kCircumflex, 0, false}, {0xE1, kCircumflex, kAcute, false}, {0xE0, kCircumflex, kGrave, false},
    {0xE5, kCircumflex, kHook, false}, {0xE3, kCircumflex, kTilde, false}, {0xE4, kCircumflex, kDotBelow, false},
    // breve (ă), alone and with each tone
    {0xEA, kBreve, 0, false}, {0xE9, kBreve, kAcute, false}, {0xE8, kBreve, kGrave, false},
    {0xFA, kBreve, kHook, false}, {0xFC, kBreve, kTilde, false}, {0xEB, kBreve, kDotBelow, false},
    // letters of one byte
    {0xF4, 0x01A1, 0, true}, {0xF6, 0x01B0, 0, true}, {0xF1, 0x0111, 0, true}, {0xED, 0x00ED, 0, true},
    {0xEC, 0x00EC, 0, true}, {0xE6, 0x1EC9, 0, true}, {0xF3, 0x0129, 0, true}, {0xF2, 0x1ECB, 0, true},
    {0xEE, 0x1EF5, 0, true}};

const VniByte* vni_byte(unsigned char b) {
  if (b < 0xC0) return nullptr;
  const unsigned char lower = b | 0x20;
  for (const auto& v : kVni)
    if (v.lower == lower) return &v;
  return nullptr;
}

const icu::Normalizer2& nfc() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) throw std::runtime_error("ICU NFC data missing");
  return *n;
}
const icu::Normalizer2& nfd() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(err);
  if (U_FAILURE(err)) throw std::runtime_error("ICU NFD data missing");
  return *n;
}

std::string utf8_of(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

icu::UnicodeString decode_table(std::string_view bytes, const std::array<char16_t, 128>& high, const LowByte* low,
                                size_t low_count) {
  icu::UnicodeString u;
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    char16_t cp = b;
    if (b >= 0x80) cp = high[b - 0x80];
    else if (b < 0x20)
      for (size_t k = 0; k < low_count; ++k)
        if (low[k].byte == b) cp = low[k].cp;
    u.append(cp);
  }
  return u;
}

icu::UnicodeString decode_vni(std::string_view bytes) {
  icu::UnicodeString u;
  for (const char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) { u.append(static_cast<char16_t>(b)); continue; }
    if (b < 0xA0) { u.append(kCp1252C1[b - 0x80] ? kCp1252C1[b - 0x80] : char16_t{0xFFFD}); continue; }
    const VniByte* v = vni_byte(b);
    if (!v) { u.append(static_cast<char16_t>(b)); continue; }
    if (v->letter) {
      u.append(b < 0xE0 ? static_cast<char16_t>(u_toupper(v->first)) : v->first);
      continue;
    }
    u.append(v->first);
    if (v->second) u.append(v->second);
  }
  return u;
}

icu::UnicodeString decode_1258(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open("windows-1258", &err), ucnv_close);
  if (U_FAILURE(err) || !conv) throw std::runtime_error("ICU has no windows-1258 converter");
  icu::UnicodeString u;
  const int32_t cap = static_cast<int32_t>(bytes.size()) + 1;
  char16_t* buf = u.getBuffer(cap);
  err = U_ZERO_ERROR;
  const int32_t n = ucnv_toUChars(conv.get(), buf, cap, bytes.data(), static_cast<int32_t>(bytes.size()), &err);
  u.releaseBuffer(U_SUCCESS(err) ? n : 0);
  return u;
}

// The letters of a byte table, the other way: code point → byte.
int byte_in_table(char16_t cp, const std::array<char16_t, 128>& high, const LowByte* low, size_t low_count) {
  if (cp < 0x80) {
    for (size_t k = 0; k < low_count; ++k)
      if (low[k].byte == cp) return -1;  // a C0 place the table gives a letter
    return cp;
  }
  for (size_t k = 0; k < 128; ++k)
    if (high[k] == cp) return static_cast<int>(0x80 + k);
  for (size_t k = 0; k < low_count; ++k)
    if (low[k].cp == cp) return low[k].byte;
  return -1;
}

// ---- how Vietnamese a decoding reads -------------------------------------

bool is_vowel_base(uint32_t b) {
  switch (b) {
    case 'a': case 0x103: case 0xE2: case 'e': case 0xEA: case 'i': case 'o': case 0xF4: case 0x1A1: case 'u':
    case 0x1B0: case 'y': return true;
    default: return false;
  }
}

// One lower-case word, tones stripped into `tones`: a Vietnamese syllable
// (onset, one to three vowels, a final consonant)?
bool is_syllable(const std::u32string& w) {
  if (w.empty() || w.size() > 7) return false;
  std::u32string base;
  int tones = 0;
  for (const char32_t c : w) {
    if (c < 0x80) {
      if (c < 'a' || c > 'z' || c == 'f' || c == 'j' || c == 'w' || c == 'z') return false;
      base += c;
      continue;
    }
    if (c == 0x111) { base += c; continue; }
    const vi::Vowel v = vi::vowel(c);
    if (!v.base) return false;
    tones += v.tone != 0;
    base += static_cast<char32_t>(v.base);
  }
  if (tones > 1) return false;
  static const char32_t* const kOnsets[] = {U"ngh", U"ng", U"nh", U"ch", U"gh", U"gi", U"kh", U"ph", U"qu", U"th",
                                            U"tr", U"b",  U"c",  U"d",  U"\u0111", U"g", U"h", U"k", U"l", U"m",
                                            U"n",  U"p",  U"r",  U"s",  U"t",  U"v",  U"x", U""};
  static const char32_t* const kCodas[] = {U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};
  for (const char32_t* on : kOnsets) {
    const std::u32string_view o(on);
    if (base.compare(0, o.size(), o) != 0) continue;
    size_t i = o.size(), vowels = 0;
    while (i < base.size() && is_vowel_base(base[i])) ++i, ++vowels;
    // "gì", "gìn": the i of gi is the vowel when nothing else is
    if (vowels == 0 && o == U"gi") vowels = 1;
    if (vowels == 0 || vowels > 3) continue;
    const std::u32string_view rest = std::u32string_view(base).substr(i);
    for (const char32_t* co : kCodas)
      if (rest == co) return true;
  }
  return false;
}

constexpr const char* kCommon[] = {"của", "và", "đại", "hội", "đảng", "các", "năm", "tháng", "ngày", "được",
                                   "những", "trong", "với", "công", "tác", "cấp", "bộ", "chức", "thực", "hiện"};

}  // namespace

bool is_legacy(SourceEncoding e) {
  return e == SourceEncoding::windows1258 || e == SourceEncoding::viscii || e == SourceEncoding::tcvn3 ||
         e == SourceEncoding::vni;
}

std::string decode_legacy(std::string_view bytes, SourceEncoding e) {
  icu::UnicodeString u;
  switch (e) {
    case SourceEncoding::windows1258: u = decode_1258(bytes); break;
    case SourceEncoding::viscii: u = decode_table(bytes, kVisciiHigh, kVisciiLow, std::size(kVisciiLow)); break;
    case SourceEncoding::tcvn3: u = decode_table(bytes, kTcvn3High, kTcvn3Low, std::size(kTcvn3Low)); break;
    case SourceEncoding::vni: u = decode_vni(bytes); break;
    default: throw std::invalid_argument("decode_legacy: not a legacy encoding");
  }
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString composed = nfc().normalize(u, err);
  if (U_FAILURE(err)) throw std::runtime_error("NFC failed");
  return utf8_of(composed);
}

std::string encode_legacy(std::string_view utf8, SourceEncoding e) {
  if (!is_legacy(e)) throw std::invalid_argument("encode_legacy: not a legacy encoding");
  UErrorCode err = U_ZERO_ERROR;
  const icu::UnicodeString in =
      nfc().normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size()))), err);
  std::string out;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(nullptr, ucnv_close);
  if (e == SourceEncoding::windows1258) {
    conv.reset(ucnv_open("windows-1258", &err));
    if (U_FAILURE(err)) throw std::runtime_error("ICU has no windows-1258 converter");
    // A character the code page cannot write is an error to see, not a
    // substitute byte (0x1A) to write.
    ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  }
  // Windows-1258's bytes for `s`, or false when it cannot write it all.
  const auto cp1258 = [&](const icu::UnicodeString& s) {
    char buf[16];
    UErrorCode cerr = U_ZERO_ERROR;
    ucnv_resetFromUnicode(conv.get());
    const int32_t n = ucnv_fromUChars(conv.get(), buf, sizeof buf, s.getBuffer(), s.length(), &cerr);
    if (U_FAILURE(cerr)) return false;
    out.append(buf, static_cast<size_t>(n));
    return true;
  };
  for (int32_t i = 0; i < in.length();) {
    const UChar32 cp = in.char32At(i);
    i += U16_LENGTH(cp);
    if (cp < 0x80 && e != SourceEncoding::viscii && e != SourceEncoding::tcvn3) {
      out += static_cast<char>(cp);
      continue;
    }
    if (e == SourceEncoding::viscii || e == SourceEncoding::tcvn3) {
      const int b = e == SourceEncoding::viscii
                        ? byte_in_table(static_cast<char16_t>(cp), kVisciiHigh, kVisciiLow, std::size(kVisciiLow))
                        : byte_in_table(static_cast<char16_t>(cp), kTcvn3High, kTcvn3Low, std::size(kTcvn3Low));
      out += b < 0 || cp > 0xFFFF ? '?' : static_cast<char>(b);
      continue;
    }
    // Windows-1258 and VNI: the letter's decomposition — its base, the
    // vowel's own mark (circumflex, breve, horn) and the tone.
    icu::UnicodeString d;
    err = U_ZERO_ERROR;
    d = nfd().normalize(icu::UnicodeString(cp), err);
    UChar32 base = d.char32At(0);
    char16_t quality = 0, tone = 0;
    bool other_mark = false;  // a mark Vietnamese does not write (Ä's diaeresis, Å's ring)
    for (int32_t k = U16_LENGTH(base); k < d.length(); ++k) {
      const char16_t m = d.charAt(k);
      if (m == kCircumflex || m == kBreve || m == 0x031B) quality = m;
      else if (m == kAcute || m == kGrave || m == kHook || m == kTilde || m == kDotBelow) tone = m;
      else other_mark = true;
    }
    if (e == SourceEncoding::windows1258) {
      // Another letter the code page has whole (Ä, ß, €) is its byte.
      if (other_mark || (!quality && !tone)) {
        if (!cp1258(icu::UnicodeString(cp))) out += '?';
        continue;
      }
      // The base with its own mark is one byte (â ă ê ô ơ ư); the tone a
      // combining byte after it.
      icu::UnicodeString letter(base);
      if (quality) letter.append(quality);
      letter = nfc().normalize(letter, err);
      if (tone) letter.append(tone);
      if (!cp1258(letter)) out += '?';
      continue;
    }
    // VNI
    const bool upper = u_isupper(base);
    const auto cased = [upper](unsigned char lower) { return static_cast<char>(upper ? lower - 0x20 : lower); };
    const UChar32 lbase = u_tolower(base);
    if (lbase == 0x111) { out += cased(0xF1); continue; }
    if (quality == 0x031B) {  // ơ ư are letters of one byte
      out += cased(lbase == 'o' ? 0xF4 : 0xF6);
      quality = 0;
    } else if (lbase == 'i' && tone) {  // í ì ỉ ĩ ị are letters of one byte
      out += cased(tone == kAcute ? 0xED : tone == kGrave ? 0xEC : tone == kHook ? 0xE6 : tone == kTilde ? 0xF3 : 0xF2);
      continue;
    } else if (lbase == 'y' && tone == kDotBelow) {
      out += cased(0xEE);
      continue;
    } else if (lbase < 0x80) {
      out += static_cast<char>(base);
    } else {
      out += '?';
      continue;
    }
    if (quality || tone) {
      for (const auto& v : kVni) {
        if (v.letter) continue;
        const char16_t want_first = quality ? quality : tone, want_second = quality ? tone : 0;
        if (v.first == want_first && v.second == want_second) { out += cased(v.lower); break; }
      }
    }
  }
  return out;
}

LegacyGuess guess_legacy_encoding(std::string_view bytes) {
  LegacyGuess best;
  double second = 0;
  // A few hundred kilobytes say what the encoding is as well as the whole.
  const std::string_view sample = bytes.substr(0, size_t{256} << 10);
  for (const SourceEncoding e :
       {SourceEncoding::tcvn3, SourceEncoding::vni, SourceEncoding::viscii, SourceEncoding::windows1258}) {
    const std::string text = decode_legacy(sample, e);
    size_t marked = 0, valid = 0, common = 0, junk = 0;
    std::u32string word;
    bool has_mark = false, poisoned = false;
    auto end_word = [&] {
      if (!word.empty() && has_mark) {
        ++marked;
        if (!poisoned && is_syllable(word)) {
          ++valid;
          std::string w8;
          for (const char32_t c : word) vi::append_utf8(w8, c);
          for (const char* c : kCommon) common += w8 == c;
        }
      }
      word.clear();
      has_mark = poisoned = false;
    };
    for (size_t i = 0; i < text.size();) {
      size_t len;
      const uint32_t cp = vi::decode(text, i, &len);
      i += len;
      if (u_isalpha(static_cast<UChar32>(cp))) {
        word += static_cast<char32_t>(u_tolower(static_cast<UChar32>(cp)));
        has_mark |= cp >= 0x80;
        continue;
      }
      if (cp >= 0x80 || (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f')) {
        // Punctuation a Vietnamese text has beyond ASCII; anything else is a
        // sign the decoding is wrong (a stray mark, a symbol, a control code).
        static constexpr uint32_t kPunct[] = {0xA0, 0xAB, 0xBB, 0xB0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D,
                                              0x2022, 0x2026};
        if (std::find(std::begin(kPunct), std::end(kPunct), cp) == std::end(kPunct)) {
          ++junk;
          if (!word.empty()) {  // the word it stands in is not read as valid
            has_mark = poisoned = true;
            continue;
          }
        }
      }
      end_word();
    }
    end_word();
    // Half the share of valid syllables among the words with letters beyond
    // ASCII (signs that are no Vietnamese counting against it), half how
    // often the commonest syllables come: one word in ten at least in
    // Vietnamese prose (a third in the corpus), next to none in a wrong
    // reading, whose letters make syllables now and then by chance.
    const double valid_share =
        marked + junk == 0 ? 0 : static_cast<double>(valid) / static_cast<double>(marked + junk);
    const double common_share =
        marked == 0 ? 0 : std::min(1.0, static_cast<double>(common) * 10 / static_cast<double>(marked));
    const double score = (valid_share + common_share) / 2;
    if (score > best.score) {
      second = best.score;
      best = LegacyGuess{e, score, 0, marked};
    } else if (score > second) {
      second = score;
    }
  }
  best.margin = best.score - second;
  return best;
}

}  // namespace plancheck
