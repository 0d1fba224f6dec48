// .docx: the body of word/document.xml as lines in reading order
// (readers.h states the contract; docs/cli.md "Formats" what is read).
//
// - A paragraph is a line (a w:br or w:cr starts another line of the same
//   paragraph); runs are joined as they stand, so a word Word split across
//   runs comes out whole; w:tab is a space.
// - Word's own numbering (numbering.xml, direct or through the paragraph's
//   style) is written before the text: "1.", "a)", "I.", "-" for bullets.
// - A table row is a line, its cells joined with " | " (a schedule "level |
//   time" stays one sentence); a cell's paragraphs are joined with spaces.
// - Text boxes (w:txbxContent) are read where they are anchored, as
//   paragraphs after the one holding them; of mc:AlternateContent only the
//   first choice (the fallback repeats it).
// - Tracked changes as accepted (w:ins, w:moveTo in; w:del, w:moveFrom
//   out), or as the original (ReadOptions::tracked_original): the reverse.
// - Left out: headers and footers, footnotes, comments, field codes
//   (w:instrText; a field's shown result is kept), math.
//
// The zip is read with libzip from memory: an encrypted member, a member
// inflating beyond kMaxDocumentBytes in all, or one inflating more than
// kMaxRatio (500) times its compressed size (past the first MiB) is refused as it
// is read — the sizes the zip claims are not trusted.
#include <zip.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <optional>

#include "plancheck/messages.h"
#include "readers.h"
#include "xml_util.h"

namespace plancheck::readers {

namespace {

constexpr uint64_t kMaxRatio = 500;  // XML deflates 5 to 20 times, a repetitive body 100+; deflate tops out near 1030
constexpr uint64_t kRatioFloor = uint64_t{1} << 20;  // below this any ratio is harmless

struct ZipFree {
  void operator()(zip_t* z) const { zip_discard(z); }
};

class Zip {
 public:
  Zip(const std::string& bytes, const std::string& path) : path_(path) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) corrupt(zip_error_strerror(&err));
    zip_.reset(zip_open_from_source(src, ZIP_RDONLY, &err));
    if (!zip_) {
      zip_source_free(src);
      const std::string why = zip_error_strerror(&err);
      zip_error_fini(&err);
      corrupt(why);
    }
    zip_error_fini(&err);
  }

  // A member's bytes, nullopt when there is none of that name.
  std::optional<std::string> read(const char* name) {
    zip_int64_t idx = zip_name_locate(zip_.get(), name, 0);
    if (idx < 0) idx = zip_name_locate(zip_.get(), name, ZIP_FL_NOCASE);
    if (idx < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0, &st) != 0) corrupt(zip_strerror(zip_.get()));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
      throw SourceError(path_, 0, 0, both(msg::source_docx_encrypted));
    const uint64_t room = kMaxDocumentBytes - used_;
    if ((st.valid & ZIP_STAT_SIZE) && st.size > room) too_large(name);
    const uint64_t packed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
    zip_file_t* f = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(idx), 0);
    if (!f) {
      if (zip_error_code_zip(zip_get_error(zip_.get())) == ZIP_ER_ENCRNOTSUPP)
        throw SourceError(path_, 0, 0, both(msg::source_docx_encrypted));
      corrupt(zip_strerror(zip_.get()));
    }
    std::string out;
    if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<size_t>(std::min<uint64_t>(st.size, uint64_t{1} << 24)));
    char buf[1 << 16];
    for (;;) {
      const zip_int64_t n = zip_fread(f, buf, sizeof buf);
      if (n < 0) {
        const std::string why = zip_file_strerror(f);
        zip_fclose(f);
        corrupt(why);
      }
      if (n == 0) break;
      out.append(buf, static_cast<size_t>(n));
      // The bytes actually inflated, whatever the headers said.
      if (out.size() > room) {
        zip_fclose(f);
        too_large(name);
      }
      if (out.size() > kRatioFloor && out.size() / std::max<uint64_t>(packed, 1) > kMaxRatio) {
        zip_fclose(f);
        throw SourceError(path_, 0, 0, both(msg::source_zip_ratio, name, kMaxRatio));
      }
    }
    zip_fclose(f);
    used_ += out.size();
    return out;
  }

 private:
  [[noreturn]] void corrupt(const std::string& why) const {
    throw SourceError(path_, 0, 0, both(msg::source_zip_corrupt, why));
  }
  [[noreturn]] void too_large(const char* name) const {
    throw SourceError(path_, 0, 0, both(msg::source_zip_too_large, name, kMaxDocumentBytes >> 20));
  }

  std::string path_;
  std::unique_ptr<zip_t, ZipFree> zip_;
  uint64_t used_ = 0;  // inflated so far, all members
};

