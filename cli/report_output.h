// Where a command's report goes, and the promise that it got there.
//
// Contract: every byte written to std::cout is checked. finish() flushes
// and returns kExitTrouble, after saying on stderr what could not be
// written and why, when any write failed (a full disk, a closed standard
// output, a pipe whose reader left); otherwise it returns the status it is
// given. With `-o FILE` the report is written to a temporary file beside
// FILE and renamed onto it only when complete: FILE holds a whole report
// or what it held before, never half of one, even when the run is killed
// (SIGINT, SIGTERM, SIGHUP remove the temporary file).
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "messages.h"

namespace plancheck::cli {

// Before anything is opened: a standard descriptor that is closed is held
// by /dev/null opened read-only, so that no file the run opens takes its
// number (a plan read as stdout, a report written to stderr) and a write
// to it fails as it should.
void hold_closed_standard_streams();

// Whether `path` is one of `inputs` (then said on stderr): a report or a
// baseline is never written over a plan.
bool is_an_input(const std::string& path, const std::vector<std::string>& inputs, Lang lang);

// Writes `content` to `path` as -o writes a report: to a temporary file
// beside it, renamed onto it once whole. False, after saying why, when it
// cannot (`check --write-baseline`, `init`).
bool write_file_whole(const std::string& path, const std::string& content, Lang lang);

class ReportOutput {
 public:
  ReportOutput() = default;
  ReportOutput(const ReportOutput&) = delete;
  ReportOutput& operator=(const ReportOutput&) = delete;
  ~ReportOutput();

  // Sends std::cout to `path` ("" or "-": standard output), refusing a path
  // that is one of `inputs`. False, after saying why, when it cannot.
  bool open(const std::string& path, const std::vector<std::string>& inputs, Lang lang);

  // The command's exit status once its report is known to be written.
  int finish(int status, Lang lang);

 private:
  std::string path_, temp_;
  std::ofstream file_;
  std::streambuf* saved_ = nullptr;
};

}  // namespace plancheck::cli
