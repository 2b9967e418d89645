// The schema mapper: Node tree -> Plan, with every schema finding located in the file.
// One mapper serves YAML and TOML, so each rule of docs/plan-format.md is written once.
#include "pgi/load.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <initializer_list>

#include <fmt/format.h>

#include "doc_tree.hpp"
#include "pgi/io.hpp"
#include "pgi/period.hpp"
#include "pgi/text.hpp"

namespace pgi {

using detail::Entry;
using detail::Node;
using detail::ParseContext;
using detail::Pos;

std::optional<InputFormat> format_from_extension(const std::filesystem::path& path) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".yaml" || ext == ".yml") return InputFormat::yaml;
    if (ext == ".toml") return InputFormat::toml;
    return std::nullopt;
}

namespace {


using Keys = std::initializer_list<std::string_view>;

std::string join_keys(Keys keys) {
    std::string out;
    for (auto k : keys) {
        if (!out.empty()) out += ", ";
        out += k;
    }
    return out;
}

const char* kind_name(const Node& n) {
    switch (n.kind) {
        case Node::Kind::null: return "an empty value";
        case Node::Kind::scalar: return "a single value";
        case Node::Kind::sequence: return "a list";
        case Node::Kind::mapping: return "a mapping";
    }
    return "a value";
}

bool valid_id(std::string_view s) {
    if (s.empty() || !std::isalnum(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '_' || c == '-';
    });
}

class Mapper {
public:
    explicit Mapper(ParseContext& ctx) : ctx_(ctx) {}

    Plan map_plan(const Node& root) {
        Plan plan;
        plan.file = ctx_.file;
        if (root.kind == Node::Kind::null) {
            error(root.pos.line ? root.pos : Pos{1, 1}, "missing-key", "the plan file is empty",
                  "start from examples/lang-son-2024/plan.yaml or docs/plan-format.md");
            return plan;
        }
        if (!expect(root, Node::Kind::mapping, "the plan file")) return plan;
        fields(root, "the top level", {"pgi", "plan", "components", "total", "owners", "tasks", "observations", "updates"},
               {"pgi", "plan", "components"}, [&](const Entry& e) {
                   const Node& v = e.value;
                   if (e.key == "pgi") {
                       if (auto n = integer(v, "pgi", 1, 1000)) {
                           plan.format_version = *n;
                           if (*n != plan_format_version)
                               error(v.pos, "unsupported-version",
                                     fmt::format("plan format version {} is not supported", *n),
                                     fmt::format("this pgi reads version {}", plan_format_version));
                       }
                   } else if (e.key == "plan") {
                       map_meta(v, plan.meta);
                   } else if (e.key == "components") {
                       list(v, "components", [&](const Node& item) { plan.components.push_back(map_component(item)); });
                       if (v.items.empty() && (v.kind == Node::Kind::sequence || v.kind == Node::Kind::null))
                           ctx_.diagnostics.warning(at(v.pos.line ? v.pos : e.key_pos), "no-components",
                                                    "the plan lists no components: there is no gap to compute",
                                                    "list the four PGI components (docs/plan-format.md)");
                   } else if (e.key == "total") {
                       if (expect(v, Node::Kind::mapping, "total"))
                           fields(v, "total", {"baseline", "targets"}, {}, [&](const Entry& t) {
                               if (t.key == "baseline") {
                                   plan.total.baseline = map_baseline(t.value);
                                   return;
                               }
                               list(t.value, "targets", [&](const Node& item) {
                                   if (auto target = map_target(item)) plan.total.targets.push_back(std::move(*target));
                               });
                           });
                   } else if (e.key == "owners") {
                       list(v, "owners", [&](const Node& item) { plan.owners.push_back(map_owner(item)); });
                   } else if (e.key == "tasks") {
                       list(v, "tasks", [&](const Node& item) { plan.tasks.push_back(map_task(item)); });
                   } else if (e.key == "observations") {
                       list(v, "observations", [&](const Node& item) { plan.observations.push_back(map_observation(item)); });
                   } else if (e.key == "updates") {
                       plan.update_sources = str_list(v, "updates", false);
                       plan.update_sources_location = at(v.pos);
                   }
               });
        return plan;
    }

