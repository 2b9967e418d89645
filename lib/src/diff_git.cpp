// load_plan_at_revision(), is_git_revision(): a plan as it was at a git revision, read from
// the object database through libgit2 (diff.hpp). Nothing is checked out.
#include <git2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "pgi/diff.hpp"
#include "pgi/i18n.hpp"
#include "pgi/updates.hpp"
#include "pgi/validate.hpp"

namespace pgi {

namespace fs = std::filesystem;

namespace {

struct Libgit2 {
    Libgit2() { git_libgit2_init(); }
    ~Libgit2() { git_libgit2_shutdown(); }
    Libgit2(const Libgit2&) = delete;
    Libgit2& operator=(const Libgit2&) = delete;
};

template <class T, void (*Free)(T*)>
struct Freer {
    void operator()(T* p) const { Free(p); }
};
using Repo = std::unique_ptr<git_repository, Freer<git_repository, git_repository_free>>;
using Object = std::unique_ptr<git_object, Freer<git_object, git_object_free>>;
using Tree = std::unique_ptr<git_tree, Freer<git_tree, git_tree_free>>;
using Entry = std::unique_ptr<git_tree_entry, Freer<git_tree_entry, git_tree_entry_free>>;

std::string git_message(const std::string& fallback) {
    const git_error* e = git_error_last();
    return e && e->message ? std::string(e->message) : fallback;
}

// The nearest existing directory at or above `p` (absolute, normalised).
fs::path existing_dir(const fs::path& p) {
    std::error_code ec;
    fs::path d = p;
    while (!d.empty() && !fs::is_directory(d, ec)) {
        if (d == d.parent_path()) break;
        d = d.parent_path();
    }
    return d;
}

Repo open_repo(const fs::path& dir) {
    git_repository* raw = nullptr;
    if (git_repository_open_ext(&raw, dir.c_str(), 0, nullptr) != 0) return nullptr;
    return Repo(raw);
}

// The commit's tree of `revision`, or null.
Tree tree_of(git_repository* repo, const std::string& revision) {
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, repo, revision.c_str()) != 0) return nullptr;
    Object o(obj);
    git_object* tree = nullptr;
    if (git_object_peel(&tree, o.get(), GIT_OBJECT_TREE) != 0) return nullptr;
    return Tree(reinterpret_cast<git_tree*>(tree));
}

bool hidden(const std::string& rel) {
    std::size_t start = 0;
    while (start < rel.size()) {
        if (rel[start] == '.') return true;
        auto slash = rel.find('/', start);
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return false;
}

// Every regular file (blob, not a link or submodule) of `tree`, path relative to it.
std::vector<std::string> files_of(git_tree* tree) {
    std::vector<std::string> out;
    auto cb = [](const char* root, const git_tree_entry* e, void* payload) -> int {
        auto* v = static_cast<std::vector<std::string>*>(payload);
        auto mode = git_tree_entry_filemode(e);
        if (mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE)
            v->push_back(std::string(root) + git_tree_entry_name(e));
        return 0;
    };
    git_tree_walk(tree, GIT_TREEWALK_PRE, cb, &out);
    std::sort(out.begin(), out.end());
    return out;
}

// A sub-tree or blob of `root` at `rel` ("" = the root itself).
struct Found {
    Tree tree;         // when a directory
    std::string blob;  // the content, when a file
    bool is_blob = false;
    bool exists = false;
};

Found lookup(git_repository* repo, git_tree* root, const std::string& rel) {
    Found f;
    if (rel.empty() || rel == ".") {
        git_tree* dup = nullptr;
        if (git_tree_dup(&dup, root) == 0) f.tree = Tree(dup), f.exists = true;
        return f;
    }
    git_tree_entry* raw = nullptr;
    if (git_tree_entry_bypath(&raw, root, rel.c_str()) != 0) return f;
    Entry e(raw);
    git_object* obj = nullptr;
    if (git_tree_entry_to_object(&obj, repo, e.get()) != 0) return f;
    Object o(obj);
    if (git_object_type(obj) == GIT_OBJECT_TREE) {
        git_object* t = nullptr;
        if (git_object_dup(&t, obj) == 0) f.tree = Tree(reinterpret_cast<git_tree*>(t)), f.exists = true;
    } else if (git_object_type(obj) == GIT_OBJECT_BLOB) {
        auto* blob = reinterpret_cast<git_blob*>(obj);
        f.blob.assign(static_cast<const char*>(git_blob_rawcontent(blob)),
                      static_cast<std::size_t>(git_blob_rawsize(blob)));
        f.is_blob = f.exists = true;
    }
    return f;
}

std::string join(const std::string& dir, const std::string& rel) {
    std::string j = dir.empty() ? rel : dir + "/" + rel;
    return fs::path(j).lexically_normal().generic_string();
}

bool has_wildcard(const std::string& s) {
    return s.find_first_of("*?[") != std::string::npos;
}

}  // namespace

