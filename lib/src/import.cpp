// The plan builder of `pgi import`: walks the prepared paragraphs, region by region, and
// assembles a Plan that validate_plan() accepts (contract in pgi/import.hpp).
//
// Regions follow the usual shape of a plan (../shared/domain.md, and the seed):
//   header        number (Số: …), place and date, issuing body
//   title         after the line KẾ HOẠCH
//   preamble      "Thực hiện Kế hoạch số …" (parents), "Căn cứ …" (references)
//   purpose       I. MỤC ĐÍCH, YÊU CẦU / MỤC TIÊU (targets only)
//   tasks         II. NHIỆM VỤ, GIẢI PHÁP: component sections, owner headings, tasks
//   organisation  III. TỔ CHỨC THỰC HIỆN: focal agency, reports (never tasks)
//   signature     CHỦ TỊCH, Nơi nhận … (ignored)
//   annex         PHỤ LỤC: tables of tasks
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "import_detail.hpp"
#include "pgi/import.hpp"
#include "pgi/text.hpp"
#include "pgi/validate.hpp"

namespace pgi {

namespace {

using namespace recognise;
using namespace import_detail;

enum class Region { header, preamble, purpose, tasks, organisation, other, signature, annex };

std::string clean_owner_name(std::string_view s) {
    auto t = trim_end_chars(trim(s), ":.;,");
    while (!t.empty() && (t.front() == '(' || t.front() == '-')) t = trim(t.substr(1));
    return capitalise(collapse_spaces(t));
}

// The folded words of the start of `text` (about 12 words): enough to recognise a heading
// without folding a long paragraph.
std::string head_key(std::string_view text) { return folded_key(text.substr(0, std::min<std::size_t>(text.size(), 96))); }

bool starts_with_key(const std::string& key, std::string_view prefix) {
    return key.compare(0, prefix.size(), prefix) == 0 && (key.size() == prefix.size() || key[prefix.size()] == ' ');
}

bool contains_key(const std::string& key, std::string_view phrase) {
    std::size_t p = 0;
    while ((p = key.find(phrase, p)) != std::string::npos) {
        if ((p == 0 || key[p - 1] == ' ') && (p + phrase.size() == key.size() || key[p + phrase.size()] == ' '))
            return true;
        ++p;
    }
    return false;
}

std::string ordinal(int n) {
    static const char* words[] = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"};
    return n >= 1 && n <= 9 ? words[n] : fmt::format("{}th", n);
}

std::string letter_list(const std::vector<std::string>& letters) {
    std::string out;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        if (i) out += ", ";
        out += letters[i] + ")";
    }
    return out;
}

void append_note(std::string& note, const std::string& more) {
    if (more.empty()) return;
    if (!note.empty()) note += ' ';
    note += more;
}

// The component name as a heading writes it: the quoted name, else the text after
// "Chỉ số [thành phần] [N]:".
std::string component_name_from(std::string_view text) {
    auto open = text.find("“");
    if (open != std::string_view::npos) {
        auto close = text.find("”", open + 3);
        if (close != std::string_view::npos) return collapse_spaces(text.substr(open + 3, close - open - 3));
    }
    auto q = text.find('"');
    if (q != std::string_view::npos) {
        auto q2 = text.find('"', q + 1);
        if (q2 != std::string_view::npos) return collapse_spaces(text.substr(q + 1, q2 - q - 1));
    }
    auto words = split_words(text);
    std::size_t k = 0;
    if (k + 1 < words.size() && words[k].fold == "chi" && words[k + 1].fold == "so") {
        k += 2;
        if (k + 1 < words.size() && words[k].fold == "thanh" && words[k + 1].fold == "phan") k += 2;
        if (k < words.size() && words[k].fold == "so") ++k;
        if (k < words.size() && words[k].number) ++k;
    }
    if (k >= words.size()) return collapse_spaces(trim_end_chars(text, ":."));
    return collapse_spaces(trim_end_chars(text.substr(words[k].begin), ":.;"));
}

// A component named in a sentence: a quoted name (returned in `quoted`), or a name/alias
// contained in the text.
const ReferenceComponent* component_in_sentence(std::string_view text, std::string* quoted = nullptr) {
    for (std::string_view open : {"“", "\""}) {
        std::size_t p = 0;
        while ((p = text.find(open, p)) != std::string_view::npos) {
            std::string_view close = open == "“" ? "”" : "\"";
            auto e = text.find(close, p + open.size());
            if (e == std::string_view::npos) break;
            auto inner = text.substr(p + open.size(), e - p - open.size());
            if (auto c = match_component(inner)) {
                if (quoted) *quoted = collapse_spaces(inner);
                return c;
            }
            p = e + close.size();
        }
    }
    std::string key = folded_key(text);
    const ReferenceComponent* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& c : reference_components()) {
        std::vector<std::string> names{c.name, c.name_long};
        names.insert(names.end(), c.aliases.begin(), c.aliases.end());
        for (const auto& n : names) {
            std::string k = folded_key(n);
            if (k.size() > best_len && contains_key(key, k)) {
                best = &c;
                best_len = k.size();
            }
        }
    }
    return best;
}

struct CompData {
    const ReferenceComponent* ref = nullptr;
    std::string name;
    std::optional<Baseline> baseline;
    std::vector<Target> targets;
    SourceLocation location;
};

struct Heading {
    std::string letter;      // as written: "đ"
    std::string key;         // in ids: "dd", "d-2"
    int occurrence = 1;
    std::string owner;       // lead owner id
    std::string owner_name;
    int line = 0;
    std::vector<std::size_t> tasks;  // indices into tasks_
    std::string bullet;      // the bullet character of its tasks
    std::vector<std::string> cooperating;  // named in the heading: "X chủ trì, phối hợp Y"
    int count = 0;           // tasks so far (inline + bullets)
};

struct Section {  // a component section of the tasks region
    const ReferenceComponent* ref = nullptr;
    std::string label;   // "1"
    std::string source;  // "II.1"
    int line = 0;
    bool has_target = false;
    std::vector<LetterUse> letters;
    std::vector<Heading> headings;
};

struct Table {
    int stt = -1, task = -1, lead = -1, coop = -1, deadline = -1, product = -1, component = -1;
    bool active = false;
};

class Builder {
public:
    Builder(const PreparedText& prep, std::string file, Diagnostics& diags)
        : paras_(prep.paragraphs), footnotes_(prep.footnotes), file_(std::move(file)), diags_(diags) {}

    std::optional<Plan> build();

private:
    const std::vector<Paragraph>& paras_;
    const std::vector<Footnote>& footnotes_;
    std::string file_;
    Diagnostics& diags_;

    // Collected
    PlanMeta meta_;
    bool have_number_ = false, have_issued_ = false;
    std::string issuer_level_;        // "thành phố" from "UBND thành phố ban hành"
    std::vector<std::string> title_parts_;
    int title_line_ = 0;
    std::map<std::string, CompData> comps_;
    std::vector<Target> total_targets_;
    std::vector<Owner> owners_;
    std::vector<Task> tasks_;
    std::set<std::string> task_ids_;
    std::vector<std::string> known_;
    std::vector<KnownName> known_words_;
    std::vector<std::pair<int, CitedDocument>> cited_;  // line, document
    std::vector<std::string> parent_numbers_;
    std::string focal_;
    std::vector<std::pair<ReportDeadline, bool>> reports_;  // report, `to` given explicitly
    std::optional<Section> section_;
    std::string roman_;  // the current roman section label
    Region region_ = Region::header;
    std::string num_label_;
    Table table_;
    std::string table_section_;  // label of the current annex group row ("I")
    const ReferenceComponent* table_component_ = nullptr;
    int table_rows_ = 0;
    int table_headers_ = 0;  // tables with a task and a lead column
    int annex_line_ = 0;     // the first PHỤ LỤC heading

