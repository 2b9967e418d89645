// Internal: the schema tables themselves. One Table<S> per model struct lists its keys in
// file order; each Field holds the key's documentation (schema::FieldInfo), how to read it
// from a Node into S (through a Reader: schema_reader.hpp) and how to write it back as a
// Node (the writer's tree, emitted as YAML or TOML by write_plan.cpp). Adding a key to the
// file format = one Field in the struct's table (CONTRIBUTING.md, "Adding a field").
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "doc_tree.hpp"
#include "pgi/i18n.hpp"
#include "pgi/model.hpp"
#include "pgi/schema.hpp"
#include "schema_reader.hpp"

namespace pgi::detail {

/// What a writer needs beyond the value: the plan (observation scores are written in its
/// component order) and whether task ids carry their source line.
struct WriteContext {
    const Plan* plan = nullptr;
    bool task_line_comments = false;
};

template <class S>
struct Field {
    schema::FieldInfo info;
    /// Reads the key's value into the struct; false when the value was not taken (reported).
    std::function<bool(Reader&, const Node&, S&)> read;
    /// Appends the key and its value to `map`, or nothing when the value is at its default.
    std::function<void(const S&, Node& map, const WriteContext&)> write;
};

template <class S>
struct Table {
    std::string what;  ///< the mapping in messages: "a task"
    std::vector<Field<S>> fields;
    std::vector<std::string_view> keys;      ///< derived from fields, in order
    std::vector<std::string_view> required;  ///< likewise
    schema::StructInfo info;                 ///< docs view

    Table(std::string what_, std::string docs_name, std::string summary, std::vector<Field<S>> f)
        : what(std::move(what_)), fields(std::move(f)) {
        info.name = std::move(docs_name);
        info.summary = std::move(summary);
        for (const auto& x : fields) {
            keys.push_back(x.info.key);
            if (x.info.required) required.push_back(x.info.key);
            info.fields.push_back(x.info);
        }
    }
    const Field<S>* find(std::string_view key) const {
        for (const auto& f : fields)
            if (f.info.key == key) return &f;
        return nullptr;
    }
};

/// Reads the keys of `map` into `out` by `table` (unknown and missing keys reported with
/// `table.what`); `on_result`, when given, sees each key read and whether its value was taken.
template <class S>
void read_fields(Reader& r, const Table<S>& table, const Node& map, S& out,
                 const std::function<void(const Field<std::type_identity_t<S>>&, bool)>& on_result = {}) {
    r.fields(map, tr(table.what.c_str()), table.keys, table.required, [&](const Entry& e) {
        const Field<S>* f = table.find(e.key);
        bool ok = f->read(r, e.value, out);
        if (on_result) on_result(*f, ok);
    });
}

/// The mapping `table` writes for `value`: each field in order, defaults left out.
template <class S>
Node write_fields(const Table<S>& table, const S& value, const WriteContext& ctx, bool flow = false) {
    Node map;
    map.kind = Node::Kind::mapping;
    map.flow = flow;
    for (const auto& f : table.fields) f.write(value, map, ctx);
    return map;
}

// ---- the readers and writers of whole files ----

Plan read_plan(Reader& r, const Node& root);
/// One item of the plan's `tasks:` list (a task mapping; anything else is reported), as
/// read_plan reads it; the loader calls it for the tasks it streams (ListStream).
Task read_task(Reader& r, const Node& item);
UpdateFile read_update_file(Reader& r, const Node& root);

/// The plan as a tree in the file format: the reader's inverse (read_plan(plan_to_tree(p))
/// equals p). Scalars carry a Node::Type that tells the emitters how to write them:
/// `string` always quoted, `plain` written bare in YAML and quoted in TOML, `integer`,
/// `floating` (scores) and `date` bare in both.
Node plan_to_tree(const Plan& plan, const WriteContext& ctx);

/// An id as a tree scalar: plain when YAML cannot read it as anything but a string.
Node id_node(const std::string& s);

}  // namespace pgi::detail
