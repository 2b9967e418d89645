// Internal: the value converters the schema tables (schema_tables.hpp) read a Node tree with.
// Each converter reports what is wrong with the value at the node's position (stable codes:
// wrong-type, invalid-value, invalid-score, invalid-date, unknown-key, missing-key, not-nfc;
// docs/diagnostics.md) and returns std::nullopt or a default for a value it cannot take.
#pragma once

#include <algorithm>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "doc_tree.hpp"
#include "pgi/date.hpp"
#include "pgi/model.hpp"
#include "pgi/score.hpp"

namespace pgi::detail {

class Reader {
public:
    /// `take_text`: the tree is the reader's to use up (the loaders parse it, read it once and
    /// free it): a text value longer than the short-string buffer is moved out of its node
    /// instead of copied, so `str` and the readers built on it may be called once per node.
    explicit Reader(ParseContext& ctx, bool take_text = false) : ctx_(ctx), take_text_(take_text) {}

    ParseContext& context() { return ctx_; }
    SourceLocation at(Pos p) const { return ctx_.at(p); }
    static TextPosition tp(const Node& n) { return TextPosition{n.pos.line, n.pos.column}; }
    void error(Pos p, const char* code, std::string msg, std::string hint = {});
    void warning(Pos p, const char* code, std::string msg, std::string hint = {});

    /// Tasks the loader read while the file was being parsed (ListStream, doc_tree.hpp), in
    /// file order: each list item marked `taken` stands for the next of them. Not owned; may
    /// be null (no tasks were streamed).
    void use_streamed_tasks(std::vector<Task>* tasks) {
        streamed_tasks_ = tasks;
        next_streamed_ = 0;
    }
    /// The next streamed task (moved out), or nullopt when there is none left.
    std::optional<Task> take_streamed_task() {
        if (!streamed_tasks_ || next_streamed_ >= streamed_tasks_->size()) return std::nullopt;
        return std::move((*streamed_tasks_)[next_streamed_++]);
    }
    /// When `list` is a list of nothing but the streamed tasks, all of them still untaken, and
    /// `out` is empty: moves the streamed tasks into `out` at once and returns true (the
    /// common case: no task is moved one by one).
    bool take_all_streamed_tasks(const Node& list, std::vector<Task>& out) {
        if (!streamed_tasks_ || next_streamed_ != 0 || !out.empty() || list.kind != Node::Kind::sequence ||
            list.items.size() != streamed_tasks_->size() ||
            !std::all_of(list.items.begin(), list.items.end(), [](const Node& n) { return n.taken; }))
            return false;
        out = std::move(*streamed_tasks_);
        next_streamed_ = out.size();
        return true;
    }

    /// `n` is of `kind`, else a wrong-type finding naming `what`.
    bool expect(const Node& n, Node::Kind kind, std::string_view what);

    /// Calls `on` for each key of `map` that is in `known`; reports unknown keys (with a
    /// did-you-mean) and the `required` keys that are missing. `what` names the mapping.
    void fields(const Node& map, std::string_view what, std::span<const std::string_view> known,
                std::span<const std::string_view> required, const std::function<void(const Entry&)>& on);

    /// Calls `on` for each item of a list; an empty value is an empty list.
    void list(const Node& n, std::string_view what, const std::function<void(const Node&)>& on);

    std::optional<std::string> str(const Node& n, std::string_view what);
    std::optional<std::string> id(const Node& n, std::string_view what);
    std::optional<int> integer(const Node& n, std::string_view what, long lo = -1000000, long hi = 1000000);
    std::optional<int> year(const Node& n, std::string_view what) { return integer(n, what, 1900, 2200); }
    std::optional<Score> score(const Node& n, std::string_view what);
    std::optional<PartialDate> partial_date(const Node& n, std::string_view what);
    std::optional<Date> date(const Node& n, std::string_view what);
    /// A list of strings (ids when `ids`); a single value stands for a list of one.
    std::vector<std::string> str_list(const Node& n, std::string_view what, bool ids,
                                      std::vector<TextPosition>* positions = nullptr);
    /// Required text: present and not empty.
    std::string text(const Node& n, std::string_view what);
    /// A reporting period (period.hpp) in its canonical spelling; "" when invalid.
    std::string period_text(const Node& n, std::string_view what);

    /// One of the spellings of EnumNames<E>.
    template <class E>
    std::optional<E> enumeration(const Node& n, std::string_view what) {
        auto s = str(n, what);
        if (!s) return std::nullopt;
        auto v = parse_enum<E>(*s);
        if (!v) unknown_value(n, what, *s, enum_names_text<E>(", "));
        return v;
    }

    /// A value read by `parse` (for instance a status as a code or a Vietnamese label);
    /// `allowed()` lists the accepted spellings in the finding's hint (called only then).
    template <class E, class F, class A>
    std::optional<E> enumeration_by(const Node& n, std::string_view what, F parse, A allowed) {
        auto s = str(n, what);
        if (!s) return std::nullopt;
        std::optional<E> v = parse(*s);
        if (!v) unknown_value(n, what, *s, allowed());
        return v;
    }

private:
    /// "`what` is empty", at the value (which the YAML reader places at its key).
    void empty(const Node& n, std::string_view what);
    void unknown_value(const Node& n, std::string_view what, const std::string& value, const std::string& allowed);
    ParseContext& ctx_;
    bool take_text_ = false;
    std::vector<Task>* streamed_tasks_ = nullptr;
    std::size_t next_streamed_ = 0;
};

/// A valid id: letters, digits, '.', '_' and '-', starting with a letter or digit.
bool valid_id(std::string_view s);

}  // namespace pgi::detail
