// `pgi import`: component and total targets, baselines, and the checks made when they are
// all known (TargetCollector in import_build.hpp).
#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "import_build.hpp"
#include "pgi/i18n.hpp"
#include "pgi/national_table.hpp"

namespace pgi::import_detail {

using namespace recognise;

std::string component_name_from(std::string_view text) {
    auto open = text.find("“");
    if (open != std::string_view::npos) {
        auto close = text.find("”", open + 3);
        if (close != std::string_view::npos) return collapse_spaces(text.substr(open + 3, close - open - 3));
    }
    auto q = text.find('"');
    if (q != std::string_view::npos) {
        auto q2 = text.find('"', q + 1);
        if (q2 != std::string_view::npos) return collapse_spaces(text.substr(q + 1, q2 - q - 1));
    }
    auto words = split_words(text);
    std::size_t k = 0;
    if (k + 1 < words.size() && words[k].fold == "chi" && words[k + 1].fold == "so") {
        k += 2;
        if (k + 1 < words.size() && words[k].fold == "thanh" && words[k + 1].fold == "phan") k += 2;
        if (k < words.size() && words[k].fold == "so") ++k;
        if (k < words.size() && words[k].number) ++k;
    }
    if (k >= words.size()) return collapse_spaces(trim_end_chars(text, ":."));
    return collapse_spaces(trim_end_chars(text.substr(words[k].begin), ":.;"));
}

const ReferenceComponent* component_in_sentence(std::string_view text, std::string* quoted) {
    for (std::string_view open : {"“", "\""}) {
        std::size_t p = 0;
        while ((p = text.find(open, p)) != std::string_view::npos) {
            std::string_view close = open == "“" ? "”" : "\"";
            auto e = text.find(close, p + open.size());
            if (e == std::string_view::npos) break;
            auto inner = text.substr(p + open.size(), e - p - open.size());
            if (auto c = match_component(inner)) {
                if (quoted) *quoted = collapse_spaces(inner);
                return c;
            }
            p = e + close.size();
        }
    }
    std::string key = component_key(text);
    const ReferenceComponent* best = nullptr;
    std::size_t best_len = 0;
    for (const auto& c : reference_components()) {
        std::vector<std::string> names{c.name, c.name_long};
        names.insert(names.end(), c.aliases.begin(), c.aliases.end());
        names.insert(names.end(), c.forms.begin(), c.forms.end());
        for (const auto& n : names) {
            std::string k = component_key(n);
            if (k.size() > best_len && contains_phrase(key, k)) {
                best = &c;
                best_len = k.size();
            }
        }
    }
    if (best) return best;
    // By number: "Chỉ số thành phần 2 …", "chỉ số thành phần số 2".
    for (std::string_view lead : {"chi so thanh phan so ", "chi so thanh phan "}) {
        for (const auto& c : reference_components()) {
            auto p = find_phrase(key, std::string(lead) + std::to_string(c.number));
            if (p != std::string::npos) return &c;
        }
    }
    return nullptr;
}

bool TargetCollector::past(int year) const {
    int first = meta_.period.start ? meta_.period.start : meta_.issued ? meta_.issued->year : 0;
    return year && first && year < first;
}

// Negated statements, and regional rank targets whose region is none of the six: findings,
// never targets.
void TargetCollector::statement_findings(const TargetStatement& st, int line) {
    for (const auto& n : st.negated)
        sink_.diags.warning(sink_.at(line), "negated-statement",
                            trf("\"{}\" states what was not achieved; it is not a target", n),
                            tr("add the target by hand if the sentence also sets one"));
    for (const auto& r : st.ranks)
        if (!r.region.empty() && match_region(r.region).empty() && !past(year_of(r.year))) {
            std::string ids;
            for (const auto& g : regions()) ids += (ids.empty() ? "" : ", ") + g.id;
            sink_.diags.warning(
                sink_.at(line), "unknown-region",
                trf("a rank target among the provinces of \"{}\" (top {}): that is none of the "
                    "six socio-economic regions of data/provinces.yaml; it is not imported",
                    r.region, r.rank),
                trf("add it by hand as `{{year: …, rank_top: {}, region: …}}` with one of {}", r.rank, ids));
        }
}

// A rank target of `r`, or nothing when it names a region that is not known (reported by
// statement_findings()).
std::optional<Target> TargetCollector::rank_target(const TargetStatement::RankTarget& r, int year, int line,
                                                   const std::string& source) const {
    Target t;
    if (!r.region.empty()) {
        t.region = match_region(r.region);
        if (t.region.empty()) return std::nullopt;
    }
    t.year = year;
    t.kind = r.kind;
    t.rank = r.rank;
    t.source = source;
    t.location = sink_.at(line);
    return t;
}

void TargetCollector::add_targets(const ReferenceComponent* ref, const TargetStatement& st, int line,
                                  const std::string& source, const std::string& name_hint) {
    sink_.use(line);
    statement_findings(st, line);
    auto& c = comps_[ref->id];
    if (!c.ref) {
        c.ref = ref;
        c.location = sink_.at(line);
    }
    if (c.name.empty() && !name_hint.empty()) c.name = name_hint;
    if (st.baseline_score && !c.baseline) {
        Baseline b;
        b.year = *st.baseline_year;
        b.score = *st.baseline_score;
        b.location = sink_.at(line);
        c.baseline = b;
    }
    for (const auto& s : st.scores) {
        int year = year_of(s.year);
        if (past(year)) {  // "năm 2023 tỉnh đạt 4,80 điểm": the result of a past year
            if (!c.baseline || c.baseline->year < year) {
                Baseline b;
                b.year = year;
                b.score = s.score;
                b.location = sink_.at(line);
                c.baseline = b;
            }
            sink_.note(line, "baseline-statement",
                       trf("{} points in {} is a past result: read as the baseline of `{}`, not a target",
                           format_score(s.score), year, ref->id));
            continue;
        }
        Target t;
        t.year = year;
        t.kind = TargetKind::score;
        t.score = s.score;
        t.stated_increase = s.increase;
        t.source = source;
        t.location = sink_.at(line);
        c.targets.push_back(t);
    }
    for (const auto& r : st.ranks) {
        int year = year_of(r.year);
        if (past(year)) {
            sink_.note(line, "baseline-statement",
                       trf("rank {} in {} is a past result of `{}`, not a target; the plan format keeps "
                           "ranks of the total only",
                           r.rank, year, ref->id));
            continue;
        }
        if (auto t = rank_target(r, year, line, source)) c.targets.push_back(*t);
    }
}

// A past total or rank: an observation of the plan (official, as the document states it).
void TargetCollector::observe_total(int year, std::optional<Score> total, std::optional<int> rank, int line) {
    auto it =
        std::find_if(observations_.begin(), observations_.end(), [&](const Observation& o) { return o.year == year; });
    if (it == observations_.end()) {
        Observation o;
        o.year = year;
        o.kind = ObservationKind::official;
        o.published = meta_.issued ? *meta_.issued : PartialDate{year + 1, 0, 0};
        o.source = "stated in the plan";
        o.location = sink_.at(line);
        observations_.push_back(o);
        it = observations_.end() - 1;
    }
    if (total && !it->total) it->total = total;
    if (rank && !it->rank) it->rank = rank;
    sink_.note(line, "baseline-statement",
               trf("the PGI result of {} ({}) is a past result: read as an observation, not a target", year,
                   total ? trf("{} points", format_score(*total)) : trf("rank {}", *rank)));
}

void TargetCollector::total_statement(const TargetStatement& st, int line, const std::string& source) {
    sink_.use(line);
    statement_findings(st, line);
    for (const auto& s : st.scores) {
        int year = year_of(s.year);
        if (past(year)) {
            observe_total(year, s.score, std::nullopt, line);
            continue;
        }
        Target t;
        t.year = year;
        t.score = s.score;
        t.source = source;
        t.location = sink_.at(line);
        total_targets_.push_back(t);
    }
    for (const auto& r : st.ranks) {
        int year = year_of(r.year);
        if (past(year)) {
            if (r.kind == TargetKind::rank_top) observe_total(year, std::nullopt, r.rank, line);
            continue;
        }
        if (auto t = rank_target(r, year, line, source)) total_targets_.push_back(*t);
    }
}

bool TargetCollector::has_targets() const {
    if (!total_targets_.empty()) return true;
    for (const auto& [id, c] : comps_)
        if (!c.targets.empty()) return true;
    return false;
}

void TargetCollector::touch_component(const ReferenceComponent* ref, int line, const std::string& name) {
    auto& c = comps_[ref->id];
    if (!c.ref) {
        c.ref = ref;
        c.location = sink_.at(line);
    }
    if (c.name.empty()) c.name = name;
}

bool TargetCollector::free_targets(const Paragraph& p, const std::string& source) {
    std::string_view text = std::string_view(p.text).substr(p.marker.text_begin);
    auto st = parse_target_statement(text);
    if (st.empty()) {
        if (st.negated.empty()) return false;
        sink_.use(p.line);
        statement_findings(st, p.line);
        return true;
    }
    std::string quoted;
    if (auto ref = component_in_sentence(text, &quoted)) {
        add_targets(ref, st, p.line, source, quoted);
        return true;
    }
    std::string key = folded_key(text);
    if (!contains_phrase(key, "pgi") && !contains_phrase(key, "chi so xanh")) return false;
    total_statement(st, p.line, source);
    return true;
}

std::vector<const Target*> TargetCollector::all_targets() const {
    std::vector<const Target*> out;
    for (const auto& [id, c] : comps_)
        for (const auto& t : c.targets) out.push_back(&t);
    return out;
}

std::vector<const Baseline*> TargetCollector::all_baselines() const {
    std::vector<const Baseline*> out;
    for (const auto& [id, c] : comps_)
        if (c.baseline) out.push_back(&*c.baseline);
    return out;
}

void TargetCollector::finish(Plan& plan, int first_year) {
    for (auto& [id, c] : comps_) {
        Component comp;
        comp.id = c.ref->id;
        comp.number = c.ref->number;
        comp.name = c.name.empty() ? c.ref->name : c.name;
        comp.name_en = c.ref->name_en;
        for (const auto& a : c.ref->aliases)
            if (a != comp.name && a != comp.name_en) comp.aliases.push_back(a);
        if (c.ref->name != comp.name &&
            std::find(comp.aliases.begin(), comp.aliases.end(), c.ref->name) == comp.aliases.end())
            comp.aliases.insert(comp.aliases.begin(), c.ref->name);
        comp.baseline = c.baseline;
        comp.location = c.location;
        std::set<std::tuple<int, TargetKind, std::string>> seen;  // a regional rank is its own kind
        for (auto t : c.targets) {
            if (!t.year) t.year = first_year;
            if (!seen.emplace(t.year, t.kind, t.region).second) {
                sink_.diags.warning(t.location, "duplicate-target",
                                    trf("component `{}` already has a {} target for {}; this one is ignored", comp.id,
                                        to_string(t.kind), t.year));
                continue;
            }
            if (t.kind == TargetKind::score && t.stated_increase && c.baseline) {
                Score actual = t.score - c.baseline->score;
                if (actual != *t.stated_increase) {
                    sink_.diags.warning(t.location, "target-mismatch",
                                        trf("component `{}`: target {} minus baseline {} is {}, but the document "
                                            "states an increase of {}",
                                            comp.id, format_score(t.score), format_score(c.baseline->score),
                                            format_signed_score(actual), format_score(*t.stated_increase)),
                                        tr("the stated increase is kept in the target's note; check the document"));
                    append_note(t.note, fmt::format("The document states an increase of {}; target − baseline is {}.",
                                                    format_score(*t.stated_increase), format_score(actual)));
                    t.stated_increase.reset();
                }
            }
            if (t.kind == TargetKind::score && t.stated_increase && !c.baseline) t.stated_increase.reset();
            comp.targets.push_back(t);
        }
        plan.components.push_back(std::move(comp));
    }
    std::sort(plan.components.begin(), plan.components.end(),
              [](const Component& a, const Component& b) { return a.number < b.number; });
    std::set<std::tuple<int, TargetKind, std::string>> seen;
    for (auto t : total_targets_) {
        if (!t.year) t.year = first_year;
        if (!seen.emplace(t.year, t.kind, t.region).second) continue;
        if (t.kind == TargetKind::score) {
            Score sum;
            bool complete = !plan.components.empty();
            for (const auto& c : plan.components) {
                auto it = std::find_if(c.targets.begin(), c.targets.end(), [&](const Target& x) {
                    return x.kind == TargetKind::score && x.year == t.year;
                });
                if (it == c.targets.end())
                    complete = false;
                else
                    sum += it->score;
            }
            if (complete && sum != t.score) {
                sink_.diags.warning(t.location, "target-mismatch",
                                    trf("the total target {} for {} differs from the sum of the component targets "
                                        "{}; it is not imported",
                                        format_score(t.score), t.year, format_score(sum)),
                                    tr("the PGI score is the sum of the four component scores"));
                continue;
            }
        }
        plan.total.targets.push_back(t);
    }
    for (const auto& o : observations_) plan.observations.push_back(o);
}

}  // namespace pgi::import_detail
