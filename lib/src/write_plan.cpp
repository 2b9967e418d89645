// Plan -> YAML / TOML text in the schema of docs/plan-format.md (contract in pgi/write.hpp).
#include "pgi/write.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include "pgi/date.hpp"
#include "pgi/score.hpp"

namespace pgi {

std::optional<PlanFormat> plan_format_for(const std::filesystem::path& path) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".yaml" || ext == ".yml") return PlanFormat::yaml;
    if (ext == ".toml") return PlanFormat::toml;
    return std::nullopt;
}

namespace {

bool is_full(const PartialDate& d) { return d.month != 0 && d.day != 0; }

// Observation scores in the order of the plan's components, then any others by id.
std::vector<std::pair<std::string, Score>> ordered_scores(const Plan& plan, const Observation& o) {
    std::vector<std::pair<std::string, Score>> out;
    for (const auto& c : plan.components) {
        auto it = o.scores.find(c.id);
        if (it != o.scores.end()) out.emplace_back(it->first, it->second);
    }
    for (const auto& [id, s] : o.scores)
        if (!plan.find_component(id)) out.emplace_back(id, s);
    return out;
}

// ---- YAML ------------------------------------------------------------------------------

// An id can go unquoted when YAML cannot read it as anything but a string.
bool plain_ok(const std::string& s) {
    if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    if (!std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-'; }))
        return false;
    std::string l = s;
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* w : {"y", "yes", "n", "no", "true", "false", "on", "off", "null", "nan", "inf"})
        if (l == w) return false;
    return true;
}

class Yaml {
public:
    Yaml() { e_.SetIndent(2); }

    YAML::Emitter& e() { return e_; }

    void key(const char* k) { e_ << YAML::Key << k << YAML::Value; }
    void text(const std::string& s) { e_ << YAML::DoubleQuoted << s; }
    void id(const std::string& s) {
        if (plain_ok(s)) e_ << s;
        else e_ << YAML::DoubleQuoted << s;
    }
    void score(Score s) { e_ << format_score(s); }
    void date(const Date& d) { e_ << format_date(d); }
    void partial(const PartialDate& d) {
        if (d.month == 0) e_ << YAML::DoubleQuoted << format_partial_date(d);
        else e_ << format_partial_date(d);
    }
    void text_field(const char* k, const std::string& v) {
        if (v.empty()) return;
        key(k);
        text(v);
    }
    void id_list(const char* k, const std::vector<std::string>& v) {
        if (v.empty()) return;
        key(k);
        e_ << YAML::Flow << YAML::BeginSeq;
        for (const auto& s : v) id(s);
        e_ << YAML::EndSeq;
    }
    void text_list(const char* k, const std::vector<std::string>& v, bool flow) {
        if (v.empty()) return;
        key(k);
        if (flow) e_ << YAML::Flow;
        e_ << YAML::BeginSeq;
        for (const auto& s : v) text(s);
        e_ << YAML::EndSeq;
    }

private:
    YAML::Emitter e_;
};

void yaml_docref(Yaml& y, const DocumentRef& d) {
    y.e() << YAML::BeginMap;
    y.key("number");
    y.text(d.number);
    if (d.date) {
        y.key("date");
        y.partial(*d.date);
    }
    y.text_field("issuer", d.issuer);
    y.text_field("title", d.title);
    y.e() << YAML::EndMap;
}

void yaml_target(Yaml& y, const Target& t) {
    y.e() << YAML::BeginMap;
    y.key("year");
    y.e() << t.year;
    switch (t.kind) {
        case TargetKind::score:
            y.key("score");
            y.score(t.score);
            if (t.stated_increase) {
                y.key("increase");
                y.score(*t.stated_increase);
            }
            break;
        case TargetKind::rank_top:
            y.key("rank_top");
            y.e() << t.rank;
            break;
        case TargetKind::rank_increase:
            y.key("rank_increase");
            y.e() << t.rank;
            break;
        case TargetKind::rank_not_below:
            y.key("rank_not_below");
            y.e() << t.rank;
            break;
    }
    y.text_field("region", t.region);
    y.text_field("source", t.source);
    y.text_field("note", t.note);
    y.e() << YAML::EndMap;
}

std::string comment_block(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l.empty() ? "#\n" : "# " + l + "\n";
    if (!out.empty()) out += "\n";
    return out;
}

}  // namespace

