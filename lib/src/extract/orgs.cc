#include "extract/orgs.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>
#include <string>

#include "extract/scan.h"
#include "swar.h"
#include "vi.h"

namespace plancheck::orgs {

namespace {

bool contains_word(std::string_view s, std::string_view kw) {
  return scan::find_word(s, 0, s.size(), kw).has_value();
}

// How the name after a head runs on (Vietnamese often writes only the
// first syllable of a name with a capital: "Khoa Giáo dục thể chất").
enum class Runs : uint8_t {
  capitals,   // capitalised words (and the agency field words)
  sentence,   // also lower-case syllables after the complement's capital, up to a stop word or a place
  numbered,   // as `sentence`, and a number right after the head: "Trung đoàn 990", "Đội 5"
};

struct Head {
  std::string_view words;
  UnitType type;
  bool needs_capital;  // agencies are only agencies when written with a capital
  // The level of the party organisation of such a body serving the province
  // ("Đảng bộ Công an tỉnh", "Đảng bộ Quân sự tỉnh", "Đảng bộ Bộ đội Biên
  // phòng tỉnh" sit directly under the Tỉnh ủy: district level); other
  // agencies' organisations are grassroots.
  std::optional<Level> of_province = std::nullopt;
  Runs runs = Runs::capitals;
  std::string_view not_before = {};  // no head when this word follows ("Khoa học", "Đội ngũ")
};

constexpr Head kHeads[] = {
    {"đảng bộ", UnitType::dang_bo, false},
    {"tổ chức cơ sở đảng", UnitType::dang_bo, false},
    {"chi bộ", UnitType::chi_bo, false},
    {"ban thường vụ", UnitType::committee, false},
    {"ban chấp hành", UnitType::committee, false},
    {"ban tổ chức", UnitType::committee, false},
    {"ban tuyên giáo", UnitType::committee, true},
    {"ban dân vận", UnitType::committee, true},
    {"ban chỉ đạo", UnitType::committee, true},
    {"ủy ban kiểm tra", UnitType::committee, true},
    {"bộ chính trị", UnitType::committee, false},
    {"ban bí thư", UnitType::committee, false},
    {"đảng ủy", UnitType::committee, false},
    {"huyện ủy", UnitType::committee, false},
    {"quận ủy", UnitType::committee, false},
    {"tỉnh ủy", UnitType::committee, false},
    {"thành ủy", UnitType::committee, false},
    {"thị ủy", UnitType::committee, false},
    {"ủy ban nhân dân", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"ubnd", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"mặt trận", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"ủy ban mặt trận", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"sở", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"phòng", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"trường", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"trung tâm", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"bưu điện", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"công an", UnitType::agency, true, Level::district, Runs::sentence},
    {"quân sự", UnitType::agency, true, Level::district, Runs::sentence},
    {"ban chỉ huy quân sự", UnitType::agency, true, Level::district, Runs::sentence},
    {"bộ chỉ huy quân sự", UnitType::agency, true, Level::district, Runs::sentence},
    {"bộ chỉ huy bộ đội biên phòng", UnitType::agency, true, Level::district, Runs::sentence},
    {"bộ đội biên phòng", UnitType::agency, true, Level::district, Runs::sentence},
    {"bệnh viện", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"viện", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"chi cục", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"cục", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"ngân hàng", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"kho bạc", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"tổng công ty", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"xí nghiệp", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"nhà máy", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"học viện", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"hợp tác xã", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"công ty", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"chi nhánh", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"văn phòng", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"hội", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"liên đoàn", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"huyện đoàn", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"ban quản lý", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"đài", UnitType::agency, true, std::nullopt, Runs::sentence},
    {"báo", UnitType::agency, true, std::nullopt, Runs::sentence},
    // Units of the army and the police, numbered or named.
    {"trung đoàn", UnitType::agency, true, std::nullopt, Runs::numbered},
    {"tiểu đoàn", UnitType::agency, true, std::nullopt, Runs::numbered},
    {"đại đội", UnitType::agency, true, std::nullopt, Runs::numbered},
    {"lữ đoàn", UnitType::agency, true, std::nullopt, Runs::numbered},
    {"sư đoàn", UnitType::agency, true, std::nullopt, Runs::numbered},
    {"hải đội", UnitType::agency, true, std::nullopt, Runs::numbered},
    {"đồn biên phòng", UnitType::agency, true, std::nullopt, Runs::numbered},
    {"đội", UnitType::agency, true, std::nullopt, Runs::numbered, "ngũ"},
    // Faculties of a school.
    {"khoa", UnitType::agency, true, std::nullopt, Runs::sentence, "học"},
};

// Words that end a name: verbs, prepositions, conjunctions, time words.
constexpr std::string_view kStops[] = {
    "và", "để", "tổ chức", "tiến hành", "làm", "được", "đã", "đang", "sẽ", "có", "là", "với", "tại", "trong",
    "trên", "về", "của", "hoàn thành", "chọn", "lựa chọn", "chỉ đạo", "thực hiện", "theo", "cho", "đến", "từ",
    "trước", "sau", "vào", "nhiệm kỳ", "lần thứ", "khóa", "đại hội", "hiện", "gồm", "thống nhất", "quán triệt",
    "ban hành", "xây dựng", "đề nghị", "bắt đầu", "dự", "tham dự", "cùng", "phải", "cần", "nhằm", "đồng chí",
    "hoặc", "rút kinh nghiệm", "triển khai", "kết thúc", "xong", "diễn ra", "dự kiến", "cũng", "vừa",
    "đạt", "tập trung", "lãnh đạo", "giao", "phân công", "thường xuyên", "kịp thời", "tích cực", "chủ động",
    "chuẩn bị", "mở", "tiếp tục", "đảm bảo", "bảo đảm", "ngày", "tháng", "năm", "quý", "số", "cho biết",
    "phát biểu", "chủ trì", "yêu cầu", "nhận", "trực tiếp", "thí điểm", "bầu", "nay", "này", "đó", "ấy",
    // Verbs that follow a name written in sentence case ("Đảng bộ Sở Y tế kiểm tra …").
    "kiểm tra", "giám sát", "báo cáo", "hướng dẫn", "công bố", "trao", "tặng", "phối hợp", "đánh giá",
    "tiếp nhận", "khẳng định", "nhấn mạnh", "nêu", "đề ra", "thông qua", "quyết định", "tham gia",
    "góp phần", "ký", "gửi", "thăm", "làm việc", "trình", "họp", "biểu dương", "khen thưởng", "duy trì",
    "nâng cao", "đẩy mạnh", "tăng cường", "ra mắt", "hỗ trợ", "quyết liệt", "nghiêm túc", "luôn", "đều",
    "không", "chưa", "mới", "sớm", "trở thành", "gặp", "tiếp", "đi", "ra", "lên", "thì", "mà", "nên",
    "bị", "nhưng", "như", "do", "bởi", "vì", "nơi", "khi", "đây", "tiêu biểu"};

// Words that may follow "đảng bộ"/"chi bộ" before a proper name.
constexpr std::string_view kPlaceKinds[] = {
    "xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "thôn", "xóm", "bản", "ấp",
    "tổ dân phố", "khu phố", "khu dân cư", "buôn", "làng", "khối", "đặc khu", "cụm", "tổ", "khu"};

const scan::KeywordSet& stops() {
  static const scan::KeywordSet set(kStops);
  return set;
}

bool is_stop(std::string_view s, size_t pos, size_t* end) { return stops().match(s, pos, end) >= 0; }
// The same for a word whose end is known.
bool is_stop_word(std::string_view s, size_t pos, size_t word_end, size_t* end) {
  return stops().match_at_word(s, pos, word_end, end) >= 0;
}

// Lower-case words that still belong to a name: places and qualifiers.
constexpr std::string_view kPlaceWords[] = {"huyện", "tỉnh", "quận", "xã", "phường", "thị trấn", "thành phố",
                                            "thị xã", "trung ương", "cơ sở", "bộ phận", "các cơ quan", "cơ quan",
                                            "doanh nghiệp", "chi nhánh"};

// Length of the place word (or place kind) starting with the word
// [pos, word_end), 0 when none.
size_t word_length_in(const scan::KeywordSet& set, std::string_view s, size_t pos, size_t word_end) {
  size_t end;
  return set.match_at_word(s, pos, word_end, &end) >= 0 ? end - pos : 0;
}

size_t place_word(std::string_view s, size_t pos, size_t word_end) {
  static const scan::KeywordSet set(kPlaceWords);
  return word_length_in(set, s, pos, word_end);
}

// Lower-case words that go on an agency's name after its head (Vietnamese
// writes only the first syllable of a name in capitals, and often not even
// that): the fields agencies, schools, companies and associations are named
// after. "Trường cao đẳng y tế Đồng Nai", "Xí nghiệp Khai thác công trình
// thủy lợi huyện", "Phòng Kỹ thuật nghiệp vụ", "Hội Liên hiệp phụ nữ tỉnh".
// Only inside a name whose head is an agency, and never across a stop word.
constexpr std::string_view kNameWords[] = {
    // schools
    "cao đẳng", "đại học", "trung học", "phổ thông", "tiểu học", "mầm non", "mẫu giáo", "dân tộc", "nội trú",
    "bán trú", "dạy nghề", "nghề", "giáo dục", "đào tạo", "chính trị", "sư phạm", "kỹ thuật",
    "liên cấp",
    // health
    "y tế", "đa khoa", "y học", "cổ truyền", "y dược", "dược", "phục hồi chức năng", "lao", "phổi", "sản nhi",
    "nhi", "tâm thần", "kiểm soát bệnh tật", "bệnh tật", // economy, works and companies
    "kinh tế", "tài chính", "kế hoạch", "đầu tư", "thương mại", "dịch vụ", "công nghiệp", "nông nghiệp",
    "nông thôn", "lâm nghiệp", "thủy sản", "thủy lợi", "công trình", "khai thác", "giao thông", "vận tải", "đô thị", "môi trường", "tài nguyên", "khoáng sản", "cấp nước", "thoát nước",
    "điện lực", "điện", "nước sạch", "xăng dầu", "cao su", "xi măng", "bia", "rượu", "nước giải khát", "dệt may",
    "may", "xuất nhập khẩu", "cổ phần", "trách nhiệm hữu hạn", "một thành viên",
    "hữu hạn", "liên doanh", "khu công nghiệp", "cụm công nghiệp", "nhà nước", "phát thanh", "phát triển nông thôn", "quản lý dự án", "bảo vệ thực vật",
    "truyền hình", "bưu chính", "viễn thông", "xổ số", "kiến thiết", "lâm trường", "nông trường",
    // state bodies
    "nội vụ", "tư pháp", "công thương", "văn hóa", "thể thao", "du lịch", "truyền thông",
    "khoa học", "công nghệ", "lao động", "thương binh", "xã hội", "hành chính", "sự nghiệp", "nhân dân",
    "hội đồng", "tuyên giáo", "dân vận", "ngoại vụ", "thống kê", "thuế", "hải quan",
    "kho bạc", "bảo hiểm", "dân số", "kế hoạch hóa gia đình",
    // police, army
    "an ninh", "cảnh sát", "nghiệp vụ", "tham mưu", "hậu cần", "cơ động", "hình sự", "phòng cháy",
    "chữa cháy", "cứu nạn", "cứu hộ", "biên phòng", "quân sự", "xuất nhập cảnh", "cán bộ",
    // associations
    "phụ nữ", "nông dân", "cựu chiến binh", "thanh niên", "chữ thập đỏ", "người cao tuổi", "liên hiệp",
    "khuyến học", "luật gia", "nhà báo", "văn học", "nghệ thuật"};
// (Words that are verbs as well — quản lý, kiểm tra, bảo vệ, thông tin, phát
// triển … — stand in it only inside longer compounds, "phát triển nông thôn",
// so that "Đảng bộ Sở Y tế kiểm tra …" ends at "Y tế".)

size_t name_word(std::string_view s, size_t pos, size_t word_end) {
  static const scan::KeywordSet set(kNameWords);
  return word_length_in(set, s, pos, word_end);
}

size_t place_kind(std::string_view s, size_t pos, size_t word_end) {
  static const scan::KeywordSet set(kPlaceKinds);
  return word_length_in(set, s, pos, word_end);
}

bool capitalized_at(const Text& text, size_t pos) {
  size_t len;
  return vi::is_upper(vi::decode(text.normalized(), pos, &len));
}

// An abbreviation written in capitals: "THPT", "NN&PTNT", "CCQ&DN", "VH-TT".
bool abbreviation_at(const Text& text, size_t pos, size_t end) {
  const std::string& n = text.normalized();
  if (pos < end && n[pos] >= 'a' && n[pos] <= 'z') return false;  // most words: a small letter first
  int upper = 0;
  for (size_t i = pos; i < end;) {
    size_t len;
    uint32_t cp = vi::decode(n, i, &len);
    if (vi::is_upper(cp)) ++upper;
    else if (vi::is_letter(cp)) return false;
    i += len;
  }
  return upper >= 2;
}

int numeral_value(std::string_view w) {
  if (w.empty()) return 0;
  bool digits = true;
  for (char c : w) digits = digits && c >= '0' && c <= '9';
  if (digits && w.size() <= 3) {
    int v = 0;
    for (char c : w) v = v * 10 + (c - '0');
    return v;
  }
  if (digits) return 0;
  static constexpr std::string_view kWords[] = {"một", "hai", "ba", "bốn", "năm",
                                                              "sáu", "bảy", "tám", "chín", "mười"};
  for (size_t k = 0; k < std::size(kWords); ++k)
    if (w == kWords[k]) return static_cast<int>(k + 1);
  return 0;
}

}  // namespace

namespace {

// Documents repeat the same few phrases ("đảng bộ cơ sở", "Ban Thường vụ
// Huyện ủy"): answers about them are remembered per thread, in a bounded
// table, so parallel checking needs no locks. One open-addressing array, as
// small as the phrases met so far allow (a plan's few dozen stay in L1),
// the phrases' bytes in one string: a lookup is a hash, a probe or two and
// a compare, and allocates nothing (a hash map's bucket was a division and
// a node away).
template <typename V>
class PhraseCache {
 public:
  template <typename F>
  V get(std::string_view key, F compute) {
    if (key.size() > kLongest) return compute(key);
    const uint32_t h = scan::hash(key);
    for (size_t at = h & mask_;; at = (at + 1) & mask_) {
      const Slot& slot = slots_[at];
      if (slot.length == kEmpty) break;
      if (slot.hash == h && slot.length == key.size() &&
          swar::same_bytes(bytes_.data() + slot.offset, key.data(), key.size()))
        return slot.value;
    }
    const V v = compute(key);  // (which may ask the cache itself: the slot is found afresh below)
    if (2 * (count_ + 1) > slots_.size()) grow();
    insert(h, static_cast<uint32_t>(bytes_.size()), static_cast<uint8_t>(key.size()), v);
    bytes_.append(key);
    return v;
  }

