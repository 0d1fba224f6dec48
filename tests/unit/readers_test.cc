// The readers behind decode_source(): .docx and HTML read as a person sees
// them, with where each line came from; what is not a readable document
// (a .doc, a corrupt or encrypted file, a zip bomb, nesting without end)
// refused with the reason, naming the file.
#include <gtest/gtest.h>
#include <zip.h>

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "plancheck/analyze.h"
#include "plancheck/check_json.h"
#include "plancheck/source.h"

namespace plancheck {
namespace {

using Members = std::vector<std::pair<std::string, std::string>>;

// A zip of `members`, made in memory with libzip.
std::string make_zip(const Members& members) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* buf = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(buf);
  zip_t* z = zip_open_from_source(buf, ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (const auto& [name, data] : members) {
    zip_source_t* s = zip_source_buffer(z, data.data(), data.size(), 0);
    EXPECT_GE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE), 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  EXPECT_EQ(zip_source_open(buf), 0);
  zip_source_seek(buf, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buf);
  zip_source_seek(buf, 0, SEEK_SET);
  std::string out(static_cast<size_t>(size), '\0');
  EXPECT_EQ(zip_source_read(buf, out.data(), out.size()), size);
  zip_source_close(buf);
  zip_source_free(buf);
  zip_error_fini(&err);
  return out;
}

const char* kNs =
    R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" )"
    R"(xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" )"
    R"(xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" )"
    R"(xmlns:v="urn:schemas-microsoft-com:vml")";

std::string document_xml(const std::string& body) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document )") + kNs + "><w:body>" +
         body + "<w:sectPr/></w:body></w:document>";
}

std::string docx(const std::string& body, Members more = {}) {
  more.insert(more.begin(), {"word/document.xml", document_xml(body)});
  more.insert(more.begin(), {"[Content_Types].xml", "<Types/>"});
  return make_zip(more);
}

