// Where an input file stands in version control, for the provenance line of `pgi report`
// ("which revision of the plan and of each update file was this report made from";
// docs/tracking.md, "Sources"). Read with libgit2; no `git` program is run.
#pragma once

#include <string>
#include <vector>

namespace pgi {

/// The git state of one file.
struct GitProvenance {
    enum class State {
        unknown,    ///< not in a git work tree (or the repository cannot be read)
        untracked,  ///< in a work tree, but git does not track it (not in the index; ignored files too)
        no_commit,  ///< tracked (added to the index) in a repository without any commit yet
        committed,  ///< tracked and identical to HEAD and to the index
        modified,   ///< tracked, and the work-tree file or its staged version differs from HEAD
    };
    State state = State::unknown;
    std::string head;  ///< HEAD's commit id, its first 12 hex digits; set for committed and modified

    /// How the report shows it: "git 55ab219c04e1", "git 55ab219c04e1, modified",
    /// "git: untracked", "git: no commit yet"; "" for unknown.
    std::string describe() const;

    bool operator==(const GitProvenance&) const = default;
};

/// The git state of each of `files` (paths as given, relative to the current directory; the
/// result is in the same order). Each file's directory is searched upwards for a repository
/// (like `git -C DIR rev-parse`); symlinked paths are resolved first. A file that does not
/// exist is reported as git reports it: untracked, or modified when HEAD has it (deleted).
/// Never fails: anything git cannot tell is State::unknown.
std::vector<GitProvenance> provenance_of(const std::vector<std::string>& files);

/// One file: provenance_of({path}).front().
GitProvenance provenance_of(const std::string& path);

}  // namespace pgi
