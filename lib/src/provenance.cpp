// provenance_of(): the git state of input files through libgit2 (provenance.hpp).
#include "pgi/provenance.hpp"

#include <git2.h>

#include <filesystem>
#include <map>
#include <memory>

namespace pgi {

namespace fs = std::filesystem;

std::string GitProvenance::describe() const {
    switch (state) {
        case State::unknown:
            return "";
        case State::untracked:
            return "git: untracked";
        case State::no_commit:
            return "git: no commit yet";
        case State::committed:
            return "git " + head;
        case State::modified:
            return "git " + head + ", modified";
    }
    return "";
}

namespace {

// libgit2 is initialised for the duration of one provenance_of() call (reference counted, so
// nested or concurrent calls are safe).
struct Libgit2 {
    Libgit2() { git_libgit2_init(); }
    ~Libgit2() { git_libgit2_shutdown(); }
    Libgit2(const Libgit2&) = delete;
    Libgit2& operator=(const Libgit2&) = delete;
};

struct RepoFree {
    void operator()(git_repository* r) const { git_repository_free(r); }
};
using Repo = std::unique_ptr<git_repository, RepoFree>;

struct OpenRepo {
    Repo repo;
    fs::path top;      // the work tree, canonical
    std::string head;  // 12 hex digits, "" when HEAD has no commit
};

std::string head_of(git_repository* repo) {
    git_oid oid;
    if (git_reference_name_to_id(&oid, repo, "HEAD") != 0) return "";  // unborn branch, or unreadable
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &oid);
    return std::string(hex, 12);
}

GitProvenance state_of(const OpenRepo& r, const std::string& rel) {
    // Tracked means "in the index" (git ls-files): a file added but not yet committed counts.
    git_index* index = nullptr;
    bool tracked = false;
    if (git_repository_index(&index, r.repo.get()) == 0) {
        tracked = git_index_get_bypath(index, rel.c_str(), 0) != nullptr;
        git_index_free(index);
    }
    GitProvenance p;
    if (!tracked) {
        p.state = GitProvenance::State::untracked;
        return p;
    }
    if (r.head.empty()) {
        p.state = GitProvenance::State::no_commit;
        return p;
    }
    unsigned int flags = 0;
    if (git_status_file(&flags, r.repo.get(), rel.c_str()) != 0) return p;  // unknown
    p.head = r.head;
    p.state = flags == GIT_STATUS_CURRENT ? GitProvenance::State::committed : GitProvenance::State::modified;
    return p;
}

}  // namespace

std::vector<GitProvenance> provenance_of(const std::vector<std::string>& files) {
    std::vector<GitProvenance> out(files.size());
    if (files.empty()) return out;
    Libgit2 lib;
    std::map<std::string, std::string> repo_of_dir;  // directory -> repository path ("" = none)
    std::map<std::string, OpenRepo> repos;           // repository path -> open repository
    for (std::size_t i = 0; i < files.size(); ++i) {
        std::error_code ec;
        fs::path abs = fs::weakly_canonical(fs::absolute(files[i], ec), ec);
        if (ec) continue;
        std::string dir = abs.parent_path().string();
        auto it = repo_of_dir.find(dir);
        if (it == repo_of_dir.end()) {
            git_buf found = GIT_BUF_INIT;
            std::string repo_path;
            if (git_repository_discover(&found, dir.c_str(), 0, nullptr) == 0) repo_path.assign(found.ptr, found.size);
            git_buf_dispose(&found);
            it = repo_of_dir.emplace(dir, repo_path).first;
        }
        if (it->second.empty()) continue;
        auto r = repos.find(it->second);
        if (r == repos.end()) {
            git_repository* raw = nullptr;
            OpenRepo o;
            if (git_repository_open(&raw, it->second.c_str()) == 0) {
                o.repo.reset(raw);
                const char* wd = git_repository_workdir(raw);  // null for a bare repository
                if (wd) {
                    o.top = fs::weakly_canonical(wd, ec);
                    o.head = head_of(raw);
                }
            }
            r = repos.emplace(it->second, std::move(o)).first;
        }
        if (!r->second.repo || r->second.top.empty()) continue;
        std::string rel = abs.lexically_relative(r->second.top).generic_string();
        if (rel.empty() || rel.rfind("..", 0) == 0) continue;  // outside the work tree (e.g. in .git)
        out[i] = state_of(r->second, rel);
    }
    return out;
}

GitProvenance provenance_of(const std::string& path) {
    return provenance_of(std::vector<std::string>{path}).front();
}

}  // namespace pgi
