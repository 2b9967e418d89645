// The schema tables (schema_tables.hpp): one Table per model struct, in the key order of the
// file format. The reader, the writer, the docs' field tables and equality tests all follow
// them; docs/plan-format.md's tables are generated from the `doc` texts here.
#include "schema_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "pgi/date.hpp"
#include "pgi/i18n.hpp"
#include "pgi/period.hpp"
#include "pgi/tracking.hpp"

namespace pgi::detail {

using schema::FieldInfo;
using schema::ValueType;

// ---- tree scalars (the writer side) ----

namespace {

Node scalar(std::string s, Node::Type t) {
    Node n;
    n.kind = Node::Kind::scalar;
    n.type = t;
    n.scalar = std::move(s);
    return n;
}
Node text_node(const std::string& s) {
    return scalar(s, Node::Type::string);
}
Node int_node(long v) {
    return scalar(std::to_string(v), Node::Type::integer);
}
Node score_node(Score s) {
    return scalar(format_score(s), Node::Type::floating);
}
Node date_node(const Date& d) {
    return scalar(format_date(d), Node::Type::date);
}
// A full date is a date in both formats; `2024-08` is bare in YAML and a string in TOML;
// `2020` is a string in both (a bare 2020 would read as a number).
Node partial_node(const PartialDate& d) {
    Node::Type t = d.month != 0 && d.day != 0 ? Node::Type::date
                   : d.month != 0             ? Node::Type::plain
                                              : Node::Type::string;
    return scalar(format_partial_date(d), t);
}
Node enum_node(const char* s) {
    return scalar(s, Node::Type::plain);
}
Node seq_node(bool flow) {
    Node n;
    n.kind = Node::Kind::sequence;
    n.flow = flow;
    return n;
}
void put(Node& map, std::string key, Node value) {
    map.entries.push_back(Entry{std::move(key), Pos{}, std::move(value)});
}

// An id can go unquoted when YAML cannot read it as anything but a string.
bool plain_ok(const std::string& s) {
    if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
    if (!std::all_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-'; }))
        return false;
    std::string l = s;
    std::transform(l.begin(), l.end(), l.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    for (const char* w : {"y", "yes", "n", "no", "true", "false", "on", "off", "null", "nan", "inf"})
        if (l == w) return false;
    return true;
}

}  // namespace

Node id_node(const std::string& s) {
    return scalar(s, plain_ok(s) ? Node::Type::plain : Node::Type::string);
}

// ---- field factories: one line per key in the tables below ----

namespace {

enum class Need { optional, required, nonempty };  // nonempty: required, and not blank text

FieldInfo info(std::string key, ValueType type, bool required, std::string type_text, std::string doc) {
    FieldInfo f;
    f.key = std::move(key);
    f.type = type;
    f.required = required;
    f.type_text = std::move(type_text);
    f.doc = std::move(doc);
    return f;
}

template <class S>
Field<S> text_f(std::string key, std::string S::*m, Need need, std::string doc) {
    Field<S> f{info(key, ValueType::text, need != Need::optional, "string", std::move(doc)), {}, {}};
    f.read = [key, m, need](Reader& r, const Node& v, S& s) {
        if (need == Need::nonempty) {
            s.*m = r.text(v, key);
            return true;
        }
        auto t = r.str(v, key);
        s.*m = t.value_or("");
        return t.has_value();
    };
    f.write = [key, m, need](const S& s, Node& map, const WriteContext&) {
        if (need != Need::optional || !(s.*m).empty()) put(map, key, text_node(s.*m));
    };
    return f;
}

template <class S>
Field<S> id_f(std::string key, std::string S::*m, Need need, std::string type_text, std::string doc) {
    Field<S> f{info(key, ValueType::id, need != Need::optional, std::move(type_text), std::move(doc)), {}, {}};
    f.read = [key, m](Reader& r, const Node& v, S& s) {
        auto t = r.id(v, key);
        s.*m = t.value_or("");
        return t.has_value();
    };
    f.write = [key, m, need](const S& s, Node& map, const WriteContext&) {
        if (need != Need::optional || !(s.*m).empty()) put(map, key, id_node(s.*m));
    };
    return f;
}

// An id and where it is written (for findings about the id it names).
template <class S, class P>
Field<S> id_at_f(std::string key, std::string S::*m, P S::*at, Need need, std::string type_text, std::string doc) {
    Field<S> f = id_f<S>(key, m, need, std::move(type_text), std::move(doc));
    f.read = [key, m, at](Reader& r, const Node& v, S& s) {
        auto t = r.id(v, key);
        s.*m = t.value_or("");
        if constexpr (std::is_same_v<P, Where>)
            s.*at = r.at(v.pos);
        else
            s.*at = Reader::tp(v);
        return t.has_value();
    };
    return f;
}

template <class S, class P = std::nullptr_t>
Field<S> ids_f(std::string key, std::vector<std::string> S::*m, std::string type_text, std::string doc,
               P S::*at = nullptr) {
    Field<S> f{info(key, ValueType::id_list, false, std::move(type_text), std::move(doc)), {}, {}};
    f.read = [key, m, at](Reader& r, const Node& v, S& s) {
        if constexpr (std::is_same_v<P, std::nullptr_t>)
            s.*m = r.str_list(v, key, true);
        else
            s.*m = r.str_list(v, key, true, &(s.*at));
        return true;
    };
    f.write = [key, m](const S& s, Node& map, const WriteContext&) {
        if ((s.*m).empty()) return;
        Node seq = seq_node(true);
        for (const auto& x : s.*m) seq.items.push_back(id_node(x));
        put(map, key, std::move(seq));
    };
    return f;
}

template <class S>
Field<S> texts_f(std::string key, std::vector<std::string> S::*m, bool flow, std::string doc) {
    Field<S> f{info(key, ValueType::text_list, false, "list of strings", std::move(doc)), {}, {}};
    f.read = [key, m](Reader& r, const Node& v, S& s) {
        s.*m = r.str_list(v, key, false);
        return true;
    };
    f.write = [key, m, flow](const S& s, Node& map, const WriteContext&) {
        if ((s.*m).empty()) return;
        Node seq = seq_node(flow);
        for (const auto& x : s.*m) seq.items.push_back(text_node(x));
        put(map, key, std::move(seq));
    };
    return f;
}

// A whole number in [lo, hi]; `omit` is the value left out when writing (none when required).
template <class S>
Field<S> int_f(std::string key, int S::*m, long lo, long hi, Need need, std::string type_text, std::string doc) {
    Field<S> f{info(key, ValueType::integer, need != Need::optional, std::move(type_text), std::move(doc)), {}, {}};
    f.info.min = lo;
    f.info.max = hi;
    f.read = [key, m, lo, hi](Reader& r, const Node& v, S& s) {
        auto n = r.integer(v, key, lo, hi);
        s.*m = n.value_or(0);
        return n.has_value();
    };
    f.write = [key, m, need](const S& s, Node& map, const WriteContext&) {
        if (need != Need::optional || s.*m != 0) put(map, key, int_node(s.*m));
    };
    return f;
}

template <class S>
Field<S> opt_int_f(std::string key, std::optional<int> S::*m, long lo, long hi, std::string doc) {
    Field<S> f{info(key, ValueType::integer, false, "integer", std::move(doc)), {}, {}};
    f.info.min = lo;
    f.info.max = hi;
    f.read = [key, m, lo, hi](Reader& r, const Node& v, S& s) {
        s.*m = r.integer(v, key, lo, hi);
        return (s.*m).has_value();
    };
    f.write = [key, m](const S& s, Node& map, const WriteContext&) {
        if (s.*m) put(map, key, int_node(*(s.*m)));
    };
    return f;
}

template <class S>
Field<S> year_f(std::string key, int S::*m, std::string label, std::string doc) {
    Field<S> f{info(key, ValueType::integer, true, "year", std::move(doc)), {}, {}};
    f.info.min = 1900;
    f.info.max = 2200;
    f.read = [label, m](Reader& r, const Node& v, S& s) {
        auto y = r.year(v, label);
        s.*m = y.value_or(0);
        return y.has_value();
    };
    f.write = [key, m](const S& s, Node& map, const WriteContext&) { put(map, key, int_node(s.*m)); };
    return f;
}

template <class S>
Field<S> score_f(std::string key, Score S::*m, std::string label, std::string doc) {
    Field<S> f{info(key, ValueType::score, true, "score", std::move(doc)), {}, {}};
    f.read = [label, m](Reader& r, const Node& v, S& s) {
        auto sc = r.score(v, label);
        if (sc) s.*m = *sc;
        return sc.has_value();
    };
    f.write = [key, m](const S& s, Node& map, const WriteContext&) { put(map, key, score_node(s.*m)); };
    return f;
}

template <class S>
Field<S> opt_score_f(std::string key, std::optional<Score> S::*m, std::string doc) {
    Field<S> f{info(key, ValueType::score, false, "score", std::move(doc)), {}, {}};
    f.read = [key, m](Reader& r, const Node& v, S& s) {
        s.*m = r.score(v, key);
        return (s.*m).has_value();
    };
    f.write = [key, m](const S& s, Node& map, const WriteContext&) {
        if (s.*m) put(map, key, score_node(*(s.*m)));
    };
    return f;
}

template <class S>
Field<S> date_f(std::string key, Date S::*m, std::string doc) {
    Field<S> f{info(key, ValueType::date, true, "date", std::move(doc)), {}, {}};
    f.read = [key, m](Reader& r, const Node& v, S& s) {
        auto d = r.date(v, key);
        if (d) s.*m = *d;
        return d.has_value();
    };
    f.write = [key, m](const S& s, Node& map, const WriteContext&) { put(map, key, date_node(s.*m)); };
    return f;
}

template <class S>
Field<S> partial_f(std::string key, PartialDate S::*m, std::string doc) {
    Field<S> f{info(key, ValueType::partial_date, true, "partial date", std::move(doc)), {}, {}};
    f.read = [key, m](Reader& r, const Node& v, S& s) {
        auto d = r.partial_date(v, key);
        if (d) s.*m = *d;
        return d.has_value();
    };
    f.write = [key, m](const S& s, Node& map, const WriteContext&) { put(map, key, partial_node(s.*m)); };
    return f;
}

template <class S>
Field<S> opt_partial_f(std::string key, std::optional<PartialDate> S::*m, std::string doc) {
    Field<S> f{info(key, ValueType::partial_date, false, "partial date", std::move(doc)), {}, {}};
    f.read = [key, m](Reader& r, const Node& v, S& s) {
        s.*m = r.partial_date(v, key);
        return (s.*m).has_value();
    };
    f.write = [key, m](const S& s, Node& map, const WriteContext&) {
        if (s.*m) put(map, key, partial_node(*(s.*m)));
    };
    return f;
}

// An enumeration spelled as in EnumNames<E>; written always, or only when not `fallback`.
template <class S, class E>
Field<S> enum_f(std::string key, E S::*m, E fallback, Need need, bool always_write, std::string type_text,
                std::string doc) {
    Field<S> f{info(key, ValueType::enumeration, need != Need::optional, std::move(type_text), std::move(doc)), {}, {}};
    for (E e : enum_values<E>()) f.info.allowed.emplace_back(enum_name(e));
    if (need == Need::optional) f.info.default_text = enum_name(fallback);
    f.read = [key, m, fallback](Reader& r, const Node& v, S& s) {
        auto e = r.enumeration<E>(v, key);
        s.*m = e.value_or(fallback);
        return e.has_value();
    };
    f.write = [key, m, fallback, always_write](const S& s, Node& map, const WriteContext&) {
        if (always_write || s.*m != fallback) put(map, key, enum_node(enum_name(s.*m)));
    };
    return f;
}

// A task status: the code (`done`) or its Vietnamese label (`hoàn thành`), case- and
// diacritic-insensitive (tracking.hpp, parse_status_label); written as the code.
template <class S>
Field<S> status_f(TaskStatus S::*m, Need need, bool always_write, std::string doc) {
    Field<S> f = enum_f("status", m, TaskStatus::not_started, need, always_write, "status", std::move(doc));
    f.info.labels = vietnamese_status_labels();
    f.read = [m](Reader& r, const Node& v, S& s) {
        auto e = r.enumeration_by<TaskStatus>(v, "status", parse_status_label, accepted_status_text);
        s.*m = e.value_or(TaskStatus::not_started);
        return e.has_value();
    };
    return f;
}

template <class S>
Field<S> period_f(std::string key, std::string S::*m, std::string doc) {
    Field<S> f{info(key, ValueType::period, false, "period", std::move(doc)), {}, {}};
    f.read = [key, m](Reader& r, const Node& v, S& s) {
        s.*m = r.period_text(v, key);
        return true;
    };
    f.write = [key, m](const S& s, Node& map, const WriteContext&) {
        if (!(s.*m).empty()) put(map, key, text_node(s.*m));
    };
    return f;
}

// A list of mappings read by `item` (which sets locations and may drop an unusable item).
template <class S, class T>
Field<S> list_f(std::string key, std::vector<T> S::*m, const Table<T>& table,
                std::optional<T> (*item)(Reader&, const Node&), Need need, std::string doc) {
    Field<S> f{info(key, ValueType::list, need != Need::optional, "list", std::move(doc)), {}, {}};
    f.info.nested = &table.info;
    f.read = [key, m, item](Reader& r, const Node& v, S& s) {
        if constexpr (std::is_same_v<T, Task>)
            if (r.take_all_streamed_tasks(v, s.*m)) return true;
        if (v.kind == Node::Kind::sequence) (s.*m).reserve((s.*m).size() + v.items.size());
        r.list(v, key, [&](const Node& n) {
            if (auto x = item(r, n)) (s.*m).push_back(std::move(*x));
        });
        return true;
    };
    f.write = [key, m, &table, need](const S& s, Node& map, const WriteContext& ctx) {
        if (need == Need::optional && (s.*m).empty()) return;
        Node seq = seq_node((s.*m).empty());  // an empty required list is written `[]`
        for (const auto& x : s.*m) seq.items.push_back(write_fields(table, x, ctx));
        put(map, key, std::move(seq));
    };
    return f;
}

// The usual list item: a mapping, located at its node, kept even when partly invalid (the
// validator then reports what it lacks).
template <class T, const Table<T>& (*table)()>
std::optional<T> item_of(Reader& r, const Node& n) {
    T x;
    x.location = r.at(n.pos);
    if (r.expect(n, Node::Kind::mapping, table().what)) read_fields(r, table(), n, x);
    return x;
}

// A task of the plan's list: one the loader read while parsing (a `taken` placeholder), or
// read here.
std::optional<Task> task_item(Reader& r, const Node& n);

// ---- the tables ----

const Table<DocumentRef>& docref_table();
const Table<ReportDeadline>& report_table();
const Table<Target>& target_table();
const Table<TaskUpdate>& update_table();

std::optional<DocumentRef> docref_item(Reader& r, const Node& n, const char* what) {
    DocumentRef d;
    d.location = r.at(n.pos);
    if (n.kind == Node::Kind::scalar) {  // just a number
        d.number = r.str(n, "number").value_or("");
        return d;
    }
    if (!r.expect(n, Node::Kind::mapping, what)) return d;
    Table<DocumentRef> t = docref_table();  // the same keys, named for this list in messages
    t.what = what;
    read_fields(r, t, n, d);
    return d;
}
std::optional<DocumentRef> parent_item(Reader& r, const Node& n) {
    return docref_item(r, n, "a parent document");
}
std::optional<DocumentRef> reference_item(Reader& r, const Node& n) {
    return docref_item(r, n, "a reference");
}

const Table<DocumentRef>& docref_table() {
    static const Table<DocumentRef> t{N_("a document"),
                                      "document refs",
                                      "A cited document: a mapping, or just its number (`- 163/KH-UBND`).",
                                      {
                                          text_f("number", &DocumentRef::number, Need::required,
                                                 "`163/KH-UBND`; `/KH-UBND` when the number is blank"),
                                          opt_partial_f("date", &DocumentRef::date, "the document's date"),
                                          text_f("issuer", &DocumentRef::issuer, Need::optional, "the issuing body"),
                                          text_f("title", &DocumentRef::title, Need::optional, "the title line"),
                                      }};
    return t;
}

const Table<ReportDeadline>& report_table() {
    static const Table<ReportDeadline> t{
        N_("a report"),
        "plan.reports[]",
        "A reporting duty: who reports to whom, by when, how often.",
        {
            date_f("due", &ReportDeadline::due, "the first (or only) deadline"),
            ids_f("from", &ReportDeadline::from, "list of owner ids",
                  "who reports; empty or absent: every owner with a task", &ReportDeadline::from_at),
            id_at_f("to", &ReportDeadline::to, &ReportDeadline::to_at, Need::optional, "owner id",
                    "the recipient; default the focal agency"),
            enum_f("frequency", &ReportDeadline::frequency, Recurrence::none, Need::optional, false, "recurrence",
                   "how often the report recurs after `due`"),
            text_f("source", &ReportDeadline::source, Need::optional, "reference into the document, e.g. `III.1`"),
            text_f("note", &ReportDeadline::note, Need::optional, "free text"),
            [] {
                Field<ReportDeadline> f{
                    info("covers", ValueType::enumeration, false, "covers",
                         "whether each occurrence reports on the month/quarter/… before the one it is due in "
                         "(`previous`) or on that one (`current`); default `previous`, or `current` when `due` is "
                         "the last day of its unit ([tracking.md](tracking.md))"),
                    [](Reader& r, const Node& v, ReportDeadline& d) {
                        auto c = r.enumeration_by<ReportCovers>(
                            v, "covers",
                            [](std::string_view s) -> std::optional<ReportCovers> {
                                if (s == "previous") return ReportCovers::previous;
                                if (s == "current") return ReportCovers::current;
                                return std::nullopt;
                            },
                            [] { return std::string("previous, current"); });
                        d.covers = c.value_or(ReportCovers::automatic);
                        return c.has_value();
                    },
                    [](const ReportDeadline& d, Node& map, const WriteContext&) {
                        if (d.covers == ReportCovers::previous) put(map, "covers", enum_node("previous"));
                        if (d.covers == ReportCovers::current) put(map, "covers", enum_node("current"));
                    }};
                f.info.allowed = {"previous", "current"};
                return f;
            }(),
        }};
    return t;
}

// The plan's period: `start` and an optional `end` (null: open-ended).
const Table<Period>& period_table() {
    static const Table<Period> t{
        N_("period"),
        "plan.period",
        "",
        {
            year_f("start", &Period::start, "period.start", "the first year"),
            {info("end", ValueType::integer, false, "year", "the last year; omit for an open-ended plan"),
             [](Reader& r, const Node& v, Period& p) {
                 if (v.kind != Node::Kind::null) p.end = r.year(v, "period.end");
                 return true;
             },
             [](const Period& p, Node& map, const WriteContext&) {
                 if (p.end) put(map, "end", int_node(*p.end));
             }},
        }};
    return t;
}

const Table<PlanMeta>& meta_table() {
    static const Table<PlanMeta> t{
        N_("plan"),
        "plan",
        "The document's metadata.",
        {
            text_f("document", &PlanMeta::document_number, Need::optional,
                   "document number, `163/KH-UBND`; `/KH-UBND` when the number is blank"),
            text_f("issuer", &PlanMeta::issuer, Need::nonempty, "issuing body, e.g. `UBND thành phố Lạng Sơn`"),
            text_f("title", &PlanMeta::title, Need::nonempty, "the title line"),
            opt_partial_f("issued", &PlanMeta::issued, "issue date"),
            text_f("place", &PlanMeta::place, Need::optional, "place line, e.g. `TP. Lạng Sơn`"),
            [] {
                Field<PlanMeta> f{info("language", ValueType::enumeration, false, "language",
                                       "language of the plan's text; sets report labels"),
                                  [](Reader& r, const Node& v, PlanMeta& m) {
                                      auto s = r.str(v, "language");
                                      if (s && *s != "vi" && *s != "en") {
                                          r.error(v.pos, "invalid-value",
                                                  trf("`language` must be `vi` or `en`, not `{}`", *s));
                                          return false;
                                      }
                                      if (s) m.language = *s;
                                      return s.has_value();
                                  },
                                  [](const PlanMeta& m, Node& map, const WriteContext&) {
                                      put(map, "language", id_node(m.language));
                                  }};
                f.info.allowed = {"vi", "en"};
                f.info.default_text = "vi";
                return f;
            }(),
            [] {
                Field<PlanMeta> f{info("period", ValueType::mapping, true, "map", "the years the plan covers"),
                                  [](Reader& r, const Node& v, PlanMeta& m) {
                                      m.period_location = r.at(v.pos);
                                      if (!r.expect(v, Node::Kind::mapping, "period")) return false;
                                      read_fields(r, period_table(), v, m.period);
                                      return true;
                                  },
                                  [](const PlanMeta& m, Node& map, const WriteContext& ctx) {
                                      put(map, "period", write_fields(period_table(), m.period, ctx, true));
                                  }};
                f.info.nested = &period_table().info;
                return f;
            }(),
            list_f("parents", &PlanMeta::parents, docref_table(), parent_item, Need::optional,
                   "documents this plan implements"),
            list_f("references", &PlanMeta::references, docref_table(), reference_item, Need::optional,
                   "other documents cited"),
            id_at_f("focal_agency", &PlanMeta::focal_agency, &PlanMeta::focal_agency_location, Need::optional,
                    "owner id", "the agency that collects reports (cơ quan đầu mối)"),
            list_f("reports", &PlanMeta::reports, report_table(), item_of<ReportDeadline, report_table>, Need::optional,
                   "reporting duties"),
            [] {
                Field<PlanMeta> f = text_f("time_zone", &PlanMeta::time_zone, Need::optional,
                                           "UTC offset where \"today\" is taken (`+07:00`, `UTC+7`); default Vietnam, "
                                           "UTC+7 ([tracking.md](tracking.md))");
                f.info.type_text = "UTC offset";
                f.read = [](Reader& r, const Node& v, PlanMeta& m) {
                    auto s = r.str(v, "time_zone");
                    if (!s) return false;
                    if (!parse_utc_offset(*s)) {
                        r.error(v.pos, "invalid-value", trf("`time_zone` is not a UTC offset: `{}`", *s),
                                tr("write an offset such as +07:00 (Vietnam, the default) or UTC+7"));
                        return false;
                    }
                    m.time_zone = *s;
                    return true;
                };
                return f;
            }(),
        }};
    return t;
}

// ---- components, targets ----

// A component's scale: two members of Component, `scale.min` and `scale.max` in messages.
const Table<Component>& scale_table() {
    static const Table<Component> t{N_("scale"),
                                    "components[].scale",
                                    "",
                                    {
                                        score_f("min", &Component::scale_min, "scale.min", "the lowest score"),
                                        score_f("max", &Component::scale_max, "scale.max", "the highest score"),
                                    }};
    return t;
}

const Table<Baseline>& baseline_table() {
    static const Table<Baseline> t{
        N_("baseline"),
        "components[].baseline",
        "",
        {
            year_f("year", &Baseline::year, "baseline.year", "the PGI edition of the baseline score"),
            [] {
                Field<Baseline> f = score_f("score", &Baseline::score, "baseline.score", "the score, points");
                auto read = f.read;
                f.read = [read](Reader& r, const Node& v, Baseline& b) {
                    b.location = r.at(v.pos);
                    return read(r, v, b);
                };
                return f;
            }(),
        }};
    return t;
}

// A target, or std::nullopt when it is unusable (already reported): a target whose score did
// not parse must not take part in later checks as 0.00.
std::optional<Target> target_item(Reader& r, const Node& n) {
    Target t;
    t.location = r.at(n.pos);
    if (!r.expect(n, Node::Kind::mapping, tr("a target"))) return std::nullopt;
    int kinds = 0;
    bool valid = true;
    read_fields(r, target_table(), n, t, [&](const Field<Target>& f, bool ok) {
        const std::string& k = f.info.key;
        if (k == "score" || k == "rank_top" || k == "rank_increase" || k == "rank_not_below") ++kinds;
        if (k == "year" || k == "score" || k == "increase") valid = valid && ok;
    });
    if (kinds != 1)
        r.error(n.pos, kinds == 0 ? "missing-key" : "invalid-value",
                kinds == 0 ? tr("a target needs one of `score`, `rank_top`, `rank_increase`, `rank_not_below`")
                           : tr("a target has more than one of `score`, `rank_top`, `rank_increase`, `rank_not_below`"),
                tr("write one target per kind and year"));
    if (!t.region.empty() && t.kind != TargetKind::rank_top)
        r.error(n.pos, "invalid-value", tr("`region` goes with a `rank_top` target only"),
                tr("a regional target reads `{year: 2025, rank_top: 3, region: trung-du-mien-nui-phia-bac}`"));
    if (t.stated_increase && t.kind != TargetKind::score)
        r.error(n.pos, "invalid-value", tr("`increase` goes with a `score` target only"),
                tr("a stated increase belongs to a score target: `{year: 2024, score: 6.58, increase: 1.74}`"));
    if (!valid || kinds != 1 || (t.kind != TargetKind::score && t.rank == 0)) return std::nullopt;
    return t;
}

// `score`, `rank_top`, `rank_increase`: one per target, which sets its kind.
Field<Target> target_kind_f(std::string key, TargetKind kind, std::string doc) {
    bool is_score = kind == TargetKind::score;
    Field<Target> f{info(key, is_score ? ValueType::score : ValueType::integer, false, is_score ? "score" : "integer",
                         std::move(doc)),
                    {},
                    {}};
    if (!is_score) {
        f.info.min = 1;
        f.info.max = 100;
    }
    f.read = [key, kind](Reader& r, const Node& v, Target& t) {
        t.kind = kind;
        if (kind == TargetKind::score) {
            auto sc = r.score(v, "score");
            t.score = sc.value_or(Score{});
            t.location = r.at(v.pos);
            return sc.has_value();
        }
        auto n = r.integer(v, key, 1, 100);
        t.rank = n.value_or(0);
        return n.has_value();
    };
    f.write = [key, kind](const Target& t, Node& map, const WriteContext&) {
        if (t.kind != kind) return;
        put(map, key, kind == TargetKind::score ? score_node(t.score) : int_node(t.rank));
    };
    return f;
}

const Table<Target>& target_table() {
    static const Table<Target> t{
        N_("a target"),
        "targets[]",
        "A target for one year: exactly one of `score`, `rank_top`, `rank_increase`, `rank_not_below`.",
        {
            year_f("year", &Target::year, "year", "the target year"),
            target_kind_f("score", TargetKind::score, "at least this score, points (đạt từ … điểm trở lên)"),
            [] {
                Field<Target> f = opt_score_f("increase", &Target::stated_increase,
                                              "with `score`: the increase the document states, points");
                f.write = [](const Target& x, Node& map, const WriteContext&) {
                    if (x.kind == TargetKind::score && x.stated_increase)
                        put(map, "increase", score_node(*x.stated_increase));
                };
                return f;
            }(),
            target_kind_f("rank_top", TargetKind::rank_top, "in the top N provinces (total PGI)"),
            target_kind_f("rank_increase", TargetKind::rank_increase, "up N places in the ranking (total PGI)"),
            target_kind_f("rank_not_below", TargetKind::rank_not_below, "not below Nth place: rank ≤ N (total PGI)"),
            id_f("region", &Target::region, Need::optional, "region id",
                 "with `rank_top`: the top N of this region (`data/provinces.yaml`); absent = of the country"),
            text_f("source", &Target::source, Need::optional, "reference into the document"),
            text_f("note", &Target::note, Need::optional, "free text"),
        }};
    return t;
}

// `baseline: {year, score}` of a component or of the total. Kept only when both parts are
// valid, so that a bad value is reported once and not again as a false target mismatch
// against 0.00.
template <class S>
Field<S> baseline_f(std::optional<Baseline> S::*m, std::string doc) {
    Field<S> f{info("baseline", ValueType::mapping, false, "map", std::move(doc)),
               [m](Reader& r, const Node& v, S& s) {
                   if (!r.expect(v, Node::Kind::mapping, "baseline")) return false;
                   Baseline b;
                   b.location = r.at(v.pos);
                   bool have_year = false, have_score = false;
                   read_fields(r, baseline_table(), v, b, [&](const Field<Baseline>& part, bool ok) {
                       (part.info.key == "year" ? have_year : have_score) = ok;
                   });
                   if (have_year && have_score) s.*m = b;
                   return have_year && have_score;
               },
               [m](const S& s, Node& map, const WriteContext& ctx) {
                   if (s.*m) put(map, "baseline", write_fields(baseline_table(), *(s.*m), ctx, true));
               }};
    f.info.nested = &baseline_table().info;
    return f;
}

const Table<Component>& component_table() {
    static const Table<Component> t{
        N_("a component"),
        "components[]",
        "One of the four PGI component indices.",
        {
            id_f("id", &Component::id, Need::required, "id",
                 "stable id; the PGI ids are `pollution`, `compliance`, `green-practices`, `incentives` "
                 "(see `data/pgi-components.yaml`)"),
            int_f("number", &Component::number, 1, 4, Need::optional, "1–4", "position in VCCI's order"),
            text_f("name", &Component::name, Need::nonempty,
                   "name in the plan's language, as the plan writes it; outputs name the four PGI components "
                   "from `data/pgi-components.yaml`"),
            text_f("name_en", &Component::name_en, Need::optional,
                   "English name of a component of the plan's own; the four PGI components take VCCI's "
                   "(`component-name-en` warns about another)"),
            texts_f("aliases", &Component::aliases, false, "other names documents use"),
            [] {
                Field<Component> f{
                    info("scale", ValueType::mapping, false, "map", "`min`, `max` scores"),
                    [](Reader& r, const Node& v, Component& c) {
                        if (!r.expect(v, Node::Kind::mapping, "scale")) return false;
                        read_fields(r, scale_table(), v, c);
                        return true;
                    },
                    [](const Component& c, Node& map, const WriteContext& ctx) {
                        if (c.scale_min != Score::from_hundredths(0) || c.scale_max != Score::from_hundredths(1000))
                            put(map, "scale", write_fields(scale_table(), c, ctx, true));
                    }};
                f.info.default_text = "`{min: 0, max: 10}`";
                f.info.nested = &scale_table().info;
                return f;
            }(),
            baseline_f(&Component::baseline, "the last published score before the plan"),
            list_f("targets", &Component::targets, target_table(), target_item, Need::optional, "targets"),
        }};
    return t;
}

const Table<TotalSpec>& total_table() {
    static const Table<TotalSpec> t{
        N_("total"),
        "total",
        "Targets for the total PGI score. Score targets are normally the sum of the component targets; a stated "
        "one is checked against that sum.",
        {
            baseline_f(&TotalSpec::baseline,
                       "a total-only plan's baseline: the last total before the plan, points (0–40)"),
            list_f("targets", &TotalSpec::targets, target_table(), target_item, Need::optional,
                   "rank targets, or a stated total score target"),
        }};
    return t;
}

// ---- owners, tasks, updates ----

const Table<Owner>& owner_table() {
    static const Table<Owner> t{
        N_("an owner"),
        "owners[]",
        "An agency that leads or cooperates on tasks, or receives reports.",
        {
            id_f("id", &Owner::id, Need::required, "id",
                 "ASCII slug of the name, e.g. `phong-tai-nguyen-va-moi-truong`"),
            text_f("name", &Owner::name, Need::nonempty, "name as the plan writes it"),
            text_f("name_en", &Owner::name_en, Need::optional, "English name"),
            enum_f("kind", &Owner::kind, OwnerKind::other, Need::optional, true, "owner kind", "what kind of agency"),
            ids_f("members", &Owner::members, "list of owner ids", "for a `group`: the owners it names",
                  &Owner::members_at),
        }};
    return t;
}

std::vector<Field<TaskUpdate>> update_fields() {
    return {
        date_f("date", &TaskUpdate::date, "the day of the update"),
        status_f(&TaskUpdate::status, Need::required, true,
                 "the task's status from that day (the code, or its Vietnamese label: `hoàn thành`)"),
        opt_int_f("percent", &TaskUpdate::percent, 0, 100, "share done, 0–100"),
        period_f("period", &TaskUpdate::period,
                 "for recurring tasks: the period it is about (`2024-10`, `2024-Q3`, `2024-H2`, `2024`)"),
        text_f("note", &TaskUpdate::note, Need::optional, "free text"),
        texts_f("evidence", &TaskUpdate::evidence, true, "documents, links or file names that show the progress"),
        id_at_f("reported_by", &TaskUpdate::reported_by, &TaskUpdate::reported_by_at, Need::optional, "owner id",
                "who reported it; default: the task's lead"),
    };
}

const Table<TaskUpdate>& update_table() {
    static const Table<TaskUpdate> t{N_("an update"), "tasks[].updates[]",
                                     "A dated progress update on the task (docs/tracking.md).", update_fields()};
    return t;
}

const Table<Task>& task_table() {
    static const Table<Task> t{
        N_("a task"),
        "tasks[]",
        "A task (nhiệm vụ, giải pháp) under one component, led by one owner.",
        {
            [] {
                Field<Task> f = id_f("id", &Task::id, Need::required, "id",
                                     "stable id, e.g. `c1.a.2` (component 1, heading a, bullet 2)");
                f.write = [](const Task& task, Node& map, const WriteContext& ctx) {
                    Node id = id_node(task.id);
                    // the source line of an imported task, written as a `# line N` comment
                    if (ctx.task_line_comments) id.pos.line = task.location.line;
                    put(map, "id", std::move(id));
                };
                return f;
            }(),
            id_at_f("component", &Task::component, &Task::component_at, Need::required, "component id",
                    "its component"),
            id_at_f("lead", &Task::lead, &Task::lead_at, Need::required, "owner id", "lead owner (cơ quan chủ trì)"),
            ids_f("cooperating", &Task::cooperating, "list of owner ids", "cooperating owners (cơ quan phối hợp)",
                  &Task::cooperating_at),
            text_f("text", &Task::text, Need::nonempty, "the task as the document words it"),
            opt_partial_f("due", &Task::due, "a one-off deadline (a partial date means the end of that month/year)"),
            enum_f("recurrence", &Task::recurrence, Recurrence::none, Need::optional, false, "recurrence",
                   "for recurring tasks (thường xuyên → `continuous`, hằng năm → `yearly`)"),
            status_f(&Task::status, Need::optional, false, "the status as the plan states it; updates override it"),
            text_f("source", &Task::source, Need::optional, "reference into the document, e.g. `II.1.a.2`"),
            text_f("note", &Task::note, Need::optional, "e.g. the text of a footnote attached to the task"),
            list_f("updates", &Task::updates, update_table(), item_of<TaskUpdate, update_table>, Need::optional,
                   "dated progress updates"),
        }};
    return t;
}

// ---- observations ----

// Observation scores in the order of the plan's components, then any others by id.
std::vector<std::pair<std::string, Score>> ordered_scores(const Plan* plan, const Observation& o) {
    std::vector<std::pair<std::string, Score>> out;
    if (plan)
        for (const auto& c : plan->components) {
            auto it = o.scores.find(c.id);
            if (it != o.scores.end()) out.emplace_back(it->first, it->second);
        }
    for (const auto& [id, s] : o.scores)
        if (!plan || !plan->find_component(id)) out.emplace_back(id, s);
    return out;
}

const Table<Observation>& observation_table() {
    static const Table<Observation> t{
        N_("an observation"),
        "observations[]",
        "Scores for a reference year as published on a date.",
        {
            year_f("year", &Observation::year, "year", "the PGI edition (reference year)"),
            partial_f("published", &Observation::published,
                      "when it became known; a partial date counts from its last day"),
            enum_f("kind", &Observation::kind, ObservationKind::official, Need::optional, true, "observation kind",
                   "VCCI's result or an interim estimate"),
            text_f("source", &Observation::source, Need::optional, "where it comes from"),
            {info("scores", ValueType::score_map, false, "map component id → score",
                  "the component scores, points; an observation needs `scores` or a published `total`"),
             [](Reader& r, const Node& v, Observation& o) {
                 if (!r.expect(v, Node::Kind::mapping, "scores")) return false;
                 for (const Entry& s : v.entries) {
                     if (auto sc = r.score(s.value, "scores." + s.key)) {
                         o.scores[s.key] = *sc;
                         o.score_locations[s.key] = r.at(s.key_pos);
                     }
                 }
                 return true;
             },
             [](const Observation& o, Node& map, const WriteContext& ctx) {
                 if (o.scores.empty()) return;  // a total-only observation
                 Node scores;
                 scores.kind = Node::Kind::mapping;
                 for (const auto& [id, s] : ordered_scores(ctx.plan, o)) put(scores, id, score_node(s));
                 put(map, "scores", std::move(scores));
             }},
            opt_score_f("total", &Observation::total,
                        "the published total; may differ from the sum of the components by ±0.01"),
            opt_int_f("rank", &Observation::rank, 1, 100, "the published rank"),
        }};
    return t;
}

// ---- report_settings (docs/plan-format.md, docs/report-docx.md) ----

const Table<ReportSettings>& signer_table() {
    static const Table<ReportSettings> t{N_("signer"),
                                         "report_settings.signer",
                                         "",
                                         {
                                             text_f("title", &ReportSettings::signer_title, Need::optional,
                                                    "chức vụ, printed in capitals, e.g. `TRƯỞNG PHÒNG`"),
                                             text_f("name", &ReportSettings::signer_name, Need::optional,
                                                    "họ tên; empty leaves it to be written by hand"),
                                             text_f("authority", &ReportSettings::signer_authority, Need::optional,
                                                    "thẩm quyền ký above the title, e.g. `KT. TRƯỞNG PHÒNG`"),
                                         }};
    return t;
}

// The report sections a document may include, in their default order (report_docx.cpp).
const std::vector<std::string>& report_section_names() {
    static const std::vector<std::string> names{"scores",    "components",   "owners", "changes",
                                                "deadlines", "not_reported", "sources"};
    return names;
}

const Table<ReportSettings>& report_settings_table() {
    static const Table<ReportSettings> t{
        N_("report_settings"),
        "report_settings",
        "How `pgi report --format docx` presents the office's document; every key is optional.",
        {
            text_f("parent_body", &ReportSettings::parent_body, Need::optional,
                   "cơ quan chủ quản, first line of the header block"),
            text_f("issuing_body", &ReportSettings::issuing_body, Need::optional,
                   "cơ quan ban hành, bold capitals under the parent body"),
            text_f("number", &ReportSettings::number, Need::optional, "số, ký hiệu after `Số:`, e.g. `…/BC-TNMT`"),
            text_f("place", &ReportSettings::place, Need::optional, "địa danh before `, ngày … tháng … năm …`"),
            texts_f("recipients", &ReportSettings::recipients, false, "nơi nhận, one line each"),
            [] {
                Field<ReportSettings> f{
                    info("signer", ValueType::mapping, false, "map", "who signs"),
                    [](Reader& r, const Node& v, ReportSettings& s) {
                        if (!r.expect(v, Node::Kind::mapping, "signer")) return false;
                        read_fields(r, signer_table(), v, s);
                        return true;
                    },
                    [](const ReportSettings& s, Node& map, const WriteContext& ctx) {
                        if (!s.signer_title.empty() || !s.signer_name.empty() || !s.signer_authority.empty())
                            put(map, "signer", write_fields(signer_table(), s, ctx, true));
                    }};
                f.info.nested = &signer_table().info;
                return f;
            }(),
            [] {
                Field<ReportSettings> f{
                    info("sections", ValueType::text_list, false, "list of strings",
                         "the report's sections, in order; default all seven"),
                    [](Reader& r, const Node& v, ReportSettings& s) {
                        std::vector<TextPosition> at;
                        s.sections = r.str_list(v, "sections", false, &at);
                        const auto& names = report_section_names();
                        for (std::size_t i = 0; i < s.sections.size(); ++i)
                            if (std::find(names.begin(), names.end(), s.sections[i]) == names.end())
                                r.error(i < at.size() ? Pos{at[i].line, at[i].column} : v.pos, "invalid-value",
                                        trf("`sections` has an unknown section `{}`", s.sections[i]),
                                        tr("use: scores, components, owners, changes, deadlines, not_reported, "
                                           "sources"));
                        return true;
                    },
                    [](const ReportSettings& s, Node& map, const WriteContext&) {
                        if (s.sections.empty()) return;
                        Node seq = seq_node(true);
                        for (const auto& x : s.sections) seq.items.push_back(id_node(x));
                        put(map, "sections", std::move(seq));
                    }};
                f.info.allowed = report_section_names();
                return f;
            }(),
        }};
    return t;
}

// From PGI 2024 a province outside the top 30 has components and no total; one in the top 30
// may be recorded by its published total alone (a total-only plan): one of the two is needed.
std::optional<Observation> observation_item(Reader& r, const Node& n) {
    Observation o;
    o.location = r.at(n.pos);
    if (!r.expect(n, Node::Kind::mapping, tr("an observation"))) return o;
    bool have_scores = false, have_total = false;
    read_fields(r, observation_table(), n, o, [&](const Field<Observation>& f, bool) {
        if (f.info.key == "scores") have_scores = true;
        if (f.info.key == "total") have_total = true;
    });
    if (!have_scores && !have_total)
        r.error(n.pos, "missing-key", tr("an observation needs `scores` or a published `total`"),
                tr("copy the four component scores, or the total when only it was published"));
    return o;
}

// ---- the plan file ----

const Table<Plan>& plan_table() {
    static const Table<Plan> t{
        N_("the top level"),
        "top level",
        "",
        {
            [] {
                Field<Plan> f{
                    info("pgi", ValueType::integer, true, "integer", "format version, `1`"),
                    [](Reader& r, const Node& v, Plan& p) {
                        auto n = r.integer(v, "pgi", 1, 1000);
                        if (!n) return false;
                        p.format_version = *n;
                        if (*n != plan_format_version)
                            r.error(v.pos, "unsupported-version", trf("plan format version {} is not supported", *n),
                                    trf("this pgi reads version {}", plan_format_version));
                        return true;
                    },
                    [](const Plan& p, Node& map, const WriteContext&) { put(map, "pgi", int_node(p.format_version)); }};
                f.info.allowed = {std::to_string(plan_format_version)};
                return f;
            }(),
            [] {
                Field<Plan> f{info("plan", ValueType::mapping, true, "map", "document metadata"),
                              [](Reader& r, const Node& v, Plan& p) {
                                  p.meta.location = r.at(v.pos);
                                  if (!r.expect(v, Node::Kind::mapping, "plan")) return false;
                                  read_fields(r, meta_table(), v, p.meta);
                                  return true;
                              },
                              [](const Plan& p, Node& map, const WriteContext& ctx) {
                                  put(map, "plan", write_fields(meta_table(), p.meta, ctx));
                              }};
                f.info.nested = &meta_table().info;
                return f;
            }(),
            [] {
                Field<Plan> f =
                    list_f("components", &Plan::components, component_table(), item_of<Component, component_table>,
                           Need::required, "the component indices with baselines and targets");
                auto read = f.read;
                f.read = [read](Reader& r, const Node& v, Plan& p) {
                    read(r, v, p);
                    if (v.items.empty() && (v.kind == Node::Kind::sequence || v.kind == Node::Kind::null))
                        r.warning(v.pos.line ? v.pos : Pos{}, "no-components",
                                  tr("the plan lists no components: there is no gap to compute"),
                                  tr("list the four PGI components (docs/plan-format.md)"));
                    return true;
                };
                return f;
            }(),
            [] {
                Field<Plan> f{info("total", ValueType::mapping, false, "map",
                                   "targets for the total PGI score (rank targets, a stated total)"),
                              [](Reader& r, const Node& v, Plan& p) {
                                  if (!r.expect(v, Node::Kind::mapping, "total")) return false;
                                  read_fields(r, total_table(), v, p.total);
                                  return true;
                              },
                              [](const Plan& p, Node& map, const WriteContext& ctx) {
                                  if (!p.total.targets.empty() || p.total.baseline)
                                      put(map, "total", write_fields(total_table(), p.total, ctx));
                              }};
                f.info.nested = &total_table().info;
                return f;
            }(),
            list_f("owners", &Plan::owners, owner_table(), item_of<Owner, owner_table>, Need::optional,
                   "agencies that lead or cooperate on tasks"),
            list_f("tasks", &Plan::tasks, task_table(), task_item, Need::optional, "tasks (nhiệm vụ, giải pháp)"),
            list_f("observations", &Plan::observations, observation_table(), observation_item, Need::optional,
                   "published or estimated scores per year"),
            [] {
                Field<Plan> f{
                    info("report_settings", ValueType::mapping, false, "map",
                         "how the report is presented as an office document ([report-docx.md](report-docx.md))"),
                    [](Reader& r, const Node& v, Plan& p) {
                        p.report_settings.location = r.at(v.pos);
                        if (v.kind == Node::Kind::null) return true;
                        if (!r.expect(v, Node::Kind::mapping, "report_settings")) return false;
                        p.report_settings.present = true;
                        read_fields(r, report_settings_table(), v, p.report_settings);
                        return true;
                    },
                    [](const Plan& p, Node& map, const WriteContext& ctx) {
                        if (p.report_settings.present)
                            put(map, "report_settings", write_fields(report_settings_table(), p.report_settings, ctx));
                    }};
                f.info.nested = &report_settings_table().info;
                return f;
            }(),
            [] {
                Field<Plan> f{info("updates", ValueType::text_list, false, "list of strings",
                                   "update files, directories or glob patterns (`reports/**/*.yaml`), relative to "
                                   "the plan file's directory, merged into the plan ([tracking.md](tracking.md))"),
                              [](Reader& r, const Node& v, Plan& p) {
                                  p.update_sources = r.str_list(v, "updates", false);
                                  p.update_sources_location = r.at(v.pos);
                                  return true;
                              },
                              [](const Plan& p, Node& map, const WriteContext&) {
                                  if (p.update_sources.empty()) return;
                                  Node seq = seq_node(false);
                                  for (const auto& s : p.update_sources) seq.items.push_back(text_node(s));
                                  put(map, "updates", std::move(seq));
                              }};
                return f;
            }(),
        }};
    return t;
}

// ---- update files (docs/tracking.md) ----

const Table<UpdateEntry>& update_entry_table() {
    static const Table<UpdateEntry> t = [] {
        std::vector<Field<UpdateEntry>> fields{
            id_f("task", &UpdateEntry::task, Need::required, "task id", "the task the update is about")};
        // then every key of a task's update, on the entry's `update`
        for (const auto& f : update_table().fields)
            fields.push_back(
                {f.info, [read = f.read](Reader& r, const Node& v, UpdateEntry& e) { return read(r, v, e.update); },
                 [write = f.write](const UpdateEntry& e, Node& map, const WriteContext& ctx) {
                     write(e.update, map, ctx);
                 }});
        return Table<UpdateEntry>{"an update", "update-file:updates[]",
                                  "A progress update: `task` and the keys of a task's update.", std::move(fields)};
    }();
    return t;
}

std::optional<UpdateEntry> update_entry_item(Reader& r, const Node& n) {
    UpdateEntry e;
    e.update.location = r.at(n.pos);
    if (r.expect(n, Node::Kind::mapping, "an update")) read_fields(r, update_entry_table(), n, e);
    return e;
}

const Table<DeadlineEntry>& deadline_table() {
    static const Table<DeadlineEntry> t{
        N_("a deadline"),
        "update-file:deadlines[]",
        "A deadline set after the plan was issued: the task's `due` from then on.",
        {
            id_f("task", &DeadlineEntry::task, Need::required, "task id", "the task"),
            partial_f("due", &DeadlineEntry::due, "the new due date: a date, `YYYY-MM` or `YYYY`"),
            text_f("source", &DeadlineEntry::source, Need::optional, "the letter that set it, e.g. `123/UBND-TNMT`"),
            text_f("note", &DeadlineEntry::note, Need::optional, "free text"),
        }};
    return t;
}

const Table<UpdateFile>& update_file_table() {
    static const Table<UpdateFile> t{
        N_("an update file"),
        "update-file:top level",
        "",
        {
            [] {
                Field<UpdateFile> f{info("pgi", ValueType::integer, false, "integer", "format version, `1`"),
                                    [](Reader& r, const Node& v, UpdateFile&) {
                                        auto n = r.integer(v, "pgi");
                                        if (n && *n != plan_format_version)
                                            r.error(v.pos, "unsupported-version",
                                                    trf("update file format version {} is not supported", *n),
                                                    trf("this pgi reads version {}", plan_format_version));
                                        return n.has_value();
                                    },
                                    [](const UpdateFile&, Node& map, const WriteContext&) {
                                        put(map, "pgi", int_node(plan_format_version));
                                    }};
                f.info.allowed = {std::to_string(plan_format_version)};
                return f;
            }(),
            id_f("reported_by", &UpdateFile::reported_by, Need::optional, "owner id",
                 "owner id of the reporting agency; the default `reported_by` of the entries"),
            period_f("period", &UpdateFile::period,
                     "the period the entries report on; the default `period` of the entries"),
            list_f("updates", &UpdateFile::updates, update_entry_table(), update_entry_item, Need::optional,
                   "progress updates"),
            list_f("deadlines", &UpdateFile::deadlines, deadline_table(), item_of<DeadlineEntry, deadline_table>,
                   Need::optional, "due dates set after the plan was issued"),
            list_f("reports", &UpdateFile::reports, report_table(), item_of<ReportDeadline, report_table>,
                   Need::optional, "extra reporting duties, same shape as the plan's `plan.reports[]`"),
        }};
    return t;
}

std::optional<Task> task_item(Reader& r, const Node& n) {
    if (n.taken)
        if (auto t = r.take_streamed_task()) return t;
    return item_of<Task, task_table>(r, n);
}

}  // namespace

// ---- whole files ----

Task read_task(Reader& r, const Node& item) {
    return *item_of<Task, task_table>(r, item);
}

Plan read_plan(Reader& r, const Node& root) {
    Plan plan;
    plan.file = r.context().file;
    if (root.kind == Node::Kind::null) {
        r.error(root.pos.line ? root.pos : Pos{1, 1}, "missing-key", tr("the plan file is empty"),
                tr("start from examples/lang-son-2024/plan.yaml or docs/plan-format.md"));
        return plan;
    }
    if (!r.expect(root, Node::Kind::mapping, tr("the plan file"))) return plan;
    read_fields(r, plan_table(), root, plan);
    return plan;
}

// File-level defaults (`reported_by`, `period`) apply to every entry that does not set its
// own, whatever the order of the keys.
UpdateFile read_update_file(Reader& r, const Node& root) {
    UpdateFile f;
    f.file = r.context().file;
    if (root.kind == Node::Kind::null) return f;  // an empty update file: nothing reported yet
    if (!r.expect(root, Node::Kind::mapping, tr("the update file"))) return f;
    read_fields(r, update_file_table(), root, f);
    // A file in a folder named like a period (`updates/2024-10/`) reports on that period
    // unless it says otherwise, and saying otherwise is an error (docs/tracking.md).
    std::optional<CalendarPeriod> folder;
    std::string folder_name = std::filesystem::path(f.file).parent_path().filename().string();
    if (auto p = parse_period(folder_name); p && p->kind != PeriodKind::range) folder = p;
    if (folder) {
        if (f.period.empty()) {
            f.period = format_period(*folder);
        } else if (f.period != format_period(*folder)) {
            Pos period_at{};
            for (const Entry& e : root.entries)
                if (e.key == "period") period_at = e.value.pos;
            r.error(period_at, "period-folder-mismatch",
                    trf("the file says `period: {}` but lies in the folder `{}/`, which is {}", f.period, folder_name,
                        format_period(*folder)),
                    tr("move the file to the folder of its period, or correct `period`"));
        }
        for (const auto& u : f.updates) {
            if (u.update.period.empty()) continue;
            auto own = parse_period(u.update.period);
            if (own && !overlaps(*own, *folder))
                r.error(Pos{u.update.location.line, u.update.location.column}, "period-folder-mismatch",
                        trf("the update for `{}` says `period: {}` but lies in the folder `{}/`, which is {}", u.task,
                            u.update.period, folder_name, format_period(*folder)),
                        tr("an entry may name a longer period that contains the folder's (2024-Q4 in 2024-10/), not "
                           "another one"));
        }
    }
    for (auto& u : f.updates) {
        if (u.update.reported_by.empty()) u.update.reported_by = f.reported_by;
        if (u.update.period.empty()) u.update.period = f.period;
    }
    return f;
}

Node plan_to_tree(const Plan& plan, const WriteContext& ctx) {
    WriteContext c = ctx;
    c.plan = &plan;
    return write_fields(plan_table(), plan, c);
}

}  // namespace pgi::detail

// ---- the docs view (pgi/schema.hpp) ----

namespace pgi::schema {

const std::vector<const StructInfo*>& plan_structs() {
    using namespace detail;
    static const std::vector<const StructInfo*> all{
        &plan_table().info,   &meta_table().info,        &period_table().info,          &docref_table().info,
        &report_table().info, &component_table().info,   &scale_table().info,           &baseline_table().info,
        &target_table().info, &total_table().info,       &owner_table().info,           &task_table().info,
        &update_table().info, &observation_table().info, &report_settings_table().info, &signer_table().info};
    return all;
}

const std::vector<const StructInfo*>& update_file_structs() {
    using namespace detail;
    static const std::vector<const StructInfo*> all{&update_file_table().info, &update_entry_table().info,
                                                    &deadline_table().info};
    return all;
}

}  // namespace pgi::schema
