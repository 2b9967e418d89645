// Loading plan and update files: bytes -> checks (BOM, UTF-8, control characters) -> Node
// tree (yaml_tree.cpp / toml_tree.cpp) -> the schema tables (schema_tables.cpp), which map
// the tree to a Plan with every finding located in the file. One mapping serves YAML and
// TOML, so each rule of docs/plan-format.md is written once.
#include "pgi/load.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <initializer_list>

#include "doc_tree.hpp"
#include "pgi/escape.hpp"
#include "pgi/i18n.hpp"
#include "pgi/io.hpp"
#include "pgi/period.hpp"
#include "pgi/text.hpp"
#include "schema_tables.hpp"
#include "word_scan.hpp"

namespace pgi {

using detail::Node;
using detail::ParseContext;

std::optional<InputFormat> format_from_extension(const std::filesystem::path& path) {
    auto ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".yaml" || ext == ".yml") return InputFormat::yaml;
    if (ext == ".toml") return InputFormat::toml;
    return std::nullopt;
}

namespace {

constexpr const char* unknown_format_hint = N_("name the file .yaml, .yml or .toml, or pass --input-format yaml|toml");

// Reads a file whose format is known or told by its extension (checked first: no need to read
// what cannot be parsed).
Result<std::string> read_input(const std::filesystem::path& path, InputFormat format) {
    if (format == InputFormat::automatic && !format_from_extension(path))
        return fail(ErrorCode::unknown_format, tr("cannot tell the file format from the extension"),
                    tr(unknown_format_hint), SourceLocation{path.string(), 0, 0});
    return read_file(path);
}

// The one check of every decoded scalar and key (issue 14, item 2). The raw-byte check above
// cannot see what escapes write (`"\u001b"` in TOML or YAML, `"\e"` and `"\x9b"` in YAML), so
// after decoding: a control character (C0 but tab/LF/CR, DEL, C1) is an error
// `control-character`, a bidirectional control (U+202A-202E, U+2066-2069) an error
// `bidi-control`, at the scalar's position; an invisible character (zero-width space/joiners,
// word joiner, a BOM inside the text) a warning `invisible-character` (ids are ASCII, so one in
// an id is an `invalid-id` error as well). One finding per scalar: the first such character.
// Vietnamese typed in a legacy font encoding (TCVN3, VNI) and re-saved as UTF-8 reads as
// "ChÝnh quyÒn" or "Vieät Nam": a warning `legacy-encoding-text` naming the likely encoding
// and how to convert it (issue 14, item 2; the heuristic is guess_legacy_vietnamese()).
void check_legacy_encoding(std::string_view s, detail::Pos pos, ParseContext& ctx) {
    LegacyEncoding e = guess_legacy_vietnamese(s);
    if (e == LegacyEncoding::none) return;
    std::size_t end = 0;  // the first 40 code points
    for (int n = 0; end < s.size() && n < 40; ++n) end += std::max<std::size_t>(1, decode_utf8(s, end).size);
    std::string shown(s.substr(0, end));
    if (end < s.size()) shown += "…";
    std::string file = std::filesystem::path(ctx.file).filename().string();
    if (e == LegacyEncoding::tcvn3)
        ctx.diagnostics.warning(
            ctx.at(pos), "legacy-encoding-text",
            trf("the text looks like TCVN3 (ABC, .VnTime fonts) saved as UTF-8: `{}`", shown),
            trf("convert it to Unicode: when the whole file is like this, `iconv -f UTF-8 -t WINDOWS-1252 {} | "
                "iconv -f TCVN5712-1 -t UTF-8`; else convert the text with UniKey's converter (TCVN3 → "
                "Unicode) and paste it back",
                file));
    else
        ctx.diagnostics.warning(ctx.at(pos), "legacy-encoding-text",
                                trf("the text looks like VNI (VNI-Windows fonts) saved as UTF-8: `{}`", shown),
                                tr("convert it to Unicode with UniKey's converter (VNI Windows → Unicode) and paste it "
                                   "back; iconv has no VNI table"));
}

// Reports control, bidi and invisible characters and legacy-encoded text; returns true when
// every character is `nfc_inert` (the text is in NFC, so the reader need not check it again).
bool check_scalar(std::string_view s, detail::Pos pos, ParseContext& ctx) {
    bool inert = true;
    for (std::size_t i = 0; i < s.size(); ++i) {
        while (i + 8 <= s.size() && detail::printable_ascii8(s.data() + i)) i += 8;
        if (i >= s.size()) break;
        if (static_cast<unsigned char>(s[i]) >= 0x20 && static_cast<unsigned char>(s[i]) < 0x7F) continue;
        // the tree is valid UTF-8 (checked above): decode one code point
        unsigned char b = static_cast<unsigned char>(s[i]);
        std::size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? b : n == 2 ? b & 0x1F : n == 3 ? b & 0x0F : b & 0x07;
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += n - 1;
        inert = inert && nfc_inert(cp);
        // U+00A0..U+1FFF (Vietnamese letters among them) are all ordinary (escape.hpp)
        switch (cp >= 0xA0 && cp < 0x2000 ? CharClass::ordinary : char_class(cp)) {
            case CharClass::control:
                ctx.diagnostics.error(
                    ctx.at(pos), "control-character",
                    trf("control character U+{:04X} in the value", static_cast<unsigned>(cp)),
                    tr("remove it: an escape such as \\u001b, \\x1b or \\e writes a control character, "
                       "which would reach terminals and reports"));
                return false;
            case CharClass::bidi:
                ctx.diagnostics.error(
                    ctx.at(pos), "bidi-control",
                    trf("bidirectional control U+{:04X} in the value", static_cast<unsigned>(cp)),
                    tr("remove it: it reorders how the rest of the line is shown, so what is displayed is "
                       "not what is stored"));
                return false;
            case CharClass::invisible:
                ctx.diagnostics.warning(
                    ctx.at(pos), "invisible-character",
                    trf("invisible character U+{:04X} in the value", static_cast<unsigned>(cp)),
                    tr("remove it (it often comes with text pasted from Word or a web page): a search "
                       "or comparison misses text that holds it"));
                return false;
            case CharClass::ordinary:
            case CharClass::tab:
            case CharClass::line_break:
                break;
        }
    }
    check_legacy_encoding(s, pos, ctx);
    return inert;
}

void check_scalars(Node& n, ParseContext& ctx) {
    if (n.kind == Node::Kind::scalar) n.nfc = check_scalar(n.scalar, n.pos, ctx);
    for (Node& item : n.items) check_scalars(item, ctx);
    for (auto& e : n.entries) {
        check_scalar(e.key, e.key_pos, ctx);
        check_scalars(e.value, ctx);
    }
}

// Shared by the plan and update loaders: format by extension, BOM, UTF-8 check, parse.
// Returns false (with diagnostics) when there is no tree to map.
bool parse_tree(std::string_view text, const std::string& file_name, InputFormat format, ParseContext& ctx, Node& root,
                const detail::ListStream* stream = nullptr) {
    if (format == InputFormat::automatic) {
        auto f = format_from_extension(file_name);
        if (!f) {
            ctx.diagnostics.error(SourceLocation{file_name, 0, 0}, "unknown-format",
                                  tr("cannot tell the file format from the extension"), tr(unknown_format_hint));
            return false;
        }
        format = *f;
    }
    ctx.toml = format == InputFormat::toml;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    // UTF-16, as Notepad's "Unicode" saves: a byte-order mark FF FE / FE FF, or ASCII with every
    // other byte NUL. Not a legacy 8-bit encoding, and iconv converts it losslessly.
    {
        bool le = text.substr(0, 2) == "\xFF\xFE", be = text.substr(0, 2) == "\xFE\xFF";
        const bool bom = le || be;
        if (!le && !be && text.size() >= 4 && text.find('\0') != std::string_view::npos) {
            le = text[0] != '\0' && text[1] == '\0' && text[3] == '\0';
            be = text[0] == '\0' && text[2] == '\0' && text[1] != '\0';
        }
        if (le || be) {
            std::string name = std::filesystem::path(file_name).filename().string();
            ctx.diagnostics.error(SourceLocation{file_name, 1, 1}, "invalid-utf8",
                                  le ? tr("the file is in UTF-16 (little-endian), not UTF-8")
                                     : tr("the file is in UTF-16 (big-endian), not UTF-8"),
                                  trf("convert it: iconv -f {} -t UTF-8 {} > converted{} (or, in Notepad, "
                                      "Save As with the encoding UTF-8)",
                                      bom  ? "UTF-16"
                                      : le ? "UTF-16LE"
                                           : "UTF-16BE",
                                      name, std::filesystem::path(file_name).extension().string()));
            return false;
        }
    }
    if (auto bad = first_invalid_utf8(text)) {
        auto lc = line_column_at(text, *bad);
        ctx.diagnostics.error(
            SourceLocation{file_name, lc.line, lc.column}, "invalid-utf8",
            trf("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[*bad])),
            tr("save the file as UTF-8 (it may be in a legacy encoding such as TCVN3 or Windows-1258)"));
        return false;
    }
    // Control characters (NUL, ESC …) have no place in a plan, and would reach terminals and
    // reports raw; a CR not followed by LF means old Mac line ends, which parsers misread.
    for (std::size_t i = 0; i < text.size(); ++i) {
        while (i + 8 <= text.size() && detail::no_ascii_control8(text.data() + i)) i += 8;
        if (i >= text.size()) break;
        unsigned char c = static_cast<unsigned char>(text[i]);
        bool bare_cr = c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n');
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || bare_cr) {
            auto lc = line_column_at(text, i);
            ctx.diagnostics.error(SourceLocation{file_name, lc.line, lc.column}, "control-character",
                                  bare_cr ? std::string(tr("a carriage return (CR) not followed by a line feed"))
                                          : trf("control character U+{:04X} in the text", c),
                                  bare_cr ? tr("save the file with LF or CRLF line ends")
                                          : tr("remove it; it is invisible in most editors (try `cat -A`)"));
            return false;
        }
    }
    bool parsed = format == InputFormat::yaml ? detail::parse_yaml_tree(text, ctx, root, stream)
                                              : detail::parse_toml_tree(text, ctx, root);
    if (parsed) check_scalars(root, ctx);
    return parsed;
}

}  // namespace