std::string write_plan_yaml(const Plan& plan, const WriteOptions& options) {
    Yaml y;
    auto& e = y.e();
    e << YAML::BeginMap;
    y.key("pgi");
    e << plan.format_version;

    const auto& m = plan.meta;
    y.key("plan");
    e << YAML::BeginMap;
    y.text_field("document", m.document_number);
    y.key("issuer");
    y.text(m.issuer);
    y.key("title");
    y.text(m.title);
    if (m.issued) {
        y.key("issued");
        y.partial(*m.issued);
    }
    y.text_field("place", m.place);
    y.key("language");
    y.id(m.language);
    y.key("period");
    e << YAML::Flow << YAML::BeginMap;
    y.key("start");
    e << m.period.start;
    if (m.period.end) {
        y.key("end");
        e << *m.period.end;
    }
    e << YAML::EndMap;
    if (!m.parents.empty()) {
        y.key("parents");
        e << YAML::BeginSeq;
        for (const auto& d : m.parents) yaml_docref(y, d);
        e << YAML::EndSeq;
    }
    if (!m.references.empty()) {
        y.key("references");
        e << YAML::BeginSeq;
        for (const auto& d : m.references) yaml_docref(y, d);
        e << YAML::EndSeq;
    }
    if (!m.focal_agency.empty()) {
        y.key("focal_agency");
        y.id(m.focal_agency);
    }
    if (!m.reports.empty()) {
        y.key("reports");
        e << YAML::BeginSeq;
        for (const auto& r : m.reports) {
            e << YAML::BeginMap;
            y.key("due");
            y.date(r.due);
            y.id_list("from", r.from);
            if (!r.to.empty()) {
                y.key("to");
                y.id(r.to);
            }
            if (r.frequency != Recurrence::none) {
                y.key("frequency");
                e << to_string(r.frequency);
            }
            y.text_field("source", r.source);
            y.text_field("note", r.note);
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }
    e << YAML::EndMap;

    y.key("components");
    if (plan.components.empty()) e << YAML::Flow;
    e << YAML::BeginSeq;
    for (const auto& c : plan.components) {
        e << YAML::BeginMap;
        y.key("id");
        y.id(c.id);
        if (c.number) {
            y.key("number");
            e << c.number;
        }
        y.key("name");
        y.text(c.name);
        y.text_field("name_en", c.name_en);
        y.text_list("aliases", c.aliases, false);
        if (c.scale_min != Score::from_hundredths(0) || c.scale_max != Score::from_hundredths(1000)) {
            y.key("scale");
            e << YAML::Flow << YAML::BeginMap;
            y.key("min");
            y.score(c.scale_min);
            y.key("max");
            y.score(c.scale_max);
            e << YAML::EndMap;
        }
        if (c.baseline) {
            y.key("baseline");
            e << YAML::Flow << YAML::BeginMap;
            y.key("year");
            e << c.baseline->year;
            y.key("score");
            y.score(c.baseline->score);
            e << YAML::EndMap;
        }
        if (!c.targets.empty()) {
            y.key("targets");
            e << YAML::BeginSeq;
            for (const auto& t : c.targets) yaml_target(y, t);
            e << YAML::EndSeq;
        }
        e << YAML::EndMap;
    }
    e << YAML::EndSeq;

    if (!plan.total.targets.empty() || plan.total.baseline) {
        y.key("total");
        e << YAML::BeginMap;
        if (plan.total.baseline) {
            y.key("baseline");
            e << YAML::Flow << YAML::BeginMap << YAML::Key << "year" << YAML::Value << plan.total.baseline->year;
            y.key("score");
            y.score(plan.total.baseline->score);
            e << YAML::EndMap;
        }
        if (!plan.total.targets.empty()) {
            y.key("targets");
            e << YAML::BeginSeq;
            for (const auto& t : plan.total.targets) yaml_target(y, t);
            e << YAML::EndSeq;
        }
        e << YAML::EndMap;
    }

    if (!plan.owners.empty()) {
        y.key("owners");
        e << YAML::BeginSeq;
        for (const auto& o : plan.owners) {
            e << YAML::BeginMap;
            y.key("id");
            y.id(o.id);
            y.key("name");
            y.text(o.name);
            y.text_field("name_en", o.name_en);
            y.key("kind");
            e << to_string(o.kind);
            y.id_list("members", o.members);
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }

    if (!plan.tasks.empty()) {
        y.key("tasks");
        e << YAML::BeginSeq;
        for (const auto& t : plan.tasks) {
            e << YAML::BeginMap;
            y.key("id");
            y.id(t.id);
            if (options.task_line_comments && t.location.line > 0) e << YAML::Comment(fmt::format("line {}", t.location.line));
            y.key("component");
            y.id(t.component);
            y.key("lead");
            y.id(t.lead);
            y.id_list("cooperating", t.cooperating);
            y.key("text");
            y.text(t.text);
            if (t.due) {
                y.key("due");
                y.partial(*t.due);
            }
            if (t.recurrence != Recurrence::none) {
                y.key("recurrence");
                e << to_string(t.recurrence);
            }
            if (t.status != TaskStatus::not_started) {
                y.key("status");
                e << to_string(t.status);
            }
            y.text_field("source", t.source);
            y.text_field("note", t.note);
            if (!t.updates.empty()) {
                y.key("updates");
                e << YAML::BeginSeq;
                for (const auto& u : t.updates) {
                    e << YAML::BeginMap;
                    y.key("date");
                    y.date(u.date);
                    y.key("status");
                    e << to_string(u.status);
                    if (u.percent) {
                        y.key("percent");
                        e << *u.percent;
                    }
                    y.text_field("period", u.period);
                    y.text_field("note", u.note);
                    y.text_list("evidence", u.evidence, true);
                    if (!u.reported_by.empty()) {
                        y.key("reported_by");
                        y.id(u.reported_by);
                    }
                    e << YAML::EndMap;
                }
                e << YAML::EndSeq;
            }
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }

    if (!plan.observations.empty()) {
        y.key("observations");
        e << YAML::BeginSeq;
        for (const auto& o : plan.observations) {
            e << YAML::BeginMap;
            y.key("year");
            e << o.year;
            y.key("published");
            y.partial(o.published);
            y.key("kind");
            e << to_string(o.kind);
            y.text_field("source", o.source);
            if (!o.scores.empty()) {
                y.key("scores");
                e << YAML::BeginMap;
                for (const auto& [id, s] : ordered_scores(plan, o)) {
                    e << YAML::Key;
                    y.id(id);
                    e << YAML::Value;
                    y.score(s);
                }
                e << YAML::EndMap;
            }
            if (o.total) {
                y.key("total");
                y.score(*o.total);
            }
            if (o.rank) {
                y.key("rank");
                e << *o.rank;
            }
            e << YAML::EndMap;
        }
        e << YAML::EndSeq;
    }
    e << YAML::EndMap;
    return comment_block(options.header_comment) + e.c_str() + "\n";
}

// ---- TOML ------------------------------------------------------------------------------

namespace {

// A TOML basic string, escaped by toml++ (UTF-8 kept as is).
std::string toml_string(const std::string& s) {
    std::ostringstream ss;
    ss << toml::toml_formatter{toml::value<std::string>{s}, toml::format_flags::allow_unicode_strings};
    return ss.str();
}

std::string toml_key(const std::string& k) {
    bool bare = !k.empty() && std::all_of(k.begin(), k.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-';
    });
    return bare ? k : toml_string(k);
}

std::string toml_partial(const PartialDate& d) {
    return is_full(d) ? format_partial_date(d) : toml_string(format_partial_date(d));
}

std::string toml_list(const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) out += ", ";
        out += toml_string(v[i]);
    }
    return out + "]";
}

class Toml {
public:
    std::string out;
    void kv(const std::string& k, const std::string& raw) { out += toml_key(k) + " = " + raw + "\n"; }
    void text(const std::string& k, const std::string& v) {
        if (!v.empty()) kv(k, toml_string(v));
    }
    void list(const std::string& k, const std::vector<std::string>& v) {
        if (!v.empty()) kv(k, toml_list(v));
    }
    void table(const std::string& header) { out += "\n" + header + "\n"; }
};

void toml_docref(Toml& t, const char* header, const DocumentRef& d) {
    t.table(header);
    t.kv("number", toml_string(d.number));
    if (d.date) t.kv("date", toml_partial(*d.date));
    t.text("issuer", d.issuer);
    t.text("title", d.title);
}

void toml_target(Toml& t, const char* header, const Target& x) {
    t.table(header);
    t.kv("year", std::to_string(x.year));
    switch (x.kind) {
        case TargetKind::score:
            t.kv("score", format_score(x.score));
            if (x.stated_increase) t.kv("increase", format_score(*x.stated_increase));
            break;
        case TargetKind::rank_top: t.kv("rank_top", std::to_string(x.rank)); break;
        case TargetKind::rank_increase: t.kv("rank_increase", std::to_string(x.rank)); break;
        case TargetKind::rank_not_below: t.kv("rank_not_below", std::to_string(x.rank)); break;
    }
    t.text("region", x.region);
    t.text("source", x.source);
    t.text("note", x.note);
}

}  // namespace

