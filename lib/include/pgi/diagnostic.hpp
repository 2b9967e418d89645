// Findings about input files, as data: collected, sorted, rendered as text or JSON.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace pgi {

/// A place in an input file. `line` and `column` are 1-based (column counts Unicode code
/// points, as editors do); 0 means "unknown" (e.g. an I/O error about the whole file).
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
    bool operator==(const SourceLocation&) const = default;
};

/// A 1-based line and column inside the file of some enclosing SourceLocation; kept for
/// individual fields (a task's `lead`) without repeating the file name in memory.
struct TextPosition {
    int line = 0;
    int column = 0;
    bool operator==(const TextPosition&) const = default;
};

/// `base` moved to `p`'s line and column; `base` itself when `p` is unknown (line 0).
inline SourceLocation located(const SourceLocation& base, TextPosition p) {
    return p.line ? SourceLocation{base.file, p.line, p.column} : base;
}

enum class Severity { error, warning, note };

/// One finding. `code` is stable and documented in docs/diagnostics.md (e.g. `unknown-key`);
/// tests and scripts match the code, not the wording of `message`.
struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation location;
    std::string code;
    std::string message;
    std::string hint;                     ///< what to do about it; may be empty
    std::vector<SourceLocation> related;  ///< other places involved (the first duplicate…)
};

/// How many findings a Diagnostics keeps (docs/diagnostics.md, `too-many-findings`): at most
/// `per_file` for one file and `total` in all; 0 means no limit. Beyond them findings are
/// counted, not stored, so memory stays bounded whatever the input holds.
struct FindingLimits {
    std::size_t per_file = 1000;
    std::size_t total = 10000;
};

/// The limits every Diagnostics created afterwards takes (process-wide; the CLI sets them
/// once from `--max-findings` before any work). Default: 1000 per file, 10000 in all.
void set_finding_limits(FindingLimits limits);
FindingLimits finding_limits();

/// An ordered collection of findings, capped by FindingLimits: a finding over a limit is not
/// stored; instead one `too-many-findings` finding per file (an error when any finding left
/// out is an error, else a warning), at the first finding left out, says how many were left
/// out. error_count() and warning_count() count the findings left out too.
class Diagnostics {
public:
    Diagnostics();
    Diagnostics(const Diagnostics&) = default;
    Diagnostics(Diagnostics&&) = default;
    Diagnostics& operator=(const Diagnostics&) = default;
    Diagnostics& operator=(Diagnostics&&) = default;

    void add(Diagnostic d);
    void error(SourceLocation at, std::string code, std::string message, std::string hint = {});
    void warning(SourceLocation at, std::string code, std::string message, std::string hint = {});
    /// Adds `other`'s findings (and its counts of findings left out) under this one's limits.
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& items() const;
    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool empty() const { return items_.empty(); }
    /// The number of findings left out by the limits.
    std::size_t left_out() const;

    /// Sorts by file, line, column, then code, and drops exact duplicates, so output is
    /// deterministic whatever order the checks ran in.
    void sort();

private:
    struct LeftOut {
        std::size_t errors = 0, warnings = 0, notes = 0;
        SourceLocation first;
    };
    void leave_out(const Diagnostic& d);
    void leave_out(const std::string& file, const LeftOut& n);
    FindingLimits limits_;
    std::size_t stored_ = 0;                       // findings stored, not counting the summaries
    std::map<std::string, std::size_t> per_file_;  // file -> findings stored
    std::map<std::string, LeftOut> left_out_;      // file -> findings left out
    mutable std::vector<Diagnostic> items_;
    mutable bool summaries_stale_ = false;
};

/// `file:line:col: severity: [code] message`, then `  hint: …` and `  note: … here` lines
/// for the hint and each related location. Lines end with '\n'.
std::string render_text(const Diagnostic& d);
std::string render_text(const Diagnostics& ds);

/// A JSON document `{"diagnostics":[{"file","line","column","severity","code","message",
/// "hint","related":[…]}…],"errors":N,"warnings":N}` followed by '\n'.
std::string render_json(const Diagnostics& ds);

/// GitHub Actions workflow commands, one line per finding:
/// `::error file=F,line=L,col=C,title=pgi [code]::message` (`::warning` for warnings, `::notice`
/// for notes; `line`/`col` left out when unknown), the hint on a second line of the message.
/// Escaping as GitHub's actions/toolkit does: in the message `%`, CR and LF become `%25`,
/// `%0D`, `%0A`; in properties also `:` and `,` become `%3A`, `%2C`. File names are written
/// as given (relative to where pgi ran). Rule source: docs.github.com, "Workflow commands for
/// GitHub Actions"; documented in docs/ci.md.
std::string render_github(const Diagnostics& ds);

/// A GitLab Code Quality report (a JSON array, Code Climate subset): per finding
/// `description` (message, then " — hint"), `check_name` (`pgi/<code>`), `fingerprint` (32 hex
/// digits of a hash of file, line, column, code and message: stable across runs, distinct
/// per finding), `severity` (`major` for errors, `minor` for warnings, `info` for notes) and
/// `location` {`path`, `lines`: {`begin`}} (line 1 when unknown). Followed by '\n'. Rule
/// source: docs.gitlab.com, "Code Quality", report format; documented in docs/ci.md.
std::string render_gitlab(const Diagnostics& ds);

const char* to_string(Severity s);

}  // namespace pgi
