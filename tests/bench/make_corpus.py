#!/usr/bin/env python3
"""Writes a synthetic corpus of congress plans for benchmarks and batch tests.

Plans are drawn from several templates (district, provincial, commune and
agency-bloc committees; the 2019-2020 and 2024-2025 rounds), with varied unit
names, date forms ("trước ngày 30/6/2025", "30-6-2025", "ngày 30 tháng 6 năm
2025", "trong tháng 5/2025", "quý II/2025") and the prose that fills real
plans (purposes, personnel, documents, organisation). A known share of plans
carries one injected violation; manifest.jsonl beside the plans says which.

usage: make_corpus.py OUT_DIR [--plans N] [--violations 0.2] [--seed 1]
                             [--size-kb 6] [--per-folder 500]

The same arguments always write the same bytes.
"""
import argparse, json, os, random

PROVINCES = ["Hà Tĩnh", "Lâm Đồng", "Nghệ An", "Gia Lai", "Thanh Hóa", "Quảng Bình", "Đắk Lắk", "Bình Định",
             "Phú Thọ", "Thái Bình", "Sơn La", "Cà Mau", "Bến Tre", "Long An", "Hòa Bình", "Kon Tum"]
PLACES = ["Hương Sơn", "Lạc Dương", "Đạ Huoai", "Yên Thành", "Chư Sê", "Tĩnh Gia", "Bố Trạch", "Krông Pắc",
          "Tây Sơn", "Thanh Ba", "Kiến Xương", "Mộc Châu", "Ngọc Hiển", "Chợ Lách", "Cần Giuộc", "Mai Châu",
          "Đắk Tô", "Lâm Hà", "Đức Trọng", "Quỳnh Lưu", "Can Lộc", "Thạch Hà", "Kỳ Anh", "Nghi Xuân"]
COMMUNES = ["Sơn Kim 1", "Đạ Nhim", "Lát", "Phú Sơn", "Thạch Long", "Kỳ Lạc", "Xuân Hội", "Cẩm Thành",
            "Hòa Bình", "Tân Lập", "Quang Trung", "Đồng Tâm", "An Phú", "Vĩnh Hưng", "Nghĩa Đàn", "Tiến Thành"]
AGENCIES = ["Phòng Tài chính - Kế hoạch", "Trường THPT Lạc Sơn", "Trung tâm Y tế huyện", "Ban Quản lý dự án",
            "Phòng Giáo dục và Đào tạo", "Công an huyện", "Ban Chỉ huy Quân sự huyện", "Chi cục Thuế khu vực"]
ROMAN = ["XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI"]

ROUNDS = {
    2024: dict(directive="Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị", term="2025 - 2030",
               national="XIV", year=2025, plan_year=2024),
    2019: dict(directive="Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị", term="2020 - 2025",
               national="XIII", year=2020, plan_year=2019),
}

FILLER = [
    "Đại hội đảng bộ các cấp là sinh hoạt chính trị quan trọng của toàn Đảng, toàn dân; cần được chuẩn bị "
    "chu đáo, tổ chức thành công, thực sự là đợt sinh hoạt chính trị sâu rộng trong {unit}.",
    "Thông qua đại hội, đánh giá đúng kết quả thực hiện nghị quyết đại hội nhiệm kỳ trước, rút ra bài học "
    "kinh nghiệm; xác định phương hướng, mục tiêu, nhiệm vụ và giải pháp cho nhiệm kỳ {term}.",
    "Công tác nhân sự phải thực hiện đúng nguyên tắc tập trung dân chủ, khách quan, công tâm; lựa chọn những "
    "đồng chí thực sự tiêu biểu về phẩm chất chính trị, đạo đức, lối sống, năng lực công tác.",
    "Báo cáo chính trị phải bảo đảm tính khoa học, thực tiễn; nêu rõ ưu điểm, khuyết điểm, hạn chế và "
    "nguyên nhân; đề ra {n} chỉ tiêu chủ yếu, {m} nhiệm vụ trọng tâm và {k} khâu đột phá.",
    "Các cấp ủy chỉ đạo việc góp ý vào dự thảo văn kiện; tổng hợp đầy đủ ý kiến của cán bộ, đảng viên và "
    "nhân dân, báo cáo cấp ủy cấp trên chậm nhất {d} ngày làm việc sau khi kết thúc hội nghị.",
    "Số lượng cấp ủy viên nhiệm kỳ {term} cơ bản không vượt quá số lượng của nhiệm kỳ trước; tỷ lệ cán bộ "
    "trẻ dưới 42 tuổi khoảng {p}%, tỷ lệ cán bộ nữ từ {q}% trở lên.",
    "Đảng ủy khối, đảng ủy cơ sở phân công đồng chí ủy viên ban thường vụ theo dõi, chỉ đạo đại hội; kịp "
    "thời giải quyết những vấn đề phát sinh, không để xảy ra khiếu nại, tố cáo kéo dài.",
    "Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội tổ chức lấy ý kiến nhân dân vào dự thảo "
    "văn kiện đại hội; kết quả gửi về Văn phòng {body} để tổng hợp.",
    "Công tác tuyên truyền được đẩy mạnh trên báo chí, hệ thống thông tin cơ sở và mạng xã hội; đấu tranh "
    "phản bác các quan điểm sai trái, thù địch, bảo vệ nền tảng tư tưởng của Đảng.",
    "Kinh phí tổ chức đại hội thực hiện theo quy định hiện hành, bảo đảm tiết kiệm, hiệu quả; Văn phòng "
    "{body} hướng dẫn định mức chi cho {n} đảng bộ trực thuộc.",
    "Trong nhiệm kỳ qua, {unit} đã kết nạp {k}{n} đảng viên mới, tổng số đảng viên đến nay là {m}{k}{n} đồng "
    "chí, sinh hoạt tại {n} chi bộ; {p}% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ.",
    "Ban Tổ chức {body} chủ trì, phối hợp với các cơ quan liên quan hướng dẫn quy trình giới thiệu nhân sự, "
    "thẩm định hồ sơ, báo cáo Ban Thường vụ xem xét theo thẩm quyền.",
    "Đại hội thảo luận, góp ý vào dự thảo văn kiện Đại hội đại biểu toàn quốc lần thứ {national} của Đảng "
    "và dự thảo văn kiện đại hội đảng bộ cấp trên trực tiếp.",
    "Các chi bộ trực thuộc chuẩn bị báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của chi ủy, bảo đảm thiết thực, "
    "ngắn gọn; đại hội chi bộ không tổ chức phiên trù bị.",
]