// ---- numbering ------------------------------------------------------------

std::string roman(uint32_t n, bool upper) {
  static constexpr std::pair<uint32_t, const char*> kDigits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                                 {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                                 {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                                 {1, "i"}};
  if (n == 0 || n > 3999) return std::to_string(n);
  std::string out;
  for (const auto& [v, s] : kDigits)
    while (n >= v) {
      out += s;
      n -= v;
    }
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 32);
  return out;
}

std::string letters(uint32_t n, bool upper) {
  // Word's letters: a..z, then aa..zz, aaa..
  if (n == 0) return "0";
  const char c = static_cast<char>((upper ? 'A' : 'a') + (n - 1) % 26);
  return std::string(std::min<uint32_t>((n - 1) / 26 + 1, 8), c);
}

struct Level {
  std::string format = "decimal";  // w:numFmt
  std::string text;                // w:lvlText ("%1.", "%1.%2)", "-")
  uint32_t start = 1;
};

class Numbering {
 public:
  void load(const xmlNode* root) {
    std::map<std::string, std::map<int, Level>> abstracts;
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
      if (!named(n, "abstractNum")) continue;
      auto& levels = abstracts[attr(n, "abstractNumId")];
      for (const xmlNode* l = n->children; l; l = l->next) {
        if (!named(l, "lvl")) continue;
        Level lv;
        if (const xmlNode* f = child(l, "numFmt")) lv.format = attr(f, "val");
        if (const xmlNode* t = child(l, "lvlText")) lv.text = attr(t, "val");
        if (const xmlNode* s = child(l, "start")) lv.start = number(attr(s, "val"), 1);
        levels[static_cast<int>(number(attr(l, "ilvl"), 0))] = lv;
      }
    }
    for (const xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
      if (!named(n, "num")) continue;
      const xmlNode* a = child(n, "abstractNumId");
      if (!a) continue;
      auto it = abstracts.find(attr(a, "val"));
      if (it == abstracts.end()) continue;
      auto levels = it->second;
      for (const xmlNode* o = n->children; o; o = o->next) {
        if (!named(o, "lvlOverride")) continue;
        const int ilvl = static_cast<int>(number(attr(o, "ilvl"), 0));
        if (const xmlNode* s = child(o, "startOverride")) levels[ilvl].start = number(attr(s, "val"), 1);
        if (const xmlNode* l = child(o, "lvl")) {
          Level& lv = levels[ilvl];
          if (const xmlNode* f = child(l, "numFmt")) lv.format = attr(f, "val");
          if (const xmlNode* t = child(l, "lvlText")) lv.text = attr(t, "val");
        }
      }
      nums_[attr(n, "numId")] = std::move(levels);
    }
  }

  // Styles that number their paragraphs (a "List Number" style).
  void load_styles(const xmlNode* root) {
    for (const xmlNode* s = root ? root->children : nullptr; s; s = s->next) {
      if (!named(s, "style")) continue;
      const xmlNode* ppr = child(s, "pPr");
      if (const xmlNode* np = child(ppr, "numPr")) style_num_[attr(s, "styleId")] = num_of(np, {"", 0});
    }
  }

  // The label of a paragraph with these properties ("" when not numbered),
  // counting it.
  std::string label(const xmlNode* ppr) {
    std::pair<std::string, int> num{"", 0};
    bool found = false;
    if (const xmlNode* ps = child(ppr, "pStyle")) {
      auto it = style_num_.find(attr(ps, "val"));
      if (it != style_num_.end()) {
        num = it->second;
        found = true;
      }
    }
    if (const xmlNode* np = child(ppr, "numPr")) {
      num = num_of(np, num);
      found = true;
    }
    if (!found || num.first.empty() || num.first == "0") return "";
    auto it = nums_.find(num.first);
    if (it == nums_.end()) return "";
    const int ilvl = std::clamp(num.second, 0, 8);
    auto& counts = counters_[num.first];
    const auto& levels = it->second;
    auto start_of = [&](int l) {
      auto lv = levels.find(l);
      return lv == levels.end() ? 1u : lv->second.start;
    };
    if (counts.size() < 9) counts.assign(9, 0);
    for (int l = 0; l < ilvl; ++l)
      if (counts[l] == 0) counts[l] = start_of(l);
    counts[ilvl] = counts[ilvl] == 0 ? start_of(ilvl) : counts[ilvl] + 1;
    for (int l = ilvl + 1; l < 9; ++l) counts[l] = 0;  // deeper levels start again
    auto lv = levels.find(ilvl);
    if (lv == levels.end()) return "";
    const Level& level = lv->second;
    if (level.format == "none") return "";
    if (level.format == "bullet") return "-";
    std::string out;
    for (size_t i = 0; i < level.text.size(); ++i) {
      const char c = level.text[i];
      if (c == '%' && i + 1 < level.text.size() && level.text[i + 1] >= '1' && level.text[i + 1] <= '9') {
        const int l = level.text[i + 1] - '1';
        auto ll = levels.find(l);
        out += formatted(counts[l] ? counts[l] : start_of(l), ll == levels.end() ? "decimal" : ll->second.format);
        ++i;
      } else {
        out += c;
      }
    }
    return out;
  }

 private:
  static uint32_t number(const std::string& s, uint32_t otherwise) {
    if (s.empty() || s.size() > 6 || s.find_first_not_of("0123456789") != std::string::npos) return otherwise;
    return static_cast<uint32_t>(std::stoul(s));
  }
  static std::pair<std::string, int> num_of(const xmlNode* np, std::pair<std::string, int> base) {
    if (const xmlNode* id = child(np, "numId")) base.first = attr(id, "val");
    if (const xmlNode* l = child(np, "ilvl")) base.second = static_cast<int>(number(attr(l, "val"), 0));
    return base;
  }
  static std::string formatted(uint32_t n, const std::string& format) {
    if (format == "lowerLetter") return letters(n, false);
    if (format == "upperLetter") return letters(n, true);
    if (format == "lowerRoman") return roman(n, false);
    if (format == "upperRoman") return roman(n, true);
    if (format == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
    if (format == "bullet") return "-";
    return std::to_string(n);
  }

  std::map<std::string, std::map<int, Level>> nums_;
  std::map<std::string, std::pair<std::string, int>> style_num_;
  std::map<std::string, std::vector<uint32_t>> counters_;
};

