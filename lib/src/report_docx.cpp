// report_document() and gap_document(): what the periodic report and the gap table say on
// the page of an administrative document (docx.hpp).
#include "pgi/report_docx.hpp"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

#include "pgi/labels.hpp"
#include "pgi/rank_office.hpp"
#include "pgi/text.hpp"

namespace pgi {

namespace {

// L(k) is the catalogue label k (labels.def) in the document's language, as a string.
auto labeller(Language l) {
    return [l](Label k) { return std::string(label(k, l)); };
}

std::string f1(std::string_view f, const std::string& a) {
    return fmt::format(fmt::runtime(f), a);
}

std::string score(const std::optional<Score>& s, const DocumentOptions& o) {
    return s ? format_score(*s, o.decimal_comma) : "—";
}

std::string owner_name(const OwnerName& o, Language l) {
    if (l == Language::en && !o.name_en.empty()) return o.name_en;
    return o.name.empty() ? o.id : o.name;
}

std::string comp_name(const std::string& name, const std::string& name_en, Language l) {
    return l == Language::en && !name_en.empty() ? name_en : name;
}

// The first `n` words of `text` on one line, with "…" when cut.
std::string first_words(const std::string& text, std::size_t n) {
    std::vector<std::string> ws;
    std::string cur;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!cur.empty()) ws.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) ws.push_back(std::move(cur));
    std::string out;
    for (std::size_t i = 0; i < ws.size() && i < n; ++i) out += (i ? " " : "") + ws[i];
    if (ws.size() > n) {
        while (!out.empty() && (out.back() == ',' || out.back() == ';' || out.back() == ':')) out.pop_back();
        out += "…";
    }
    return out;
}

// A task as the office knows it: its reference in the plan and the start of its text.
std::string task_text(const Plan& plan, const std::string& id, std::size_t words = 12) {
    const Task* t = plan.find_task(id);
    if (!t) return id;
    std::string text = first_words(t->text, words);
    return t->source.empty() ? text : t->source + ". " + text;
}

const char* kind_prefixes[] = {"TP. ",   "TP ",     "Thành phố ", "thành phố ", "Tỉnh ", "tỉnh ", "Huyện ",
                               "huyện ", "Thị xã ", "thị xã ",    "TX. ",       "Quận ", "quận "};

// First code point of `w` without its marks, upper-cased (`tài` → `T`, `đô` → `Đ`).
std::string initial(const std::string& w) {
    const Utf8Char u = decode_utf8(w, 0);
    if (!u.valid) return {};
    const auto c = static_cast<utf8proc_int32_t>(u.code_point);
    utf8proc_int32_t buf[8];
    auto n = utf8proc_decompose_char(c, buf, 8, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK),
                                     nullptr);
    utf8proc_int32_t base = n >= 1 ? buf[0] : c;
    utf8proc_uint8_t enc[4];
    auto m = utf8proc_encode_char(utf8proc_toupper(base), enc);
    return std::string(reinterpret_cast<const char*>(enc), static_cast<std::size_t>(m));
}

std::string abbreviation(const std::string& body) {
    std::vector<std::string> ws;
    std::string cur;
    for (char c : body) {
        if (c == ' ' || c == '-' || c == ',') {
            if (!cur.empty()) ws.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) ws.push_back(std::move(cur));
    if (ws.empty()) return {};
    if (ws.front() == "UBND") return "UBND";
    std::size_t start = 1;
    if (ws.size() > 2 && (ws[0] == "Trung" && ws[1] == "tâm")) start = 2;
    if (ws.size() <= start) start = 0;
    std::string out;
    for (std::size_t i = start; i < ws.size(); ++i)
        if (ws[i] != "và" && ws[i] != "các") out += initial(ws[i]);
    return out;
}

bool starts_with(const std::string& s, std::string_view p) {
    return s.compare(0, p.size(), p) == 0;
}

// Recipients end with `;`, the last with `.` (Phụ lục I, Phần I, mục III.9).
std::vector<std::string> punctuate(std::vector<std::string> lines) {
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto& s = lines[i];
        while (!s.empty() && (s.back() == ';' || s.back() == '.' || s.back() == ' ')) s.pop_back();
        s += i + 1 == lines.size() ? "." : ";";
    }
    return lines;
}

}  // namespace

void fill_office_header(OfficialDocument& d, const ReportSettings& s, const Date& date) {
    d.parent_body = s.parent_body;
    d.issuing_body = s.issuing_body;
    d.number = s.number;
    d.place_date = (s.place.empty() ? std::string() : s.place + ", ") + vietnamese_date_words(date);
    d.recipients = punctuate(s.recipients);
    d.signer_authority = s.signer_authority;
    d.signer_title = s.signer_title;
    d.signer_name = s.signer_name;
}

