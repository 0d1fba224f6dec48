#include "plancheck/derive.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "check/context.h"
#include "plancheck/messages.h"
#include "vi.h"

namespace plancheck {

namespace {

// How the examples of a derived rule file name each level's congresses and
// pilots: phrases the extractor reads as that level (the shipped sets'
// examples say them so).
struct LevelWords {
  Level level;
  const char* congresses;  // "Đại hội các đảng bộ cơ sở"
  const char* pilot;       // a pilot of the level chosen, up to the time
};
constexpr LevelWords kLevelWords[] = {
    {Level::branch, "Đại hội các chi bộ trực thuộc đảng bộ cơ sở",
     "Mỗi đảng ủy cơ sở chọn 01 chi bộ trực thuộc để tổ chức đại hội điểm"},
    {Level::grassroots, "Đại hội các đảng bộ cơ sở", "Ban Thường vụ Huyện ủy chọn Đảng bộ xã Phúc Đồng tổ chức đại hội điểm"},
    {Level::district, "Đại hội Đảng bộ huyện",
     "Ban Thường vụ Tỉnh ủy chọn Đảng bộ huyện Lộc Hà tổ chức đại hội điểm cấp huyện"},
    {Level::province, "Đại hội đại biểu Đảng bộ tỉnh", nullptr},
};

const LevelWords* words_of(Level l) {
  for (const auto& w : kLevelWords)
    if (w.level == l) return &w;
  return nullptr;
}

// A TOML basic string.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (u < 0x20 || u == 0x7F) {
      out += fmt::format("\\u{:04X}", u);
    } else {
      out += c;
    }
  }
  return out + '"';
}

