// Semantic checks of a loaded plan: the rules that need more than one field.
#pragma once

#include "pgi/diagnostic.hpp"
#include "pgi/model.hpp"

namespace pgi {

/// Checks `plan` and appends findings to `out` (unsorted). Rules and codes:
/// - `duplicate-id`: two components, owners or tasks share an id (both locations), or two
///   components share a `number`;
/// - `unknown-reference`: a task's component, lead or cooperating owner, a group's member,
///   the focal agency, a report's `from`/`to`, an observation's component, or an update's
///   `reported_by` names no such entry (with a did-you-mean hint);
/// - `score-out-of-range`: a baseline, score target or observed score outside the
///   component's scale (0–10 points unless `scale` says otherwise), a total outside the sum
///   of the scales, or a scale with min >= max;
/// - `target-mismatch`: a score target's stated `increase` differs from target − baseline,
///   or a stated total score target differs from the sum of the component targets for that
///   year — compared exactly in hundredths (docs/domain.md: 6.58 = 4.84 + 1.74);
/// - `duplicate-target`: two targets of one kind for the same year;
/// - warning `target-before-baseline`: a target year not after the baseline year;
/// - warning `total-mismatch`: an observation's published total differs from the sum of its
///   component scores by more than 0.01 (VCCI rounds each score on its own, so ±0.01 is
///   normal);
/// - `invalid-value`: a period whose end is before its start;
/// - `unknown-task`: an update (from an update file) for a task id the plan does not have;
/// - `update-not-owner`: an update whose `reported_by` is a known owner that is neither the
///   task's lead nor a cooperating owner, nor a member of a group that is (tracking.hpp,
///   OwnerIndex::task_owners), with the task's location;
/// - `conflicting-updates`: one task with two different statuses on the same date (for a
///   recurring task: about the same period), with both locations. Update rules:
///   docs/tracking.md.
void validate_plan(const Plan& plan, Diagnostics& out);

/// Loads nothing; convenience for callers that hold a LoadResult: runs validate_plan() when
/// a plan is present and sorts the diagnostics.
struct LoadResult;
void validate_loaded(LoadResult& loaded);

}  // namespace pgi