# (level text, how the mass schedule for it is written in a clean plan)
CLEAN_TIMES = {
    "branch": ["hoàn thành trước ngày {d}/3/{y}", "hoàn thành trong tháng 02/{y}", "xong trước ngày {d} tháng 3 năm {y}",
               "hoàn thành trước ngày {d}-3-{y}"],
    "grassroots": ["bắt đầu từ tháng 4/{y}, hoàn thành trước ngày {d}/6/{y}",
                   "tiến hành từ tháng 4/{y}, hoàn thành trong tháng 5/{y}",
                   "hoàn thành trước ngày {d} tháng 6 năm {y}",
                   "hoàn thành trước ngày {d}.6.{y}",
                   "tổ chức xong trong quý II/{y}, chậm nhất ngày {d}/6/{y}"],
    "district": ["tổ chức trong tháng 7/{y}", "hoàn thành trước ngày {d}/8/{y}", "tiến hành từ ngày 15 - {d}/7/{y}",
                 "tổ chức trong tháng 7 năm {y}"],
    "province": ["tổ chức trong tháng 10/{y}", "hoàn thành trước ngày {d}/10/{y}"],
}
# One injected violation per plan that has one: the category it should raise.
VIOLATIONS = {
    "deadline": [("grassroots", "hoàn thành trước ngày {d}/7/{y}"), ("district", "tổ chức trong tháng 9/{y}"),
                 ("grassroots", "hoàn thành trong tháng 7/{y}")],
    "pilot": [("grassroots", "pilot-late")],
}


def paragraph(rng, ctx):
    return rng.choice(FILLER).format(n=rng.randint(2, 19), m=rng.randint(1, 9), k=rng.randint(1, 9),
                                     d=rng.randint(3, 15), p=rng.randint(10, 30), q=rng.randint(15, 35), **ctx)


