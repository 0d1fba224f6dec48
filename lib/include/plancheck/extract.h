// Extraction: normalized plan text into the model (model.h).
//
// Contract: extract() never throws on any valid UTF-8 input; it runs every
// extractor below in dependency order. Each extractor is its own unit with
// its own tests; they see only the Text and what earlier extractors found.
// Extraction knows nothing of rules or output formats.
#pragma once

#include <string>
#include <vector>

#include "plancheck/model.h"
#include "plancheck/text.h"

namespace plancheck {

// The whole pipeline. `file` is copied into the result as given.
Extraction extract(const Text& text, std::string file);
// A window of a longer document after its first (analyze.h): the
// document's facts are those read from the first window (its header), not
// read again from each window.
Extraction extract(const Text& text, std::string file, const DocumentFacts& document);

// Temporal expressions (DOMAIN.md §3), in text order. Dates that do not
// exist become `invalid_date` notices instead.
std::vector<TimeExpr> extract_times(const Text& text, std::vector<Notice>* notices);

// Cited documents (DOMAIN.md §2); a mention's date comes from `times`.
// One document cited with two different dates gives a `conflicting_date` notice.
std::vector<Reference> extract_references(const Text& text, const std::vector<TimeExpr>& times,
                                          std::vector<Notice>* notices);

// One `conflicting_date` notice for each dated mention of a document whose
// first dated mention (in `references`, text order) gives another date.
// extract_references() adds them; a document read in windows asks again
// over all its references.
std::vector<Notice> conflicting_date_notices(const std::vector<Reference>& references);

// Named party organisations, committees and agencies.
std::vector<Unit> extract_units(const Text& text);

// A document read in windows keeps each unit once, as extract_units() does
// within a text (by its name's matching form): the units of a later window
// named in `earlier` are dropped.
void drop_repeated_units(const std::vector<Unit>& earlier, std::vector<Unit>* later);

// The term being prepared, the national congress it leads to, the issuer.
DocumentFacts extract_document_facts(const Text& text, const std::vector<Reference>& references,
                                     const std::vector<Unit>& units);

// Congress timeline statements.
std::vector<Milestone> extract_milestones(const Text& text, const std::vector<TimeExpr>& times,
                                          const std::vector<Reference>& references,
                                          const DocumentFacts& document);

// A document read in windows (analyze.h) keeps each statement once, as
// extract_milestones() does within a text: the milestones of a later
// window that restate one of `earlier` are dropped.
void drop_restated_milestones(const std::vector<Milestone>& earlier, std::vector<Milestone>* later);

// Marks the milestones said inside a quotation by a named unit's official
// (Milestone::quoted_from).
void attribute_quoted_milestones(const Text& text, const std::vector<Unit>& units,
                                 std::vector<Milestone>* milestones);

// Pilot congresses and direct-election pilots.
std::vector<Pilot> extract_pilots(const Text& text, const std::vector<TimeExpr>& times);

// Congress times left open ("Đại hội đảng bộ cơ sở: thời gian cụ thể sẽ
// thông báo sau"): one `open_time` notice with the level for each
// (open_times.cc); `times` are the text's, which make a statement not open.
std::vector<Notice> extract_open_times(const Text& text, const std::vector<TimeExpr>& times);

// Keyword typos (Telex residue such as "ngafy") and wrong tones on keywords
// ("Quận uỳ").
std::vector<Notice> extract_keyword_notices(const Text& text);

// Whether the text can be read as Vietnamese at all: one `legacy_encoding`
// notice for a legacy encoding shown through a Latin-1 code page ("HUYEÄN
// UÛY"), or one `no_diacritics` notice for a text typed without marks
// (texts of fewer than 40 words are not judged).
std::vector<Notice> extract_legibility_notices(const Text& text);

}  // namespace plancheck
