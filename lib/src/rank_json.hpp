// Internal: the JSON shapes of rank placings and rank targets, shared by `pgi rank` and the
// gap table's JSON (so both spell them the same way).
#pragma once

#include <nlohmann/json.hpp>

#include "pgi/rank.hpp"

namespace pgi::detail {

/// {"total", "total_basis": "published"|"sum_of_components", "rank", "rank_basis":
/// "published"|"implied"|"none", "rank_best", "rank_worst", "tied_with", "of"}
nlohmann::ordered_json placing_json(const Placing& p);

/// {"year", "kind", "n", ["region"], "verdict": "met"|"not_met"|"cannot_evaluate", "reason",
/// "placing", "needed_rank", "previous_rank", "threshold", "points_needed"}
nlohmann::ordered_json rank_target_json(const RankTargetResult& t);

}  // namespace pgi::detail
