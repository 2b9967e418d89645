// JSON Schema (draft 2020-12) for plan and update files, generated from the schema tables
// (pgi/schema.hpp), the tables the reader itself is driven by. It describes a file's data as a
// YAML or TOML library loads it; what only the validator can judge (references between ids,
// unique ids, targets against baselines, scores on a component's own scale, two decimals in a
// number) is left to `pgi validate` (docs/editors.md, "What the schema checks").

#include <nlohmann/json.hpp>

#include "pgi/schema.hpp"

namespace pgi::schema {

namespace {

using json = nlohmann::ordered_json;

// `tasks[].updates[]` -> `tasks.updates`; `document refs` -> `document-refs`.
std::string def_name(const StructInfo& s) {
    std::string n;
    for (std::size_t i = 0; i < s.name.size(); ++i) {
        char c = s.name[i];
        if (c == '[' || c == ']' || c == '`') continue;
        n += (c == ' ' || c == ':') ? '-' : c;
    }
    return n;
}

// docs/plan-format.md, "Conventions": ids are [A-Za-z0-9][A-Za-z0-9._-]*.
json id_schema() {
    return {{"type", "string"}, {"pattern", "^[A-Za-z0-9][A-Za-z0-9._-]*$"}};
}

// A score is a number, or a string with a decimal point or comma and at most two decimals
// ("6,58"). Two decimals in a number cannot be checked portably (multipleOf 0.01 fails on
// binary fractions in most validators), so `pgi validate` checks them.
json score_schema() {
    return {{"anyOf", json::array({{{"type", "number"}},
                                   {{"type", "string"}, {"pattern", "^ *-?[0-9]+([.,][0-9]{1,2})? *$"}}})}};
}

json full_date_schema() {
    return {{"type", "string"}, {"format", "date"}, {"pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"}};
}

// A single value stands for a list of one (docs/plan-format.md, id lists and text lists).
json one_or_list(const json& item) {
    return {{"anyOf", json::array({item, {{"type", "array"}, {"items", item}}})}};
}

json value_schema(const FieldInfo& f, json& defs);

json struct_schema(const StructInfo& s, json& defs) {
    json props = json::object();
    json required = json::array();
    for (const auto& f : s.fields) {
        json v = value_schema(f, defs);
        std::string doc = f.doc;
        if (!f.default_text.empty()) doc += (doc.empty() ? "" : ". ") + std::string("Default: ") + f.default_text;
        if (!doc.empty()) {
            // a $ref with siblings is allowed in 2020-12; keep the description beside it
            v["description"] = doc;
        }
        props[f.key] = v;
        if (f.required) required.push_back(f.key);
    }
    json o = {{"type", "object"}, {"properties", props}, {"additionalProperties", false}};
    if (!required.empty()) o["required"] = required;
    if (!s.summary.empty()) o["description"] = s.summary;
    return o;
}

json ref_to(const StructInfo& s, json& defs) {
    std::string name = def_name(s);
    if (!defs.contains(name)) {
        defs[name] = json::object();  // placeholder: a struct that (indirectly) nests itself ends here
        defs[name] = struct_schema(s, defs);
    }
    return {{"$ref", "#/$defs/" + name}};
}

json value_schema(const FieldInfo& f, json& defs) {
    switch (f.type) {
        case ValueType::text:
            return {{"type", "string"}};
        case ValueType::id:
            return id_schema();
        case ValueType::id_list:
            return one_or_list(id_schema());
        case ValueType::text_list:
            return one_or_list({{"type", "string"}});
        case ValueType::integer: {
            json j = {{"type", "integer"}};
            if (f.min) j["minimum"] = *f.min;
            if (f.max) j["maximum"] = *f.max;
            if (!f.allowed.empty()) {  // the format version: `pgi: 1`
                json values = json::array();
                for (const auto& a : f.allowed) values.push_back(std::stol(a));
                j["enum"] = values;
            }
            return j;
        }
        case ValueType::score:
            return score_schema();
        case ValueType::date:
            // TOML dates load as dates; in the data model both are the ISO text. `format: date`
            // (RFC 3339 full-date) refuses 2024-02-30 where a validator asserts formats.
            return full_date_schema();
        case ValueType::partial_date:
            return {{"anyOf", json::array({full_date_schema(),
                                           {{"type", "string"}, {"pattern", "^[0-9]{4}(-(0[1-9]|1[0-2]))?$"}},
                                           {{"type", "integer"}, {"minimum", 1000}, {"maximum", 9999}}})}};
        case ValueType::period:
            return {{"type", "string"}};
        case ValueType::enumeration: {
            if (f.labels.empty()) return {{"enum", f.allowed}};
            // A status: the reader also takes the labels in any case, with or without
            // diacritics and a few synonyms (`HOAN THANH`, `đã hoàn thành`), which a JSON
            // Schema pattern cannot fold; the spellings are offered for completion and any
            // other text is left to `pgi validate` (docs/editors.md).
            json values(f.allowed);
            for (const auto& l : f.labels) values.push_back(l);
            return {{"anyOf", json::array({{{"enum", values}}, {{"type", "string"}, {"minLength", 1}}})}};
        }
        case ValueType::mapping:
            return f.nested ? ref_to(*f.nested, defs) : json{{"type", "object"}};
        case ValueType::list:
            return {{"type", "array"}, {"items", f.nested ? ref_to(*f.nested, defs) : json::object()}};
        case ValueType::score_map:
            return {{"type", "object"}, {"additionalProperties", score_schema()}};
    }
    return json::object();
}

std::string document(const StructInfo& top, const char* id, const char* title) {
    json defs = json::object();
    json root = {{"$schema", "https://json-schema.org/draft/2020-12/schema"}, {"$id", id}, {"title", title}};
    json body = struct_schema(top, defs);
    for (auto& [k, v] : body.items()) root[k] = v;
    if (!defs.empty()) root["$defs"] = defs;
    return root.dump(2) + "\n";
}

}  // namespace

std::string plan_json_schema() {
    return document(*plan_structs().front(), "https://pgi.invalid/schema/plan-1.json", "pgi plan file, version 1");
}

std::string update_file_json_schema() {
    return document(*update_file_structs().front(), "https://pgi.invalid/schema/update-file-1.json",
                    "pgi update file, version 1");
}

}  // namespace pgi::schema