std::string p(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }
std::string r(const std::string& text) { return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>"; }

Source read(const std::string& bytes, const std::string& path = "plan.docx", bool original = false) {
  ReadOptions o;
  o.tracked_original = original;
  return decode_source(bytes, path, o);
}

// The reason (English) a read is refused for; "" when it is not.
std::string refusal(const std::string& bytes, const std::string& path, std::string* shown = nullptr) {
  try {
    read(bytes, path);
  } catch (const SourceError& e) {
    if (shown) *shown = e.path();
    return e.reason().en;
  }
  return "";
}

TEST(DocxReader, WordSplitAcrossRunsComesOutWhole) {
  const Source s = read(docx(p(r("Kế hoạch s") + "<w:r><w:rPr><w:b/></w:rPr><w:t>ố 172-KH/HU</w:t></w:r>")));
  EXPECT_EQ(s.utf8, "Kế hoạch số 172-KH/HU");
  EXPECT_EQ(s.format, SourceFormat::docx);
  ASSERT_EQ(s.origins.size(), 1u);
  EXPECT_EQ(s.origins[0].kind, LineOrigin::Kind::paragraph);
  EXPECT_EQ(s.origins[0].number, 1u);
}

TEST(DocxReader, TabIsASpaceBreakStartsALineOfTheSameParagraph) {
  const Source s =
      read(docx(p(r("Một")) + p("<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>") + p(r("Hai"))));
  EXPECT_EQ(s.utf8, "Một\na b\nc\nHai");
  ASSERT_EQ(s.origins.size(), 4u);
  EXPECT_EQ(s.origins[1].number, 2u);
  EXPECT_EQ(s.origins[1].part, 1u);
  EXPECT_EQ(s.origins[2].number, 2u);
  EXPECT_EQ(s.origins[2].part, 2u);
  EXPECT_EQ(s.origins[3].number, 3u);
}

TEST(DocxReader, TrackedChangesAcceptedOrOriginal) {
  const std::string bytes = docx(p(r("hoàn thành trước ngày ") +
                                   R"(<w:del w:id="1" w:author="a"><w:r><w:delText>30/6/2025</w:delText></w:r></w:del>)"
                                   R"(<w:ins w:id="2" w:author="a"><w:r><w:t>31/5/2025</w:t></w:r></w:ins>)" + r(".")));
  EXPECT_EQ(read(bytes).utf8, "hoàn thành trước ngày 31/5/2025.");
  EXPECT_EQ(read(bytes, "plan.docx", true).utf8, "hoàn thành trước ngày 30/6/2025.");
}

TEST(DocxReader, TableRowsInOrderCellsJoined) {
  const std::string tc = "<w:tc><w:tcPr/>";
  const std::string bytes =
      docx(p(r("Trước bảng")) + "<w:tbl><w:tblPr/><w:tblGrid/>" + "<w:tr>" + tc + p(r("Cấp")) + "</w:tc>" + tc +
           p(r("Thời gian")) + "</w:tc></w:tr>" + "<w:tr>" + tc + p(r("Cơ sở")) + "</w:tc>" + tc + p(r("trước")) +
           p(r("30/6/2025")) + "</w:tc></w:tr>" + "</w:tbl>" + p(r("Sau bảng")));
  const Source s = read(bytes);
  EXPECT_EQ(s.utf8, "Trước bảng\nCấp | Thời gian\nCơ sở | trước 30/6/2025\nSau bảng");
  ASSERT_EQ(s.origins.size(), 4u);
  EXPECT_EQ(s.origins[1].kind, LineOrigin::Kind::table_row);
  EXPECT_EQ(s.origins[1].number, 1u);
  EXPECT_EQ(s.origins[1].row, 1u);
  EXPECT_EQ(s.origins[2].row, 2u);
  EXPECT_EQ(s.origins[2].cells, (std::vector<uint32_t>{1, 9}));
  // Paragraphs are counted outside tables.
  EXPECT_EQ(s.origins[3].kind, LineOrigin::Kind::paragraph);
  EXPECT_EQ(s.origins[3].number, 2u);
  // "30/6/2025" starts at column 16 of the row's line: cell 2, column 8.
  const auto place = place_of(s.origins, 3, 16);
  ASSERT_TRUE(place);
  EXPECT_EQ(place->cell, 2u);
  EXPECT_EQ(place->column, 8u);
  EXPECT_EQ(location_json(*place).dump(), R"({"table":1,"row":2,"cell":2,"column":8})");
}

TEST(DocxReader, DeletedRowOutInsertedRowInWhenAccepted) {
  const std::string bytes = docx("<w:tbl><w:tr><w:trPr><w:del w:id=\"1\"/></w:trPr><w:tc>" + p(r("cũ")) +
                                 "</w:tc></w:tr><w:tr><w:trPr><w:ins w:id=\"2\"/></w:trPr><w:tc>" + p(r("mới")) +
                                 "</w:tc></w:tr></w:tbl>");
  EXPECT_EQ(read(bytes).utf8, "mới");
  EXPECT_EQ(read(bytes, "plan.docx", true).utf8, "cũ");
}

TEST(DocxReader, WordNumberingWritten) {
  const std::string numbering =
      std::string("<w:numbering ") + kNs +
      R"(><w:abstractNum w:abstractNumId="0">)"
      R"(<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>)"
      R"x(<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>)x"
      R"(</w:abstractNum><w:abstractNum w:abstractNumId="1">)"
      R"(<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>)"
      R"(<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>)"
      R"(<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>)"
      R"(<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>)"
      R"(<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num></w:numbering>)";
  auto item = [](int num, int lvl, const std::string& text) {
    return "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" + std::to_string(lvl) + "\"/><w:numId w:val=\"" +
           std::to_string(num) + "\"/></w:numPr></w:pPr>" + r(text) + "</w:p>";
  };
  const Source s = read(docx(item(3, 0, "THỜI GIAN") + item(1, 0, "Cấp cơ sở") + item(1, 1, "chi bộ") +
                                 item(1, 1, "đảng bộ") + item(1, 0, "Cấp huyện") + item(1, 1, "điểm") +
                                 item(2, 0, "ghi chú") + item(3, 0, "ĐẠI HỘI ĐIỂM"),
                             {{"word/numbering.xml", numbering}}));
  EXPECT_EQ(s.utf8, "I. THỜI GIAN\n1. Cấp cơ sở\na) chi bộ\nb) đảng bộ\n2. Cấp huyện\na) điểm\n- ghi chú\nII. ĐẠI HỘI ĐIỂM");
}

TEST(DocxReader, NumberingThroughTheParagraphStyle) {
  const std::string numbering =
      std::string("<w:numbering ") + kNs +
      R"(><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/>)"
      R"(<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>)"
      R"(</w:numbering>)";
  const std::string styles = std::string("<w:styles ") + kNs +
                             R"(><w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr>)"
                             R"(<w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>)";
  const std::string item = R"(<w:p><w:pPr><w:pStyle w:val="ListNumber"/></w:pPr>)" + r("Cấp cơ sở") + "</w:p>";
  const Source s = read(docx(item + p(r("giữa")) + item, {{"word/numbering.xml", numbering}, {"word/styles.xml", styles}}));
  EXPECT_EQ(s.utf8, "3. Cấp cơ sở\ngiữa\n4. Cấp cơ sở");
}

TEST(DocxReader, TextBoxInPlaceOnceHeadersFootersCommentsFieldCodesOut) {
  const std::string box = "<w:txbxContent>" + p(r("Hộp chữ")) + "</w:txbxContent>";
  const std::string body =
      p(r("Trước") + "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>" + box +
        "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>" + box +
        "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>") +
      p("<w:commentRangeStart w:id=\"0\"/>" + r("Sau") + "<w:commentRangeEnd w:id=\"0\"/>"
        "<w:r><w:commentReference w:id=\"0\"/></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r(" 3") +
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
  const std::string hdr = std::string("<w:hdr ") + kNs + ">" + p(r("Số 999-KH/HU ngày 1/1/2020")) + "</w:hdr>";
  const std::string ftr = std::string("<w:ftr ") + kNs + ">" + p(r("Trang 1")) + "</w:ftr>";
  const std::string cmt = std::string("<w:comments ") + kNs + "><w:comment w:id=\"0\">" + p(r("sửa lại")) +
                          "</w:comment></w:comments>";
  const Source s = read(docx(body, {{"word/header1.xml", hdr}, {"word/footer1.xml", ftr}, {"word/comments.xml", cmt}}));
  EXPECT_EQ(s.utf8, "Trước\nHộp chữ\nSau 3");
  ASSERT_EQ(s.origins.size(), 3u);
  EXPECT_EQ(s.origins[1].number, 2u);
  EXPECT_EQ(s.origins[2].number, 3u);
}

TEST(DocxReader, Word97DocRefusedWithTheReason) {
  std::string doc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  doc += std::string(504, '\0');
  for (char c : std::string("WordDocument")) doc += std::string{c, '\0'};
  doc += std::string(1024, '\0');
  std::string shown;
  EXPECT_NE(refusal(doc, "cu/ke-hoach.doc", &shown).find("Word 97"), std::string::npos);
  EXPECT_EQ(shown, "cu/ke-hoach.doc");
  EXPECT_EQ(document_format(doc, "cu/ke-hoach.doc"), SourceFormat::docx);
  // An encrypted .docx is an OLE file holding "EncryptedPackage".
  std::string enc("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  enc += std::string(504, '\0');
  for (char c : std::string("EncryptedPackage")) enc += std::string{c, '\0'};
  EXPECT_NE(refusal(enc, "mat-khau.docx").find("encrypted"), std::string::npos);
}

TEST(DocxReader, CorruptZipRefusedNamingTheFile) {
  std::string shown;
  const std::string good = docx(p(r("Kế hoạch")));
  EXPECT_NE(refusal(good.substr(0, good.size() / 2), "drafts/hong.docx", &shown).find("corrupt"), std::string::npos);
  EXPECT_EQ(shown, "drafts/hong.docx");
  EXPECT_NE(refusal(std::string("PK\x03\x04garbage", 11), "x.docx").find("corrupt"), std::string::npos);
  EXPECT_NE(refusal(make_zip({{"word/other.xml", "<a/>"}}), "x.docx").find("no word/document.xml"),
            std::string::npos);
  EXPECT_NE(refusal(docx("<w:p><w:r><w:t>unclosed</w:r></w:p>"), "x.docx").find("not well-formed"),
            std::string::npos);
}

TEST(DocxReader, ZipBombRefusedAsItInflates) {
  // 16 MiB of spaces inside the body deflate to about 16 KiB: more than 500
  // times, refused while reading.
  const std::string body = std::string(16 << 20, ' ');
  const std::string bomb = docx(p(r("Kế hoạch")) + body);
  EXPECT_NE(refusal(bomb, "bom.docx").find("zip bomb"), std::string::npos);
  // The same with sizes the headers understate (100 bytes): the bytes
  // actually inflated count, not the claim.
  std::string lying = bomb;
  const std::string name = "word/document.xml";
  for (size_t at = lying.find(name); at != std::string::npos; at = lying.find(name, at + 1)) {
    const bool central = at >= 46 && lying.compare(at - 46, 4, "PK\x01\x02") == 0;
    const bool local = at >= 30 && lying.compare(at - 30, 4, "PK\x03\x04") == 0;
    const size_t size_at = central ? at - 46 + 24 : local ? at - 30 + 22 : std::string::npos;
    if (size_at == std::string::npos) continue;
    const uint32_t claim = 100;
    std::memcpy(lying.data() + size_at, &claim, 4);
  }
  const std::string why = refusal(lying, "bom.docx");
  EXPECT_TRUE(why.find("zip bomb") != std::string::npos || why.find("corrupt") != std::string::npos) << why;
}

TEST(DocxReader, DeepNestingBounded) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<w:customXml>";
  for (int i = 0; i < 100000; ++i) deep += "</w:customXml>";
  EXPECT_FALSE(refusal(docx(p(r("a")) + deep), "sau.docx").empty());
  // Deep but within the limit: read.
  std::string ok;
  for (int i = 0; i < 50; ++i) ok += "<w:customXml>";
  ok += p(r("trong"));
  for (int i = 0; i < 50; ++i) ok += "</w:customXml>";
  EXPECT_EQ(read(docx(ok)).utf8, "trong");
}

TEST(DocxReader, EntitiesNotExpanded) {
  const std::string laughs =
      std::string(R"(<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">)") +
      R"(<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">)" +
      R"(<!ENTITY ext SYSTEM "file:///etc/passwd">]><w:document )" + kNs +
      "><w:body><w:p><w:r><w:t>x &c; &ext; y</w:t></w:r></w:p></w:body></w:document>";
  // Refused by libxml2's amplification check, or read without expanding.
  try {
    const Source s = read(make_zip({{"word/document.xml", laughs}}));
    EXPECT_LT(s.utf8.size(), 100u);
  } catch (const SourceError& e) {
    EXPECT_EQ(e.path(), "plan.docx");
  }
  // An external entity is never fetched.
  const std::string external = std::string(R"(<?xml version="1.0"?><!DOCTYPE w:document [)") +
                               R"(<!ENTITY ext SYSTEM "file:///etc/passwd">]><w:document )" + kNs +
                               "><w:body><w:p><w:r><w:t>x &ext; y</w:t></w:r></w:p></w:body></w:document>";
  const Source s = read(make_zip({{"word/document.xml", external}}));
  EXPECT_EQ(s.utf8.find("root:"), std::string::npos);
  EXPECT_EQ(s.utf8, "x  y");
}

TEST(HtmlReader, VisibleTextBlocksAsLinesEntitiesDecoded) {
  const std::string page =
      "<!DOCTYPE html>\n<html><head><title>Tiêu đề</title>\n<style>p{color:red} 1/1/2020</style>\n"
      "<script>var x = '31/12/2019'; if (a < b) {}</script></head>\n<body>\n"
      "<nav>Trang chủ 1/1/2021</nav><header>Cổng 2/2/2022</header>\n"
      "<h1>K&#7870; HO&#7840;CH</h1>\n"
      "<p>Đại hội&nbsp;cấp cơ sở   hoàn\n  thành &lt;trước&gt; ngày 30/6/2025 &amp; sớm hơn</p>\n"
      "<div>Một<br>Hai <b>đậm</b></div>\n"
      "<table><tr><td>Cơ sở</td><td>trước 30/6/2025</td></tr></table>\n"
      "<noscript>Bật JS</noscript><template>mẫu</template><p hidden>ẩn</p>\n"
      "<footer>&copy; 2024</footer></body></html>\n";
  const Source s = read(page, "trang.html");
  EXPECT_EQ(s.format, SourceFormat::html);
  EXPECT_EQ(s.utf8,
            "KẾ HOẠCH\nĐại hội cấp cơ sở hoàn thành <trước> ngày 30/6/2025 & sớm hơn\nMột\nHai đậm\n"
            "Cơ sở | trước 30/6/2025");
  ASSERT_EQ(s.origins.size(), 5u);
  EXPECT_EQ(s.origins[0].kind, LineOrigin::Kind::html_line);
  EXPECT_EQ(s.origins[0].number, 7u);
  EXPECT_EQ(s.origins[1].number, 8u);
  EXPECT_EQ(s.origins[2].number, 10u);
  EXPECT_EQ(s.origins[4].number, 11u);
}

TEST(HtmlReader, TakenByNameOrByItsStart) {
  EXPECT_EQ(document_format("<p>x</p>", "a.htm"), SourceFormat::html);
  EXPECT_EQ(document_format("\xEF\xBB\xBF  <!DOCTYPE HTML><p>x", "a.txt"), SourceFormat::html);
  EXPECT_EQ(document_format("<HTML><p>x", "-"), SourceFormat::html);
  EXPECT_EQ(document_format("Kế hoạch số 1 <html>", "a.txt"), std::nullopt);
  EXPECT_EQ(document_format("%PDF-1.7\n", "a.pdf"), SourceFormat::pdf);
  EXPECT_NE(refusal("%PDF-1.7\n%\xE2\xE3\n", "a.pdf").find("PDF"), std::string::npos);
}

TEST(HtmlReader, Windows1258DeclaredDecodedByTheLegacyDecoder) {
  const std::string text = "Kế hoạch tổ chức đại hội đảng bộ";
  const std::string page = "<html><head><meta charset=\"windows-1258\"></head><body><p>" +
                           encode_legacy(text, SourceEncoding::windows1258) + "</p></body></html>";
  const Source s = read(page, "cu.html");
  EXPECT_EQ(s.utf8, text);
  EXPECT_EQ(s.encoding, SourceEncoding::windows1258);
}

TEST(HtmlReader, DeepNestingBounded) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "chữ";
  try {
    const Source s = read(deep, "sau.html");
    EXPECT_NE(s.utf8.find("chữ"), std::string::npos);
  } catch (const SourceError& e) {
    EXPECT_EQ(e.path(), "sau.html");
  }
}

TEST(Readers, PlainTextUnchanged) {
  const Source s = read("Kế hoạch số 1-KH/HU\n", "a.txt");
  EXPECT_EQ(s.format, SourceFormat::text);
  EXPECT_TRUE(s.origins.empty());
  EXPECT_EQ(s.utf8, "Kế hoạch số 1-KH/HU\n");
  EXPECT_EQ(document_format("Kế hoạch", "a.txt"), std::nullopt);
  EXPECT_EQ(place_of(s.origins, 1, 1), std::nullopt);
}

TEST(Readers, AnalyzeCarriesOrigins) {
  ReadOptions o;
  const Analysis a = analyze(docx(p(r("Kế hoạch số 1-KH/HU")) + p(r("hoàn thành trước ngày 30/6/2025"))),
                             "k.docx", o);
  EXPECT_EQ(a.format, SourceFormat::docx);
  ASSERT_EQ(a.origins.size(), 2u);
  const auto place = place_of(a.origins, 2, 12);
  ASSERT_TRUE(place);
  EXPECT_EQ(location_json(*place).dump(), R"({"paragraph":2,"column":12})");
}

}  // namespace
}  // namespace plancheck