    // An update file (docs/tracking.md). File-level defaults (`reported_by`, `period`) apply
    // to every entry that does not set its own, whatever the order of the keys.
    UpdateFile map_update_file(const Node& root) {
        UpdateFile f;
        f.file = ctx_.file;
        if (root.kind == Node::Kind::null) return f;  // an empty update file: nothing reported yet
        if (!expect(root, Node::Kind::mapping, "the update file")) return f;
        fields(root, "an update file", {"pgi", "reported_by", "period", "updates", "deadlines", "reports"}, {},
               [&](const Entry& e) {
                   const Node& v = e.value;
                   if (e.key == "pgi") {
                       if (auto n = integer(v, "pgi"); n && *n != plan_format_version)
                           error(v.pos, "unsupported-version", fmt::format("update file format version {} is not supported", *n),
                                 fmt::format("this pgi reads version {}", plan_format_version));
                   } else if (e.key == "reported_by") f.reported_by = id(v, "reported_by").value_or("");
                   else if (e.key == "period") f.period = period_text(v, "period");
               });
        for (const Entry& e : root.entries) {
            const Node& v = e.value;
            if (e.key == "updates") {
                list(v, "updates", [&](const Node& item) {
                    UpdateEntry u;
                    u.update = map_update(item, &u.task);
                    if (u.update.reported_by.empty()) u.update.reported_by = f.reported_by;
                    if (u.update.period.empty()) u.update.period = f.period;
                    f.updates.push_back(std::move(u));
                });
            } else if (e.key == "deadlines") {
                list(v, "deadlines", [&](const Node& item) { f.deadlines.push_back(map_deadline(item)); });
            } else if (e.key == "reports") {
                list(v, "reports", [&](const Node& item) { f.reports.push_back(map_report(item)); });
            }
        }
        return f;
    }

private:
    ParseContext& ctx_;

    SourceLocation at(Pos p) const { return ctx_.at(p); }
    void error(Pos p, const char* code, std::string msg, std::string hint = {}) {
        ctx_.diagnostics.error(at(p), code, std::move(msg), std::move(hint));
    }

    bool expect(const Node& n, Node::Kind kind, std::string_view what) {
        if (n.kind == kind) return true;
        if (n.type == Node::Type::invalid) return false;  // already reported
        const char* want = kind == Node::Kind::mapping ? "a mapping (key: value pairs)"
                           : kind == Node::Kind::sequence ? "a list" : "a single value";
        error(n.pos, "wrong-type", fmt::format("{} must be {}, not {}", what, want, kind_name(n)),
              "see docs/plan-format.md for the shape of each key");
        return false;
    }

    // Calls `on` for each known key; reports unknown keys (with a did-you-mean) and missing
    // required ones.
    void fields(const Node& map, std::string_view what, Keys known, Keys required,
                const std::function<void(const Entry&)>& on) {
        for (const Entry& e : map.entries) {
            if (std::find(known.begin(), known.end(), e.key) != known.end()) {
                on(e);
                continue;
            }
            std::string best;
            std::size_t best_d = 3;
            for (auto k : known) {
                auto d = edit_distance(e.key, k);
                if (d < best_d) {
                    best_d = d;
                    best = std::string(k);
                }
            }
            std::string hint = best.empty() ? fmt::format("the keys of {} are: {}", what, join_keys(known))
                                            : fmt::format("did you mean `{}`?", best);
            error(e.key_pos, "unknown-key", fmt::format("unknown key `{}` in {}", e.key, what), hint);
        }
        for (auto r : required) {
            bool present = std::any_of(map.entries.begin(), map.entries.end(), [&](const Entry& e) { return e.key == r; });
            if (!present)
                error(map.pos, "missing-key", fmt::format("{} is missing the required key `{}`", what, r),
                      fmt::format("add `{}`; docs/plan-format.md lists the required keys", r));
        }
    }

    void list(const Node& n, std::string_view what, const std::function<void(const Node&)>& on) {
        if (n.kind == Node::Kind::null) return;  // `tasks:` with nothing under it
        if (!expect(n, Node::Kind::sequence, what)) return;
        for (const Node& item : n.items) on(item);
    }

    std::optional<std::string> str(const Node& n, std::string_view what) {
        if (n.type == Node::Type::invalid) return std::nullopt;
        if (n.kind != Node::Kind::scalar) {
            if (n.kind == Node::Kind::null) return std::string();
            error(n.pos, "wrong-type", fmt::format("`{}` must be text, not {}", what, kind_name(n)),
                  "quote the text: \"…\"");
            return std::nullopt;
        }
        if (!is_nfc(n.scalar))
            ctx_.diagnostics.warning(at(n.pos), "not-nfc",
                                     fmt::format("the text of `{}` is not in Unicode NFC (decomposed diacritics)", what),
                                     "text copied from Word or PDF may be decomposed; `pgi import` normalises it, or "
                                     "run `uconv -x any-nfc`");
        return n.scalar;
    }

