#include "readers/pdf_reader.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <system_error>

#include "plancheck/messages.h"
#include "plancheck/source.h"
#include "vi.h"

extern char** environ;

namespace plancheck::readers {

namespace {

[[noreturn]] void fail(const std::string& path, LocalText reason) { throw SourceError(path, 0, 0, std::move(reason)); }

// ---------------------------------------------------------------------------
// Text of a page: UTF-16 from poppler to clean NFC UTF-8.

// Poppler gives what the font's ToUnicode map says: sometimes decomposed
// (a + U+0301), sometimes presentation forms (ligatures), odd spaces and
// control characters. Spaces become ' ', a form feed a line end, other
// controls go, Latin ligatures are spelt out; then NFC.
std::string page_text_utf8(const std::u16string_view u) {
  icu::UnicodeString s;
  s.remove();
  for (const char16_t c : u) {
    switch (c) {
      case 0xFB00: s.append(u"ff"); continue;
      case 0xFB01: s.append(u"fi"); continue;
      case 0xFB02: s.append(u"fl"); continue;
      case 0xFB03: s.append(u"ffi"); continue;
      case 0xFB04: s.append(u"ffl"); continue;
      case 0xFB05:
      case 0xFB06: s.append(u"st"); continue;
      case 0x00A0:
      case 0x202F:
      case 0x3000:
      case u'\t': s.append(u' '); continue;
      case u'\f':
      case u'\r':
      case 0x2028:
      case 0x2029: s.append(u'\n'); continue;
      case 0xFEFF:
      case 0x200B: continue;
      default: break;
    }
    if (c >= 0x2000 && c <= 0x200A) { s.append(u' '); continue; }
    if ((c < 0x20 && c != u'\n') || (c >= 0x7F && c < 0xA0)) continue;
    s.append(static_cast<UChar>(c));
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  if (U_SUCCESS(status)) {
    icu::UnicodeString n = nfc->normalize(s, status);
    if (U_SUCCESS(status)) return n.toUTF8String(out);
  }
  // Normalization failing leaves the text unnormalized, never lost; an
  // unpaired surrogate still becomes U+FFFD (valid UTF-8).
  return s.toUTF8String(out);
}

// The page's lines: spaces collapsed and trimmed, "" for a blank line.
std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t i = 0;
  while (i <= text.size()) {
    size_t e = text.find('\n', i);
    if (e == std::string_view::npos) e = text.size();
    std::string line;
    bool space = false;
    for (size_t k = i; k < e; ++k) {
      if (text[k] == ' ') {
        space = !line.empty();
        continue;
      }
      if (space) line += ' ';
      space = false;
      line += text[k];
    }
    lines.push_back(std::move(line));
    i = e + 1;
  }
  // Trailing blank lines say nothing.
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// ---------------------------------------------------------------------------
// Layout: headers, page numbers, joining.

uint32_t first_cp(std::string_view s) {
  size_t len = 0;
  return s.empty() ? 0 : vi::decode(s, 0, &len);
}

uint32_t last_cp(std::string_view s, size_t* start = nullptr) {
  if (s.empty()) return 0;
  const size_t b = vi::prev_start(s, s.size());
  if (start) *start = b;
  size_t len = 0;
  return vi::decode(s, b, &len);
}

size_t code_points(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool is_lower_letter(uint32_t cp) { return vi::is_letter(cp) && !vi::is_upper(cp); }
bool is_digit(uint32_t cp) { return cp - '0' < 10u; }

// A heading set in capitals: letters, two at least, none lower-case.
bool all_caps(std::string_view s) {
  size_t letters = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const uint32_t cp = vi::decode(s, i, &len);
    if (vi::is_letter(cp)) {
      if (!vi::is_upper(cp)) return false;
      ++letters;
    }
    i += len ? len : 1;
  }
  return letters >= 2;
}

bool ends_sentence(std::string_view s) {
  // Closing quotes and brackets after the stop still end the sentence.
  while (!s.empty()) {
    size_t b = 0;
    const uint32_t cp = last_cp(s, &b);
    if (cp == ')' || cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == ']') {
      s = s.substr(0, b);
      continue;
    }
    return cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == 0x2026;
  }
  return false;
}

// "1.", "1.2.", "2)", "a)", "đ)", "b.", "II.", "IV)", "-", "–", "•", "+", "*"
// followed by a space (or alone): the start of an item of its own.
bool starts_list_item(std::string_view s) {
  size_t len = 1;
  const uint32_t c0 = vi::decode(s, 0, &len);
  auto spaced = [&](size_t at) { return at >= s.size() || s[at] == ' '; };
  if (c0 == '-' || c0 == 0x2013 || c0 == 0x2014 || c0 == 0x2022 || c0 == '+' || c0 == '*' || c0 == 0x25CF ||
      c0 == 0x25AA || c0 == 0xB7)
    return spaced(len);
  size_t i = 0;
  if (is_digit(c0)) {
    // Numbers with dots between: 1. 1.2. 1.2.3)
    while (i < s.size()) {
      size_t d = i;
      while (d < s.size() && d - i < 3 && is_digit(static_cast<unsigned char>(s[d]))) ++d;
      if (d == i || d >= s.size() || (s[d] != '.' && s[d] != ')')) return false;
      i = d + 1;
      if (spaced(i)) return true;
      if (s[d] == ')') return false;
    }
    return false;
  }
  // Roman numerals.
  size_t r = 0;
  while (r < s.size() && r < 6 && s[r] != '\0' && std::strchr("IVXLC", s[r])) ++r;
  if (r > 0 && r < s.size() && (s[r] == '.' || s[r] == ')') && spaced(r + 1)) return true;
  // One letter: a) b. đ)
  if (vi::is_letter(c0) && len < s.size() && (s[len] == ')' || (s[len] == '.' && is_lower_letter(c0))) &&
      spaced(len + 1))
    return true;
  return false;
}

// A bare page number: "3", "- 3 -", "-3-", "Trang 3", "trang 3/12",
// "Page 3 of 12", "3/12". Its value must be one a page could have.
bool is_page_number(std::string_view s, size_t pages) {
  std::string t;
  for (const char c : s)
    if (c != ' ') t += c;
  auto strip = [&](std::string_view prefix) {
    if (t.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), t.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      t.erase(0, prefix.size());
      return true;
    }
    return false;
  };
  if (!strip("Trang")) strip("Page");
  // Dashes around: "-3-", "– 3 –".
  auto strip_dashes = [&]() {
    for (const std::string_view d : {std::string_view("-"), std::string_view("\u2013"), std::string_view("\u2014")}) {
      while (t.size() >= d.size() && t.compare(0, d.size(), d) == 0) t.erase(0, d.size());
      while (t.size() >= d.size() && t.compare(t.size() - d.size(), d.size(), d) == 0) t.erase(t.size() - d.size());
    }
  };
  strip_dashes();
  size_t i = 0;
  while (i < t.size() && i < 5 && is_digit(static_cast<unsigned char>(t[i]))) ++i;
  if (i == 0 || i > 4) return false;
  const size_t value = std::stoul(t.substr(0, i));
  if (value == 0 || value > pages + 20) return false;
  if (i == t.size()) return true;
  std::string_view rest = std::string_view(t).substr(i);
  if (rest.substr(0, 1) == "/") rest.remove_prefix(1);
  else if (rest.substr(0, 2) == "of") rest.remove_prefix(2);
  else return false;
  // "of N": N a page count too, so that "5/2025" (a month) at a page's
  // foot stays text.
  if (rest.empty() || rest.size() > 4 ||
      !std::all_of(rest.begin(), rest.end(), [](char c) { return is_digit(static_cast<unsigned char>(c)); }))
    return false;
  const size_t of = std::stoul(std::string(rest));
  return of >= value && of <= pages + 20;
}

// A line with its digits standing for any digit: "Trang 3" and "Trang 4",
// or a header carrying the page number, are one running line.
std::string furniture_key(std::string_view s) {
  std::string k(s);
  for (char& c : k)
    if (is_digit(static_cast<unsigned char>(c))) c = '#';
  return k;
}

struct BodyLine {
  std::string text;
  uint32_t page, line;
  bool gap_before;  // a blank line above it on the same page
};

bool is_ascii_word_end(std::string_view s) {
  // The letters before the final '-' are all ASCII (back to a space).
  size_t e = s.size() - 1;
  size_t b = s.rfind(' ', e);
  b = b == std::string_view::npos ? 0 : b + 1;
  for (size_t k = b; k < e; ++k)
    if (static_cast<unsigned char>(s[k]) >= 0x80) return false;
  return true;
}

bool is_ascii_word_start(std::string_view s) {
  for (const char c : s) {
    if (c == ' ') break;
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::vector<PdfLine> assemble_lines(const std::vector<RawPage>& pages) {
  const size_t n_pages = pages.size();
  // Running headers and footers: keys seen at a page's top or bottom.
  std::map<std::string, size_t> pages_with;
  std::vector<std::vector<std::pair<size_t, std::string>>> edges(n_pages);  // (index in page, text)
  for (size_t p = 0; p < n_pages; ++p) {
    std::vector<size_t> nonempty;
    for (size_t i = 0; i < pages[p].lines.size(); ++i)
      if (!pages[p].lines[i].empty()) nonempty.push_back(i);
    std::set<size_t> picked;
    for (size_t k = 0; k < nonempty.size() && k < 2; ++k) picked.insert(nonempty[k]);
    for (size_t k = 0; k < nonempty.size() && k < 2; ++k) picked.insert(nonempty[nonempty.size() - 1 - k]);
    std::set<std::string> keys;
    for (const size_t i : picked) {
      edges[p].emplace_back(i, pages[p].lines[i]);
      keys.insert(furniture_key(pages[p].lines[i]));
    }
    for (const auto& k : keys) ++pages_with[k];
  }
  auto running = [&](const std::string& line) {
    const auto it = pages_with.find(furniture_key(line));
    return n_pages >= 2 && it != pages_with.end() && it->second >= 2 && it->second * 2 > n_pages;
  };

  std::vector<BodyLine> body;
  for (size_t p = 0; p < n_pages; ++p) {
    std::set<size_t> drop;
    for (const auto& e : edges[p])
      if (is_page_number(e.second, n_pages) || running(e.second)) drop.insert(e.first);
    uint32_t line_no = 0;
    bool gap = false;
    for (size_t i = 0; i < pages[p].lines.size(); ++i) {
      const std::string& t = pages[p].lines[i];
      if (t.empty()) {
        gap = true;
        continue;
      }
      ++line_no;
      if (drop.count(i)) continue;
      // A soft hyphen is invisible but at a line's end, where it says the
      // word goes on below: the others go now, before offsets are taken.
      std::string kept;
      kept.reserve(t.size());
      for (size_t k = 0; k < t.size(); ++k) {
        if (t.compare(k, 2, "\u00AD") == 0 && k + 2 < t.size()) {
          ++k;
          continue;
        }
        kept += t[k];
      }
      // The first line of a page has no gap above it that counts: a
      // sentence broken across pages is joined like one broken at a line.
      const bool first_on_page = body.empty() || body.back().page != p + 1;
      body.push_back({std::move(kept), static_cast<uint32_t>(p + 1), line_no,
                      gap && !first_on_page && !pages[p].recognised});
      gap = false;
    }
  }

  // A full line: 75 % of the length most long lines have (the 90th
  // percentile, so that one overlong line does not set the measure). Code
  // points stand for width, which in a proportional font they do only
  // roughly: a scan's line of 41 letters ended at the margin where the
  // longest had 52; title lines run at half a line or less.
  std::vector<size_t> lengths;
  for (const auto& b : body) lengths.push_back(code_points(b.text));
  size_t full = SIZE_MAX;
  if (!lengths.empty()) {
    std::sort(lengths.begin(), lengths.end());
    full = std::max<size_t>(20, lengths[lengths.size() * 9 / 10] * 3 / 4);
  }

  std::vector<PdfLine> out;
  std::string prev;  // the last physical line of the output line being built
  for (auto& b : body) {
    auto start_line = [&]() {
      PdfLine l;
      l.text = std::move(b.text);
      l.page = b.page;
      l.line = b.line;
      l.parts.push_back(PdfLinePart{0, b.page, b.line});
      out.push_back(std::move(l));
      prev = out.back().text;
    };
    if (out.empty() || b.gap_before) {
      start_line();
      continue;
    }
    std::string& cur = out.back().text;
    const std::string& next = b.text;
    size_t lb = 0;
    const uint32_t last = last_cp(prev, &lb);
    const uint32_t before_last = lb > 0 ? last_cp(std::string_view(prev).substr(0, lb)) : 0;
    const uint32_t first = first_cp(next);
    enum { none, space, glue, unhyphen_glue, unhyphen_space } how = none;
    if (last == 0xAD) {
      how = unhyphen_glue;
    } else if (last == '-' && vi::is_letter(before_last) && is_lower_letter(first)) {
      how = is_ascii_word_end(prev) && is_ascii_word_start(next) ? unhyphen_glue : unhyphen_space;
    } else if (last == '-' && (is_digit(before_last) || vi::is_upper(before_last)) &&
               (is_digit(first) || vi::is_upper(first)) && !starts_list_item(next)) {
      how = glue;
    } else if (!ends_sentence(prev) && !all_caps(prev) && !all_caps(next) && !starts_list_item(next)) {
      if (is_lower_letter(first) || is_digit(first) || (vi::is_upper(first) && code_points(prev) >= full))
        how = space;
    }
    switch (how) {
      case none:
        start_line();
        continue;
      case space: cur += ' '; break;
      case glue: break;
      case unhyphen_glue: cur.resize(cur.size() - (last == 0xAD ? 2 : 1)); break;
      case unhyphen_space:
        cur.pop_back();
        cur += ' ';
        break;
    }
    out.back().parts.push_back(PdfLinePart{static_cast<uint32_t>(cur.size()), b.page, b.line});
    cur += next;
    prev = next;
  }
  // A soft hyphen left at a line's end had nothing below to join: it goes,
  // and a part it leaves empty with it.
  for (auto& l : out) {
    while (l.text.size() >= 2 && l.text.compare(l.text.size() - 2, 2, "\u00AD") == 0) l.text.resize(l.text.size() - 2);
    while (l.parts.size() > 1 && l.parts.back().offset >= l.text.size()) l.parts.pop_back();
  }
  std::erase_if(out, [](const PdfLine& l) { return l.text.empty(); });
  return out;
}

bool looks_like_pdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

std::string joined_text(const PdfText& text) {
  std::string out;
  for (const auto& l : text.lines) {
    if (!out.empty()) out += '\n';
    out += l.text;
  }
  return out;
}

namespace {

// ---------------------------------------------------------------------------
// OCR: tesseract, run without a shell.

// A private folder under $TMPDIR (or /tmp), removed with what is in it when
// this goes out of scope, whatever path leaves.
class TempDir {
 public:
  TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/plancheck-ocr-XXXXXX";
    if (mkdtemp(tmpl.data())) path_ = tmpl;
  }
  ~TempDir() {
    if (path_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The program's path when `name` is on PATH and executable, else "".
std::string find_on_path(const std::string& name) {
  const char* path = std::getenv("PATH");
  if (!path) return {};
  std::string_view p(path);
  while (true) {
    const size_t colon = p.find(':');
    std::string_view dir = p.substr(0, colon);
    if (dir.empty()) dir = ".";  // an empty entry is the current folder
    std::string full;
    full.reserve(dir.size() + 1 + name.size());
    full.append(dir).append(1, '/').append(name);
    struct stat st {};
    if (stat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(full.c_str(), X_OK) == 0) return full;
    if (colon == std::string_view::npos) break;
    p.remove_prefix(colon + 1);
  }
  return {};
}

struct RunResult {
  bool started = false;
  int status = -1;  // as waitpid gives it
  bool timed_out = false, too_long = false;
  std::string out;
};

// Runs `argv` (argv[0] a full path) with stdout into a pipe and stderr into
// `err_file` (or /dev/null), reading at most `max_out` bytes and waiting at
// most `seconds`; a child past either is killed. No shell ever sees an
// argument.
RunResult run_program(const std::vector<std::string>& argv, const std::string& err_file, size_t max_out, int seconds) {
  RunResult r;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return r;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, err_file.empty() ? "/dev/null" : err_file.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // tesseract's OpenMP threads: one, unless the user says otherwise; a
  // batch already reads several files at once (-j) and each page is small.
  std::vector<char*> env;
  bool omp_set = false;
  for (char** e = environ; e && *e; ++e) {
    omp_set = omp_set || std::strncmp(*e, "OMP_THREAD_LIMIT=", 17) == 0;
    env.push_back(*e);
  }
  static char omp_one[] = "OMP_THREAD_LIMIT=1";
  if (!omp_set) env.push_back(omp_one);
  env.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, argv[0].c_str(), &fa, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&fa);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    return r;
  }
  r.started = true;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  char buf[65536];
  while (true) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    if (left <= 0) {
      r.timed_out = true;
      break;
    }
    pollfd pfd{fds[0], POLLIN, 0};
    const int pr = poll(&pfd, 1, static_cast<int>(std::min<long long>(left, INT_MAX)));
    if (pr < 0 && errno == EINTR) continue;
    if (pr <= 0) continue;  // timeout: the loop head notices
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (r.out.size() + static_cast<size_t>(n) > max_out) {
      r.too_long = true;
      break;
    }
    r.out.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  if (r.timed_out || r.too_long) kill(pid, SIGKILL);
  while (waitpid(pid, &r.status, 0) < 0 && errno == EINTR) {
  }
  return r;
}

// Why OCR cannot run ("" when it can): tesseract on PATH, with `vie`.
LocalText ocr_unavailable(std::string* program) {
  *program = find_on_path("tesseract");
  if (program->empty()) return both(msg::source_pdf_no_tesseract);
  const RunResult r = run_program({*program, "--list-langs"}, "", 1 << 20, 30);
  if (!r.started || r.status != 0) return both(msg::source_pdf_no_tesseract);
  // One language a line, after a heading line.
  size_t i = 0;
  while (i < r.out.size()) {
    size_t e = r.out.find('\n', i);
    if (e == std::string::npos) e = r.out.size();
    std::string_view line(r.out.data() + i, e - i);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line == "vie") return {};
    i = e + 1;
  }
  return both(msg::source_pdf_no_vie);
}

std::string tail_of_file(const std::string& path) {
  std::string s;
  try {
    s = read_file_bytes(path, ReadLimits{1 << 20, false});
  } catch (const SourceError&) {
    return {};
  }
  // The last line that says something.
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
  const size_t nl = s.rfind('\n');
  if (nl != std::string::npos) s.erase(0, nl + 1);
  if (s.size() > 200) s.erase(200);
  s.resize(valid_utf8_prefix(s));
  return s;
}

// Every pixel near white (ARGB32 as the renderer gives by default; other
// formats are taken as not blank).
bool blank(const poppler::image& img) {
  if (img.format() != poppler::image::format_argb32) return false;
  const int w = img.width(), h = img.height(), stride = img.bytes_per_row();
  const auto* data = reinterpret_cast<const unsigned char*>(img.const_data());
  for (int y = 0; y < h; ++y) {
    const unsigned char* row = data + static_cast<size_t>(y) * static_cast<size_t>(stride);
    for (int x = 0; x < w; ++x) {
      const unsigned char* px = row + 4 * x;  // B, G, R, A in memory
      if (px[0] < 200 || px[1] < 200 || px[2] < 200) return false;
    }
  }
  return true;
}

// A page rendered at 300 dpi and read by tesseract: its text (UTF-8), ""
// for a blank page.
std::string recognise_page(const poppler::page& page, uint32_t page_no, const std::string& tesseract,
                           const std::string& path, size_t max_out) {
  auto failed = [&](const std::string& why) { fail(path, both(msg::source_pdf_ocr_failed, page_no, why)); };
  TempDir dir;
  if (dir.path().empty()) failed(std::string("cannot create a temporary folder: ") + std::strerror(errno));
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  // A page too large to render at 300 dpi (a poster) is rendered smaller:
  // at most 10,000 pixels a side.
  const poppler::rectf box = page.page_rect();
  double dpi = 300;
  const double side = std::max(box.width(), box.height());
  if (side > 0 && side / 72.0 * dpi > 10000) dpi = 10000 * 72.0 / side;
  const poppler::image img = renderer.render_page(&page, dpi, dpi);
  if (!img.is_valid()) failed("poppler cannot render the page");
  // A blank page (a separator, the back of a sheet) has nothing to read:
  // tesseract is not run on it, and it is not counted as recognised.
  if (blank(img)) return {};
  const std::string png = dir.path() + "/page.png";
  if (!img.save(png, "png", static_cast<int>(dpi))) failed("cannot write the rendered page");
  const std::string err = dir.path() + "/tesseract.err";
  const RunResult r = run_program({tesseract, png, "stdout", "-l", "vie"}, err, max_out, 300);
  if (!r.started) failed("cannot run tesseract");
  if (r.timed_out) failed("tesseract took longer than 300 s");
  if (r.too_long) failed("tesseract's output is too large");
  if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0) {
    std::string why = "tesseract exited with status " +
                      std::to_string(WIFEXITED(r.status) ? WEXITSTATUS(r.status) : 128 + WTERMSIG(r.status));
    const std::string t = tail_of_file(err);
    if (!t.empty()) why += " (" + t + ")";
    failed(why);
  }
  // tesseract writes UTF-8; anything else is cut where it stops being so.
  std::string out = r.out;
  out.resize(valid_utf8_prefix(out));
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(out);
  return page_text_utf8(std::u16string_view(reinterpret_cast<const char16_t*>(u.getBuffer()),
                                            static_cast<size_t>(u.length())));
}

void quiet_poppler() {
  // Poppler prints its complaints about damaged files on stderr; the
  // reader says what matters in its own error.
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

}  // namespace

PdfText read_pdf(std::string_view bytes, const std::string& path, OcrMode ocr) {
  if (!looks_like_pdf(bytes)) fail(path, both(msg::source_pdf_not_pdf));
  if (bytes.size() > static_cast<size_t>(INT_MAX)) fail(path, both(msg::source_too_large, kMaxDocumentBytes >> 20));
  quiet_poppler();
  // load_from_raw_data reads the bytes in place; they outlive the document.
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) fail(path, both(msg::source_pdf_damaged));
  if (doc->is_locked()) fail(path, both(msg::source_pdf_locked));
  const int n = doc->pages();
  if (n < 0) fail(path, both(msg::source_pdf_damaged));
  if (static_cast<uint32_t>(n) > kMaxPdfPages) fail(path, both(msg::source_pdf_too_many_pages, n, kMaxPdfPages));

  std::vector<RawPage> pages(static_cast<size_t>(n));
  std::vector<bool> empty(static_cast<size_t>(n), true);
  uint64_t total = 0;
  auto count = [&](const std::string& t) {
    total += t.size();
    if (total > kMaxDocumentBytes) fail(path, both(msg::source_pdf_too_much_text, kMaxDocumentBytes >> 20));
  };
  size_t with_text = 0;
  std::vector<std::unique_ptr<poppler::page>> page_objs(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    page_objs[i].reset(doc->create_page(i));
    if (!page_objs[i]) continue;
    if (ocr == OcrMode::always) continue;
    // Physical layout: lines in the order they stand on the page, and a
    // vertical gap (a paragraph's end) as a blank line; the raw order
    // follows the content stream, which a producer may write in any order,
    // and the reading-order mode drops a dash at a line's end ("2025 -").
    const poppler::ustring u = page_objs[i]->text(poppler::rectf(), poppler::page::physical_layout);
    const std::string t = page_text_utf8(std::u16string_view(reinterpret_cast<const char16_t*>(u.data()), u.size()));
    count(t);
    pages[i].lines = split_lines(t);
    empty[i] = pages[i].lines.empty();
    with_text += !empty[i];
  }

  PdfText result;
  const bool needs_ocr = std::find(empty.begin(), empty.end(), true) != empty.end();
  if (needs_ocr && ocr != OcrMode::never) {
    std::string tesseract;
    const LocalText why = ocr_unavailable(&tesseract);
    if (!why.en.empty()) {
      // Pages left blank in a document with text are blank pages, most
      // likely; with no text at all the person must be told.
      if (ocr == OcrMode::always) fail(path, both(msg::source_pdf_ocr_always_unavailable, why));
      if (with_text == 0) fail(path, both(msg::source_pdf_no_ocr, why));
    } else {
      const size_t to_recognise = static_cast<size_t>(std::count(empty.begin(), empty.end(), true));
      if (to_recognise > kMaxOcrPages) fail(path, both(msg::source_pdf_too_many_ocr_pages, to_recognise, kMaxOcrPages));
      for (int i = 0; i < n; ++i) {
        if (!empty[i] || !page_objs[i]) continue;
        const std::string t = recognise_page(*page_objs[i], static_cast<uint32_t>(i + 1), tesseract, path,
                                             static_cast<size_t>(kMaxDocumentBytes - total));
        if (t.empty()) continue;  // blank
        count(t);
        pages[i].lines = split_lines(t);
        pages[i].recognised = true;
        result.ocr_pages.push_back(static_cast<uint32_t>(i + 1));
      }
      result.recognised = !result.ocr_pages.empty();
    }
  } else if (needs_ocr && with_text == 0 && n > 0) {
    fail(path, both(msg::source_pdf_no_text_ocr_off));
  }
  result.lines = assemble_lines(pages);
  if (result.lines.empty()) fail(path, both(msg::source_pdf_no_text));
  return result;
}

}  // namespace plancheck::readers
