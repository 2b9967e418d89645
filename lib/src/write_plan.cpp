// Plan -> YAML / TOML text in the schema of docs/plan-format.md (contract in pgi/write.hpp).
// The schema tables turn the plan into a tree (plan_to_tree, schema_tables.cpp); this file
// only emits trees: one small YAML emitter, one small TOML emitter.
#include <fmt/format.h>
#include <toml++/toml.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "pgi/escape.hpp"
#include "pgi/load.hpp"
#include "pgi/write.hpp"
#include "schema_tables.hpp"

namespace pgi {

using detail::Entry;
using detail::Node;

std::optional<PlanFormat> plan_format_for(const std::filesystem::path& path) {
    auto f = format_from_extension(path);
    if (!f) return std::nullopt;
    return *f == InputFormat::toml ? PlanFormat::toml : PlanFormat::yaml;
}

namespace {

// Each line one visible line (escape.hpp): a line break or control character in a comment's
// text (an input file's name, given by the user) cannot end the comment and inject keys.
std::string comment_block(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l.empty() ? "#\n" : "# " + visible_line(l) + "\n";
    if (!out.empty()) out += "\n";
    return out;
}

detail::WriteContext context(const WriteOptions& o) {
    detail::WriteContext c;
    c.task_line_comments = o.task_line_comments;
    return c;
}

// ---- YAML: yaml-cpp's emitter, block style unless a node asks for flow ----

void emit_yaml(YAML::Emitter& e, const Node& n) {
    switch (n.kind) {
        case Node::Kind::null:
            e << YAML::Null;
            break;
        case Node::Kind::scalar:
            if (n.type == Node::Type::string)
                e << YAML::DoubleQuoted << n.scalar;
            else
                e << n.scalar;
            if (n.pos.line > 0) e << YAML::Comment(fmt::format("line {}", n.pos.line));
            break;
        case Node::Kind::sequence:
            if (n.flow || n.items.empty()) e << YAML::Flow;
            e << YAML::BeginSeq;
            for (const Node& item : n.items) emit_yaml(e, item);
            e << YAML::EndSeq;
            break;
        case Node::Kind::mapping:
            if (n.flow) e << YAML::Flow;
            e << YAML::BeginMap;
            for (const Entry& x : n.entries) {
                e << YAML::Key;
                emit_yaml(e, detail::id_node(x.key));
                e << YAML::Value;
                emit_yaml(e, x.value);
            }
            e << YAML::EndMap;
            break;
    }
}

// yaml-cpp writes U+2028, U+2029 (and, in some versions, U+0085) raw inside double-quoted
// scalars. Pgi reads them back, but YAML 1.1 readers (libyaml, PyYAML) fold them as line
// breaks and drop the spaces around them. Inside double quotes they become the YAML escapes
// `\L`, `\P`, `\N` (YAML 1.2, 5.7), which every reader reads as the character.
std::string escape_yaml_breaks(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted && c == '\\' && i + 1 < text.size()) {
            out += c;
            out += text[++i];
            continue;
        }
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n')
            quoted = false;  // a double-quoted scalar pgi writes is one line
        if (quoted && c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80' &&
            (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
            out += text[i + 2] == '\xA8' ? "\\L" : "\\P";
            i += 2;
            continue;
        }
        if (quoted && c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\x85') {
            out += "\\N";
            ++i;
            continue;
        }
        out += c;
    }
    return out;
}

// ---- TOML: key = value lines, then [tables] and [[arrays of tables]] ----

// A TOML basic string, escaped by toml++ (UTF-8 kept as is).
std::string toml_string(const std::string& s) {
    std::ostringstream ss;
    ss << toml::toml_formatter{toml::value<std::string>{s}, toml::format_flags::allow_unicode_strings};
    return ss.str();
}

std::string toml_key(const std::string& k) {
    bool bare = !k.empty() && std::all_of(k.begin(), k.end(),
                                          [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-'; });
    return bare ? k : toml_string(k);
}

// A value on one line: scalars, arrays of scalars, inline tables.
bool toml_inline(const Node& n) {
    if (n.kind == Node::Kind::mapping) return n.flow;
    if (n.kind == Node::Kind::sequence) return n.items.empty() || n.items.front().kind != Node::Kind::mapping;
    return true;
}

std::string toml_value(const Node& n) {
    switch (n.kind) {
        case Node::Kind::null:
            return "\"\"";
        case Node::Kind::scalar: {
            bool quoted = n.type == Node::Type::string || n.type == Node::Type::plain;
            std::string v = quoted ? toml_string(n.scalar) : n.scalar;
            if (n.pos.line > 0) v += fmt::format("  # line {}", n.pos.line);
            return v;
        }
        case Node::Kind::sequence: {
            std::string out = "[";
            for (std::size_t i = 0; i < n.items.size(); ++i) out += (i ? ", " : "") + toml_value(n.items[i]);
            return out + "]";
        }
        case Node::Kind::mapping: {
            std::string out = "{ ";
            for (std::size_t i = 0; i < n.entries.size(); ++i)
                out += (i ? ", " : "") + toml_key(n.entries[i].key) + " = " + toml_value(n.entries[i].value);
            return out + " }";
        }
    }
    return {};
}

// The body of the table at `path`: its inline keys, then its sub-tables. A table that holds
// only sub-tables needs no header of its own (`[[total.targets]]` without `[total]`).
void emit_toml(std::string& out, const Node& map, const std::string& path) {
    for (const Entry& x : map.entries)
        if (toml_inline(x.value)) out += toml_key(x.key) + " = " + toml_value(x.value) + "\n";
    for (const Entry& x : map.entries) {
        if (toml_inline(x.value)) continue;
        std::string sub = path.empty() ? toml_key(x.key) : path + "." + toml_key(x.key);
        if (x.value.kind == Node::Kind::mapping) {
            bool has_inline = std::any_of(x.value.entries.begin(), x.value.entries.end(),
                                          [](const Entry& y) { return toml_inline(y.value); });
            if (has_inline || x.value.entries.empty()) out += "\n[" + sub + "]\n";
            emit_toml(out, x.value, sub);
        } else {
            for (const Node& item : x.value.items) {
                out += "\n[[" + sub + "]]\n";
                emit_toml(out, item, sub);
            }
        }
    }
}

}  // namespace

std::string write_plan_yaml(const Plan& plan, const WriteOptions& options) {
    YAML::Emitter e;
    e.SetIndent(2);
    emit_yaml(e, detail::plan_to_tree(plan, context(options)));
    return comment_block(options.header_comment) + escape_yaml_breaks(e.c_str()) + "\n";
}

std::string write_plan_toml(const Plan& plan, const WriteOptions& options) {
    std::string out = comment_block(options.header_comment);
    emit_toml(out, detail::plan_to_tree(plan, context(options)), "");
    return out;
}

std::string write_plan(const Plan& plan, PlanFormat format, const WriteOptions& options) {
    return format == PlanFormat::yaml ? write_plan_yaml(plan, options) : write_plan_toml(plan, options);
}

}  // namespace pgi
