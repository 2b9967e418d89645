// amend_plan(): stable task ids across amendments (amend.hpp).
#include "pgi/amend.hpp"

#include <optional>
#include <set>

#include "pgi/similarity.hpp"

namespace pgi {

std::vector<const AmendedTask*> AmendResult::orphans() const {
    std::vector<const AmendedTask*> out;
    for (const auto& t : tasks)
        if (t.updates > 0 && (t.kind == AmendedTask::Kind::removed || t.kind == AmendedTask::Kind::moved))
            out.push_back(&t);
    return out;
}

AmendResult amend_plan(const Plan& existing, Plan imported, const std::map<std::string, std::size_t>& updates_by_task,
                       const AmendOptions& options) {
    const auto& olds = existing.tasks;
    auto& news = imported.tasks;
    std::vector<std::optional<std::size_t>> match(news.size());  // new index -> old index
    std::vector<int> similarity(news.size(), 0);
    std::vector<bool> old_used(olds.size(), false);

    auto pass = [&](int threshold, bool same_place) {
        std::vector<std::size_t> old_rest, new_rest;
        std::vector<std::string_view> old_texts, new_texts;
        for (std::size_t i = 0; i < olds.size(); ++i)
            if (!old_used[i]) old_rest.push_back(i), old_texts.push_back(olds[i].text);
        for (std::size_t j = 0; j < news.size(); ++j)
            if (!match[j]) new_rest.push_back(j), new_texts.push_back(news[j].text);
        auto allowed = [&](std::size_t i, std::size_t j) {
            const Task& o = olds[old_rest[i]];
            const Task& n = news[new_rest[j]];
            return !same_place || (o.component == n.component && o.lead == n.lead);
        };
        for (const auto& p : match_by_similarity(old_texts, new_texts, threshold, allowed)) {
            match[new_rest[p.new_index]] = old_rest[p.old_index];
            similarity[new_rest[p.new_index]] = p.similarity;
            old_used[old_rest[p.old_index]] = true;
        }
    };
    pass(options.threshold, true);
    pass(options.move_threshold, false);

    std::set<std::string> taken;  // ids that may not be given to a new task
    for (const auto& t : olds) taken.insert(t.id);
    for (const auto& [id, n] : updates_by_task) taken.insert(id);
    auto count_of = [&](const std::string& id) {
        auto it = updates_by_task.find(id);
        return it == updates_by_task.end() ? std::size_t{0} : it->second;
    };

    AmendResult r;
    std::set<std::string> given;
    for (std::size_t j = 0; j < news.size(); ++j) {
        Task& n = news[j];
        AmendedTask a;
        a.document_id = n.id;
        a.new_text = n.text;
        if (match[j]) {
            const Task& o = olds[*match[j]];
            a.id = o.id;
            a.old_text = o.text;
            a.similarity = similarity[j];
            a.updates = count_of(o.id);
            bool moved = o.component != n.component || o.lead != n.lead;
            bool changed = o.text != n.text || o.due != n.due || o.cooperating != n.cooperating;
            a.kind = moved ? AmendedTask::Kind::moved : changed ? AmendedTask::Kind::changed : AmendedTask::Kind::kept;
            n.id = o.id;
            n.status = o.status;
            if (n.note.empty()) n.note = o.note;
            n.updates = o.updates;
        } else {
            std::string id = n.id;
            for (int k = 2; taken.count(id) || given.count(id); ++k) id = n.id + "-" + std::to_string(k);
            n.id = id;
            a.id = id;
            a.kind = AmendedTask::Kind::added;
        }
        given.insert(n.id);
        r.tasks.push_back(std::move(a));
    }
    for (std::size_t i = 0; i < olds.size(); ++i)
        if (!old_used[i]) {
            AmendedTask a;
            a.kind = AmendedTask::Kind::removed;
            a.id = olds[i].id;
            a.old_text = olds[i].text;
            a.updates = count_of(olds[i].id);
            r.tasks.push_back(std::move(a));
        }

    // What documents do not hold.
    imported.observations = existing.observations;
    imported.report_settings = existing.report_settings;
    imported.update_sources = existing.update_sources;
    if (imported.meta.time_zone.empty()) imported.meta.time_zone = existing.meta.time_zone;
    for (auto& c : imported.components)
        if (const Component* o = existing.find_component(c.id); o && c.name_en.empty()) c.name_en = o->name_en;
    for (auto& w : imported.owners)
        if (const Owner* o = existing.find_owner(w.id); o && w.name_en.empty()) w.name_en = o->name_en;
    for (const auto& o : existing.owners)
        if (!imported.find_owner(o.id)) imported.owners.push_back(o);
    r.plan = std::move(imported);
    return r;
}

}  // namespace pgi
