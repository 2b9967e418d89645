// The value converters of the schema reader (schema_reader.hpp).
#include "schema_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <utility>

#include "pgi/escape.hpp"
#include "pgi/i18n.hpp"
#include "pgi/period.hpp"
#include "pgi/text.hpp"

namespace pgi::detail {

namespace {

const char* kind_name(const Node& n) {
    switch (n.kind) {
        case Node::Kind::null:
            return tr("an empty value");
        case Node::Kind::scalar:
            return tr("a single value");
        case Node::Kind::sequence:
            return tr("a list");
        case Node::Kind::mapping:
            return tr("a mapping");
    }
    return tr("a value");
}

// A TOML value that is not a string (YAML scalars are all text until a converter reads them).
bool typed(const Node& n) {
    return n.kind == Node::Kind::scalar && n.type != Node::Type::plain && n.type != Node::Type::string &&
           n.type != Node::Type::invalid;
}

// The value as the file writes it: TOML numbers keep their source text (`1.10`, `0o7`).
const std::string& written(const Node& n) {
    return n.raw.empty() ? n.scalar : n.raw;
}

// The key as TOML writes it on its line: the last part of a dotted name (`baseline.score`).
std::string_view toml_key(std::string_view what) {
    auto dot = what.rfind('.');
    return dot == std::string_view::npos ? what : what.substr(dot + 1);
}

const char* type_name(const Node& n) {
    switch (n.type) {
        case Node::Type::integer:
        case Node::Type::floating:
            return tr("a number");
        case Node::Type::boolean:
            return tr("a boolean");
        case Node::Type::date:
        case Node::Type::datetime:
            return tr("a date");
        default:
            return tr("text");
    }
}

std::string join_keys(std::span<const std::string_view> keys) {
    std::string out;
    for (auto k : keys) {
        if (!out.empty()) out += ", ";
        out += k;
    }
    return out;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Unknown keys whose cause is not a misspelling: a message and hint in the user's terms.
std::optional<std::pair<std::string, std::string>> explain_unknown_key(const Entry& e, const Entry* before,
                                                                       std::span<const std::string_view> known) {
    // YAML merge keys (`<<: *defaults`) are a YAML 1.1 extension pgi does not expand
    if (e.key == "<<")
        return std::pair{std::string(tr("YAML merge keys (`<<`) are not supported in plan files")),
                         std::string(tr("write the keys out in each mapping"))};
    // `{year: 2023, score: 6,58}`: in a flow mapping the comma ends the value, so the score is
    // 6 and `58` a key without a value
    if (all_digits(e.key) && e.value.kind == Node::Kind::null && before && before->value.kind == Node::Kind::scalar &&
        before->value.type == Node::Type::plain && all_digits(before->value.scalar))
        return std::pair{trf("`{0}: {1},{2}` inside `{{…}}` is read as `{0}: {1}` and a key `{2}`: the comma "
                             "ends the value",
                             before->key, before->value.scalar, e.key),
                         trf("write a decimal point, {0}: {1}.{2}, or quote the number: {0}: \"{1},{2}\"", before->key,
                             before->value.scalar, e.key)};
    // a known key with an invisible character in it (a zero-width space, a byte-order mark
    // pasted with it): it looks right but does not compare equal
    std::string visible;
    std::vector<char32_t> hidden;
    for (std::size_t i = 0; i < e.key.size();) {
        Utf8Char ch = decode_utf8(e.key, i);
        if (ch.size == 0) break;
        if (char_class(ch.code_point) == CharClass::invisible)
            hidden.push_back(ch.code_point);
        else
            visible.append(e.key, i, ch.size);
        i += ch.size;
    }
    if (!hidden.empty() && std::find(known.begin(), known.end(), visible) != known.end())
        return std::pair{trf("key `{}` holds an invisible character (U+{:04X}), so it is not the key `{}`", visible,
                             static_cast<unsigned>(hidden[0]), visible),
                         std::string(tr("delete the key and type it again (an invisible character often comes with "
                                        "text pasted from Word or a web page, a byte-order mark with a joined file)"))};
    return std::nullopt;
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
    const char* want = kind == Node::Kind::mapping    ? tr("a mapping (key: value pairs)")
                       : kind == Node::Kind::sequence ? tr("a list")
                                                      : tr("a single value");
    error(n.pos, "wrong-type", trf("{} must be {}, not {}", what, want, kind_name(n)),
          tr("see docs/plan-format.md for the shape of each key"));
    return false;
}

void Reader::fields(const Node& map, std::string_view what, std::span<const std::string_view> known,
                    std::span<const std::string_view> required, const std::function<void(const Entry&)>& on) {
    const Entry* previous = nullptr;
    for (const Entry& e : map.entries) {
        const Entry* before = std::exchange(previous, &e);
        if (std::find(known.begin(), known.end(), e.key) != known.end()) {
            on(e);
            continue;
        }
        if (auto why = explain_unknown_key(e, before, known)) {
            error(e.key_pos, "unknown-key", std::move(why->first), std::move(why->second));
            continue;
        }
        auto best = did_you_mean(e.key, std::vector<std::string_view>(known.begin(), known.end()));
        std::string hint =
            best ? trf("did you mean `{}`?", *best) : trf("the keys of {} are: {}", what, join_keys(known));
        error(e.key_pos, "unknown-key", trf("unknown key `{}` in {}", e.key, what), hint);
    }
    for (auto r : required) {
        bool present = std::any_of(map.entries.begin(), map.entries.end(), [&](const Entry& e) { return e.key == r; });
        if (!present)
            error(map.pos, "missing-key", trf("{} is missing the required key `{}`", what, r),
                  trf("add `{}`; docs/plan-format.md lists the required keys", r));
    }
}

void Reader::list(const Node& n, std::string_view what, const std::function<void(const Node&)>& on) {
    if (n.kind == Node::Kind::null) return;  // `tasks:` with nothing under it
    if (!expect(n, Node::Kind::sequence, what)) return;
    for (const Node& item : n.items) on(item);
}

void Reader::empty(const Node& n, std::string_view what) {
    error(n.pos, "invalid-value", trf("`{}` is empty", what),
          trf("write a value after `{}:`, or remove the key", what));
}

std::optional<std::string> Reader::str(const Node& n, std::string_view what) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (typed(n)) {
        // TOML `id = 1.10` is the number 1.1 and `text = true` a boolean: never turned into
        // text, since the text would not be what the file says (issue 14, item 3)
        error(n.pos, "wrong-type", trf("`{}` must be text, not {} (`{}`)", what, type_name(n), written(n)),
              trf("write it as a string: {} = \"{}\"", toml_key(what), written(n)));
        return std::nullopt;
    }
    if (n.kind != Node::Kind::scalar) {
        if (n.kind == Node::Kind::null) return std::string();
        error(n.pos, "wrong-type", trf("`{}` must be text, not {}", what, kind_name(n)), tr("quote the text: \"…\""));
        return std::nullopt;
    }
    if (!n.nfc && !is_nfc(n.scalar))
        warning(n.pos, "not-nfc", trf("the text of `{}` is not in Unicode NFC (decomposed diacritics)", what),
                tr("text copied from Word or PDF may be decomposed; `pgi import` normalises it, or "
                   "run `uconv -x any-nfc`"));
    // The loaders' trees are not const (Reader's constructor): moving a long text saves an
    // allocation and a copy per value of a 40 MB plan (docs/performance.md).
    if (take_text_ && n.scalar.size() > 15) return std::move(const_cast<Node&>(n).scalar);
    return n.scalar;
}

std::optional<std::string> Reader::id(const Node& n, std::string_view what) {
    if (n.kind == Node::Kind::null) {
        empty(n, what);
        return std::nullopt;
    }
    auto s = str(n, what);
    if (!s) return s;
    if (!valid_id(*s)) {
        error(n.pos, "invalid-value", trf("`{}` is not a valid id: `{}`", what, *s),
              tr("ids use letters, digits, '.', '_' and '-', and start with a letter or digit"));
        return std::nullopt;
    }
    return s;
}

std::optional<int> Reader::integer(const Node& n, std::string_view what, long lo, long hi) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (n.kind == Node::Kind::null) {
        empty(n, what);
        return std::nullopt;
    }
    if (n.kind != Node::Kind::scalar || (typed(n) && n.type != Node::Type::integer)) {
        error(n.pos, "wrong-type",
              trf("`{}` must be a whole number, not {}", what,
                  n.kind == Node::Kind::scalar ? "`" + written(n) + "`" : kind_name(n)),
              n.type == Node::Type::floating ? tr("write digits only, without a decimal point, e.g. 2024")
                                             : tr("write digits only, e.g. 2024"));
        return std::nullopt;
    }
    const std::string& s = written(n);  // TOML `0o3750` or `2_024` are not written as digits
    // digits only, with an optional '-': strtol alone would also take " 2023" and "+2023",
    // and "02023" would mean 1043 to a YAML 1.1 reader
    bool digits = !s.empty() && s.find_first_not_of("0123456789", s[0] == '-' ? 1 : 0) == std::string::npos &&
                  s != "-" && !(s.size() > 1 && s[s[0] == '-' ? 1 : 0] == '0');
    char* end = nullptr;
    errno = 0;
    long v = digits ? std::strtol(s.c_str(), &end, 10) : 0;
    if (!digits || errno != 0 || *end != '\0') {
        error(n.pos, "wrong-type", trf("`{}` must be a whole number, not `{}`", what, s),
              tr("write digits only, e.g. 2024"));
        return std::nullopt;
    }
    if (v < lo || v > hi) {
        error(n.pos, "invalid-value", trf("`{}` must be from {} to {}, not {}", what, lo, hi, v),
              tr("check for a typo"));
        return std::nullopt;
    }
    return static_cast<int>(v);
}

std::optional<Score> Reader::score(const Node& n, std::string_view what) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (n.kind == Node::Kind::null) {
        empty(n, what);
        return std::nullopt;
    }
    if (n.kind != Node::Kind::scalar || n.type == Node::Type::boolean || n.type == Node::Type::date ||
        n.type == Node::Type::datetime) {
        error(n.pos, "wrong-type",
              trf("`{}` must be a score such as 6.58, not {}", what,
                  n.kind == Node::Kind::scalar ? "`" + written(n) + "`" : kind_name(n)),
              tr("scores are points with at most two decimals"));
        return std::nullopt;
    }
    // One grammar for both formats (docs/plan-format.md, "score"): digits, then a point and
    // one or two decimals; TOML's exponents, underscores, 0x/0o/0b prefixes, inf and nan, and a
    // third decimal are refused as YAML refuses them, by checking the text as written. A TOML
    // score is a number: `"6,58"` is a string there (YAML may quote a decimal comma).
    if (ctx_.toml && n.type == Node::Type::string) {
        std::string number = n.scalar;
        std::replace(number.begin(), number.end(), ',', '.');
        error(n.pos, "wrong-type", trf("`{}` must be a number in TOML, not the string \"{}\"", what, n.scalar),
              parse_score(n.scalar)
                  ? trf("write it without quotes and with a decimal point: {} = {}", toml_key(what), number)
                  : std::string(tr("write points with at most two decimals, e.g. 6.58, without quotes")));
        return std::nullopt;
    }
    const std::string& text = written(n);
    auto s = (n.type == Node::Type::integer || n.type == Node::Type::floating) && text.find(',') != std::string::npos
                 ? std::nullopt
                 : parse_score(text);
    if (!s) {
        error(n.pos, "invalid-score", trf("`{}` is not a score: `{}`", what, text),
              tr("write points with at most two decimals, e.g. 6.58 or 4.75 (no exponent, no underscore, no "
                 "leading zero)"));
    }
    return s;
}