namespace {

// Parses, then releases the file's bytes (when it owns them) before mapping: the tree already
// holds every value, and a 40 MB plan need not be in memory three times over.
// A YAML plan's tasks are read as the parser completes each one (ListStream), so the tree never
// holds them all: their findings are kept aside and count only when the whole file parses, as
// if they had been read after it (docs/performance.md).
LoadResult load_plan_impl(std::string_view text, std::string* owned, const std::string& file_name, InputFormat format) {
    LoadResult result;
    ParseContext ctx{file_name, result.diagnostics};
    Diagnostics task_findings;
    ParseContext task_ctx{file_name, task_findings};
    detail::Reader task_reader(task_ctx, true);
    std::vector<Task> tasks;
    const detail::ListStream stream{"tasks", [&](Node& item) {
                                        check_scalars(item, task_ctx);
                                        tasks.push_back(detail::read_task(task_reader, item));
                                    }};
    Node root;
    if (parse_tree(text, file_name, format, ctx, root, &stream)) {
        if (owned) std::string().swap(*owned);
        result.diagnostics.append(task_findings);
        detail::Reader reader(ctx, true);  // the tree is freed after reading
        reader.use_streamed_tasks(&tasks);
        result.plan = detail::read_plan(reader, root);
    }
    result.diagnostics.sort();
    return result;
}

}  // namespace

