#include "pgi/updates.hpp"

#include <fmt/format.h>
#include <fnmatch.h>
#include <locale.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "pgi/i18n.hpp"

namespace pgi {

namespace fs = std::filesystem;

bool is_update_file_name(const fs::path& path) {
    auto f = format_from_extension(path);
    return f.has_value();
}

namespace {

bool hidden(const fs::path& p) {
    auto name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

// Walks `base` (which must be a directory) and returns every update file below it, as
// `shown / relative path`, sorted bytewise by that relative path.
std::vector<fs::path> walk(const fs::path& base, const fs::path& shown) {
    std::vector<std::pair<std::string, fs::path>> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(base, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        const fs::path& p = it->path();
        if (hidden(p)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec) || !is_update_file_name(p)) continue;
        fs::path rel = p.lexically_relative(base);
        found.emplace_back(rel.generic_string(), shown / rel);
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<fs::path> out;
    out.reserve(found.size());
    for (auto& f : found) out.push_back(std::move(f.second));
    return out;
}

std::vector<std::string_view> split(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        auto slash = s.find('/', start);
        std::string_view part =
            s.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (!part.empty() && part != ".") out.push_back(part);
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return out;
}

// One component against one pattern component, by fnmatch(3) in a UTF-8 locale, so that `?`
// and a class such as `[đd]` take whole characters (the C locale would compare bytes). No
// backslash escapes: every other character matches itself (updates.hpp, glob_match).
bool component_match(std::string_view p, std::string_view s) {
    static const locale_t utf8 = ::newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(nullptr));
    std::string pattern(p), name(s);
    locale_t previous = utf8 ? ::uselocale(utf8) : static_cast<locale_t>(nullptr);
    int rc = ::fnmatch(pattern.c_str(), name.c_str(), FNM_NOESCAPE);
    if (previous) ::uselocale(previous);
    return rc == 0;
}

bool components_match(const std::vector<std::string_view>& p, std::size_t i, const std::vector<std::string_view>& s,
                      std::size_t j) {
    if (i == p.size()) return j == s.size();
    if (p[i] == "**") {
        for (std::size_t k = j; k <= s.size(); ++k)
            if (components_match(p, i + 1, s, k)) return true;
        return false;
    }
    if (j == s.size() || !component_match(p[i], s[j])) return false;
    return components_match(p, i + 1, s, j + 1);
}

bool has_wildcard(std::string_view s) {
    return s.find_first_of("*?[") != std::string_view::npos;
}

}  // namespace

std::vector<fs::path> update_files_under(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return {};
    return walk(dir, dir);
}

bool glob_match(std::string_view pattern, std::string_view path) {
    return components_match(split(pattern), 0, split(path), 0);
}

std::vector<fs::path> expand_update_sources(const Plan& plan, Diagnostics& out) {
    std::vector<fs::path> files;
    fs::path dir = fs::path(plan.file).parent_path();
    for (const auto& entry : plan.update_sources) {
        if (entry.empty()) continue;
        if (!has_wildcard(entry)) {
            fs::path p = dir / entry;
            std::error_code ec;
            if (fs::is_directory(p, ec)) {
                auto under = update_files_under(p);
                files.insert(files.end(), under.begin(), under.end());
            } else if (fs::exists(p, ec)) {
                files.push_back(p);
            } else {
                out.error(plan.update_sources_location, "io-error",
                          trf("the update source `{}` does not exist ({})", entry, p.string()),
                          tr("paths in `updates` are relative to the plan file's directory"));
            }
            continue;
        }
        // Walk from the longest leading part without wildcards, match the rest.
        auto parts = split(entry);
        fs::path fixed;
        std::size_t k = 0;
        for (; k + 1 < parts.size() && !has_wildcard(parts[k]); ++k) fixed /= std::string(parts[k]);
        fs::path shown = dir / fixed;  // relative when plan.file is
        fs::path actual = shown.empty() ? fs::path(".") : shown;
        std::error_code ec;
        if (!fs::is_directory(actual, ec)) continue;
        for (const auto& f : walk(actual, shown)) {
            fs::path below = shown.empty() ? f : f.lexically_relative(shown);
            std::string rel = (fixed / below).generic_string();
            if (glob_match(entry, rel)) files.push_back(f);
        }
    }
    return files;
}

void merge_updates(Plan& plan, std::vector<UpdateFile> files, Diagnostics& out) {
    if (files.empty()) return;  // nothing to merge: no task index to build
    std::unordered_map<std::string, std::size_t> task_index;
    task_index.reserve(plan.tasks.size());
    for (std::size_t i = 0; i < plan.tasks.size(); ++i) task_index.emplace(plan.tasks[i].id, i);  // first wins
    std::map<std::size_t, SourceLocation> due_set_at;  // task -> where its due date was last set
    for (auto& f : files) {
        // Who reports: `reported_by` (the entry's, else the file's), else the file's name when
        // it is an owner id (`updates/2024-10/phong-kinh-te.yaml`); else nobody, which
        // validate_plan() reports as `update-no-reporter` — never the task's lead.
        std::string stem = fs::path(f.file).stem().string();
        bool stem_is_owner = plan.find_owner(stem) != nullptr;
        for (auto& e : f.updates) {
            if (e.update.reported_by.empty() && stem_is_owner) e.update.reported_by = stem;
            auto it = task_index.find(e.task);
            if (it == task_index.end()) {
                plan.unmatched_updates.push_back(std::move(e));
                continue;
            }
            plan.tasks[it->second].updates.push_back(std::move(e.update));
        }
        for (const auto& d : f.deadlines) {
            auto it = task_index.find(d.task);
            if (it == task_index.end()) {
                out.error(d.location, "unknown-task", trf("deadline for `{}`, which is not a task of the plan", d.task),
                          tr("check the task id against `pgi tasks`"));
                continue;
            }
            Task& t = plan.tasks[it->second];
            if (t.due && !(*t.due == d.due)) {
                auto prev = due_set_at.count(it->second) ? due_set_at[it->second] : t.location;
                out.add({Severity::warning,
                         d.location,
                         "due-overridden",
                         trf("task `{}`: the due date {} replaces {}", t.id, format_partial_date(d.due),
                             format_partial_date(*t.due)),
                         tr("keep one deadline per task, or remove the older one"),
                         {prev}});
            }
            t.due = d.due;
            due_set_at[it->second] = d.location;
        }
        for (auto& r : f.reports) plan.meta.reports.push_back(std::move(r));
        plan.update_files.push_back(f.file);
    }
}

Result<LoadResult> load_plan_with_updates(const PlanSources& sources, InputFormat plan_format) {
    Result<LoadResult> loaded_plan =
        sources.plan_text
            ? Result<LoadResult>(load_plan_text(
                  *sources.plan_text, sources.plan.string(),
                  plan_format == InputFormat::automatic ? guess_input_format(*sources.plan_text) : plan_format))
            : load_plan_file(sources.plan, plan_format);
    if (!loaded_plan) return loaded_plan;
    LoadResult result = std::move(*loaded_plan);
    if (!result.plan) return result;
    Plan& plan = *result.plan;

    std::vector<fs::path> paths;
    if (sources.plan_directory) {
        auto under = update_files_under(sources.plan.parent_path().empty() ? fs::path(".") / "updates"
                                                                           : sources.plan.parent_path() / "updates");
        paths.insert(paths.end(), under.begin(), under.end());
    }
    auto own = expand_update_sources(plan, result.diagnostics);
    paths.insert(paths.end(), own.begin(), own.end());
    for (const auto& p : sources.updates) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            auto under = update_files_under(p);
            paths.insert(paths.end(), under.begin(), under.end());
        } else {
            paths.push_back(p);
        }
    }

    for (const auto& [p, text] : sources.overrides) paths.push_back(p);  // once, below, when already listed

    std::set<std::string> seen;
    {
        std::error_code ec;
        seen.insert(fs::weakly_canonical(sources.plan, ec).string());
    }
    std::vector<fs::path> unique;
    for (const auto& p : paths) {
        std::error_code ec;
        auto canon = fs::weakly_canonical(p, ec);
        if (seen.insert(ec ? p.lexically_normal().string() : canon.string()).second) unique.push_back(p);
    }
    // Update files are independent: parse them on every core (parsing is most of the time),
    // then merge in the fixed order above, so the result does not depend on scheduling.
    std::vector<Result<UpdateLoadResult>> loaded(unique.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < unique.size();) {
            const std::string* text = nullptr;
            std::error_code ec;
            for (const auto& [p, t] : sources.overrides)
                if (p == unique[i] || fs::weakly_canonical(p, ec) == fs::weakly_canonical(unique[i], ec)) text = &t;
            if (text)
                loaded[i] = load_update_text(*text, unique[i].string(),
                                             format_from_extension(unique[i]).value_or(InputFormat::yaml));
            else
                loaded[i] = load_update_file(unique[i]);
        }
    };
    std::size_t workers =
        std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 16, unique.size() / 4 + 1});
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w) {
        try {
            pool.emplace_back(work);
        } catch (const std::system_error&) {  // no more threads: this one does the rest
            break;
        }
    }
    work();
    for (auto& t : pool) t.join();

    std::vector<UpdateFile> files;
    files.reserve(loaded.size());
    for (auto& u : loaded) {
        if (!u) return tl::unexpected(std::move(u.error()));  // the first unreadable file, in merge order
        result.diagnostics.append(u->diagnostics);
        if (u->updates) files.push_back(std::move(*u->updates));
    }
    merge_updates(plan, std::move(files), result.diagnostics);
    result.diagnostics.sort();
    return result;
}

}  // namespace pgi