def plan(rng, index, violation, size_kb):
    rnd = ROUNDS[2024 if rng.random() < 0.75 else 2019]
    y = rnd["year"]
    kind = rng.choice(["huyen", "huyen", "huyen", "tinh", "xa", "khoi"])
    place = rng.choice(PLACES)
    province = rng.choice(PROVINCES)
    if kind == "huyen":
        issuer, body, suffix, unit = f"HUYỆN ỦY {place.upper()}", "Huyện ủy", "HU", f"Đảng bộ huyện {place}"
        levels = ["branch", "grassroots", "district"]
    elif kind == "tinh":
        issuer, body, suffix, unit = f"TỈNH ỦY {province.upper()}", "Tỉnh ủy", "TU", f"Đảng bộ tỉnh {province}"
        levels = ["grassroots", "district", "province"]
        place = province
    elif kind == "xa":
        commune = rng.choice(COMMUNES)
        issuer, body, suffix, unit = f"ĐẢNG ỦY XÃ {commune.upper()}", "Đảng ủy", "ĐU", f"Đảng bộ xã {commune}"
        levels = ["branch", "grassroots"]
        place = commune
    else:
        issuer, body, suffix = "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "Đảng ủy Khối", "ĐUK"
        unit = "Đảng bộ Khối các cơ quan tỉnh"
        levels = ["branch", "grassroots", "district"]
    if kind == "xa" and violation == "pilot":
        violation = "deadline"  # a commune plan picks no other commune's pilot
    ctx = dict(unit=unit, body=body, term=rnd["term"], national=rnd["national"])
    number = rng.randint(10, 399)
    day, month = rng.randint(1, 28), rng.choice([7, 8, 9, 10])
    lines = [issuer, f"Số {number}-KH/{suffix}", "ĐẢNG CỘNG SẢN VIỆT NAM",
             f"{place}, ngày {day:02d} tháng {month:02d} năm {rnd['plan_year']}", "", "KẾ HOẠCH",
             f"tổ chức đại hội đảng bộ các cấp nhiệm kỳ {rnd['term']}, tiến tới Đại hội đại biểu toàn quốc lần thứ "
             f"{rnd['national']} của Đảng", "",
             f"Thực hiện {rnd['directive']} về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ "
             f"{rnd['national']} của Đảng, Ban Thường vụ {body} xây dựng kế hoạch như sau:", "",
             "I. MỤC ĐÍCH, YÊU CẦU"]
    target = size_kb * 1024
    body_paras = []
    while sum(len(p.encode()) for p in body_paras) < target * 0.45:
        body_paras.append(paragraph(rng, ctx))
    lines += body_paras[: len(body_paras) // 2] + ["", "II. THỜI GIAN TIẾN HÀNH ĐẠI HỘI"]

    bad_level, bad_time = None, None
    if violation == "deadline":
        bad_level, bad_time = rng.choice([v for v in VIOLATIONS["deadline"] if v[0] in levels] or
                                         VIOLATIONS["deadline"][:1])
    names = {"branch": "Đại hội chi bộ trực thuộc đảng bộ cơ sở",
             "grassroots": "Đại hội đảng bộ, chi bộ cơ sở",
             "district": f"Đại hội đại biểu {unit} lần thứ {rng.choice(ROMAN)}, nhiệm kỳ {rnd['term']}"
             if kind == "huyen" else f"Đại hội đảng bộ cấp trên cơ sở nhiệm kỳ {rnd['term']}",
             "province": f"Đại hội đại biểu {unit} lần thứ {rng.choice(ROMAN)}, nhiệm kỳ {rnd['term']}"}
    for i, level in enumerate(levels, 1):
        when = bad_time if level == bad_level else rng.choice(CLEAN_TIMES[level])
        d = {"branch": rng.randint(10, 25), "grassroots": rng.randint(5, 20), "district": rng.randint(20, 28),
             "province": rng.randint(10, 25)}[level]
        lines.append(f"{i}. {names[level]}: {when.format(d=d, y=y)}.")
    lines += ["", "III. ĐẠI HỘI ĐIỂM"]
    commune = rng.choice(COMMUNES)
    if violation == "pilot":
        lines.append(f"Ban Thường vụ {body} chọn Đảng bộ xã {commune} tổ chức đại hội điểm cấp cơ sở trong tháng "
                     f"6/{y}, sau khi các đảng bộ cơ sở đã bắt đầu đại hội.")
    else:
        lines.append(f"Ban Thường vụ {body} chọn Đảng bộ xã {commune} và Chi bộ {rng.choice(AGENCIES)} tổ chức "
                     f"đại hội điểm vào tháng 3/{y}.")
        lines.append(f"Mỗi đảng ủy cơ sở chọn 01 chi bộ trực thuộc để tổ chức đại hội điểm trong tháng 01/{y}.")
    lines += ["", "IV. TỔ CHỨC THỰC HIỆN"]
    lines += body_paras[len(body_paras) // 2:]
    lines += ["", f"Nơi nhận:", f"- Ban Thường vụ {body},", "- Lưu Văn phòng.", "", "T/M BAN THƯỜNG VỤ",
              "BÍ THƯ", ""]
    return f"{kind}-{index:06d}", "\n".join(lines), violation


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--violations", type=float, default=0.2, help="share of plans with one injected violation")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--size-kb", type=float, default=6, help="mean plan size")
    ap.add_argument("--per-folder", type=int, default=500, help="plans per sub-folder")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    total = 0
    with open(os.path.join(a.out, "manifest.jsonl"), "w", encoding="utf-8") as manifest:
        for i in range(a.plans):
            violation = None
            if rng.random() < a.violations:
                violation = "deadline" if rng.random() < 0.7 else "pilot"
            size = max(1.0, rng.uniform(0.4, 1.6) * a.size_kb)
            name, text, violation = plan(rng, i, violation, size)
            folder = os.path.join(a.out, f"{i // a.per_folder:04d}")
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, name + ".txt")
            data = text.encode("utf-8")
            with open(path, "wb") as f:
                f.write(data)
            total += len(data)
            manifest.write(json.dumps({"file": os.path.relpath(path, a.out), "violation": violation,
                                       "bytes": len(data)}, ensure_ascii=False) + "\n")
    print(f"{a.plans} plans, {total / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
