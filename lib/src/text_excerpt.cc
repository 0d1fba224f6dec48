#include "text_excerpt.h"

#include <algorithm>
#include <cstring>

namespace plancheck {

namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The last element whose `begin` is at or before `at`, or end().
template <class V>
auto last_from(const V& v, size_t at) {
  auto it = std::upper_bound(v.begin(), v.end(), at, [](size_t x, const auto& s) { return x < s.begin; });
  return it == v.begin() ? v.end() : std::prev(it);
}

// Sorted, overlapping and touching ranges joined.
std::vector<std::pair<size_t, size_t>> joined(std::vector<std::pair<size_t, size_t>> r) {
  std::sort(r.begin(), r.end());
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& x : r)
    if (!out.empty() && x.first <= out.back().second) out.back().second = std::max(out.back().second, x.second);
    else out.push_back(x);
  return out;
}

}  // namespace

size_t Text::Excerpt::code_points_before(size_t orig) const {
  const auto s = last_from(stretches, orig);
  if (s == stretches.end()) return orig;
  const size_t kept = std::min<size_t>(orig, s->end);
  size_t n = s->code_points;
  for (size_t i = s->at; i < s->at + (kept - s->begin); ++i) n += !continuation(bytes[i]);
  return n + (orig - kept);
}

void Text::Excerpt::copy(size_t from, size_t to, char* out) const {
  std::memset(out, ' ', to - from);
  auto s = last_from(stretches, from);
  if (s == stretches.end()) s = stretches.begin();
  for (; s != stretches.end() && s->begin < to; ++s) {
    const size_t b = std::max<size_t>(from, s->begin), e = std::min<size_t>(to, s->end);
    if (b < e) std::memcpy(out + (b - from), bytes.data() + s->at + (b - s->begin), e - b);
  }
}

size_t Text::Excerpt::line_index_of(size_t orig) const {
  const auto l = last_from(lines, orig);
  return l == lines.end() ? 0 : l->index;
}

bool Text::Excerpt::line_bounds(size_t index, size_t* begin, size_t* end) const {
  const auto l = std::lower_bound(lines.begin(), lines.end(), index,
                                  [](const Line& x, size_t i) { return x.index < i; });
  if (l == lines.end() || l->index != index) return false;
  *begin = l->begin;
  *end = l->end;
  return true;
}

uint32_t Text::Excerpt::utf16_column(uint32_t n, uint32_t code_point_column) const {
  const auto l = std::lower_bound(lines.begin(), lines.end(), size_t{n} - 1,
                                  [](const Line& x, size_t i) { return x.index < i; });
  if (n == 0 || l == lines.end() || l->index != n - 1) return code_point_column;
  // Each character outside the BMP before the column is one unit more.
  uint32_t units = code_point_column;
  for (const auto& [at, before] : astral)
    if (at >= l->begin && at < l->end && before - l->code_points + 1 < code_point_column) ++units;
  return units;
}

std::string Text::Excerpt::normalized_text(size_t start, size_t end) const {
  if (end <= start) return {};
  std::string s(end - start, ' ');
  auto n = last_from(normalized, start);
  if (n == normalized.end()) n = normalized.begin();
  for (; n != normalized.end() && n->begin < end; ++n) {
    const size_t b = std::max<size_t>(start, n->begin), e = std::min<size_t>(end, n->end);
    if (b < e) std::memcpy(s.data() + (b - start), normalized_bytes.data() + n->at + (b - n->begin), e - b);
  }
  return s;
}