    std::optional<std::string> id(const Node& n, std::string_view what) {
        auto s = str(n, what);
        if (!s) return s;
        if (!valid_id(*s)) {
            error(n.pos, "invalid-value", fmt::format("`{}` is not a valid id: `{}`", what, *s),
                  "ids use letters, digits, '.', '_' and '-', and start with a letter or digit");
            return std::nullopt;
        }
        return s;
    }

    std::optional<int> integer(const Node& n, std::string_view what, long lo = -1000000, long hi = 1000000) {
        if (n.type == Node::Type::invalid) return std::nullopt;
        if (n.kind != Node::Kind::scalar || n.type == Node::Type::floating || n.type == Node::Type::boolean ||
            n.type == Node::Type::date) {
            error(n.pos, "wrong-type", fmt::format("`{}` must be a whole number, not {}", what,
                                                   n.kind == Node::Kind::scalar ? "`" + n.scalar + "`" : kind_name(n)),
                  "write digits only, e.g. 2024");
            return std::nullopt;
        }
        const std::string& s = n.scalar;
        // digits only, with an optional '-': strtol alone would also take " 2023" and "+2023",
        // and "02023" would mean 1043 to a YAML 1.1 reader
        bool digits = !s.empty() && s.find_first_not_of("0123456789", s[0] == '-' ? 1 : 0) == std::string::npos &&
                      s != "-" && !(s.size() > 1 && s[s[0] == '-' ? 1 : 0] == '0');
        char* end = nullptr;
        errno = 0;
        long v = digits ? std::strtol(s.c_str(), &end, 10) : 0;
        if (!digits || errno != 0 || *end != '\0') {
            error(n.pos, "wrong-type", fmt::format("`{}` must be a whole number, not `{}`", what, s),
                  "write digits only, e.g. 2024");
            return std::nullopt;
        }
        if (v < lo || v > hi) {
            error(n.pos, "invalid-value", fmt::format("`{}` must be from {} to {}, not {}", what, lo, hi, v),
                  "check for a typo");
            return std::nullopt;
        }
        return static_cast<int>(v);
    }

    std::optional<int> year(const Node& n, std::string_view what) { return integer(n, what, 1900, 2200); }

    std::optional<Score> score(const Node& n, std::string_view what) {
        if (n.type == Node::Type::invalid) return std::nullopt;
        if (n.kind != Node::Kind::scalar || n.type == Node::Type::boolean || n.type == Node::Type::date) {
            error(n.pos, "wrong-type", fmt::format("`{}` must be a score such as 6.58, not {}", what,
                                                   n.kind == Node::Kind::scalar ? "`" + n.scalar + "`" : kind_name(n)),
                  "scores are points with at most two decimals");
            return std::nullopt;
        }
        auto s = parse_score(n.scalar);
        if (!s) {
            error(n.pos, "invalid-score", fmt::format("`{}` is not a score: `{}`", what, n.scalar),
                  "write points with at most two decimals, e.g. 6.58 or 4.75 (no exponent, no leading zero)");
        }
        return s;
    }

    std::optional<PartialDate> partial_date(const Node& n, std::string_view what) {
        if (n.type == Node::Type::invalid) return std::nullopt;
        if (n.kind != Node::Kind::scalar) {
            error(n.pos, "wrong-type", fmt::format("`{}` must be a date, not {}", what, kind_name(n)),
                  "write YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known");
            return std::nullopt;
        }
        auto d = parse_partial_date(n.scalar);
        if (!d) error(n.pos, "invalid-date", fmt::format("`{}` is not a valid date: `{}`", what, n.scalar),
                      "write YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known; the date must exist");
        return d;
    }

    std::optional<Date> date(const Node& n, std::string_view what) {
        if (n.type == Node::Type::invalid) return std::nullopt;
        if (n.kind != Node::Kind::scalar) {
            error(n.pos, "wrong-type", fmt::format("`{}` must be a date, not {}", what, kind_name(n)),
                  "write YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known");
            return std::nullopt;
        }
        auto d = parse_date(n.scalar);
        if (!d) error(n.pos, "invalid-date", fmt::format("`{}` is not a valid full date: `{}`", what, n.scalar),
                      "write YYYY-MM-DD; the date must exist (2024-02-30 does not)");
        return d;
    }

    std::vector<std::string> str_list(const Node& n, std::string_view what, bool ids,
                                      std::vector<TextPosition>* positions = nullptr) {
        std::vector<std::string> out;
        auto take = [&](const Node& item) {
            if (auto s = ids ? id(item, what) : str(item, what)) {
                out.push_back(*s);
                if (positions) positions->push_back(TextPosition{item.pos.line, item.pos.column});
            }
        };
        if (n.kind == Node::Kind::null) return out;
        if (n.kind == Node::Kind::scalar) {  // a single value stands for a list of one
            take(n);
            return out;
        }
        if (!expect(n, Node::Kind::sequence, what)) return out;
        for (const Node& item : n.items) take(item);
        return out;
    }