namespace {

void fill_common(OfficialDocument& d, const ReportSettings& s, const Date& date) {
    fill_office_header(d, s, date);
}

std::string plan_reference(const std::string& number, const std::string& issuer, const std::string& title, Language l) {
    std::string num = number.empty() ? "…" : (number.front() == '/' ? "…" + number : number);
    std::string t = title;
    if (l == Language::vi) {
        // "Về việc …" reads "về việc …" inside a sentence.
        if (starts_with(t, "Về ")) t = "về " + t.substr(std::string_view("Về ").size());
    }
    return format_label(Label::office_plan_ref, l, num, issuer, t);
}

DocBlock heading(int& n, const std::string& text) {
    return {DocBlock::Kind::heading, fmt::format("{}. {}", n++, text), {}, {}};
}
DocBlock note(std::string text) {
    return {DocBlock::Kind::note, std::move(text), {}, {}};
}
DocBlock table_block(Table t, std::vector<bool> bold = {}) {
    DocBlock b;
    b.kind = DocBlock::Kind::table;
    b.table = std::move(t);
    b.bold_rows = std::move(bold);
    return b;
}

std::string current_source(const GapRow& r, Language l) {
    const auto L = labeller(l);
    switch (r.current_source) {
        case CurrentSource::none:
            return "—";
        case CurrentSource::baseline:
            return fmt::format(fmt::runtime(L(Label::source_baseline)), r.current_year);
        case CurrentSource::observation:
            // a total VCCI did not publish (outside the top 30 from PGI 2024) is never "published"
            if (r.derived) return format_label(Label::source_sum, l, r.current_year);
            return fmt::format(
                fmt::runtime(r.observation_kind == ObservationKind::official ? L(Label::source_official)
                                                                             : L(Label::source_estimate)),
                r.current_year, r.published ? format_partial_date(*r.published, l) : "?");
    }
    return "—";
}

DocBlock scores_table(const GapReport& g, const DocumentOptions& o) {
    const auto L = labeller(o.language);
    Table t;
    auto by = [](const std::string& label, std::optional<int> y) {
        return y ? fmt::format("{} {}", label, *y) : label;
    };
    t.header = {L(Label::col_number),  L(Label::col_component), by(L(Label::col_baseline), g.total.baseline_year),
                L(Label::col_current), L(Label::col_source),    by(L(Label::col_target), g.target_year),
                L(Label::col_gap),     L(Label::col_assessment)};
    t.align = {Align::right, Align::left,  Align::right, Align::right,
               Align::left,  Align::right, Align::right, Align::left};
    auto row = [&](const GapRow& x, std::string num, std::string name) {
        t.rows.push_back({Cell(std::move(num)), Cell(std::move(name)), Cell(score(x.baseline, o)),
                          Cell(score(x.current, o)), Cell(current_source(x, o.language)), Cell(score(x.target, o)),
                          Cell(score(x.gap, o)), Cell(x.met ? (*x.met ? L(Label::met) : L(Label::not_met)) : "—")});
    };
    for (const auto& c : g.components)
        row(c, c.number ? std::to_string(c.number) : "", comp_name(c.name, c.name_en, o.language));
    row(g.total, "", L(Label::total_pgi));
    std::vector<bool> bold(t.rows.size(), false);
    bold.back() = true;
    return table_block(std::move(t), std::move(bold));
}

constexpr TaskStatus status_order[] = {TaskStatus::done, TaskStatus::in_progress, TaskStatus::not_started,
                                       TaskStatus::blocked, TaskStatus::cancelled};

std::string percent_done(const StatusCounts& c, const DocumentOptions& o) {
    auto p = c.percent_done(o.decimal_comma);
    return p ? *p + "%" : "—";
}

}  // namespace

