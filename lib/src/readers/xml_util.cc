#include "xml_util.h"

#include <cstdint>
#include <mutex>
#include <new>

#include "plancheck/messages.h"
#include "plancheck/source.h"

namespace plancheck::readers {

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

XmlDoc parse_xml(std::string_view bytes, const std::string& path, const char* member) {
  init_libxml();
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> ctxt(xmlNewParserCtxt(), xmlFreeParserCtxt);
  if (!ctxt) throw std::bad_alloc();
  // No XML_PARSE_NOENT (entities stay references, never expanded), no
  // DTDLOAD/DTDATTR (nothing fetched), NONET; errors are not printed, they
  // are read from the context.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    throw SourceError(path, 0, 0, both(msg::source_too_large, kMaxDocumentBytes >> 20));
  XmlDoc doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), member, nullptr, options));
  if (!doc || !ctxt->wellFormed) {
    const xmlError* e = xmlCtxtGetLastError(ctxt.get());
    std::string why = e && e->message ? e->message : "?";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw SourceError(path, 0, 0, both(msg::source_xml_invalid, member, e ? e->line : 0, why));
  }
  return doc;
}

std::string attr(const xmlNode* n, const char* name) {
  for (const xmlAttr* a = n ? n->properties : nullptr; a; a = a->next) {
    if (!xmlStrEqual(a->name, reinterpret_cast<const xmlChar*>(name))) continue;
    std::string v;
    for (const xmlNode* c = a->children; c; c = c->next)
      if (c->content) v += reinterpret_cast<const char*>(c->content);
    return v;
  }
  return "";
}

const xmlNode* child(const xmlNode* n, const char* name) {
  for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next)
    if (named(c, name)) return c;
  return nullptr;
}

void append_text(const xmlNode* n, std::string& out) {
  for (const xmlNode* c = n->children; c; c = c->next)
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
      out += reinterpret_cast<const char*>(c->content);
}

}  // namespace plancheck::readers