    SourceLocation at(int line, int column = 1) const { return SourceLocation{file_, line, column}; }

    // ---- Owners ----
    std::string add_owner(std::string_view name, int line) {
        std::string n = clean_owner_name(name);
        std::string id = ascii_slug(n);
        if (id.empty() || !std::isalnum(static_cast<unsigned char>(id[0]))) return {};
        for (const auto& o : owners_)
            if (o.id == id) return id;
        Owner o;
        o.id = id;
        o.name = n;
        o.kind = agency_kind(n);
        o.location = at(line);
        owners_.push_back(std::move(o));
        return id;
    }

    // The canonical form of a name when it is one agency find_agencies() knows.
    std::string canonical(std::string_view name) {
        auto t = trim_end_chars(trim(name), ":.;,");
        auto words = split_words(t);
        if (words.empty()) return std::string(t);
        auto hit = match_agency_at(t, words, 0, known_words_);
        if (hit.end_word == words.size()) return hit.name;
        return std::string(t);
    }

    // Splits "A, B và C" where each part starts an agency name.
    std::vector<std::string> split_agency_list(std::string_view text) {
        std::vector<std::string> parts;
        std::string_view t = trim(text);
        auto words = split_words(t);
        std::size_t part_begin = 0;
        for (std::size_t j = 1; j < words.size(); ++j) {
            std::string_view gap = t.substr(words[j - 1].end, words[j].begin - words[j - 1].end);
            std::size_t next = std::string_view::npos, cut = std::string_view::npos;
            bool hard = gap.find(';') != std::string_view::npos || gap.find('\n') != std::string_view::npos;
            if (hard || gap.find(',') != std::string_view::npos) {
                next = words[j].begin;
                cut = words[j - 1].end;
            } else if (words[j].fold == "va" && j + 1 < words.size() && j > 0) {
                next = words[j + 1].begin;
                cut = words[j - 1].end;
            }
            if (next == std::string_view::npos) continue;
            std::string_view rest = t.substr(next);
            auto rest_words = split_words(rest);
            // ";" always separates; "," and "và" only before another agency's name.
            bool agency = hard || (!rest_words.empty() &&
                                   (match_agency_at(rest, rest_words, 0, known_words_).end_word > 0 ||
                                    looks_like_agency(rest)));
            if (!agency) continue;
            parts.emplace_back(trim_end_chars(t.substr(part_begin, cut - part_begin), ",;"));
            part_begin = next;
        }
        parts.emplace_back(trim_end_chars(t.substr(part_begin), ",;.:"));
        parts.erase(std::remove_if(parts.begin(), parts.end(), [](const std::string& s) { return s.empty(); }),
                    parts.end());
        return parts;
    }

    // An owner heading or a lead cell: one agency, or a group of several.
    std::string add_lead(std::string_view name, int line) {
        auto parts = split_agency_list(name);
        if (parts.size() <= 1) return add_owner(canonical(name), line);
        std::vector<std::string> members;
        for (const auto& p : parts) {
            auto id = add_owner(canonical(p), line);
            if (!id.empty() && std::find(members.begin(), members.end(), id) == members.end()) members.push_back(id);
        }
        auto id = add_owner(name, line);
        // The heading names several agencies: it is a group of them (unless a member's own
        // name slugs the same, which cannot make a group of itself).
        if (members.size() > 1 || (members.size() == 1 && members.front() != id))
            for (auto& o : owners_)
                if (o.id == id && o.members.empty() && std::find(members.begin(), members.end(), id) == members.end()) {
                    o.kind = OwnerKind::group;
                    o.members = members;
                }
        return id;
    }

    // "Phòng Kinh tế (chủ trì)", "Phòng Kinh tế chủ trì, phối hợp": the heading's agency
    // without the words about its role.
    std::string agency_part(std::string_view name) {
        auto t = trim(name);
        auto words = split_words(t);
        auto hit = match_agency_at(t, words, 0, known_words_);
        if (!hit.end_word || hit.end_word >= words.size()) return std::string(t);
        std::string rest = folded_key(t.substr(words[hit.end_word - 1].end));
        std::string_view gap = t.substr(words[hit.end_word - 1].end, words[hit.end_word].begin - words[hit.end_word - 1].end);
        if (starts_with_key(rest, "chu tri") || starts_with_key(rest, "phoi hop") ||
            trim(gap).substr(0, 1) == "(")
            return hit.name;
        return std::string(t);
    }

    void add_mentions(std::string_view text, int line) {
        for (const auto& a : find_agencies_in(text, known_words_)) add_owner(a.name, line);
    }

    // "phối hợp [với] A, B và các cơ quan liên quan" -> A, B.
    std::vector<std::string> cooperating(std::string_view text, int line, const std::string& lead) {
        std::vector<std::string> out;
        auto words = split_words(text);
        for (std::size_t i = 0; i + 1 < words.size(); ++i) {
            if (words[i].fold != "phoi" || words[i + 1].fold != "hop") continue;
            std::size_t k = i + 2;
            if (k < words.size() && words[k].fold == "voi") ++k;
            while (k < words.size()) {
                auto hit = match_agency_at(text, words, k, known_words_);
                if (hit.end_word) {
                    auto id = add_owner(hit.name, line);
                    if (!id.empty() && id != lead && std::find(out.begin(), out.end(), id) == out.end())
                        out.push_back(id);
                    k = hit.end_word;
                } else if (auto g = match_generic_partners(text, words, k)) {
                    k = g;
                } else {
                    break;
                }
                if (k >= words.size()) break;
                std::string_view gap = text.substr(words[k - 1].end, words[k].begin - words[k - 1].end);
                if (gap.find(',') != std::string_view::npos && gap.find_first_of(";.:") == std::string_view::npos)
                    continue;
                if (words[k].fold == "va" && gap.find_first_not_of(' ') == std::string_view::npos) {
                    ++k;
                    continue;
                }
                break;
            }
            i = k > i ? k - 1 : i;
        }
        return out;
    }

    // ---- Regions ----
    static Region classify_roman(const std::string& key) {
        if (contains_key(key, "nhiem vu") || contains_key(key, "giai phap")) return Region::tasks;
        if (contains_key(key, "to chuc thuc hien")) return Region::organisation;
        if (contains_key(key, "muc dich") || contains_key(key, "muc tieu") || contains_key(key, "yeu cau") ||
            contains_key(key, "quan diem"))
            return Region::purpose;
        return Region::other;
    }

    static bool is_signature(const Paragraph& p) {
        if (p.text.size() > 200) return false;
        std::string key = folded_key(p.text);
        if (starts_with_key(key, "noi nhan")) return true;
        if (!is_uppercase_text(p.text)) return false;
        return key == "chu tich" || key == "pho chu tich" || starts_with_key(key, "kt chu tich") ||
               starts_with_key(key, "tm uy ban nhan dan") || starts_with_key(key, "tm ubnd") ||
               starts_with_key(key, "kt ubnd");
    }

