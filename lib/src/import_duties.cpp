// `pgi import`: section III (TỔ CHỨC THỰC HIỆN): the focal agency and reporting duties
// (DutyReader in import_build.hpp).
#include <algorithm>

#include "import_build.hpp"
#include "pgi/date.hpp"

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

namespace {

// The recurrence a reporting clause names: "hằng tháng", "định kỳ hằng quý", "6 tháng",
// "hằng năm", "báo cáo năm/quý/tháng".
Recurrence clause_recurrence(std::string_view clause) {
    auto d = parse_deadline(clause, 0);
    if (d.recurrence != Recurrence::none && d.recurrence != Recurrence::continuous) return d.recurrence;
    std::string key = folded_key(clause);
    if (contains_phrase(key, "bao cao 6 thang") || contains_phrase(key, "dinh ky 6 thang") ||
        contains_phrase(key, "6 thang mot lan"))
        return Recurrence::half_yearly;
    if (contains_phrase(key, "bao cao quy")) return Recurrence::quarterly;
    if (contains_phrase(key, "bao cao thang")) return Recurrence::monthly;
    if (contains_phrase(key, "bao cao nam")) return Recurrence::yearly;
    return Recurrence::none;
}

// The first date on or after `from` that is day `day` of a month the recurrence reports in
// (monthly: every month; quarterly: the quarter's last month, or its first when `first`;
// half-yearly: June and December). std::nullopt when the recurrence has no such day.
std::optional<Date> first_recurring(Date from, int day, Recurrence r, bool first_of_quarter) {
    for (int step = 0; step < 24; ++step) {
        int month = (from.month - 1 + step) % 12 + 1;
        int year = from.year + (from.month - 1 + step) / 12;
        bool reports = r == Recurrence::monthly ||
                       (r == Recurrence::quarterly && (first_of_quarter ? month % 3 == 1 : month % 3 == 0)) ||
                       (r == Recurrence::half_yearly && month % 6 == 0) || (r == Recurrence::yearly && month == 12);
        if (!reports || !is_valid_date(year, month, day)) continue;
        Date d{year, month, day};
        if (!(d < from)) return d;
    }
    return std::nullopt;
}

}  // namespace

// Every deadline of a reporting clause, each with the recurrence written before it:
// "định kỳ hằng quý trước ngày 15 của tháng cuối quý và báo cáo năm trước ngày 15/12/2024".
void DutyReader::report(const Paragraph& p, std::string_view text) {
    auto words = split_words(text);
    bool explicit_to = false;
    std::string to;
    for (std::size_t g = 0; g + 1 < words.size(); ++g) {
        if (words[g].fold != "gui") continue;
        std::size_t k = g + 1;
        if (k < words.size() && words[k].fold == "ve") ++k;
        auto hit = match_agency_at(text, words, k, owners_.known());
        if (hit.end_word) {
            to = owners_.add_owner(hit.name, p.line);
            explicit_to = true;
            break;
        }
    }
    std::size_t clause_begin = 0;
    for (std::size_t w = 0; w < words.size(); ++w) {
        std::size_t next = 0;
        if (words[w].fold == "cham" && w + 2 < words.size() && words[w + 1].fold == "nhat") next = w + 2;
        else if (words[w].fold == "truoc" && w + 1 < words.size() && (words[w + 1].fold == "ngay" || words[w + 1].number))
            next = w + 1;
        if (!next) continue;
        auto window = text.substr(words[next].begin, std::min<std::size_t>(48, text.size() - words[next].begin));
        std::string_view clause = text.substr(clause_begin, words[next].begin + window.size() - clause_begin);
        Recurrence rec = clause_recurrence(clause);
        ReportDeadline r;
        std::size_t end = words[next].end;  // where this deadline's words end
        // "trước ngày 20 hằng tháng", "trước ngày 15 của tháng cuối quý": a day of each period.
        std::size_t d = words[next].fold == "ngay" ? next + 1 : next;
        bool day_only = d < words.size() && words[d].number &&
                        (d + 1 >= words.size() || text.substr(words[d].end, 1) != "/") &&
                        !(d + 2 < words.size() && words[d + 1].fold == "thang" && words[d + 2].number);
        if (day_only && rec != Recurrence::none) {
            int day = std::atoi(words[d].fold.c_str());
            Date from = meta_.issued ? meta_.issued->earliest() : Date{meta_.period.start, 1, 1};
            bool first = contains_phrase(folded_key(window), "thang dau quy");
            auto due = first_recurring(from, day, rec, first);
            if (!due) continue;
            r.due = *due;
            end = words[d].end;
        } else {
            auto dl = parse_deadline(window, default_year(meta_));
            if (!dl.due) continue;
            r.due = dl.due->latest();
            auto dates = find_dates(window);
            end = dates.empty() ? words[d < words.size() ? d : next].end : words[next].begin + dates.front().end;
        }
        if (rec != Recurrence::none && rec != Recurrence::continuous) r.frequency = rec;
        r.source = numbering_.source_of(numbering_.number);
        r.note = collapse_spaces(text);
        r.location = sink_.at(p.line);
        r.to = to;
        reports_.emplace_back(std::move(r), explicit_to);
        sink_.use(p.line);
        clause_begin = std::min(text.size(), end);
        while (w + 1 < words.size() && words[w + 1].begin < clause_begin) ++w;  // past this deadline
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