// A rule set id from the plan's number and year: "180-KH/HU", 2024 →
// "180-kh-hu-2024" (ids are lower-case ASCII letters, digits, '-').
std::string id_of(std::string_view number, int year) {
  std::string id;
  for (size_t i = 0; i < number.size();) {
    size_t len;
    const uint32_t cp = vi::decode(number, i, &len);
    i += len;
    if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) id += static_cast<char>(std::tolower(static_cast<int>(cp)));
    else if (cp == 0x110 || cp == 0x111) id += 'd';  // Đ, as in ĐU (Đảng ủy)
    else if (vi::is_letter(cp)) {
      std::string one;
      vi::append_utf8(one, cp);
      const std::string bare = vi::strip_tones(fold(one));  // Ư → u
      for (const char c : bare)
        if (static_cast<unsigned char>(c) < 0x80) id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return fmt::format("{}-{}", id, year);
}

std::string month_text(int year, int month) { return fmt::format("tháng {}/{}", month, year); }

std::pair<int, int> month_after(const CivilDate& d) { return d.month == 12 ? std::pair{d.year + 1, 1} : std::pair{d.year, d.month + 1}; }
std::pair<int, int> month_before(const CivilDate& d) { return d.month == 1 ? std::pair{d.year - 1, 12} : std::pair{d.year, d.month - 1}; }

// One limit the plan sets for a level below its issuer's.
struct Limit {
  RuleKind kind;
  Level level;
  std::string words;     // the limit as the rule file says it: "hoàn thành trước ngày 15/6/2025"
  std::string sentence;  // the plan's statement it comes from
  uint32_t line;
  Period period;
  uint32_t column = 1;
  std::string place = {};  // in a .docx or .pdf: where a person finds it ("page 2, line 14")
};

struct Example {
  std::string text;
  std::string rule;  // name
  bool expect;
};

std::string event_words(Event e) {
  switch (e) {
    case Event::start: return "bắt đầu";
    case Event::complete: return "hoàn thành";
    case Event::hold: return "tổ chức";
  }
  return "";
}

std::string rule_name(const Limit& l) { return fmt::format("{}-{}", to_string(l.level), to_string(l.kind)); }

std::string term_words(const Extraction& x) {
  return x.document.term ? fmt::format(" nhiệm kỳ {} - {}", x.document.term->from, x.document.term->to) : "";
}

// An example that breaks the limit (expect) and, for a deadline, the plan's
// own words that keep it (absent).
std::vector<Example> examples_of(const Limit& l, const Extraction& x) {
  const LevelWords* w = words_of(l.level);
  if (!w) return {};
  std::vector<Example> out;
  const std::string term = term_words(x);
  switch (l.kind) {
    case RuleKind::deadline: {
      const auto [y, m] = month_after(l.period.end);
      out.push_back({fmt::format("{}{} hoàn thành trong {}.", w->congresses, term, month_text(y, m)), rule_name(l), true});
      out.push_back({fmt::format("{}{} {}.", w->congresses, term, l.words), rule_name(l), false});
      break;
    }
    case RuleKind::start: {
      const auto [y, m] = month_before(l.period.start);
      out.push_back({fmt::format("{}{} bắt đầu từ {}.", w->congresses, term, month_text(y, m)), rule_name(l), true});
      break;
    }
    case RuleKind::pilot: {
      if (!w->pilot) break;
      const auto [y, m] = month_after(l.period.end);
      out.push_back({fmt::format("{} trong {}.", w->pilot, month_text(y, m)), rule_name(l), true});
      break;
    }
    default: break;
  }
  return out;
}

std::string plan_title(const Reference& id, const Extraction& x) {
  std::string t = "Kế hoạch số " + *id.id;
  if (id.date) t += fmt::format(" ngày {}/{}/{}", id.date->day, id.date->month, id.date->year);
  if (x.document.issuer) t += " của " + *x.document.issuer;
  return t;
}

std::string render(const Reference& id, const Extraction& x, const std::vector<const RuleSet*>& extends,
                   const std::vector<Limit>& limits, const std::vector<Example>& examples, const std::string& path) {
  const std::string title = plan_title(id, x);
  std::string out;
  out += fmt::format("# {}\n# Derived by `plancheck rules derive` from {}: the plan's own schedule for the\n"
                     "# levels below it, each limit with the sentence and line it comes from.\n",
                     title, path);
  out += fmt::format("id = {}\n", toml_string(id_of(*id.id, id.date->year)));
  out += "kind = \"plan\"\n";
  out += fmt::format("title = {}\n", toml_string(title));
  out += fmt::format("number = {}\n", toml_string(*id.id));
  out += fmt::format("date = {}\n", id.date->iso());
  if (x.document.issuer) out += fmt::format("issuer = {}\n", toml_string(*x.document.issuer));
  if (x.document.term) out += fmt::format("term = \"{}-{}\"\n", x.document.term->from, x.document.term->to);
  if (x.document.national_congress) out += fmt::format("national_congress = {}\n", toml_string(*x.document.national_congress));
  out += "extends = [";
  for (size_t i = 0; i < extends.size(); ++i) out += (i ? ", " : "") + toml_string(extends[i]->id);
  out += "]\n";
  out += fmt::format("source.vi = {}\n", toml_string(fmt::format("Lịch của chính kế hoạch, đọc từ {}.", path)));
  out += fmt::format("source.en = {}\n", toml_string(fmt::format("The plan's own schedule, read from {}.", path)));
  for (const Limit& l : limits) {
    const LevelWords* w = words_of(l.level);
    out += fmt::format("\n# {} line {}{}\n[[{}]]\n", path, l.line, l.place.empty() ? "" : " (" + l.place + ")",
                       to_string(l.kind));
    out += fmt::format("name = {}\n", toml_string(rule_name(l)));
    out += fmt::format("level = \"{}\"\n", to_string(l.level));
    out += fmt::format("limit = {}\n", toml_string(l.words));
    out += fmt::format(
        "source = {{ document = {}, date = {}, authority = \"plan\", text = {}, file = {}, line = {}, column = {} }}\n",
        toml_string(*id.id), id.date->iso(), toml_string(l.sentence), toml_string(path), l.line, l.column);
    const std::string what = l.kind == RuleKind::pilot ? std::string("đại hội điểm ") + level_name(l.level, Lang::vi)
                                                       : (w ? w->congresses : "Đại hội");
    out += fmt::format("summary.vi = {}\n", toml_string(fmt::format("{}: {} (theo {}).", what, l.words, *id.id)));
    std::string en = fmt::format("{} {}: \"{}\" (as {} says).", level_name(l.level, Lang::en),
                                 l.kind == RuleKind::pilot ? "pilot congresses" : "congresses", l.words, *id.id);
    en[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(en[0])));
    out += fmt::format("summary.en = {}\n", toml_string(en));
  }
  for (const Example& e : examples) {
    out += fmt::format("\n[[example]]\ntext = {}\n{} = [{}]\n", toml_string(e.text), e.expect ? "expect" : "absent",
                       toml_string(e.rule));
  }
  return out;
}

}  // namespace