    static bool is_annex_heading(const Paragraph& p) {
        if (p.table_row || p.text.size() > 200) return false;
        std::string key = folded_key(p.text);
        return starts_with_key(key, "phu luc") && std::count(key.begin(), key.end(), ' ') < 16;
    }

    // ---- Header ----
    void header_paragraph(const Paragraph& p) {
        header_.push_back(&p);
        if (!have_number_) {
            if (auto n = parse_document_number(p.text)) {
                meta_.document_number = *n;
                have_number_ = true;
                return;
            }
        }
        std::string key = folded_key(p.text);
        if (!have_issued_ && contains_key(key, "thang") && contains_key(key, "nam")) {
            auto dates = find_dates(p.text);
            if (!dates.empty()) {
                meta_.issued = dates.front().date;
                have_issued_ = true;
                auto comma = p.text.find(',');
                if (comma != std::string::npos && comma < dates.front().begin && comma < 80)
                    meta_.place = collapse_spaces(p.text.substr(0, comma));
                return;
            }
        }
    }
    std::vector<const Paragraph*> header_;

    // The issuing body from the capitalised header: "ỦY BAN NHÂN DÂN" with the level and
    // place on the same or one of the next lines.
    std::string issuer_from_header_lines() const {
        for (std::size_t i = 0; i < header_.size(); ++i) {
            const auto& t = header_[i]->text;
            std::string key = folded_key(t);
            if (!is_uppercase_text(t) || !(starts_with_key(key, "uy ban nhan dan") || starts_with_key(key, "ubnd")))
                continue;
            if (auto s = issuer_from_header(t); !s.empty()) return s;
            for (std::size_t j = i + 1; j < header_.size() && j < i + 4; ++j)
                if (is_uppercase_text(header_[j]->text))
                    if (auto s = issuer_from_header(t + " " + header_[j]->text); !s.empty()) return s;
        }
        return {};
    }

    // "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN" -> "UBND thành phố Lạng Sơn".
    static std::string issuer_from_header(const std::string& text) {
        auto words = split_words(text);
        std::size_t k = 0;
        if (k < words.size() && words[k].fold == "ubnd") k = 1;
        else if (k + 3 < words.size() && words[0].fold == "uy" && words[1].fold == "ban" && words[2].fold == "nhan" &&
                 words[3].fold == "dan")
            k = 4;
        else return {};
        static const std::vector<std::pair<std::vector<std::string>, std::string>> levels = {
            {{"thanh", "pho"}, "thành phố"}, {{"thi", "xa"}, "thị xã"}, {{"tinh"}, "tỉnh"}, {{"huyen"}, "huyện"},
            {{"quan"}, "quận"}};
        for (const auto& [lw, lname] : levels) {
            auto e = match_words(text, words, k, lw, "");
            if (!e) continue;
            std::string place;
            for (std::size_t w = e; w < words.size() && w < e + 4; ++w) {
                if (words[w].fold == "cong" && w + 1 < words.size() && words[w + 1].fold == "hoa") break;
                std::string word = lower(text.substr(words[w].begin, words[w].end - words[w].begin));
                if (!place.empty()) place += ' ';
                place += capitalise(word);
            }
            return "UBND " + lname + (place.empty() ? "" : " " + place);
        }
        return {};
    }

    // ---- Targets ----
    void add_targets(const ReferenceComponent* ref, const TargetStatement& st, int line, const std::string& source,
                     const std::string& name_hint) {
        auto& c = comps_[ref->id];
        if (!c.ref) {
            c.ref = ref;
            c.location = at(line);
        }
        if (c.name.empty() && !name_hint.empty()) c.name = name_hint;
        if (st.baseline_score && !c.baseline) {
            Baseline b;
            b.year = *st.baseline_year;
            b.score = *st.baseline_score;
            b.location = at(line);
            c.baseline = b;
        }
        for (const auto& s : st.scores) {
            Target t;
            t.year = s.year;
            t.kind = TargetKind::score;
            t.score = s.score;
            t.stated_increase = s.increase;
            t.source = source;
            t.location = at(line);
            c.targets.push_back(t);
        }
        for (const auto& r : st.ranks) {
            Target t;
            t.year = r.year;
            t.kind = r.kind;
            t.rank = r.rank;
            t.source = source;
            t.location = at(line);
            c.targets.push_back(t);
        }
    }

    void touch_component(const ReferenceComponent* ref, int line, const std::string& name) {
        auto& c = comps_[ref->id];
        if (!c.ref) {
            c.ref = ref;
            c.location = at(line);
        }
        if (c.name.empty()) c.name = name;
    }

    std::string source_of(const std::string& label) const {
        if (roman_.empty()) return label;
        return label.empty() ? roman_ : roman_ + "." + label;
    }

    // Targets named outside component sections: "Chỉ số “…” đạt …" or the total PGI.
    bool free_targets(const Paragraph& p, const std::string& label) {
        std::string_view text = std::string_view(p.text).substr(p.marker.text_begin);
        auto st = parse_target_statement(text);
        if (st.empty()) return false;
        std::string quoted;
        if (auto ref = component_in_sentence(text, &quoted)) {
            add_targets(ref, st, p.line, source_of(label), quoted);
            return true;
        }
        std::string key = folded_key(text);
        if (contains_key(key, "pgi") || contains_key(key, "chi so xanh")) {
            for (const auto& s : st.scores) {
                Target t;
                t.year = s.year;
                t.score = s.score;
                t.source = source_of(label);
                t.location = at(p.line);
                total_targets_.push_back(t);
            }
            for (const auto& r : st.ranks) {
                Target t;
                t.year = r.year;
                t.kind = r.kind;
                t.rank = r.rank;
                t.source = source_of(label);
                t.location = at(p.line);
                total_targets_.push_back(t);
            }
            return true;
        }
        return false;
    }

    // ---- Tasks ----
    std::string unique_id(std::string id) {
        if (task_ids_.insert(id).second) return id;
        for (int k = 2;; ++k) {
            auto alt = fmt::format("{}-{}", id, k);
            if (task_ids_.insert(alt).second) return alt;
        }
    }

    std::string footnote_note(const Paragraph& p) {
        std::string note;
        for (int f : p.footnotes) {
            if (f < 0 || static_cast<std::size_t>(f) >= footnotes_.size()) continue;
            append_note(note, footnotes_[static_cast<std::size_t>(f)].text);
            used_footnotes_.insert(f);
        }
        return note;
    }
    std::set<int> used_footnotes_;

    std::optional<PartialDate> due_in_text(std::string_view text) const {
        auto words = split_words(text);
        for (std::size_t w = 0; w < words.size(); ++w) {
            std::size_t next = 0;
            if (words[w].fold == "truoc" && w + 1 < words.size() &&
                (words[w + 1].fold == "ngay" || words[w + 1].number || words[w + 1].fold == "quy" ||
                 words[w + 1].fold == "thang"))
                next = w + 1;
            else if (words[w].fold == "cham" && w + 1 < words.size() && words[w + 1].fold == "nhat" && w + 2 < words.size())
                next = w + 2;
            else if (words[w].fold == "hoan" && w + 2 < words.size() && words[w + 1].fold == "thanh" &&
                     (words[w + 2].fold == "trong" || words[w + 2].fold == "truoc") && w + 3 < words.size())
                next = w + 3;
            if (!next) continue;
            auto window = text.substr(words[next].begin, std::min<std::size_t>(32, text.size() - words[next].begin));
            auto d = parse_deadline(window, default_year());
            if (d.due) return d.due;
        }
        return std::nullopt;
    }

