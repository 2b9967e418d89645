// report_workbook(), gap_workbook(), tasks_workbook(): the sheets of the .xlsx outputs.
#include "pgi/report_xlsx.hpp"

#include <fmt/format.h>

#include "pgi/labels.hpp"
#include "pgi/rank_office.hpp"

namespace pgi {

namespace {

// L(k) is the catalogue label k (labels.def) in the document's language, as a string.
auto labeller(Language l) {
    return [l](Label k) { return std::string(label(k, l)); };
}

constexpr TaskStatus status_order[] = {TaskStatus::done, TaskStatus::in_progress, TaskStatus::not_started,
                                       TaskStatus::blocked, TaskStatus::cancelled};

XlsxValue opt(const std::optional<Score>& s) {
    return s ? XlsxValue(*s) : XlsxValue();
}
XlsxValue opt(const std::optional<int>& n) {
    return n ? XlsxValue(static_cast<long>(*n)) : XlsxValue();
}
XlsxValue opt(const std::optional<Date>& d) {
    return d ? XlsxValue(*d) : XlsxValue();
}
XlsxValue txt(std::string s) {
    return XlsxValue(std::move(s));
}
XlsxValue num(long n) {
    return XlsxValue(n);
}

std::string owner_name(const OwnerName& o, Language l) {
    if (l == Language::en && !o.name_en.empty()) return o.name_en;
    return o.name.empty() ? o.id : o.name;
}

std::string owner_name(const Plan& plan, const std::string& id, Language l) {
    const Owner* o = plan.find_owner(id);
    if (!o) return id;
    if (l == Language::en && !o->name_en.empty()) return o->name_en;
    return o->name.empty() ? id : o->name;
}

std::string comp_name(const std::string& name, const std::string& name_en, Language l) {
    return l == Language::en && !name_en.empty() ? name_en : name;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

XlsxSheet scores_sheet(const GapReport& g, Language l) {
    const auto L = labeller(l);
    XlsxSheet s;
    s.name = L(Label::sheet_scores);
    auto by = [](const std::string& label, std::optional<int> y) {
        return y ? fmt::format("{} {}", label, *y) : label;
    };
    s.columns = {{L(Label::col_number), XlsxKind::integer, 5},
                 {L(Label::col_component), XlsxKind::text, 0},
                 {by(L(Label::col_baseline), g.total.baseline_year), XlsxKind::score, 0},
                 {L(Label::col_current), XlsxKind::score, 0},
                 {by(L(Label::col_target), g.target_year), XlsxKind::score, 0},
                 {L(Label::col_gap), XlsxKind::score, 0},
                 {L(Label::col_assessment), XlsxKind::text, 0}};
    auto row = [&](const GapRow& x, XlsxValue number, std::string name) {
        s.rows.push_back({number, txt(std::move(name)), opt(x.baseline), opt(x.current), opt(x.target), opt(x.gap),
                          x.met ? txt(*x.met ? L(Label::met) : L(Label::not_met)) : XlsxValue()});
    };
    for (const auto& c : g.components) row(c, c.number ? num(c.number) : XlsxValue(), comp_name(c.name, c.name_en, l));
    row(g.total, XlsxValue(), L(Label::total_pgi));
    s.bold_rows.assign(s.rows.size(), false);
    s.bold_rows.back() = true;
    if (!g.components.empty()) s.chart = XlsxChart{L(Label::chart_scores), 1, {2, 3, 4}, 0, g.components.size() - 1};
    return s;
}

}  // namespace

Workbook report_workbook(const PeriodicReport& r, const Plan& plan, Language l) {
    const auto L = labeller(l);
    Workbook wb;
    wb.title = r.plan_title;
    wb.author = owner_name(r.focal_agency, l);
    if (r.scores) {
        wb.sheets.push_back(scores_sheet(*r.scores, l));
        if (auto rank = gap_rank_sheet(*r.scores, l)) wb.sheets.push_back(std::move(*rank));
    }
    {
        XlsxSheet s;
        s.name = L(Label::sheet_components);
        s.columns = {{L(Label::col_number), XlsxKind::integer, 5},
                     {L(Label::col_component), XlsxKind::text, 0},
                     {L(Label::col_tasks), XlsxKind::integer, 0}};
        for (TaskStatus st : status_order)
            s.columns.push_back({std::string(status_label(st, l)), XlsxKind::integer, 0});
        s.columns.push_back({L(Label::col_overdue), XlsxKind::integer, 0});
        auto counts = [&](std::vector<XlsxValue>& row, const StatusCounts& c) {
            row.push_back(num(c.tasks));
            for (TaskStatus st : status_order) row.push_back(num(c.count(st)));
            row.push_back(num(c.overdue));
        };
        for (const auto& c : r.components) {
            std::vector<XlsxValue> row{c.number ? num(c.number) : XlsxValue(), txt(comp_name(c.name, c.name_en, l))};
            counts(row, c.tasks);
            s.rows.push_back(std::move(row));
        }
        std::vector<XlsxValue> total{XlsxValue(), txt(L(Label::all_components))};
        counts(total, r.all_tasks);
        s.rows.push_back(std::move(total));
        s.bold_rows.assign(s.rows.size(), false);
        s.bold_rows.back() = true;
        wb.sheets.push_back(std::move(s));
    }
    {
        XlsxSheet s;
        s.name = L(Label::sheet_owners);
        s.autofilter = true;
        s.columns = {{L(Label::col_agency_id), XlsxKind::text, 0},
                     {L(Label::col_agency), XlsxKind::text, 0},
                     {std::string(role_label(TaskRole::lead, l)), XlsxKind::integer, 0},
                     {std::string(role_label(TaskRole::cooperating, l)), XlsxKind::integer, 0}};
        for (TaskStatus st : status_order)
            s.columns.push_back({std::string(status_label(st, l)), XlsxKind::integer, 0});
        s.columns.push_back({L(Label::col_overdue), XlsxKind::integer, 0});
        s.columns.push_back({L(Label::col_reported_this_period), XlsxKind::text, 0});
        s.columns.push_back({L(Label::col_last_update), XlsxKind::date, 0});
        s.columns.push_back({L(Label::col_report_due), XlsxKind::date, 0});
        s.columns.push_back({L(Label::col_days_late), XlsxKind::integer, 0});
        for (const auto& os : r.owners) {
            std::vector<XlsxValue> row{txt(os.owner.id), txt(owner_name(os.owner, l)), num(os.lead_tasks),
                                       num(os.cooperating_tasks)};
            for (TaskStatus st : status_order) row.push_back(num(os.tasks.count(st)));
            row.push_back(num(static_cast<long>(os.overdue.size())));
            const auto& rep = os.reporting;
            row.push_back(txt(rep.reported ? fmt::format(fmt::runtime(L(Label::reported_on)),
                                                         rep.last_report ? format_date(*rep.last_report, l) : "")
                                           : std::string(L(Label::not_reported))));
            row.push_back(opt(rep.last_report));
            row.push_back(opt(rep.due));
            row.push_back(rep.late ? num(rep.days_late) : XlsxValue());
            s.rows.push_back(std::move(row));
        }
        wb.sheets.push_back(std::move(s));
    }
    {
        XlsxSheet s;
        s.name = L(Label::sheet_changes);
        s.autofilter = true;
        s.columns = {{L(Label::col_date), XlsxKind::date, 0},         {L(Label::col_agency_id), XlsxKind::text, 0},
                     {L(Label::col_plan_ref), XlsxKind::text, 0},     {L(Label::col_reporter), XlsxKind::text, 0},
                     {L(Label::col_about_period), XlsxKind::text, 0}, {L(Label::col_status), XlsxKind::text, 0},
                     {L(Label::col_progress), XlsxKind::percent, 0},  {L(Label::col_note), XlsxKind::text, 50},
                     {L(Label::col_evidence), XlsxKind::text, 40}};
        for (const auto& c : r.changes) {
            const Task* t = plan.find_task(c.task);
            std::string st = c.before == c.after ? std::string(status_label(c.after, l))
                                                 : std::string(status_label(c.before, l)) + " → " +
                                                       std::string(status_label(c.after, l));
            s.rows.push_back({XlsxValue(c.date), txt(c.task), txt(t ? t->source : ""),
                              txt(owner_name(c.reported_by, l)), txt(c.period), txt(st), opt(c.percent), txt(c.note),
                              txt(join(c.evidence, "\n"))});
        }
        wb.sheets.push_back(std::move(s));
    }
    auto deadlines = [&](const std::vector<DeadlineItem>& items, const std::string& name, const std::string& days) {
        XlsxSheet s;
        s.name = name;
        s.autofilter = true;
        s.columns = {{L(Label::col_agency_id), XlsxKind::text, 0},
                     {L(Label::col_plan_ref), XlsxKind::text, 0},
                     {std::string(role_label(TaskRole::lead, l)), XlsxKind::text, 0},
                     {L(Label::col_due), XlsxKind::date, 0},
                     {days, XlsxKind::integer, 0},
                     {L(Label::col_status), XlsxKind::text, 0},
                     {L(Label::col_progress), XlsxKind::percent, 0},
                     {L(Label::col_text), XlsxKind::text, 60}};
        for (const auto& x : items) {
            const Task* t = plan.find_task(x.task);
            s.rows.push_back({txt(x.task), txt(t ? t->source : ""), txt(owner_name(x.lead, l)), XlsxValue(x.due),
                              num(x.days), txt(std::string(status_label(x.status, l))), opt(x.percent), txt(x.text)});
        }
        wb.sheets.push_back(std::move(s));
    };
    deadlines(r.overdue, L(Label::sheet_overdue), L(Label::col_days_overdue));
    deadlines(r.upcoming, L(Label::sheet_upcoming), L(Label::col_days_left));
    {
        XlsxSheet s;
        s.name = L(Label::sheet_not_reported);
        s.autofilter = true;
        s.columns = {{L(Label::col_agency_id), XlsxKind::text, 0},
                     {L(Label::col_agency), XlsxKind::text, 0},
                     {L(Label::col_report_due), XlsxKind::date, 0},
                     {L(Label::col_situation), XlsxKind::text, 0},
                     {L(Label::col_send_to), XlsxKind::text, 0}};
        for (const auto& os : r.not_reported) {
            const auto& rep = os.reporting;
            std::string situation = rep.late  ? label_count(Label::late_by_days, l, rep.days_late)
                                    : rep.due ? L(Label::not_yet_due)
                                              : L(Label::no_duty);
            s.rows.push_back({txt(os.owner.id), txt(owner_name(os.owner, l)), opt(rep.due), txt(situation),
                              txt(rep.to.empty() ? "" : owner_name(plan, rep.to, l))});
        }
        wb.sheets.push_back(std::move(s));
    }
    {
        XlsxSheet s;
        s.name = L(Label::sheet_sources);
        s.columns = {{L(Label::col_file), XlsxKind::text, 0}, {L(Label::col_revision), XlsxKind::text, 0}};
        for (const auto& src : r.sources) s.rows.push_back({txt(src.path), txt(src.revision)});
        wb.sheets.push_back(std::move(s));
    }
    return wb;
}

Workbook gap_workbook(const GapReport& g, Language l) {
    const auto L = labeller(l);
    Workbook wb;
    wb.title = g.plan_title;
    wb.author = g.plan_issuer;
    wb.sheets.push_back(scores_sheet(g, l));
    if (auto rank = gap_rank_sheet(g, l)) wb.sheets.push_back(std::move(*rank));
    XlsxSheet s;
    s.name = L(Label::sheet_tasks);
    s.columns = {{L(Label::col_number), XlsxKind::integer, 5},
                 {L(Label::col_component), XlsxKind::text, 0},
                 {L(Label::col_tasks), XlsxKind::integer, 0}};
    for (TaskStatus st : status_order) s.columns.push_back({std::string(status_label(st, l)), XlsxKind::integer, 0});
    auto row = [&](const GapRow& x, XlsxValue number, std::string name) {
        std::vector<XlsxValue> cells{number, txt(std::move(name)), num(x.tasks)};
        for (TaskStatus st : status_order) cells.push_back(num(x.tasks_by_status[static_cast<std::size_t>(st)]));
        s.rows.push_back(std::move(cells));
    };
    for (const auto& c : g.components) row(c, c.number ? num(c.number) : XlsxValue(), comp_name(c.name, c.name_en, l));
    row(g.total, XlsxValue(), L(Label::all_components));
    s.bold_rows.assign(s.rows.size(), false);
    s.bold_rows.back() = true;
    wb.sheets.push_back(std::move(s));
    return wb;
}

Workbook tasks_workbook(const Plan& plan, const std::vector<TaskRow>& rows, const Date& as_of, Language l) {
    const auto L = labeller(l);
    (void)as_of;
    Workbook wb;
    wb.title = plan.meta.title;
    wb.author = plan.meta.issuer;
    XlsxSheet s;
    s.name = L(Label::sheet_tasks);
    s.autofilter = true;
    s.columns = {{L(Label::col_agency_id), XlsxKind::text, 0},
                 {L(Label::col_plan_ref), XlsxKind::text, 0},
                 {L(Label::col_component), XlsxKind::text, 0},
                 {std::string(role_label(TaskRole::lead, l)), XlsxKind::text, 30},
                 {std::string(role_label(TaskRole::cooperating, l)), XlsxKind::text, 30},
                 {L(Label::col_status), XlsxKind::text, 0},
                 {L(Label::col_progress), XlsxKind::percent, 0},
                 {L(Label::col_due), XlsxKind::date, 0},
                 {L(Label::col_days_overdue), XlsxKind::integer, 0},
                 {L(Label::col_recurrence), XlsxKind::text, 0},
                 {L(Label::col_last_update), XlsxKind::date, 0},
                 {L(Label::col_text), XlsxKind::text, 60}};
    for (const auto& r : rows) {
        const Task& t = *r.task;
        const Component* c = plan.find_component(t.component);
        std::vector<std::string> coop;
        for (const auto& id : t.cooperating) coop.push_back(owner_name(plan, id, l));
        s.rows.push_back({txt(t.id), txt(t.source),
                          txt(c ? display_name(component_names(*c).name, component_names(*c).name_en, l) : t.component),
                          txt(owner_name(plan, t.lead, l)), txt(join(coop, "; ")),
                          txt(std::string(status_label(r.state.status, l))), opt(r.state.percent),
                          t.due ? XlsxValue(t.due->latest()) : XlsxValue(),
                          r.state.overdue ? num(r.state.days_overdue) : XlsxValue(), txt(to_string(t.recurrence)),
                          r.state.update ? XlsxValue(r.state.update->date) : XlsxValue(), txt(t.text)});
    }
    wb.sheets.push_back(std::move(s));
    return wb;
}

}  // namespace pgi
