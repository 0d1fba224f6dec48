// Reading plancheck.extract/1 JSON back into the model (extract_json.h).
//
// The document is parsed whole with nlohmann/json (a syntax error carries
// its byte offset), then read field by field with the path of the value
// being read kept; a value that does not fit throws that path, and only
// then is the document walked again with a SAX parser that counts bytes, to
// find where the value starts: the located error costs nothing on the good
// path.
#include <fmt/format.h>

#include <iterator>
#include <utility>

#include "plancheck/extract_json.h"

namespace plancheck {

using json = nlohmann::json;

namespace {

// The place of a value: object keys and array indexes from the root.
using JsonPath = std::vector<std::string>;

std::string path_text(const JsonPath& path) {
  std::string out;
  for (const auto& p : path) {
    if (!p.empty() && p.front() == '[') out += p;
    else out += (out.empty() ? "" : ".") + p;
  }
  return out.empty() ? "(top)" : out;
}

// A value that does not fit the contract, where it stands.
struct Misfit {
  JsonPath path;
  LocalText why;
};

// 1-based line and column (code points) of byte `offset` of `text`.
std::pair<int, int> line_column(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  int column = 1;
  for (size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return {line, column};
}

bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A char iterator that records how far the parser has read.
struct CountingIterator {
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;
  const char* at = nullptr;
  const char** furthest = nullptr;
  reference operator*() const { return *at; }
  CountingIterator& operator++() {
    ++at;
    if (furthest && at > *furthest) *furthest = at;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& o) const { return at == o.at; }
  bool operator!=(const CountingIterator& o) const { return at != o.at; }
};

// Walks the document and stops at the value at `target`: its first byte is
// past what the parser had read at the event before it, after spaces, ','
// and ':' (events come before the parser reads on; a number's one
// character of look-ahead is one of those).
class Locator : public nlohmann::json_sax<json> {
 public:
  Locator(std::string_view text, const JsonPath& target)
      : text_(text), target_(target), furthest_(text.data()), last_(text.data()) {}

  std::optional<size_t> find() {
    CountingIterator first{text_.data(), &furthest_}, last{text_.data() + text_.size(), nullptr};
    json::sax_parse(first, last, this, nlohmann::detail::input_format_t::json, false);
    return found_;
  }

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t&) override { return scalar(); }
  bool string(string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool start_object(std::size_t) override { return open(false); }
  bool start_array(std::size_t) override { return open(true); }
  bool key(string_t& k) override {
    path_.push_back(k);
    last_ = furthest_;
    return true;
  }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  // A value begins: false (stop) when it is the one sought.
  bool begin() {
    size_t i = static_cast<size_t>(last_ - text_.data());
    while (i < text_.size() && (json_space(text_[i]) || text_[i] == ',' || text_[i] == ':')) ++i;
    if (!arrays_.empty() && arrays_.back() >= 0) path_.push_back(fmt::format("[{}]", arrays_.back()++));
    if (path_ == target_) {
      found_ = i;
      return false;
    }
    return true;
  }
  // A value ends: the member or element it was is done.
  void end() {
    if (!arrays_.empty()) path_.pop_back();
    last_ = furthest_;
  }
  bool scalar() {
    if (!begin()) return false;
    end();
    return true;
  }
  bool open(bool array) {
    if (!begin()) return false;
    arrays_.push_back(array ? 0 : -1);
    last_ = furthest_;
    return true;
  }
  bool close() {
    arrays_.pop_back();
    end();
    return true;
  }

  std::string_view text_;
  const JsonPath& target_;
  const char* furthest_;
  const char* last_;
  JsonPath path_;
  // Per open container: the next element's index, or -1 for an object.
  std::vector<long> arrays_;
  std::optional<size_t> found_;
};

// ---- reading the model, field by field ----

class Reader {
 public:
  // Enters a member or element for as long as it lives.
  class Step {
   public:
    Step(Reader& r, std::string token) : r_(r) { r_.path_.push_back(std::move(token)); }
    ~Step() { r_.path_.pop_back(); }
    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;

   private:
    Reader& r_;
  };

  [[noreturn]] void fail(LocalText why) const { throw Misfit{path_, std::move(why)}; }
  [[noreturn]] void fail_at(std::string member, LocalText why) {
    Step s(*this, std::move(member));
    fail(std::move(why));
  }

  // A member that is absent or null: nullptr.
  static const json* member(const json& object, const char* key) {
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
  }

  std::string string(const json& v) const {
    if (!v.is_string()) fail(both(msg::json_need_string));
    return v.get<std::string>();
  }
  std::optional<std::string> opt_string(const json& o, const char* key) {
    const json* v = member(o, key);
    if (!v) return std::nullopt;
    Step s(*this, key);
    return string(*v);
  }
  std::string string_or(const json& o, const char* key, std::string fallback = "") {
    return opt_string(o, key).value_or(std::move(fallback));
  }
  uint32_t count(const json& v) const {
    if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<int64_t>() >= 0))
      fail(both(msg::json_need_integer));
    const uint64_t n = v.get<uint64_t>();
    if (n > UINT32_MAX) fail(both(msg::json_need_integer));
    return static_cast<uint32_t>(n);
  }
  std::optional<uint32_t> opt_count(const json& o, const char* key) {
    const json* v = member(o, key);
    if (!v) return std::nullopt;
    Step s(*this, key);
    return count(*v);
  }
  bool boolean(const json& o, const char* key) {
    const json* v = member(o, key);
    if (!v) return false;
    Step s(*this, key);
    if (!v->is_boolean()) fail(both(msg::json_need_bool));
    return v->get<bool>();
  }
  void need_object(const json& v) const {
    if (!v.is_object()) fail(both(msg::json_need_object));
  }
  const json& required(const json& o, const char* key) {
    const json* v = member(o, key);
    if (!v) fail_at(key, both(msg::json_missing));
    return *v;
  }
  CivilDate date(const json& v) const {
    const std::string s = string(v);
    const auto d = CivilDate::parse_iso(s);
    if (!d) fail(both(msg::json_need_date, s));
    return *d;
  }
  std::optional<CivilDate> opt_date(const json& o, const char* key) {
    const json* v = member(o, key);
    if (!v) return std::nullopt;
    Step s(*this, key);
    return date(*v);
  }
  // A value of a vocabulary, by the names to_string() gives.
  template <class E, size_t N>
  E choice(const json& v, const E (&all)[N]) const {
    const std::string s = string(v);
    std::string names;
    for (const E e : all) {
      if (s == to_string(e)) return e;
      names += fmt::format("{}{}", names.empty() ? "" : ", ", to_string(e));
    }
    fail(both(msg::json_need_one_of, names, s));
  }
  template <class E, size_t N>
  std::optional<E> opt_choice(const json& o, const char* key, const E (&all)[N]) {
    const json* v = member(o, key);
    if (!v) return std::nullopt;
    Step s(*this, key);
    return choice(*v, all);
  }
  template <class E, size_t N>
  E required_choice(const json& o, const char* key, const E (&all)[N]) {
    const json& v = required(o, key);
    Step s(*this, key);
    return choice(v, all);
  }
  // Each element of an array member (absent or null: none).
  template <class F>
  void each(const json& o, const char* key, F&& read) {
    const json* v = member(o, key);
    if (!v) return;
    Step s(*this, key);
    if (!v->is_array()) fail(both(msg::json_need_array));
    for (size_t i = 0; i < v->size(); ++i) {
      Step e(*this, fmt::format("[{}]", i));
      read((*v)[i]);
    }
  }

