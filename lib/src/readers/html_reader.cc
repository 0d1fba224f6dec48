// HTML: the visible text of a page as lines (readers.h states the contract;
// docs/cli.md "Formats" what is read).
//
// Parsed by libxml2's HTML parser (recovering, no network, errors silent).
// Block elements (p, div, li, h1-h6, tr, blockquote, pre, …) and <br> end a
// line; a table row is one line, its cells joined with " | " as in a .docx;
// what a reader does not see is dropped: head, script, style, noscript,
// template, nav, header, footer, iframe, svg, and elements marked hidden.
// Whitespace is collapsed as a browser does (not inside <pre>). Each line's
// origin is the source line of the element that starts it.
//
// Charset: a byte-order mark, else <meta charset> / http-equiv in the first
// KiB, else UTF-8. A page declared windows-1258 (or VISCII, TCVN3, VNI) is
// decoded by plancheck's own legacy decoders (NFC, as plain text is) before
// it is parsed; other declared charsets are left to libxml2.
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "plancheck/messages.h"
#include "readers.h"
#include "xml_util.h"

namespace plancheck::readers {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

// The charset a page declares in its first KiB ("" when none).
std::string declared_charset(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, 1024));
  size_t at = head.find("charset");
  while (at != std::string::npos) {
    size_t i = at + 7;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t')) ++i;
    if (i < head.size() && head[i] == '=') {
      ++i;
      while (i < head.size() && (head[i] == ' ' || head[i] == '"' || head[i] == '\'')) ++i;
      size_t end = i;
      while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' ||
                                   head[end] == '_' || head[end] == '.' || head[end] == ':'))
        ++end;
      if (end > i) return head.substr(i, end - i);
    }
    at = head.find("charset", at + 7);
  }
  return "";
}

bool one_of(const xmlNode* n, std::initializer_list<const char*> names) {
  for (const char* name : names)
    if (named(n, name)) return true;
  return false;
}

bool dropped(const xmlNode* n) {
  if (one_of(n, {"head", "script", "style", "noscript", "template", "nav", "header", "footer", "iframe", "svg",
                 "object", "embed", "canvas", "select", "button", "datalist", "map"}))
    return true;
  for (const xmlAttr* a = n->properties; a; a = a->next)
    if (xmlStrEqual(a->name, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  return attr(n, "aria-hidden") == "true";
}

bool block(const xmlNode* n) {
  return one_of(n, {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                    "thead", "tbody", "tfoot", "caption", "blockquote", "pre", "section", "article", "main",
                    "aside", "address", "figure", "figcaption", "hr", "form", "fieldset", "legend", "center",
                    "body", "html", "details", "summary"});
}

class Page {
 public:
  explicit Page(const std::string& path) : path_(path) {}
  std::vector<ReadLine> lines;

  // The text after the last block, if any.
  void finish() { flush(); }

  void walk(const xmlNode* n, int depth) {
    if (depth > kMaxMarkupDepth)
      throw SourceError(path_, 0, 0, both(msg::source_markup_too_deep, "HTML", kMaxMarkupDepth));
    for (const xmlNode* c = n->children; c; c = c->next) {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
        text(c);
        continue;
      }
      if (c->type != XML_ELEMENT_NODE || dropped(c)) continue;
      if (named(c, "br")) {
        flush(true);
        start_ = line_of(c);
        continue;
      }
      if (named(c, "tr")) {
        flush();
        row(c, depth + 1);
        continue;
      }
      if (named(c, "td") || named(c, "th")) {
        // A cell outside any row (markup the parser let through): a line.
        flush();
        start_ = line_of(c);
        walk(c, depth + 1);
        flush();
        continue;
      }
      if (block(c)) {
        flush();
        start_ = line_of(c);
        const bool was_pre = pre_;
        pre_ = pre_ || named(c, "pre");
        walk(c, depth + 1);
        pre_ = was_pre;
        flush();
      } else {
        walk(c, depth + 1);  // inline: a, span, b, i, font, …
      }
    }
  }

 private:
  static uint32_t line_of(const xmlNode* n) { return static_cast<uint32_t>(std::max<long>(0, xmlGetLineNo(n))); }

  void text(const xmlNode* t) {
    if (!t->content) return;
    if (cur_.empty() && !start_) start_ = line_of(t);
    if (!start_) start_ = line_of(t->parent);
    const std::string_view s = reinterpret_cast<const char*>(t->content);
    for (size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (pre_ && c == '\n') {
        flush(true);
        continue;
      }
      // Whitespace (and no-break spaces) collapse to one space, none at the
      // start of a line.
      const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || nbsp) {
        if (nbsp) ++i;
        if (!cur_.empty() && cur_.back() != ' ') cur_ += ' ';
        continue;
      }
      cur_ += c;
    }
  }

  void flush(bool even_empty = false) {
    while (!cur_.empty() && cur_.back() == ' ') cur_.pop_back();
    if (!cur_.empty() || even_empty) {
      ReadLine l;
      l.text = std::move(cur_);
      l.origin.kind = LineOrigin::Kind::html_line;
      l.origin.number = start_;
      lines.push_back(std::move(l));
    }
    cur_.clear();
    start_ = 0;
  }

  void row(const xmlNode* tr, int depth) {
    ReadLine l;
    l.origin.kind = LineOrigin::Kind::html_line;
    l.origin.number = line_of(tr);
    bool any = false;
    for (const xmlNode* c = tr->children; c; c = c->next) {
      if (!(named(c, "td") || named(c, "th")) || dropped(c)) continue;
      Page cell(path_);
      cell.walk(c, depth + 1);
      cell.flush();
      std::string text;
      for (const auto& piece : cell.lines) {
        if (piece.text.empty()) continue;
        if (!text.empty()) text += ' ';
        text += piece.text;
      }
      if (!l.origin.cells.empty()) l.text += " | ";
      l.origin.cells.push_back(static_cast<uint32_t>(code_points(l.text) + 1));
      any = any || !text.empty();
      l.text += text;
    }
    if (!any) return;
    // An HTML line is one place: cells are said by their column only.
    lines.push_back(std::move(l));
  }

  const std::string& path_;
  std::string cur_;
  uint32_t start_ = 0;
  bool pre_ = false;
};

}  // namespace