std::string derive_rule_file(const Analysis& plan, const RuleBook& book, const std::string& path) {
  const Extraction& x = plan.extraction;
  const auto id = plan_identity(x);
  if (!id || !id->id || !id->date)
    throw DeriveError(both(msg::derive_no_identity));
  const std::optional<Level> own = issuer_code_level(canonical_issuer_code(id->issuer_code));
  const auto below = [&](Level l) { return !own || l < *own; };
  // normalized_text(): a plan held for its report keeps its spans' words.
  const auto sentence = [&](const Span& s) { return plan.text.normalized_text(s.start, s.end); };

  // The first statement of each kind for each level (the plan's schedule
  // states it once; a later mention restates it).
  std::vector<Limit> limits;
  const auto have = [&](RuleKind k, Level l) {
    return std::any_of(limits.begin(), limits.end(), [&](const Limit& o) { return o.kind == k && o.level == l; });
  };
  // A hold its own sentence ends earlier ("tổ chức trong tháng 8/2025,
  // hoàn thành trước ngày 20/8/2025") gives way to that completion.
  const checks::Plan shape = checks::Plan::of(x);
  for (const Milestone& m : x.milestones) {
    if (m.source || m.status == Status::done || m.quoted_from || !below(m.level)) continue;
    if (shape.ends_elsewhere(&m)) continue;
    const RuleKind kind = m.event == Event::start ? RuleKind::start : RuleKind::deadline;
    if (have(kind, m.level)) continue;
    limits.push_back({kind, m.level, event_words(m.event) + " " + m.time.text, sentence(m.span), m.span.line,
                      m.time.period, m.span.column});
  }
  for (const Pilot& p : x.pilots) {
    if (!p.level || !p.time || !below(*p.level) || have(RuleKind::pilot, *p.level)) continue;
    limits.push_back({RuleKind::pilot, *p.level, p.time->text, sentence(p.span), p.span.line, p.time->period,
                      p.span.column});
  }
  if (limits.empty())
    throw DeriveError(both(msg::derive_no_limits));
  // The place in the document a person opens (source.h place_of).
  for (Limit& l : limits) {
    const auto p = place_of(plan.origins, l.line, 1);
    if (!p) continue;
    switch (p->kind) {
      case LineOrigin::Kind::paragraph: l.place = fmt::format("paragraph {}", p->number); break;
      case LineOrigin::Kind::table_row: l.place = fmt::format("table {}, row {}", p->number, p->row); break;
      case LineOrigin::Kind::html_line: l.place = fmt::format("HTML line {}", p->number); break;
      case LineOrigin::Kind::page_line: l.place = fmt::format("page {}, line {}", p->number, p->row); break;
    }
  }
  std::stable_sort(limits.begin(), limits.end(), [](const Limit& a, const Limit& b) {
    return a.level != b.level ? a.level < b.level : a.kind < b.kind;
  });

  // Held to what the plan itself is held to.
  // The sets selected that no other selected set extends.
  const std::vector<const RuleSet*> held_to = book.select(x);
  std::vector<const RuleSet*> extends;
  for (const RuleSet* s : held_to) {
    bool under_another = false;
    for (const RuleSet* o : held_to)
      if (o != s)
        for (const RuleSet* e : book.with_extended(*o)) under_another = under_another || (e == s);
    if (!under_another) extends.push_back(s);
  }

  std::vector<Example> examples;
  for (const Limit& l : limits)
    for (Example& e : examples_of(l, x)) examples.push_back(std::move(e));
  // Kept only where the book agrees (an example the extractor reads
  // otherwise would make the file fail `rules lint`).
  std::string toml = render(*id, x, extends, limits, examples, path);
  RuleBook trial = book;
  RuleSet set = parse_rule_file(toml, path);
  trial.add(set);
  const auto failures = trial.run_examples(*trial.find(set.id));
  if (!failures.empty()) {
    std::vector<Example> kept;
    for (size_t i = 0; i < examples.size(); ++i) {
      const int line = set.examples[i].where.line;
      const bool failed = std::any_of(failures.begin(), failures.end(),
                                      [&](const RuleError& f) { return f.where().line == line; });
      if (!failed) kept.push_back(examples[i]);
    }
    toml = render(*id, x, extends, limits, kept, path);
  }
  return toml;
}

}  // namespace plancheck
