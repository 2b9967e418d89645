// Rendering of the periodic report (Markdown, CSV) and of the task list (table, Markdown,
// CSV, JSON). Pure: model in, string out.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "pgi/escape.hpp"
#include "pgi/report.hpp"
#include "pgi/table.hpp"
#include "pgi/text.hpp"
#include "render_shared.hpp"

namespace pgi {

namespace {

// The catalogue (pgi/labels.hpp) in one language: L(Label::col_due) is "Hạn" or "Due".
struct Labels {
    Language language;
    std::string operator()(Label key) const { return std::string(label(key, language)); }
};

Labels labels(Language l) {
    return Labels{l};
}

std::string fmt1(const std::string& f, const std::string& a) {
    return fmt::format(fmt::runtime(f), a);
}
std::string fmt2(const std::string& f, const std::string& a, const std::string& b) {
    return fmt::format(fmt::runtime(f), a, b);
}

// Dates in the reader's convention (labels.hpp): dd/mm/yyyy in Vietnamese, ISO in English.
std::string show_date(const Date& d, Language l) {
    return format_date(d, l);
}

const char* roman(int n) {
    static const char* r[] = {"", "I", "II", "III", "IV"};
    return n >= 1 && n <= 4 ? r[n] : "";
}

std::string name(const OwnerName& o, Language l) {
    return display_name(o.name, o.name_en, l, o.id);
}

std::string percent_text(const std::optional<int>& p) {
    return p ? fmt::format("{}%", *p) : std::string();
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
    return out;
}

std::string reporting_text(const ReportingStatus& s, const Labels& L, Language l) {
    if (s.reported) return fmt1(L(Label::reported_on), s.last_report ? show_date(*s.last_report, l) : "");
    // A duty owed more than once in the period (monthly in a quarter): how many are missing.
    std::string out = s.owed > 1 ? format_label(Label::reports_missing_of, l, s.missing, s.owed)
                                 : std::string(L(Label::not_reported));
    if (s.late)
        out += ", " + label_count(Label::late_by_days, l, s.days_late);
    else if (s.due)
        out += ", " + fmt1(L(Label::due_on), show_date(*s.due, l));
    return out;
}

std::string situation_text(const ReportingStatus& s, const Labels& L) {
    if (s.late) return label_count(Label::late_by_days, L.language, s.days_late);
    if (s.due) return L(Label::not_yet_due);
    return L(Label::no_duty);
}

std::string status_change(const TaskChange& c, Language l) {
    if (c.before == c.after) return std::string(status_label(c.after, l));
    return std::string(status_label(c.before, l)) + " → " + std::string(status_label(c.after, l));
}

// ---- the sections as tables (shared by Markdown and CSV) ----

struct Section {
    std::string key;  // CSV section key
    Table table;
};

// Section 1's scores: the gap report's score table without the "achieved" column.
Section scores_section(const PeriodicReport& r, const ReportRenderOptions& o) {
    return {"scores", render::score_table(*r.scores, {o.language, o.decimal_comma, /*with_achieved=*/false})};
}

// The report lists statuses from the most to the least advanced.
constexpr std::array<TaskStatus, task_status_count> report_status_order{
    TaskStatus::done, TaskStatus::in_progress, TaskStatus::not_started, TaskStatus::blocked, TaskStatus::cancelled};

render::TaskCountRow count_row(std::string number, std::string name, const StatusCounts& c, bool decimal_comma) {
    render::TaskCountRow row;
    row.number = std::move(number);
    row.name = std::move(name);
    row.tasks = c.tasks;
    row.by_status = c.by_status;
    row.overdue = c.overdue;
    row.percent_done = c.percent_done(decimal_comma);
    return row;
}

// Section 1's task execution: the component summary of `pgi gap` with overdue and share done.
Section components_section(const PeriodicReport& r, const ReportRenderOptions& o, bool csv) {
    std::vector<render::TaskCountRow> rows;
    for (const auto& c : r.components)
        rows.push_back(count_row(c.number ? std::to_string(c.number) : "", display_name(c.name, c.name_en, o.language),
                                 c.tasks, o.decimal_comma));
    rows.push_back(count_row("", std::string(label(Label::all_components, o.language)), r.all_tasks, o.decimal_comma));
    render::TaskCountColumns columns;
    columns.order = report_status_order;
    columns.overdue_and_done = true;
    columns.csv = csv;
    columns.language = o.language;
    return {"components", render::task_count_table(rows, columns)};
}

Section owners_section(const PeriodicReport& r, const ReportRenderOptions& o, bool csv) {
    const Labels& L = labels(o.language);
    Section s{"owners", {}};
    if (csv)
        s.table.header = {L(Label::col_agency_id), L(Label::col_agency),
                          std::string(role_label(TaskRole::lead, L.language)),
                          std::string(role_label(TaskRole::cooperating, L.language))};
    else
        s.table.header = {L(Label::col_agency), std::string(role_label(TaskRole::lead, L.language)),
                          std::string(role_label(TaskRole::cooperating, L.language))};
    for (TaskStatus st : report_status_order) s.table.header.emplace_back(std::string(status_label(st, o.language)));
    if (csv) {
        s.table.header.insert(s.table.header.end(),
                              {L(Label::col_overdue), L(Label::col_overdue_tasks), L(Label::col_reported_this_period),
                               L(Label::col_report_date), L(Label::col_report_due), L(Label::col_days_late)});
    } else {
        s.table.header.insert(s.table.header.end(), {L(Label::col_overdue_tasks), L(Label::col_reported_this_period)});
    }
    s.table.align.assign(s.table.header.size(), Align::right);
    s.table.align[0] = Align::left;
    if (csv) s.table.align[1] = Align::left;
    s.table.align[s.table.header.size() - 1] = Align::left;
    if (!csv) s.table.align[s.table.header.size() - 2] = Align::left;
    for (const auto& os : r.owners) {
        std::vector<Cell> row;
        if (csv) row.emplace_back(os.owner.id);
        row.emplace_back(name(os.owner, o.language));
        row.emplace_back(std::to_string(os.lead_tasks));
        row.emplace_back(std::to_string(os.cooperating_tasks));
        for (TaskStatus st : report_status_order) row.emplace_back(std::to_string(os.tasks.count(st)));
        const auto& rep = os.reporting;
        if (csv) {
            row.emplace_back(std::to_string(os.overdue.size()));
            row.emplace_back(join(os.overdue, "; "));
            row.emplace_back(rep.reported ? L(Label::yes) : L(Label::no));
            row.emplace_back(rep.last_report ? format_date(*rep.last_report) : "");
            row.emplace_back(rep.due ? format_date(*rep.due) : "");
            row.emplace_back(rep.late ? std::to_string(rep.days_late) : "");
        } else {
            row.emplace_back(os.overdue.empty() ? std::string("—") : join(os.overdue, ", "));
            row.emplace_back(reporting_text(rep, L, o.language));
        }
        s.table.rows.push_back(std::move(row));
    }
    return s;
}

Section changes_section(const PeriodicReport& r, const ReportRenderOptions& o, bool csv) {
    const Labels& L = labels(o.language);
    Section s{"changes", {}};
    if (csv)
        s.table.header = {L(Label::col_date),         L(Label::col_task),
                          L(Label::col_agency_id),    L(Label::col_reporter),
                          L(Label::col_about_period), L(Label::col_status_before),
                          L(Label::col_status_after), std::string(L(Label::col_progress)) + " (%)",
                          L(Label::col_evidence),     L(Label::col_note)};
    else
        s.table.header = {L(Label::col_date),         L(Label::col_task),   L(Label::col_reporter),
                          L(Label::col_about_period), L(Label::col_status), L(Label::col_progress),
                          L(Label::col_evidence),     L(Label::col_note)};
    s.table.align.assign(s.table.header.size(), Align::left);
    s.table.align[csv ? 7 : 5] = Align::right;
    for (const auto& c : r.changes) {
        auto period = parse_period(c.period);
        std::string about = csv ? c.period : (period ? period_label(*period, o.language) : c.period);
        if (csv)
            s.table.rows.push_back(
                {Cell(format_date(c.date)), Cell(c.task), Cell(c.reported_by.id), Cell(name(c.reported_by, o.language)),
                 Cell(about), Cell(std::string(status_label(c.before, o.language))),
                 Cell(std::string(status_label(c.after, o.language))),
                 Cell(c.percent ? std::to_string(*c.percent) : ""), Cell(join(c.evidence, "; ")), Cell(c.note)});
        else
            s.table.rows.push_back({Cell(show_date(c.date, o.language)), Cell(c.task),
                                    Cell(name(c.reported_by, o.language)), Cell(about),
                                    Cell(status_change(c, o.language)), Cell(percent_text(c.percent)),
                                    Cell(join(c.evidence, "; ")), Cell(c.note)});
    }
    return s;
}

Section deadlines_section(const std::vector<DeadlineItem>& items, const char* key, const std::string& days_label,
                          const ReportRenderOptions& o, bool csv) {
    const Labels& L = labels(o.language);
    Section s{key, {}};
    if (csv)
        s.table.header = {L(Label::col_task),
                          L(Label::col_agency_id),
                          std::string(role_label(TaskRole::lead, L.language)),
                          L(Label::col_due),
                          days_label,
                          L(Label::col_status),
                          std::string(L(Label::col_progress)) + " (%)",
                          L(Label::col_text)};
    else
        s.table.header = {L(Label::col_task),   std::string(role_label(TaskRole::lead, L.language)),
                          L(Label::col_due),    days_label,
                          L(Label::col_status), L(Label::col_progress),
                          L(Label::col_text)};
    s.table.align.assign(s.table.header.size(), Align::left);
    s.table.align[csv ? 4 : 3] = Align::right;
    s.table.align[csv ? 6 : 5] = Align::right;
    for (const auto& d : items) {
        std::vector<Cell> row{Cell(d.task)};
        if (csv) row.emplace_back(d.lead.id);
        row.emplace_back(name(d.lead, o.language));
        row.emplace_back(csv ? format_date(d.due) : show_date(d.due, o.language));
        row.emplace_back(std::to_string(d.days));
        row.emplace_back(std::string(status_label(d.status, o.language)));
        row.emplace_back(csv ? (d.percent ? std::to_string(*d.percent) : "") : percent_text(d.percent));
        row.emplace_back(d.text);
        s.table.rows.push_back(std::move(row));
    }
    return s;
}

Section not_reported_section(const PeriodicReport& r, const ReportRenderOptions& o, bool csv) {
    const Labels& L = labels(o.language);
    Section s{"not_reported", {}};
    if (csv)
        s.table.header = {L(Label::col_agency_id),      L(Label::col_agency),    L(Label::col_report_due),
                          L(Label::col_situation),      L(Label::col_days_late), L(Label::col_send_to),
                          L(Label::col_reports_missing)};
    else
        s.table.header = {L(Label::col_agency),    L(Label::col_agency_id), L(Label::col_report_due),
                          L(Label::col_situation), L(Label::col_send_to),   L(Label::col_reports_missing)};
    s.table.align.assign(s.table.header.size(), Align::left);
    s.table.align.back() = Align::right;
    // Recipients by id: the focal agency or whoever the duty names.
    for (const auto& os : r.not_reported) {
        const auto& rep = os.reporting;
        std::string to;
        if (!rep.to.empty()) {
            to = rep.to;
            for (const auto& other : r.owners)
                if (other.owner.id == rep.to) to = name(other.owner, o.language);
            if (rep.to == r.focal_agency.id) to = name(r.focal_agency, o.language);
        }
        std::string due = rep.due ? (csv ? format_date(*rep.due) : show_date(*rep.due, o.language)) : "";
        // Reports are owed once per occurrence: a monthly duty in a quarter is three.
        std::string missing = rep.owes ? fmt::format("{}/{}", rep.missing, rep.owed) : "";
        if (csv)
            s.table.rows.push_back({Cell(os.owner.id), Cell(name(os.owner, o.language)), Cell(due),
                                    Cell(situation_text(rep, L)), Cell(rep.late ? std::to_string(rep.days_late) : ""),
                                    Cell(to), Cell(missing)});
        else
            s.table.rows.push_back({Cell(name(os.owner, o.language)), Cell(os.owner.id), Cell(due.empty() ? "—" : due),
                                    Cell(situation_text(rep, L)), Cell(to.empty() ? "—" : to),
                                    Cell(missing.empty() ? "—" : missing)});
    }
    return s;
}

std::string title_line(const PeriodicReport& r, const Labels& L, Language l) {
    return fmt1(L(Label::report_title), period_label(r.period, l));
}

std::string plan_text(const PeriodicReport& r) {
    std::string s = r.plan_document;
    if (!r.plan_title.empty()) s += (s.empty() ? "" : ", ") + r.plan_title;
    return s;
}

std::string period_text(const PeriodicReport& r, const Labels& L, Language l) {
    std::string label = period_label(r.period, l);
    if (r.period.kind == PeriodKind::range) return label;
    return label + " (" +
           fmt2(L(Label::report_period_span), show_date(r.period.first, l), show_date(r.period.last, l)) + ")";
}

std::string code_span(const std::string& s) {
    if (s.find('`') != std::string::npos || s.find('\n') != std::string::npos) return markdown_cell(s);
    return "`" + visible_line(s) + "`";
}

// The header's list of sources: every file, or, past `max_listed` files, the plan file and
// then one line per directory of update files (how many, and their revisions), so that a
// report on thousands of update files keeps a readable header. The CSV lists every file.
std::vector<std::string> source_lines(const std::vector<SourceFile>& sources, const Labels& L,
                                      std::size_t max_listed = 20) {
    auto one = [](const SourceFile& s) {
        return code_span(s.path) + (s.revision.empty() ? "" : " (" + markdown_cell(s.revision) + ")");
    };
    std::vector<std::string> out;
    if (sources.size() <= max_listed) {
        for (const auto& s : sources) out.push_back(one(s));
        return out;
    }
    out.push_back(one(sources.front()));
    struct Group {
        std::string dir;
        std::size_t files = 0;
        std::vector<std::pair<std::string, std::size_t>> revisions;  // in order of appearance
    };
    std::vector<Group> groups;
    for (std::size_t i = 1; i < sources.size(); ++i) {
        const auto& s = sources[i];
        auto slash = s.path.rfind('/');
        std::string dir = slash == std::string::npos ? std::string("./") : s.path.substr(0, slash + 1);
        auto g = std::find_if(groups.begin(), groups.end(), [&](const Group& x) { return x.dir == dir; });
        if (g == groups.end()) g = groups.insert(groups.end(), Group{dir, 0, {}});
        ++g->files;
        auto rv = std::find_if(g->revisions.begin(), g->revisions.end(),
                               [&](const auto& x) { return x.first == s.revision; });
        if (rv == g->revisions.end())
            g->revisions.emplace_back(s.revision, 1);
        else
            ++rv->second;
    }
    for (const auto& g : groups) {
        std::string line =
            code_span(g.dir) + " — " + label_count(Label::report_files, L.language, static_cast<long>(g.files));
        std::string revs;
        for (const auto& [rev, n] : g.revisions) {
            if (rev.empty() && g.revisions.size() == 1) continue;
            std::string text = rev.empty() ? "?" : rev;
            revs += (revs.empty() ? "" : "; ") + (g.revisions.size() == 1 ? text : fmt::format("{}: {}", text, n));
        }
        if (!revs.empty()) line += " (" + markdown_cell(revs) + ")";
        out.push_back(line);
    }
    return out;
}

// ---- Markdown ----

std::string render_markdown_report(const PeriodicReport& r, const ReportRenderOptions& o) {
    const Labels& L = labels(o.language);
    const Language l = o.language;
    std::string out = "# " + markdown_line(title_line(r, L, l)) + "\n\n";
    auto item = [&](const std::string& label, const std::string& value) {
        if (!value.empty()) out += "- **" + std::string(label) + ":** " + markdown_cell(value) + "\n";
    };
    item(L(Label::report_plan), plan_text(r));
    item(L(Label::report_issuer), r.plan_issuer);
    if (!r.focal_agency.id.empty()) item(L(Label::report_focal), name(r.focal_agency, l));
    item(L(Label::report_period), period_text(r, L, l));
    item(L(Label::report_as_of),
         show_date(r.as_of, l) +
             (r.as_of_is_today_for_past_period ? " (" + std::string(L(Label::as_of_today_note)) + ")" : std::string()));
    if (!r.sources.empty()) {
        out += "- **" + std::string(L(Label::report_sources)) + ":**\n";
        for (const auto& line : source_lines(r.sources, L)) out += "  - " + line + "\n";
    }
    out += "\n";
    auto none = [&] { out += "_" + std::string(L(Label::report_none)) + "_\n\n"; };

    out += "## " + std::string(L(Label::report_s1)) + "\n\n";
    if (r.scores) {
        out += fmt::format(fmt::runtime(L(Label::report_scores_intro)), r.scores->target_year) + "\n\n";
        out += render_markdown(scores_section(r, o).table) + "\n";
        // the rank and the rank targets, evaluated against the national tables (rank.hpp)
        const GapReport& g = *r.scores;
        if (g.rank) out += "- " + markdown_line(rank_line(g.rank_year, g.province_name, *g.rank, o.language)) + "\n";
        for (const auto& t : g.rank_targets)
            out += "- " + markdown_line(rank_target_line(t, o.language, o.decimal_comma)) + "\n";
        if (g.rank || !g.rank_targets.empty()) out += "\n";
    }
    out += std::string(L(Label::report_tasks_intro)) + "\n\n";
    out += render_markdown(components_section(r, o, false).table) + "\n";

    out += "## " + std::string(L(Label::report_s2)) + "\n\n";
    if (r.owners.empty())
        none();
    else
        out += render_markdown(owners_section(r, o, false).table) + "\n";

    out += "## " + std::string(L(Label::report_s3)) + "\n\n";
    if (r.changes.empty())
        none();
    else
        out += render_markdown(changes_section(r, o, false).table) + "\n";

    out += "## " + std::string(L(Label::report_s4)) + "\n\n";
    out += "### " + std::string(L(Label::report_overdue_title)) + "\n\n";
    if (r.overdue.empty())
        none();
    else
        out +=
            render_markdown(deadlines_section(r.overdue, "overdue", L(Label::col_days_overdue), o, false).table) + "\n";
    out += "### " +
           markdown_line(label_count(Label::report_upcoming_title, l, r.due_window_days,
                                     show_date(add_days(r.as_of, r.due_window_days), l))) +
           "\n\n";
    if (r.upcoming.empty())
        none();
    else
        out +=
            render_markdown(deadlines_section(r.upcoming, "upcoming", L(Label::col_days_left), o, false).table) + "\n";

    out += "## " + std::string(L(Label::report_s5)) + "\n\n";
    if (r.not_reported.empty()) {
        out += "_" + std::string(L(Label::report_none)) + "_\n";
    } else {
        out += render_markdown(not_reported_section(r, o, false).table);
    }
    return out;
}

// ---- CSV ----

std::string render_csv_report(const PeriodicReport& r, const ReportRenderOptions& options) {
    ReportRenderOptions o = options;
    o.decimal_comma = options.decimal_comma || options.csv.decimal_comma;  // or the dialect's own
    const Labels& L = labels(o.language);
    const Language l = o.language;
    std::vector<std::vector<std::string>> records;
    auto header_row = [&](const std::string& label, const std::string& value, const std::string& detail = {}) {
        records.push_back({"header", label, value, detail});
    };
    header_row(L(Label::report_plan), plan_text(r));
    header_row(L(Label::report_issuer), r.plan_issuer);
    if (!r.focal_agency.id.empty()) header_row(L(Label::report_focal), name(r.focal_agency, l), r.focal_agency.id);
    header_row(L(Label::report_period), period_label(r.period, l), format_period(r.period));
    header_row(L(Label::report_as_of), format_date(r.as_of),
               r.as_of_is_today_for_past_period ? std::string(L(Label::as_of_today_note)) : std::string());
    for (const auto& s : r.sources) header_row(L(Label::report_sources), s.path, s.revision);

    std::vector<Section> sections;
    if (r.scores) sections.push_back(scores_section(r, o));
    sections.push_back(components_section(r, o, true));
    sections.push_back(owners_section(r, o, true));
    sections.push_back(changes_section(r, o, true));
    sections.push_back(deadlines_section(r.overdue, "overdue", L(Label::col_days_overdue), o, true));
    sections.push_back(deadlines_section(r.upcoming, "upcoming", L(Label::col_days_left), o, true));
    sections.push_back(not_reported_section(r, o, true));
    for (const auto& s : sections) {
        std::vector<std::string> head{s.key};
        head.insert(head.end(), s.table.header.begin(), s.table.header.end());
        records.push_back(std::move(head));
        for (const auto& row : s.table.rows) {
            std::vector<std::string> rec{s.key};
            for (const auto& c : row) rec.push_back(c.text == "—" ? std::string() : c.text);
            records.push_back(std::move(rec));
        }
    }
    return render_csv_records(records, o.csv, true, /*rectangular=*/true);
}

// ---- the task list ----

std::string cut(const std::string& text, std::size_t width) {
    std::string flat;
    bool space = false;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = true;
            continue;
        }
        if (space && !flat.empty()) flat += ' ';
        space = false;
        flat += c;
    }
    if (display_width(flat) <= width) return flat;
    std::string out;
    std::size_t w = 0;
    for (std::size_t i = 0; i < flat.size();) {
        const std::size_t n = decode_utf8(flat, i).size;
        std::string cp = flat.substr(i, n);
        std::size_t cw = display_width(cp);
        if (w + cw + 1 > width) break;
        out += cp;
        w += cw;
        i += n;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "…";
}

std::string owner_display(const Plan& plan, const std::string& id, Language l) {
    const Owner* o = plan.find_owner(id);
    return o ? display_name(o->name, o->name_en, l, id) : id;
}

}  // namespace