    // Required text: present and not empty.
    std::string text(const Node& n, std::string_view what) {
        auto s = str(n, what);
        if (s && s->find_first_not_of(" \t\r\n") == std::string::npos) {
            error(n.pos, "invalid-value", fmt::format("`{}` is empty", what), fmt::format("write the {}", what));
            return {};
        }
        return s.value_or("");
    }

    static TextPosition tp(const Node& n) { return TextPosition{n.pos.line, n.pos.column}; }

    template <class E>
    std::optional<E> enumeration(const Node& n, std::string_view what, std::optional<E> (*parse)(std::string_view),
                                 std::string_view allowed) {
        auto s = str(n, what);
        if (!s) return std::nullopt;
        auto v = parse(*s);
        if (!v) error(n.pos, "invalid-value", fmt::format("`{}` has an unknown value `{}`", what, *s),
                      fmt::format("use one of: {}", allowed));
        return v;
    }

    static constexpr std::string_view recurrences =
        "none, continuous, daily, weekly, monthly, quarterly, half_yearly, yearly";

    void map_meta(const Node& n, PlanMeta& m) {
        m.location = at(n.pos);
        if (!expect(n, Node::Kind::mapping, "plan")) return;
        fields(n, "plan",
               {"document", "issuer", "title", "issued", "place", "language", "period", "parents", "references",
                "focal_agency", "reports"},
               {"issuer", "title", "period"}, [&](const Entry& e) {
                   const Node& v = e.value;
                   if (e.key == "document") m.document_number = str(v, "document").value_or("");
                   else if (e.key == "issuer") m.issuer = text(v, "issuer");
                   else if (e.key == "title") m.title = text(v, "title");
                   else if (e.key == "issued") m.issued = partial_date(v, "issued");
                   else if (e.key == "place") m.place = str(v, "place").value_or("");
                   else if (e.key == "language") {
                       auto s = str(v, "language");
                       if (s && *s != "vi" && *s != "en")
                           error(v.pos, "invalid-value", fmt::format("`language` must be `vi` or `en`, not `{}`", *s));
                       else if (s) m.language = *s;
                   } else if (e.key == "period") {
                       m.period_location = at(v.pos);
                       if (!expect(v, Node::Kind::mapping, "period")) return;
                       fields(v, "period", {"start", "end"}, {"start"}, [&](const Entry& p) {
                           if (p.key == "start") m.period.start = year(p.value, "period.start").value_or(0);
                           else if (p.value.kind != Node::Kind::null) m.period.end = year(p.value, "period.end");
                       });
                   } else if (e.key == "parents") {
                       list(v, "parents", [&](const Node& item) { m.parents.push_back(map_docref(item, "a parent document")); });
                   } else if (e.key == "references") {
                       list(v, "references", [&](const Node& item) { m.references.push_back(map_docref(item, "a reference")); });
                   } else if (e.key == "focal_agency") {
                       m.focal_agency = id(v, "focal_agency").value_or("");
                       m.focal_agency_location = at(v.pos);
                   } else if (e.key == "reports") {
                       list(v, "reports", [&](const Node& item) { m.reports.push_back(map_report(item)); });
                   }
               });
    }

    DocumentRef map_docref(const Node& n, std::string_view what) {
        DocumentRef d;
        d.location = at(n.pos);
        if (n.kind == Node::Kind::scalar) {  // just a number
            d.number = str(n, "number").value_or("");
            return d;
        }
        if (!expect(n, Node::Kind::mapping, what)) return d;
        fields(n, what, {"number", "date", "issuer", "title"}, {"number"}, [&](const Entry& e) {
            if (e.key == "number") d.number = str(e.value, "number").value_or("");
            else if (e.key == "date") d.date = partial_date(e.value, "date");
            else if (e.key == "issuer") d.issuer = str(e.value, "issuer").value_or("");
            else if (e.key == "title") d.title = str(e.value, "title").value_or("");
        });
        return d;
    }

    ReportDeadline map_report(const Node& n) {
        ReportDeadline r;
        r.location = at(n.pos);
        if (!expect(n, Node::Kind::mapping, "a report")) return r;
        fields(n, "a report", {"due", "from", "to", "frequency", "source", "note"}, {"due"}, [&](const Entry& e) {
            const Node& v = e.value;
            if (e.key == "due") {
                if (auto d = date(v, "due")) r.due = *d;
            } else if (e.key == "from") r.from = str_list(v, "from", true, &r.from_at);
            else if (e.key == "to") {
                r.to = id(v, "to").value_or("");
                r.to_at = tp(v);
            }
            else if (e.key == "frequency")
                r.frequency = enumeration<Recurrence>(v, "frequency", parse_recurrence, recurrences).value_or(Recurrence::none);
            else if (e.key == "source") r.source = str(v, "source").value_or("");
            else if (e.key == "note") r.note = str(v, "note").value_or("");
        });
        return r;
    }

