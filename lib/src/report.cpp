// Building the periodic report model (report.hpp). Rendering is in report_render.cpp.
#include "pgi/report.hpp"

#include <algorithm>
#include <numeric>
#include <set>
#include <unordered_map>

#include "pgi/score.hpp"

namespace pgi {

std::optional<std::string> StatusCounts::percent_done(bool decimal_comma) const {
    int open = tasks - count(TaskStatus::cancelled);
    if (open <= 0) return std::nullopt;
    return format_percent(Score::from_hundredths(count(TaskStatus::done)), Score::from_hundredths(open), decimal_comma);
}

namespace {

void add(StatusCounts& c, const TaskState& s) {
    ++c.tasks;
    ++c.by_status[static_cast<std::size_t>(s.status)];
    if (s.overdue) ++c.overdue;
}

OwnerName name_of(const OwnerIndex& owners, const std::string& id) {
    if (const Owner* o = owners.find(id)) return OwnerName{id, o->name.empty() ? id : o->name, o->name_en};
    return OwnerName{id, id, ""};
}

}  // namespace

PeriodicReport build_report(const Plan& plan, const ReportOptions& o) {
    PeriodicReport r;
    r.plan_title = plan.meta.title;
    r.plan_issuer = plan.meta.issuer;
    r.plan_document = plan.meta.document_number;
    r.language = plan.meta.language;
    r.period = o.period;
    r.as_of = o.as_of;
    r.as_of_is_today_for_past_period = o.as_of_is_today && past_period_as_of_today(o.period, o.as_of);
    r.due_window_days = o.due_window_days;
    r.sources = o.sources;

    OwnerIndex owners(plan);
    if (!plan.meta.focal_agency.empty()) r.focal_agency = name_of(owners, plan.meta.focal_agency);

    GapOptions go;
    go.as_of = o.as_of;
    go.tables = o.tables;
    GapResult gap = compute_gap(plan, go);
    if (gap.report) r.scores = std::move(*gap.report);

    std::vector<TaskState> states;
    states.reserve(plan.tasks.size());
    for (const auto& t : plan.tasks) states.push_back(task_state(t, o.period, o.as_of));

    // Components.
    std::unordered_map<std::string, std::size_t> component_at;
    for (const auto& c : plan.components) {
        component_at.emplace(c.id, r.components.size());
        ComponentNames names = component_names(c);  // the four PGI components: from data/
        r.components.push_back(ComponentSummary{c.id, c.number, std::move(names.name), std::move(names.name_en), {}});
    }
    for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
        add(r.all_tasks, states[i]);
        auto it = component_at.find(plan.tasks[i].component);
        if (it != component_at.end()) add(r.components[it->second].tasks, states[i]);
    }

    // Owners: the reporting units, with the tasks they lead and cooperate on.
    std::unordered_map<std::string, std::size_t> unit_at;
    for (auto& s : reporting_status(plan, owners, o.period, o.as_of)) {
        unit_at.emplace(s.owner, r.owners.size());
        OwnerSummary os;
        os.owner = name_of(owners, s.owner);
        os.reporting = std::move(s);
        r.owners.push_back(std::move(os));
    }
    std::unordered_map<std::string, std::vector<std::string>> units_cache;
    auto units = [&](const std::string& id) -> const std::vector<std::string>& {
        auto it = units_cache.find(id);
        if (it == units_cache.end()) it = units_cache.emplace(id, owners.units(id)).first;
        return it->second;
    };
    for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
        const Task& t = plan.tasks[i];
        std::set<std::size_t> leading;
        for (const auto& u : units(t.lead)) {
            auto it = unit_at.find(u);
            if (it == unit_at.end() || !leading.insert(it->second).second) continue;
            OwnerSummary& os = r.owners[it->second];
            ++os.lead_tasks;
            add(os.tasks, states[i]);
            if (states[i].overdue) os.overdue.push_back(t.id);
        }
        std::set<std::size_t> cooperating;
        for (const auto& c : t.cooperating)
            for (const auto& u : units(c)) {
                auto it = unit_at.find(u);
                if (it != unit_at.end() && !leading.count(it->second) && cooperating.insert(it->second).second)
                    ++r.owners[it->second].cooperating_tasks;
            }
    }

    // Changes: updates about the period, each with the status before it.
    for (const auto& t : plan.tasks) {
        std::vector<std::size_t> order(t.updates.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return t.updates[a].date < t.updates[b].date; });
        // Before the first update nothing had been reported (the plan's `status`, when the task
        // has updates, describes the state after them): the same rule as task_state().
        TaskStatus before = t.updates.empty() ? t.status : TaskStatus::not_started;
        for (std::size_t k : order) {
            const TaskUpdate& u = t.updates[k];
            if (o.as_of < u.date) break;
            CalendarPeriod about = update_period(t, u);
            if (overlaps(about, o.period)) {
                TaskChange ch;
                ch.date = u.date;
                ch.task = t.id;
                ch.reported_by = name_of(owners, u.reported_by);
                ch.period = format_period(about);
                ch.before = before;
                ch.after = u.status;
                ch.percent = u.percent;
                ch.evidence = u.evidence;
                ch.note = u.note;
                r.changes.push_back(std::move(ch));
            }
            before = u.status;
        }
    }
    std::stable_sort(r.changes.begin(), r.changes.end(),
                     [](const TaskChange& a, const TaskChange& b) { return a.date < b.date; });

    // Deadlines.
    for (std::size_t i = 0; i < plan.tasks.size(); ++i) {
        const TaskState& s = states[i];
        if (!s.due || is_closed(s.status)) continue;
        long left = days_from_civil(*s.due) - days_from_civil(o.as_of);
        bool soon = left >= 0 && left <= o.due_window_days;
        if (!s.overdue && !soon) continue;
        const Task& t = plan.tasks[i];
        DeadlineItem d{t.id,      name_of(owners, t.lead),          t.text, *s.due, s.status,
                       s.percent, s.overdue ? s.days_overdue : left};
        (s.overdue ? r.overdue : r.upcoming).push_back(std::move(d));
    }
    auto by_due = [](const DeadlineItem& a, const DeadlineItem& b) { return a.due < b.due; };
    std::stable_sort(r.overdue.begin(), r.overdue.end(), by_due);
    std::stable_sort(r.upcoming.begin(), r.upcoming.end(), by_due);

    // Who has not reported: late first (longest first), then by due date, then no duty.
    for (const auto& os : r.owners)
        if (!os.reporting.reported && (os.reporting.owes || os.lead_tasks > 0)) r.not_reported.push_back(os);
    std::stable_sort(r.not_reported.begin(), r.not_reported.end(), [](const OwnerSummary& a, const OwnerSummary& b) {
        const auto &x = a.reporting, &y = b.reporting;
        if (x.late != y.late) return x.late;
        if (x.late) return x.days_late > y.days_late;
        if (x.due.has_value() != y.due.has_value()) return x.due.has_value();
        return x.due && *x.due < *y.due;
    });
    return r;
}

bool past_period_as_of_today(const CalendarPeriod& period, const Date& as_of) {
    return period.last < add_months(as_of, -1);
}

}  // namespace pgi