LoadResult load_plan_text(std::string_view text, const std::string& file_name, InputFormat format) {
    return load_plan_impl(text, nullptr, file_name, format);
}

Result<LoadResult> load_plan_file(const std::filesystem::path& path, InputFormat format) {
    auto text = read_input(path, format);
    if (!text) return tl::unexpected(std::move(text.error()));
    return load_plan_impl(*text, &*text, path.string(), format);
}

UpdateLoadResult load_update_text(std::string_view text, const std::string& file_name, InputFormat format) {
    UpdateLoadResult result;
    ParseContext ctx{file_name, result.diagnostics};
    Node root;
    if (parse_tree(text, file_name, format, ctx, root)) {
        detail::Reader reader(ctx, true);  // the tree is freed after reading
        result.updates = detail::read_update_file(reader, root);
    }
    result.diagnostics.sort();
    return result;
}

Result<UpdateLoadResult> load_update_file(const std::filesystem::path& path, InputFormat format) {
    auto text = read_input(path, format);
    if (!text) return tl::unexpected(std::move(text.error()));
    return load_update_text(*text, path.string(), format);
}

std::optional<std::filesystem::path> plan_in_directory(const std::filesystem::path& dir) {
    for (const char* name : {"plan.yaml", "plan.yml", "plan.toml", "pgi.yaml", "pgi.yml", "pgi.toml"}) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(dir / name, ec)) return dir / name;
    }
    return std::nullopt;
}

std::optional<std::filesystem::path> discover_plan(const std::filesystem::path& dir, std::string_view env_plan) {
    if (!env_plan.empty()) return std::filesystem::path(env_plan);
    // The same names, in the same order, as a plan directory given on the command line: the
    // current directory is the plan directory (docs/cli.md, "Which plan").
    return plan_in_directory(dir);
}

}  // namespace pgi
