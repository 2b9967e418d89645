// Internal: the pieces of `pgi rank`'s output that the text renderer (rank_render.cpp) and the
// office formats (rank_office.cpp: .docx, .xlsx) share, so they cannot say different things.
// Every word comes from the label catalogue (labels.def).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pgi/labels.hpp"
#include "pgi/rank.hpp"
#include "pgi/table.hpp"

namespace pgi::detail {

/// "Bảng điểm PGI 2024: <where>; công bố tháng 5/2025[; bảng không đầy đủ: 8 trên 63 tỉnh có
/// tổng điểm]": where and when the table's figures were published, and how much of it there
/// is. Where: the table's source, else the province's row source, else the file name. Dates
/// as format_partial_date(d, l) writes them ("tháng 5/2025", "2025-05").
std::string rank_table_line(const RankReport& r, Language l);

/// The summary as (label, value) pairs: total (published or derived), rank, regional rank,
/// the Nth province's total and the points needed.
std::vector<std::pair<std::string, std::string>> rank_summary(const RankReport& r, Language l, bool comma);

/// Per component: score, national place, median, best, gap to the median, top-N average and gap.
Table rank_component_table(const RankReport& r, Language l, bool comma);

/// One row per table year: total, its basis, rank, the Nth province's total, points needed,
/// the table's publication date.
Table rank_trend_table(const RankReport& r, Language l, bool comma);

/// A rank target's name ("trong nhóm 30 tỉnh dẫn đầu"), its verdict word ("chưa đạt"), and
/// why it cannot be evaluated (empty when it can).
std::string rank_target_label(const Target& t, Language l);
std::string rank_verdict_text(const RankTargetResult& r, Language l);
std::string rank_reason_text(const RankTargetResult& r, Language l);

/// One line per rank target (rank_target_line()).
std::vector<std::string> rank_target_lines(const std::vector<RankTargetResult>& ts, Language l, bool comma);

/// The what-if lines: each changed component before → after, the total, the rank, the targets.
std::vector<std::string> rank_what_if_lines(const RankReport& r, Language l, bool comma);

}  // namespace pgi::detail
