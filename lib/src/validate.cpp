#include "pgi/validate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>

#include "pgi/i18n.hpp"
#include "pgi/labels.hpp"
#include "pgi/load.hpp"
#include "pgi/text.hpp"
#include "pgi/tracking.hpp"

namespace pgi {

namespace {

class Checker {
public:
    Checker(const Plan& p, Diagnostics& out) : plan_(p), out_(out) {}

    void run() {
        check_ids(plan_.components, tr("component"));
        check_ids(plan_.owners, tr("owner"));
        check_ids(plan_.tasks, tr("task"));
        check_component_numbers();
        check_component_set();
        check_meta();
        for (const auto& c : plan_.components) check_component(c);
        check_total_targets();
        for (const auto& o : plan_.owners)
            for (std::size_t i = 0; i < o.members.size(); ++i)
                ref_owner(
                    o.members[i], [&] { return at(o.location, o.members_at, i); },
                    [&] { return trf("group `{}`: member", o.id); });
        check_group_cycles();
        for (const auto& t : plan_.tasks) check_task(t);
        for (const auto& o : plan_.observations) check_observation(o);
        check_observation_pairs();
        check_unmatched_updates();
    }

private:
    const Plan& plan_;
    Diagnostics& out_;
    std::optional<OwnerIndex> owner_index_;  // built on first use

    static SourceLocation at(const SourceLocation& base, const std::vector<TextPosition>& positions, std::size_t i) {
        return i < positions.size() ? located(base, positions[i]) : base;
    }

    // A group that contains itself, directly or through other groups, has no agencies to
    // stand for: its tasks would belong to no one in the per-agency tables. A group contains
    // itself exactly when it lies on a cycle of the member graph: a strongly connected
    // component of more than one owner, or one that lists itself. Tarjan's algorithm,
    // iterative (a chain of 4,000 groups must not overflow the stack), linear in owners +
    // members; each group on a cycle is reported once, in the plan's order.
    void check_group_cycles() {
        const std::size_t n = plan_.owners.size();
        constexpr std::size_t none = std::string::npos;
        std::vector<std::vector<std::size_t>> edges(n);
        for (std::size_t i = 0; i < n; ++i)
            for (const auto& m : plan_.owners[i].members)
                if (const Owner* o = plan_.find_owner(m))
                    edges[i].push_back(static_cast<std::size_t>(o - plan_.owners.data()));
        std::vector<std::size_t> index(n, none), low(n, 0), stack;
        std::vector<bool> on_stack(n, false), in_cycle(n, false);
        std::size_t next = 0;
        struct Frame {
            std::size_t v, edge;
        };
        for (std::size_t root = 0; root < n; ++root) {
            if (index[root] != none || edges[root].empty()) continue;
            std::vector<Frame> calls{{root, 0}};
            index[root] = low[root] = next++;
            stack.push_back(root);
            on_stack[root] = true;
            while (!calls.empty()) {
                Frame& f = calls.back();
                if (f.edge < edges[f.v].size()) {
                    std::size_t w = edges[f.v][f.edge++];
                    if (w == f.v) in_cycle[w] = true;
                    if (index[w] == none) {
                        index[w] = low[w] = next++;
                        stack.push_back(w);
                        on_stack[w] = true;
                        calls.push_back({w, 0});
                    } else if (on_stack[w]) {
                        low[f.v] = std::min(low[f.v], index[w]);
                    }
                    continue;
                }
                std::size_t v = f.v;
                calls.pop_back();
                if (!calls.empty()) low[calls.back().v] = std::min(low[calls.back().v], low[v]);
                if (low[v] != index[v]) continue;
                std::size_t size = 0, w;
                std::size_t top = stack.size();
                do {
                    w = stack[--top];
                    ++size;
                } while (w != v);
                for (std::size_t k = top; k < stack.size(); ++k) {
                    on_stack[stack[k]] = false;
                    if (size > 1) in_cycle[stack[k]] = true;
                }
                stack.resize(top);
            }
        }
        for (std::size_t i = 0; i < n; ++i)
            if (in_cycle[i])
                out_.error(plan_.owners[i].location, "group-cycle",
                           trf("group `{}` contains itself through its members", plan_.owners[i].id),
                           tr("a group lists agencies or other groups, never itself"));
    }

