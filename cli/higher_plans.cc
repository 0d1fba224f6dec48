#include "higher_plans.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "messages.h"
#include "plan_inputs.h"
#include "plancheck/analyze.h"
#include "plancheck/derive.h"
#include "plancheck/model.h"

namespace plancheck::cli {

namespace {

// The head of a plan, where it states its own number ("Số 180-KH/HU").
constexpr size_t kHeadBytes = 2048;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The plan codes a text states ("96-KH/TU", "77 - KH/HU", "05-KH/ĐU"), as
// document keys (document_key()): the plans it names. A filter only: the
// plan's identity and what it cites are read by the extractor.
struct Codes {
  std::set<std::string> head, all;
  // The code of a "Số 180-KH/HU" line in the head: a formal plan's own
  // number, which is no citation of another plan with that number.
  std::optional<std::string> numbered;
  // The codes that may be the plan's own: its numbered line's, else (an
  // article: "Huyện ủy … ban hành Kế hoạch số 180-KH/HU") any in its head.
  std::set<std::string> own() const { return numbered ? std::set<std::string>{*numbered} : head; }
  // Whether the text cites `key`: states it, not as its own numbered line.
  bool cites(const std::string& key) const { return all.count(key) && numbered != key; }
};
// Whether the line holding byte `at` begins with "Số" (after spaces), the
// way a document's number line does.
bool on_number_line(std::string_view s, size_t at) {
  size_t b = s.rfind('\n', at);
  b = b == std::string_view::npos ? 0 : b + 1;
  while (b < at && (s[b] == ' ' || s[b] == '\t')) ++b;
  return s.substr(b, 4) == "Số" || s.substr(b, 4) == "SỐ";
}
Codes plan_codes(std::string_view s) {
  Codes out;
  for (size_t at = s.find("KH/"); at != std::string_view::npos; at = s.find("KH/", at + 3)) {
    size_t b = at;
    while (b > 0 && s[b - 1] == ' ') --b;
    if (b == 0 || s[b - 1] != '-') continue;
    --b;
    while (b > 0 && s[b - 1] == ' ') --b;
    size_t d = b;
    while (d > 0 && is_digit(s[d - 1])) --d;
    if (d == b) continue;
    size_t e = at + 3;
    // The issuer: capitals, Đ (C4 90) and Ư (C6 AF) among them.
    while (e < s.size()) {
      if (s[e] >= 'A' && s[e] <= 'Z') ++e;
      else if (e + 1 < s.size() && ((s[e] == '\xC4' && s[e + 1] == '\x90') || (s[e] == '\xC6' && s[e + 1] == '\xAF'))) e += 2;
      else break;
    }
    if (e == at + 3) continue;
    std::string code(s.substr(d, b - d));
    code += "-KH/";
    code.append(s.substr(at + 3, e - at - 3));
    std::string key = document_key(code);
    if (d < kHeadBytes) {
      if (!out.numbered && on_number_line(s, d)) out.numbered = key;
      out.head.insert(key);
    }
    out.all.insert(std::move(key));
  }
  return out;
}

// Whether two sets derived from plans of one identity set the same limits.
bool same_schedule(const RuleSet& a, const RuleSet& b) {
  if (a.rules.size() != b.rules.size()) return false;
  for (size_t i = 0; i < a.rules.size(); ++i) {
    const Rule &x = a.rules[i], &y = b.rules[i];
    if (x.id != y.id || x.level != y.level || x.limit.has_value() != y.limit.has_value()) return false;
    if (x.limit && (!(x.limit->time.period == y.limit->time.period) || x.limit->time.relation != y.limit->time.relation))
      return false;
  }
  return true;
}

struct Scanned {
  std::string path;
  Codes codes;
};

// The plan's text, or nothing when it is not one the check would read as
// a plan (standard input, an extraction, bytes no reader takes).
std::optional<std::string> text_of(const PlanFile& file, const ReadOptions& options) {
  if (!file.under_folder && file.path == "-") return std::nullopt;
  const std::string ext = file.path.size() > 5 ? file.path.substr(file.path.size() - 5) : "";
  if (ext == ".json" || ext == "jsonl") return std::nullopt;
  try {
    std::string bytes = read_plan_bytes(file, "-");
    if (file.under_folder && looks_binary(bytes) && !document_format(bytes, file.path)) return std::nullopt;
    ReadOptions no_ocr = options;
    no_ocr.ocr = OcrMode::never;
    return decode_source(std::move(bytes), file.path, no_ocr).utf8;
  } catch (const std::exception&) {
    return std::nullopt;  // the check reports it
  }
}

}  // namespace

HigherPlans find_higher_plans(const std::vector<WalkInput>& inputs, const ReadOptions& options,
                              const RuleBook& book, Lang lang) {
  HigherPlans out;
  std::vector<Scanned> scanned;
  PlanWalk walk(inputs);
  std::vector<PlanFile> files;
  while (auto f = walk.next()) {
    if (f->unreadable) continue;
    if (auto text = text_of(*f, options)) {
      scanned.push_back({f->path, plan_codes(*text)});
      files.push_back(std::move(*f));
    }
  }
  if (scanned.size() < 2) return out;
  // How many files cite each code: a plan is a higher plan of the batch only
  // if another file cites it (a same-numbered plan of another place, in its
  // own "Số" line, does not).
  std::map<std::string, size_t> citers;
  for (const auto& f : scanned)
    for (const auto& k : f.codes.all)
      if (f.codes.cites(k)) ++citers[k];
  const auto cited_by_another = [&](const std::string& key, size_t self) {
    const auto it = citers.find(key);
    return it != citers.end() && it->second > (scanned[self].codes.cites(key) ? 1u : 0u);
  };
  struct Parent {
    size_t file;
    std::string key;
    RuleSet set;
  };
  std::vector<Parent> parents;
  ReadOptions no_ocr = options;
  no_ocr.ocr = OcrMode::never;
  struct Candidate {
    size_t file;
    std::string key;
    Level level;  // of its issuer: a province's plan is derived before its districts'
    Analysis analysis;
  };
  std::vector<Candidate> candidates;
  for (size_t i = 0; i < scanned.size(); ++i) {
    const auto own = scanned[i].codes.own();
    if (std::none_of(own.begin(), own.end(), [&](const std::string& k) { return cited_by_another(k, i); })) continue;
    try {
      Analysis a = analyze(read_plan_bytes(files[i], "-"), files[i].path, no_ocr);
      const auto id = plan_identity(a.extraction);
      if (!id || !id->id || !id->date) continue;
      const auto key = document_key(*id);
      if (!key || !cited_by_another(*key, i)) continue;
      const Level level = issuer_code_level(canonical_issuer_code(id->issuer_code)).value_or(Level::branch);
      candidates.push_back({i, *key, level, std::move(a)});
    } catch (const std::exception&) {
      continue;  // unreadable: the check reports it
    }
  }
  // Chains: a district plan derived with its province's set in the book
  // extends it, so a commune plan held to the district's is held to the
  // province's limits the district's does not restate.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.level > b.level; });
  // Two provinces number their plans alike: plans of one number and year
  // but different dates are different plans, told apart in their ids by
  // the day (a rule set's id names one set of the book).
  const auto date_of = [](const Candidate& c) { return *plan_identity(c.analysis.extraction)->date; };
  const auto ambiguous = [&](const Candidate& c) {
    return std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& o) {
      return o.key == c.key && date_of(o).year == date_of(c).year && !(date_of(o) == date_of(c));
    });
  };
  RuleBook chained = book;
  for (const Candidate& c : candidates) {
    try {
      RuleSet set = parse_rule_file(derive_rule_file(c.analysis, chained, files[c.file].path), files[c.file].path);
      if (ambiguous(c)) {
        const std::string old = set.id;
        set.id = fmt::format("{}-{:02}{:02}", old, set.date.month, set.date.day);
        for (Rule& r : set.rules)
          if (r.id.rfind(old + "/", 0) == 0) r.id = set.id + r.id.substr(old.size());
      }
      if (book.find(set.id)) continue;  // a rule file stands for it
      if (!chained.find(set.id)) chained.add(set);
      parents.push_back({c.file, c.key, std::move(set)});
    } catch (const std::exception&) {
      continue;  // not a plan that sets limits (DeriveError): nothing to hold others to
    }
  }
  // One identity more than once: the same plan in two files (a .txt and
  // its .docx) sets the same schedule and is followed once, from the first
  // file by path (whatever the order of the inputs); two drafts that
  // differ are not followed.
  std::vector<bool> drop(parents.size(), false);
  for (size_t a = 0; a < parents.size(); ++a) {
    if (drop[a]) continue;
    std::vector<size_t> group{a};
    for (size_t b = a + 1; b < parents.size(); ++b)
      if (parents[b].key == parents[a].key && parents[b].set.date == parents[a].set.date) group.push_back(b);
    if (group.size() == 1) continue;
    const bool one_plan = std::all_of(group.begin(), group.end(), [&](size_t k) {
      return same_schedule(parents[k].set, parents[a].set);
    });
    size_t first = a;
    std::string paths;
    for (size_t k : group) {
      drop[k] = true;
      if (scanned[parents[k].file].path < scanned[parents[first].file].path) first = k;
      paths += (paths.empty() ? "" : ", ") + scanned[parents[k].file].path;
    }
    if (one_plan) drop[first] = false;
    else out.warnings.push_back(say(msg::higher_plan_twice, lang, parents[a].set.number, paths));
  }
  for (size_t a = 0; a < parents.size(); ++a)
    for (size_t b = a + 1; b < parents.size(); ++b)
      if (!drop[a] && !drop[b] && scanned[parents[a].file].codes.cites(parents[b].key) &&
          scanned[parents[b].file].codes.cites(parents[a].key)) {
        out.warnings.push_back(say(msg::higher_plans_cite_each_other, lang, scanned[parents[a].file].path,
                                   scanned[parents[b].file].path));
        drop[a] = drop[b] = true;
      }
  for (size_t k = 0; k < parents.size(); ++k)
    if (!drop[k]) out.sets.push_back(std::move(parents[k].set));
  // The same sets whatever the order of the inputs.
  std::sort(out.sets.begin(), out.sets.end(), [](const RuleSet& a, const RuleSet& b) { return a.id < b.id; });
  return out;
}

}  // namespace plancheck::cli
