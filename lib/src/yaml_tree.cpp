// YAML -> Node tree through yaml-cpp's event API. The event API builds no yaml-cpp document
// (which costs ~40x the file size in memory) and, unlike YAML::Load, lets us see every key of
// a mapping, so repeated keys are reported instead of silently collapsed.
#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>
#include <unordered_map>

#include "doc_tree.hpp"
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
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts_.push_back(i + 1);
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

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
    mutable std::size_t memo_line_ = static_cast<std::size_t>(-1);
    mutable std::size_t memo_bytes_ = 0;
    mutable std::size_t memo_points_ = 0;
};

class TreeBuilder : public YAML::EventHandler {
public:
    TreeBuilder(Node& root, ParseContext& ctx, const LineTable& lines) : root_(root), ctx_(ctx), lines_(lines) {}

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
                               "YAML aliases (*name) are not supported in plan files", "write the value out in full");
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
    struct Frame {
        Node node;
        bool expecting_key = true;
        std::string key;
        Pos key_pos;
        bool key_ok = true;
        std::unordered_map<std::string, Pos> seen;
    };

    void open(const YAML::Mark& mark, Node::Kind kind) {
        if (stack_.size() >= max_depth) throw TooDeep{mark};
        Frame f;
        f.node.kind = kind;
        f.node.pos = lines_.pos(mark);
        stack_.push_back(std::move(f));
    }

    void close() {
        Node n = std::move(stack_.back().node);
        stack_.pop_back();
        add(std::move(n));
    }

    void add(Node n) {
        if (stack_.empty()) {
            if (!have_root_) root_ = std::move(n);
            have_root_ = true;
            return;
        }
        Frame& f = stack_.back();
        if (f.node.kind == Node::Kind::sequence) {
            f.node.items.push_back(std::move(n));
            return;
        }
        if (f.expecting_key) {
            f.expecting_key = false;
            f.key_pos = n.pos;
            f.key_ok = n.kind == Node::Kind::scalar;
            if (!f.key_ok) {
                ctx_.diagnostics.error(ctx_.at(n.pos), "syntax", "a mapping key must be plain text",
                                       "write keys as `name: value`");
            }
            f.key = std::move(n.scalar);
            return;
        }
        f.expecting_key = true;
        if (!f.key_ok) return;
        auto [it, inserted] = f.seen.emplace(f.key, f.key_pos);
        if (!inserted) {
            Diagnostic d{Severity::error,
                         ctx_.at(f.key_pos),
                         "duplicate-key",
                         fmt::format("key `{}` appears more than once in this mapping", f.key),
                         "YAML keeps only one of the values: remove or rename one",
                         {ctx_.at(it->second)}};
            ctx_.diagnostics.add(std::move(d));
            return;
        }
        f.node.entries.push_back(Entry{std::move(f.key), f.key_pos, std::move(n)});
    }

    Node& root_;
    ParseContext& ctx_;
    const LineTable& lines_;
    std::vector<Frame> stack_;
    bool have_root_ = false;
};

}  // namespace

bool parse_yaml_tree(std::string_view text, ParseContext& ctx, Node& root) {
    LineTable lines(text);
    MemoryBuffer buf(text.data(), text.size());
    std::istream in(&buf);
    try {
        YAML::Parser parser(in);
        TreeBuilder builder(root, ctx, lines);
        if (!parser.HandleNextDocument(builder)) {
            root = Node{};
            return true;  // empty file: the schema mapper reports what is missing
        }
        Node ignored;
        TreeBuilder second(ignored, ctx, lines);
        if (parser.HandleNextDocument(second)) {
            ctx.diagnostics.error(ctx.at(ignored.pos.line ? ignored.pos : Pos{1, 1}), "syntax",
                                  "the file holds more than one YAML document",
                                  "a plan file is a single document: remove the `---` separator");
            return false;
        }
        return true;
    } catch (const TooDeep& e) {
        ctx.diagnostics.error(ctx.at(lines.pos(e.mark)), "too-deep",
                              fmt::format("nesting deeper than {} levels", max_depth),
                              "plan files need only a few levels of nesting");
        return false;
    } catch (const YAML::Exception& e) {
        ctx.diagnostics.error(ctx.at(lines.pos(e.mark)), "syntax", e.msg.empty() ? "invalid YAML" : e.msg,
                              "the parser noticed here; the cause may be earlier: an unclosed quote, bracket or "
                              "brace, or indentation with tabs");
        return false;
    } catch (const std::exception& e) {
        ctx.diagnostics.error(ctx.at(Pos{1, 1}), "syntax", std::string("cannot parse YAML: ") + e.what());
        return false;
    }
}

}  // namespace pgi::detail
