// `pgi import`: section III (TỔ CHỨC THỰC HIỆN): the focal agency and reporting duties
// (DutyReader in import_build.hpp).
#include <algorithm>

#include "import_build.hpp"

namespace pgi::import_detail {

using namespace recognise;

void DutyReader::paragraph(const Paragraph& p) {
    std::string_view text = std::string_view(p.text).substr(p.marker.text_begin);
    owners_.add_mentions(text, p.line);
    std::string key = folded_key(text);
    if (contains_phrase(key, "dau moi")) {
        auto agencies = find_agencies_in(text, owners_.known());
        auto pos = text.find("đầu mối");
        const AgencyName* chosen = nullptr;
        for (const auto& a : agencies)
            if (pos == std::string_view::npos || a.end <= pos) chosen = &a;
        if (chosen && focal_.empty()) focal_ = owners_.add_owner(chosen->name, p.line);
    }
    if (contains_phrase(key, "bao cao")) report(p, text);
}

void DutyReader::report(const Paragraph& p, std::string_view text) {
    auto words = split_words(text);
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::size_t next = 0;
        if (words[w].fold == "cham" && w + 2 < words.size() && words[w + 1].fold == "nhat") next = w + 2;
        else if (words[w].fold == "truoc" && w + 1 < words.size() && (words[w + 1].fold == "ngay" || words[w + 1].number))
            next = w + 1;
        if (!next) continue;
        auto window = text.substr(words[next].begin, std::min<std::size_t>(48, text.size() - words[next].begin));
        auto d = parse_deadline(window, default_year(meta_));
        if (!d.due) continue;
        ReportDeadline r;
        r.due = d.due->latest();
        auto whole = parse_deadline(text, default_year(meta_));
        if (whole.recurrence != Recurrence::none && whole.recurrence != Recurrence::continuous)
            r.frequency = whole.recurrence;
        r.source = numbering_.source_of(numbering_.number);
        r.note = collapse_spaces(text);
        r.location = sink_.at(p.line);
        bool explicit_to = false;
        for (std::size_t g = 0; g + 1 < words.size(); ++g) {
            if (words[g].fold != "gui") continue;
            std::size_t k = g + 1;
            if (k < words.size() && words[k].fold == "ve") ++k;
            auto hit = match_agency_at(text, words, k, owners_.known());
            if (hit.end_word) {
                r.to = owners_.add_owner(hit.name, p.line);
                explicit_to = true;
                break;
            }
        }
        reports_.emplace_back(std::move(r), explicit_to);
        return;
    }
}

void DutyReader::finish(PlanMeta& meta) const {
    meta.focal_agency = focal_;
    for (auto r : reports_) {
        if (!r.second) r.first.to = focal_;
        meta.reports.push_back(r.first);
    }
}

}  // namespace pgi::import_detail