 private:
  static constexpr size_t kMostSlots = 8192, kLongest = 96;
  static constexpr uint8_t kEmpty = 0xFF;  // a length no phrase kept has
  struct Slot {
    uint32_t hash = 0, offset = 0;
    uint8_t length = kEmpty;
    V value{};
  };
  void insert(uint32_t h, uint32_t offset, uint8_t length, const V& v) {
    size_t at = h & mask_;
    while (slots_[at].length != kEmpty) at = (at + 1) & mask_;
    slots_[at] = {h, offset, length, v};
    ++count_;
  }
  // Twice the slots, or (at the bound) a fresh start.
  void grow() {
    std::vector<Slot> old(slots_.size() < kMostSlots ? 2 * slots_.size() : kMostSlots);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    count_ = 0;
    if (old.size() == kMostSlots) {
      bytes_.clear();
      return;
    }
    for (const Slot& slot : old)
      if (slot.length != kEmpty) insert(slot.hash, slot.offset, slot.length, slot.value);
  }
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  size_t mask_ = 63, count_ = 0;
  std::string bytes_;
};

}  // namespace

LevelGuess level_of_phrase_uncached(std::string_view p);

LevelGuess level_of_phrase(std::string_view p) {
  thread_local PhraseCache<LevelGuess> cache;
  return cache.get(p, level_of_phrase_uncached);
}

namespace {

// What a row of the level table says about a phrase.
enum class Says : uint8_t {
  national,
  all_levels,   // "các cấp": every level at once, no one level
  branch,
  grassroots,
  district,
  province,
  below_body,   // one level below the body named after the words ("chi bộ trực thuộc Huyện ủy" → grassroots)
  under_issuer, // the units under the document's issuer ("đại hội cấp mình" of the units it asks)
  of_province,  // a police, military or government organisation: district of a province, grassroots below that
};

enum class Where : uint8_t { anywhere, head };  // anywhere in the phrase, or where it begins

// The level of a congress phrase: rows tried in order, the first whose words
// stand in the phrase (as whole words) wins. A row about a body's own name
// ("đảng bộ xí nghiệp …") comes before the place words its name may end in
// ("… huyện"), and a row about what a unit is under ("chi bộ trực thuộc …")
// before the levels of the body it is under.
struct LevelRow {
  std::string_view words;
  Where where;
  Says says;
  std::optional<Level> otherwise = std::nullopt;  // below_body when no body is named
  std::optional<Level> most = std::nullopt;       // below_body: a "chi bộ" is never above grassroots
};

constexpr LevelRow kLevelRows[] = {
    {"toàn quốc", Where::anywhere, Says::national},
    {"các cấp", Where::anywhere, Says::all_levels},
    // "yêu cầu các huyện ủy, thị ủy … hoàn thành đại hội cấp mình": their own
    // level, the one below whoever asks (the issuer).
    {"cấp mình", Where::anywhere, Says::under_issuer},
    // "cấp trên trực tiếp cơ sở", "cấp trên trực tiếp của tổ chức cơ sở đảng", "cấp trên cơ sở".
    {"cấp trên trực tiếp", Where::anywhere, Says::district},
    {"cấp trên cơ sở", Where::anywhere, Says::district},
    // "các tổ chức cơ sở đảng trực thuộc": grassroots, whatever they are under.
    {"tổ chức cơ sở đảng", Where::anywhere, Says::grassroots},
    {"tổ chức cơ sở", Where::anywhere, Says::grassroots},
    // Under a body: one level below it; a branch when the body is not named.
    {"chi bộ trực thuộc", Where::anywhere, Says::below_body, Level::branch, Level::grassroots},
    {"chi bộ thuộc", Where::anywhere, Says::below_body, Level::branch, Level::grassroots},
    {"đảng bộ bộ phận", Where::anywhere, Says::branch},
    // "46/49 chi, đảng bộ trực thuộc Huyện ủy", "chi bộ, đảng bộ trực thuộc Đảng bộ UBND tỉnh":
    // grassroots organisations (a list with "chi bộ" in it is never above them).
    {"chi, đảng bộ trực thuộc", Where::anywhere, Says::below_body, Level::grassroots, Level::grassroots},
    {"chi bộ, đảng bộ trực thuộc", Where::anywhere, Says::below_body, Level::grassroots, Level::grassroots},
    // "các đảng bộ trực thuộc Tỉnh ủy" → district; "trực thuộc Trung ương" → province;
    // with no body named, the issuer's (LevelGuess::under_issuer).
    {"đảng bộ trực thuộc", Where::anywhere, Says::below_body},
    {"đảng bộ thuộc", Where::anywhere, Says::below_body},
    {"trực thuộc trung ương", Where::anywhere, Says::province},
    // Communes, wards and special zones formed by the 2025 restructuring: their
    // committees sit directly above grassroots, and Chỉ thị 45-CT/TW gives them
    // that level's deadline ("đảng bộ xã mới sau sắp xếp", "cấp xã mới").
    {"xã mới", Where::anywhere, Says::district},
    {"phường mới", Where::anywhere, Says::district},
    {"đặc khu", Where::anywhere, Says::district},
    {"sau sắp xếp", Where::anywhere, Says::district},
    {"sau sáp nhập", Where::anywhere, Says::district},
    {"sau hợp nhất", Where::anywhere, Says::district},
    // Branches of villages and neighbourhoods.
    {"chi bộ thôn", Where::anywhere, Says::branch},
    {"chi bộ xóm", Where::anywhere, Says::branch},
    {"chi bộ bản", Where::anywhere, Says::branch},
    {"chi bộ ấp", Where::anywhere, Says::branch},
    {"chi bộ tổ dân phố", Where::anywhere, Says::branch},
    {"chi bộ khu phố", Where::anywhere, Says::branch},
    {"chi bộ khu dân cư", Where::anywhere, Says::branch},
    {"chi bộ buôn", Where::anywhere, Says::branch},
    {"chi bộ làng", Where::anywhere, Says::branch},
    // The bodies of the centre ("Đảng bộ Khối các cơ quan Trung ương").
    {"trung ương", Where::anywhere, Says::province},
    // Police, military and government organisations: "Đảng bộ Công an tỉnh", "Đảng bộ
    // Quân sự tỉnh", "Đảng bộ UBND tỉnh" sit directly under the provincial committee;
    // "Đảng bộ Công an huyện" is grassroots.
    {"đảng bộ ubnd", Where::anywhere, Says::of_province},
    {"đảng bộ ủy ban nhân dân", Where::anywhere, Says::of_province},
    {"đảng bộ công an", Where::anywhere, Says::of_province},
    {"đảng bộ quân sự", Where::anywhere, Says::of_province},
    {"đảng bộ bộ chỉ huy quân sự", Where::anywhere, Says::of_province},
    {"đảng bộ ban chỉ huy quân sự", Where::anywhere, Says::of_province},
    {"đảng bộ bộ đội biên phòng", Where::anywhere, Says::of_province},
    {"đảng bộ biên phòng", Where::anywhere, Says::of_province},
    // An enterprise's or an agency's organisation is grassroots, though its
    // name ends in a place: "Đảng bộ Xí nghiệp khai thác công trình thủy lợi huyện",
    // "Đảng bộ các Khu công nghiệp Tiền Giang", "Đảng bộ Trung tâm Y tế huyện".
    {"đảng bộ xí nghiệp", Where::anywhere, Says::grassroots},
    {"đảng bộ công ty", Where::anywhere, Says::grassroots},
    {"đảng bộ nhà máy", Where::anywhere, Says::grassroots},
    {"đảng bộ khu công nghiệp", Where::anywhere, Says::grassroots},
    {"đảng bộ các khu công nghiệp", Where::anywhere, Says::grassroots},
    {"đảng bộ hợp tác xã", Where::anywhere, Says::grassroots},
    {"đảng bộ trường", Where::anywhere, Says::grassroots},
    {"đảng bộ bệnh viện", Where::anywhere, Says::grassroots},
    {"đảng bộ trung tâm", Where::anywhere, Says::grassroots},
    {"đảng bộ sở", Where::anywhere, Says::grassroots},
    {"đảng bộ phòng", Where::anywhere, Says::grassroots},
    {"đảng bộ viện", Where::anywhere, Says::grassroots},
    {"đảng bộ chi cục", Where::anywhere, Says::grassroots},
    {"đảng bộ cục", Where::anywhere, Says::grassroots},
    {"đảng bộ ngân hàng", Where::anywhere, Says::grassroots},
    {"đảng bộ kho bạc", Where::anywhere, Says::grassroots},
    {"đảng bộ bưu điện", Where::anywhere, Says::grassroots},
    {"đảng bộ văn phòng", Where::anywhere, Says::grassroots},
    // Grassroots.
    {"cơ sở", Where::anywhere, Says::grassroots},
    {"đảng viên", Where::head, Says::grassroots},  // "đại hội đảng viên"
    {"tccs", Where::anywhere, Says::grassroots},
    {"cấp xã", Where::anywhere, Says::grassroots},
    {"cấp phường", Where::anywhere, Says::grassroots},
    {"đảng bộ xã", Where::anywhere, Says::grassroots},
    {"đảng bộ phường", Where::anywhere, Says::grassroots},
    {"đảng bộ thị trấn", Where::anywhere, Says::grassroots},
    {"đảng ủy xã", Where::anywhere, Says::grassroots},
    {"đảng ủy phường", Where::anywhere, Says::grassroots},
    {"chi, đảng bộ", Where::anywhere, Says::grassroots},
    {"chi bộ, đảng bộ", Where::anywhere, Says::grassroots},
    {"đảng bộ, chi bộ", Where::anywhere, Says::grassroots},
    // Provinces and cities directly under the centre.
    {"thành phố hà nội", Where::anywhere, Says::province},
    {"thành phố hồ chí minh", Where::anywhere, Says::province},
    {"thành phố hải phòng", Where::anywhere, Says::province},
    {"thành phố đà nẵng", Where::anywhere, Says::province},
    {"thành phố cần thơ", Where::anywhere, Says::province},
    {"thành phố huế", Where::anywhere, Says::province},
    {"đảng bộ hà nội", Where::anywhere, Says::province},
    {"đảng bộ hồ chí minh", Where::anywhere, Says::province},
    {"đảng bộ hải phòng", Where::anywhere, Says::province},
    {"đảng bộ đà nẵng", Where::anywhere, Says::province},
    {"đảng bộ cần thơ", Where::anywhere, Says::province},
    {"đảng bộ huế", Where::anywhere, Says::province},
    {"đảng bộ tphcm", Where::anywhere, Says::province},
    {"đảng bộ tp.hcm", Where::anywhere, Says::province},
    {"tp hồ chí minh", Where::anywhere, Says::province},
    {"tp. hồ chí minh", Where::anywhere, Says::province},
    {"tp hà nội", Where::anywhere, Says::province},
    {"tp. hà nội", Where::anywhere, Says::province},
    {"tp hải phòng", Where::anywhere, Says::province},
    {"tp. hải phòng", Where::anywhere, Says::province},
    {"tp đà nẵng", Where::anywhere, Says::province},
    {"tp. đà nẵng", Where::anywhere, Says::province},
    {"tp cần thơ", Where::anywhere, Says::province},
    {"tp. cần thơ", Where::anywhere, Says::province},
    {"tp huế", Where::anywhere, Says::province},
    {"tp. huế", Where::anywhere, Says::province},
    {"cấp tỉnh", Where::anywhere, Says::province},
    {"đảng bộ tỉnh", Where::anywhere, Says::province},
    // Districts and their equivalents.
    {"cấp huyện", Where::anywhere, Says::district},
    {"đảng bộ huyện", Where::anywhere, Says::district},
    {"đảng bộ quận", Where::anywhere, Says::district},
    {"đảng bộ thị xã", Where::anywhere, Says::district},
    {"đảng bộ thành phố", Where::anywhere, Says::district},
    {"đảng bộ khối", Where::anywhere, Says::district},
    {"đảng bộ thị", Where::anywhere, Says::district},
    {"đảng bộ tp", Where::anywhere, Says::district},  // "Đảng bộ TP Chí Linh", a city of a province
    {"đảng bộ tx", Where::anywhere, Says::district},  // "Đảng bộ TX Kinh Môn"
    {"huyện", Where::anywhere, Says::district},
    {"quận", Where::anywhere, Says::district},
};

// Places an organisation of the province is named by ("Công an tỉnh", "UBND TPHCM").
bool names_a_province(std::string_view p) {
  if (contains_word(p, "tỉnh")) return true;
  for (auto city : {"hà nội", "hồ chí minh", "tphcm", "tp.hcm", "hải phòng", "đà nẵng", "cần thơ", "huế"})
    if (contains_word(p, city)) return true;
  return false;
}

}  // namespace

LevelGuess level_of_phrase_uncached(std::string_view p) {
  LevelGuess g;
  while (!p.empty() && p.front() == ' ') p.remove_prefix(1);
  g.plural = p.starts_with("các ") || p.starts_with("những ") || contains_word(p, "còn lại");
  if (p.starts_with("các ")) p.remove_prefix(4);
  if (p.starts_with("điểm") || p.starts_with("thí điểm")) g.pilot = true;
  {
    // "Đại hội XIV của Đảng": a number of ten or more is the national congress's.
    size_t e;
    std::string_view first = scan::next_word(p, 0, nullptr, &e);
    if (scan::roman_value(first) >= 10 && (scan::word_at(p, scan::skip_spaces(p, e), "của đảng") ||
                                           scan::skip_spaces(p, e) >= p.size())) {
      g.level = Level::national;
      return g;
    }
  }
  for (const LevelRow& row : kLevelRows) {
    std::optional<size_t> at;
    if (row.where == Where::head) {
      if (scan::word_at(p, 0, row.words)) at = 0;
    } else {
      at = scan::find_word(p, 0, p.size(), row.words);
    }
    if (!at) continue;
    switch (row.says) {
      case Says::national: g.level = Level::national; break;
      case Says::all_levels: g.all_levels = true; break;
      case Says::branch: g.level = Level::branch; break;
      case Says::grassroots: g.level = Level::grassroots; break;
      case Says::district: g.level = Level::district; break;
      case Says::province: g.level = Level::province; break;
      case Says::under_issuer: g.under_issuer = true; break;
      case Says::of_province: g.level = names_a_province(p) ? Level::district : Level::grassroots; break;
      case Says::below_body: {
        const std::string_view body = p.substr(*at + row.words.size());
        if (const auto l = body_level(body)) g.level = level_below(*l);
        else if (row.otherwise) g.level = row.otherwise;
        if (g.level && row.most && *g.level > *row.most) g.level = row.most;
        else g.under_issuer = g.plural = true;  // "các đảng bộ trực thuộc": the issuer's
        if (!g.level && !g.under_issuer) g.level = Level::branch;  // under a branch: nothing lower
        break;
      }
    }
    return g;
  }
  if (p.starts_with("chi bộ") || p.starts_with("chi,") || p == "chi") { g.bare_chi_bo = true; return g; }
  if (p.starts_with("đảng bộ")) g.bare_dang_bo = true;
  return g;
}

std::optional<Level> body_level_uncached(std::string_view n);

std::optional<Level> body_level(std::string_view n) {
  thread_local PhraseCache<std::optional<Level>> cache;
  return cache.get(n, body_level_uncached);
}

namespace {

// The level of a committee or body by its name, rows tried in order ("Ban
// Thường vụ Huyện ủy" → district, "Đảng ủy cơ sở" → grassroots).
struct BodyRow {
  std::string_view words;
  Level level;
  bool whole = false;  // the name is exactly these words ("huyện", "xã")
};

constexpr BodyRow kBodyRows[] = {
    {"bộ chính trị", Level::national},
    {"ban bí thư", Level::national},
    {"trực thuộc trung ương", Level::province},  // (before "trung ương")
    {"trung ương", Level::national},
    {"tỉnh ủy", Level::province},
    {"thành ủy", Level::province},
    {"đảng bộ tỉnh", Level::province},
    {"huyện ủy", Level::district},
    {"quận ủy", Level::district},
    {"thị ủy", Level::district},
    {"đảng ủy khối", Level::district},
    {"đảng bộ khối", Level::district},
    {"đảng bộ huyện", Level::district},
    {"đảng bộ quận", Level::district},
    {"huyện", Level::district, true},
    {"quận", Level::district, true},
    {"cơ sở", Level::grassroots},
    {"đảng ủy xã", Level::grassroots},
    {"đảng bộ xã", Level::grassroots},
    {"đảng ủy phường", Level::grassroots},
    {"đảng bộ phường", Level::grassroots},
    {"đảng ủy thị trấn", Level::grassroots},
    {"đảng bộ thị trấn", Level::grassroots},
    {"xã", Level::grassroots, true},
};

}  // namespace

std::optional<Level> body_level_uncached(std::string_view n) {
  while (!n.empty() && n.front() == ' ') n.remove_prefix(1);
  while (!n.empty() && n.back() == ' ') n.remove_suffix(1);
  for (const BodyRow& row : kBodyRows)
    if (row.whole ? n == row.words : contains_word(n, row.words)) return row.level;
  return std::nullopt;
}

const scan::KeywordSet& head_words() {
  static const scan::KeywordSet set = [] {
    std::vector<std::string_view> words;
    for (const auto& h : kHeads) words.push_back(h.words);
    return scan::KeywordSet(words);
  }();
  return set;
}

// kHeads[k] found at pos (k < 0: none), unless it does not count there:
// agencies only when capitalised; "sở" not inside "cơ sở".
const Head* head_found(const Text& text, size_t pos, int k) {
  if (k < 0) return nullptr;
  const std::string_view s = text.folded();
  const Head& h = kHeads[k];
  if (h.needs_capital && !capitalized_at(text, pos)) return nullptr;
  if (h.words == "sở" && scan::word_before(s, scan::skip_spaces_back(s, pos), "cơ")) return nullptr;
  if (!h.not_before.empty() && scan::word_at(s, scan::skip_spaces(s, pos + h.words.size()), h.not_before))
    return nullptr;
  return &h;
}

// The head words of the word [pos, first_end), if any. Called for every
// word of a text: the first-word filter inline, the rest out of line.
inline const Head* head_of_word(const Text& text, size_t pos, size_t first_end) {
  static const scan::KeywordSet& heads = head_words();
  const std::string_view s = text.folded();
  if (!heads.may_be_first_word(s, pos, first_end - pos)) return nullptr;
  return head_found(text, pos, heads.match_word(s, pos, first_end));
}

const Head* head_at(const Text& text, size_t pos) {
  const std::string_view s = text.folded();
  if (pos >= s.size() || !vi::at_word_start(s, pos)) return nullptr;
  return head_of_word(text, pos, scan::word_end(s, pos));
}

// The organisation whose head `head` starts at pos, the word
// text.words()[word], read into `m` (the caller's storage: a mention built
// here and copied out stalled on the copy); false when there is none. (The
// words after it are read from there on.)
bool org_of_head(const Text& text, size_t pos, const Head* head, size_t word, OrgMention& m);

std::optional<OrgMention> org_at(const Text& text, size_t pos) {
  const Head* head = head_at(text, pos);
  if (!head) return std::nullopt;
  std::optional<OrgMention> m(std::in_place);
  if (!org_of_head(text, pos, head, text.first_word_from(pos), *m)) m.reset();
  return m;
}

// The level of an agency's party organisation, its name ending at `end`:
// grassroots, or the head's level where it serves the province ("Công an tỉnh").
Level agency_level(std::string_view s, size_t begin, size_t end, const Head* agency_head) {
  if (!agency_head || !agency_head->of_province) return Level::grassroots;
  // "Công an tỉnh", "Công an tỉnh Hà Tĩnh"; not "Công an huyện …" nor "Công an xã …".
  if (!scan::find_word(s, begin, end, "tỉnh")) return Level::grassroots;
  for (std::string_view lower : {"huyện", "quận", "xã", "phường", "thị trấn", "thị xã", "thành phố"})
    if (scan::find_word(s, begin, end, lower)) return Level::grassroots;
  return *agency_head->of_province;
}

bool org_of_head(const Text& text, size_t pos, const Head* head, size_t word, OrgMention& m) {
  const std::string_view s = text.folded();

  m = OrgMention{};
  m.b = pos;
  m.head_end = pos + head->words.size();
  m.type = head->type;
  size_t p = m.head_end;
  size_t end = m.head_end;
  bool first = true;
  bool after_dash = false;
  bool agency_name = head->type == UnitType::agency;
  const Head* agency_head = agency_name ? head : nullptr;  // the last agency head in the name
  bool numbered_branch = false;
  // The head's own last word counts: "Huyện ủy Lạc Dương", "Ban Thường vụ Huyện ủy".
  bool prev_capital = false;
  bool after_kind = false;  // the last word read was a place kind: "phường" (3)
  // A name in sentence case ("Khoa Giáo dục thể chất", "Viện Công nghệ sinh
  // học"): after a capitalised word of an agency whose head runs so, up to
  // kSentenceRun lower-case syllables more, until a stop word or a place.
  static constexpr int kSentenceRun = 3;
  bool sentence = false, placed = false;
  int lower_run = 0;
  // Just after a head that takes a number: "Trung đoàn 990", "Đội 5".
  bool numbered_head = head->runs == Runs::numbered;
  const auto& words = text.words();
  size_t wi = word;
  for (;;) {
    size_t q = scan::skip_spaces(s, p);
    if (q >= s.size()) break;
    // A dash joins parts of one name: "Phòng Tài chính - Kế hoạch".
    if (s[q] == '-' && q + 1 < s.size() && s[q + 1] == ' ' && !first) {
      size_t r = scan::skip_spaces(s, q + 1);
      size_t stop_end;
      if (r < s.size() && (capitalized_at(text, r) || !is_stop(s, r, &stop_end)) && vi::at_word_start(s, r)) {
        size_t len;
        if (vi::is_letter(vi::decode(s, r, &len))) { p = r; after_dash = true; continue; }
      }
      break;
    }
    // The word at q, if one starts there (from the text's words: they come
    // in order and q only moves on).
    while (wi < words.size() && words[wi].begin < q) ++wi;
    if (wi == words.size() || words[wi].begin != q) break;
    const size_t wb = q;
    size_t we = words[wi].end;
    const bool after_numbered_head = numbered_head;
    numbered_head = false;
    if (s[wb] >= '0' && s[wb] <= '9') {
      // "Trung đoàn 990", "Đội 5": the number names the unit, and the name
      // may go on with a place ("Đồn Biên phòng 565 xã …").
      if (after_numbered_head && we - wb <= 4 &&
          (we >= s.size() || s[we] == ' ' || s[we] == ',' || s[we] == '.' || s[we] == ';' || s[we] == ')')) {
        end = p = we;
        m.named = true;
        sentence = prev_capital = false;
        continue;
      }
      const bool closes = we - wb <= 2 && (we >= s.size() || s[we] == ' ' || s[we] == ',' || s[we] == '.' ||
                                           s[we] == ';' || s[we] == ')');
      // A number closes a name it belongs to: "Đảng bộ xã Sơn Kim 1", "Phường 5".
      if ((prev_capital || after_kind) && closes) {
        end = we;
        if (after_kind) m.named = true;  // "Đảng bộ phường 3"
      }
      // A numbered branch is named by its number and its parent: "chi bộ 2
      // trực thuộc Đảng bộ Phòng Tham mưu".
      if (first && closes && we < s.size() && s[we] == ' ' && head->type != UnitType::committee &&
          head->type != UnitType::agency) {
        const size_t after = scan::skip_spaces(s, we);
        size_t tt;
        if (scan::word_at(s, after, "trực thuộc") && (tt = scan::skip_spaces(s, after + std::string_view("trực thuộc").size())) < s.size()) {
          if (const Head* parent = head_at(text, tt); parent && parent->type != UnitType::agency) {
            OrgMention pm;
            if (org_of_head(text, tt, parent, text.first_word_from(tt), pm) && pm.named) {
              end = pm.e;
              m.named = true;
              m.level = Level::branch;
              numbered_branch = true;
            }
          }
        }
      }
      break;
    }
    const size_t word_end = we;  // `we` may grow to a multi-word place word
    bool kind_here = false;
    // Another head inside the name: "Ban Thường vụ Huyện ủy", "Đảng bộ Trung tâm …".
    if (const Head* inner = head_of_word(text, wb, word_end); inner && wb != m.b) {
      if (inner->type == UnitType::agency) {
        agency_name = m.named = true;
        agency_head = inner;
      }
      end = wb + inner->words.size();
      p = end;
      prev_capital = false;
      numbered_head = inner->runs == Runs::numbered;
      sentence = false;
      first = false;
      continue;
    }
    size_t stop_end;
    // "đảng bộ các huyện", "chi bộ các xã": a plural, whose places may be
    // listed after it.
    if (first && word_end - wb == std::string_view("các").size() && s.substr(wb, word_end - wb) == "các") {
      const size_t kb = scan::skip_spaces(s, word_end);
      size_t kind_len = 0;
      if (kb < s.size()) {
        size_t ke;
        scan::next_word(s, kb, nullptr, &ke);
        kind_len = place_kind(s, kb, ke);
      }
      if (kind_len > 0 && !capitalized_at(text, kb)) {
        m.plural_kind_b = kb;
        m.plural_kind_e = end = kb + kind_len;
        break;
      }
    }
    // A word written with a capital belongs to the name ("Mới Nang", "Kế hoạch").
    const bool capital = capitalized_at(text, wb) || abbreviation_at(text, wb, we);
    // "và" joins two parts of an agency's name written with capitals
    // ("Sở Tài nguyên và Môi trường", "Phòng Cảnh sát PCCC và CNCH"), not two
    // organisations ("… và Văn phòng UBND tỉnh", "… và Đảng bộ xã B").
    if (!capital && agency_name && !first && word_end - wb == std::string_view("và").size() &&
        s.substr(wb, word_end - wb) == "và") {
      size_t nb, ne;
      scan::next_word(s, scan::skip_spaces(s, word_end), &nb, &ne);
      if (ne > nb && nb == scan::skip_spaces(s, word_end) && vi::at_word_start(s, nb) &&
          (capitalized_at(text, nb) || abbreviation_at(text, nb, ne)) && !head_at(text, nb)) {
        p = word_end;
        prev_capital = false;
        continue;
      }
    }
    // A lower-case word continues a name only as the second syllable of a
    // capitalised word ("Tài chính", "Y tế"), as a place word ("Bưu điện
    // tỉnh"), as one of the words agencies are named after ("Trường cao đẳng
    // y tế", "Phòng Cảnh sát giao thông": before the stop words, which have
    // "giao"), or after a dash ("Mặt trận - các đoàn thể").
    // (Also with a capital: "Phòng Hậu cần", whose "cần" is a stop word.)
    const size_t field = !agency_name || abbreviation_at(text, wb, word_end) ? 0 : name_word(s, wb, word_end);
    // "số N" in an agency's name: "Trường Tiểu học số 2", "Đội Quản lý thị trường số 5".
    if (!capital && agency_name && !first && s.substr(wb, word_end - wb) == "số") {
      size_t nb, ne;
      scan::next_word(s, scan::skip_spaces(s, word_end), &nb, &ne);
      if (ne > nb && ne - nb <= 4 && s[nb] >= '0' && s[nb] <= '9' && nb == scan::skip_spaces(s, word_end) &&
          std::all_of(s.begin() + nb, s.begin() + ne, [](char c) { return c >= '0' && c <= '9'; })) {
        while (wi < words.size() && words[wi].begin < nb) ++wi;
        end = p = ne;
        sentence = prev_capital = false;
        continue;
      }
    }
    if (!capital && field == 0 && is_stop_word(s, wb, word_end, &stop_end)) break;
    const size_t place = capital || field > 0 ? 0 : place_word(s, wb, word_end);
    const bool runs_on = sentence && lower_run < kSentenceRun;
    if (!capital && !first && !after_dash && !(prev_capital && agency_name) && !runs_on && place == 0 && field == 0)
      break;
    if (capital) {
      lower_run = 0;
      sentence = agency_head && agency_head->runs != Runs::capitals && !placed && !abbreviation_at(text, wb, word_end);
    } else if (place > 0) {
      sentence = false;
      placed = true;  // a place ends the name's own words: "Công an tỉnh Lâm Đồng quyết liệt …"
    } else if (field == 0) {
      ++lower_run;
    }
    if (place > 0) we = wb + place;
    if (field > 0) we = wb + field;
    if (first) {
      // A place word, then the name: "xã Đạ Nhim", "thị trấn Lạc Dương".
      if (const size_t kind_len = place_kind(s, wb, word_end)) {
        const size_t after = scan::skip_spaces(s, wb + kind_len);
        size_t nb, ne;
        std::string_view nw = scan::next_word(s, after, &nb, &ne);
        if (!nw.empty() && nb == after && (capitalized_at(text, nb) || abbreviation_at(text, nb, ne)))
          m.named = true;
        we = wb + kind_len;
        kind_here = placed = true;
      }
      if (!m.named && (capitalized_at(text, wb) || abbreviation_at(text, wb, we))) m.named = true;
      first = false;
    }
    // '&' and '-' inside an abbreviation: "NN&PTNT", "VH-TT&TT"; an apostrophe
    // inside a capitalised name: "Cư M'gar", "Ea H'leo".
    while (we < s.size() && (s[we] == '&' || (s[we] == '-' && we + 1 < s.size() && s[we + 1] != ' ') ||
                             (s[we] == '\'' && capital && we + 1 < s.size() && vi::at_word_start(s, we + 1)))) {
      size_t ne;
      scan::next_word(s, we + 1, nullptr, &ne);
      if (ne <= we + 1) break;
      we = ne;
    }
    // An abbreviation with dots: "Công an T.X Phổ Yên", "UBND TP.Hà Tĩnh".
    while (capital && we + 1 < s.size() && s[we] == '.' && we - wb <= 3 && vi::at_word_start(s, we + 1) &&
           capitalized_at(text, we + 1)) {
      size_t ne;
      scan::next_word(s, we + 1, nullptr, &ne);
      if (ne <= we + 1) break;
      we = ne;
    }
    // (A compound read whole, "Y tế", lends no second syllable.)
    if (capital && !abbreviation_at(text, wb, we) && !(field > 0 && we > word_end)) prev_capital = true;
    else prev_capital = false;
    if (capital && !first) m.named = true;
    after_kind = kind_here;
    end = we;
    p = we;
  }
  m.e = end;
  if (head->type == UnitType::agency || head->type == UnitType::committee) {
    // Committees are named by their head ("Huyện ủy"); agencies need more than
    // the head word to be a name.
    if (head->type == UnitType::agency && m.e == m.head_end && head->words.find(' ') == std::string_view::npos &&
        head->words != "ubnd")
      return false;
    if (head->type == UnitType::agency) m.named = true;
  }
  // The level of the organisation itself.
  const std::string_view phrase = s.substr(m.b, m.e - m.b);
  m.agency = agency_name;
  if (m.type == UnitType::committee) {
    m.level = body_level(phrase);
    // "Đảng ủy Công an tỉnh" (district), "Đảng ủy Công an huyện" (grassroots).
    if (!m.level && agency_head) m.level = agency_level(s, m.b, m.e, agency_head);
  } else if (m.type == UnitType::agency) {
    m.level = agency_level(s, m.b, m.e, agency_head);
  } else if (numbered_branch) {
    m.level = Level::branch;
  } else if (m.type == UnitType::chi_bo && m.named && !agency_name) {
    // A chi bộ is a branch or grassroots, never above: "Chi bộ Khối Vận huyện".
    LevelGuess g = level_of_phrase(phrase);
    m.level = g.level && *g.level < Level::grassroots ? *g.level : Level::grassroots;
  } else {
    LevelGuess g = level_of_phrase(phrase);
    if (g.level) m.level = g.level;
    else if (m.named) m.level = Level::grassroots;  // "Đảng bộ Trung tâm Y tế huyện", "Chi bộ Phòng …"
    // An agency's organisation is grassroots even when its name ends in a
    // place word: "Đảng bộ Công an huyện" is not the district's; the
    // province's police and army are under the Tỉnh ủy ("Đảng bộ Công an tỉnh").
    if (agency_name) m.level = agency_level(s, m.b, m.e, agency_head);
  }
  // A numeral in front counts units: "01 chi bộ", "ít nhất 1 chi bộ", "2 đảng bộ".
  // (The words before the head are the text's words before `word`.)
  const auto word_at = [&](size_t k) { return s.substr(words[k].begin, words[k].end - words[k].begin); };
  if (word > 0 && scan::skip_spaces_back(s, pos) == words[word - 1].end) {
    const size_t wb = words[word - 1].begin;
    int v = numeral_value(word_at(word - 1));
    if (v > 0) {
      m.count = v;
      m.count_begin = wb;
      // "1 - 2 tổ chức cơ sở đảng": at least the lower number.
      const size_t dash = scan::skip_spaces_back(s, wb);
      if (dash > 0 && s[dash - 1] == '-' && word > 1) {
        if (int lv = numeral_value(word_at(word - 2)); lv > 0 && lv < v) {
          m.count = lv;
          m.count_begin = words[word - 2].begin;
        }
      }
    }
  }
  return true;
}

// The places listed after a plural ("đảng bộ các huyện: Hương Sơn, Thạch Hà
// và …", "Đảng bộ các huyện Hương Sơn, Thạch Hà, …"), each a mention named
// as written, appended to `out`; returns where the list ends (the plural's
// end when none follows).
size_t list_places(const Text& text, const OrgMention& plural, std::vector<OrgMention>& out) {
  const std::string_view s = text.folded();
  size_t p = scan::skip_spaces(s, plural.e);
  if (p < s.size() && s[p] == ':') p = scan::skip_spaces(s, p + 1);
  // The level of one of them: "đảng bộ" + "huyện".
  std::string one(s.substr(plural.b, plural.head_end - plural.b));
  one += ' ';
  one += s.substr(plural.plural_kind_b, plural.plural_kind_e - plural.plural_kind_b);
  const std::optional<Level> level = level_of_phrase(one).level;
  size_t last = plural.e;
  for (;;) {
    // A place: capitalised words, not the head of another organisation.
    size_t nb = p, ne = p;
    for (size_t q = p;;) {
      size_t wb, we;
      scan::next_word(s, q, &wb, &we);
      if (we <= wb || wb != q || !vi::at_word_start(s, wb) || !capitalized_at(text, wb) || head_at(text, wb)) break;
      ne = we;
      q = scan::skip_spaces(s, we);
    }
    if (ne == nb) break;
    OrgMention& m = out.emplace_back();
    m.b = nb;
    m.e = m.head_end = m.resume = ne;
    m.type = plural.type;
    m.level = level;
    m.named = m.listed = true;
    last = ne;
    size_t r = scan::skip_spaces(s, ne);
    if (r < s.size() && s[r] == ',') r = scan::skip_spaces(s, r + 1);
    else if (scan::word_at(s, r, "và")) r = scan::skip_spaces(s, r + std::string_view("và").size());
    else break;
    p = r;
  }
  return last;
}

std::optional<OrgMention> place_at(const Text& text, size_t pos) {
  const std::string_view s = text.folded();
  if (pos >= s.size() || !vi::at_word_start(s, pos)) return std::nullopt;
  const size_t kind_len = place_kind(s, pos, scan::word_end(s, pos));
  if (kind_len == 0) return std::nullopt;
  size_t ne = 0;
  for (size_t q = scan::skip_spaces(s, pos + kind_len);;) {
    size_t wb, we;
    scan::next_word(s, q, &wb, &we);
    if (we <= wb || wb != q || !capitalized_at(text, wb) || head_at(text, wb)) break;
    ne = we;
    q = scan::skip_spaces(s, we);
  }
  if (ne == 0) return std::nullopt;
  OrgMention m;
  m.b = pos;
  m.e = m.resume = ne;
  m.head_end = pos + kind_len;
  m.type = UnitType::dang_bo;
  m.level = level_of_phrase("đảng bộ " + std::string(s.substr(pos, kind_len))).level;
  m.named = m.listed = true;
  return m;
}

std::vector<OrgMention> orgs_in(const Text& text, size_t b, size_t e) {
  const std::string_view s = text.folded();
  const auto& words = text.words();
  std::vector<OrgMention> out;
  e = std::min(e, s.size());
  // A whole plan has about one name in 120 bytes: room for them without
  // regrowing (a clause, asked about by OrgIndex::in(), mostly has none).
  if (e > b && e - b >= 2048) out.reserve((e - b) / 96);
  // Word by word (head_of_word() looks up only a word with the length and
  // first bytes of a head's first word).
  for (size_t k = text.first_word_from(b); k < words.size() && words[k].begin < e; ++k) {
    const size_t i = words[k].begin, we = words[k].end;
    const Head* head = head_of_word(text, i, we);
    if (!head) continue;
    OrgMention& m = out.emplace_back();
    if (!org_of_head(text, i, head, k, m)) {
      out.pop_back();
      continue;
    }
    // Go on after the name (and the places listed after a plural).
    m.resume = static_cast<uint32_t>(std::max<size_t>({m.e, m.head_end, we}));
    size_t go_on = m.resume;
    // "5 đảng bộ xã: Phú Lộc, Phú Hòa …": a count of a place kind, then its places.
    if (m.plural_kind_e == 0 && !m.named && m.count > 0) {
      const size_t colon = scan::skip_spaces(s, m.e);
      size_t kb;
      std::string_view kind = scan::prev_word(s, m.e, &kb);
      if (colon < s.size() && s[colon] == ':' && !kind.empty()) {
        // (the kind may be two words: "thị trấn")
        size_t kb2;
        if (scan::prev_word(s, scan::skip_spaces_back(s, kb), &kb2) != "" && kb2 >= m.head_end &&
            place_kind(s, kb2, scan::word_end(s, kb2)) == m.e - kb2)
          kb = kb2;
        if (kb >= m.head_end && place_kind(s, kb, scan::word_end(s, kb)) == m.e - kb) {
          m.plural_kind_b = kb;
          m.plural_kind_e = m.e;
        }
      }
    }
    if (m.plural_kind_e > 0) {
      const OrgMention plural = m;  // (`m` may move as the list grows)
      go_on = std::max(go_on, list_places(text, plural, out));
    }
    while (k + 1 < words.size() && words[k + 1].begin < go_on) ++k;
  }
  return out;
}

std::vector<OrgMention> OrgIndex::in(size_t b, size_t e) const {
  const auto first = std::lower_bound(all_.begin(), all_.end(), b,
                                      [](const OrgMention& m, size_t p) { return m.b < p; });
  if (first != all_.begin() && std::prev(first)->resume > b) return orgs_in(text_, b, e);
  const auto last = std::lower_bound(first, all_.end(), e, [](const OrgMention& m, size_t p) { return m.b < p; });
  return std::vector<OrgMention>(first, last);
}

bool organisation_noun_at(std::string_view s, size_t p) {
  if (!scan::word_at(s, p, kOrganisation)) return false;
  const size_t after = scan::skip_spaces(s, p + kOrganisation.size());
  if (scan::word_at(s, after, "cơ sở") || scan::word_at(s, after, "đảng")) return true;
  return scan::word_before(s, scan::skip_spaces_back(s, p), "ban");
}

size_t congress_phrase_end(std::string_view s, size_t pos, size_t limit) {
  static const scan::KeywordSet kEnds = {
      "hoàn thành", "bắt đầu", "tổ chức", "tiến hành", "diễn ra", "được", "sẽ", "xong", "kết thúc", "dự kiến",
      "phải", "trong", "vào", "trước", "từ", "đến", "chậm nhất", "nhiệm kỳ", "lần thứ", "theo", "để", "thành công",
      "đã", "tập trung", "của", "ngày", "tháng", "khóa", "và", "rút kinh nghiệm", "nhằm", "gồm", "với",
      "chưa", "không", "đang", "khai mạc", "bế mạc", "long trọng", "trọng thể"};
  size_t p = pos;
  size_t end = pos;
  while (p < limit) {
    size_t q = scan::skip_spaces(s, p);
    if (q >= limit) break;
    const char c = s[q];
    if (c == ',') {
      // A list of organisations goes on: "đảng bộ, chi bộ cơ sở", "các chi, đảng bộ".
      size_t r = scan::skip_spaces(s, q + 1);
      if (scan::word_at(s, r, "chi bộ") || scan::word_at(s, r, "đảng bộ")) { p = r; continue; }
      // … and so does a list of commune-level places: "đảng bộ xã, phường, đặc khu".
      if (scan::word_at(s, r, "phường") || scan::word_at(s, r, "xã") || scan::word_at(s, r, "thị trấn") ||
          scan::word_at(s, r, "đặc khu")) {
        p = r;
        continue;
      }
      break;
    }
    if (c == '.' || c == ';' || c == ':' || c == '(' || c == ')' || c == '\n' || c == '"') break;
    if (c >= '0' && c <= '9') break;
    // The word's end found once, for the keyword test and for the phrase.
    const size_t we = scan::word_end(s, q);
    if (we == q) {
      // Punctuation we do not know: step over one character.
      size_t len;
      vi::decode(s, q, &len);
      p = q + len;
      continue;
    }
    // "đại hội các tổ chức cơ sở đảng trực thuộc": the noun goes on the phrase.
    if (organisation_noun_at(s, q)) {
      end = p = q + kOrganisation.size();
      continue;
    }
    if (kEnds.match_at_word(s, q, we) >= 0) break;
    end = we;
    p = we;
  }
  return end;
}

Level contextual_chi_bo_level(std::string_view s, size_t pos) {
  // The context is the surrounding article, not the whole corpus.
  constexpr size_t kLookBack = 3000;
  const size_t floor = pos > kLookBack ? pos - kLookBack : 0;
  size_t e = pos;
  while (auto p = scan::rfind_word(s, floor, e, "chi bộ")) {
    const size_t end = congress_phrase_end(s, *p, std::min(s.size(), *p + 120));
    LevelGuess g = level_of_phrase(s.substr(*p, end - *p));
    if (g.level == Level::branch || g.level == Level::grassroots) return *g.level;
    if (*p == 0) break;
    e = *p;
  }
  return Level::branch;
}

// The words in front of "điểm" that make it a pilot: "đại hội điểm", "làm
// điểm", "chọn điểm", "thí điểm", "đơn vị thực hiện điểm", "tổ chức điểm đại
// hội", "đơn vị điểm", "chỉ đạo điểm" (not "thời điểm", "địa điểm", "quan
// điểm"); and the words after it that make it a place or a score ("điểm cầu",
// "điểm danh", "điểm số", "điểm nóng").
constexpr std::string_view kPilotWordsBefore[] = {"đại hội", "làm", "chọn", "thí", "thực hiện", "tổ chức",
                                                  "đơn vị", "chỉ đạo"};
constexpr std::string_view kNotPilotWordsAfter[] = {"cầu", "danh", "số", "nóng", "mạnh", "yếu", "tựa", "đến",
                                                    "trường", "nhấn", "sáng", "thi"};

std::optional<size_t> pilot_trigger_at(std::string_view s, size_t diem) {
  static const scan::KeywordSet not_after(kNotPilotWordsAfter);
  const size_t after = scan::skip_spaces(s, diem + std::string_view("điểm").size());
  if (after < s.size() && vi::at_word_start(s, after) && not_after.match(s, after) >= 0) return std::nullopt;
  const size_t before = scan::skip_spaces_back(s, diem);
  for (std::string_view w : kPilotWordsBefore) {
    size_t b;
    if (!scan::word_before(s, before, w, &b)) continue;
    // "đại hội thí điểm", "đại hội làm điểm"
    size_t b2;
    if (w != "đại hội" && scan::word_before(s, scan::skip_spaces_back(s, b), "đại hội", &b2)) b = b2;
    return b;
  }
  return std::nullopt;
}

bool pilot_trigger_in(std::string_view s, size_t b, size_t e) {
  size_t from = b;
  while (auto p = scan::find_word(s, from, e, "điểm")) {
    from = *p + 1;
    if (pilot_trigger_at(s, *p)) return true;
  }
  return false;
}

std::string_view without_asides(std::string_view s, size_t b, size_t e, std::string* storage) {
  const std::string_view clause = s.substr(b, e - b);
  if (clause.find('(') == std::string_view::npos) return clause;  // the common case: no copy
  storage->assign(clause);
  int depth = 0;
  for (char& c : *storage) {
    if (c == '(') ++depth;
    if (depth > 0) {
      const bool close = c == ')';
      c = ' ';
      if (close) --depth;
    }
  }
  return *storage;
}

}  // namespace plancheck::orgs
