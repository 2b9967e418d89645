// TOML -> Node tree through toml++. toml++ already rejects repeated keys and reports
// 1-based line:column; we keep its value types so that the mapper can tell 2024 from "2024".
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <sstream>
#include <utility>

#include "doc_tree.hpp"
#include "pgi/i18n.hpp"
#include "pgi/text.hpp"

namespace pgi::detail {

namespace {

Pos pos_of(const toml::source_region& r) {
    return Pos{static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

// The text of a one-line value as written: toml++ keeps only the parsed value, and `1.10`,
// `0o7` or `1e1` must not reach the model as `1.1`, `7` or `10` (issue 14, item 3). Its
// positions are 1-based lines and code-point columns; the end is one past the value.
class SourceText {
public:
    explicit SourceText(std::string_view text) : text_(text) {
        starts_.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts_.push_back(i + 1);
    }
    std::string slice(const toml::source_region& r) const {
        if (r.begin.line != r.end.line || r.begin.line == 0 || r.begin.line > starts_.size()) return {};
        std::size_t line_start = starts_[r.begin.line - 1];
        std::size_t line_end = r.begin.line < starts_.size() ? starts_[r.begin.line] : text_.size();
        std::string_view line = text_.substr(line_start, line_end - line_start);
        auto byte_of = [&](std::size_t column) {
            std::size_t i = 0;
            for (std::size_t c = 1; c < column && i < line.size(); ++c) i += decode_utf8(line, i).size;
            return i;
        };
        std::size_t b = byte_of(r.begin.column), e = byte_of(r.end.column);
        if (e <= b) return {};
        std::string_view v = line.substr(b, e - b);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n'))
            v.remove_suffix(1);
        return std::string(v);
    }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

Node convert(const toml::node& n, int depth, const SourceText& src);

Node convert_table(const toml::table& t, int depth, const SourceText& src) {
    Node out;
    out.kind = Node::Kind::mapping;
    out.pos = pos_of(t.source());
    for (const auto& [key, value] : t) {
        out.entries.push_back(Entry{std::string(key.str()), pos_of(key.source()), convert(value, depth + 1, src)});
    }
    return out;
}

Node convert(const toml::node& n, int depth, const SourceText& src) {
    Node out;
    out.pos = pos_of(n.source());
    if (depth > 64) return out;  // toml++ limits nesting itself; this is a second guard
    if (const auto* t = n.as_table()) return convert_table(*t, depth, src);
    if (const auto* a = n.as_array()) {
        out.kind = Node::Kind::sequence;
        for (const auto& item : *a) out.items.push_back(convert(item, depth + 1, src));
        return out;
    }
    out.kind = Node::Kind::scalar;
    if (const auto* s = n.as_string()) {
        out.type = Node::Type::string;
        out.scalar = s->get();
    } else if (const auto* i = n.as_integer()) {
        out.type = Node::Type::integer;
        out.scalar = fmt::format("{}", i->get());
    } else if (const auto* f = n.as_floating_point()) {
        out.type = Node::Type::floating;
        out.scalar = fmt::format("{}", f->get());  // shortest round-trip text: 6.58 -> "6.58"
    } else if (const auto* b = n.as_boolean()) {
        out.type = Node::Type::boolean;
        out.scalar = b->get() ? "true" : "false";
    } else if (const auto* d = n.as_date()) {
        out.type = Node::Type::date;
        const auto& v = d->get();
        out.scalar = fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day);
    } else {
        out.type = Node::Type::datetime;
        std::ostringstream ss;
        n.visit([&](const auto& v) { ss << v; });
        out.scalar = ss.str();
    }
    if (out.type != Node::Type::string) out.raw = src.slice(n.source());
    return out;
}

// toml++'s message in the user's terms for the two mistakes it words as a parser would: a bare
// key with non-ASCII letters ("expected '=', saw 'ê'") and a partial date without quotes
// ("Error while parsing date: expected '-'"). Looks at the error's line.
std::optional<std::pair<std::string, std::string>> explain_toml_error(std::string_view text, int line_no,
                                                                      std::string_view description) {
    std::size_t start = 0;
    for (int l = 1; l < line_no && start != std::string_view::npos; ++l) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos || start > text.size()) return std::nullopt;
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    auto trim = [](std::string_view v) {
        while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
        while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.remove_suffix(1);
        return v;
    };
    std::size_t eq = line.find('=');
    std::string_view key = trim(line.substr(0, eq));
    if (!key.empty() && key.front() == '[') {
        key.remove_prefix(key.size() > 1 && key[1] == '[' ? 2 : 1);
        key = trim(key.substr(0, key.find(']')));
    }
    bool quoted = !key.empty() && (key.front() == '"' || key.front() == '\'');
    bool non_ascii = std::any_of(key.begin(), key.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (!quoted && non_ascii)
        return std::pair{trf("`{}` is not a bare TOML key: bare keys hold only A-Z, a-z, 0-9, `_` and `-`", key),
                         std::string(tr("the keys of a plan are English words (docs/plan-format.md lists them); a key "
                                        "with other letters must be quoted"))};
    if (eq != std::string_view::npos && description.find("date") != std::string_view::npos) {
        std::string_view value = trim(line.substr(eq + 1));
        if (auto hash = value.find('#'); hash != std::string_view::npos) value = trim(value.substr(0, hash));
        return std::pair{trf("`{} = {}`: a TOML date needs a year, a month and a day", key, value),
                         trf("write a partial date as a string: {} = \"{}\"", key, value)};
    }
    return std::nullopt;
}

}  // namespace

std::optional<Pos> find_deep_dotted_key(std::string_view text, int max_parts) {
    // A lexical pre-scan, because toml++ 3.3 recurses once per part of a dotted key or table
    // header (`x.x.x…x = 1`, `[a.b.c…]`) before any of our guards can run: about 40,000
    // parts overflow the stack. Dots are counted outside strings and comments between the
    // characters that end a key (`=`, brackets, braces, commas, line ends); a float such as
    // 6.58 has one dot, a date none.
    int line = 1, column = 1, dots = 0;
    Pos first{1, 1};
    std::size_t i = 0;
    auto advance = [&](std::size_t n) {
        const std::size_t end = std::min(text.size(), i + n);
        while (i < end) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
                ++i;
            } else {
                ++column;
                i += decode_utf8(text, i).size;
            }
        }
    };
    auto skip_string = [&](std::string_view quote, bool escapes) {
        advance(quote.size());
        while (i < text.size()) {
            if (escapes && text[i] == '\\') {
                advance(2);
                continue;
            }
            if (text.substr(i, quote.size()) == quote) {
                advance(quote.size());
                // a multi-line string may end with up to two more quote characters
                while (quote.size() == 3 && i < text.size() && text[i] == quote[0]) advance(1);
                return;
            }
            if (quote.size() == 1 && text[i] == '\n') return;  // unterminated: toml++ reports it
            advance(1);
        }
    };
    while (i < text.size()) {
        char c = text[i];
        if (c == '#') {
            while (i < text.size() && text[i] != '\n') advance(1);
        } else if (text.substr(i, 3) == "\"\"\"") {
            skip_string("\"\"\"", true);
        } else if (text.substr(i, 3) == "'''") {
            skip_string("'''", false);
        } else if (c == '"') {
            skip_string("\"", true);
        } else if (c == '\'') {
            skip_string("'", false);
        } else {
            if (c == '=' || c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == '\n') {
                dots = 0;
            } else if (c == '.') {
                if (dots == 0) first = Pos{line, column};
                if (++dots >= max_parts) return first;
            }
            advance(1);
        }
    }
    return std::nullopt;
}

bool parse_toml_tree(std::string_view text, ParseContext& ctx, Node& root) {
    if (auto at = find_deep_dotted_key(text, kMaxDottedKeyParts)) {
        ctx.diagnostics.error(ctx.at(*at), "too-deep",
                              trf("a dotted key or table header with more than {} parts", kMaxDottedKeyParts),
                              tr("a plan needs at most a few parts (`[plan.focal]`); is this file damaged?"));
        return false;
    }
    try {
        toml::table t = toml::parse(text, ctx.file);
        SourceText src(text);
        root = convert_table(t, 0, src);
        root.pos = Pos{1, 1};
        return true;
    } catch (const toml::parse_error& e) {
        if (auto x = explain_toml_error(text, static_cast<int>(e.source().begin.line), e.description())) {
            ctx.diagnostics.error(ctx.at(pos_of(e.source())), "syntax", std::move(x->first), std::move(x->second));
            return false;
        }
        ctx.diagnostics.error(ctx.at(pos_of(e.source())), "syntax", std::string(e.description()),
                              tr("see docs/plan-format.md for the TOML form of each key"));
        return false;
    } catch (const std::exception& e) {
        ctx.diagnostics.error(ctx.at(Pos{1, 1}), "syntax", trf("cannot parse TOML: {}", e.what()));
        return false;
    }
}

}  // namespace pgi::detail