    void add_task(const Paragraph& p, std::string_view text, std::string lead) {
        auto& sec = *section_;
        auto& h = sec.headings.back();
        std::string body = collapse_spaces(text);
        // "UBND các phường, xã: …" under a heading: that agency leads.
        auto colon = body.find(':');
        if (colon != std::string::npos && colon < 160) {
            std::string_view prefix = trim(std::string_view(body).substr(0, colon));
            auto words = split_words(prefix);
            if (!words.empty() && words.size() <= 12) {
                auto hit = match_agency_at(prefix, words, 0, known_words_);
                if (hit.end_word == words.size()) {
                    lead = add_owner(hit.name, p.line);
                    body = collapse_spaces(std::string_view(body).substr(colon + 1));
                }
            }
        }
        if (body.empty()) return;
        ++h.count;
        Task t;
        std::string path = fmt::format("{}.{}", h.key, h.count);
        t.id = unique_id(fmt::format("c{}.{}", sec.ref->number, path));
        t.component = sec.ref->id;
        t.lead = lead;
        t.text = body;
        t.cooperating = cooperating(body, p.line, lead);
        for (auto it = h.cooperating.rbegin(); it != h.cooperating.rend(); ++it)
            if (*it != lead && std::find(t.cooperating.begin(), t.cooperating.end(), *it) == t.cooperating.end())
                t.cooperating.insert(t.cooperating.begin(), *it);
        t.recurrence = infer_recurrence(body);
        t.due = due_in_text(body);
        if (t.due) t.recurrence = Recurrence::none;
        t.source = fmt::format("{}.{}", sec.source, path);
        t.note = footnote_note(p);
        t.location = at(p.line);
        add_mentions(body, p.line);
        h.tasks.push_back(tasks_.size());
        tasks_.push_back(std::move(t));
    }

    void close_section() {
        if (!section_) return;
        auto& sec = *section_;
        std::string where = sec.source;
        for (const auto& a : check_lettering(sec.letters)) {
            Diagnostic d;
            d.severity = Severity::warning;
            d.location = at(a.line);
            if (a.kind == LetterAnomaly::Kind::repeated) {
                d.code = "repeated-letter";
                d.message = fmt::format("section {} uses the list letter {}) twice (first at line {})", where, a.letter,
                                        a.other_line);
                d.hint = fmt::format("the tasks under the second {}) get ids and sources with `{}-2`", a.letter,
                                     letter_id(a.letter));
                d.related.push_back(at(a.other_line));
            } else if (a.kind == LetterAnomaly::Kind::skipped) {
                d.code = "skipped-letter";
                d.message = a.previous.empty()
                                ? fmt::format("section {} skips the list letter{} {} before {})", where,
                                              a.missing.size() > 1 ? "s" : "", letter_list(a.missing), a.letter)
                                : fmt::format("section {} skips the list letter{} {}: {}) at line {} is followed by {})",
                                              where, a.missing.size() > 1 ? "s" : "", letter_list(a.missing), a.previous,
                                              a.other_line, a.letter);
                d.hint = "ids keep the document's letters; check whether a heading was lost";
                if (a.other_line) d.related.push_back(at(a.other_line));
            } else {
                d.code = "out-of-order-letter";
                d.message = fmt::format("section {}: list letter {}) at line {} comes after {}) (line {})", where,
                                        a.letter, a.line, a.previous, a.other_line);
                d.related.push_back(at(a.other_line));
            }
            diags_.add(d);
            // Notes on the tasks, as the shipped example does.
            std::vector<std::string> all;
            for (const auto& h : sec.headings) all.push_back(h.letter);
            for (auto& h : sec.headings) {
                if (h.line != a.line) continue;
                std::string note;
                if (a.kind == LetterAnomaly::Kind::repeated) {
                    const Heading* first = nullptr;
                    for (const auto& f : sec.headings)
                        if (f.letter == h.letter && f.occurrence == 1) first = &f;
                    std::string first_desc;
                    if (first) {
                        first_desc = first->owner_name;
                        if (!first->tasks.empty()) first_desc += " (" + tasks_[first->tasks.front()].id + ")";
                    }
                    note = fmt::format("The document repeats the letter {}) in section {}: this is the {} {}) ({}){}.",
                                       h.letter, where, ordinal(h.occurrence), h.letter, h.owner_name,
                                       first ? "; the first " + h.letter + ") is " + first_desc : "");
                } else if (a.kind == LetterAnomaly::Kind::skipped) {
                    note = fmt::format("The document skips the letter{} {} in section {}: the headings run {}.",
                                       a.missing.size() > 1 ? "s" : "", letter_list(a.missing), where, letter_list(all));
                } else {
                    note = fmt::format("The document lists {}) after {}) in section {}.", h.letter, a.previous, where);
                }
                for (auto idx : h.tasks) append_note(tasks_[idx].note, note);
            }
        }
        if (!sec.has_target)
            diags_.warning(at(sec.line), "missing-target",
                           fmt::format("component section {} states no target (\"Mục tiêu … đạt … điểm\")", where),
                           "add the target and baseline to the plan by hand");
        section_.reset();
    }

    void start_component_section(const Paragraph& p, const ReferenceComponent* ref, const std::string& label,
                                 std::string_view heading) {
        close_section();
        skipping_ = false;
        Section s;
        s.ref = ref;
        s.label = label;
        s.source = source_of(label);
        s.line = p.line;
        section_ = s;
        touch_component(ref, p.line, component_name_from(heading));
    }

