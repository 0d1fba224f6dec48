// Small helpers over libxml2's tree for the markup readers (docx, html):
// parsing under the limits every reader keeps, and walking elements by
// local name.
//
// Contract: parse_xml() parses with no network, no DTD loaded, no external
// entity fetched or entity substituted, and libxml2's default depth and
// size limits (no XML_PARSE_HUGE); on a document that is not well-formed it
// throws SourceError naming `path` and the member, with libxml2's line and
// message. Thread-safe: each parse has its own context.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace plancheck::readers {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

// Once per process, before any parse (libxml2 asks it of threaded programs).
void init_libxml();

XmlDoc parse_xml(std::string_view bytes, const std::string& path, const char* member);

// The element's local name is `name` (namespaces aside: transitional and
// strict OOXML name the same elements in two namespaces).
inline bool named(const xmlNode* n, const char* name) {
  return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, reinterpret_cast<const xmlChar*>(name));
}
// An attribute's value by local name, "" when absent.
std::string attr(const xmlNode* n, const char* name);
// The first child element named `name`, or null.
const xmlNode* child(const xmlNode* n, const char* name);
// The text directly in `n` (its text and CDATA children).
void append_text(const xmlNode* n, std::string& out);

// Deeper than this, a reader refuses the document (libxml2 stops at 256 for
// XML already; HTML's parser has no such limit of its own).
inline constexpr int kMaxMarkupDepth = 256;

}  // namespace plancheck::readers
