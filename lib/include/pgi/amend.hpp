// Stable task ids across amendments (`pgi import NEW.txt --into PLAN`, docs/import.md,
// "Amended documents"): the tasks of a re-imported document are matched to the existing
// plan's by text, so that they keep their ids and the update files that name those ids keep
// pointing at the same tasks.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "pgi/model.hpp"

namespace pgi {

struct AmendOptions {
    /// Least text_similarity() (percent, similarity.hpp) for a task of the document to be the
    /// same as an existing task of the same component and lead owner.
    int threshold = 50;
    /// Least similarity for a task that changed component or lead owner to be the same task
    /// (a move): higher, since nothing else ties the two.
    int move_threshold = 80;
};

/// What became of one task.
struct AmendedTask {
    enum class Kind {
        kept,     ///< matched, the same text
        changed,  ///< matched within its component and lead owner, another text (or deadline, cooperating owners)
        moved,    ///< matched, to another component or lead owner: its updates now count there
        added,    ///< a task of the document that matches none: a new id
        removed,  ///< an existing task that matches none: its updates (if any) would name no task
    };
    Kind kind = Kind::kept;
    std::string id;           ///< its id in the amended plan; for `removed`, in the existing plan
    std::string document_id;  ///< the id the import gave it by position (empty for `removed`)
    std::string old_text, new_text;
    int similarity = 0;       ///< percent, for matched tasks
    std::size_t updates = 0;  ///< progress updates the existing plan has for it (update files included)
    bool operator==(const AmendedTask&) const = default;
};

struct AmendResult {
    Plan plan;                       ///< the document's plan with stable ids
    std::vector<AmendedTask> tasks;  ///< in the amended plan's order, then the removed tasks
    /// Tasks with updates that would be removed or moved: `pgi import --into` refuses to write
    /// unless told (`--allow-orphans`).
    std::vector<const AmendedTask*> orphans() const;
};

/// Gives the tasks of `imported` (a plan just made from the amended document, ids by
/// position) the ids of the matching tasks of `existing` (the plan file as it is, without
/// its update files). `updates_by_task`: task id → number of updates naming it, from the plan
/// and its update files (ids that name no task count too: they are never given to a new task).
/// Rules (docs/import.md):
/// - matching is by text similarity within the same component and lead owner (at least
///   `threshold`), then, among the tasks left, across components and owners (at least
///   `move_threshold`); most similar first (match_by_similarity);
/// - a matched task keeps the existing id, and the existing `status`, `note` (unless the
///   document has one) and the plan's own `updates`; text, owners, deadline and source come
///   from the document;
/// - a new task gets the id the import gave it, unless the existing plan or an update
///   uses that id: then the first free of `ID-2`, `ID-3` … (an id is never reused);
/// - what documents do not hold is carried over from `existing`: observations, report
///   settings, the `updates:` list, the time zone, English names of components and owners
///   (by id), and owners the document no longer names.
AmendResult amend_plan(const Plan& existing, Plan imported, const std::map<std::string, std::size_t>& updates_by_task,
                       const AmendOptions& options = {});

}  // namespace pgi