    void tasks_paragraph(const Paragraph& p) {
        std::string_view rest = std::string_view(p.text).substr(p.marker.text_begin);
        if (p.marker.kind == ListMarker::Kind::number) {
            const ReferenceComponent* ref = match_component(component_name_from(rest));
            if (!ref && contains_key(folded_key(rest), "chi so")) ref = component_in_sentence(rest);
            if (ref) {
                start_component_section(p, ref, p.marker.label, rest);
                return;
            }
            close_section();
            skipping_ = true;
            if (contains_key(folded_key(rest), "chi so")) {
                diags_.warning(at(p.line), "unmatched-component",
                               fmt::format("section `{}` names no known PGI component; its tasks are skipped",
                                           collapse_spaces(p.text)),
                               "component names are matched with data/pgi-components.yaml; rename the heading to "
                               "one of the four component names");
            } else if (!free_targets(p, p.marker.label)) {
                unplaced(p, "a numbered heading that names no component");
            }
            return;
        }
        if (!section_) {
            if (free_targets(p, "")) return;
            if (skipping_) return;  // under an unmatched component: already reported
            if (p.marker.kind == ListMarker::Kind::none && (is_uppercase_text(p.text) || p.text.front() == '('))
                return;
            unplaced(p, "outside any component section");
            return;
        }
        auto& sec = *section_;
        if (p.marker.kind == ListMarker::Kind::letter) {
            sec.letters.push_back({p.marker.label, p.line});
            std::string_view name = rest, inline_text;
            auto colon = rest.find(':');
            if (colon != std::string_view::npos) {
                name = trim(rest.substr(0, colon));
                inline_text = trim(rest.substr(colon + 1));
            }
            Heading h;
            h.letter = p.marker.label;
            h.occurrence = 1;
            for (const auto& o : sec.headings)
                if (o.letter == h.letter) ++h.occurrence;
            h.key = letter_id(h.letter) + (h.occurrence > 1 ? fmt::format("-{}", h.occurrence) : "");
            h.line = p.line;
            if (!looks_like_agency_in(name, known_words_)) {
                sec.headings.push_back(h);
                sec.headings.back().owner.clear();
                unplaced(p, "a lettered item that does not name an agency");
                return;
            }
            h.owner = add_lead(agency_part(name), p.line);
            for (const auto& o : owners_)
                if (o.id == h.owner) h.owner_name = o.name;
            h.cooperating = cooperating(name, p.line, h.owner);  // "X chủ trì, phối hợp Y"
            sec.headings.push_back(h);
            if (!inline_text.empty()) add_task(p, inline_text, h.owner);
            return;
        }
        if (sec.headings.empty() || sec.headings.back().owner.empty()) {
            auto st = parse_target_statement(rest);
            if (!st.empty()) {
                add_targets(sec.ref, st, p.line, sec.source, "");
                sec.has_target = true;
                return;
            }
            if (sec.headings.empty() && p.marker.kind == ListMarker::Kind::none && is_uppercase_text(p.text)) return;
            unplaced(p, sec.headings.empty() ? "before the first owner heading of the section"
                                             : "under a lettered item that names no agency");
            return;
        }
        auto& h = sec.headings.back();
        if (p.marker.kind == ListMarker::Kind::bullet) {
            if (h.bullet.empty()) h.bullet = p.marker.label;
            if (p.marker.label != h.bullet && !h.tasks.empty()) {  // a sub-item of the task before
                auto& t = tasks_[h.tasks.back()];
                t.text += "\n" + p.marker.label + " " + collapse_spaces(rest);
                add_mentions(rest, p.line);
                append_note(t.note, footnote_note(p));
                return;
            }
            add_task(p, rest, h.owner);
            return;
        }
        if (p.marker.kind == ListMarker::Kind::none) {
            if (!h.tasks.empty() && !tasks_[h.tasks.back()].text.empty() && tasks_[h.tasks.back()].text.back() == ':') {
                auto& t = tasks_[h.tasks.back()];
                t.text += "\n" + collapse_spaces(rest);
                return;
            }
            add_task(p, rest, h.owner);
            return;
        }
        unplaced(p, "not a task, an owner heading or a target");
    }
    bool skipping_ = false;

    void unplaced(const Paragraph& p, std::string_view why) {
        std::string excerpt = collapse_spaces(p.text);
        if (code_point_count(excerpt) > 60) {
            std::size_t cut = 0, cps = 0;
            while (cut < excerpt.size() && cps < 57) {
                std::size_t n = 0;
                decode_at(excerpt, cut, n);
                cut += n;
                ++cps;
            }
            excerpt = excerpt.substr(0, cut) + "…";
        }
        diags_.warning(at(p.line), "unplaced-paragraph", fmt::format("paragraph not imported ({}): \"{}\"", why, excerpt),
                       "add it to the plan by hand if it is a task");
    }

    // ---- Organisation (section III) ----
    void organisation_paragraph(const Paragraph& p) {
        std::string_view text = std::string_view(p.text).substr(p.marker.text_begin);
        add_mentions(text, p.line);
        std::string key = folded_key(text);
        if (contains_key(key, "dau moi")) {
            auto agencies = find_agencies_in(text, known_words_);
            auto pos = text.find("đầu mối");
            const AgencyName* chosen = nullptr;
            for (const auto& a : agencies)
                if (pos == std::string_view::npos || a.end <= pos) chosen = &a;
            if (chosen && focal_.empty()) focal_ = add_owner(chosen->name, p.line);
        }
        if (contains_key(key, "bao cao")) report(p, text);
    }

    void report(const Paragraph& p, std::string_view text) {
        auto words = split_words(text);
        for (std::size_t w = 0; w < words.size(); ++w) {
            std::size_t next = 0;
            if (words[w].fold == "cham" && w + 2 < words.size() && words[w + 1].fold == "nhat") next = w + 2;
            else if (words[w].fold == "truoc" && w + 1 < words.size() &&
                     (words[w + 1].fold == "ngay" || words[w + 1].number))
                next = w + 1;
            if (!next) continue;
            auto window = text.substr(words[next].begin, std::min<std::size_t>(48, text.size() - words[next].begin));
            auto d = parse_deadline(window, default_year());
            if (!d.due) continue;
            ReportDeadline r;
            r.due = d.due->latest();
            auto whole = parse_deadline(text, default_year());
            if (whole.recurrence != Recurrence::none && whole.recurrence != Recurrence::continuous)
                r.frequency = whole.recurrence;
            r.source = roman_.empty() ? num_label_ : (num_label_.empty() ? roman_ : roman_ + "." + num_label_);
            r.note = collapse_spaces(text);
            r.location = at(p.line);
            bool explicit_to = false;
            for (std::size_t g = 0; g + 1 < words.size(); ++g) {
                if (words[g].fold != "gui") continue;
                std::size_t k = g + 1;
                if (k < words.size() && words[k].fold == "ve") ++k;
                auto hit = match_agency_at(text, words, k, known_words_);
                if (hit.end_word) {
                    r.to = add_owner(hit.name, p.line);
                    explicit_to = true;
                    break;
                }
            }
            reports_.emplace_back(std::move(r), explicit_to);
            return;
        }
    }

