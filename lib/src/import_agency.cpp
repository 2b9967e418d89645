// Agency names in Vietnamese plans: standard department names, patterns with a scope
// (`UBND thành phố`, `Công an phường, xã`), and the names the document itself uses in its
// headings (contracts in pgi/import.hpp).
#include <algorithm>

#include "import_detail.hpp"
#include "pgi/import.hpp"

namespace pgi {

namespace import_detail {

namespace {

// Standard names of city/district departments (Nghị định 37/2014/NĐ-CP, amended by
// 108/2020/NĐ-CP) and provincial departments (Nghị định 24/2014/NĐ-CP, amended by
// 107/2020/NĐ-CP), and the public units city plans usually name.
const std::vector<std::string>& standard_names() {
    static const std::vector<std::string> names = {
        "Phòng Nội vụ",
        "Phòng Tư pháp",
        "Phòng Tài chính - Kế hoạch",
        "Phòng Tài nguyên và Môi trường",
        "Phòng Lao động - Thương binh và Xã hội",
        "Phòng Văn hóa và Thông tin",
        "Phòng Văn hóa - Thông tin",
        "Phòng Văn hóa, Khoa học và Thông tin",
        "Phòng Giáo dục và Đào tạo",
        "Phòng Y tế",
        "Phòng Kinh tế",
        "Phòng Quản lý đô thị",
        "Phòng Kinh tế và Hạ tầng",
        "Phòng Kinh tế - Hạ tầng",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "Phòng Nông nghiệp và Phát triển nông thôn",
        "Phòng Nông nghiệp và Môi trường",
        "Phòng Dân tộc",
        "Phòng Văn hóa - Xã hội",
        "Sở Nội vụ",
        "Sở Tư pháp",
        "Sở Kế hoạch và Đầu tư",
        "Sở Tài chính",
        "Sở Công Thương",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Nông nghiệp và Môi trường",
        "Sở Giao thông vận tải",
        "Sở Xây dựng",
        "Sở Tài nguyên và Môi trường",
        "Sở Thông tin và Truyền thông",
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Văn hóa và Thể thao",
        "Sở Du lịch",
        "Sở Khoa học và Công nghệ",
        "Sở Giáo dục và Đào tạo",
        "Sở Y tế",
        "Sở Ngoại vụ",
        "Sở Dân tộc và Tôn giáo",
        "Trung tâm Văn hóa - Thể thao",
        "Trung tâm Văn hóa, Thể thao và Truyền thanh",
        "Trung tâm Văn hóa - Thể thao và Truyền thanh",
        "Trung tâm Phát triển quỹ đất",
        "Trung tâm Dịch vụ nông nghiệp",
        "Trung tâm Xúc tiến đầu tư",
        "Ban Quản lý các khu công nghiệp",
        "Ban Quản lý Khu kinh tế",
        "Liên minh Hợp tác xã",
        "Hội Doanh nghiệp",
        "Hiệp hội Doanh nghiệp",
    };
    return names;
}

struct Abbreviation {
    std::vector<std::string> words;
    std::string_view name;
};

const std::vector<Abbreviation>& abbreviations() {
    static const std::vector<Abbreviation> list = {
        {{"so", "tnmt"}, "Sở Tài nguyên và Môi trường"},
        {{"so", "tn", "mt"}, "Sở Tài nguyên và Môi trường"},
        {{"phong", "tnmt"}, "Phòng Tài nguyên và Môi trường"},
        {{"phong", "tn", "mt"}, "Phòng Tài nguyên và Môi trường"},
        {{"so", "khdt"}, "Sở Kế hoạch và Đầu tư"},
        {{"so", "kh", "dt"}, "Sở Kế hoạch và Đầu tư"},
        {{"phong", "tckh"}, "Phòng Tài chính - Kế hoạch"},
        {{"phong", "tc", "kh"}, "Phòng Tài chính - Kế hoạch"},
        {{"phong", "qldt"}, "Phòng Quản lý đô thị"},
        {{"so", "gtvt"}, "Sở Giao thông vận tải"},
        {{"so", "tttt"}, "Sở Thông tin và Truyền thông"},
        {{"so", "khcn"}, "Sở Khoa học và Công nghệ"},
        {{"so", "nn", "ptnt"}, "Sở Nông nghiệp và Phát triển nông thôn"},
        {{"so", "nnptnt"}, "Sở Nông nghiệp và Phát triển nông thôn"},
    };
    return list;
}

struct Head {
    std::vector<std::string> words;
    enum class Scope { required, optional } scope = Scope::required;
    bool capital = true;  // the first word must start with a capital letter
    enum class Canon { as_written, ubnd, groups } canon = Canon::as_written;
};

const std::vector<Head>& heads() {
    static const std::vector<Head> list = {
        {{"ubnd"}, Head::Scope::required, true, Head::Canon::ubnd},
        {{"uy", "ban", "nhan", "dan"}, Head::Scope::required, true, Head::Canon::ubnd},
        {{"cong", "an"}, Head::Scope::required, true, Head::Canon::as_written},
        {{"thanh", "tra"}, Head::Scope::required, true, Head::Canon::as_written},
        {{"ban", "chi", "huy", "quan", "su"}, Head::Scope::required, true, Head::Canon::as_written},
        {{"bo", "chi", "huy", "quan", "su"}, Head::Scope::required, true, Head::Canon::as_written},
        {{"uy", "ban", "mat", "tran", "to", "quoc", "viet", "nam"},
         Head::Scope::optional,
         true,
         Head::Canon::as_written},
        {{"uy", "ban", "mat", "tran", "to", "quoc"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"uy", "ban", "mttq", "viet", "nam"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"uy", "ban", "mttq"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"ubmttq"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"cac", "to", "chuc", "chinh", "tri", "xa", "hoi"}, Head::Scope::optional, false, Head::Canon::groups},
        {{"to", "chuc", "chinh", "tri", "xa", "hoi"}, Head::Scope::optional, false, Head::Canon::groups},
        {{"van", "phong", "hdnd", "va", "ubnd"}, Head::Scope::required, true, Head::Canon::as_written},
        {{"van", "phong", "ubnd"}, Head::Scope::required, true, Head::Canon::as_written},
        {{"ban", "quan", "ly", "du", "an", "dau", "tu", "xay", "dung"},
         Head::Scope::optional,
         true,
         Head::Canon::as_written},
        {{"kho", "bac", "nha", "nuoc"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"chi", "cuc", "thue"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"cuc", "thue"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"dai", "phat", "thanh", "va", "truyen", "hinh"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"hoi", "lien", "hiep", "phu", "nu"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"hoi", "nong", "dan"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"hoi", "cuu", "chien", "binh"}, Head::Scope::optional, true, Head::Canon::as_written},
        {{"lien", "doan", "lao", "dong"}, Head::Scope::optional, true, Head::Canon::as_written},
    };
    return list;
}

// Scopes that name the wards and communes as a whole.
const std::vector<std::vector<std::string>>& ward_scopes() {
    static const std::vector<std::vector<std::string>> list = {
        {"cac", "phuong", "xa"}, {"phuong", "xa"}, {"cac", "xa", "phuong"}, {"xa", "phuong"}, {"cap", "xa"},
    };
    return list;
}

const std::vector<std::vector<std::string>>& plural_scopes() {
    static const std::vector<std::vector<std::string>> list = {
        {"cac", "xa", "thi", "tran"},
        {"xa", "thi", "tran"},
        {"cac", "xa"},
        {"cac", "phuong"},
        {"cac", "huyen", "thi", "xa", "thanh", "pho"},
        {"cac", "huyen", "thanh", "pho"},
        {"cap", "huyen"},
        {"cac", "huyen"},
        {"cac", "quan", "huyen"},
    };
    return list;
}

const std::vector<std::vector<std::string>>& level_scopes() {
    static const std::vector<std::vector<std::string>> list = {
        {"thanh", "pho"}, {"thi", "xa"}, {"thi", "tran"}, {"tinh"}, {"huyen"}, {"quan"}, {"phuong"}, {"xa"}, {"tp"},
    };
    return list;
}

// Words that start another name, so a place name stops before them.
bool stops_place_name(const std::vector<Word>& words, std::size_t k) {
    static const std::vector<std::string> stops = {"ubnd",  "so",   "phong", "ban", "trung", "uy",   "bo",   "van",
                                                   "chi",   "hoi",  "doan",  "kho", "cuc",   "dai",  "luat", "ke",
                                                   "quyet", "nghi", "cac",   "ve",  "va",    "giao", "tham", "thong"};
    const auto& f = words[k].fold;
    if (std::find(stops.begin(), stops.end(), f) != stops.end()) return true;
    if (f == "cong" && k + 1 < words.size() && words[k + 1].fold == "an") return true;
    if (f == "thanh" && k + 1 < words.size() && words[k + 1].fold == "tra") return true;
    return false;
}

struct ScopeHit {
    std::size_t end = 0;
    bool ward = false;
};

ScopeHit match_scope(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    if (i >= words.size() || (i > 0 && !gap_only(text, words[i - 1], words[i], ""))) return {};
    for (const auto& s : ward_scopes())
        if (auto e = match_words(text, words, i, s, ",-")) return {e, true};
    for (const auto& s : plural_scopes())
        if (auto e = match_words(text, words, i, s, ",-")) return {e, false};
    for (const auto& s : level_scopes()) {
        auto e = match_words(text, words, i, s, "");
        if (!e) continue;
        // An optional place name: capitalised words ("Lạng Sơn", "Bà Rịa - Vũng Tàu").
        std::size_t k = e;
        while (k < words.size() && k < e + 4 && words[k].upper && !words[k].number && !stops_place_name(words, k) &&
               gap_only(text, words[k - 1], words[k], k == e ? "." : "-"))
            ++k;
        return {k, false};
    }
    return {};
}

std::string span(std::string_view text, const std::vector<Word>& words, std::size_t b, std::size_t e) {
    return collapse_spaces(text.substr(words[b].begin, words[e - 1].end - words[b].begin));
}

}  // namespace

std::vector<KnownName> known_names(const std::vector<std::string>& names) {
    std::vector<KnownName> out;
    for (const auto& n : names) {
        auto w = fold_words(n);
        if (w.size() >= 2) out.push_back({std::move(w), n});
    }
    return out;
}

std::size_t match_generic_partners(std::string_view text, const std::vector<Word>& words, std::size_t i) {
    static const std::vector<std::string> starts = {"co", "don", "nganh", "so", "phong", "ban", "dia", "to", "lien"};
    std::size_t k = i;
    if (k < words.size() && words[k].fold == "cac") ++k;
    if (k >= words.size() || std::find(starts.begin(), starts.end(), words[k].fold) == starts.end()) return 0;
    for (std::size_t j = k + 1; j < words.size() && j < k + 8; ++j) {
        if (!gap_only(text, words[j - 1], words[j], ",")) return 0;
        if (words[j].fold == "quan" && words[j - 1].fold == "lien") return j + 1;
    }
    return 0;
}

AgencyHit match_agency_at(std::string_view text, const std::vector<Word>& words, std::size_t i,
                          const std::vector<KnownName>& known) {
    AgencyHit best;
    if (i >= words.size()) return best;
    auto consider = [&](std::size_t end, std::string name) {
        if (end > best.end_word) {
            best.end_word = end;
            best.name = std::move(name);
        }
    };
    // Names from the document's own headings.
    for (const auto& k : known)
        if (auto e = match_words(text, words, i, k.words, ",-&")) consider(e, k.name);
    // Standard names (need a capital: "phòng, chống" is not a department).
    if (words[i].upper) {
        static const std::vector<KnownName> standard = known_names(standard_names());
        for (const auto& k : standard)
            if (auto e = match_words(text, words, i, k.words, ",-&")) consider(e, k.name);
        for (const auto& a : abbreviations())
            if (auto e = match_words(text, words, i, a.words, "&-")) consider(e, std::string(a.name));
    }
    // Heads with a scope.
    for (const auto& h : heads()) {
        if (h.capital && !words[i].upper) continue;
        auto e = match_words(text, words, i, h.words, "-");
        if (!e) continue;
        // "Sở" and "Số" fold alike; only the heads above that start with the exact word count.
        auto scope = match_scope(text, words, e);
        if (!scope.end && h.scope == Head::Scope::required) continue;
        std::size_t end = scope.end ? scope.end : e;
        std::string name;
        switch (h.canon) {
            case Head::Canon::ubnd:
                name = scope.ward ? "UBND các phường, xã" : "UBND " + span(text, words, e, end);
                break;
            case Head::Canon::groups:
                name = "Các tổ chức chính trị - xã hội";
                if (scope.end) name += " " + span(text, words, e, end);
                break;
            case Head::Canon::as_written:
                name = capitalise(span(text, words, i, end));
                if (scope.ward && (h.words == std::vector<std::string>{"cong", "an"})) name = "Công an phường, xã";
                break;
        }
        consider(end, std::move(name));
    }
    // "Sở" is a department only when written so (not "Số").
    auto word = text.substr(words[i].begin, words[i].end - words[i].begin);
    if (best.end_word && words[i].fold == "so" && word != "Sở" && word != "SỞ") return {};
    return best;
}

}  // namespace import_detail

namespace recognise {

using namespace import_detail;

std::vector<AgencyName> find_agencies(std::string_view text, const std::vector<std::string>& known) {
    return find_agencies_in(text, known_names(known));
}

bool looks_like_agency(std::string_view text, const std::vector<std::string>& known) {
    return looks_like_agency_in(text, known_names(known));
}

}  // namespace recognise

namespace import_detail {

using recognise::agency_kind;
using recognise::AgencyName;

std::vector<AgencyName> find_agencies_in(std::string_view text, const std::vector<KnownName>& kn) {
    std::vector<AgencyName> out;
    auto words = split_words(text);
    for (std::size_t i = 0; i < words.size();) {
        auto hit = match_agency_at(text, words, i, kn);
        if (!hit.end_word) {
            ++i;
            continue;
        }
        AgencyName a;
        a.kind = agency_kind(hit.name);
        a.name = std::move(hit.name);
        a.begin = words[i].begin;
        a.end = words[hit.end_word - 1].end;
        out.push_back(std::move(a));
        i = hit.end_word;
    }
    return out;
}

}  // namespace import_detail

namespace recognise {

OwnerKind agency_kind(std::string_view name) {
    std::string k = folded_key(name);
    auto starts = [&](std::string_view p) {
        return k.compare(0, p.size(), p) == 0 && (k.size() == p.size() || k[p.size()] == ' ');
    };
    if (starts("ubnd") || starts("uy ban nhan dan")) {
        for (std::string_view w : {"phuong xa", "cap xa", "xa phuong", "cac xa", "cac phuong", "xa thi tran"})
            if (k.find(w) != std::string::npos) return OwnerKind::ward_committees;
        return OwnerKind::people_committee;
    }
    if (starts("cac")) return OwnerKind::group;
    if (starts("cong an")) return OwnerKind::police;
    if (starts("ban chi huy quan su") || starts("bo chi huy quan su")) return OwnerKind::military;
    if (starts("thanh tra")) return OwnerKind::inspectorate;
    if (starts("ban quan ly du an")) return OwnerKind::project_board;
    if (starts("trung tam")) return OwnerKind::centre;
    if (starts("phong") || starts("so") || starts("van phong") || starts("chi cuc") || starts("cuc"))
        return OwnerKind::department;
    return OwnerKind::other;
}

}  // namespace recognise

namespace import_detail {

bool looks_like_agency_in(std::string_view text, const std::vector<KnownName>& kn) {
    auto t = trim(text);
    if (t.empty() || t.back() == '.') return false;
    auto words = split_words(t);
    if (words.empty() || words.size() > 20 || words.front().begin != 0 || !words.front().upper) return false;
    if (match_agency_at(t, words, 0, kn).end_word) return true;
    const std::string& f = words.front().fold;
    std::string second = words.size() > 1 ? words[1].fold : "";
    static const std::vector<std::string> single = {"phong", "ban", "ubnd", "cac", "cuc", "hoi", "dai", "truong"};
    static const std::vector<std::pair<std::string, std::string>> pairs = {
        {"cong", "an"},   {"thanh", "tra"},  {"trung", "tam"}, {"van", "phong"}, {"chi", "cuc"},   {"chi", "nhanh"},
        {"uy", "ban"},    {"kho", "bac"},    {"ngan", "hang"}, {"lien", "doan"}, {"lien", "minh"}, {"bo", "chi"},
        {"hat", "kiem"},  {"bao", "hiem"},   {"hiep", "hoi"},  {"benh", "vien"}, {"dien", "luc"},  {"toa", "an"},
        {"vien", "kiem"}, {"doan", "thanh"}, {"cong", "ty"},
    };
    if (f == "so") {
        auto w = t.substr(0, words.front().end);
        return w == "Sở" || w == "SỞ";
    }
    if (f == "phong" && (second == "chong" || second == "ngua" || second == "tranh")) return false;
    if (f == "ban" && second == "hanh") return false;
    if (std::find(single.begin(), single.end(), f) != single.end()) return true;
    return std::any_of(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == f && p.second == second; });
}

}  // namespace import_detail
}  // namespace pgi
