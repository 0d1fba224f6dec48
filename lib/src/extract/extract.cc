#include "plancheck/extract.h"

#include <algorithm>

#include "extract/shared_scans.h"

namespace plancheck {

namespace {

Extraction extract_with(const Text& text, std::string file, const DocumentFacts* document) {
  Extraction x;
  x.file = std::move(file);
  x.notices = text.notices();
  x.times = extract_times(text, &x.notices);
  x.references = extract_references(text, x.times, &x.notices);
  const orgs::OrgIndex org_index(text);  // one scan for units and pilots
  x.units = extract_units(text, org_index);
  x.document = document ? *document : extract_document_facts(text, x.references, x.units);
  x.milestones = extract_milestones(text, x.times, x.references, x.document);
  attribute_quoted_milestones(text, x.units, &x.milestones);
  x.pilots = extract_pilots(text, x.times, org_index);
  const auto typos = extract_keyword_notices(text);
  const auto legibility = extract_legibility_notices(text);
  x.notices.insert(x.notices.end(), typos.begin(), typos.end());
  // A text without diacritics is said once, not keyword by keyword: its
  // toneless keywords are read all the same (Text), their notices dropped.
  if (!legibility.empty() && legibility.front().code == "no_diacritics")
    std::erase_if(x.notices, [](const Notice& n) {
      return n.code == "typo" && std::all_of(n.text.begin(), n.text.end(), [](char c) { return (c & 0x80) == 0; });
    });
  x.notices.insert(x.notices.end(), legibility.begin(), legibility.end());
  const auto open = extract_open_times(text, x.times);
  x.notices.insert(x.notices.end(), open.begin(), open.end());
  std::stable_sort(x.notices.begin(), x.notices.end(),
                   [](const Notice& a, const Notice& b) { return a.span.start < b.span.start; });
  return x;
}

}  // namespace

Extraction extract(const Text& text, std::string file) { return extract_with(text, std::move(file), nullptr); }

Extraction extract(const Text& text, std::string file, const DocumentFacts& document) {
  return extract_with(text, std::move(file), &document);
}

}  // namespace plancheck
