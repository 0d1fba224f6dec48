// libFuzzer target: the .docx reader (lib/src/readers/docx_reader.cc). An
// input that starts as a zip ("PK") is read as a .docx file as it is;
// anything else is put in a zip as word/document.xml first, so the fuzzer
// spends its time in the XML walk (paragraphs, tables, numbering, tracked
// changes, text boxes) rather than in guessing zip headers. Both readings
// of tracked changes are taken. Nothing may crash, hang, trip a sanitizer
// or allocate past the reader's bounds; SourceError is the only exception
// allowed out; what comes back holds the reader's contract (valid UTF-8, no
// NUL, one origin per line) and goes on through the pipeline.
//
//   bash scripts/fuzz.sh 60   (corpus: tests/fuzz/corpus/docx/, seeded from samples/formats/)
#include <zip.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "plancheck/analyze.h"
#include "plancheck/source.h"

namespace {

std::string as_docx(const uint8_t* data, size_t size) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(buf);
  zip_t* z = zip_open_from_source(buf, ZIP_TRUNCATE, &err);
  zip_source_t* s = zip_source_buffer(z, data, size, 0);
  const zip_int64_t at = zip_file_add(z, "word/document.xml", s, ZIP_FL_OVERWRITE);
  zip_set_file_compression(z, static_cast<zip_uint64_t>(at), ZIP_CM_STORE, 0);  // fast: the XML is what is fuzzed
  zip_close(z);
  zip_source_open(buf);
  zip_source_seek(buf, 0, SEEK_END);
  std::string out(static_cast<size_t>(zip_source_tell(buf)), '\0');
  zip_source_seek(buf, 0, SEEK_SET);
  zip_source_read(buf, out.data(), out.size());
  zip_source_close(buf);
  zip_source_free(buf);
  zip_error_fini(&err);
  return out;
}

void holds_contract(const plancheck::Analysis& a) {
  size_t lines = 1;
  const std::string& t = a.text.original();
  for (char c : t) {
    if (c == '\0') __builtin_trap();
    lines += c == '\n';
  }
  if (plancheck::valid_utf8_prefix(t) != t.size()) __builtin_trap();
  if (a.format == plancheck::SourceFormat::docx && a.origins.size() != lines) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  const std::string bytes = in.starts_with("PK") ? std::string(in) : as_docx(data, size);
  for (const bool original : {false, true}) {
    plancheck::ReadOptions o;
    o.tracked_original = original;
    try {
      holds_contract(plancheck::analyze(bytes, "fuzz.docx", o));
    } catch (const plancheck::SourceError&) {
    }
  }
  return 0;
}
