#include "report_output.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "command_line.h"
#include "plancheck/error.h"

namespace plancheck::cli {

namespace {

// The temporary report a signal must not leave behind. A fixed buffer: the
// handler may only call async-signal-safe functions (unlink, signal, raise).
char g_temp[4096];

void remove_temp_and_die(int sig) {
  if (g_temp[0]) ::unlink(g_temp);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void guard_temp(const std::string& temp) {
  if (temp.size() >= sizeof g_temp) return;  // not guarded; a leftover at worst
  std::memcpy(g_temp, temp.c_str(), temp.size() + 1);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, remove_temp_and_die);
}

void unguard_temp() {
  g_temp[0] = 0;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) std::signal(sig, SIG_DFL);
}

bool g_stdout_closed = false;

// Why a write failed, in the user's words.
LocalText write_error_text(int errnum) {
  switch (errnum) {
    case ENOSPC:
    case EDQUOT: return both(msg::write_no_space);
    case EBADF: return both(msg::write_closed);
    case EPIPE: return both(msg::write_pipe_closed);
    default: return os_error_text(errnum);
  }
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) && !ec;
}

// A temporary file beside `path` (".NAME.XXXXXX"), readable as any file the
// user makes, guarded against signals; "" after saying why when it cannot.
std::string temp_beside(const std::string& path, Lang lang) {
  const std::filesystem::path target(path);
  const std::string dir = target.has_parent_path() ? target.parent_path().string() : ".";
  std::string pattern = dir + "/." + target.filename().string() + ".XXXXXX";
  // A signal between the temporary file's making and its guard would leave
  // it behind: held until the guard is in place, then taken.
  sigset_t stop, before;
  sigemptyset(&stop);
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&stop, sig);
  ::pthread_sigmask(SIG_BLOCK, &stop, &before);
  const int fd = ::mkstemp(pattern.data());
  if (fd >= 0) guard_temp(pattern);
  ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
  if (fd < 0) {
    print_error(lang, say(msg::output_cannot_create, lang, path, os_error_text(errno).in(lang)));
    return "";
  }
  ::close(fd);
  // mkstemp makes it 0600; a report is as readable as any file the user makes.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(pattern.c_str(), 0666 & ~mask);
  return pattern;
}

}  // namespace

bool write_file_whole(const std::string& path, const std::string& content, Lang lang) {
  const std::string temp = temp_beside(path, lang);
  if (temp.empty()) return false;
  errno = 0;
  {
    std::ofstream f(temp, std::ios::binary | std::ios::trunc);
    f << content;
    f.close();
    if (!f.fail() && std::rename(temp.c_str(), path.c_str()) == 0) {
      unguard_temp();
      return true;
    }
  }
  const int err = errno;
  ::unlink(temp.c_str());
  unguard_temp();
  if (err) print_error(lang, say(msg::output_write_failed, lang, path, write_error_text(err).in(lang)));
  else print_error(lang, say(msg::output_write_failed_why_unknown, lang, path));
  return false;
}

void hold_closed_standard_streams() {
  for (const int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) {
    if (::fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
    if (fd == STDOUT_FILENO) g_stdout_closed = true;
    const int held = ::open("/dev/null", O_RDONLY);
    if (held >= 0 && held != fd) {
      ::dup2(held, fd);
      ::close(held);
    }
  }
}

bool is_an_input(const std::string& path, const std::vector<std::string>& inputs, Lang lang) {
  for (const auto& in : inputs)
    if (in != "-" && same_file(path, in)) {
      print_error(lang, say(msg::output_is_input, lang, path));
      return true;
    }
  return false;
}

bool ReportOutput::open(const std::string& path, const std::vector<std::string>& inputs, Lang lang) {
  if (path.empty() || path == "-") return true;
  if (is_an_input(path, inputs, lang)) return false;
  const std::string pattern = temp_beside(path, lang);
  if (pattern.empty()) return false;
  temp_ = pattern;
  file_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!file_) {
    print_error(lang, say(msg::output_cannot_create, lang, path, os_error_text(errno).in(lang)));
    ::unlink(temp_.c_str());
    unguard_temp();
    temp_.clear();
    return false;
  }
  path_ = path;
  saved_ = std::cout.rdbuf(file_.rdbuf());
  return true;
}

int ReportOutput::finish(int status, Lang lang) {
  errno = 0;
  std::cout.flush();
  bool written = !std::cout.fail();
  int err = errno;
  if (saved_) {
    std::cout.rdbuf(saved_);
    saved_ = nullptr;
    file_.close();
    if (file_.fail() && written) {
      written = false;
      err = errno;
    }
    if (written && std::rename(temp_.c_str(), path_.c_str()) != 0) {
      print_error(lang, say(msg::output_cannot_create, lang, path_, os_error_text(errno).in(lang)));
      ::unlink(temp_.c_str());
      unguard_temp();
      temp_.clear();
      return kExitTrouble;
    }
    if (!written) ::unlink(temp_.c_str());
    unguard_temp();
    temp_.clear();
  } else if (written && std::fflush(stdout) != 0) {
    written = false;
    err = errno;
  }
  if (written) return status;
  const std::string where = path_.empty() ? std::string(msg::standard_output.in(lang)) : path_;
  // The write that failed may have been another thread's (check writes from
  // its workers), whose errno is not ours: a standard output closed from the
  // start can still be told; otherwise the reason is not known here.
  if (path_.empty() && g_stdout_closed) err = EBADF;
  if (err) print_error(lang, say(msg::output_write_failed, lang, where, write_error_text(err).in(lang)));
  else print_error(lang, say(msg::output_write_failed_why_unknown, lang, where));
  std::cout.clear();
  return kExitTrouble;
}

ReportOutput::~ReportOutput() {
  if (saved_) std::cout.rdbuf(saved_);
  if (!temp_.empty()) {
    ::unlink(temp_.c_str());
    unguard_temp();
  }
}

}  // namespace plancheck::cli