    Component map_component(const Node& n) {
        Component c;
        c.location = at(n.pos);
        if (!expect(n, Node::Kind::mapping, "a component")) return c;
        fields(n, "a component", {"id", "number", "name", "name_en", "aliases", "scale", "baseline", "targets"},
               {"id", "name"}, [&](const Entry& e) {
                   const Node& v = e.value;
                   if (e.key == "id") c.id = id(v, "id").value_or("");
                   else if (e.key == "number") c.number = integer(v, "number", 1, 4).value_or(0);
                   else if (e.key == "name") c.name = text(v, "name");
                   else if (e.key == "name_en") c.name_en = str(v, "name_en").value_or("");
                   else if (e.key == "aliases") c.aliases = str_list(v, "aliases", false);
                   else if (e.key == "scale") {
                       if (!expect(v, Node::Kind::mapping, "scale")) return;
                       fields(v, "scale", {"min", "max"}, {"min", "max"}, [&](const Entry& s) {
                           if (auto sc = score(s.value, s.key == "min" ? "scale.min" : "scale.max"))
                               (s.key == "min" ? c.scale_min : c.scale_max) = *sc;
                       });
                   } else if (e.key == "baseline") {
                       c.baseline = map_baseline(v);
                   } else if (e.key == "targets") {
                       list(v, "targets", [&](const Node& item) {
                           if (auto t = map_target(item)) c.targets.push_back(std::move(*t));
                       });
                   }
               });
        return c;
    }

    // A baseline `{year, score}` of a component or of the total. Kept only when both parts
    // are valid, so that a bad value is reported once and not again as a false target mismatch
    // against 0.00.
    std::optional<Baseline> map_baseline(const Node& v) {
        if (!expect(v, Node::Kind::mapping, "baseline")) return std::nullopt;
        Baseline b;
        b.location = at(v.pos);
        bool have_year = false, have_score = false;
        fields(v, "baseline", {"year", "score"}, {"year", "score"}, [&](const Entry& s) {
            if (s.key == "year") {
                auto y = year(s.value, "baseline.year");
                have_year = y.has_value();
                b.year = y.value_or(0);
            } else {
                auto sc = score(s.value, "baseline.score");
                have_score = sc.has_value();
                b.score = sc.value_or(Score{});
                b.location = at(s.value.pos);
            }
        });
        if (have_year && have_score) return b;
        return std::nullopt;
    }

    // A target, or std::nullopt when it is unusable (already reported): a target whose score
    // did not parse must not take part in later checks as 0.00.
    std::optional<Target> map_target(const Node& n) {
        Target t;
        t.location = at(n.pos);
        if (!expect(n, Node::Kind::mapping, "a target")) return std::nullopt;
        int kinds = 0;
        bool valid = true;
        fields(n, "a target",
               {"year", "score", "increase", "rank_top", "rank_increase", "rank_not_below", "region", "source", "note"},
               {"year"},
               [&](const Entry& e) {
                   const Node& v = e.value;
                   if (e.key == "year") {
                       auto y = year(v, "year");
                       valid = valid && y;
                       t.year = y.value_or(0);
                   } else if (e.key == "score") {
                       ++kinds;
                       t.kind = TargetKind::score;
                       auto sc = score(v, "score");
                       valid = valid && sc;
                       t.score = sc.value_or(Score{});
                       t.location = at(v.pos);
                   } else if (e.key == "increase") {
                       t.stated_increase = score(v, "increase");
                       valid = valid && t.stated_increase;
                   } else if (e.key == "rank_top") {
                       ++kinds;
                       t.kind = TargetKind::rank_top;
                       t.rank = integer(v, "rank_top", 1, 100).value_or(0);
                   } else if (e.key == "rank_increase") {
                       ++kinds;
                       t.kind = TargetKind::rank_increase;
                       t.rank = integer(v, "rank_increase", 1, 100).value_or(0);
                   } else if (e.key == "rank_not_below") {
                       ++kinds;
                       t.kind = TargetKind::rank_not_below;
                       t.rank = integer(v, "rank_not_below", 1, 100).value_or(0);
                   } else if (e.key == "region") {
                       t.region = id(v, "region").value_or("");
                   } else if (e.key == "source") t.source = str(v, "source").value_or("");
                   else if (e.key == "note") t.note = str(v, "note").value_or("");
               });
        if (kinds != 1)
            error(n.pos, kinds == 0 ? "missing-key" : "invalid-value",
                  kinds == 0 ? "a target needs one of `score`, `rank_top`, `rank_increase`, `rank_not_below`"
                             : "a target has more than one of `score`, `rank_top`, `rank_increase`, `rank_not_below`",
                  "write one target per kind and year");
        if (!t.region.empty() && t.kind != TargetKind::rank_top)
            error(n.pos, "invalid-value", "`region` goes with a `rank_top` target only",
                  "a regional target reads `{year: 2025, rank_top: 3, region: trung-du-mien-nui-phia-bac}`");
        if (t.stated_increase && t.kind != TargetKind::score)
            error(n.pos, "invalid-value", "`increase` goes with a `score` target only",
                  "a stated increase belongs to a score target: `{year: 2024, score: 6.58, increase: 1.74}`");
        if (!valid || kinds != 1 || (t.kind != TargetKind::score && t.rank == 0)) return std::nullopt;
        return t;
    }

