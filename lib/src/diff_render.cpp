// render_diff(): a PlanDiff as text, Markdown or JSON (diff.hpp, docs/diff.md).
#include <nlohmann/json.hpp>

#include "pgi/diff.hpp"
#include "pgi/escape.hpp"

namespace pgi {

namespace {

using Json = nlohmann::ordered_json;

// How the text and Markdown forms write a value for their reader: labels in `lang` (a Style
// converts to the Language every label call takes), scores with a decimal comma when `comma`
// (Vietnamese labels by default: "1,63"), dates as the language writes them (29/11/2026,
// tháng 5/2025; ISO in English). JSON never uses it: ISO dates and numbers there.
struct Style {
    Language lang;
    bool comma;
    operator Language() const { return lang; }  // NOLINT(google-explicit-constructor): labels take the language
};

std::string score_or_none(const std::optional<Score>& s, const Style& lang) {
    return s ? format_score(*s, lang.comma) : std::string(label(Label::diff_none, lang));
}

std::string component_name(const std::string& id, const Style& lang) {
    return id == "total" ? std::string(label(Label::total_pgi, lang)) : id;
}

std::string value_or_none(const std::string& v, const Style& lang) {
    return v.empty() ? std::string(label(Label::diff_none, lang)) : v;
}

std::string scores_text(const std::vector<std::pair<std::string, Score>>& scores, const std::optional<Score>& total,
                        const Style& lang) {
    std::string out;
    for (const auto& [id, s] : scores) out += (out.empty() ? "" : ", ") + id + " " + format_score(s, lang.comma);
    if (total)
        out += (out.empty() ? "" : "; ") + std::string(label(Label::total_pgi, lang)) + " " +
               format_score(*total, lang.comma);
    return value_or_none(out, lang);
}

std::string score_line(const ScoreChange& c, const Style& lang) {
    std::string comp = component_name(c.component, lang);
    if (c.what == ScoreChange::What::baseline) {
        auto side = [&](const std::optional<Score>& s, const std::optional<int>& y) {
            return s ? format_label(Label::diff_score_in_year, lang, format_score(*s, lang.comma), *y)
                     : std::string(label(Label::diff_none, lang));
        };
        return format_label(Label::diff_baseline, lang, comp, side(c.old_score, c.old_year),
                            side(c.new_score, c.new_year));
    }
    if (c.kind != TargetKind::score) {
        auto rank = [&](const std::optional<int>& r) {
            return r ? std::to_string(*r) : std::string(label(Label::diff_none, lang));
        };
        return format_label(Label::diff_rank_target, lang, comp, c.year, enum_name(c.kind), rank(c.old_rank),
                            rank(c.new_rank));
    }
    if (c.old_score && c.new_score)
        return format_label(Label::diff_target, lang, comp, c.year, format_score(*c.old_score, lang.comma),
                            format_score(*c.new_score, lang.comma),
                            format_signed_score(*c.new_score - *c.old_score, lang.comma));
    return format_label(Label::diff_target_plain, lang, comp, c.year, score_or_none(c.old_score, lang),
                        score_or_none(c.new_score, lang));
}

std::string gap_line(const GapChange& g, const Style& lang) {
    std::string comp = component_name(g.component, lang);
    std::string line;
    if (g.old_gap && g.new_gap)
        line = format_label(Label::diff_gap, lang, comp, format_score(*g.old_gap, lang.comma),
                            format_score(*g.new_gap, lang.comma),
                            format_signed_score(*g.new_gap - *g.old_gap, lang.comma));
    else
        line = format_label(Label::diff_gap_plain, lang, comp, score_or_none(g.old_gap, lang),
                            score_or_none(g.new_gap, lang));
    if (g.old_planned_increase != g.new_planned_increase)
        line += "; " + format_label(Label::diff_planned, lang, score_or_none(g.old_planned_increase, lang),
                                    score_or_none(g.new_planned_increase, lang));
    return line;
}

std::string component_line(const ComponentChange& c, const Style& lang) {
    switch (c.kind) {
        case ComponentChange::Kind::added:
            return format_label(Label::diff_component_added, lang, c.id, c.new_name);
        case ComponentChange::Kind::removed:
            return format_label(Label::diff_component_removed, lang, c.id, c.old_name);
        case ComponentChange::Kind::renamed:
            break;
    }
    return format_label(Label::diff_component_renamed, lang, c.id, c.old_name, c.new_name);
}

// A due date of TaskDiff (ISO, "2024-09-30" or "2024-09") as the reader writes it.
std::string due_or_none(const std::string& iso, const Style& lang) {
    auto d = parse_partial_date(iso);
    return d ? format_partial_date(*d, lang.lang) : value_or_none(iso, lang);
}

std::string status_text(const std::string& spelling, const Style& lang) {
    auto s = parse_enum<TaskStatus>(spelling);
    return s ? std::string(status_label(*s, lang)) : spelling;
}

std::string task_line(const TaskDiff& t, const Style& lang) {
    using K = TaskDiff::Kind;
    switch (t.kind) {
        case K::added:
            return format_label(Label::diff_task_added, lang, t.id, t.component, t.new_value);
        case K::removed:
            return format_label(Label::diff_task_removed, lang, t.id, t.component, t.old_value);
        case K::renumbered:
            return format_label(Label::diff_task_renumbered, lang, t.id, t.component, t.old_value, t.similarity);
        case K::reworded:
            return format_label(Label::diff_task_reworded, lang, t.id, t.component, t.similarity, t.old_value,
                                t.new_value);
        case K::moved:
            return format_label(Label::diff_task_moved, lang, t.id, t.component, t.old_value, t.new_value);
        case K::lead:
            return format_label(Label::diff_task_lead, lang, t.id, t.component, t.old_value, t.new_value);
        case K::cooperating:
            return format_label(Label::diff_task_cooperating, lang, t.id, t.component, value_or_none(t.old_value, lang),
                                value_or_none(t.new_value, lang));
        case K::due:
            return format_label(Label::diff_task_due, lang, t.id, t.component, due_or_none(t.old_value, lang),
                                due_or_none(t.new_value, lang));
        case K::status:
            break;
    }
    return format_label(Label::diff_task_status, lang, t.id, t.component, status_text(t.old_value, lang),
                        status_text(t.new_value, lang));
}

std::string observation_line(const ObservationChange& o, const Style& lang) {
    std::string kind(label(
        o.observation_kind == ObservationKind::official ? Label::diff_obs_official : Label::diff_obs_estimate, lang));
    std::string published = format_partial_date(o.published, lang.lang);
    std::string before = scores_text(o.old_scores, o.old_total, lang);
    std::string after = scores_text(o.new_scores, o.new_total, lang);
    switch (o.kind) {
        case ObservationChange::Kind::added:
            return format_label(Label::diff_obs_added, lang, o.year, kind, published, after);
        case ObservationChange::Kind::removed:
            return format_label(Label::diff_obs_removed, lang, o.year, kind, published, before);
        case ObservationChange::Kind::changed:
            break;
    }
    return format_label(Label::diff_obs_changed, lang, o.year, kind, published, before, after);
}

struct Section {
    std::string title;
    std::vector<std::string> lines;
};

std::vector<Section> sections_of(const PlanDiff& d, const Style& lang) {
    std::vector<Section> out;
    auto add = [&](std::string title, auto const& items, auto line_of) {
        if (items.empty()) return;
        Section s{std::move(title), {}};
        for (const auto& i : items) s.lines.push_back(line_of(i, lang));
        out.push_back(std::move(s));
    };
    add(std::string(label(Label::diff_sec_scores, lang)), d.scores, score_line);
    add(format_label(Label::diff_sec_gaps, lang, d.target_year.value_or(0)), d.gaps, gap_line);
    add(std::string(label(Label::diff_sec_components, lang)), d.components, component_line);
    add(std::string(label(Label::diff_sec_tasks, lang)), d.tasks, task_line);
    add(std::string(label(Label::diff_sec_observations, lang)), d.observations, observation_line);
    return out;
}

std::size_t change_count(const PlanDiff& d) {
    return d.scores.size() + d.components.size() + d.tasks.size() + d.observations.size();
}

std::string render_text(const PlanDiff& d, const Style& lang, bool markdown) {
    std::string out;
    std::string title = format_label(Label::diff_title, lang, d.old_label, d.new_label);
    std::string as_of = format_label(Label::diff_as_of, lang, format_date(d.as_of, lang.lang));
    if (markdown) {
        out += "# " + markdown_line(title) + "\n\n" + markdown_line(as_of) + "\n";
    } else {
        out += visible_line(title) + "\n" + visible_line(as_of) + "\n";
    }
    if (d.empty()) return out + "\n" + std::string(label(Label::diff_no_changes, lang)) + "\n";
    for (const auto& s : sections_of(d, lang)) {
        out += markdown ? "\n## " + markdown_line(s.title) + "\n\n" : "\n" + visible_line(s.title) + "\n";
        for (const auto& l : s.lines) out += markdown ? "- " + markdown_line(l) + "\n" : "  " + visible_line(l) + "\n";
    }
    out += "\n" + label_count(Label::diff_count, lang, static_cast<long>(change_count(d))) + "\n";
    return out;
}

Json score_json(const std::optional<Score>& s) {
    if (!s) return nullptr;
    return static_cast<double>(s->hundredths()) / 100.0;  // two decimals, shortest round trip
}
template <class T>
Json opt_json(const std::optional<T>& v) {
    return v ? Json(*v) : Json(nullptr);
}
Json scores_json(const std::vector<std::pair<std::string, Score>>& scores) {
    Json j = Json::object();
    for (const auto& [id, s] : scores) j[id] = score_json(s);
    return j;
}

const char* task_kind_name(TaskDiff::Kind k) {
    static constexpr const char* names[] = {"added", "removed",     "renumbered", "reworded", "moved",
                                            "lead",  "cooperating", "due",        "status"};
    return names[static_cast<int>(k)];
}

std::string render_json(const PlanDiff& d) {
    Json root;
    root["old"] = d.old_label;
    root["new"] = d.new_label;
    root["as_of"] = format_date(d.as_of);
    root["target_year"] = opt_json(d.target_year);
    root["changes"] = change_count(d);
    Json scores = Json::array();
    for (const auto& c : d.scores) {
        Json j;
        j["what"] = c.what == ScoreChange::What::baseline ? "baseline" : "target";
        j["component"] = c.component;
        j["year"] = c.year;
        if (c.what == ScoreChange::What::baseline) {
            j["old_year"] = opt_json(c.old_year);
            j["new_year"] = opt_json(c.new_year);
        } else {
            j["kind"] = enum_name(c.kind);
        }
        if (c.kind == TargetKind::score) {
            j["old"] = score_json(c.old_score);
            j["new"] = score_json(c.new_score);
            j["difference"] = c.old_score && c.new_score ? score_json(*c.new_score - *c.old_score) : Json(nullptr);
        } else {
            j["old"] = opt_json(c.old_rank);
            j["new"] = opt_json(c.new_rank);
        }
        scores.push_back(std::move(j));
    }
    root["targets_and_baselines"] = std::move(scores);
    Json gaps = Json::array();
    for (const auto& g : d.gaps) {
        Json j;
        j["component"] = g.component;
        j["old_gap"] = score_json(g.old_gap);
        j["new_gap"] = score_json(g.new_gap);
        j["old_planned_increase"] = score_json(g.old_planned_increase);
        j["new_planned_increase"] = score_json(g.new_planned_increase);
        gaps.push_back(std::move(j));
    }
    root["gaps"] = std::move(gaps);
    Json comps = Json::array();
    for (const auto& c : d.components) {
        static constexpr const char* kinds[] = {"added", "removed", "renamed"};
        comps.push_back(Json{{"change", kinds[static_cast<int>(c.kind)]},
                             {"id", c.id},
                             {"old_name", c.old_name},
                             {"new_name", c.new_name}});
    }
    root["components"] = std::move(comps);
    Json tasks = Json::array();
    for (const auto& t : d.tasks) {
        Json j;
        j["change"] = task_kind_name(t.kind);
        j["id"] = t.id;
        j["component"] = t.component;
        j["old"] = t.old_value;
        j["new"] = t.new_value;
        if (t.kind != TaskDiff::Kind::added && t.kind != TaskDiff::Kind::removed) j["similarity"] = t.similarity;
        tasks.push_back(std::move(j));
    }
    root["tasks"] = std::move(tasks);
    Json obs = Json::array();
    for (const auto& o : d.observations) {
        static constexpr const char* kinds[] = {"added", "removed", "changed"};
        Json j;
        j["change"] = kinds[static_cast<int>(o.kind)];
        j["year"] = o.year;
        j["kind"] = enum_name(o.observation_kind);
        j["published"] = format_partial_date(o.published);
        j["old_scores"] = o.kind == ObservationChange::Kind::added ? Json(nullptr) : scores_json(o.old_scores);
        j["new_scores"] = o.kind == ObservationChange::Kind::removed ? Json(nullptr) : scores_json(o.new_scores);
        j["old_total"] = score_json(o.old_total);
        j["new_total"] = score_json(o.new_total);
        obs.push_back(std::move(j));
    }
    root["observations"] = std::move(obs);
    return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render_diff(const PlanDiff& diff, DiffFormat format, Language language, DecimalMark mark) {
    Style style{language, decimal_comma_for(mark, language)};
    switch (format) {
        case DiffFormat::json:
            return render_json(diff);
        case DiffFormat::markdown:
            return render_text(diff, style, true);
        case DiffFormat::text:
            break;
    }
    return render_text(diff, style, false);
}

}  // namespace pgi