    // ---- Annex tables ----
    void table_row(const Paragraph& p) {
        const auto& cells = p.cells;
        // A header row names the columns.
        int task_col = -1, lead_col = -1;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            std::string k = folded_key(cells[i]);
            if (contains_key(k, "chu tri")) lead_col = static_cast<int>(i);
            else if (task_col < 0 && (starts_with_key(k, "nhiem vu") || starts_with_key(k, "noi dung") ||
                                  starts_with_key(k, "giai phap") || starts_with_key(k, "ten nhiem vu")))
                task_col = static_cast<int>(i);
        }
        if (task_col >= 0 && lead_col >= 0) {
            table_ = Table{};
            ++table_headers_;
            table_.active = true;
            table_.task = task_col;
            table_.lead = lead_col;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                std::string k = folded_key(cells[i]);
                int ii = static_cast<int>(i);
                if (k == "stt" || k == "tt" || k == "so tt") table_.stt = ii;
                else if (contains_key(k, "phoi hop")) table_.coop = ii;
                else if (contains_key(k, "thoi gian") || contains_key(k, "thoi han") || contains_key(k, "tien do"))
                    table_.deadline = ii;
                else if (contains_key(k, "san pham") || contains_key(k, "ket qua")) table_.product = ii;
                else if (starts_with_key(k, "chi so")) table_.component = ii;
            }
            table_component_ = nullptr;
            table_section_.clear();
            return;
        }
        if (!table_.active) return;
        auto cell = [&](int i) -> std::string {
            return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? collapse_spaces(cells[static_cast<std::size_t>(i)]) : std::string();
        };
        std::string stt = cell(table_.stt), text = cell(table_.task), lead_cell = cell(table_.lead);
        if (text.empty() && stt.empty()) return;
        // A group row: "I | Chỉ số …" with the other cells empty, or a roman/letter STT.
        bool others_empty = lead_cell.empty() && cell(table_.coop).empty() && cell(table_.deadline).empty();
        auto stt_marker = parse_list_marker(stt + ". x");
        bool group_stt = !stt.empty() && (stt_marker.kind == ListMarker::Kind::roman ||
                                          (stt.size() == 1 && stt[0] >= 'A' && stt[0] <= 'Z'));
        if (group_stt || (others_empty && !text.empty())) {
            const ReferenceComponent* ref = match_component(component_name_from(text));
            if (!ref && contains_key(folded_key(text), "chi so")) ref = component_in_sentence(text);
            table_section_ = stt;
            table_component_ = ref;
            table_rows_ = 0;
            if (ref) touch_component(ref, p.line, component_name_from(text));
            else if (contains_key(folded_key(text), "chi so"))
                diags_.warning(at(p.line), "unmatched-component",
                               fmt::format("annex group `{}` names no known PGI component; its rows are skipped", text),
                               "component names are matched with data/pgi-components.yaml");
            return;
        }
        const ReferenceComponent* ref = table_component_;
        if (table_.component >= 0) {
            if (auto r = match_component(cell(table_.component))) ref = r;
        }
        if (!ref) {
            unplaced(p, "an annex row outside any component group");
            return;
        }
        if (lead_cell.empty()) {
            diags_.warning(at(p.line), "missing-lead", fmt::format("annex row {} has no lead agency (Cơ quan chủ trì); it is skipped", stt.empty() ? text : stt),
                           "fill in the lead agency");
            return;
        }
        ++table_rows_;
        std::string lead = add_lead(lead_cell, p.line);
        Task t;
        std::string number = stt.empty() ? std::to_string(table_rows_) : ascii_slug(stt);
        if (number.empty()) number = std::to_string(table_rows_);
        t.id = unique_id(fmt::format("c{}.{}", ref->number, number));
        t.component = ref->id;
        t.lead = lead;
        t.text = text;
        t.source = table_section_.empty() ? fmt::format("PL.{}", stt) : fmt::format("PL.{}.{}", table_section_, stt);
        // Cooperating agencies: every agency in the cell, not the generic "các cơ quan liên quan".
        for (const auto& part : split_agency_list(cell(table_.coop))) {
            std::string k = folded_key(part);
            if (k.empty() || contains_key(k, "lien quan")) continue;
            auto id = add_owner(canonical(part), p.line);
            if (!id.empty() && id != lead && std::find(t.cooperating.begin(), t.cooperating.end(), id) == t.cooperating.end())
                t.cooperating.push_back(id);
        }
        std::string deadline = cell(table_.deadline);
        if (!deadline.empty()) {
            auto d = parse_deadline(deadline, default_year());
            t.due = d.due;
            t.recurrence = d.recurrence;
            if (!d.recognised) {
                diags_.warning(at(p.line), "unrecognised-deadline",
                               fmt::format("deadline `{}` is neither a date nor a recurrence; kept in the note", deadline),
                               "write it as a date (15/12/2024, Quý III/2024) or a recurrence (Thường xuyên, Hằng năm)");
                append_note(t.note, "Thời gian hoàn thành: " + deadline + ".");
            }
        }
        std::string product = cell(table_.product);
        if (!product.empty()) append_note(t.note, "Sản phẩm: " + std::string(trim_end_chars(product, ".")) + ".");
        append_note(t.note, footnote_note(p));
        t.location = at(p.line);
        tasks_.push_back(std::move(t));
    }

    // ---- Preamble ----
    void preamble_paragraph(const Paragraph& p) {
        std::string key = folded_key(p.text);
        // "UBND thành phố ban hành Kế hoạch": the issuing level.
        if (issuer_level_.empty() && contains_key(key, "ban hanh")) {
            for (const auto& a : find_agencies_in(p.text, known_words_))
                for (std::string lvl : {"thành phố", "tỉnh", "huyện", "thị xã", "quận"})
                    if (a.name == "UBND " + lvl) issuer_level_ = lvl;
        }
        if (starts_with_key(key, "thuc hien") || starts_with_key(key, "trien khai")) {
            for (const auto& c : find_cited_documents(p.text)) {
                if (std::find(parent_numbers_.begin(), parent_numbers_.end(), c.ref.number) != parent_numbers_.end())
                    continue;
                auto ref = c.ref;
                ref.location = at(p.line);
                meta_.parents.push_back(ref);
                parent_numbers_.push_back(c.ref.number);
            }
        }
        free_targets(p, "");
    }
    bool has_roman_ = false;

    static char32_t decode_first(std::string_view s) {
        std::size_t n = 0;
        return decode_at(s, 0, n);
    }

    // ---- Finishing ----
    std::string joined_title() const {
        std::string t;
        for (const auto& part : title_parts_) {
            if (!t.empty()) t += ' ';
            t += part;
        }
        return collapse_spaces(t);
    }
    /// The year for a deadline written without one: the plan's first year, else the issue year.
    int default_year() const { return meta_.period.start ? meta_.period.start : meta_.issued ? meta_.issued->year : 0; }
    bool period_from_title_ = false;
    bool period_from_title();
    void decide_period();
    void decide_issuer();
    void finish_targets(Plan& plan);
};

bool Builder::period_from_title() {
    std::string title = meta_.title;
    auto words = split_words(title);
    auto year_at = [&](std::size_t w) { return w < words.size() && words[w].number ? std::atoi(words[w].fold.c_str()) : 0; };
    for (std::size_t w = 0; w < words.size(); ++w) {
        int y = year_at(w);
        if (y < 1900 || y > 2200) continue;
        int y2 = year_at(w + 1);
        std::string_view gap = w + 1 < words.size() ? std::string_view(title).substr(words[w].end, words[w + 1].begin - words[w].end)
                                                    : std::string_view();
        if (y2 >= y && y2 <= 2200 && (trim(gap) == "-" || trim(gap) == "–" || trim(gap) == "đến")) {
            meta_.period.start = y;
            meta_.period.end = y2;
            return true;
        }
        meta_.period.start = y;
        std::string after = folded_key(title.substr(words[w].end));
        if (starts_with_key(after, "va cac nam tiep theo") || starts_with_key(after, "va nhung nam tiep theo") ||
            starts_with_key(after, "tro di"))
            return true;  // open-ended
        meta_.period.end = y;
        return true;
    }
    return false;
}

void Builder::decide_period() {
    if (meta_.issued) {
        meta_.period.start = meta_.issued->year;
        return;
    }
    for (const auto& [id, c] : comps_)
        for (const auto& t : c.targets)
            if (t.year && (meta_.period.start == 0 || t.year < meta_.period.start)) meta_.period.start = t.year;
    if (meta_.period.start) return;
    for (const auto& [id, c] : comps_)
        if (c.baseline) meta_.period.start = c.baseline->year + 1;
    diags_.warning(at(title_line_ ? title_line_ : 1), "missing-period",
                   meta_.period.start ? fmt::format("the plan names no year; the period is assumed to start in {}",
                                                    meta_.period.start)
                                      : "the plan names no year; the period start is set to 2000",
                   "set plan.period.start to the first year of the plan");
    if (!meta_.period.start) meta_.period.start = 2000;
}

