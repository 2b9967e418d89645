// Internal: a format-neutral tree of the parsed file with 1-based source positions. Both the
// YAML and the TOML reader produce it, and one schema mapper turns it into a Plan, so every
// schema rule is written once.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pgi/diagnostic.hpp"

namespace pgi::detail {

struct Pos {
    int line = 0;
    int column = 0;
};

struct Entry;

struct Node {
    enum class Kind : std::uint8_t { null, scalar, sequence, mapping };
    /// What the source said about a scalar's type: YAML plain scalars are `plain`; quoted
    /// YAML scalars and TOML strings are `string`; TOML's typed values keep their type.
    /// `invalid` marks a node already reported (a YAML alias): the mapper skips it silently.
    enum class Type : std::uint8_t { plain, string, integer, floating, boolean, date, datetime, invalid };
    Kind kind = Kind::null;
    Type type = Type::plain;
    /// Writer trees only (schema_tables.hpp): write this mapping or list on one line, YAML
    /// flow style / a TOML inline table. A scalar whose `pos.line` is set gets a `# line N`
    /// comment (the source line of an imported task).
    bool flow = false;
    /// Set by the loader's scalar check when every character of `scalar` is `nfc_inert`
    /// (text.hpp): the text is in NFC and the reader skips its own NFC check. False, the
    /// default, means "not known", never "not NFC".
    bool nfc = false;
    /// A list item already read while the file was being parsed (ListStream): a placeholder,
    /// with no content, for the item's place in its list.
    bool taken = false;
    Pos pos;
    std::string scalar;
    /// TOML numbers, booleans and dates: the value as written in the file (`1.10`, `0o7`,
    /// `1e1`), since `scalar` is the parsed value (`1.1`, `7`, `10`). Converters check the
    /// written form, so that a score or an id is never changed on the way in. Empty otherwise.
    std::string raw;
    std::vector<Node> items;
    std::vector<Entry> entries;
};

struct Entry {
    std::string key;
    Pos key_pos;
    Node value;
};

/// Parse results feed diagnostics through this sink; `file` names the input.
struct ParseContext {
    std::string file;
    Diagnostics& diagnostics;
    /// The file is TOML: findings show TOML spellings in their hints (`id = "1.10"`).
    bool toml = false;
    SourceLocation at(Pos p) const { return SourceLocation{file, p.line, p.column}; }
};

/// One list of the root mapping read while the parser is still running: each item of the list
/// under the root key `key` that is a mapping goes to `take` as soon as it is complete, and is
/// freed after it; the list keeps a placeholder (`Node::taken`, a mapping with no entries, at
/// the item's position) in its place. So the tasks of a 100,000-task plan are never all in
/// memory as a tree (docs/performance.md). Not used for a `key` that appears twice in the
/// root mapping (the second is reported and dropped, as without a stream).
struct ListStream {
    std::string_view key;
    std::function<void(Node&)> take;
};

/// Parse YAML/TOML text into a tree. Return false (after adding diagnostics) when the text
/// cannot be parsed at all. `stream`, when given, takes the items of one list as they are
/// parsed (YAML only; the TOML reader builds the whole tree, as toml++ does).
bool parse_yaml_tree(std::string_view text, ParseContext& ctx, Node& root, const ListStream* stream = nullptr);
bool parse_toml_tree(std::string_view text, ParseContext& ctx, Node& root);

/// The most parts a TOML dotted key or table header may have (`a.b.c` has 3).
inline constexpr int kMaxDottedKeyParts = 64;

/// Where the first dotted key or table header with more than `max_parts` parts begins
/// (1-based line and column of its first dot), or nullopt. Strings and comments are skipped.
/// Run before toml++, which recurses once per part and overflows the stack on ~40,000.
std::optional<Pos> find_deep_dotted_key(std::string_view text, int max_parts);

}  // namespace pgi::detail
