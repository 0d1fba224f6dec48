// encode_legacy ENCODING < utf8.txt > encoded.txt — a UTF-8 text written in
// a legacy Vietnamese encoding (source.h encode_legacy: windows-1258,
// viscii, tcvn3, vni), for the samples and tests that need files as old
// offices typed them. A character the encoding cannot write becomes '?'.
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>

#include "plancheck/source.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: encode_legacy windows-1258|viscii|tcvn3|vni < utf8.txt > encoded.txt\n";
    return 2;
  }
  const auto e = plancheck::parse_source_encoding(argv[1]);
  if (!e || !plancheck::is_legacy(*e)) {
    std::cerr << "encode_legacy: not a legacy encoding: " << argv[1] << "\n";
    return 2;
  }
  const std::string utf8((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  const std::string out = plancheck::encode_legacy(utf8, *e);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 2;
}
