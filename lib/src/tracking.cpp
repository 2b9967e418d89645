#include "pgi/tracking.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "pgi/i18n.hpp"
#include "pgi/labels.hpp"

namespace pgi {

bool is_closed(TaskStatus s) {
    return s == TaskStatus::done || s == TaskStatus::cancelled;
}

std::optional<Date> due_date(const Task& task) {
    if (!task.due) return std::nullopt;
    return task.due->latest();
}

std::optional<PeriodKind> reporting_unit(Recurrence r) {
    switch (r) {
        case Recurrence::none:
            return std::nullopt;
        case Recurrence::quarterly:
            return PeriodKind::quarter;
        case Recurrence::half_yearly:
            return PeriodKind::half;
        case Recurrence::yearly:
            return PeriodKind::year;
        case Recurrence::monthly:
        case Recurrence::continuous:
        case Recurrence::daily:
        case Recurrence::weekly:
            return PeriodKind::month;
    }
    return std::nullopt;
}

CalendarPeriod update_period(const Task& task, const TaskUpdate& update) {
    if (!update.period.empty())
        if (auto p = parse_period(update.period)) return *p;
    return period_containing(reporting_unit(task.recurrence).value_or(PeriodKind::month), update.date);
}

TaskState task_state(const Task& task, const CalendarPeriod& period, const Date& as_of) {
    TaskState s;
    s.status = task.status;
    s.due = due_date(task);
    const bool recurring = task.recurrence != Recurrence::none;
    const TaskUpdate* best = nullptr;
    const TaskUpdate* carried = nullptr;
    // `!(u.date < x->date)`: on equal dates the later update in list order wins.
    for (const auto& u : task.updates) {
        if (as_of < u.date) continue;
        if (!recurring) {
            if (!best || !(u.date < best->date)) best = &u;
            continue;
        }
        CalendarPeriod about = update_period(task, u);
        if (overlaps(about, period)) {
            if (!best || !(u.date < best->date)) best = &u;
        } else if (about.last < period.first) {
            if (!carried || !(u.date < carried->date)) carried = &u;
        }
    }
    if (best) {
        s.status = best->status;
        s.percent = best->percent;
        s.origin = StatusOrigin::update;
        s.update = best;
    } else if (carried) {
        s.status = carried->status == TaskStatus::done ? TaskStatus::in_progress : carried->status;
        s.origin = StatusOrigin::carried;
        s.update = carried;
    } else if (!task.updates.empty() && std::none_of(task.updates.begin(), task.updates.end(),
                                                     [&](const TaskUpdate& u) { return !(as_of < u.date); })) {
        // Every update is later than `as_of`: the plan's `status` field tells the state after
        // them, not before; before the first report, nothing had been reported done.
        s.status = TaskStatus::not_started;
    }
    if (s.due && *s.due < as_of && !is_closed(s.status)) {
        s.overdue = true;
        s.days_overdue = days_from_civil(as_of) - days_from_civil(*s.due);
    }
    return s;
}

CalendarPeriod current_reporting_span(const Date& as_of) {
    CalendarPeriod month = period_containing(PeriodKind::month, as_of);
    return CalendarPeriod{PeriodKind::range, previous_period(month).first, month.last};
}

TaskState task_state_as_of(const Task& task, const Date& as_of) {
    return task_state(task, current_reporting_span(as_of), as_of);
}

// ---- owners ----

OwnerIndex::OwnerIndex(const Plan& plan) : plan_(&plan) {
    for (std::size_t i = 0; i < plan.owners.size(); ++i) position_.emplace(plan.owners[i].id, i);  // first wins
}

const Owner* OwnerIndex::find(std::string_view id) const {
    auto it = position_.find(id);
    return it == position_.end() ? nullptr : &plan_->owners[it->second];
}

std::size_t OwnerIndex::position(std::string_view id) const {
    auto it = position_.find(id);
    return it == position_.end() ? plan_->owners.size() : it->second;
}

struct OwnerIndex::Expansion {
    std::vector<std::string> out;
    std::unordered_set<std::string> found;     // the ids in `out`
    std::unordered_set<std::string> expanded;  // groups whose members were (or are being) visited
};

// Linear in the owners and members reached: each group is expanded once (a group met again,
// through another parent or a membership cycle, adds nothing new), and membership is a hash
// set, so a chain of 4,000 nested groups takes 4,000 steps, not 4,000². Iterative: the
// nesting depth is not bounded by the plan file's depth limit.
void OwnerIndex::expand(std::string_view root, Expansion& x, bool groups_too) const {
    struct Frame {
        const Owner* group;
        std::size_t next;
    };
    std::vector<Frame> frames;
    auto visit = [&](std::string_view id) {
        const Owner* o = find(id);
        bool group = o && o->kind == OwnerKind::group && !o->members.empty();
        if ((!group || groups_too) && x.found.emplace(id).second) x.out.emplace_back(id);
        if (!group || !x.expanded.emplace(id).second) return;
        frames.push_back({o, 0});
    };
    visit(root);
    while (!frames.empty()) {
        Frame& f = frames.back();
        if (f.next == f.group->members.size()) {
            frames.pop_back();
            continue;
        }
        visit(f.group->members[f.next++]);
    }
}

std::vector<std::string> OwnerIndex::units(std::string_view id) const {
    Expansion x;
    expand(id, x, false);
    return std::move(x.out);
}

std::vector<std::string> OwnerIndex::task_owners(const Task& task, OwnerRole role) const {
    Expansion x;
    auto add = [&](const std::string& id) {
        if (!id.empty()) expand(id, x, true);
    };
    if (role != OwnerRole::cooperating) add(task.lead);
    if (role != OwnerRole::lead)
        for (const auto& c : task.cooperating) add(c);
    std::vector<std::string> ids = std::move(x.out);
    std::stable_sort(ids.begin(), ids.end(),
                     [&](const std::string& a, const std::string& b) { return position(a) < position(b); });
    return ids;
}

bool OwnerIndex::is_owner(const Task& task, std::string_view owner, OwnerRole role) const {
    auto ids = task_owners(task, role);
    return std::find(ids.begin(), ids.end(), owner) != ids.end();
}

// ---- reporting duties ----

std::vector<DutyOccurrence> duty_occurrences(const Plan& plan, const ReportDeadline& report,
                                             const CalendarPeriod& period) {
    std::vector<DutyOccurrence> out;
    int months = 0;
    long days = 0;
    PeriodKind unit = PeriodKind::range;
    switch (report.frequency) {
        case Recurrence::none:
        case Recurrence::continuous: {
            int y = plan.meta.period.start > 0 && plan.meta.period.start <= report.due.year ? plan.meta.period.start
                                                                                            : report.due.year;
            CalendarPeriod covers{PeriodKind::range, Date{y, 1, 1}, report.due};
            if (overlaps(covers, period)) out.push_back({report.due, covers});
            return out;
        }
        case Recurrence::daily:
            days = 1;
            break;
        case Recurrence::weekly:
            days = 7;
            break;
        case Recurrence::monthly:
            months = 1;
            unit = PeriodKind::month;
            break;
        case Recurrence::quarterly:
            months = 3;
            unit = PeriodKind::quarter;
            break;
        case Recurrence::half_yearly:
            months = 6;
            unit = PeriodKind::half;
            break;
        case Recurrence::yearly:
            months = 12;
            unit = PeriodKind::year;
            break;
    }
    // Which unit each occurrence is about: the one before its due date's (the default), or
    // the one it falls in; unsaid, `current` only when the first due date ends its unit.
    bool current = report.covers == ReportCovers::current;
    if (months && report.covers == ReportCovers::automatic)
        current = period_containing(unit, report.due).last == report.due;
    for (int k = 0; k < 100000; ++k) {
        // From the first due date each time, so a month-end clamp (Feb 29) does not drift: a
        // duty due on the 30th is due on 29 February and on 30 March, once a month.
        Date due = months ? add_months(report.due, k * months) : add_days(report.due, k * days);
        CalendarPeriod covers;
        if (months) {
            covers = period_containing(unit, due);
            if (!current) covers = previous_period(covers);
        } else {
            covers = CalendarPeriod{PeriodKind::range, add_days(due, 1 - days), due};
        }
        if (period.last < covers.first) break;
        if (overlaps(covers, period)) out.push_back({due, covers});
    }
    return out;
}

namespace {

void add_units(const OwnerIndex& owners, const std::string& id, std::vector<std::string>& out,
               std::set<std::string>& seen) {
    if (id.empty()) return;
    for (auto& u : owners.units(id))
        if (seen.insert(u).second) out.push_back(std::move(u));
}

std::vector<std::string> units_of_task_owners(const Plan& plan, const OwnerIndex& owners) {
    std::vector<std::string> out;
    std::set<std::string> seen;
    std::set<std::string> done_ids;
    for (const auto& t : plan.tasks) {
        if (done_ids.insert(t.lead).second) add_units(owners, t.lead, out, seen);
        for (const auto& c : t.cooperating)
            if (done_ids.insert(c).second) add_units(owners, c, out, seen);
    }
    return out;
}

void sort_by_plan_order(std::vector<std::string>& ids, const OwnerIndex& owners) {
    std::stable_sort(ids.begin(), ids.end(), [&](const std::string& a, const std::string& b) {
        return owners.position(a) < owners.position(b);
    });
}

}  // namespace

std::vector<std::string> duty_senders(const Plan& plan, const OwnerIndex& owners, const ReportDeadline& report) {
    std::vector<std::string> out;
    if (report.from.empty()) {
        out = units_of_task_owners(plan, owners);
    } else {
        std::set<std::string> seen;
        for (const auto& f : report.from) add_units(owners, f, out, seen);
    }
    sort_by_plan_order(out, owners);
    return out;
}

std::vector<ReportingStatus> reporting_status(const Plan& plan, const OwnerIndex& owners, const CalendarPeriod& period,
                                              const Date& as_of) {
    std::vector<std::string> order = units_of_task_owners(plan, owners);
    std::set<std::string> listed(order.begin(), order.end());
    std::unordered_map<std::string, ReportingStatus> st;

    // Every occurrence each unit owes, once per period covered (two duties about the same
    // month are one report), with the earliest due date and that duty's recipient.
    struct Owed {
        DutyOccurrence occ;
        std::string to;
    };
    std::unordered_map<std::string, std::vector<Owed>> owed;
    for (const auto& r : plan.meta.reports) {
        auto occ = duty_occurrences(plan, r, period);
        if (std::none_of(occ.begin(), occ.end(),
                         [&](const DutyOccurrence& o) { return contains(period, o.covers.last); }))
            continue;
        const std::string& to = r.to.empty() ? plan.meta.focal_agency : r.to;
        for (const auto& u : duty_senders(plan, owners, r)) {
            if (listed.insert(u).second) order.push_back(u);
            auto& mine = owed[u];
            for (const auto& o : occ) {
                // A report is owed for P when the period it is about ends in P: the October
                // report owes the monthly report on October, not the yearly one due 01/12.
                if (!contains(period, o.covers.last)) continue;
                auto same =
                    std::find_if(mine.begin(), mine.end(), [&](const Owed& x) { return x.occ.covers == o.covers; });
                if (same == mine.end())
                    mine.push_back({o, to});
                else if (o.due < same->occ.due)
                    *same = Owed{o, to};
            }
        }
    }

    std::unordered_map<std::string, std::vector<std::string>> units_cache;
    std::unordered_map<std::string, std::vector<CalendarPeriod>> about;  // unit -> periods reported on
    for (const auto& t : plan.tasks) {
        for (const auto& u : t.updates) {
            if (as_of < u.date) continue;
            if (u.reported_by.empty()) continue;  // an `update-no-reporter` error: credited to nobody
            CalendarPeriod p = update_period(t, u);
            if (!overlaps(p, period)) continue;
            const std::string& reporter = u.reported_by;
            auto it = units_cache.find(reporter);
            if (it == units_cache.end()) it = units_cache.emplace(reporter, owners.units(reporter)).first;
            for (const auto& unit : it->second) {
                if (!listed.count(unit)) continue;
                ReportingStatus& s = st[unit];
                s.reported = true;
                ++s.updates;
                if (!s.last_report || *s.last_report < u.date) s.last_report = u.date;
                auto& ps = about[unit];
                if (std::find(ps.begin(), ps.end(), p) == ps.end()) ps.push_back(p);
            }
        }
    }

    sort_by_plan_order(order, owners);
    std::vector<ReportingStatus> out;
    out.reserve(order.size());
    for (const auto& id : order) {
        ReportingStatus s = st[id];
        s.owner = id;
        auto& mine = owed[id];
        std::stable_sort(mine.begin(), mine.end(), [](const Owed& a, const Owed& b) { return a.occ.due < b.occ.due; });
        s.owes = !mine.empty();
        s.owed = static_cast<int>(mine.size());
        const Owed* first_missing = nullptr;
        const Owed* first_late = nullptr;
        const auto& ps = about[id];
        for (const auto& o : mine) {
            bool covered =
                std::any_of(ps.begin(), ps.end(), [&](const CalendarPeriod& p) { return overlaps(p, o.occ.covers); });
            if (covered) continue;
            ++s.missing;
            if (!first_missing) first_missing = &o;
            if (o.occ.due < as_of) {
                ++s.late_reports;
                if (!first_late) first_late = &o;
            }
        }
        if (s.owes) {
            s.reported = s.missing == 0;
            const Owed& shown = first_missing ? *first_missing : mine.front();
            s.due = shown.occ.due;
            s.to = shown.to;
        }
        if (first_late) {
            s.late = true;
            s.days_late = days_from_civil(as_of) - days_from_civil(first_late->occ.due);
        }
        out.push_back(std::move(s));
    }
    return out;
}

// ---- the task query ----

std::string search_key(std::string_view text) {
    std::string pre;
    pre.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // đ (C4 91) and Đ (C4 90) have no decomposition in Unicode.
        if (i + 1 < text.size() && static_cast<unsigned char>(text[i]) == 0xC4 &&
            (static_cast<unsigned char>(text[i + 1]) == 0x91 || static_cast<unsigned char>(text[i + 1]) == 0x90)) {
            pre += 'd';
            ++i;
        } else {
            pre += text[i];
        }
    }
    utf8proc_uint8_t* out = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(pre.data()),
                          static_cast<utf8proc_ssize_t>(pre.size()), &out,
                          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE |
                                                         UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD));
    if (n < 0) {  // invalid UTF-8: ASCII lower-casing only
        for (auto& c : pre) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return pre;
    }
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(out, &std::free);
    // Collapse whitespace runs (folded YAML text, line breaks) to one space.
    std::string folded;
    folded.reserve(static_cast<std::size_t>(n));
    bool space = false;
    for (utf8proc_ssize_t i = 0; i < n; ++i) {
        char c = static_cast<char>(out[i]);
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = true;
            continue;
        }
        if (space && !folded.empty()) folded += ' ';
        space = false;
        folded += c;
    }
    return folded;
}

