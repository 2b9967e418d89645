// pgi import DOC --into PLAN: stable task ids across amendments (import_into.hpp; docs/import.md).
#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <iostream>
#include <map>

#include "app.hpp"
#include "common.hpp"
#include "import_into.hpp"
#include "pgi/amend.hpp"
#include "pgi/i18n.hpp"
#include "pgi/io.hpp"
#include "pgi/text.hpp"

namespace pgi::cli {

namespace fs = std::filesystem;

namespace {

struct Existing {
    fs::path file;
    Plan plain;                                 ///< the plan file alone
    std::map<std::string, std::size_t> counts;  ///< task id -> updates naming it
    std::map<std::string, std::string> texts;   ///< task id -> text
};

Result<Existing> load_existing(const fs::path& plan_or_dir) {
    Existing e;
    std::error_code ec;
    if (fs::is_directory(plan_or_dir, ec)) {
        auto f = plan_in_directory(plan_or_dir);
        if (!f)
            return fail(ErrorCode::usage,
                        trf("`{}` holds no plan.yaml, plan.toml, pgi.yaml or pgi.toml", plan_or_dir.string()));
        e.file = *f;
    } else {
        e.file = plan_or_dir;
    }
    auto plain = load_plan_file(e.file);
    if (!plain) return tl::unexpected(plain.error());
    if (!plain->plan || plain->diagnostics.has_errors()) {
        print_diagnostics(plain->diagnostics);
        return fail(ErrorCode::invalid_input,
                    trf("the existing plan {} does not load (errors above)", e.file.string()));
    }
    e.plain = *plain->plan;
    // with its update files: the updates/ tree beside the plan file, and its own `updates:` list
    PlanSources sources;
    sources.plan = e.file;
    sources.plan_directory = true;
    auto merged = load_plan_with_updates(sources);
    if (!merged) return tl::unexpected(merged.error());
    if (merged->plan) {
        for (const auto& t : merged->plan->tasks) {
            e.texts[t.id] = t.text;
            if (!t.updates.empty()) e.counts[t.id] += t.updates.size();
        }
        for (const auto& u : merged->plan->unmatched_updates) ++e.counts[u.task];
    }
    return e;
}

std::string shorten(const std::string& text) {
    // the first 60 code points, for one line of the report
    std::size_t i = 0, n = 0;
    while (i < text.size() && n < 60) {
        auto c = decode_utf8(text, i);
        i += c.size ? c.size : 1;
        ++n;
    }
    return i < text.size() ? text.substr(0, i) + "…" : text;
}

const char* kind_name(AmendedTask::Kind k) {
    switch (k) {
        case AmendedTask::Kind::kept:
            return tr("kept");
        case AmendedTask::Kind::changed:
            return tr("changed");
        case AmendedTask::Kind::moved:
            return tr("moved");
        case AmendedTask::Kind::added:
            return tr("added");
        case AmendedTask::Kind::removed:
            break;
    }
    return tr("removed");
}

}  // namespace

Result<int> run_import_into(const ImportIntoOptions& o, Plan imported) {
    auto existing = load_existing(o.into);
    if (!existing) return tl::unexpected(existing.error());
    fs::path out = o.output.empty() ? existing->file : fs::path(o.output);
    auto format = o.format ? o.format : plan_format_for(out);
    if (!format)
        return fail(ErrorCode::usage, trf("cannot tell the output format from the name `{}`", out.string()),
                    tr("name the output .yaml, .yml or .toml, or pass --format yaml|toml"));
    AmendResult r = amend_plan(existing->plain, std::move(imported), existing->counts);

    std::array<std::size_t, 5> counts{};
    for (const auto& t : r.tasks) ++counts[static_cast<std::size_t>(t.kind)];
    for (const auto& t : r.tasks) {
        if (t.kind == AmendedTask::Kind::kept) continue;
        std::string line = fmt::format("  {} {}", kind_name(t.kind), t.id);
        if (t.kind == AmendedTask::Kind::added)
            line += trf(" (position {}): {}", t.document_id, shorten(t.new_text));
        else if (t.kind == AmendedTask::Kind::removed)
            line += ": " + shorten(t.old_text);
        else
            // xgettext:no-c-format
            line += trf(" ({}% alike, position {}): {}", t.similarity, t.document_id, shorten(t.new_text));
        if (t.updates) line += trnf(" [{} update]", " [{} updates]", t.updates, t.updates);
        if (!o.quiet || t.updates) std::cerr << line << "\n";
    }
    std::cerr << trf("pgi: import --into {}: {} tasks kept, {} changed, {} moved, {} added, {} removed\n",
                     existing->file.string(), counts[0], counts[1], counts[2], counts[3], counts[4]);
    auto orphans = r.orphans();
    if (!orphans.empty() && !o.allow_orphans) {
        for (const AmendedTask* t : orphans)
            print_error_line(
                t->kind == AmendedTask::Kind::removed
                    ? trnf("task `{1}` has {0} update and would be removed",
                           "task `{1}` has {0} updates and would be removed", t->updates, t->updates, t->id)
                    : trnf("task `{1}` has {0} update and would be moved to another component or lead owner",
                           "task `{1}` has {0} updates and would be moved to another component or lead "
                           "owner",
                           t->updates, t->updates, t->id));
        std::cerr << "  " << tr("hint") << ": "
                  << tr("nothing written; check the document, or pass --allow-orphans to write anyway "
                        "(pgi validate then reports the updates that name no task)")
                  << "\n";
        return exit_findings;
    }
    WriteOptions wo;
    wo.header_comment = {
        fmt::format("Imported by `pgi import --into` from {}; task ids kept from {}.", o.input,
                    existing->file.string()),
        "Review it against the document; English names and observations are carried over from the plan.",
        "`# line N` after a task id is the line of the input the task comes from.",
    };
    wo.task_line_comments = true;
    std::string text = write_plan(r.plan, *format, wo);
    if (o.output == "-") {
        std::cout << text << std::flush;
        return exit_ok;
    }
    auto written = write_file_atomic(out, text);
    if (!written) return fail(ErrorCode::io, trf("cannot write {}: {}", out.string(), written.error().message));
    return exit_ok;
}

void warn_reimport_risk(const std::string& output, const Plan& imported) {
    std::error_code ec;
    if (!fs::is_regular_file(output, ec)) return;
    auto existing = load_existing(output);
    if (!existing) return;
    std::vector<std::string> at_risk;
    for (const auto& [id, n] : existing->counts) {
        const Task* t = imported.find_task(id);
        auto old_text = existing->texts.find(id);
        if (old_text == existing->texts.end()) continue;  // already naming no task
        if (!t || t->text != old_text->second) at_risk.push_back(id);
    }
    if (at_risk.empty()) return;
    std::string ids;
    for (const auto& id : at_risk) ids += (ids.empty() ? "" : ", ") + id;
    std::cerr << "pgi: " << tr("warning") << ": "
              << trnf(
                     "{1}: update files name {0} task ({2}) that this import gives another text or drops (ids are "
                     "given by position)",
                     "{1}: update files name {0} tasks ({2}) that this import gives another text or drops (ids are "
                     "given by position)",
                     at_risk.size(), at_risk.size(), output, ids)
              << "\n  " << tr("hint") << ": "
              << trf("pgi import DOCUMENT --into {} keeps the ids of tasks that match by text", output) << "\n";
}

}  // namespace pgi::cli
