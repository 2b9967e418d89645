// YAML -> Node tree through yaml-cpp's event API. The event API builds no yaml-cpp document
// (which costs ~40x the file size in memory) and, unlike YAML::Load, lets us see every key of
// a mapping, so repeated keys are reported instead of silently collapsed.
#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstring>
#include <istream>
#include <iterator>
#include <optional>
#include <streambuf>
#include <unordered_map>

#include "doc_tree.hpp"
#include "pgi/i18n.hpp"
#include "pgi/text.hpp"

namespace pgi::detail {

namespace {

constexpr std::size_t max_depth = 64;

struct TooDeep {
    YAML::Mark mark;
};

// A read-only streambuf over memory we already hold, to avoid copying a 40 MB file into an
// istringstream.
class MemoryBuffer : public std::streambuf {
public:
    MemoryBuffer(const char* b, std::size_t n) {
        char* p = const_cast<char*>(b);
        setg(p, p, p + n);
    }
};

// yaml-cpp reports 0-based line and column; its column counts bytes of the line. We report
// 1-based line and a code-point column, as editors show.
class LineTable {
public:
    explicit LineTable(std::string_view text) : text_(text) {
        starts_.push_back(0);
        const char* const begin = text.data();
        const char* const end = begin + text.size();
        for (const char* p = begin; p < end;) {
            const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            if (!nl) break;
            p = static_cast<const char*>(nl) + 1;
            starts_.push_back(static_cast<std::size_t>(p - begin));
        }
    }
    // Events arrive in file order, so counting resumes from the previous position on the same
    // line: one long line (minified flow YAML) costs linear, not quadratic, time.
    Pos pos(const YAML::Mark& m) const {
        if (m.line < 0) return Pos{0, 0};
        auto line = static_cast<std::size_t>(m.line);
        if (line >= starts_.size()) return Pos{m.line + 1, m.column + 1};
        std::size_t start = starts_[line];
        std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
        std::size_t col = static_cast<std::size_t>(m.column < 0 ? 0 : m.column);
        if (start + col > end) col = end - start;
        if (line != memo_line_ || col < memo_bytes_) {
            memo_line_ = line;
            memo_bytes_ = 0;
            memo_points_ = 0;
        }
        memo_points_ += code_point_count(text_.substr(start + memo_bytes_, col - memo_bytes_));
        memo_bytes_ = col;
        return Pos{m.line + 1, static_cast<int>(memo_points_) + 1};
    }
    std::string_view text() const { return text_; }
    /// The byte offset of a mark (yaml-cpp's columns count bytes), or npos.
    std::size_t offset(const YAML::Mark& m) const {
        if (m.line < 0 || static_cast<std::size_t>(m.line) >= starts_.size() || m.column < 0)
            return std::string_view::npos;
        std::size_t o = starts_[static_cast<std::size_t>(m.line)] + static_cast<std::size_t>(m.column);
        return o <= text_.size() ? o : std::string_view::npos;
    }

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
    mutable std::size_t memo_line_ = static_cast<std::size_t>(-1);
    mutable std::size_t memo_bytes_ = 0;
    mutable std::size_t memo_points_ = 0;
};

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(Node& root, ParseContext& ctx, const LineTable& lines, const ListStream* stream = nullptr)
        : root_(root), ctx_(ctx), lines_(lines), stream_(stream) {}

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
        Node n;
        n.kind = Node::Kind::null;
        n.pos = lines_.pos(mark);
        add(std::move(n));
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        ctx_.diagnostics.error(ctx_.at(lines_.pos(mark)), "yaml-alias",
                               tr("YAML aliases (*name) are not supported in plan files"),
                               tr("write the value out in full"));
        Node n;
        n.type = Node::Type::invalid;
        n.pos = lines_.pos(mark);
        add(std::move(n));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t, const std::string& value) override {
        Node n;
        n.kind = Node::Kind::scalar;
        // yaml-cpp tags quoted and block scalars "!" and plain ones "?".
        n.type = tag == "?" ? Node::Type::plain : Node::Type::string;
        n.pos = lines_.pos(mark);
        n.scalar = value;
        if (n.type == Node::Type::plain) check_comment(mark, value);
        add(std::move(n));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {
        open(mark, Node::Kind::sequence);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
        open(mark, Node::Kind::mapping);
    }
    void OnMapEnd() override { close(); }

private:
    // A mapping or list being built. Its entries or items gather in a scratch vector kept per
    // nesting depth (its capacity reused by every mapping at that depth), and move into the
    // node, sized exactly, when it closes: one allocation per mapping instead of one per
    // doubling, and no spare capacity in the finished tree.
    struct Frame {
        Node::Kind kind = Node::Kind::mapping;
        Pos pos;
        bool expecting_key = true;
        std::string key;
        Pos key_pos;
        bool key_ok = true;
        /// A list whose mapping items go to the ListStream as they close.
        bool streams = false;
        /// The keys of a large mapping, for the duplicate check (built on reaching
        /// hash_from entries; a smaller mapping, such as a task's, is searched instead).
        std::unordered_map<std::string, Pos> seen;
        std::vector<Entry> entries;
        std::vector<Node> items;
    };
    static constexpr std::size_t hash_from = 16;

    // Where `key` first appears in the mapping being built, or nullptr (and it is recorded).
    static const Pos* earlier_key(Frame& f) {
        auto& entries = f.entries;
        if (f.seen.empty() && entries.size() < hash_from) {
            for (const Entry& e : entries)
                if (e.key == f.key) return &e.key_pos;
            return nullptr;
        }
        if (f.seen.empty())
            for (const Entry& e : entries) f.seen.emplace(e.key, e.key_pos);
        auto [it, inserted] = f.seen.emplace(f.key, f.key_pos);
        return inserted ? nullptr : &it->second;
    }

    // `text: Mục tiêu #1 năm 2024`: YAML ends a plain value at ` #`, so the value is
    // "Mục tiêu" and the rest a comment. A comment written on purpose has a space after the
    // `#`; a `#` glued to what follows (`#1`, `#45`) after a one-line plain value is most
    // likely part of the text: warn `comment-in-value` at the `#` (issue 14, item 3).
    void check_comment(const YAML::Mark& mark, const std::string& value) {
        std::string_view text = lines_.text();
        std::size_t off = lines_.offset(mark);
        if (value.empty() || off == std::string_view::npos || off + value.size() >= text.size()) return;
        std::size_t j = off + value.size(), k = j;
        if (text[j] != ' ' && text[j] != '\t') return;  // the common case, before comparing the value
        while (k < text.size() && (text[k] == ' ' || text[k] == '\t')) ++k;
        if (k + 1 >= text.size() || text[k] != '#') return;
        if (text.substr(off, value.size()) != value) return;  // a value over several lines
        char next = text[k + 1];
        if (next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == '#') return;
        std::size_t eol = text.find('\n', k);
        std::string_view rest = text.substr(k, eol == std::string_view::npos ? std::string_view::npos : eol - k);
        if (!rest.empty() && rest.back() == '\r') rest.remove_suffix(1);
        YAML::Mark at = mark;
        at.column += static_cast<int>(k - off);
        ctx_.diagnostics.warning(ctx_.at(lines_.pos(at)), "comment-in-value",
                                 trf("` {}` is read as a YAML comment: the value ends before it, as `{}`", rest, value),
                                 trf("if it belongs to the value, quote the whole value: \"{} {}\"", value, rest));
    }

    void open(const YAML::Mark& mark, Node::Kind kind) {
        if (depth_ >= max_depth) throw TooDeep{mark};
        if (depth_ == stack_.size()) stack_.emplace_back();
        Frame& f = stack_[depth_++];  // reused: its scratch vectors keep their capacity
        f.kind = kind;
        f.pos = lines_.pos(mark);
        f.expecting_key = true;
        f.key_ok = true;
        if (!f.seen.empty()) f.seen.clear();
        // a list that is the value of the streamed key of the root mapping, written once so far
        const Frame& root = stack_[0];
        f.streams =
            stream_ && kind == Node::Kind::sequence && depth_ == 2 && root.kind == Node::Kind::mapping && root.key_ok &&
            root.key == stream_->key &&
            std::none_of(root.entries.begin(), root.entries.end(), [&](const Entry& e) { return e.key == root.key; });
    }

    void close() {
        Frame& f = stack_[--depth_];
        Node n;
        n.kind = f.kind;
        n.pos = f.pos;
        n.entries.assign(std::make_move_iterator(f.entries.begin()), std::make_move_iterator(f.entries.end()));
        n.items.assign(std::make_move_iterator(f.items.begin()), std::make_move_iterator(f.items.end()));
        f.entries.clear();
        f.items.clear();
        if (depth_ == 2 && n.kind == Node::Kind::mapping && stack_[1].streams) {
            stream_->take(n);  // reads the item; it is freed on leaving this scope
            Node placeholder;
            placeholder.kind = Node::Kind::mapping;
            placeholder.taken = true;
            placeholder.pos = n.pos;
            add(std::move(placeholder));
            return;
        }
        add(std::move(n));
    }

    void add(Node&& n) {
        if (depth_ == 0) {
            if (!have_root_) root_ = std::move(n);
            have_root_ = true;
            return;
        }
        Frame& f = stack_[depth_ - 1];
        if (f.kind == Node::Kind::sequence) {
            f.items.push_back(std::move(n));
            return;
        }
        if (f.expecting_key) {
            f.expecting_key = false;
            f.key_pos = n.pos;
            f.key_ok = n.kind == Node::Kind::scalar;
            if (!f.key_ok) {
                ctx_.diagnostics.error(ctx_.at(n.pos), "syntax", tr("a mapping key must be plain text"),
                                       tr("write keys as `name: value`"));
            }
            f.key = std::move(n.scalar);
            return;
        }
        f.expecting_key = true;
        if (!f.key_ok) return;
        // `lead:` with nothing after it: yaml-cpp places the empty value at the next token (the
        // next key's line, or past the end of the file); a finding about it belongs at its key
        if (n.kind == Node::Kind::null) n.pos = f.key_pos;
        if (const Pos* first = earlier_key(f)) {
            Diagnostic d{Severity::error,
                         ctx_.at(f.key_pos),
                         "duplicate-key",
                         trf("key `{}` appears more than once in this mapping", f.key),
                         tr("YAML keeps only one of the values: remove or rename one"),
                         {ctx_.at(*first)}};
            ctx_.diagnostics.add(std::move(d));
            return;
        }
        f.entries.push_back(Entry{std::move(f.key), f.key_pos, std::move(n)});
    }

    Node& root_;
    ParseContext& ctx_;
    const LineTable& lines_;
    const ListStream* stream_;
    std::vector<Frame> stack_;  ///< frames [0, depth_) are open; the rest wait for reuse
    std::size_t depth_ = 0;
    bool have_root_ = false;
};

// What a careless edit most often did when yaml-cpp stops, with a message and hint in its
// terms instead of the parser's ("illegal map value", "end of map not found"). Looks at the
// lines up to the error: the text, not the parser's message, tells the cause.
struct Explained {
    Pos pos;
    std::string message, hint;
};

std::optional<Explained> explain_yaml_error(std::string_view text, const LineTable& lines, const YAML::Mark& mark,
                                            const std::string& msg) {
    // 1. a tab in the indentation of a line up to the error: YAML indents with spaces only
    int line_no = 1;
    for (std::size_t start = 0; start < text.size() && line_no <= mark.line + 1; ++line_no) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::size_t i = start;
        while (i < end && text[i] == ' ') ++i;
        if (i < end && text[i] == '\t')
            return Explained{Pos{line_no, static_cast<int>(i - start) + 1}, tr("a tab in the indentation"),
                             tr("YAML indents with spaces only: replace the tab with spaces")};
        start = end + 1;
    }
    // 2. the error's line as `key: value`: a value that starts with a character YAML reserves,
    // or that holds a second `: `
    if (mark.line < 0) return std::nullopt;
    std::size_t start = 0;
    for (int l = 0; l < mark.line && start != std::string_view::npos; ++l) {
        start = text.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos || start > text.size()) return std::nullopt;
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::size_t colon = line.find(": ");
    std::size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos && line.substr(first, 2) == "- ") first += 2;
    if (colon == std::string_view::npos || line.substr(first, 1) == "\"" || line.substr(first, 1) == "'")
        return std::nullopt;
    std::string_view key = line.substr(first, colon - first);
    std::size_t v = line.find_first_not_of(' ', colon + 1);
    if (v == std::string_view::npos) return std::nullopt;
    std::string_view value = line.substr(v);
    if (auto hash = value.find(" #"); hash != std::string_view::npos) value = value.substr(0, hash);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    YAML::Mark at = mark;
    at.column = static_cast<int>(v);
    Pos pos = lines.pos(at);
    std::string quote = trf("quote the value: {}: \"{}\"", key, value);
    const char c = value[0];
    if (c == '@' || c == '`')
        return Explained{pos, trf("a value cannot start with `{}` unless it is quoted", c), quote};
    if (c == '*')
        return Explained{pos, tr("a value starting with `*` is read as a YAML alias (a reference to an anchor)"),
                         quote};
    if (c == '&' || c == '!')
        return Explained{pos,
                         c == '&' ? tr("a value starting with `&` is read as a YAML anchor")
                                  : tr("a value starting with `!` is read as a YAML tag"),
                         quote};
    if (value.substr(0, 2) == "- " || value == "-")
        return Explained{pos, tr("a value starting with `- ` is read as a list item"), quote};
    if ((c == '[' || c == '{') && value.back() != (c == '[' ? ']' : '}'))
        return Explained{pos,
                         c == '[' ? tr("a value starting with `[` is read as a list, and text follows its end")
                                  : tr("a value starting with `{` is read as a mapping, and text follows its end"),
                         quote};
    if (value.find(": ") != std::string_view::npos && msg.find("map") != std::string::npos)
        return Explained{pos, trf("`: ` inside the value of `{}` starts another key", key), quote};
    return std::nullopt;
}

