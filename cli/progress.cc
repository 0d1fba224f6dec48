#include "progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <ostream>
#include <string>

#include "messages.h"

namespace plancheck::cli {

namespace {
constexpr auto kRedrawEvery = std::chrono::milliseconds(100);
constexpr size_t kBarWidth = 30;
}  // namespace

Progress::Progress(size_t total_files, bool enabled, std::ostream& results, bool results_on_terminal, Lang lang)
    : total_(total_files),
      enabled_(enabled),
      results_(results),
      results_on_terminal_(results_on_terminal),
      lang_(lang),
      start_(Clock::now()),
      last_draw_(start_) {}

void Progress::advance(size_t bytes) {
  ++done_;
  bytes_ += bytes;
  if (!enabled_) return;
  const auto now = Clock::now();
  // The first draw waits a moment too: a run that ends quickly shows no bar.
  // A bar erased for output comes back at once, or it would never be seen
  // while results scroll past.
  if (!erased_ && now - last_draw_ < kRedrawEvery) return;
  erased_ = false;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  if (results_on_terminal_) results_.flush();
  // The total was counted by a walk of its own: files added since can make
  // the run longer than it said.
  if (done_ > total_) total_ = done_;
  const double seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  const double mbps = seconds > 0 ? static_cast<double>(bytes_) / 1e6 / seconds : 0.0;
  const size_t filled = total_ ? done_ * kBarWidth / total_ : kBarWidth;
  std::string bar(filled, '=');
  if (filled < kBarWidth) bar += '>' + std::string(kBarWidth - filled - 1, ' ');
  std::string eta = "--:--";
  if (done_ > 0 && seconds > 0) {
    const auto left = static_cast<long>(seconds * static_cast<double>(total_ - done_) / static_cast<double>(done_));
    eta = left >= 3600 ? fmt::format("{}:{:02}:{:02}", left / 3600, left / 60 % 60, left % 60)
                       : fmt::format("{}:{:02}", left / 60, left % 60);
  }
  const std::string line =
      fmt::format("\r{}\x1b[K", say(msg::progress_line, lang_, bar, done_, total_, fmt::format("{:.1f}", mbps), eta));
  // Unbuffered and in one write, so the bar is never torn.
  [[maybe_unused]] const auto n = ::write(STDERR_FILENO, line.data(), line.size());
  shown_ = true;
}

void Progress::before_output(bool to_stderr) {
  if (!shown_ || !(to_stderr || results_on_terminal_)) return;
  clear();
  erased_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  static constexpr char kErase[] = "\r\x1b[K";
  [[maybe_unused]] const auto n = ::write(STDERR_FILENO, kErase, sizeof kErase - 1);
  shown_ = false;
}

}  // namespace plancheck::cli