ReportSettings report_settings_with_defaults(const Plan& plan) {
    ReportSettings s = plan.report_settings;
    const Owner* focal = plan.meta.focal_agency.empty() ? nullptr : plan.find_owner(plan.meta.focal_agency);
    if (s.issuing_body.empty()) s.issuing_body = focal && !focal->name.empty() ? focal->name : plan.meta.issuer;
    if (s.parent_body.empty() && s.issuing_body != plan.meta.issuer) s.parent_body = plan.meta.issuer;
    if (s.number.empty()) {
        std::string ab = abbreviation(s.issuing_body);
        s.number = "…/BC" + (ab.empty() ? std::string() : "-" + ab);
    }
    if (s.place.empty()) {
        s.place = plan.meta.place;
        for (const char* p : kind_prefixes)
            if (starts_with(s.place, p)) {
                s.place = s.place.substr(std::string_view(p).size());
                break;
            }
    }
    if (s.recipients.empty() && !plan.report_settings.present) {
        if (!plan.meta.issuer.empty() && plan.meta.issuer != s.issuing_body)
            s.recipients.push_back(plan.meta.issuer + " (báo cáo)");
        s.recipients.push_back("Lưu: VT");
    }
    if (s.signer_title.empty()) {
        const std::string& b = s.issuing_body;
        if (starts_with(b, "Phòng"))
            s.signer_title = "TRƯỞNG PHÒNG";
        else if (starts_with(b, "Sở") || starts_with(b, "Trung tâm"))
            s.signer_title = "GIÁM ĐỐC";
        else if (starts_with(b, "Ban"))
            s.signer_title = "TRƯỞNG BAN";
        else if (starts_with(b, "UBND") || starts_with(b, "Ủy ban") || starts_with(b, "Uỷ ban")) {
            s.signer_title = "CHỦ TỊCH";
            if (s.signer_authority.empty()) s.signer_authority = "TM. ỦY BAN NHÂN DÂN";
        } else
            s.signer_title = "THỦ TRƯỞNG CƠ QUAN";
    }
    return s;
}