std::optional<PartialDate> Reader::partial_date(const Node& n, std::string_view what) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (n.kind == Node::Kind::null) {
        empty(n, what);
        return std::nullopt;
    }
    if (typed(n) && n.type != Node::Type::date) {
        error(n.pos, "wrong-type", trf("`{}` must be a date, not {} (`{}`)", what, type_name(n), written(n)),
              trf("write YYYY-MM-DD; in TOML a year or a month is a string: {} = \"{}\"", toml_key(what), written(n)));
        return std::nullopt;
    }
    if (n.kind != Node::Kind::scalar) {
        error(n.pos, "wrong-type", trf("`{}` must be a date, not {}", what, kind_name(n)),
              tr("write YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known"));
        return std::nullopt;
    }
    auto d = parse_partial_date(n.scalar);
    if (!d)
        error(n.pos, "invalid-date", trf("`{}` is not a valid date: `{}`", what, n.scalar),
              tr("write YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known; the date must exist"));
    return d;
}

std::optional<Date> Reader::date(const Node& n, std::string_view what) {
    if (n.type == Node::Type::invalid) return std::nullopt;
    if (n.kind == Node::Kind::null) {
        empty(n, what);
        return std::nullopt;
    }
    if (typed(n) && n.type != Node::Type::date) {
        error(n.pos, "wrong-type", trf("`{}` must be a date, not {} (`{}`)", what, type_name(n), written(n)),
              trf("write YYYY-MM-DD; in TOML a year or a month is a string: {} = \"{}\"", toml_key(what), written(n)));
        return std::nullopt;
    }
    if (n.kind != Node::Kind::scalar) {
        error(n.pos, "wrong-type", trf("`{}` must be a date, not {}", what, kind_name(n)),
              tr("write YYYY-MM-DD, or YYYY-MM / YYYY when the day is not known"));
        return std::nullopt;
    }
    auto d = parse_date(n.scalar);
    if (!d)
        error(n.pos, "invalid-date", trf("`{}` is not a valid full date: `{}`", what, n.scalar),
              tr("write YYYY-MM-DD; the date must exist (2024-02-30 does not)"));
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
        error(n.pos, "invalid-value", trf("`{}` is empty", what), trf("write the {}", what));
        return {};
    }
    return s.value_or("");
}

std::string Reader::period_text(const Node& n, std::string_view what) {
    auto s = str(n, what);
    if (!s || s->empty()) return {};
    auto p = parse_period(*s);
    if (!p) {
        error(n.pos, "invalid-value", trf("`{}` is not a period: `{}`", what, *s),
              tr("write a month 2024-10, a quarter 2024-Q3, a half 2024-H2, a year 2024, or a range "
                 "2024-08-01..2024-10-31"));
        return {};
    }
    return format_period(*p);
}

void Reader::unknown_value(const Node& n, std::string_view what, const std::string& value, const std::string& allowed) {
    error(n.pos, "invalid-value", trf("`{}` has an unknown value `{}`", what, value), trf("use one of: {}", allowed));
}

}  // namespace pgi::detail
