// The field tables of docs/plan-format.md and docs/tracking.md, generated from the schema
// tables (pgi/schema.hpp).
#include <fmt/format.h>

#include "pgi/schema.hpp"

namespace pgi::schema {

namespace {

std::string type_column(const FieldInfo& f) {
    std::string t = f.type_text;
    if (f.type == ValueType::integer && f.type_text == "integer" && f.min && f.max)
        t += fmt::format(" {}–{}", *f.min, *f.max);
    if (f.nested && (f.type == ValueType::list || f.type == ValueType::mapping))
        t += fmt::format(" (`{}`)", f.nested->name);
    return t;
}

std::string meaning_column(const FieldInfo& f) {
    std::string m = f.doc;
    if (!f.allowed.empty() && f.type == ValueType::enumeration) {
        m += "; one of ";
        for (std::size_t i = 0; i < f.allowed.size(); ++i) m += (i ? ", `" : "`") + f.allowed[i] + "`";
    }
    if (!f.default_text.empty()) {
        bool code = f.default_text.front() != '`';
        m += "; default " + (code ? "`" + f.default_text + "`" : f.default_text);
    }
    return m;
}

const StructInfo* find(const std::string& name) {
    std::string_view n = name;
    bool update_file = n.substr(0, 12) == "update-file:";
    for (const StructInfo* s : update_file ? update_file_structs() : plan_structs())
        if (s->name == name) return s;
    return nullptr;
}

}  // namespace

std::string markdown_table(const StructInfo& s) {
    std::string out = "| key | type | required | meaning |\n|---|---|---|---|\n";
    for (const auto& f : s.fields)
        out += fmt::format("| `{}` | {} | {} | {} |\n", f.key, type_column(f), f.required ? "yes" : "no",
                           meaning_column(f));
    return out;
}

std::string regenerate_docs(const std::string& text, std::vector<std::string>* unknown) {
    static const std::string open = "<!-- schema: ", close = "<!-- /schema -->";
    std::string out;
    std::size_t pos = 0;
    while (true) {
        std::size_t a = text.find(open, pos);
        if (a == std::string::npos) break;
        std::size_t name_end = text.find(" -->", a);
        std::size_t line_end = text.find('\n', a);
        std::size_t b = text.find(close, a);
        if (name_end == std::string::npos || line_end == std::string::npos || b == std::string::npos ||
            name_end > line_end)
            break;
        std::string name = text.substr(a + open.size(), name_end - a - open.size());
        out += text.substr(pos, line_end + 1 - pos);
        if (const StructInfo* s = find(name)) {
            out += markdown_table(*s);
        } else {
            if (unknown) unknown->push_back(name);
            out += text.substr(line_end + 1, b - line_end - 1);
        }
        pos = b;
    }
    return out + text.substr(pos);
}

}  // namespace pgi::schema
