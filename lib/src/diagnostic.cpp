#include "pgi/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <tuple>

#include "pgi/escape.hpp"
#include "pgi/i18n.hpp"

namespace pgi {

const char* to_string(Severity s) {
    switch (s) {
        case Severity::error:
            return "error";
        case Severity::warning:
            return "warning";
        case Severity::note:
            return "note";
    }
    return "error";
}

namespace {
std::atomic<std::size_t> limit_per_file{1000};
std::atomic<std::size_t> limit_total{10000};
constexpr const char* summary_code = "too-many-findings";
}  // namespace

void set_finding_limits(FindingLimits limits) {
    limit_per_file = limits.per_file;
    limit_total = limits.total;
}

FindingLimits finding_limits() {
    return {limit_per_file.load(), limit_total.load()};
}

Diagnostics::Diagnostics() : limits_(finding_limits()) {}

void Diagnostics::add(Diagnostic d) {
    std::size_t& in_file = per_file_[d.location.file];
    if ((limits_.per_file && in_file >= limits_.per_file) || (limits_.total && stored_ >= limits_.total)) {
        leave_out(d);
        return;
    }
    ++in_file;
    ++stored_;
    items_.push_back(std::move(d));
}

void Diagnostics::leave_out(const Diagnostic& d) {
    LeftOut n;
    (d.severity == Severity::error ? n.errors : d.severity == Severity::warning ? n.warnings : n.notes) = 1;
    n.first = d.location;
    leave_out(d.location.file, n);
}

void Diagnostics::leave_out(const std::string& file, const LeftOut& n) {
    auto [it, first] = left_out_.try_emplace(file, n);
    if (first) {
        // The summary finding, its message filled in by items().
        items_.push_back({Severity::warning, n.first, summary_code, {}, {}, {}});
    } else {
        it->second.errors += n.errors;
        it->second.warnings += n.warnings;
        it->second.notes += n.notes;
    }
    summaries_stale_ = true;
}

const std::vector<Diagnostic>& Diagnostics::items() const {
    if (!summaries_stale_) return items_;
    summaries_stale_ = false;
    for (auto& d : items_) {
        if (d.code != summary_code) continue;
        auto it = left_out_.find(d.location.file);
        if (it == left_out_.end()) continue;
        const LeftOut& n = it->second;
        std::size_t all = n.errors + n.warnings + n.notes;
        d.severity = n.errors ? Severity::error : Severity::warning;
        d.message = trnf(
            "{} more finding in this file is not shown ({}, {}): at most {} per file and {} in all "
            "are reported",
            "{} more findings in this file are not shown ({}, {}): at most {} per file and {} in all "
            "are reported",
            all, all, trnf("{} error", "{} errors", n.errors, n.errors),
            trnf("{} warning", "{} warnings", n.warnings, n.warnings), limits_.per_file, limits_.total);
        d.hint =
            tr("fix the findings shown first (one mistake often causes many), or raise the limit with "
               "--max-findings N (0: no limit)");
    }
    return items_;
}

void Diagnostics::error(SourceLocation at, std::string code, std::string message, std::string hint) {
    add({Severity::error, std::move(at), std::move(code), std::move(message), std::move(hint), {}});
}

void Diagnostics::warning(SourceLocation at, std::string code, std::string message, std::string hint) {
    add({Severity::warning, std::move(at), std::move(code), std::move(message), std::move(hint), {}});
}

void Diagnostics::append(const Diagnostics& other) {
    for (const auto& d : other.items_)
        if (d.code != summary_code) add(d);
    for (const auto& [file, n] : other.left_out_) leave_out(file, n);
}

std::size_t Diagnostics::left_out() const {
    std::size_t n = 0;
    for (const auto& x : left_out_) n += x.second.errors + x.second.warnings + x.second.notes;
    return n;
}

bool Diagnostics::has_errors() const {
    return error_count() > 0;
}

namespace {
bool is_summary(const Diagnostic& d) {
    return d.code == summary_code;
}
}  // namespace

// A summary this collection keeps the counts of is not counted itself (its findings left out
// are); a summary copied in with add() from another collection counts as one finding, so
// that a collection built from another's items() still has errors when the other had.
std::size_t Diagnostics::error_count() const {
    items();  // the summaries' severities
    std::size_t n = 0;
    for (const auto& d : items_)
        n += d.severity == Severity::error && !(is_summary(d) && left_out_.count(d.location.file));
    for (const auto& x : left_out_) n += x.second.errors;
    return n;
}

std::size_t Diagnostics::warning_count() const {
    items();
    std::size_t n = 0;
    for (const auto& d : items_)
        n += d.severity == Severity::warning && !(is_summary(d) && left_out_.count(d.location.file));
    for (const auto& x : left_out_) n += x.second.warnings;
    return n;
}

namespace {
auto sort_key(const Diagnostic& d) {
    return std::tie(d.location.file, d.location.line, d.location.column, d.code, d.message);
}
}  // namespace

void Diagnostics::sort() {
    items();  // fill in the summaries first, so that they sort by their final text
    std::stable_sort(items_.begin(), items_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return sort_key(a) < sort_key(b); });
    items_.erase(std::unique(items_.begin(), items_.end(),
                             [](const Diagnostic& a, const Diagnostic& b) {
                                 return sort_key(a) == sort_key(b) && a.severity == b.severity;
                             }),
                 items_.end());
}

