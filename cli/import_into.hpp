// `pgi import --into PLAN` (stable task ids across amendments, lib's amend.hpp) and the
// warning of a plain re-import over a plan whose update files name its tasks. Kept apart
// from cmd_import.cpp, which calls these two functions.
#pragma once

#include <optional>
#include <string>

#include "pgi/error.hpp"
#include "pgi/model.hpp"
#include "pgi/write.hpp"

namespace pgi::cli {

struct ImportIntoOptions {
    std::string input;   ///< the document's name, for messages and the header comment
    std::string into;    ///< the existing plan: a plan file or a plan directory
    std::string output;  ///< where to write; empty: the existing plan file itself
    std::optional<PlanFormat> format;
    bool allow_orphans = false;
    bool quiet = false;
};

/// Matches `imported` (just made from the document) to the plan `o.into` (its update files:
/// the `updates/` tree beside it and its own `updates:` list), prints what became of each
/// task to stderr, and writes the amended plan atomically. Refuses (exit 1, nothing written)
/// when a task with updates would be removed or moved, unless `o.allow_orphans`.
Result<int> run_import_into(const ImportIntoOptions& o, Plan imported);

/// Before `pgi import -o FILE --force` replaces an existing plan: when update files beside it
/// name tasks whose text the new import gives to another task (ids by position), says so on
/// stderr and suggests --into. Silent when FILE is not a plan or nothing is at risk.
void warn_reimport_risk(const std::string& output, const Plan& imported);

}  // namespace pgi::cli