bool html_takes(std::string_view bytes, std::string_view path) {
  const std::string ext = extension_of(path);
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return true;
  // Markup that says what it is at its start (after a BOM and blank space).
  std::string_view s = bytes.substr(0, 512);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  const std::string head = lower(s.substr(0, 15));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

Source read_html(std::string bytes, std::string path, const ReadOptions& options) {
  init_libxml();
  std::string encoding = "UTF-8";
  std::optional<SourceEncoding> decoded_from;
  std::string_view view = bytes;
  if (view.starts_with("\xEF\xBB\xBF")) {
    view.remove_prefix(3);
  } else if (view.starts_with("\xFF\xFE") || view.starts_with("\xFE\xFF")) {
    encoding = view[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    view.remove_prefix(2);
  } else {
    std::string cs = declared_charset(view);
    std::optional<SourceEncoding> legacy = options.encoding;
    if (!legacy && !cs.empty()) {
      if (auto e = parse_source_encoding(cs); e && is_legacy(*e)) legacy = e;
      else if (cs == "windows-1258" || cs == "x-cp1258") legacy = SourceEncoding::windows1258;
    }
    if (legacy && is_legacy(*legacy)) {
      bytes = decode_legacy(view, *legacy);
      view = bytes;
      decoded_from = legacy;
    } else if (!cs.empty() && cs != "utf-8" && cs != "utf8" && !legacy) {
      encoding = cs;  // libxml2's converters (iconv) for the rest
    }
  }
  if (view.size() > static_cast<size_t>(INT32_MAX))
    throw SourceError(path, 0, 0, both(msg::source_too_large, kMaxDocumentBytes >> 20));
  const int opts = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                   HTML_PARSE_NOIMPLIED;
  XmlDoc doc(htmlReadMemory(view.data(), static_cast<int>(view.size()), nullptr, encoding.c_str(), opts));
  if (!doc && encoding != "UTF-8")  // a charset libxml2 does not know: read as UTF-8
    doc.reset(htmlReadMemory(view.data(), static_cast<int>(view.size()), nullptr, "UTF-8", opts));
  if (!doc) throw SourceError(path, 0, 0, both(msg::source_html_invalid));
  Page page(path);
  page.walk(reinterpret_cast<const xmlNode*>(doc.get()), 0);
  page.finish();
  Source src = source_of(std::move(path), SourceFormat::html, std::move(page.lines));
  if (decoded_from) src.encoding = *decoded_from;
  return src;
}

}  // namespace plancheck::readers
