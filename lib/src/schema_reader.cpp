// The value converters of the schema reader (schema_reader.hpp).
#include "schema_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>

#include "pgi/period.hpp"
#include "pgi/text.hpp"

namespace pgi::detail {

namespace {

const char* kind_name(const Node& n) {
    switch (n.kind) {
        case Node::Kind::null:
            return "an empty value";
        case Node::Kind::scalar:
            return "a single value";
        case Node::Kind::sequence:
            return "a list";
        case Node::Kind::mapping:
            return "a mapping";
    }
    return "a value";
}

std::string join_keys(std::span<const std::string_view> keys) {
    std::string out;
    for (auto k : keys) {
        if (!out.empty()) out += ", ";
        out += k;
    }
    return out;
}

}  // namespace

bool valid_id(std::string_view s) {
    if (s.empty() || !std::isalnum(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-'; });
}

void Reader::error(Pos p, const char* code, std::string msg, std::string hint) {
    ctx_.diagnostics.error(at(p), code, std::move(msg), std::move(hint));
}

void Reader::warning(Pos p, const char* code, std::string msg, std::string hint) {
    ctx_.diagnostics.warning(at(p), code, std::move(msg), std::move(hint));
}

bool Reader::expect(const Node& n, Node::Kind kind, std::string_view what) {
    if (n.kind == kind) return true;
    if (n.type == Node::Type::invalid) return false;  // already reported
    const char* want = kind == Node::Kind::mapping    ? "a mapping (key: value pairs)"
                       : kind == Node::Kind::sequence ? "a list"
                                                      : "a single value";
    error(n.pos, "wrong-type", fmt::format("{} must be {}, not {}", what, want, kind_name(n)),
          "see docs/plan-format.md for the shape of each key");
    return false;
}

void Reader::fields(const Node& map, std::string_view what, std::span<const std::string_view> known,
                    std::span<const std::string_view> required, const std::function<void(const Entry&)>& on) {
    for (const Entry& e : map.entries) {
        if (std::find(known.begin(), known.end(), e.key) != known.end()) {
            on(e);
            continue;
        }
        auto best = did_you_mean(e.key, std::vector<std::string_view>(known.begin(), known.end()));
        std::string hint = best ? fmt::format("did you mean `{}`?", *best)
                                : fmt::format("the keys of {} are: {}", what, join_keys(known));
        error(e.key_pos, "unknown-key", fmt::format("unknown key `{}` in {}", e.key, what), hint);
    }
    for (auto r : required) {
        bool present = std::any_of(map.entries.begin(), map.entries.end(), [&](const Entry& e) { return e.key == r; });
        if (!present)
            error(map.pos, "missing-key", fmt::format("{} is missing the required key `{}`", what, r),
                  fmt::format("add `{}`; docs/plan-format.md lists the required keys", r));
    }
}

void Reader::list(const Node& n, std::string_view what, const std::function<void(const Node&)>& on) {
    if (n.kind == Node::Kind::null) return;  // `tasks:` with nothing under it
    if (!expect(n, Node::Kind::sequence, what)) return;
    for (const Node& item : n.items) on(item);
}

std::optional<std::string> Reader::str(const Node& n, std::string_view what) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (n.kind != Node::Kind::scalar) {
        if (n.kind == Node::Kind::null) return std::string();
        error(n.pos, "wrong-type", fmt::format("`{}` must be text, not {}", what, kind_name(n)),
              "quote the text: \"…\"");
        return std::nullopt;
    }
    if (!is_nfc(n.scalar))
        warning(n.pos, "not-nfc", fmt::format("the text of `{}` is not in Unicode NFC (decomposed diacritics)", what),
                "text copied from Word or PDF may be decomposed; `pgi import` normalises it, or "
                "run `uconv -x any-nfc`");
    return n.scalar;
}

std::optional<std::string> Reader::id(const Node& n, std::string_view what) {
    auto s = str(n, what);
    if (!s) return s;
    if (!valid_id(*s)) {
        error(n.pos, "invalid-value", fmt::format("`{}` is not a valid id: `{}`", what, *s),
              "ids use letters, digits, '.', '_' and '-', and start with a letter or digit");
        return std::nullopt;
    }
    return s;
}

std::optional<int> Reader::integer(const Node& n, std::string_view what, long lo, long hi) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (n.kind != Node::Kind::scalar || n.type == Node::Type::floating || n.type == Node::Type::boolean ||
        n.type == Node::Type::date) {
        error(n.pos, "wrong-type",
              fmt::format("`{}` must be a whole number, not {}", what,
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

std::optional<Score> Reader::score(const Node& n, std::string_view what) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (n.kind != Node::Kind::scalar || n.type == Node::Type::boolean || n.type == Node::Type::date) {
        error(n.pos, "wrong-type",
              fmt::format("`{}` must be a score such as 6.58, not {}", what,
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

std::optional<PartialDate> Reader::partial_date(const Node& n, std::string_view what) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (n.kind != Node::Kind::scalar) {
        error(n.pos, "wrong-type", fmt::format("`{}` must be a date, not {}", what, kind_name(n)),
              "write YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known");
        return std::nullopt;
    }
    auto d = parse_partial_date(n.scalar);
    if (!d)
        error(n.pos, "invalid-date", fmt::format("`{}` is not a valid date: `{}`", what, n.scalar),
              "write YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known; the date must exist");
    return d;
}

std::optional<Date> Reader::date(const Node& n, std::string_view what) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (n.kind != Node::Kind::scalar) {
        error(n.pos, "wrong-type", fmt::format("`{}` must be a date, not {}", what, kind_name(n)),
              "write YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known");
        return std::nullopt;
    }
    auto d = parse_date(n.scalar);
    if (!d)
        error(n.pos, "invalid-date", fmt::format("`{}` is not a valid full date: `{}`", what, n.scalar),
              "write YYYY-MM-DD; the date must exist (2024-02-30 does not)");
    return d;
}

std::vector<std::string> Reader::str_list(const Node& n, std::string_view what, bool ids,
                                          std::vector<TextPosition>* positions) {
    std::vector<std::string> out;
    auto take = [&](const Node& item) {
        if (auto s = ids ? id(item, what) : str(item, what)) {
            out.push_back(*s);
            if (positions) positions->push_back(tp(item));
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

std::string Reader::text(const Node& n, std::string_view what) {
    auto s = str(n, what);
    if (s && s->find_first_not_of(" \t\r\n") == std::string::npos) {
        error(n.pos, "invalid-value", fmt::format("`{}` is empty", what), fmt::format("write the {}", what));
        return {};
    }
    return s.value_or("");
}

std::string Reader::period_text(const Node& n, std::string_view what) {
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

void Reader::unknown_value(const Node& n, std::string_view what, const std::string& value, const std::string& allowed) {
    error(n.pos, "invalid-value", fmt::format("`{}` has an unknown value `{}`", what, value),
          fmt::format("use one of: {}", allowed));
}

}  // namespace pgi::detail