void Builder::decide_issuer() {
    if (auto h = issuer_from_header_lines(); !h.empty()) {
        meta_.issuer = h;
        return;
    }
    // "UBND thành phố ban hành …" gives the level; the name comes from the title ("trên địa
    // bàn thành phố Lạng Sơn") or from the place line ("TP. Lạng Sơn").
    std::string level = issuer_level_;
    auto name_after = [](const std::string& text, const std::string& lvl) -> std::string {
        std::string needle = lvl + " ";
        auto p = text.rfind(needle);
        if (p == std::string::npos) return {};
        auto rest = trim_end_chars(std::string_view(text).substr(p + needle.size()), ".;,");
        auto ws = split_words(rest);
        if (ws.empty() || ws.size() > 4 || ws.front().begin != 0) return {};
        for (const auto& w : ws)
            if (!w.upper) return {};
        return std::string(rest);
    };
    if (!level.empty()) {
        std::string name = name_after(meta_.title, level);
        if (name.empty() && !meta_.place.empty()) {
            std::string place = meta_.place;
            for (std::string_view abbr : {"TP. ", "TP.", "Thành phố ", "TX. ", "Thị xã ", "Huyện ", "H. ", "Tỉnh "})
                if (place.compare(0, abbr.size(), abbr) == 0) place = collapse_spaces(place.substr(abbr.size()));
            name = place;
        }
        meta_.issuer = "UBND " + level + (name.empty() ? "" : " " + name);
        return;
    }
    for (std::string lvl : {"thành phố", "tỉnh", "huyện", "thị xã", "quận"}) {
        std::string name = name_after(meta_.title, lvl);
        if (!name.empty()) {
            meta_.issuer = "UBND " + lvl + " " + name;
            return;
        }
    }
    meta_.issuer = meta_.place.empty() ? "UBND" : "UBND " + meta_.place;
    diags_.warning(at(1), "missing-issuer", "the issuing body was not found; it is set to `" + meta_.issuer + "`",
                   "set plan.issuer, e.g. `UBND thành phố Lạng Sơn`");
}

void Builder::finish_targets(Plan& plan) {
    for (auto& [id, c] : comps_) {
        Component comp;
        comp.id = c.ref->id;
        comp.number = c.ref->number;
        comp.name = c.name.empty() ? c.ref->name : c.name;
        comp.name_en = c.ref->name_en;
        for (const auto& a : c.ref->aliases)
            if (a != comp.name && a != comp.name_en) comp.aliases.push_back(a);
        if (c.ref->name != comp.name && std::find(comp.aliases.begin(), comp.aliases.end(), c.ref->name) == comp.aliases.end())
            comp.aliases.insert(comp.aliases.begin(), c.ref->name);
        comp.baseline = c.baseline;
        comp.location = c.location;
        std::set<std::pair<int, TargetKind>> seen;
        for (auto t : c.targets) {
            if (!t.year) t.year = meta_.period.start;
            if (!seen.emplace(t.year, t.kind).second) {
                diags_.warning(t.location, "duplicate-target",
                               fmt::format("component `{}` already has a {} target for {}; this one is ignored", comp.id,
                                           to_string(t.kind), t.year));
                continue;
            }
            if (t.kind == TargetKind::score && t.stated_increase && c.baseline) {
                Score actual = t.score - c.baseline->score;
                if (actual != *t.stated_increase) {
                    diags_.warning(t.location, "target-mismatch",
                                   fmt::format("component `{}`: target {} minus baseline {} is {}, but the document states "
                                               "an increase of {}",
                                               comp.id, format_score(t.score), format_score(c.baseline->score),
                                               format_signed_score(actual), format_score(*t.stated_increase)),
                                   "the stated increase is kept in the target's note; check the document");
                    append_note(t.note, fmt::format("The document states an increase of {}; target − baseline is {}.",
                                                    format_score(*t.stated_increase), format_score(actual)));
                    t.stated_increase.reset();
                }
            }
            if (t.kind == TargetKind::score && t.stated_increase && !c.baseline) t.stated_increase.reset();
            comp.targets.push_back(t);
        }
        plan.components.push_back(std::move(comp));
    }
    std::sort(plan.components.begin(), plan.components.end(),
              [](const Component& a, const Component& b) { return a.number < b.number; });
    std::set<std::pair<int, TargetKind>> seen;
    for (auto t : total_targets_) {
        if (!t.year) t.year = meta_.period.start;
        if (!seen.emplace(t.year, t.kind).second) continue;
        if (t.kind == TargetKind::score) {
            Score sum;
            bool complete = !plan.components.empty();
            for (const auto& c : plan.components) {
                auto it = std::find_if(c.targets.begin(), c.targets.end(),
                                       [&](const Target& x) { return x.kind == TargetKind::score && x.year == t.year; });
                if (it == c.targets.end()) complete = false;
                else sum += it->score;
            }
            if (complete && sum != t.score) {
                diags_.warning(t.location, "target-mismatch",
                               fmt::format("the total target {} for {} differs from the sum of the component targets {}; "
                                           "it is not imported",
                                           format_score(t.score), t.year, format_score(sum)),
                               "the PGI score is the sum of the four component scores");
                continue;
            }
        }
        plan.total.targets.push_back(t);
    }
}

