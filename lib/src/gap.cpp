#include "pgi/gap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "pgi/i18n.hpp"
#include "pgi/tracking.hpp"

namespace pgi {

namespace {
// Years with a score target, for a component or for the total.
std::set<int> score_target_years(const Plan& plan) {
    std::set<int> years;
    for (const auto& c : plan.components)
        for (const auto& t : c.targets)
            if (t.kind == TargetKind::score) years.insert(t.year);
    for (const auto& t : plan.total.targets) years.insert(t.year);  // rank targets too
    return years;
}
}  // namespace

std::optional<int> choose_target_year(const Plan& plan, const Date& as_of) {
    std::set<int> years = score_target_years(plan);
    if (years.empty()) return std::nullopt;
    if (years.count(as_of.year)) return as_of.year;
    auto it = years.lower_bound(as_of.year);
    if (it != years.begin()) return *std::prev(it);
    return *years.begin();
}

TaskStatus status_as_of(const Task& task, const Date& as_of) {
    return task_state_as_of(task, as_of).status;
}

namespace {

const Target* score_target(const std::vector<Target>& targets, int year) {
    for (const auto& t : targets)
        if (t.kind == TargetKind::score && t.year == year) return &t;
    return nullptr;
}

void finish(GapRow& r) {
    if (r.target && r.current) {
        r.gap = *r.target - *r.current;
        r.met = *r.current >= *r.target;
    }
    if (r.target && r.baseline) r.planned_increase = *r.target - *r.baseline;
    if (r.current && r.baseline) r.achieved_increase = *r.current - *r.baseline;
}

}  // namespace

GapResult compute_gap(const Plan& plan, const GapOptions& options) {
    GapResult result;
    auto year = options.target_year ? options.target_year : choose_target_year(plan, options.as_of);
    SourceLocation where{plan.file, 0, 0};
    if (!year) {
        result.diagnostics.error(where, "no-target", tr("the plan has no targets"),
                                 tr("add `targets` with a `year` and `score` to the components, or to `total`"));
        return result;
    }
    std::set<int> years = score_target_years(plan);
    if (!years.count(*year)) {
        std::string list;
        for (int y : years) list += (list.empty() ? "" : ", ") + std::to_string(y);
        result.diagnostics.error(
            where, "no-target", trf("the plan has no targets for {}", *year),
            list.empty() ? tr("add score targets to the components") : trf("target years in this plan: {}", list));
        return result;
    }

    GapReport rep;
    rep.plan_title = plan.meta.title;
    rep.plan_issuer = plan.meta.issuer;
    rep.plan_document = plan.meta.document_number;
    rep.language = plan.meta.language;
    rep.as_of = options.as_of;
    rep.target_year = *year;

    const Observation* common_obs = nullptr;
    bool all_same_obs = !plan.components.empty();

    for (const auto& c : plan.components) {
        GapRow r;
        r.id = c.id;
        r.number = c.number;
        ComponentNames names = component_names(c);  // the four PGI components: from data/
        r.name = std::move(names.name);
        r.name_en = std::move(names.name_en);
        if (c.baseline) {
            r.baseline = c.baseline->score;
            r.baseline_year = c.baseline->year;
        }
        const Observation* best = nullptr;
        for (const auto& o : plan.observations) {
            if (!o.scores.count(c.id) || o.published.latest() > options.as_of) continue;
            // the latest publication; on the same day an official result beats an estimate,
            // then the later reference year wins
            auto key = [](const Observation& x) {
                return std::make_tuple(x.published.latest(), x.kind == ObservationKind::official, x.year);
            };
            if (!best || key(o) > key(*best)) best = &o;
        }
        if (best) {
            r.current = best->scores.at(c.id);
            r.current_source = CurrentSource::observation;
            r.current_year = best->year;
            r.published = best->published;
            r.observation_kind = best->kind;
        } else if (c.baseline) {
            r.current = c.baseline->score;
            r.current_source = CurrentSource::baseline;
            r.current_year = c.baseline->year;
        }
        if (!best || (common_obs && common_obs != best)) all_same_obs = false;
        if (best && !common_obs) common_obs = best;
        if (const Target* t = score_target(c.targets, *year)) r.target = t->score;
        for (const auto& task : plan.tasks) {
            if (task.component != c.id) continue;
            ++r.tasks;
            ++r.tasks_by_status[static_cast<std::size_t>(status_as_of(task, options.as_of))];
        }
        finish(r);
        rep.components.push_back(std::move(r));
    }

    GapRow& t = rep.total;
    t.id = "total";
    t.name = "PGI";
    t.name_en = "PGI";
    auto sum = [&](auto member) -> std::optional<Score> {
        Score s;
        for (const auto& r : rep.components) {
            if (!(r.*member)) return std::nullopt;
            s += *(r.*member);
        }
        return rep.components.empty() ? std::nullopt : std::optional<Score>(s);
    };
    t.baseline = sum(&GapRow::baseline);
    if (plan.total.baseline) {
        t.baseline = plan.total.baseline->score;
        t.baseline_year = plan.total.baseline->year;
    }
    t.current = sum(&GapRow::current);
    t.target = sum(&GapRow::target);
    // A stated total score target stands for itself (validate checks it against the sum when
    // every component has a target that year).
    if (const Target* stated = score_target(plan.total.targets, *year)) t.target = stated->score;
    if (!rep.components.empty()) {
        const auto& first = rep.components.front();
        bool same_baseline_year = std::all_of(rep.components.begin(), rep.components.end(),
                                              [&](const GapRow& r) { return r.baseline_year == first.baseline_year; });
        if (same_baseline_year && !plan.total.baseline) t.baseline_year = first.baseline_year;
        bool same_source = std::all_of(rep.components.begin(), rep.components.end(), [&](const GapRow& r) {
            return r.current_source == first.current_source && r.current_year == first.current_year;
        });
        if (same_source) {
            t.current_source = first.current_source;
            t.current_year = first.current_year;
            t.published = first.published;
            t.observation_kind = first.observation_kind;
        }
    }
    // VCCI rounds the published total on its own, so it may differ from the sum by 0.01; it
    // replaces the sum only within that tolerance (a larger difference is a `total-mismatch`
    // finding, and the sum is the safer number).
    if (all_same_obs && common_obs && t.current) {
        t.derived = true;
        if (common_obs->total && common_obs->scores.size() >= rep.components.size()) {
            Score diff = *common_obs->total - *t.current;
            if (diff >= Score::from_hundredths(-1) && diff <= Score::from_hundredths(1)) {
                t.current = common_obs->total;
                t.derived = false;
            }
        }
    }
    // A published total newer than what the components give (a total-only observation, or
    // components still at their baselines), or the stated total baseline when nothing else.
    if (t.current_source == CurrentSource::baseline || !t.current) {
        const Observation* best = nullptr;
        for (const auto& o : plan.observations) {
            if (!o.total || o.published.latest() > options.as_of) continue;
            auto key = [](const Observation& x) {
                return std::make_tuple(x.published.latest(), x.kind == ObservationKind::official, x.year);
            };
            if (!best || key(o) > key(*best)) best = &o;
        }
        if (best) {
            t.current = best->total;
            t.current_source = CurrentSource::observation;
            t.current_year = best->year;
            t.published = best->published;
            t.observation_kind = best->kind;
            t.derived = false;
        } else if (!t.current && plan.total.baseline) {
            t.current = plan.total.baseline->score;
            t.current_source = CurrentSource::baseline;
            t.current_year = plan.total.baseline->year;
        }
    }
    for (const auto& r : rep.components) {
        t.tasks += r.tasks;
        for (std::size_t i = 0; i < t.tasks_by_status.size(); ++i) t.tasks_by_status[i] += r.tasks_by_status[i];
    }
    finish(t);
    for (const auto& target : plan.total.targets)
        if (target.year == *year && target.kind != TargetKind::score) rep.total_other_targets.push_back(target);

    // Ranks (issue 9): against the national tables, when given.
    static const std::vector<NationalTable> no_tables;
    const auto& tables = options.tables ? *options.tables : no_tables;
    // the rank of the year the current total is of (a baseline's year before any result)
    int rank_year = t.current_year ? t.current_year : *year;
    std::string province = options.province.empty() ? province_of_plan(plan, rank_year) : options.province;
    for (const auto& target : rep.total_other_targets)
        rep.rank_targets.push_back(evaluate_rank_target(target, province, tables));
    for (const auto& table : tables)
        if (table.year == rank_year && !province.empty() && table.find(province)) {
            rep.rank = place_in(table, province);
            rep.rank_year = rank_year;
            for (const auto& p : provinces_for_year(rank_year))
                if (p.id == province) rep.province_name = p.name;
        }

    result.report = std::move(rep);
    return result;
}

}  // namespace pgi