    void check_component_set() {
        std::set<int> numbers;
        for (const auto& c : plan_.components)
            if (c.number) numbers.insert(c.number);
        if (!numbers.empty() && numbers.size() < 4)
            out_.warning(plan_.components.front().location, "incomplete-components",
                         trf("the plan has {} of the 4 PGI components; its total is not the PGI score", numbers.size()),
                         tr("add the missing components (their targets may be omitted)"));
    }
    template <class T>
    void check_ids(const std::vector<T>& items, const char* what) {
        // a hash of views into the items: linear in the number of ids, no id copied
        std::unordered_map<std::string_view, const T*> seen;
        seen.reserve(items.size());
        for (const auto& item : items) {
            if (item.id.empty()) continue;
            auto [it, inserted] = seen.emplace(item.id, &item);
            if (!inserted)
                out_.add({Severity::error,
                          item.location,
                          "duplicate-id",
                          trf("{} id `{}` is used twice", what, item.id),
                          tr("ids must be unique"),
                          {it->second->location}});
        }
    }

    void check_component_numbers() {
        std::map<int, const Component*> seen;
        for (const auto& c : plan_.components) {
            if (c.number == 0) continue;
            auto [it, inserted] = seen.emplace(c.number, &c);
            if (!inserted)
                out_.add({Severity::error,
                          c.location,
                          "duplicate-id",
                          trf("component number {} is used twice", c.number),
                          "",
                          {it->second->location}});
        }
    }

    // Did-you-mean hints compare a name with every id (edit distance): only the first few
    // unknown references get one, so a file of a million unknown ids stays linear.
    static constexpr int max_suggestions = 20;
    int suggestions_ = 0;

    template <class T>
    std::string suggest(std::string_view name, const std::vector<T>& items) {
        if (++suggestions_ > max_suggestions) return {};
        std::vector<std::string_view> ids;
        for (const auto& item : items) ids.push_back(item.id);
        auto best = did_you_mean(name, ids);
        return best ? trf("did you mean `{}`?", *best) : std::string();
    }

    // A value, or what a callable gives: the location and the wording of a reference are only
    // built when the reference is wrong (a plan of 100,000 tasks has 300,000 references).
    template <class T>
    static auto force(const T& x) {
        if constexpr (std::is_invocable_v<const T&>)
            return x();
        else
            return x;
    }

    template <class At, class Role>
    void ref_owner(const std::string& id, const At& at, const Role& role) {
        if (id.empty() || plan_.find_owner(id)) return;
        std::string hint = suggest(id, plan_.owners);
        if (hint.empty()) hint = tr("add it under `owners`");
        out_.error(force(at), "unknown-reference", trf("{} `{}` is not a known owner", force(role), id), hint);
    }

    template <class At, class Role>
    void ref_component(const std::string& id, const At& at, const Role& role) {
        if (id.empty() || plan_.find_component(id)) return;
        std::string hint = suggest(id, plan_.components);
        if (hint.empty()) hint = tr("add it under `components`");
        out_.error(force(at), "unknown-reference", trf("{} `{}` is not a known component", force(role), id), hint);
    }

    void check_meta() {
        const auto& m = plan_.meta;
        if (m.period.end && *m.period.end < m.period.start)
            out_.error(m.period_location, "invalid-value",
                       trf("the period ends ({}) before it starts ({})", *m.period.end, m.period.start));
        ref_owner(m.focal_agency, m.focal_agency_location, tr("the focal agency"));
        for (const auto& r : m.reports) {
            for (std::size_t i = 0; i < r.from.size(); ++i)
                ref_owner(r.from[i], at(r.location, r.from_at, i), tr("report sender"));
            ref_owner(r.to, located(r.location, r.to_at), tr("report recipient"));
        }
    }