OfficialDocument report_document(const PeriodicReport& r, const Plan& plan, const ReportSettings& s,
                                 const DocumentOptions& o) {
    const auto L = labeller(o.language);
    const Language l = o.language;
    OfficialDocument d;
    fill_common(d, s, r.as_of);
    d.language = l == Language::en ? "en" : "vi";
    d.kind = L(Label::office_kind_report);
    std::string period = period_label(r.period, l);
    d.subject = f1(L(Label::office_report_subject), period);
    d.body.push_back({DocBlock::Kind::paragraph,
                      fmt::format(fmt::runtime(L(Label::office_intro)),
                                  plan_reference(r.plan_document, r.plan_issuer, r.plan_title, l), s.issuing_body,
                                  period, format_date(r.as_of, l)),
                      {},
                      {}});
    std::vector<std::string> sections = s.sections;
    if (sections.empty())
        sections = {"scores", "components", "owners", "changes", "deadlines", "not_reported", "sources"};
    int n = 1;
    for (const auto& key : sections) {
        if (key == "scores") {
            if (!r.scores) continue;
            d.body.push_back(heading(n, fmt::format(fmt::runtime(L(Label::office_s_scores)), r.scores->target_year)));
            d.body.push_back(scores_table(*r.scores, o));
            for (auto& b : gap_rank_blocks(*r.scores, o)) d.body.push_back(std::move(b));
        } else if (key == "components") {
            d.body.push_back(heading(n, L(Label::office_s_components)));
            bool cancelled = r.all_tasks.count(TaskStatus::cancelled) > 0;
            Table t;
            t.header = {L(Label::col_number), L(Label::col_component), L(Label::col_tasks)};
            for (TaskStatus st : status_order)
                if (st != TaskStatus::cancelled || cancelled) t.header.push_back(std::string(status_label(st, l)));
            t.header.push_back(L(Label::col_overdue));
            t.header.push_back(L(Label::col_percent_done));
            t.align.assign(t.header.size(), Align::right);
            t.align[1] = Align::left;
            auto counts = [&](std::vector<Cell>& row, const StatusCounts& c) {
                row.emplace_back(std::to_string(c.tasks));
                for (TaskStatus st : status_order)
                    if (st != TaskStatus::cancelled || cancelled) row.emplace_back(std::to_string(c.count(st)));
                row.emplace_back(std::to_string(c.overdue));
                row.emplace_back(percent_done(c, o));
            };
            for (const auto& c : r.components) {
                std::vector<Cell> row{Cell(c.number ? std::to_string(c.number) : ""),
                                      Cell(comp_name(c.name, c.name_en, l))};
                counts(row, c.tasks);
                t.rows.push_back(std::move(row));
            }
            std::vector<Cell> total{Cell(""), Cell(L(Label::all_components))};
            counts(total, r.all_tasks);
            t.rows.push_back(std::move(total));
            std::vector<bool> bold(t.rows.size(), false);
            bold.back() = true;
            d.body.push_back(table_block(std::move(t), std::move(bold)));
        } else if (key == "owners") {
            d.body.push_back(heading(n, L(Label::office_s_owners)));
            if (r.owners.empty()) {
                d.body.push_back(note(L(Label::report_none)));
                continue;
            }
            Table t;
            t.header = {L(Label::col_agency), std::string(role_label(TaskRole::lead, l)),
                        std::string(role_label(TaskRole::cooperating, l))};
            for (TaskStatus st : status_order)
                if (st != TaskStatus::cancelled) t.header.push_back(std::string(status_label(st, l)));
            t.header.push_back(L(Label::col_overdue));
            t.header.push_back(L(Label::col_reported_this_period));
            t.align.assign(t.header.size(), Align::right);
            t.align.front() = Align::left;
            t.align.back() = Align::left;
            for (const auto& os : r.owners) {
                std::vector<Cell> row{Cell(owner_name(os.owner, l)), Cell(std::to_string(os.lead_tasks)),
                                      Cell(std::to_string(os.cooperating_tasks))};
                for (TaskStatus st : status_order)
                    if (st != TaskStatus::cancelled) row.emplace_back(std::to_string(os.tasks.count(st)));
                row.emplace_back(std::to_string(os.overdue.size()));
                const auto& rep = os.reporting;
                std::string text;
                if (rep.reported)
                    text = f1(L(Label::reported_on), rep.last_report ? format_date(*rep.last_report, l) : "");
                else {
                    text = L(Label::not_reported);
                    if (rep.late)
                        text += ", " + label_count(Label::late_by_days, l, rep.days_late);
                    else if (rep.due)
                        text += ", " + f1(L(Label::due_on), format_date(*rep.due, l));
                }
                row.emplace_back(text);
                t.rows.push_back(std::move(row));
            }
            d.body.push_back(table_block(std::move(t)));
        } else if (key == "changes") {
            d.body.push_back(heading(n, L(Label::office_s_changes)));
            if (r.changes.empty()) {
                d.body.push_back(note(L(Label::report_none)));
                continue;
            }
            Table t;
            t.header = {L(Label::col_date),   L(Label::col_task),     L(Label::col_reporter),
                        L(Label::col_status), L(Label::col_progress), L(Label::col_result)};
            t.align.assign(t.header.size(), Align::left);
            t.align[4] = Align::right;
            for (const auto& c : r.changes) {
                std::string st = c.before == c.after ? std::string(status_label(c.after, l))
                                                     : std::string(status_label(c.before, l)) + " → " +
                                                           std::string(status_label(c.after, l));
                // The note, then the evidence (document numbers, links) on lines of their own.
                std::string result = c.note;
                for (const auto& e : c.evidence) result += (result.empty() ? "" : "\n") + e;
                t.rows.push_back({Cell(format_date(c.date, l)), Cell(task_text(plan, c.task)),
                                  Cell(owner_name(c.reported_by, l)), Cell(st),
                                  Cell(c.percent ? fmt::format("{}%", *c.percent) : ""), Cell(result)});
            }
            d.body.push_back(table_block(std::move(t)));
        } else if (key == "deadlines") {
            d.body.push_back(heading(n, L(Label::office_s_deadlines)));
            auto list = [&](const std::vector<DeadlineItem>& items, const std::string& days) {
                Table t;
                t.header = {L(Label::col_task),   std::string(role_label(TaskRole::lead, l)),
                            L(Label::col_due),    days,
                            L(Label::col_status), L(Label::col_progress)};
                t.align = {Align::left, Align::left, Align::left, Align::right, Align::left, Align::right};
                for (const auto& x : items)
                    t.rows.push_back({Cell(task_text(plan, x.task)), Cell(owner_name(x.lead, l)),
                                      Cell(format_date(x.due, l)), Cell(std::to_string(x.days)),
                                      Cell(std::string(status_label(x.status, l))),
                                      Cell(x.percent ? fmt::format("{}%", *x.percent) : "")});
                return table_block(std::move(t));
            };
            d.body.push_back({DocBlock::Kind::subheading, L(Label::report_overdue_title), {}, {}});
            if (r.overdue.empty())
                d.body.push_back(note(L(Label::report_none)));
            else
                d.body.push_back(list(r.overdue, L(Label::col_days_overdue)));
            d.body.push_back({DocBlock::Kind::subheading,
                              fmt::format(fmt::runtime(L(Label::office_upcoming_title)), r.due_window_days,
                                          format_date(add_days(r.as_of, r.due_window_days), l)),
                              {},
                              {}});
            if (r.upcoming.empty())
                d.body.push_back(note(L(Label::report_none)));
            else
                d.body.push_back(list(r.upcoming, L(Label::col_days_left)));
        } else if (key == "not_reported") {
            d.body.push_back(heading(n, L(Label::office_s_not_reported)));
            if (r.not_reported.empty()) {
                d.body.push_back(note(L(Label::report_none)));
                continue;
            }
            Table t;
            t.header = {L(Label::col_agency), L(Label::col_report_due), L(Label::col_situation), L(Label::col_send_to)};
            t.align.assign(t.header.size(), Align::left);
            for (const auto& os : r.not_reported) {
                const auto& rep = os.reporting;
                std::string to = rep.to;
                for (const auto& other : r.owners)
                    if (other.owner.id == rep.to) to = owner_name(other.owner, l);
                if (!rep.to.empty() && rep.to == r.focal_agency.id) to = owner_name(r.focal_agency, l);
                std::string situation = rep.late  ? label_count(Label::late_by_days, l, rep.days_late)
                                        : rep.due ? L(Label::not_yet_due)
                                                  : L(Label::no_duty);
                t.rows.push_back({Cell(owner_name(os.owner, l)), Cell(rep.due ? format_date(*rep.due, l) : "—"),
                                  Cell(situation), Cell(to.empty() ? "—" : to)});
            }
            d.body.push_back(table_block(std::move(t)));
        } else if (key == "sources") {
            if (!o.appendix || r.sources.empty()) continue;
            d.appendix.push_back({DocBlock::Kind::heading, L(Label::office_appendix_title), {}, {}});
            d.appendix.push_back({DocBlock::Kind::paragraph, L(Label::office_appendix_note), {}, {}});
            Table t;
            t.header = {L(Label::col_number), L(Label::col_file), L(Label::col_revision)};
            t.align = {Align::right, Align::left, Align::left};
            int i = 1;
            for (const auto& src : r.sources)
                t.rows.push_back({Cell(std::to_string(i++)), Cell(src.path), Cell(src.revision)});
            d.appendix.push_back(table_block(std::move(t)));
        }
    }
    d.body.push_back(
        {DocBlock::Kind::closing, fmt::format(fmt::runtime(L(Label::office_closing)), period, s.issuing_body), {}, {}});
    return d;
}