// ---- the body -------------------------------------------------------------

class Body {
 public:
  Body(bool original, Numbering& numbering, const std::string& path)
      : original_(original), numbering_(numbering), path_(path) {}

  std::vector<ReadLine> lines;

  // Block content: paragraphs, tables, and what wraps them.
  void blocks(const xmlNode* parent, int depth) {
    deeper(depth);
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (named(n, "p")) paragraph(n, depth + 1);
      else if (named(n, "tbl")) table(n, depth + 1);
      else if (skipped(n)) continue;
      else if (named(n, "AlternateContent")) alternate(n, depth + 1, [&](const xmlNode* c, int d) { blocks(c, d); });
      else blocks(n, depth + 1);  // w:sdt/w:sdtContent, w:customXml, w:ins around blocks…
    }
  }

 private:
  void deeper(int depth) const {
    if (depth > 2 * kMaxMarkupDepth)
      throw SourceError(path_, 0, 0, both(msg::source_markup_too_deep, "word/document.xml", 2 * kMaxMarkupDepth));
  }

  // Elements whose content is not text of the body in this reading.
  bool skipped(const xmlNode* n) const {
    static constexpr const char* kAlways[] = {"pPr",       "rPr",         "sectPr",         "tblPr",
                                              "tblGrid",   "trPr",        "tcPr",           "sdtPr",
                                              "sdtEndPr",  "instrText",   "delInstrText",   "footnoteReference",
                                              "endnoteReference", "commentReference", "annotationRef", "oMath",
                                              "oMathPara", "fldData",     "bookmarkStart",  "bookmarkEnd"};
    for (const char* k : kAlways)
      if (named(n, k)) return true;
    if (original_) return named(n, "ins") || named(n, "moveTo");
    return named(n, "del") || named(n, "moveFrom");
  }

  // mc:AlternateContent: the first choice only (the fallback says it again).
  template <class F>
  void alternate(const xmlNode* n, int depth, F&& each) {
    for (const xmlNode* c = n->children; c; c = c->next)
      if (named(c, "Choice") || named(c, "Fallback")) {
        each(c, depth + 1);
        return;
      }
  }

  struct Para {
    std::vector<std::string> parts{std::string()};
    std::vector<ReadLine> boxes;  // text boxes anchored here, read after it
  };

  void inline_content(const xmlNode* parent, Para& p, int depth) {
    deeper(depth);
    for (const xmlNode* n = parent->children; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      if (skipped(n)) continue;
      if (named(n, "t")) append_text(n, p.parts.back());
      else if (named(n, "delText")) append_text(n, p.parts.back());  // only reached inside a w:del read
      else if (named(n, "tab") || named(n, "ptab")) p.parts.back() += ' ';
      else if (named(n, "br") || named(n, "cr")) p.parts.emplace_back();
      else if (named(n, "noBreakHyphen")) p.parts.back() += '-';
      else if (named(n, "softHyphen")) continue;
      else if (named(n, "txbxContent")) text_box(n, p, depth + 1);
      else if (named(n, "AlternateContent"))
        alternate(n, depth + 1, [&](const xmlNode* c, int d) { inline_content(c, p, d); });
      else if (named(n, "p")) {
        // A paragraph inside a paragraph's content only comes through
        // markup a reader should not trust: read as a part of this one.
        p.parts.emplace_back();
        inline_content(n, p, depth + 1);
      } else if (named(n, "tbl")) continue;
      else inline_content(n, p, depth + 1);  // w:r, w:hyperlink, w:ins, w:smartTag, w:fldSimple, drawings…
    }
  }

  void text_box(const xmlNode* box, Para& p, int depth) {
    Body inner(original_, numbering_, path_);
    inner.in_cell_ = in_cell_;
    inner.tables_ = tables_;  // a table in a text box counts on with the body's
    inner.blocks(box, depth);
    tables_ = inner.tables_;
    for (auto& l : inner.lines) p.boxes.push_back(std::move(l));
  }

  void paragraph(const xmlNode* n, int depth) {
    Para p;
    const std::string label = numbering_.label(child(n, "pPr"));
    inline_content(n, p, depth);
    if (!label.empty()) p.parts.front() = label + ' ' + p.parts.front();
    const uint32_t number = ++paragraphs_;
    for (size_t i = 0; i < p.parts.size(); ++i) {
      ReadLine l;
      l.text = std::move(p.parts[i]);
      l.origin.kind = LineOrigin::Kind::paragraph;
      l.origin.number = number;
      l.origin.part = static_cast<uint32_t>(i + 1);
      lines.push_back(std::move(l));
    }
    // A text box's paragraphs follow, numbered on from this one.
    for (auto& b : p.boxes) {
      if (b.origin.kind == LineOrigin::Kind::paragraph) {
        if (b.origin.part == 1) ++paragraphs_;
        b.origin.number = paragraphs_;
      }
      lines.push_back(std::move(b));
    }
  }

  // Whether a row is gone in this reading (a row inserted or deleted with
  // changes tracked).
  bool row_dropped(const xmlNode* tr) const {
    const xmlNode* pr = child(tr, "trPr");
    return original_ ? child(pr, "ins") != nullptr : child(pr, "del") != nullptr;
  }

  // A cell's text: its paragraphs (and nested tables' rows) on one line.
  std::string cell_text(const xmlNode* tc, int depth) {
    Body inner(original_, numbering_, path_);
    inner.in_cell_ = true;
    inner.blocks(tc, depth);
    std::string out;
    for (const auto& l : inner.lines) {
      if (l.text.find_first_not_of(' ') == std::string::npos) continue;
      if (!out.empty()) out += ' ';
      out += l.text;
    }
    return out;
  }

  void rows(const xmlNode* parent, uint32_t table, uint32_t& row, int depth) {
    deeper(depth);
    for (const xmlNode* tr = parent->children; tr; tr = tr->next) {
      if (tr->type != XML_ELEMENT_NODE || skipped(tr)) continue;
      if (!named(tr, "tr")) {
        if (!named(tr, "tblPr") && !named(tr, "tblGrid")) rows(tr, table, row, depth + 1);  // w:sdt, w:customXml
        continue;
      }
      if (row_dropped(tr)) continue;
      std::vector<std::string> cells;
      collect_cells(tr, cells, depth + 1);
      ReadLine l;
      l.origin.kind = LineOrigin::Kind::table_row;
      l.origin.number = table;
      l.origin.row = ++row;
      bool any = false;
      for (const auto& c : cells) any = any || !c.empty();
      if (any) {
        for (size_t i = 0; i < cells.size(); ++i) {
          if (i) l.text += " | ";
          l.origin.cells.push_back(static_cast<uint32_t>(code_points(l.text) + 1));
          l.text += cells[i];
        }
      }
      lines.push_back(std::move(l));
    }
  }

  void collect_cells(const xmlNode* parent, std::vector<std::string>& cells, int depth) {
    deeper(depth);
    for (const xmlNode* tc = parent->children; tc; tc = tc->next) {
      if (tc->type != XML_ELEMENT_NODE || skipped(tc)) continue;
      if (named(tc, "tc")) cells.push_back(cell_text(tc, depth + 1));
      else collect_cells(tc, cells, depth + 1);  // w:sdt, w:customXml around cells
    }
  }

  void table(const xmlNode* tbl, int depth) {
    if (in_cell_) {
      // A table in a cell: its rows joined into the cell's text.
      uint32_t row = 0;
      Body inner(original_, numbering_, path_);
      inner.rows(tbl, 0, row, depth);
      for (auto& l : inner.lines) {
        l.origin = {};
        lines.push_back(std::move(l));
      }
      return;
    }
    uint32_t row = 0;
    rows(tbl, ++tables_, row, depth);
  }

  bool original_;
  Numbering& numbering_;
  const std::string& path_;
  bool in_cell_ = false;
  uint32_t paragraphs_ = 0, tables_ = 0;
};

}  // namespace