  const JsonPath& path() const { return path_; }

 private:
  JsonPath path_;
};

constexpr Level kLevels[] = {Level::branch, Level::grassroots, Level::district, Level::province, Level::national};
constexpr Relation kRelations[] = {Relation::in,   Relation::before, Relation::by,
                                   Relation::from, Relation::after,  Relation::between};
constexpr Part kParts[] = {Part::early, Part::mid, Part::late};
constexpr Grain kGrains[] = {Grain::day, Grain::month, Grain::quarter, Grain::half, Grain::year};
constexpr UnitType kUnitTypes[] = {UnitType::dang_bo, UnitType::chi_bo, UnitType::committee, UnitType::agency};
constexpr Event kEvents[] = {Event::start, Event::complete, Event::hold};
constexpr Status kStatuses[] = {Status::planned, Status::done};
constexpr PilotKind kPilotKinds[] = {PilotKind::model_congress, PilotKind::direct_election};

Span read_span(Reader& r, const json& o) {
  const json* v = Reader::member(o, "span");
  if (!v) return {};
  Reader::Step s(r, "span");
  r.need_object(*v);
  Span span;
  span.start = r.opt_count(*v, "start").value_or(0);
  span.end = r.opt_count(*v, "end").value_or(span.start);
  span.line = r.opt_count(*v, "line").value_or(0);
  span.column = r.opt_count(*v, "column").value_or(span.line ? 1 : 0);
  return span;
}

// The grain a period's ends name, when the object does not say.
Grain grain_of(const CivilDate& a, const CivilDate& b) {
  if (a == b) return Grain::day;
  if (a.day != 1 || b != CivilDate::last_of_month(b.year, b.month) || a.year != b.year) return Grain::day;
  const int months = b.month - a.month + 1;
  if (months == 1) return Grain::month;
  if (months == 3 && (a.month - 1) % 3 == 0) return Grain::quarter;
  if (months == 6 && (a.month - 1) % 6 == 0) return Grain::half;
  if (months == 12) return Grain::year;
  return Grain::day;
}

TimeExpr read_time(Reader& r, const json& t) {
  r.need_object(t);
  TimeExpr out;
  out.text = r.string_or(t, "text");
  out.relation = r.required_choice(t, "relation", kRelations);
  const json& p = r.required(t, "period");
  {
    Reader::Step s(r, "period");
    r.need_object(p);
    {
      Reader::Step d(r, "start");
      out.period.start = r.date(r.required(p, "start"));
    }
    {
      Reader::Step d(r, "end");
      out.period.end = r.date(r.required(p, "end"));
    }
    if (out.period.end < out.period.start)
      r.fail_at("end", both(msg::json_period_order, out.period.start.iso(), out.period.end.iso()));
    out.period.grain = r.opt_choice(p, "grain", kGrains).value_or(grain_of(out.period.start, out.period.end));
  }
  out.part = r.opt_choice(t, "part", kParts).value_or(Part::none);
  out.year_inferred = r.boolean(t, "year_inferred");
  out.span = read_span(r, t);
  return out;
}

Reference read_reference(Reader& r, const json& o) {
  r.need_object(o);
  Reference ref;
  ref.id = r.opt_string(o, "id");
  ref.number = r.string_or(o, "number");
  ref.type = r.string_or(o, "type");
  ref.issuer_code = std::string(canonical_issuer_code(r.string_or(o, "issuer_code")));
  // Left out but written in the id ("172-KH/HU"): taken from it.
  if (ref.id) {
    const std::string& id = *ref.id;
    const size_t dash = id.find('-'), slash = id.find('/', dash == std::string::npos ? 0 : dash);
    if (dash != std::string::npos && slash != std::string::npos) {
      if (ref.number.empty()) ref.number = id.substr(0, dash);
      if (ref.type.empty()) ref.type = id.substr(dash + 1, slash - dash - 1);
      if (ref.issuer_code.empty()) ref.issuer_code = std::string(canonical_issuer_code(id.substr(slash + 1)));
    }
  }
  ref.kind = r.string_or(o, "kind", "other");
  ref.date = r.opt_date(o, "date");
  ref.issuer = r.opt_string(o, "issuer");
  ref.text = r.string_or(o, "text");
  ref.span = read_span(r, o);
  return ref;
}

Unit read_unit(Reader& r, const json& o) {
  r.need_object(o);
  Unit u;
  u.name = r.string_or(o, "name");
  u.type = r.opt_choice(o, "type", kUnitTypes).value_or(UnitType::dang_bo);
  u.level = r.opt_choice(o, "level", kLevels);
  u.span = read_span(r, o);
  return u;
}

Milestone read_milestone(Reader& r, const json& o) {
  r.need_object(o);
  Milestone m;
  m.level = r.required_choice(o, "level", kLevels);
  m.event = r.required_choice(o, "event", kEvents);
  {
    const json& t = r.required(o, "time");
    Reader::Step s(r, "time");
    m.time = read_time(r, t);
  }
  m.subject = r.string_or(o, "subject");
  m.source = r.opt_string(o, "source");
  m.status = r.opt_choice(o, "status", kStatuses).value_or(Status::planned);
  m.span = read_span(r, o);
  if (const json* q = Reader::member(o, "quoted_from")) {
    Reader::Step s(r, "quoted_from");
    m.quoted_from = read_unit(r, *q);
  }
  return m;
}

Pilot read_pilot(Reader& r, const json& o) {
  r.need_object(o);
  Pilot p;
  p.kind = r.required_choice(o, "kind", kPilotKinds);
  p.level = r.opt_choice(o, "level", kLevels);
  r.each(o, "units", [&](const json& u) { p.units.push_back(r.string(u)); });
  p.count = static_cast<int>(r.opt_count(o, "count").value_or(static_cast<uint32_t>(p.units.size())));
  p.selected_by = r.opt_string(o, "selected_by");
  if (const json* t = Reader::member(o, "time")) {
    Reader::Step s(r, "time");
    p.time = read_time(r, *t);
  }
  p.span = read_span(r, o);
  return p;
}

Notice read_notice(Reader& r, const json& o) {
  r.need_object(o);
  Notice n;
  n.code = r.string_or(o, "code");
  n.message = r.string_or(o, "message");
  n.suggestion = r.opt_string(o, "suggestion");
  n.text = r.string_or(o, "text");
  n.span = read_span(r, o);
  n.level = r.opt_choice(o, "level", kLevels);
  return n;
}

DocumentFacts read_document(Reader& r, const json& o) {
  DocumentFacts d;
  const json* v = Reader::member(o, "document");
  if (!v) return d;
  Reader::Step s(r, "document");
  r.need_object(*v);
  if (const json* t = Reader::member(*v, "term")) {
    Reader::Step ts(r, "term");
    r.need_object(*t);
    Term term;
    {
      Reader::Step f(r, "from");
      term.from = static_cast<int>(r.count(r.required(*t, "from")));
    }
    {
      Reader::Step f(r, "to");
      term.to = static_cast<int>(r.count(r.required(*t, "to")));
    }
    d.term = term;
  }
  d.national_congress = r.opt_string(*v, "national_congress");
  d.issuer = r.opt_string(*v, "issuer");
  return d;
}

Extraction read_extraction(Reader& r, const json& o) {
  r.need_object(o);
  {
    const json& schema = r.required(o, "schema");
    Reader::Step s(r, "schema");
    if (!schema.is_string() || schema.get<std::string>() != kExtractSchema)
      r.fail(both(msg::json_need_one_of, kExtractSchema, schema.is_string() ? schema.get<std::string>() : schema.dump()));
  }
  Extraction x;
  x.file = r.string_or(o, "file");
  x.document = read_document(r, o);
  r.each(o, "references", [&](const json& v) { x.references.push_back(read_reference(r, v)); });
  r.each(o, "times", [&](const json& v) { x.times.push_back(read_time(r, v)); });
  r.each(o, "units", [&](const json& v) { x.units.push_back(read_unit(r, v)); });
  r.each(o, "milestones", [&](const json& v) { x.milestones.push_back(read_milestone(r, v)); });
  r.each(o, "pilots", [&](const json& v) { x.pilots.push_back(read_pilot(r, v)); });
  r.each(o, "notices", [&](const json& v) { x.notices.push_back(read_notice(r, v)); });
  return x;
}

// Where a document of `text` (starting at byte `base` of the file) holds
// the value at `path`, as file:line:column.
RuleLocation locate(std::string_view file_text, size_t base, std::string_view text, const JsonPath& path,
                    const std::string& file) {
  // A member that is missing: where the object that lacks it starts.
  std::optional<size_t> found;
  for (JsonPath at = path; !found; at.pop_back()) {
    found = Locator(text, at).find();
    if (at.empty()) break;
  }
  const size_t at = base + found.value_or(0);
  const auto [line, column] = line_column(file_text, at);
  return {file, line, column};
}

LocatedError syntax_error(std::string_view file_text, size_t base, const json::parse_error& e,
                          const std::string& file) {
  // e.byte: 1-based, the character the parser stopped at.
  const size_t at = base + (e.byte > 0 ? e.byte - 1 : 0);
  const auto [line, column] = line_column(file_text, at);
  // What nlohmann says after its "[json.exception…] parse error at …: ".
  std::string what = e.what();
  if (const size_t colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
  return LocatedError({file, line, column}, both(msg::json_syntax, what));
}

// The objects of one JSON document (an object, or an array of them), read.
void read_document_value(const json& doc, std::string_view file_text, size_t base, std::string_view text,
                         const std::string& file, std::vector<ExtractJsonItem>& out) {
  auto read_one = [&](const json& v, JsonPath at) {
    Reader r;
    try {
      ExtractJsonItem item;
      if (at.empty()) {
        item.extraction = read_extraction(r, v);
      } else {
        Reader::Step s(r, at.front());
        item.extraction = read_extraction(r, v);
      }
      out.push_back(std::move(item));
    } catch (const Misfit& m) {
      out.push_back({std::nullopt, LocatedError(locate(file_text, base, text, m.path, file),
                                                both(msg::json_field, path_text(m.path), m.why))});
    }
  };
  if (doc.is_array()) {
    for (size_t i = 0; i < doc.size(); ++i) read_one(doc[i], {fmt::format("[{}]", i)});
  } else {
    read_one(doc, {});
  }
}

size_t skip_bom_and_space(std::string_view s) {
  size_t i = s.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < s.size() && json_space(s[i])) ++i;
  return i;
}

}  // namespace

