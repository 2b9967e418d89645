// Findings about input files, as data: collected, sorted, rendered as text or JSON.
#pragma once

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

/// An ordered collection of findings.
class Diagnostics {
public:
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void error(SourceLocation at, std::string code, std::string message, std::string hint = {});
    void warning(SourceLocation at, std::string code, std::string message, std::string hint = {});
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& items() const { return items_; }
    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool empty() const { return items_.empty(); }

    /// Sorts by file, line, column, then code, and drops exact duplicates, so output is
    /// deterministic whatever order the checks ran in.
    void sort();

private:
    std::vector<Diagnostic> items_;
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