bool docx_takes(std::string_view bytes, std::string_view path) {
  if (!bytes.starts_with("PK\x03\x04") && !bytes.starts_with("PK\x05\x06")) return false;
  // A zip named .docx, or holding a Word body (its central directory names
  // its members in the clear, at the end).
  if (extension_of(path) == ".docx") return true;
  return bytes.find("word/document.xml") != std::string_view::npos;
}

Source read_docx(std::string bytes, std::string path, const ReadOptions& options) {
  Zip zip(bytes, path);
  std::optional<std::string> body = zip.read("word/document.xml");
  if (!body) throw SourceError(path, 0, 0, both(msg::source_docx_no_document));
  Numbering numbering;
  bool numbered = false;
  if (auto xml = zip.read("word/numbering.xml")) {
    const XmlDoc doc = parse_xml(*xml, path, "word/numbering.xml");
    numbering.load(xmlDocGetRootElement(doc.get()));
    numbered = true;
  }
  // Styles only matter when they can number a paragraph: with a
  // numbering part and paragraphs that name a style. (styles.xml is often
  // ten times the body — 350 KB in python-docx's template — and parsing it
  // was most of the time a small document took.)
  if (!numbered || body->find("pStyle") == std::string::npos) {
  } else if (auto xml = zip.read("word/styles.xml")) {
    const XmlDoc doc = parse_xml(*xml, path, "word/styles.xml");
    numbering.load_styles(xmlDocGetRootElement(doc.get()));
  }
  const XmlDoc doc = parse_xml(*body, path, "word/document.xml");
  body.reset();
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  const xmlNode* b = child(root, "body");
  Body reader(options.tracked_original, numbering, path);
  if (b) reader.blocks(b, 0);
  return source_of(std::move(path), SourceFormat::docx, std::move(reader.lines));
}

// ---- OLE compound files: Word 97 and encrypted .docx ---------------------

bool ole_takes(std::string_view bytes, std::string_view) {
  return bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

Source read_ole(std::string bytes, std::string path, const ReadOptions&) {
  // The directory names streams in UTF-16LE: an encrypted OOXML file holds
  // "EncryptedPackage", a Word 97 file "WordDocument".
  auto has = [&](std::string_view ascii) {
    std::string wide;
    for (char c : ascii) {
      wide += c;
      wide += '\0';
    }
    return bytes.find(wide) != std::string::npos;
  };
  if (has("EncryptedPackage")) throw SourceError(path, 0, 0, both(msg::source_docx_encrypted));
  if (has("WordDocument") || extension_of(path) == ".doc") throw SourceError(path, 0, 0, both(msg::source_word97));
  throw SourceError(path, 0, 0, both(msg::source_ole_other));
}

}  // namespace plancheck::readers