    void in_scale(Score s, const Component& c, const SourceLocation& at, std::string_view what) {
        if (s < c.scale_min || s > c.scale_max)
            out_.error(at, "score-out-of-range",
                       trf("{} {} is outside the scale {}–{} of component `{}`", what, format_score(s),
                           format_score(c.scale_min), format_score(c.scale_max), c.id),
                       tr("PGI component scores are points from 0 to 10"));
    }

    void check_targets(const std::vector<Target>& targets, std::string_view owner) {
        std::set<std::tuple<int, TargetKind, std::string>> seen;  // a regional rank target is its own kind
        for (const auto& t : targets) {
            if (t.year && !seen.emplace(t.year, t.kind, t.region).second)
                out_.error(t.location, "duplicate-target",
                           trf("{} has two {} targets for {}", owner, to_string(t.kind), t.year),
                           tr("keep one target per kind and year"));
        }
    }

    void check_component(const Component& c) {
        if (c.scale_min >= c.scale_max) {
            out_.error(c.location, "score-out-of-range",
                       trf("component `{}` has a scale whose min is not below its max", c.id),
                       tr("PGI components use `scale: {min: 0, max: 10}`, the default"));
            return;
        }
        // The four PGI components are named from data/pgi-components.yaml in every output
        // (labels.hpp, component_names()): a different English name in the plan is not shown.
        if (ComponentNames names = component_names(c); !c.name_en.empty() && c.name_en != names.name_en)
            out_.warning(c.location, "component-name-en",
                         trf("component `{}`: `name_en` \"{}\" is not VCCI's English name \"{}\", which every output "
                             "uses",
                             c.id, c.name_en, names.name_en),
                         tr("remove `name_en`: the four PGI components take their names from pgi's data"));
        if (c.baseline) in_scale(c.baseline->score, c, c.baseline->location, tr("baseline"));
        check_targets(c.targets, trf("component `{}`", c.id));
        for (const auto& t : c.targets) {
            if (t.kind != TargetKind::score) continue;
            in_scale(t.score, c, t.location, tr("target"));
            if (c.baseline && t.year && c.baseline->year && t.year <= c.baseline->year)
                out_.warning(t.location, "target-before-baseline",
                             trf("target year {} is not after the baseline year {}", t.year, c.baseline->year));
            if (t.stated_increase && c.baseline) {
                Score actual = t.score - c.baseline->score;
                if (actual != *t.stated_increase)
                    out_.error(t.location, "target-mismatch",
                               trf("target {} minus baseline {} is {}, but the stated increase is {}",
                                   format_score(t.score), format_score(c.baseline->score), format_signed_score(actual),
                                   format_signed_score(*t.stated_increase)),
                               tr("correct the target, the baseline or the increase; they must agree exactly"));
            }
            if (c.baseline && t.score < c.baseline->score)
                out_.warning(t.location, "target-below-baseline",
                             trf("target {} for {} is below the baseline {}", format_score(t.score), t.year,
                                 format_score(c.baseline->score)),
                             tr("plans aim to raise scores; check the two numbers"));
            if (t.stated_increase && !c.baseline)
                out_.warning(t.location, "target-mismatch",
                             tr("the target states an increase but the component has no baseline"));
        }
    }

    // The total's baseline: the stated one, else the sum of the component baselines when every
    // component has one.
    std::optional<Baseline> total_baseline() const {
        if (plan_.total.baseline) return plan_.total.baseline;
        if (plan_.components.empty()) return std::nullopt;
        Baseline b;
        for (const auto& c : plan_.components) {
            if (!c.baseline || (b.year && c.baseline->year != b.year)) return std::nullopt;
            b.year = c.baseline->year;
            b.score += c.baseline->score;
        }
        return b;
    }

