// A progress bar on stderr for long batches: files done/total, MB/s, ETA.
// Drawn only when asked (stderr is a terminal and --no-progress was not
// given), at most ten times a second. Before results are written to the same
// terminal, before_output() erases the bar; the next advance() puts it back.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>

#include "plancheck/messages.h"

namespace plancheck::cli {

class Progress {
 public:
  // `results`: the stream results go to; when it is the same terminal
  // (`results_on_terminal`) it is flushed before each redraw, so the bar never
  // lands in the middle of a line of results.
  Progress(size_t total_files, bool enabled, std::ostream& results, bool results_on_terminal, Lang lang);
  ~Progress() { clear(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // One more file done (`bytes` of it read).
  void advance(size_t bytes);
  // Call before writing results or messages: erases the bar where it would
  // get in the way (results on the terminal, or messages on stderr).
  void before_output(bool to_stderr = false);
  // Erases the bar if it is shown.
  void clear();

 private:
  void draw();

  using Clock = std::chrono::steady_clock;
  size_t total_, done_ = 0, bytes_ = 0;
  bool enabled_, shown_ = false, erased_ = false;
  std::ostream& results_;
  bool results_on_terminal_;
  Lang lang_;
  Clock::time_point start_, last_draw_;
};

}  // namespace plancheck::cli