namespace {
std::string where(const SourceLocation& l) {
    if (l.file.empty()) return "pgi";
    if (l.line <= 0) return l.file;
    if (l.column <= 0) return fmt::format("{}:{}", l.file, l.line);
    return fmt::format("{}:{}:{}", l.file, l.line, l.column);
}
}  // namespace

// The severity as text output shows it: translated, unlike the code and JSON's `severity`.
static const char* severity_label(Severity s) {
    switch (s) {
        case Severity::error:
            return tr("error");
        case Severity::warning:
            return tr("warning");
        case Severity::note:
            return tr("note");
    }
    return tr("error");
}

std::string render_text(const Diagnostic& d) {
    // Messages quote the input: shown as one visible line each (escape.hpp), so a value with
    // an escape sequence or a line break cannot reach the terminal or fake another finding.
    std::string out = fmt::format("{}: {}: [{}] {}\n", visible_line(where(d.location)), severity_label(d.severity),
                                  d.code, visible_line(d.message));
    if (!d.hint.empty()) out += fmt::format("  {}: {}\n", tr("hint"), visible_line(d.hint));
    for (const auto& r : d.related)
        out += fmt::format("  {}: {}: {}\n", visible_line(where(r)), tr("note"), tr("see also here"));
    return out;
}

std::string render_text(const Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds.items()) out += render_text(d);
    return out;
}

std::string render_json(const Diagnostics& ds) {
    using nlohmann::ordered_json;
    auto loc = [](const SourceLocation& l) {
        return ordered_json{{"file", l.file}, {"line", l.line}, {"column", l.column}};
    };
    ordered_json list = ordered_json::array();
    for (const auto& d : ds.items()) {
        ordered_json j = loc(d.location);
        j["severity"] = to_string(d.severity);
        j["code"] = d.code;
        j["message"] = d.message;
        j["hint"] = d.hint;
        ordered_json rel = ordered_json::array();
        for (const auto& r : d.related) rel.push_back(loc(r));
        j["related"] = rel;
        list.push_back(std::move(j));
    }
    ordered_json root{{"diagnostics", list}, {"errors", ds.error_count()}, {"warnings", ds.warning_count()}};
    return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {

// actions/toolkit's escapeData / escapeProperty (src/command.ts).
std::string github_escape(std::string_view text, bool property) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '%':
                out += "%25";
                break;
            case '\r':
                out += "%0D";
                break;
            case '\n':
                out += "%0A";
                break;
            case ':':
                out += property ? "%3A" : ":";
                break;
            case ',':
                out += property ? "%2C" : ",";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// FNV-1a, 64 bits, over the parts with a 0 byte between them.
std::uint64_t fnv1a(std::initializer_list<std::string_view> parts, std::uint64_t h) {
    for (auto part : parts) {
        for (unsigned char c : part) {
            h ^= c;
            h *= 0x100000001b3ULL;
        }
        h *= 0x100000001b3ULL;  // the 0 byte between parts (h ^ 0 == h)
    }
    return h;
}

}  // namespace

std::string render_github(const Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds.items()) {
        const char* kind = d.severity == Severity::error     ? "error"
                           : d.severity == Severity::warning ? "warning"
                                                             : "notice";
        std::string props = "file=" + github_escape(d.location.file, true);
        if (d.location.line > 0) {
            props += fmt::format(",line={}", d.location.line);
            if (d.location.column > 0) props += fmt::format(",col={}", d.location.column);
        }
        props += ",title=" + github_escape("pgi [" + d.code + "]", true);
        std::string message = d.message;
        if (!d.hint.empty()) message += "\nhint: " + d.hint;
        out += fmt::format("::{} {}::{}\n", kind, props, github_escape(message, false));
    }
    return out;
}

std::string render_gitlab(const Diagnostics& ds) {
    using nlohmann::ordered_json;
    ordered_json list = ordered_json::array();
    for (const auto& d : ds.items()) {
        const std::string line = std::to_string(d.location.line), column = std::to_string(d.location.column);
        const std::initializer_list<std::string_view> parts{d.location.file, line, column, d.code, d.message};
        std::string fingerprint =
            fmt::format("{:016x}{:016x}", fnv1a(parts, 0xcbf29ce484222325ULL), fnv1a(parts, 0x84222325cbf29ce4ULL));
        ordered_json j;
        j["description"] = d.hint.empty() ? d.message : d.message + " — " + d.hint;
        j["check_name"] = "pgi/" + d.code;
        j["fingerprint"] = fingerprint;
        j["severity"] = d.severity == Severity::error ? "major" : d.severity == Severity::warning ? "minor" : "info";
        j["location"] =
            ordered_json{{"path", d.location.file}, {"lines", ordered_json{{"begin", std::max(d.location.line, 1)}}}};
        list.push_back(std::move(j));
    }
    return list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pgi