void Text::keep_only(const std::vector<std::pair<uint32_t, uint32_t>>& spans, size_t context) {
  if (excerpt_) return;
  auto ex = std::make_shared<Excerpt>();
  std::vector<std::pair<size_t, size_t>> original, normalized;
  std::vector<size_t> line_indexes;
  for (auto [start, end] : spans) {
    if (start > normalized_.size()) continue;
    end = std::clamp<uint32_t>(end, start, static_cast<uint32_t>(normalized_.size()));
    const size_t ob = to_original(start), oe = std::max(ob, to_original(end));
    const size_t li = line_index_of(ob), lj = line_index_of(oe);
    size_t lb = 0, le = 0;
    line_bounds(li, &lb, &le);
    line_indexes.push_back(li);
    line_indexes.push_back(lj);
    // What line_part(li + 1, start, end, context) reads, and the range
    // itself (original_text(); its end's position, span()).
    const size_t ocb = std::clamp(ob, lb, le), oce = std::clamp(oe, ocb, le);
    original.emplace_back(ocb - lb > context ? ocb - context : lb, le - oce > context ? oce + context : le);
    original.emplace_back(ob, oe);
    normalized.emplace_back(start, end);
  }
  std::sort(line_indexes.begin(), line_indexes.end());
  line_indexes.erase(std::unique(line_indexes.begin(), line_indexes.end()), line_indexes.end());
  for (const size_t i : line_indexes) {
    size_t b = 0, e = 0;
    if (!line_bounds(i, &b, &e)) continue;
    ex->lines.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(b), static_cast<uint32_t>(e),
                         static_cast<uint32_t>(code_points_before(b))});
    original.emplace_back(b, b);  // where it begins: its characters before
  }
  for (const auto& [b, e] : joined(std::move(original))) {
    ex->stretches.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e),
                             static_cast<uint32_t>(code_points_before(b)), static_cast<uint32_t>(ex->bytes.size())});
    ex->bytes.resize(ex->bytes.size() + (e - b));
    copy_original(b, e, ex->bytes.data() + ex->bytes.size() - (e - b));
  }
  for (const auto& [b, e] : joined(std::move(normalized))) {
    ex->normalized.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e),
                              static_cast<uint32_t>(ex->normalized_bytes.size())});
    ex->normalized_bytes.append(normalized_, b, e - b);
  }
  // The characters outside the BMP on the kept lines (found before the
  // whole text is let go: its characters before them are counted fast).
  char block[4096];
  for (const auto& l : ex->lines)
    for (size_t o = l.begin; o < l.end; o += sizeof block) {
      const size_t n = std::min<size_t>(sizeof block, l.end - o);
      copy_original(o, o + n, block);
      for (size_t i = 0; i < n; ++i)
        if (static_cast<unsigned char>(block[i]) >= 0xF0)
          ex->astral.emplace_back(static_cast<uint32_t>(o + i), static_cast<uint32_t>(code_points_before(o + i)));
    }
  // to_original() of a position in a range reads the anchor at or before
  // it and the one after: the anchors within each range and one on either
  // side are kept (a CRLF text has two anchors a line), the same answer
  // from far fewer.
  std::vector<bool> anchor_kept(anchors_.size(), false);
  const auto first_after = [&](size_t x) {
    return static_cast<size_t>(std::upper_bound(anchors_.begin(), anchors_.end(), x,
                                                [](size_t v, const auto& a) { return v < a.first; }) -
                               anchors_.begin());
  };
  for (const auto& [start, end] : spans) {
    const size_t from = first_after(start), to = first_after(end);
    for (size_t i = from > 0 ? from - 1 : 0; i <= to && i < anchors_.size(); ++i) anchor_kept[i] = true;
  }
  std::vector<std::pair<uint32_t, uint32_t>> anchors;
  for (size_t i = 0; i < anchors_.size(); ++i)
    if (anchor_kept[i]) anchors.push_back(anchors_[i]);
  anchors_ = std::move(anchors);
  excerpt_ = std::move(ex);
  std::string().swap(normalized_);
  std::vector<Piece>().swap(pieces_);
  std::string().swap(pool_);
  std::vector<uint32_t>().swap(line_starts_);
  std::vector<uint32_t>().swap(block_line_);
  std::vector<uint32_t>().swap(block_code_points_);
  std::vector<Notice>().swap(notices_);  // the model has them (extract.cc)
  drop_indexes();
}

}  // namespace plancheck