    Owner map_owner(const Node& n) {
        Owner o;
        o.location = at(n.pos);
        if (!expect(n, Node::Kind::mapping, "an owner")) return o;
        fields(n, "an owner", {"id", "name", "name_en", "kind", "members"}, {"id", "name"}, [&](const Entry& e) {
            const Node& v = e.value;
            if (e.key == "id") o.id = id(v, "id").value_or("");
            else if (e.key == "name") o.name = text(v, "name");
            else if (e.key == "name_en") o.name_en = str(v, "name_en").value_or("");
            else if (e.key == "kind")
                o.kind = enumeration<OwnerKind>(v, "kind", parse_owner_kind,
                                                "department, people_committee, ward_committees, police, military, "
                                                "inspectorate, project_board, centre, group, other")
                             .value_or(OwnerKind::other);
            else if (e.key == "members") o.members = str_list(v, "members", true, &o.members_at);
        });
        return o;
    }

    // A progress update: under a task's `updates` (task == nullptr), or an entry of an update
    // file, which names its task with the required key `task`.
    TaskUpdate map_update(const Node& n, std::string* task = nullptr) {
        TaskUpdate u;
        u.location = at(n.pos);
        if (!expect(n, Node::Kind::mapping, "an update")) return u;
        auto on = [&](const Entry& e) {
            const Node& v = e.value;
            if (e.key == "task") *task = id(v, "task").value_or("");
            else if (e.key == "date") {
                if (auto d = date(v, "date")) u.date = *d;
            } else if (e.key == "status")
                u.status = enumeration<TaskStatus>(v, "status", parse_task_status,
                                                   "not_started, in_progress, done, blocked, cancelled")
                               .value_or(TaskStatus::not_started);
            else if (e.key == "percent") u.percent = integer(v, "percent", 0, 100);
            else if (e.key == "period") u.period = period_text(v, "period");
            else if (e.key == "note") u.note = str(v, "note").value_or("");
            else if (e.key == "evidence") u.evidence = str_list(v, "evidence", false);
            else if (e.key == "reported_by") {
                u.reported_by = id(v, "reported_by").value_or("");
                u.reported_by_at = tp(v);
            }
        };
        if (task)
            fields(n, "an update", {"task", "date", "status", "percent", "period", "note", "evidence", "reported_by"},
                   {"task", "date", "status"}, on);
        else
            fields(n, "an update", {"date", "status", "percent", "period", "note", "evidence", "reported_by"},
                   {"date", "status"}, on);
        return u;
    }

    // A reporting period (period.hpp), stored in its canonical spelling; "" when invalid.
    std::string period_text(const Node& n, std::string_view what) {
        auto s = str(n, what);
        if (!s || s->empty()) return {};
        auto p = parse_period(*s);
        if (!p) {
            error(n.pos, "invalid-value", fmt::format("`{}` is not a period: `{}`", what, *s),
                  "write a month 2024-10, a quarter 2024-Q3, a half 2024-H2, a year 2024, or a range "
                  "2024-08-01..2024-10-31");
            return {};
        }
        return format_period(*p);
    }

    DeadlineEntry map_deadline(const Node& n) {
        DeadlineEntry d;
        d.location = at(n.pos);
        if (!expect(n, Node::Kind::mapping, "a deadline")) return d;
        fields(n, "a deadline", {"task", "due", "source", "note"}, {"task", "due"}, [&](const Entry& e) {
            const Node& v = e.value;
            if (e.key == "task") d.task = id(v, "task").value_or("");
            else if (e.key == "due") {
                if (auto p = partial_date(v, "due")) d.due = *p;
            } else if (e.key == "source") d.source = str(v, "source").value_or("");
            else if (e.key == "note") d.note = str(v, "note").value_or("");
        });
        return d;
    }