ExtractJsonKind extract_json_kind(std::string_view bytes) {
  const size_t i = skip_bom_and_space(bytes);
  if (i >= bytes.size() || (bytes[i] != '{' && bytes[i] != '[')) return ExtractJsonKind::not_json;
  return bytes.find("\"plancheck.extract/") != std::string_view::npos ? ExtractJsonKind::extraction
                                                                       : ExtractJsonKind::other_json;
}

std::vector<ExtractJsonItem> read_extract_json(std::string_view bytes, const std::string& path) {
  // JSON that never names the schema is not read at all (a manifest of
  // 10,000 lines would be 10,000 errors): it is not an extraction.
  if (extract_json_kind(bytes) != ExtractJsonKind::extraction)
    throw LocatedError({path, 0, 0}, both(msg::json_not_extraction));
  const size_t begin = skip_bom_and_space(bytes);
  std::vector<ExtractJsonItem> out;
  const std::string_view body = bytes.substr(begin);
  try {
    const json doc = json::parse(body.begin(), body.end());
    read_document_value(doc, bytes, begin, body, path, out);
  } catch (const json::parse_error& whole) {
    // JSON lines: the first line a document of its own, and so each line
    // (a blank one is passed over). Otherwise the error is the file's.
    const size_t first_end = body.find('\n');
    const std::string_view first = body.substr(0, first_end);
    if (first_end == std::string_view::npos || !json::accept(first.begin(), first.end()))
      throw syntax_error(bytes, begin, whole, path);
    for (size_t at = begin; at < bytes.size();) {
      size_t end = bytes.find('\n', at);
      if (end == std::string_view::npos) end = bytes.size();
      const std::string_view line = bytes.substr(at, end - at);
      if (skip_bom_and_space(line) < line.size()) {
        try {
          const json doc = json::parse(line.begin(), line.end());
          read_document_value(doc, bytes, at, line, path, out);
        } catch (const json::parse_error& e) {
          out.push_back({std::nullopt, syntax_error(bytes, at, e, path)});
        }
      }
      at = end + 1;
    }
  }
  return out;
}

}  // namespace plancheck