bool is_git_revision(const std::string& text, const fs::path& dir) {
    if (text.empty()) return false;
    Libgit2 lib;
    std::error_code ec;
    Repo repo = open_repo(existing_dir(fs::absolute(dir, ec).lexically_normal()));
    if (!repo) return false;
    return tree_of(repo.get(), text) != nullptr;
}

Result<LoadResult> load_plan_at_revision(const std::string& revision, const fs::path& path) {
    Libgit2 lib;
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec).lexically_normal();
    fs::path base = existing_dir(abs);
    Repo repo = open_repo(base);
    if (!repo) return fail(ErrorCode::io, trf("`{}` is not in a git repository", path.string()));
    const char* wd = git_repository_workdir(repo.get());
    if (!wd) return fail(ErrorCode::io, trf("the repository of `{}` has no work tree", path.string()));
    fs::path top = fs::weakly_canonical(wd, ec);
    fs::path full = fs::weakly_canonical(base, ec) / abs.lexically_relative(base);
    std::string rel = full.lexically_normal().lexically_relative(top).generic_string();
    if (rel.empty() || rel.rfind("..", 0) == 0)
        return fail(ErrorCode::io, trf("`{}` is outside the repository's work tree {}", path.string(), top.string()));
    if (rel == ".") rel.clear();
    if (!rel.empty() && rel.back() == '/') rel.pop_back();
    Tree root = tree_of(repo.get(), revision);
    if (!root)
        return fail(
            ErrorCode::io,
            trf("`{}` is not a revision of {}: {}", revision, top.string(), git_message(tr("unknown revision"))),
            tr("name a commit, branch or tag (`git log --oneline`), or a plan file or directory that exists"));
    auto name = [&](const std::string& r) { return revision + ":" + r; };
    Found target = lookup(repo.get(), root.get(), rel);
    if (!target.exists)
        return fail(ErrorCode::io,
                    trf("`{}` does not exist in revision `{}`", rel.empty() ? std::string(".") : rel, revision));

    std::string plan_rel, plan_text, dir_rel;
    std::vector<std::string> update_rels;
    if (target.is_blob) {
        plan_rel = rel;
        plan_text = std::move(target.blob);
        dir_rel = fs::path(rel).parent_path().generic_string();
    } else {
        dir_rel = rel;
        for (const char* n : {"plan.yaml", "plan.yml", "plan.toml", "pgi.yaml", "pgi.yml", "pgi.toml"}) {
            Found f = lookup(repo.get(), target.tree.get(), n);
            if (f.exists && f.is_blob) {
                plan_rel = join(dir_rel, n);
                plan_text = std::move(f.blob);
                break;
            }
        }
        if (plan_rel.empty())
            return fail(ErrorCode::io, trf("`{}` holds no plan.yaml, plan.toml, pgi.yaml or pgi.toml in revision `{}`",
                                           rel.empty() ? std::string(".") : rel, revision));
        Found updates = lookup(repo.get(), target.tree.get(), "updates");
        if (updates.exists && !updates.is_blob)
            for (const auto& f : files_of(updates.tree.get()))
                if (!hidden(f) && is_update_file_name(f)) update_rels.push_back(join(dir_rel, "updates/" + f));
    }

    LoadResult result = load_plan_text(plan_text, name(plan_rel));
    if (!result.plan) return result;
    Plan& plan = *result.plan;
    // The plan's own `updates:` list, against the revision's tree (expand_update_sources()).
    Found dir = lookup(repo.get(), root.get(), dir_rel);
    std::vector<std::string> dir_files;
    if (dir.exists && !dir.is_blob) dir_files = files_of(dir.tree.get());
    for (const auto& entry : plan.update_sources) {
        if (entry.empty()) continue;
        if (has_wildcard(entry)) {
            for (const auto& f : dir_files)
                if (!hidden(f) && is_update_file_name(f) && glob_match(entry, f))
                    update_rels.push_back(join(dir_rel, f));
            continue;
        }
        std::string p = join(dir_rel, entry);
        Found f = lookup(repo.get(), root.get(), p);
        if (!f.exists) {
            result.diagnostics.error(plan.update_sources_location, "io-error",
                                     trf("the update source `{}` does not exist in revision `{}`", entry, revision),
                                     tr("paths in `updates` are relative to the plan file's directory"));
        } else if (f.is_blob) {
            update_rels.push_back(p);
        } else {
            for (const auto& u : files_of(f.tree.get()))
                if (!hidden(u) && is_update_file_name(u)) update_rels.push_back(join(p, u));
        }
    }
    std::set<std::string> seen;
    std::vector<UpdateFile> files;
    for (const auto& u : update_rels) {
        if (!seen.insert(u).second) continue;
        Found f = lookup(repo.get(), root.get(), u);
        if (!f.is_blob) continue;
        UpdateLoadResult r = load_update_text(f.blob, name(u));
        result.diagnostics.append(r.diagnostics);
        if (r.updates) files.push_back(std::move(*r.updates));
    }
    merge_updates(plan, std::move(files), result.diagnostics);
    plan.file = name(plan_rel);
    validate_loaded(result);
    return result;
}

}  // namespace pgi