std::string period_label(const CalendarPeriod& p, Language language) {
    const Labels& L = labels(language);
    switch (p.kind) {
        case PeriodKind::month:
            return format_label(Label::period_month, language, month_label(p.first.month, language), p.first.month,
                                p.year());
        case PeriodKind::quarter:
            return format_label(Label::period_quarter, language, roman(p.index()), p.index(), p.year());
        case PeriodKind::half:
            return fmt::format(fmt::runtime(p.index() == 1 ? L(Label::period_half_1) : L(Label::period_half_2)),
                               p.year());
        case PeriodKind::year:
            return fmt::format(fmt::runtime(L(Label::period_year)), p.year());
        case PeriodKind::range:
            return fmt2(L(Label::period_range), show_date(p.first, language), show_date(p.last, language));
    }
    return format_period(p);
}

std::string render_report(const PeriodicReport& report, ReportFormat format, const ReportRenderOptions& options) {
    return format == ReportFormat::csv ? render_csv_report(report, options) : render_markdown_report(report, options);
}

std::string render_task_list(const Plan& plan, const std::vector<TaskRow>& rows, const Date& as_of,
                             TaskListFormat format, const TaskListOptions& o) {
    const Labels& L = labels(o.language);
    auto component_number = [&](const Task& t) {
        const Component* c = plan.find_component(t.component);
        return c && c->number ? std::to_string(c->number) : t.component;
    };
    auto last_update = [](const TaskRow& r) {
        return r.state.update ? format_date(r.state.update->date) : std::string();
    };
    switch (format) {
        case TaskListFormat::json: {
            nlohmann::ordered_json root;
            root["as_of"] = format_date(as_of);
            root["count"] = rows.size();
            auto arr = nlohmann::ordered_json::array();
            for (const auto& r : rows) {
                const Task& t = *r.task;
                nlohmann::ordered_json j;
                j["id"] = t.id;
                j["component"] = t.component;
                j["lead"] = t.lead;
                j["cooperating"] = t.cooperating;
                j["status"] = to_string(r.state.status);
                j["status_origin"] = r.state.origin == StatusOrigin::plan     ? "plan"
                                     : r.state.origin == StatusOrigin::update ? "update"
                                                                              : "carried";
                j["percent"] =
                    r.state.percent ? nlohmann::ordered_json(*r.state.percent) : nlohmann::ordered_json(nullptr);
                j["due"] =
                    t.due ? nlohmann::ordered_json(format_partial_date(*t.due)) : nlohmann::ordered_json(nullptr);
                j["overdue"] = r.state.overdue;
                j["overdue_days"] =
                    r.state.overdue ? nlohmann::ordered_json(r.state.days_overdue) : nlohmann::ordered_json(nullptr);
                j["recurrence"] = to_string(t.recurrence);
                j["last_update"] = r.state.update ? nlohmann::ordered_json(format_date(r.state.update->date))
                                                  : nlohmann::ordered_json(nullptr);
                j["reported_by"] = r.state.update && !r.state.update->reported_by.empty()
                                       ? nlohmann::ordered_json(r.state.update->reported_by)
                                       : nlohmann::ordered_json(nullptr);
                j["text"] = t.text;
                j["source"] = t.source;
                arr.push_back(std::move(j));
            }
            root["tasks"] = std::move(arr);
            return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        }
        case TaskListFormat::csv: {
            Table t;
            t.header = {"id",  "component",    "lead",       "cooperating", "status", "percent",
                        "due", "overdue_days", "recurrence", "last_update", "text",   "source"};
            for (const auto& r : rows) {
                const Task& k = *r.task;
                t.rows.push_back({Cell(k.id), Cell(k.component), Cell(k.lead), Cell(join(k.cooperating, ";")),
                                  Cell(to_string(r.state.status)),
                                  Cell(r.state.percent ? std::to_string(*r.state.percent) : ""),
                                  Cell(k.due ? format_partial_date(*k.due) : ""),
                                  Cell(r.state.overdue ? std::to_string(r.state.days_overdue) : ""),
                                  Cell(to_string(k.recurrence)), Cell(last_update(r)), Cell(k.text), Cell(k.source)});
            }
            return pgi::render_csv(t, o.csv, true);
        }
        case TaskListFormat::markdown:
        case TaskListFormat::table: {
            bool md = format == TaskListFormat::markdown;
            Table t;
            t.header = {"ID", L(Label::col_component_number), std::string(role_label(TaskRole::lead, L.language))};
            if (md) t.header.push_back(std::string(role_label(TaskRole::cooperating, L.language)));
            t.header.insert(t.header.end(),
                            {L(Label::col_status), "%", L(Label::col_due), L(Label::col_overdue), L(Label::col_text)});
            t.align.assign(t.header.size(), Align::left);
            t.align[1] = Align::right;
            t.align[md ? 5 : 4] = Align::right;
            t.align[md ? 7 : 6] = Align::right;
            for (const auto& r : rows) {
                const Task& k = *r.task;
                std::string lead = owner_display(plan, k.lead, o.language);
                std::vector<Cell> row{Cell(k.id), Cell(component_number(k)),
                                      Cell(md ? lead : cut(lead, o.owner_width))};
                if (md) {
                    std::vector<std::string> names;
                    for (const auto& c : k.cooperating) names.push_back(owner_display(plan, c, o.language));
                    row.emplace_back(join(names, "; "));
                }
                Style st = r.state.status == TaskStatus::blocked ? Style::bad
                           : r.state.status == TaskStatus::done  ? Style::good
                                                                 : Style::plain;
                row.emplace_back(std::string(status_label(r.state.status, o.language)), st);
                row.emplace_back(r.state.percent ? std::to_string(*r.state.percent) : "");
                row.emplace_back(k.due ? format_partial_date(*k.due, o.language) : "");
                row.emplace_back(
                    r.state.overdue ? label_count(Label::days_count, o.language, r.state.days_overdue) : "",
                    Style::bad);
                row.emplace_back(md ? k.text : cut(k.text, o.text_width));
                t.rows.push_back(std::move(row));
            }
            return md ? render_markdown(t) : render_terminal(t, false);
        }
    }
    return {};
}

}  // namespace pgi
