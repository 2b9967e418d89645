// TOML -> Node tree through toml++. toml++ already rejects repeated keys and reports
#include <sstream>
// 1-based line:column; we keep its value types so that the mapper can tell 2024 from "2024".
#include <fmt/format.h>
#include <toml++/toml.h>

#include "doc_tree.hpp"

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

bool parse_toml_tree(std::string_view text, ParseContext& ctx, Node& root) {
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
