#include "higher_plans.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "messages.h"
#include "ordered_jobs.h"
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


// The plan's text, or nothing when it is not one the check would read as
// a plan (standard input, an extraction, bytes no reader takes).
std::optional<std::string> text_of(const PlanFile& file, const ReadOptions& options) {
  if (!file.under_folder && file.path == "-") return std::nullopt;
  const std::string ext = file.path.size() > 5 ? file.path.substr(file.path.size() - 5) : "";
  if (ext == ".json" || ext == "jsonl") return std::nullopt;
  try {
    std::string bytes = read_plan_bytes(file, "-");
    const auto format = document_format(bytes, file.path);
    if (file.under_folder && looks_binary(bytes) && !format) return std::nullopt;
    // A plain text states its codes in ASCII as decoding would give them
    // (digits, capitals; in UTF-8 the precomposed Đ and Ư too, which a
    // legacy encoding's plan loses here: its own "ĐU" code, of a commune,
    // is seldom cited): scanned as it is, the pass costs a read, not a
    // decode. UTF-16 (NUL bytes) and documents are decoded.
    if (!format && !options.encoding && bytes.find('\0') == std::string::npos) return bytes;
    ReadOptions no_ocr = options;
    no_ocr.ocr = OcrMode::never;
    return decode_source(std::move(bytes), file.path, no_ocr).utf8;
  } catch (const std::exception&) {
    return std::nullopt;  // the check reports it
  }
}

}  // namespace

HigherPlans find_higher_plans(const std::vector<WalkInput>& inputs, const ReadOptions& options,
                              const RuleBook& book, Lang lang, unsigned jobs) {
  HigherPlans out;
  // What is kept of every file: the codes that may be its own (one, for a
  // formal plan), so a batch of 10,000 plans holds a few bytes per plan;
  // and how many files cite each code (a same-numbered plan of another
  // place, in its own "Số" line, does not cite it).
  struct Scanned {
    std::vector<std::string> own;  // empty: not a plan's text
    bool numbered = false;
  };
  std::vector<Scanned> scanned;
  std::map<std::string, size_t> citers;
  size_t texts = 0;
  {
    // Read on every core, as the check reads (ordered_jobs.h): the codes
    // of each file, tallied in walk order.
    struct Found {
      bool text = false;
      Codes codes;
    };
    PlanWalk walk(inputs);
    run_ordered_from(
        jobs, 16 * static_cast<size_t>(jobs), [&] { return walk.next(); },
        [&](PlanFile&& f) {
          Found found;
          if (!f.unreadable)
            if (auto text = text_of(f, options)) {
              found.text = true;
              found.codes = plan_codes(*text);
            }
          return found;
        },
        [&](size_t, Found&& found) {
          Scanned one;
          if (found.text) {
            for (const auto& k : found.codes.all)
              if (found.codes.cites(k)) ++citers[k];
            const auto own = found.codes.own();
            one.own.assign(own.begin(), own.end());
            one.numbered = found.codes.numbered.has_value();
            ++texts;
          }
          scanned.push_back(std::move(one));
        });
  }
  if (texts < 2) return out;
  // Whether another file than one whose codes are `self` cites `key`.
  const auto cited_by_another = [&](const std::string& key, bool self_cites) {
    const auto it = citers.find(key);
    return it != citers.end() && it->second > (self_cites ? 1u : 0u);
  };
  std::vector<bool> maybe(scanned.size(), false);
  for (size_t i = 0; i < scanned.size(); ++i)
    for (const auto& k : scanned[i].own)
      // An article's head codes are among those it states (cites); a formal
      // plan's numbered line is not.
      if (cited_by_another(k, !scanned[i].numbered)) maybe[i] = true;
  scanned.clear();
  scanned.shrink_to_fit();

  struct Parent {
    std::string path;
    Codes codes;
    std::string key;
    RuleSet set;
  };
  std::vector<Parent> parents;
  ReadOptions no_ocr = options;
  no_ocr.ocr = OcrMode::never;
  struct Candidate {
    std::string path;
    Codes codes;
    std::string key;
    Level level;  // of its issuer: a province's plan is derived before its districts'
    CivilDate date;
    Analysis analysis;
  };
  std::vector<Candidate> candidates;
  {
    PlanWalk walk(inputs);
    for (size_t i = 0; auto f = walk.next(); ++i) {
      if (i >= maybe.size() || !maybe[i]) continue;
      try {
        // Read once: the codes from the text the analysis decoded (a plan
        // text in the first pass, so no extraction nor binary here).
        Analysis a = analyze(read_plan_bytes(*f, "-"), f->path, no_ocr);
        Codes codes = plan_codes(a.text.normalized());
        const auto id = plan_identity(a.extraction);
        if (!id || !id->id || !id->date) continue;
        const auto key = document_key(*id);
        if (!key || !cited_by_another(*key, codes.cites(*key))) continue;
        const Level level = issuer_code_level(canonical_issuer_code(id->issuer_code)).value_or(Level::branch);
        candidates.push_back({f->path, std::move(codes), *key, level, *id->date, std::move(a)});
      } catch (const std::exception&) {
        continue;  // unreadable: the check reports it
      }
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
  const auto ambiguous = [&](const Candidate& c) {
    return std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& o) {
      return o.key == c.key && o.date.year == c.date.year && !(o.date == c.date);
    });
  };
  RuleBook chained = book;
  for (const Candidate& c : candidates) {
    try {
      RuleSet set = parse_rule_file(derive_rule_file(c.analysis, chained, c.path), c.path);
      if (ambiguous(c)) {
        const std::string old = set.id;
        set.id = fmt::format("{}-{:02}{:02}", old, set.date.month, set.date.day);
        for (Rule& r : set.rules)
          if (r.id.rfind(old + "/", 0) == 0) r.id = set.id + r.id.substr(old.size());
      }
      if (book.find(set.id)) continue;  // a rule file stands for it
      if (!chained.find(set.id)) chained.add(set);
      parents.push_back({c.path, c.codes, c.key, std::move(set)});
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
      if (parents[k].path < parents[first].path) first = k;
      paths += (paths.empty() ? "" : ", ") + parents[k].path;
    }
    if (one_plan) drop[first] = false;
    else out.warnings.push_back(say(msg::higher_plan_twice, lang, parents[a].set.number, paths));
  }
  for (size_t a = 0; a < parents.size(); ++a)
    for (size_t b = a + 1; b < parents.size(); ++b)
      if (!drop[a] && !drop[b] && parents[a].codes.cites(parents[b].key) &&
          parents[b].codes.cites(parents[a].key)) {
        out.warnings.push_back(say(msg::higher_plans_cite_each_other, lang, parents[a].path,
                                   parents[b].path));
        drop[a] = drop[b] = true;
      }
  for (size_t k = 0; k < parents.size(); ++k)
    if (!drop[k]) out.sets.push_back(std::move(parents[k].set));
  // The same sets whatever the order of the inputs.
  std::sort(out.sets.begin(), out.sets.end(), [](const RuleSet& a, const RuleSet& b) { return a.id < b.id; });
  return out;
}

}  // namespace plancheck::cli