OfficialDocument gap_document(const GapReport& g, const ReportSettings& s, const DocumentOptions& o) {
    const auto L = labeller(o.language);
    const Language l = o.language;
    OfficialDocument d;
    fill_common(d, s, g.as_of);
    d.language = l == Language::en ? "en" : "vi";
    d.kind = L(Label::office_kind_report);
    d.subject = fmt::format(fmt::runtime(L(Label::office_gap_subject)), g.target_year, format_date(g.as_of, l));
    d.body.push_back({DocBlock::Kind::paragraph,
                      fmt::format(fmt::runtime(L(Label::office_gap_intro)),
                                  plan_reference(g.plan_document, g.plan_issuer, g.plan_title, l), s.issuing_body,
                                  format_date(g.as_of, l), g.target_year),
                      {},
                      {}});
    int n = 1;
    d.body.push_back(heading(n, fmt::format(fmt::runtime(L(Label::office_s_scores)), g.target_year)));
    d.body.push_back(scores_table(g, o));
    for (auto& b : gap_rank_blocks(g, o)) d.body.push_back(std::move(b));
    d.body.push_back(heading(n, L(Label::office_s_gap_tasks)));
    Table t;
    t.header = {L(Label::col_number), L(Label::col_component), L(Label::col_tasks)};
    for (TaskStatus st : status_order) t.header.push_back(std::string(status_label(st, l)));
    t.align.assign(t.header.size(), Align::right);
    t.align[1] = Align::left;
    auto row = [&](const GapRow& x, std::string num, std::string name) {
        std::vector<Cell> cells{Cell(std::move(num)), Cell(std::move(name)), Cell(std::to_string(x.tasks))};
        for (TaskStatus st : status_order)
            cells.emplace_back(std::to_string(x.tasks_by_status[static_cast<std::size_t>(st)]));
        t.rows.push_back(std::move(cells));
    };
    for (const auto& c : g.components)
        row(c, c.number ? std::to_string(c.number) : "", comp_name(c.name, c.name_en, l));
    row(g.total, "", L(Label::all_components));
    std::vector<bool> bold(t.rows.size(), false);
    bold.back() = true;
    d.body.push_back(table_block(std::move(t), std::move(bold)));
    return d;
}

}  // namespace pgi
