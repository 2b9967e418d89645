// diff_plans(): what changed between two plans, in plan terms (diff.hpp, docs/diff.md).
#include "pgi/diff.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "pgi/gap.hpp"
#include "pgi/similarity.hpp"

namespace pgi {

bool PlanDiff::empty() const {
    return scores.empty() && gaps.empty() && components.empty() && tasks.empty() && observations.empty();
}

namespace {

void diff_baseline(const std::string& id, const std::optional<Baseline>& a, const std::optional<Baseline>& b,
                   std::vector<ScoreChange>& out) {
    if (a == b) return;
    ScoreChange c;
    c.what = ScoreChange::What::baseline;
    c.component = id;
    if (a) c.old_score = a->score, c.old_year = a->year;
    if (b) c.new_score = b->score, c.new_year = b->year;
    c.year = b ? b->year : a->year;
    out.push_back(std::move(c));
}

// Targets are keyed by (year, kind, region): one plan states at most one of each.
using TargetKey = std::tuple<int, int, std::string>;
TargetKey key_of(const Target& t) {
    return {t.year, static_cast<int>(t.kind), t.region};
}

void diff_targets(const std::string& id, const std::vector<Target>& a, const std::vector<Target>& b,
                  std::vector<ScoreChange>& out) {
    std::map<TargetKey, const Target*> olds, news;
    for (const auto& t : a) olds.emplace(key_of(t), &t);
    for (const auto& t : b) news.emplace(key_of(t), &t);
    std::set<TargetKey> keys;
    for (const auto& [k, t] : olds) keys.insert(k);
    for (const auto& [k, t] : news) keys.insert(k);
    for (const auto& k : keys) {
        auto o = olds.find(k), n = news.find(k);
        const Target* ot = o == olds.end() ? nullptr : o->second;
        const Target* nt = n == news.end() ? nullptr : n->second;
        bool score_kind = std::get<1>(k) == static_cast<int>(TargetKind::score);
        if (ot && nt && (score_kind ? ot->score == nt->score : ot->rank == nt->rank)) continue;
        ScoreChange c;
        c.what = ScoreChange::What::target;
        c.component = id;
        c.year = std::get<0>(k);
        c.kind = static_cast<TargetKind>(std::get<1>(k));
        if (score_kind) {
            if (ot) c.old_score = ot->score;
            if (nt) c.new_score = nt->score;
        } else {
            if (ot) c.old_rank = ot->rank;
            if (nt) c.new_rank = nt->rank;
        }
        out.push_back(std::move(c));
    }
}

std::string name_of(const Component& c) {
    return c.name_en.empty() ? c.name : c.name + " / " + c.name_en;
}

void diff_components(const Plan& a, const Plan& b, PlanDiff& d) {
    for (const auto& nc : b.components) {
        const Component* oc = a.find_component(nc.id);
        if (!oc) {
            d.components.push_back({ComponentChange::Kind::added, nc.id, "", name_of(nc)});
            diff_baseline(nc.id, std::nullopt, nc.baseline, d.scores);
            diff_targets(nc.id, {}, nc.targets, d.scores);
            continue;
        }
        if (oc->name != nc.name || oc->name_en != nc.name_en)
            d.components.push_back({ComponentChange::Kind::renamed, nc.id, name_of(*oc), name_of(nc)});
        diff_baseline(nc.id, oc->baseline, nc.baseline, d.scores);
        diff_targets(nc.id, oc->targets, nc.targets, d.scores);
    }
    for (const auto& oc : a.components)
        if (!b.find_component(oc.id)) {
            d.components.push_back({ComponentChange::Kind::removed, oc.id, name_of(oc), ""});
            diff_baseline(oc.id, oc.baseline, std::nullopt, d.scores);
            diff_targets(oc.id, oc.targets, {}, d.scores);
        }
    diff_baseline("total", a.total.baseline, b.total.baseline, d.scores);
    diff_targets("total", a.total.targets, b.total.targets, d.scores);
}

void diff_gaps(const Plan& a, const Plan& b, const DiffOptions& opt, PlanDiff& d) {
    d.target_year = opt.target_year;
    if (!d.target_year) d.target_year = choose_target_year(b, opt.as_of);
    if (!d.target_year) d.target_year = choose_target_year(a, opt.as_of);
    if (!d.target_year) return;
    GapOptions go(opt.as_of, d.target_year);
    GapResult ga = compute_gap(a, go), gb = compute_gap(b, go);
    std::map<std::string, const GapRow*> olds;
    std::vector<const GapRow*> news;
    if (ga.report) {
        for (const auto& r : ga.report->components) olds.emplace(r.id, &r);
        olds.emplace("total", &ga.report->total);
    }
    if (gb.report) {
        for (const auto& r : gb.report->components) news.push_back(&r);
        news.push_back(&gb.report->total);
    }
    std::set<std::string> seen;
    auto add = [&](const std::string& id, const GapRow* o, const GapRow* n) {
        GapChange c;
        c.component = id;
        if (o) c.old_gap = o->gap, c.old_planned_increase = o->planned_increase;
        if (n) c.new_gap = n->gap, c.new_planned_increase = n->planned_increase;
        if (c.old_gap != c.new_gap || c.old_planned_increase != c.new_planned_increase) d.gaps.push_back(std::move(c));
    };
    for (const GapRow* n : news) {
        auto it = olds.find(n->id);
        add(n->id, it == olds.end() ? nullptr : it->second, n);
        seen.insert(n->id);
    }
    if (ga.report)
        for (const auto& r : ga.report->components)
            if (!seen.count(r.id)) add(r.id, &r, nullptr);
    // a total row that moved to the end of the list when a component was removed
    std::stable_partition(d.gaps.begin(), d.gaps.end(), [](const GapChange& g) { return g.component != "total"; });
}

std::string joined(const std::vector<std::string>& ids) {
    std::vector<std::string> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    std::string out;
    for (const auto& s : sorted) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::string due_text(const std::optional<PartialDate>& d) {
    return d ? format_partial_date(*d) : "";
}

void diff_task_pair(const Task& o, const Task& n, int similarity, const DiffOptions& opt, PlanDiff& d) {
    auto add = [&](TaskDiff::Kind k, std::string ov, std::string nv) {
        d.tasks.push_back({k, n.id, n.component, std::move(ov), std::move(nv), similarity});
    };
    if (o.id != n.id) add(TaskDiff::Kind::renumbered, o.id, n.id);
    if (o.text != n.text) add(TaskDiff::Kind::reworded, o.text, n.text);
    if (o.component != n.component) add(TaskDiff::Kind::moved, o.component, n.component);
    if (o.lead != n.lead) add(TaskDiff::Kind::lead, o.lead, n.lead);
    if (joined(o.cooperating) != joined(n.cooperating))
        add(TaskDiff::Kind::cooperating, joined(o.cooperating), joined(n.cooperating));
    if (o.due != n.due) add(TaskDiff::Kind::due, due_text(o.due), due_text(n.due));
    TaskStatus os = status_as_of(o, opt.as_of), ns = status_as_of(n, opt.as_of);
    if (os != ns) add(TaskDiff::Kind::status, enum_name(os), enum_name(ns));
}

void diff_tasks(const Plan& a, const Plan& b, const DiffOptions& opt, PlanDiff& d) {
    // 1. by id, unless the texts are too far apart to be the same task
    std::map<std::string, std::size_t> old_by_id;
    for (std::size_t i = 0; i < a.tasks.size(); ++i) old_by_id.emplace(a.tasks[i].id, i);
    std::vector<std::optional<std::size_t>> match(b.tasks.size());  // new index -> old index
    std::vector<int> similarity(b.tasks.size(), 0);
    std::vector<bool> old_matched(a.tasks.size(), false);
    for (std::size_t j = 0; j < b.tasks.size(); ++j) {
        auto it = old_by_id.find(b.tasks[j].id);
        if (it == old_by_id.end() || old_matched[it->second]) continue;
        int s = text_similarity(a.tasks[it->second].text, b.tasks[j].text);
        if (s < opt.match_threshold) continue;
        match[j] = it->second;
        similarity[j] = s;
        old_matched[it->second] = true;
    }
    // 2. the rest by text
    std::vector<std::size_t> old_rest, new_rest;
    std::vector<std::string_view> old_texts, new_texts;
    for (std::size_t i = 0; i < a.tasks.size(); ++i)
        if (!old_matched[i]) old_rest.push_back(i), old_texts.push_back(a.tasks[i].text);
    for (std::size_t j = 0; j < b.tasks.size(); ++j)
        if (!match[j]) new_rest.push_back(j), new_texts.push_back(b.tasks[j].text);
    for (const auto& p : match_by_similarity(old_texts, new_texts, opt.match_threshold)) {
        match[new_rest[p.new_index]] = old_rest[p.old_index];
        similarity[new_rest[p.new_index]] = p.similarity;
        old_matched[old_rest[p.old_index]] = true;
    }
    for (std::size_t j = 0; j < b.tasks.size(); ++j) {
        const Task& n = b.tasks[j];
        if (match[j])
            diff_task_pair(a.tasks[*match[j]], n, similarity[j], opt, d);
        else
            d.tasks.push_back({TaskDiff::Kind::added, n.id, n.component, "", n.text, 0});
    }
    for (std::size_t i = 0; i < a.tasks.size(); ++i)
        if (!old_matched[i])
            d.tasks.push_back({TaskDiff::Kind::removed, a.tasks[i].id, a.tasks[i].component, a.tasks[i].text, "", 0});
}

std::vector<std::pair<std::string, Score>> scores_in_order(const Plan& p, const Observation& o) {
    std::vector<std::pair<std::string, Score>> out;
    std::set<std::string> done;
    for (const auto& c : p.components) {
        auto it = o.scores.find(c.id);
        if (it != o.scores.end()) out.emplace_back(c.id, it->second), done.insert(c.id);
    }
    for (const auto& [id, s] : o.scores)
        if (!done.count(id)) out.emplace_back(id, s);
    return out;
}

void diff_observations(const Plan& a, const Plan& b, PlanDiff& d) {
    auto same_key = [](const Observation& x, const Observation& y) {
        return x.year == y.year && x.kind == y.kind && x.published == y.published;
    };
    auto make = [&](ObservationChange::Kind k, const Observation* o, const Observation* n) {
        const Observation& any = n ? *n : *o;
        ObservationChange c;
        c.kind = k;
        c.year = any.year;
        c.observation_kind = any.kind;
        c.published = any.published;
        if (o) c.old_scores = scores_in_order(a, *o), c.old_total = o->total;
        if (n) c.new_scores = scores_in_order(b, *n), c.new_total = n->total;
        d.observations.push_back(std::move(c));
    };
    std::vector<bool> old_seen(a.observations.size(), false);
    for (const auto& n : b.observations) {
        const Observation* o = nullptr;
        for (std::size_t i = 0; i < a.observations.size(); ++i)
            if (!old_seen[i] && same_key(a.observations[i], n)) {
                o = &a.observations[i];
                old_seen[i] = true;
                break;
            }
        if (!o)
            make(ObservationChange::Kind::added, nullptr, &n);
        else if (o->scores != n.scores || o->total != n.total || o->rank != n.rank)
            make(ObservationChange::Kind::changed, o, &n);
    }
    for (std::size_t i = 0; i < a.observations.size(); ++i)
        if (!old_seen[i]) make(ObservationChange::Kind::removed, &a.observations[i], nullptr);
}

}  // namespace

PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options) {
    PlanDiff d;
    d.as_of = options.as_of;
    diff_components(old_plan, new_plan, d);
    diff_gaps(old_plan, new_plan, options, d);
    diff_tasks(old_plan, new_plan, options, d);
    diff_observations(old_plan, new_plan, d);
    return d;
}

}  // namespace pgi
