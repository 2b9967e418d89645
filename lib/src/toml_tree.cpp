// TOML -> Node tree through toml++. toml++ already rejects repeated keys and reports
// 1-based line:column; we keep its value types so that the mapper can tell 2024 from "2024".
#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <sstream>

#include "doc_tree.hpp"
#include "pgi/text.hpp"

namespace pgi::detail {

namespace {

Pos pos_of(const toml::source_region& r) {
    return Pos{static_cast<int>(r.begin.line), static_cast<int>(r.begin.column)};
}

Node convert(const toml::node& n, int depth);

Node convert_table(const toml::table& t, int depth) {
    Node out;
    out.kind = Node::Kind::mapping;
    out.pos = pos_of(t.source());
    for (const auto& [key, value] : t) {
        out.entries.push_back(Entry{std::string(key.str()), pos_of(key.source()), convert(value, depth + 1)});
    }
    return out;
}

Node convert(const toml::node& n, int depth) {
    Node out;
    out.pos = pos_of(n.source());
    if (depth > 64) return out;  // toml++ limits nesting itself; this is a second guard
    if (const auto* t = n.as_table()) return convert_table(*t, depth);
    if (const auto* a = n.as_array()) {
        out.kind = Node::Kind::sequence;
        for (const auto& item : *a) out.items.push_back(convert(item, depth + 1));
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
    return out;
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
                              fmt::format("a dotted key or table header with more than {} parts", kMaxDottedKeyParts),
                              "a plan needs at most a few parts (`[plan.focal]`); is this file damaged?");
        return false;
    }
    try {
        toml::table t = toml::parse(text, ctx.file);
        root = convert_table(t, 0);
        root.pos = Pos{1, 1};
        return true;
    } catch (const toml::parse_error& e) {
        ctx.diagnostics.error(ctx.at(pos_of(e.source())), "syntax", std::string(e.description()),
                              "see docs/plan-format.md for the TOML form of each key");
        return false;
    } catch (const std::exception& e) {
        ctx.diagnostics.error(ctx.at(Pos{1, 1}), "syntax", std::string("cannot parse TOML: ") + e.what());
        return false;
    }
}

}  // namespace pgi::detail
