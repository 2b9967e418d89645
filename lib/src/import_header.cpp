// `pgi import`: the header, title, preamble, period, issuer and references of a plan
// (HeaderReader in import_build.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "import_build.hpp"
#include "pgi/i18n.hpp"

namespace pgi::import_detail {

using namespace recognise;

void HeaderReader::header_paragraph(const Paragraph& p) {
    header_.push_back(&p);
    sink_.use(p.line);  // the header's number, place and date
    if (!have_number_) {
        if (auto n = parse_document_number(p.text)) {
            meta_.document_number = *n;
            have_number_ = true;
            return;
        }
    }
    std::string key = folded_key(p.text);
    if (!have_issued_ && contains_phrase(key, "thang") && contains_phrase(key, "nam")) {
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

void HeaderReader::start_title(const Paragraph& p, bool keyword_line) {
    title_line_ = p.line;
    if (!keyword_line) {
        title_parts_.push_back(p.text);  // no KẾ HOẠCH line: "Kế hoạch cải thiện …"
        return;
    }
    // "KẾ HOẠCH" alone, or "KẾ HOẠCH <title>" on one line.
    auto words = split_words(p.text);
    if (words.size() > 2) title_parts_.push_back(collapse_spaces(std::string_view(p.text).substr(words[2].begin)));
}

void HeaderReader::cite(const Paragraph& p) {
    if (p.text.find('/') != std::string::npos || p.text.find("Luật") != std::string::npos)
        for (const auto& c : find_cited_documents(p.text)) {
            cited_.emplace_back(p.line, c);
            sink_.use(p.line);
        }
}

void HeaderReader::preamble_paragraph(const Paragraph& p, const OwnerRegistry& owners) {
    std::string key = folded_key(p.text);
    // "UBND thành phố ban hành Kế hoạch": the issuing level.
    if (issuer_level_.empty() && contains_phrase(key, "ban hanh")) {
        for (const auto& a : find_agencies_in(p.text, owners.known()))
            for (std::string lvl : {"thành phố", "tỉnh", "huyện", "thị xã", "quận"})
                if (a.name == "UBND " + lvl) issuer_level_ = lvl;
    }
    if (starts_with_phrase(key, "thuc hien") || starts_with_phrase(key, "trien khai")) {
        for (const auto& c : find_cited_documents(p.text)) {
            if (std::find(parent_numbers_.begin(), parent_numbers_.end(), c.ref.number) != parent_numbers_.end())
                continue;
            auto ref = c.ref;
            ref.location = sink_.at(p.line);
            meta_.parents.push_back(ref);
            parent_numbers_.push_back(c.ref.number);
        }
    }
}

std::string HeaderReader::joined_title() const {
    std::string t;
    for (const auto& part : title_parts_) {
        if (!t.empty()) t += ' ';
        t += part;
    }
    return collapse_spaces(t);
}

bool HeaderReader::update_title_period() {
    if (period_from_title_ || title_parts_.empty()) return period_from_title_;
    meta_.title = joined_title();
    period_from_title_ = period_from_title();
    return period_from_title_;
}

bool period_in_title(const std::string& title, Period& period, int issued_year) {
    auto words = split_words(title);
    auto year_at = [&](std::size_t w) {
        return w < words.size() && words[w].number ? std::atoi(words[w].fold.c_str()) : 0;
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
        int y = year_at(w);
        if (y < 1900 || y > 2200) continue;
        int y2 = year_at(w + 1);
        std::string_view gap = w + 1 < words.size()
                                   ? std::string_view(title).substr(words[w].end, words[w + 1].begin - words[w].end)
                                   : std::string_view();
        if (y2 >= y && y2 <= 2200 && (trim(gap) == "-" || trim(gap) == "–" || trim(gap) == "đến")) {
            period.start = y;
            period.end = y2;
            return true;
        }
        // "đến năm 2025": from the year of issue to 2025.
        bool until = (w >= 2 && words[w - 1].fold == "nam" && words[w - 2].fold == "den") ||
                     (w >= 1 && words[w - 1].fold == "den");
        if (until) {
            period.start = issued_year > 0 && issued_year <= y ? issued_year : y;
            period.end = y;
            return true;
        }
        period.start = y;
        std::string after = folded_key(title.substr(words[w].end));
        if (starts_with_phrase(after, "va cac nam tiep theo") || starts_with_phrase(after, "va nhung nam tiep theo") ||
            starts_with_phrase(after, "tro di"))
            return true;  // open-ended
        period.end = y;
        return true;
    }
    return false;
}

bool HeaderReader::period_from_title() {
    return period_in_title(meta_.title, meta_.period, meta_.issued ? meta_.issued->year : 0);
}

void HeaderReader::decide_period(const std::vector<const Target*>& targets,
                                 const std::vector<const Baseline*>& baselines) {
    if (meta_.issued) {
        meta_.period.start = meta_.issued->year;
        return;
    }
    for (const auto* t : targets)
        if (t->year && (meta_.period.start == 0 || t->year < meta_.period.start)) meta_.period.start = t->year;
    if (meta_.period.start) return;
    for (const auto* b : baselines) meta_.period.start = b->year + 1;
    sink_.diags.warning(sink_.at(title_line_ ? title_line_ : 1), "missing-period",
                        meta_.period.start
                            ? trf("the plan names no year; the period is assumed to start in {}", meta_.period.start)
                            : tr("the plan names no year; the period start is set to 2000"),
                        tr("set plan.period.start to the first year of the plan"));
    if (!meta_.period.start) meta_.period.start = 2000;
}

std::string issuer_from_header(const std::string& text) {
    auto words = split_words(text);
    std::size_t k = 0;
    if (k < words.size() && words[k].fold == "ubnd")
        k = 1;
    else if (k + 3 < words.size() && words[0].fold == "uy" && words[1].fold == "ban" && words[2].fold == "nhan" &&
             words[3].fold == "dan")
        k = 4;
    else
        return {};
    static const std::vector<std::pair<std::vector<std::string>, std::string>> levels = {
        {{"thanh", "pho"}, "thành phố"},
        {{"thi", "xa"}, "thị xã"},
        {{"tinh"}, "tỉnh"},
        {{"huyen"}, "huyện"},
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

// The issuing body from the capitalised header: "ỦY BAN NHÂN DÂN" with the level and
// place on the same or one of the next lines.
std::string HeaderReader::issuer_from_header_lines() const {
    for (std::size_t i = 0; i < header_.size(); ++i) {
        const auto& t = header_[i]->text;
        std::string key = folded_key(t);
        if (!is_uppercase_text(t) || !(starts_with_phrase(key, "uy ban nhan dan") || starts_with_phrase(key, "ubnd")))
            continue;
        if (auto s = issuer_from_header(t); !s.empty()) return s;
        for (std::size_t j = i + 1; j < header_.size() && j < i + 4; ++j)
            if (is_uppercase_text(header_[j]->text))
                if (auto s = issuer_from_header(t + " " + header_[j]->text); !s.empty()) return s;
    }
    return {};
}

void HeaderReader::decide_issuer() {
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
    sink_.diags.warning(sink_.at(1), "missing-issuer",
                        trf("the issuing body was not found; it is set to `{}`", meta_.issuer),
                        tr("set plan.issuer, e.g. `UBND thành phố Lạng Sơn`"));
}

// References: every cited document, once, in the order of the text; footnotes included.
void HeaderReader::finish_references(const std::vector<Footnote>& footnotes) {
    for (const auto& f : footnotes)
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
        c.ref.location = sink_.at(line);
        meta_.references.push_back(c.ref);
    }
}

void HeaderReader::finish(const std::vector<const Target*>& targets, const std::vector<const Baseline*>& baselines,
                          const std::vector<Footnote>& footnotes) {
    if (title_parts_.empty()) {
        meta_.title = "Kế hoạch";
        sink_.diags.warning(sink_.at(1), "missing-title", tr("the title (the line after KẾ HOẠCH) was not found"),
                            tr("set plan.title to the document's title"));
    } else {
        meta_.title = joined_title();
    }
    if (!period_from_title_ && !period_from_title()) decide_period(targets, baselines);
    decide_issuer();
    finish_references(footnotes);
    meta_.location = sink_.at(1);
}

}  // namespace pgi::import_detail