    void check_total_targets() {
        check_targets(plan_.total.targets, tr("the total"));
        if (const auto& b = plan_.total.baseline) {
            Score max_sum;
            for (const auto& c : plan_.components) max_sum += c.scale_max;
            if (plan_.components.empty()) max_sum = Score::from_hundredths(4000);
            if (b->score < Score{} || b->score > max_sum)
                out_.error(b->location, "score-out-of-range",
                           trf("total baseline {} is outside 0–{}", format_score(b->score), format_score(max_sum)),
                           tr("the PGI score is the sum of four 0–10 component scores"));
        }
        auto base = total_baseline();
        for (const auto& t : plan_.total.targets) {
            if (t.kind != TargetKind::score) continue;
            if (t.stated_increase && base) {
                Score actual = t.score - base->score;
                if (actual != *t.stated_increase)
                    out_.error(t.location, "target-mismatch",
                               trf("total target {} minus baseline {} is {}, but the stated increase is {}",
                                   format_score(t.score), format_score(base->score), format_signed_score(actual),
                                   format_signed_score(*t.stated_increase)),
                               tr("correct the target, the baseline or the increase; they must agree exactly"));
            }
            if (t.stated_increase && !base)
                out_.warning(t.location, "target-mismatch",
                             tr("the total target states an increase but there is no total baseline"),
                             tr("add `total: {baseline: {year: …, score: …}}`"));
            Score sum;
            bool complete = !plan_.components.empty();
            for (const auto& c : plan_.components) {
                auto it = std::find_if(c.targets.begin(), c.targets.end(), [&](const Target& x) {
                    return x.kind == TargetKind::score && x.year == t.year;
                });
                if (it == c.targets.end()) {
                    complete = false;
                    break;
                }
                sum += it->score;
            }
            if (complete && sum != t.score)
                out_.error(t.location, "target-mismatch",
                           trf("the total target for {} is {}, but the component targets add up to {}", t.year,
                               format_score(t.score), format_score(sum)),
                           tr("the PGI score is the sum of the four component scores"));
        }
    }

    void check_task(const Task& t) {
        ref_component(
            t.component, [&] { return located(t.location, t.component_at); },
            [&] { return trf("task `{}`: component", t.id); });
        ref_owner(
            t.lead, [&] { return located(t.location, t.lead_at); }, [&] { return trf("task `{}`: lead owner", t.id); });
        for (std::size_t i = 0; i < t.cooperating.size(); ++i)
            ref_owner(
                t.cooperating[i], [&] { return at(t.location, t.cooperating_at, i); },
                [&] { return trf("task `{}`: cooperating owner", t.id); });
        for (const auto& u : t.updates)
            ref_owner(
                u.reported_by, [&] { return located(u.location, u.reported_by_at); },
                [&] { return trf("task `{}`: update reporter", t.id); });
        check_updates(t);
    }

    // Progress updates (docs/tracking.md): reporters must own the task, and one task
    // cannot have two statuses on one date (for a recurring task: for one period).
    void check_updates(const Task& t) {
        if (t.updates.empty()) return;
        if (!owner_index_) owner_index_.emplace(plan_);
        std::vector<std::string> owners = owner_index_->task_owners(t, OwnerRole::any);
        std::map<std::pair<Date, std::string>, const TaskUpdate*> seen;
        for (const auto& u : t.updates) {
            if (u.reported_by.empty())
                out_.error(
                    u.location, "update-no-reporter",
                    trf("task `{}`: the update of {} names no reporting owner", t.id, format_date(u.date)),
                    tr("add `reported_by: <owner id>` to the update or its file, or name the update file after the "
                       "reporting owner (updates/2024-10/<owner id>.yaml); pgi never assumes the task's lead"));
            if (!u.reported_by.empty() && plan_.find_owner(u.reported_by) &&
                std::find(owners.begin(), owners.end(), u.reported_by) == owners.end())
                out_.add(
                    {Severity::error,
                     u.location,
                     "update-not-owner",
                     trf("task `{}`: `{}` reports on it but is neither its lead nor a cooperating owner", t.id,
                         u.reported_by),
                     trf("the owners of `{}` are: {}; fix `reported_by` or the task id", t.id, fmt::join(owners, ", ")),
                     {t.location}});
            std::string period = t.recurrence == Recurrence::none ? std::string() : format_period(update_period(t, u));
            auto [it, inserted] = seen.emplace(std::make_pair(u.date, period), &u);
            if (!inserted && it->second->status != u.status)
                out_.add({Severity::error,
                          u.location,
                          "conflicting-updates",
                          trf("task `{}` is `{}` and `{}` on the same date {}{}", t.id, to_string(it->second->status),
                              to_string(u.status), format_date(u.date),
                              period.empty() ? std::string() : trf(" for {}", period)),
                          tr("keep one of the two updates, or date them apart"),
                          {it->second->location}});
        }
    }

