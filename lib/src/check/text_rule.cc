// text: the extractor's notices (typos, look-alike letters, impossible dates,
// one document cited with two dates) as diagnostics (docs/rules/text.md).
#include <fmt/format.h>

#include <algorithm>

#include "check/context.h"

namespace plancheck::checks {

namespace {

std::string vi_message(const Notice& n) {
  if (n.code == "typo")
    return fmt::format("Có lẽ gõ nhầm: \"{}\", đúng là \"{}\"", n.text, n.suggestion.value_or("?"));
  if (n.code == "lookalike")
    return fmt::format("Chữ \"{}\" trông giống nhưng không phải chữ \"{}\" (lỗi mã ký tự)", n.text,
                       n.suggestion.value_or("Đ"));
  if (n.code == "invalid_date") return fmt::format("Ngày không có thật: \"{}\"", n.text);
  if (n.code == "conflicting_date") return fmt::format("Một văn bản được dẫn với hai ngày khác nhau: \"{}\"", n.text);
  return n.message;
}

}  // namespace

void check_text(const Rule& rule, Context& cx) {
  for (const auto& n : cx.plan.x->notices) {
    if (std::find(rule.notice_codes.begin(), rule.notice_codes.end(), n.code) == rule.notice_codes.end()) continue;
    auto& d = cx.add(rule, Category::text, n.code == "invalid_date" ? Severity::error : Severity::warning,
                     std::nullopt, n.span, vi_message(n), n.message);
    d.plan = TimeView{n.text, std::nullopt, std::nullopt, std::nullopt};
  }
}

}  // namespace plancheck::checks