const std::vector<std::string>& vietnamese_status_labels() {
    // From the label catalogue (labels.def), so that forms, reports and input agree.
    static const std::vector<std::string> labels = [] {
        std::vector<std::string> v;
        for (std::size_t i = 0; i < task_status_count; ++i)
            v.emplace_back(status_label(static_cast<TaskStatus>(i), Language::vi));
        return v;
    }();
    return labels;
}

std::optional<TaskStatus> parse_status_label(std::string_view text) {
    if (auto code = parse_task_status(text)) return code;
    std::string key = search_key(text);
    for (auto& c : key)
        if (c == '_') c = ' ';
    // trim and collapse again after '_' became ' '
    std::string folded;
    for (char c : key) {
        if (c == ' ' && (folded.empty() || folded.back() == ' ')) continue;
        folded += c;
    }
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    // every label and alias of data/task-labels.yaml (labels.hpp, status_words())
    static const std::vector<std::pair<std::string, TaskStatus>> names = [] {
        std::vector<std::pair<std::string, TaskStatus>> v;
        for (TaskStatus s : enum_values<TaskStatus>())
            for (const auto& word : status_words(s)) v.emplace_back(search_key(word), s);
        return v;
    }();
    for (const auto& [name, status] : names)
        if (name == folded) return status;
    return std::nullopt;
}

