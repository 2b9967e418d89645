// `pgi rank` as an administrative document (.docx, docx.hpp) and as a workbook (.xlsx,
// xlsx.hpp), and the rank blocks that the report and gap documents and workbooks add after
// their scores table. Pure: data in, document or workbook model out. Every word comes from the
// label catalogue (labels.def), the same texts as the terminal and Markdown output
// (rank_render.cpp), so the formats cannot disagree.
#pragma once

#include <vector>

#include "pgi/docx.hpp"
#include "pgi/gap.hpp"
#include "pgi/rank.hpp"
#include "pgi/report_docx.hpp"
#include "pgi/xlsx.hpp"

namespace pgi {

/// The rank report as a document: the header block and signer of `settings` (as for the
/// report), `BÁO CÁO` with the subject "Vị trí của tỉnh <province> trong bảng xếp hạng chỉ số
/// xanh cấp tỉnh (PGI) năm <year>"; an opening paragraph saying where and when the table's
/// figures were published (and that it is partial, when it is); numbered sections: the
/// summary (total and its basis, rank, regional rank, the Nth province and the points
/// needed), the components against the country, the rank targets (met / not met / cannot be
/// evaluated and why), the trend over the years, the what-if; and the note on implied ranks.
/// `date` is the document's date (`<place>, ngày … tháng … năm …`). Scores with the decimal
/// comma when `options.decimal_comma`.
OfficialDocument rank_document(const RankReport& report, const ReportSettings& settings, const Date& date,
                               const DocumentOptions& options);

/// Sheets: the summary (label and value, then the rank targets and the what-if lines), the
/// components (scores, places, medians, best, gaps as numbers) and the trend (one row per table
/// year: total, basis, rank, the Nth province's total, points needed, publication date).
Workbook rank_workbook(const RankReport& report, Language language);

/// The rank blocks of a gap report for a document: one paragraph "- <rank line>" when the
/// province's placing is known from a table (rank_line()), then one "- <target line>" per
/// rank target (rank_target_line()). Empty when there is neither.
std::vector<DocBlock> gap_rank_blocks(const GapReport& gap, const DocumentOptions& options);

/// The same as a sheet "Xếp hạng" / "Rank" for the report and gap workbooks: the rank line,
/// then one row per rank target with its verdict, the rank needed, the Nth province's total
/// and the points needed as numbers. std::nullopt when there is neither a placing nor a
/// rank target.
std::optional<XlsxSheet> gap_rank_sheet(const GapReport& gap, Language language);

}  // namespace pgi