    Task map_task(const Node& n) {
        Task t;
        t.location = at(n.pos);
        if (!expect(n, Node::Kind::mapping, "a task")) return t;
        fields(n, "a task",
               {"id", "component", "lead", "cooperating", "text", "due", "recurrence", "status", "source", "note",
                "updates"},
               {"id", "component", "lead", "text"}, [&](const Entry& e) {
                   const Node& v = e.value;
                   if (e.key == "id") t.id = id(v, "id").value_or("");
                   else if (e.key == "component") {
                       t.component = id(v, "component").value_or("");
                       t.component_at = tp(v);
                   }
                   else if (e.key == "lead") {
                       t.lead = id(v, "lead").value_or("");
                       t.lead_at = tp(v);
                   }
                   else if (e.key == "cooperating") t.cooperating = str_list(v, "cooperating", true, &t.cooperating_at);
                   else if (e.key == "text") t.text = text(v, "text");
                   else if (e.key == "due") t.due = partial_date(v, "due");
                   else if (e.key == "recurrence")
                       t.recurrence = enumeration<Recurrence>(v, "recurrence", parse_recurrence, recurrences).value_or(Recurrence::none);
                   else if (e.key == "status")
                       t.status = enumeration<TaskStatus>(v, "status", parse_task_status,
                                                          "not_started, in_progress, done, blocked, cancelled")
                                      .value_or(TaskStatus::not_started);
                   else if (e.key == "source") t.source = str(v, "source").value_or("");
                   else if (e.key == "note") t.note = str(v, "note").value_or("");
                   else if (e.key == "updates")
                       list(v, "updates", [&](const Node& item) { t.updates.push_back(map_update(item)); });
               });
        return t;
    }

    Observation map_observation(const Node& n) {
        Observation o;
        o.location = at(n.pos);
        if (!expect(n, Node::Kind::mapping, "an observation")) return o;
        bool have_scores = false, have_total = false;
        fields(n, "an observation", {"year", "published", "kind", "source", "scores", "total", "rank"},
               {"year", "published"}, [&](const Entry& e) {
                   const Node& v = e.value;
                   if (e.key == "year") o.year = year(v, "year").value_or(0);
                   else if (e.key == "published") {
                       if (auto d = partial_date(v, "published")) o.published = *d;
                   } else if (e.key == "kind")
                       o.kind = enumeration<ObservationKind>(v, "kind", parse_observation_kind, "official, estimate")
                                    .value_or(ObservationKind::official);
                   else if (e.key == "source") o.source = str(v, "source").value_or("");
                   else if (e.key == "scores") {
                       have_scores = true;
                       if (!expect(v, Node::Kind::mapping, "scores")) return;
                       for (const Entry& s : v.entries) {
                           if (auto sc = score(s.value, "scores." + s.key)) {
                               o.scores[s.key] = *sc;
                               o.score_locations[s.key] = at(s.key_pos);
                           }
                       }
                   } else if (e.key == "total") {
                       have_total = true;
                       o.total = score(v, "total");
                   } else if (e.key == "rank")
                       o.rank = integer(v, "rank", 1, 100);
               });
        // From PGI 2024 a province outside the top 30 has components and no total; one in the
        // top 30 may be recorded by its published total alone (a total-only plan).
        if (!have_scores && !have_total)
            error(n.pos, "missing-key", "an observation needs `scores` or a published `total`",
                  "copy the four component scores, or the total when only it was published");
        return o;
    }
};

}  // namespace

