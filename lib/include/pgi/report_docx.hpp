// The periodic report (report.hpp) and the gap table (gap.hpp) as administrative documents
// (docx.hpp): what goes on the page, with the office's settings (model.hpp ReportSettings)
// and their defaults. Pure: data in, document model out.
#pragma once

#include "pgi/docx.hpp"
#include "pgi/gap.hpp"
#include "pgi/report.hpp"

namespace pgi {

/// The plan's `report_settings:` with every empty field filled from the plan
/// (docs/plan-format.md, "report_settings"):
/// - issuing_body: the focal agency's name, else the plan's issuer;
/// - parent_body: the plan's issuer when it is not the issuing body itself, else empty;
/// - number: `…/BC-` and the initials of the issuing body's name after its first word
///   (`Phòng Tài nguyên và Môi trường` → `…/BC-TNMT`; `và` is skipped);
/// - place: the plan's `place` without a leading `TP.`, `Thành phố`, `Tỉnh`, `Huyện`, `Thị xã`
///   (`TP. Lạng Sơn` → `Lạng Sơn`, the place name Phụ lục I, Phần I, mục III.4 asks for);
/// - recipients: the plan's issuer `(báo cáo)` and `Lưu: VT`;
/// - signer title: `TRƯỞNG PHÒNG` for a `Phòng …`, `GIÁM ĐỐC` for a `Sở …` or `Trung tâm …`,
///   `TRƯỞNG BAN` for a `Ban …`, `CHỦ TỊCH` (authority `TM. ỦY BAN NHÂN DÂN`) for an `UBND …`,
///   else `THỦ TRƯỞNG CƠ QUAN`; the name stays empty unless set.
ReportSettings report_settings_with_defaults(const Plan& plan);

/// Fills the parts of `d` that come from the office's settings: parent and issuing body,
/// number, `<place>, ngày … tháng … năm …` for `date`, recipients (each ending with `;`, the
/// last with `.`: Phụ lục I, Phần I, mục III.9) and the signer.
void fill_office_header(OfficialDocument& d, const ReportSettings& settings, const Date& date);

struct DocumentOptions {
    Language language = Language::vi;  ///< table labels; the header block is always Vietnamese
    bool decimal_comma = true;         ///< 6,58 (the Vietnamese convention)
    bool appendix = true;              ///< the sources (file paths, git revisions) on a last page
};

/// The report as a document: header block; `BÁO CÁO` and the subject "Kết quả thực hiện kế
/// hoạch cải thiện chỉ số PGI <period>"; an opening paragraph citing the plan; numbered
/// sections for `settings.sections` (default: scores, components, owners, changes,
/// deadlines, not_reported) each with a bordered table or "Không có."; recipients and the
/// signer; with `options.appendix` and `sources` among the sections, the sources on an
/// appendix page. No task or owner ids in the body: tasks are named by their reference in
/// the plan (`II.1.a.3`) and their text, owners by name. Scores with two decimals (decimal
/// comma by default), dates dd/mm/yyyy, counts and scores right-aligned.
OfficialDocument report_document(const PeriodicReport& report, const Plan& plan, const ReportSettings& settings,
                                 const DocumentOptions& options);

/// The gap table as a document (`pgi gap --format docx`): the same header block and signer,
/// subject "Khoảng cách tới mục tiêu chỉ số PGI năm <target year>", the scores table and
/// the task counts by component.
OfficialDocument gap_document(const GapReport& gap, const ReportSettings& settings, const DocumentOptions& options);

}  // namespace pgi