std::string write_plan_toml(const Plan& plan, const WriteOptions& options) {
    Toml t;
    t.out = comment_block(options.header_comment);
    t.kv("pgi", std::to_string(plan.format_version));
    if (plan.components.empty()) t.kv("components", "[]");  // before any [table] header

    const auto& m = plan.meta;
    t.table("[plan]");
    t.text("document", m.document_number);
    t.kv("issuer", toml_string(m.issuer));
    t.kv("title", toml_string(m.title));
    if (m.issued) t.kv("issued", toml_partial(*m.issued));
    t.text("place", m.place);
    t.kv("language", toml_string(m.language));
    t.kv("period", m.period.end ? fmt::format("{{ start = {}, end = {} }}", m.period.start, *m.period.end)
                                : fmt::format("{{ start = {} }}", m.period.start));
    t.text("focal_agency", m.focal_agency);
    for (const auto& d : m.parents) toml_docref(t, "[[plan.parents]]", d);
    for (const auto& d : m.references) toml_docref(t, "[[plan.references]]", d);
    for (const auto& r : m.reports) {
        t.table("[[plan.reports]]");
        t.kv("due", format_date(r.due));
        t.list("from", r.from);
        t.text("to", r.to);
        if (r.frequency != Recurrence::none) t.kv("frequency", toml_string(to_string(r.frequency)));
        t.text("source", r.source);
        t.text("note", r.note);
    }

    for (const auto& c : plan.components) {
        t.table("[[components]]");
        t.kv("id", toml_string(c.id));
        if (c.number) t.kv("number", std::to_string(c.number));
        t.kv("name", toml_string(c.name));
        t.text("name_en", c.name_en);
        t.list("aliases", c.aliases);
        if (c.scale_min != Score::from_hundredths(0) || c.scale_max != Score::from_hundredths(1000))
            t.kv("scale", fmt::format("{{ min = {}, max = {} }}", format_score(c.scale_min), format_score(c.scale_max)));
        if (c.baseline)
            t.kv("baseline", fmt::format("{{ year = {}, score = {} }}", c.baseline->year, format_score(c.baseline->score)));
        for (const auto& x : c.targets) toml_target(t, "[[components.targets]]", x);
    }
    if (plan.total.baseline) {
        t.table("[total]");
        t.kv("baseline", fmt::format("{{ year = {}, score = {} }}", plan.total.baseline->year,
                                     format_score(plan.total.baseline->score)));
    }
    for (const auto& x : plan.total.targets) toml_target(t, "[[total.targets]]", x);

    for (const auto& o : plan.owners) {
        t.table("[[owners]]");
        t.kv("id", toml_string(o.id));
        t.kv("name", toml_string(o.name));
        t.text("name_en", o.name_en);
        t.kv("kind", toml_string(to_string(o.kind)));
        t.list("members", o.members);
    }

    for (const auto& x : plan.tasks) {
        t.table("[[tasks]]");
        std::string id = toml_string(x.id);
        if (options.task_line_comments && x.location.line > 0) id += fmt::format("  # line {}", x.location.line);
        t.kv("id", id);
        t.kv("component", toml_string(x.component));
        t.kv("lead", toml_string(x.lead));
        t.list("cooperating", x.cooperating);
        t.kv("text", toml_string(x.text));
        if (x.due) t.kv("due", toml_partial(*x.due));
        if (x.recurrence != Recurrence::none) t.kv("recurrence", toml_string(to_string(x.recurrence)));
        if (x.status != TaskStatus::not_started) t.kv("status", toml_string(to_string(x.status)));
        t.text("source", x.source);
        t.text("note", x.note);
        for (const auto& u : x.updates) {
            t.table("[[tasks.updates]]");
            t.kv("date", format_date(u.date));
            t.kv("status", toml_string(to_string(u.status)));
            if (u.percent) t.kv("percent", std::to_string(*u.percent));
            t.text("period", u.period);
            t.text("note", u.note);
            t.list("evidence", u.evidence);
            t.text("reported_by", u.reported_by);
        }
    }

    for (const auto& o : plan.observations) {
        t.table("[[observations]]");
        t.kv("year", std::to_string(o.year));
        t.kv("published", toml_partial(o.published));
        t.kv("kind", toml_string(to_string(o.kind)));
        t.text("source", o.source);
        if (o.total) t.kv("total", format_score(*o.total));
        if (o.rank) t.kv("rank", std::to_string(*o.rank));
        if (!o.scores.empty()) t.table("[observations.scores]");
        for (const auto& [id, s] : ordered_scores(plan, o)) t.kv(id, format_score(s));
    }
    return t.out;
}

std::string write_plan(const Plan& plan, PlanFormat format, const WriteOptions& options) {
    return format == PlanFormat::yaml ? write_plan_yaml(plan, options) : write_plan_toml(plan, options);
}

}  // namespace pgi