std::string accepted_status_text() {
    std::string out = tr("not_started, in_progress, done, blocked, cancelled, or");
    for (std::size_t i = 0; i < vietnamese_status_labels().size(); ++i)
        out += (i ? ", " : " ") + vietnamese_status_labels()[i];
    return out;
}

bool natural_less(std::string_view a, std::string_view b) {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t i2 = i, j2 = j;
            while (i2 < a.size() && digit(a[i2])) ++i2;
            while (j2 < b.size() && digit(b[j2])) ++j2;
            std::string_view x = a.substr(i, i2 - i), y = b.substr(j, j2 - j);
            while (x.size() > 1 && x[0] == '0') x.remove_prefix(1);
            while (y.size() > 1 && y[0] == '0') y.remove_prefix(1);
            if (x.size() != y.size()) return x.size() < y.size();
            if (x != y) return x < y;
            i = i2;
            j = j2;
            continue;
        }
        if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

std::vector<TaskRow> query_tasks(const Plan& plan, const TaskQuery& q) {
    OwnerIndex owners(plan);
    std::string needle = q.search.empty() ? std::string() : search_key(q.search);
    std::vector<TaskRow> rows;
    for (const auto& t : plan.tasks) {
        TaskRow row{&t, q.period ? task_state(t, *q.period, q.as_of) : task_state_as_of(t, q.as_of)};
        const TaskState& s = row.state;
        if (!q.components.empty() &&
            std::find(q.components.begin(), q.components.end(), t.component) == q.components.end())
            continue;
        if (!q.statuses.empty() && std::find(q.statuses.begin(), q.statuses.end(), s.status) == q.statuses.end())
            continue;
        if (!q.owners.empty()) {
            auto mine = owners.task_owners(t, q.role);
            bool any = std::any_of(q.owners.begin(), q.owners.end(), [&](const std::string& o) {
                return std::find(mine.begin(), mine.end(), o) != mine.end();
            });
            if (!any) continue;
        }
        if (q.overdue || q.due_within_days) {
            bool soon = false;
            if (q.due_within_days && s.due && !is_closed(s.status)) {
                long left = days_from_civil(*s.due) - days_from_civil(q.as_of);
                soon = left >= 0 && left <= *q.due_within_days;
            }
            if (!((q.overdue && s.overdue) || soon)) continue;
        }
        if (!needle.empty()) {
            std::string hay = search_key(t.id + "\n" + t.text + "\n" + t.note + "\n" + t.source);
            if (hay.find(needle) == std::string::npos) continue;
        }
        rows.push_back(row);
    }
    auto component_pos = [&](const std::string& id) {
        for (std::size_t i = 0; i < plan.components.size(); ++i)
            if (plan.components[i].id == id) return i;
        return plan.components.size();
    };
    switch (q.sort) {
        case TaskSort::plan:
            break;
        case TaskSort::id:
            std::stable_sort(rows.begin(), rows.end(),
                             [](const TaskRow& a, const TaskRow& b) { return natural_less(a.task->id, b.task->id); });
            break;
        case TaskSort::due:
            std::stable_sort(rows.begin(), rows.end(), [](const TaskRow& a, const TaskRow& b) {
                if (a.state.due.has_value() != b.state.due.has_value()) return a.state.due.has_value();
                return a.state.due && *a.state.due < *b.state.due;
            });
            break;
        case TaskSort::status:
            std::stable_sort(rows.begin(), rows.end(),
                             [](const TaskRow& a, const TaskRow& b) { return a.state.status < b.state.status; });
            break;
        case TaskSort::owner:
            std::stable_sort(rows.begin(), rows.end(), [&](const TaskRow& a, const TaskRow& b) {
                return owners.position(a.task->lead) < owners.position(b.task->lead);
            });
            break;
        case TaskSort::component:
            std::stable_sort(rows.begin(), rows.end(), [&](const TaskRow& a, const TaskRow& b) {
                return component_pos(a.task->component) < component_pos(b.task->component);
            });
            break;
    }
    return rows;
}

}  // namespace pgi