    void check_unmatched_updates() {
        for (const auto& e : plan_.unmatched_updates) {
            std::string hint = suggest(e.task, plan_.tasks);
            out_.error(e.update.location, "unknown-task",
                       trf("update for `{}`, which is not a task of the plan", e.task),
                       hint.empty() ? tr("check the task id against `pgi tasks`") : hint);
        }
    }

    // Two observations of one edition and kind are the same result entered twice: which one
    // counts would depend on their order in the file.
    void check_observation_pairs() {
        // VCCI publishes one official result per edition; estimates may be revised, but two of
        // one edition published on the same date cannot both be current.
        std::map<std::tuple<int, ObservationKind, Date>, const Observation*> seen;
        for (const auto& o : plan_.observations) {
            Date when = o.kind == ObservationKind::official ? Date{} : o.published.latest();
            auto [it, inserted] = seen.emplace(std::make_tuple(o.year, o.kind, when), &o);
            if (!inserted)
                out_.add({Severity::error,
                          o.location,
                          "duplicate-observation",
                          o.kind == ObservationKind::official
                              ? trf("two official observations for PGI {}", o.year)
                              : trf("two estimates for PGI {} published on the same date", o.year),
                          tr("keep one of them"),
                          {it->second->location}});
        }
    }

    void check_observation(const Observation& o) {
        Score sum, max_sum;
        for (const auto& [cid, s] : o.scores) {
            auto loc = o.score_locations.count(cid) ? o.score_locations.at(cid) : o.location;
            const Component* c = plan_.find_component(cid);
            if (!c) {
                ref_component(cid, loc, tr("observed score for"));
                continue;
            }
            in_scale(s, *c, loc, trf("observed {} score", o.year));
            sum += s;
        }
        for (const auto& c : plan_.components) max_sum += c.scale_max;
        if (o.total) {
            if (*o.total < Score{} || *o.total > max_sum)
                out_.error(o.location, "score-out-of-range",
                           trf("observed total {} is outside 0–{}", format_score(*o.total), format_score(max_sum)),
                           tr("the PGI score is the sum of four 0–10 component scores"));
            Score diff = *o.total - sum;
            if (o.scores.size() == plan_.components.size() &&
                (diff > Score::from_hundredths(1) || diff < Score::from_hundredths(-1)))
                out_.warning(o.location, "total-mismatch",
                             trf("the published total {} differs from the sum of the component scores {} by {}",
                                 format_score(*o.total), format_score(sum), format_signed_score(diff)),
                             tr("VCCI rounds each score on its own, so only ±0.01 is expected"));
        }
    }
};

}  // namespace

void validate_plan(const Plan& plan, Diagnostics& out) {
    Checker(plan, out).run();
}

void validate_loaded(LoadResult& loaded) {
    if (loaded.plan) validate_plan(*loaded.plan, loaded.diagnostics);
    loaded.diagnostics.sort();
}

}  // namespace pgi