std::optional<Plan> Builder::build() {
    has_roman_ = std::any_of(paras_.begin(), paras_.end(), [](const Paragraph& p) {
        return !p.table_row && p.marker.kind == ListMarker::Kind::roman;
    });
    // Pass 1: the names the owner headings use, so that running text can be matched to them.
    {
        Region r = has_roman_ ? Region::header : Region::tasks;  // no roman sections: all of it
        for (const auto& p : paras_) {
            if (p.table_row) continue;
            if (p.marker.kind == ListMarker::Kind::roman) r = classify_roman(head_key(p.text));
            if (r != Region::tasks || p.marker.kind != ListMarker::Kind::letter) continue;
            std::string_view rest = std::string_view(p.text).substr(p.marker.text_begin);
            auto colon = rest.find(':');
            std::string_view name = colon == std::string_view::npos ? rest : trim(rest.substr(0, colon));
            if (!looks_like_agency(name)) continue;
            std::string agency = agency_part(name);
            known_.push_back(clean_owner_name(agency));
            for (const auto& part : split_agency_list(agency)) known_.push_back(clean_owner_name(part));
        }
        std::set<std::string> seen;  // first use wins: the document's own spelling
        known_.erase(std::remove_if(known_.begin(), known_.end(),
                                    [&](const std::string& n) { return !seen.insert(n).second; }),
                     known_.end());
        known_words_ = known_names(known_);
    }

    // Pass 0 inside the walk: where does the title start?
    std::size_t title_idx = paras_.size();
    for (std::size_t k = 0; k < paras_.size() && k < 60; ++k) {
        if (paras_[k].table_row || !is_uppercase_text(paras_[k].text)) continue;
        if (starts_with_key(folded_key(paras_[k].text), "ke hoach")) {
            title_idx = k;
            break;
        }
    }
    bool has_roman = has_roman_;
    region_ = title_idx < paras_.size() || has_roman ? Region::header : Region::tasks;
    bool in_title = false;

    for (std::size_t k = 0; k < paras_.size(); ++k) {
        const auto& p = paras_[k];
        // Once the title is known, its years give the period (needed for deadlines without a year).
        if (!in_title && !period_from_title_ && !title_parts_.empty()) {
            meta_.title = joined_title();
            period_from_title_ = period_from_title();
        }
        if (p.text.find('/') != std::string::npos || p.text.find("Luật") != std::string::npos)
            for (const auto& c : find_cited_documents(p.text)) cited_.emplace_back(p.line, c);
        if (k == title_idx) {
            // "KẾ HOẠCH" alone, or "KẾ HOẠCH <title>" on one line.
            title_line_ = p.line;
            auto words = split_words(p.text);
            if (words.size() > 2) title_parts_.push_back(collapse_spaces(std::string_view(p.text).substr(words[2].begin)));
            in_title = true;
            region_ = Region::preamble;
            continue;
        }
        if (in_title) {
            // The title: up to three paragraphs after KẾ HOẠCH, until the preamble or a list.
            std::string key = head_key(p.text);
            bool preamble = starts_with_key(key, "can cu") || starts_with_key(key, "thuc hien") ||
                            starts_with_key(key, "trien khai") || p.marker.kind != ListMarker::Kind::none ||
                            p.table_row;
            bool same_style = title_parts_.empty() ||
                              is_uppercase_text(p.text) == is_uppercase_text(title_parts_.back()) ||
                              starts_with_key(key, "nam") || !is_upper(decode_first(p.text));
            if (!preamble && same_style && title_parts_.size() < 3) {
                if (p.text.front() != '(') title_parts_.push_back(p.text);  // "(Kèm theo …)" is not the title
                continue;
            }
            in_title = false;
        }
        if (!p.table_row && p.marker.kind == ListMarker::Kind::roman && region_ != Region::signature &&
            region_ != Region::annex) {
            close_section();
            skipping_ = false;
            roman_ = p.marker.label;
            num_label_.clear();
            region_ = classify_roman(head_key(p.text));
            continue;
        }
        if (region_ == Region::signature) {
            if (is_annex_heading(p)) {
                region_ = Region::annex;
                if (!annex_line_) annex_line_ = p.line;
            }
            continue;
        }
        if (region_ != Region::header && is_signature(p)) {
            close_section();
            region_ = Region::signature;
            continue;
        }
        if (is_annex_heading(p) && region_ != Region::header) {
            close_section();
            region_ = Region::annex;
            if (!annex_line_) annex_line_ = p.line;
            roman_.clear();
            continue;
        }
        if (p.table_row) {
            if (region_ != Region::header) table_row(p);
            continue;
        }
        if (p.marker.kind == ListMarker::Kind::number) num_label_ = p.marker.label;
        switch (region_) {
            case Region::header: {
                std::string key = head_key(p.text);
                if (starts_with_key(key, "can cu") || starts_with_key(key, "thuc hien") ||
                    starts_with_key(key, "trien khai")) {
                    region_ = Region::preamble;
                    preamble_paragraph(p);
                } else if (title_parts_.empty() && title_idx == paras_.size() && starts_with_key(key, "ke hoach") &&
                           !is_uppercase_text(p.text)) {
                    title_line_ = p.line;
                    title_parts_.push_back(p.text);  // no KẾ HOẠCH line: "Kế hoạch cải thiện …"
                } else {
                    header_paragraph(p);
                }
                break;
            }
            case Region::preamble:
                if (!has_roman_ && p.marker.kind == ListMarker::Kind::number) {
                    region_ = Region::tasks;  // no roman sections: the numbered sections are the tasks
                    tasks_paragraph(p);
                } else {
                    preamble_paragraph(p);
                }
                break;
            case Region::purpose:
            case Region::other:
                free_targets(p, num_label_);
                break;
            case Region::tasks:
                tasks_paragraph(p);
                break;
            case Region::organisation:
                organisation_paragraph(p);
                break;
            case Region::signature:
            case Region::annex:
                break;
        }
    }
    close_section();

    if (comps_.empty()) {
        diags_.error(at(0, 0), "no-plan-structure",
                     "no plan structure found: no component section (`1. Chỉ số “…”`), no component target and no "
                     "annex table of tasks",
                     "is this the text of a PGI improvement plan? docs/import.md shows the layouts pgi import reads");
        return std::nullopt;
    }

    // Title, period, issuer.
    if (title_parts_.empty()) {
        meta_.title = "Kế hoạch";
        diags_.warning(at(1), "missing-title", "the title (the line after KẾ HOẠCH) was not found",
                       "set plan.title to the document's title");
    } else {
        meta_.title = joined_title();
    }
    if (!period_from_title_ && !period_from_title()) decide_period();
    decide_issuer();

    // References: every cited document, once, in the order of the text; footnotes included.
    for (const auto& f : footnotes_)
        for (const auto& c : find_cited_documents(f.text)) cited_.emplace_back(f.line, c);
    std::stable_sort(cited_.begin(), cited_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::set<std::string> numbers(parent_numbers_.begin(), parent_numbers_.end());
    if (!meta_.document_number.empty()) numbers.insert(meta_.document_number);
    for (auto& [line, c] : cited_) {
        if (!numbers.insert(c.ref.number).second) {
            // A later citation may add what the first left out.
            for (auto& r : meta_.references)
                if (r.number == c.ref.number) {
                    if (!r.date && c.ref.date) r.date = c.ref.date;
                    if (r.issuer.empty()) r.issuer = c.ref.issuer;
                    if (r.title.empty()) r.title = c.ref.title;
                }
            continue;
        }
        c.ref.location = at(line);
        meta_.references.push_back(c.ref);
    }

    if (annex_line_ && !table_headers_)
        diags_.warning(at(annex_line_), "unreadable-table",
                       "the annex has no table pgi can read (a Markdown pipe table or tab-separated rows with "
                       "`Nhiệm vụ` and `Cơ quan chủ trì` columns); its tasks are not imported",
                       "convert the document with `pandoc -t markdown-simple_tables-multiline_tables-grid_tables`, or "
                       "paste the table from Word as text (docs/import.md)");
    for (const auto& p : paras_)
        for (int f : p.footnotes)
            if (!used_footnotes_.count(f))
                diags_.warning(at(p.line), "unattached-footnote",
                               fmt::format("footnote {} belongs to a paragraph that is not a task; its text is not kept",
                                           footnotes_[static_cast<std::size_t>(f)].number),
                               "documents it cites are still listed under plan.references");

    Plan plan;
    plan.file = file_;
    finish_targets(plan);
    meta_.focal_agency = focal_;
    for (auto& [r, explicit_to] : reports_) {
        if (!explicit_to) r.to = focal_;
        meta_.reports.push_back(r);
    }
    meta_.location = at(1);
    plan.meta = meta_;
    plan.owners = owners_;
    plan.tasks = tasks_;

    // The importer's promise: what it writes passes `pgi validate`.
    Diagnostics check;
    validate_plan(plan, check);
    if (check.has_errors()) {
        for (auto d : check.items()) {
            if (d.severity != Severity::error) continue;
            d.message = "internal: the imported plan would not validate: " + d.message;
            diags_.add(d);
        }
        return std::nullopt;
    }
    return plan;
}

}  // namespace

ImportResult import_plan_text(std::string_view text, const ImportOptions& options) {
    ImportResult result;
    auto prepared = recognise::prepare_import_text(text, options.file_name);
    Diagnostics found = prepared.diagnostics;
    if (prepared.ok) {
        Builder b(prepared, options.file_name, found);
        result.plan = b.build();
    }
    // Without a plan, what could not be placed is noise: only the errors say why.
    for (const auto& d : found.items())
        if (result.plan || d.severity == Severity::error) result.diagnostics.add(d);
    result.diagnostics.sort();
    return result;
}

}  // namespace pgi
