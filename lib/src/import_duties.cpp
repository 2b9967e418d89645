// `pgi import`: section III (TỔ CHỨC THỰC HIỆN): the focal agency and reporting duties
// (DutyReader in import_build.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "import_build.hpp"
#include "pgi/date.hpp"
#include "pgi/i18n.hpp"

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

// The first date after `from` (the issue date: a report due on it would be about the time
// before the plan) that is day `day` of a month the recurrence reports in
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
        if (from < d) return d;
    }
    return std::nullopt;
}

// The last day of the month, quarter, half-year or year that `d` falls in.
Date unit_end(Date d, Recurrence r) {
    int months = r == Recurrence::quarterly ? 3 : r == Recurrence::half_yearly ? 6 : r == Recurrence::yearly ? 12 : 1;
    int last = (d.month - 1) / months * months + months;
    return Date{d.year, last, days_in_month(d.year, last)};
}

// The words of the deadline that starts at word `next`, up to the next clause ("," ";" ". "),
// "và", "gửi", "hoặc" or another deadline: "ngày 15 của tháng cuối quý".
std::string_view deadline_words(std::string_view text, const std::vector<Word>& words, std::size_t next) {
    std::size_t k = next + 1;
    for (; k < words.size() && k < next + 14; ++k) {
        const auto& f = words[k].fold;
        if (f == "va" || f == "gui" || f == "hoac" || f == "truoc" || f == "cham" || f == "de") break;
        auto gap = text.substr(words[k - 1].end, words[k].begin - words[k - 1].end);
        if (gap.find_first_of(",;") != std::string_view::npos || gap.find(". ") != std::string_view::npos) break;
    }
    return text.substr(words[next].begin, words[k - 1].end - words[next].begin);
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
        if (words[w].fold == "cham" && w + 2 < words.size() && words[w + 1].fold == "nhat")
            next = w + 2;
        else if (words[w].fold == "truoc" && w + 1 < words.size() &&
                 (words[w + 1].fold == "ngay" || words[w + 1].number))
            next = w + 1;
        if (!next) continue;
        std::string_view when = deadline_words(text, words, next);
        std::size_t end = words[next].begin + when.size();  // where this deadline's words end
        std::string_view before = text.substr(clause_begin, words[w].begin - clause_begin);
        Recurrence rec = clause_recurrence(text.substr(clause_begin, end - clause_begin));
        std::vector<Date> dues;
        // "trước ngày 20 hằng tháng", "trước ngày 15 của tháng cuối quý": a day of each period.
        std::size_t d = words[next].fold == "ngay" ? next + 1 : next;
        bool day_only = d < words.size() && words[d].number &&
                        (d + 1 >= words.size() || text.substr(words[d].end, 1) != "/") &&
                        !(d + 2 < words.size() && words[d + 1].fold == "thang" && words[d + 2].number);
        if (day_only && rec != Recurrence::none) {
            int day = std::atoi(words[d].fold.c_str());
            Date from = meta_.issued ? meta_.issued->earliest() : Date{meta_.period.start, 1, 1};
            bool first = contains_phrase(folded_key(when), "thang dau quy") ||
                         contains_phrase(folded_key(when), "thang dau cua quy");
            // The first such day after the issue date; when it reports on the period before
            // the one it is due in, the first period it reports on is the one the plan was
            // issued in, so it is first due in the period after that.
            auto due = first_recurring(from, day, rec, first);
            if (due && parse_report_covers(before, when, rec, *due).covers == ReportCovers::previous)
                due = first_recurring(unit_end(from, rec), day, rec, first);
            if (due) dues.push_back(*due);
        } else {
            // The date, and every further date joined to it by "và", "hoặc" or a comma
            // ("trước ngày 15/6/2024 và ngày 15/12/2024"): each is a deadline.
            auto rest = text.substr(words[next].begin, std::min<std::size_t>(160, text.size() - words[next].begin));
            auto dates = find_dates(rest);
            auto dl = parse_deadline(when, default_year(meta_));
            if (dl.due) {
                dues.push_back(dl.due->latest());
                std::size_t k = 0;
                while (k < dates.size() && dates[k].end <= when.size()) ++k;
                std::size_t last = k ? dates[k - 1].end : when.size();
                for (; k < dates.size(); ++k) {
                    std::string gap = folded_key(rest.substr(last, dates[k].begin - last));
                    if (gap != "va" && gap != "hoac" && gap != "va ngay" && gap != "hoac ngay" && gap != "ngay" &&
                        gap != "")
                        break;
                    if (gap.empty() && rest.substr(last, dates[k].begin - last).find(',') == std::string_view::npos)
                        break;
                    dues.push_back(dates[k].date.latest());
                    last = dates[k].end;
                }
                end = std::max(end, words[next].begin + last);
            }
        }
        for (const Date& due : dues) {
            ReportDeadline r;
            r.due = due;
            if (rec != Recurrence::none && rec != Recurrence::continuous) r.frequency = rec;
            if (rec == Recurrence::monthly || rec == Recurrence::quarterly || rec == Recurrence::half_yearly ||
                rec == Recurrence::yearly) {
                auto covers = parse_report_covers(before, when, rec, r.due);
                r.covers = covers.covers;
                if (covers.assumed)
                    sink_.note(p.line, "assumed-covers",
                               trf("the {} report due {} does not say which period it covers: `covers: "
                                   "previous` (the period before the one it is due in) is written",
                                   to_string(rec), format_date(r.due)));
            }
            r.source = numbering_.source_of(numbering_.number);
            r.note = collapse_spaces(text);
            r.location = sink_.at(p.line);
            r.to = to;
            reports_.emplace_back(std::move(r), explicit_to);
            sink_.use(p.line);
        }
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