// A line indented with a no-break space (U+00A0, or another Unicode space), as text pasted
// from Word or a web page has: YAML reads it as part of the key, not as indentation, and the
// key then silently belongs nowhere. Returns the position of the first such space.
std::optional<Pos> find_unicode_indent(std::string_view text) {
    int line_no = 1;
    for (std::size_t start = 0; start < text.size(); ++line_no) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::size_t i = start;
        int column = 1;
        while (i < end) {
            if (text[i] == ' ' || text[i] == '\t') {
                ++i;
                ++column;
                continue;
            }
            Utf8Char ch = decode_utf8(text, i);
            bool space = ch.code_point == 0xA0 || (ch.code_point >= 0x2000 && ch.code_point <= 0x200A) ||
                         ch.code_point == 0x202F || ch.code_point == 0x3000;
            if (space) return Pos{line_no, column};
            break;
        }
        start = end + 1;
    }
    return std::nullopt;
}

}  // namespace

bool parse_yaml_tree(std::string_view text, ParseContext& ctx, Node& root, const ListStream* stream) {
    LineTable lines(text);
    if (auto at = find_unicode_indent(text)) {
        ctx.diagnostics.error(ctx.at(*at), "syntax",
                              tr("a no-break space (or another Unicode space) in the indentation"),
                              tr("YAML indents with ordinary spaces only: retype the indentation (text pasted from "
                                 "Word or a web page often holds no-break spaces)"));
        return false;
    }
    MemoryBuffer buf(text.data(), text.size());
    std::istream in(&buf);
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(root, ctx, lines, stream);
        if (!parser.HandleNextDocument(builder)) {
            root = Node{};
            return true;  // empty file: the schema mapper reports what is missing
        }
        Node ignored;
        TreeBuilder second(ignored, ctx, lines);
        if (parser.HandleNextDocument(second)) {
            ctx.diagnostics.error(ctx.at(ignored.pos.line ? ignored.pos : Pos{1, 1}), "syntax",
                                  tr("the file holds more than one YAML document"),
                                  tr("a plan file is a single document: remove the `---` separator"));
            return false;
        }
        return true;
    } catch (const TooDeep& e) {
        ctx.diagnostics.error(ctx.at(lines.pos(e.mark)), "too-deep", trf("nesting deeper than {} levels", max_depth),
                              tr("plan files need only a few levels of nesting"));
        return false;
    } catch (const YAML::Exception& e) {
        if (auto x = explain_yaml_error(text, lines, e.mark, e.msg)) {
            ctx.diagnostics.error(ctx.at(x->pos), "syntax", std::move(x->message), std::move(x->hint));
            return false;
        }
        ctx.diagnostics.error(ctx.at(lines.pos(e.mark)), "syntax", e.msg.empty() ? tr("invalid YAML") : e.msg,
                              tr("the parser noticed here; the cause may be earlier: an unclosed quote, bracket or "
                                 "brace, or indentation with tabs"));
        return false;
    } catch (const std::exception& e) {
        ctx.diagnostics.error(ctx.at(Pos{1, 1}), "syntax", trf("cannot parse YAML: {}", e.what()));
        return false;
    }
}

}  // namespace pgi::detail