namespace {

constexpr const char* unknown_format_hint = "name the file .yaml, .yml or .toml, or pass --input-format yaml|toml";

// Reads a file whose format is known or told by its extension (checked first: no need to read
// what cannot be parsed).
Result<std::string> read_input(const std::filesystem::path& path, InputFormat format) {
    if (format == InputFormat::automatic && !format_from_extension(path))
        return fail(ErrorCode::unknown_format, "cannot tell the file format from the extension", unknown_format_hint,
                    SourceLocation{path.string(), 0, 0});
    return read_file(path);
}

// Shared by the plan and update loaders: format by extension, BOM, UTF-8 check, parse.
// Returns false (with diagnostics) when there is no tree to map.
bool parse_tree(std::string_view text, const std::string& file_name, InputFormat format, ParseContext& ctx,
                Node& root) {
    if (format == InputFormat::automatic) {
        auto f = format_from_extension(file_name);
        if (!f) {
            ctx.diagnostics.error(SourceLocation{file_name, 0, 0}, "unknown-format",
                                  "cannot tell the file format from the extension",
                                  unknown_format_hint);
            return false;
        }
        format = *f;
    }
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    if (auto bad = first_invalid_utf8(text)) {
        auto lc = line_column_at(text, *bad);
        ctx.diagnostics.error(SourceLocation{file_name, lc.line, lc.column}, "invalid-utf8",
                              fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[*bad])),
                              "save the file as UTF-8 (it may be in a legacy encoding such as TCVN3 or Windows-1258)");
        return false;
    }
    // Control characters (NUL, ESC …) have no place in a plan, and would reach terminals and
    // reports raw; a CR not followed by LF means old Mac line ends, which parsers misread.
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool bare_cr = c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || bare_cr) {
            auto lc = line_column_at(text, i);
            ctx.diagnostics.error(SourceLocation{file_name, lc.line, lc.column}, "control-character",
                                  bare_cr ? std::string("a carriage return (CR) not followed by a line feed")
                                          : fmt::format("control character U+{:04X} in the text", c),
                                  bare_cr ? "save the file with LF or CRLF line ends"
                                          : "remove it; it is invisible in most editors (try `cat -A`)");
            return false;
        }
    }
    return format == InputFormat::yaml ? detail::parse_yaml_tree(text, ctx, root) : detail::parse_toml_tree(text, ctx, root);
}

}  // namespace

namespace {

// Parses, then releases the file's bytes (when it owns them) before mapping: the tree already
// holds every value, and a 40 MB plan need not be in memory three times over.
LoadResult load_plan_impl(std::string_view text, std::string* owned, const std::string& file_name,
                          InputFormat format) {
    LoadResult result;
    ParseContext ctx{file_name, result.diagnostics};
    Node root;
    if (parse_tree(text, file_name, format, ctx, root)) {
        if (owned) std::string().swap(*owned);
        Mapper mapper(ctx);
        result.plan = mapper.map_plan(root);
    }
    result.diagnostics.sort();
    return result;
}

}  // namespace

LoadResult load_plan_text(std::string_view text, const std::string& file_name, InputFormat format) {
    return load_plan_impl(text, nullptr, file_name, format);
}

Result<LoadResult> load_plan_file(const std::filesystem::path& path, InputFormat format) {
    auto text = read_input(path, format);
    if (!text) return tl::unexpected(std::move(text.error()));
    return load_plan_impl(*text, &*text, path.string(), format);
}

UpdateLoadResult load_update_text(std::string_view text, const std::string& file_name, InputFormat format) {
    UpdateLoadResult result;
    ParseContext ctx{file_name, result.diagnostics};
    Node root;
    if (parse_tree(text, file_name, format, ctx, root)) {
        Mapper mapper(ctx);
        result.updates = mapper.map_update_file(root);
    }
    result.diagnostics.sort();
    return result;
}

Result<UpdateLoadResult> load_update_file(const std::filesystem::path& path, InputFormat format) {
    auto text = read_input(path, format);
    if (!text) return tl::unexpected(std::move(text.error()));
    return load_update_text(*text, path.string(), format);
}

DocumentKind detect_document_kind(std::string_view text, const std::string&, InputFormat) {
    // A look at the top-level keys, line by line, without parsing: a full parse here would
    // double the cost of loading a large plan.
    auto top_key = [](std::string_view line, std::string_view key) {
        if (line.substr(0, key.size()) != key) return false;
        std::string_view rest = line.substr(key.size());
        while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
        return !rest.empty() && (rest.front() == ':' || rest.front() == '=');
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        std::string_view line = text.substr(pos, eol == std::string_view::npos ? std::string_view::npos : eol - pos);
        pos = eol == std::string_view::npos ? text.size() : eol + 1;
        if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        if (top_key(line, "plan") || top_key(line, "components") || line.substr(0, 6) == "[plan]" ||
            line.substr(0, 14) == "[[components]]")
            return DocumentKind::plan;
    }
    return DocumentKind::updates;
}

std::optional<std::filesystem::path> plan_in_directory(const std::filesystem::path& dir) {
    for (const char* name : {"plan.yaml", "plan.yml", "plan.toml", "pgi.yaml", "pgi.yml", "pgi.toml"}) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / name, ec)) return dir / name;
    }
    return std::nullopt;
}

std::optional<std::filesystem::path> discover_plan(const std::filesystem::path& dir, std::string_view env_plan) {
    if (!env_plan.empty()) return std::filesystem::path(env_plan);
    for (const char* name : {"pgi.yaml", "pgi.yml", "pgi.toml"}) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / name, ec)) return dir / name;
    }
    return std::nullopt;
}

}  // namespace pgi
