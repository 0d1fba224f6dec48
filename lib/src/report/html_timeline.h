// A plan's timeline as inline SVG, for the HTML report: one row per
// congress level (branch … province), the plan's own milestones as bars,
// its pilots as diamonds, the limits above it as vertical lines labelled
// with their document ("35-CT/TW: 30/6/2025") — those of the rule sets it is
// held to, those of the higher plans it restates (a milestone restated from
// a higher document is that document's limit, not a window of the plan's),
// and those of its findings —, and where a finding says a bar crosses a
// limit, that part hatched in red.
//
// Contract: the output is well-formed HTML/SVG with every text from the
// plan escaped; exactly one <rect class="bar …"> per milestone of the four
// levels that the plan does not restate (drawn_as_limit() false), one
// <line class="limit"> per row of the limits table that follows the <svg>,
// a restated milestone's date among those rows under its document. `ids`
// prefixes every id (unique per plan).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plancheck/check.h"
#include "plancheck/messages.h"
#include "plancheck/text.h"
#include "report/markup.h"

namespace plancheck::report {

// Whether a milestone is drawn as a limit line rather than a bar: one the
// plan restates from a higher document (Milestone::source).
bool drawn_as_limit(const Milestone& m);

// The bar of milestone i: the id a finding links to.
std::string milestone_anchor(std::string_view ids, size_t i);

// The milestone with a bar a diagnostic is about (the statement its span
// falls in, of its level), or -1.
long milestone_of(const Extraction& x, const Diagnostic& d);

// `text`, when the plan was read from one, gives each bar's tooltip the
// statement's own words (else the time's words and the subject).
std::string render_timeline(const Extraction& x, const Text* text, const std::vector<const RuleSet*>& sets,
                            const std::vector<Diagnostic>& diags, Lang lang, std::string_view ids);

}  // namespace plancheck::report
