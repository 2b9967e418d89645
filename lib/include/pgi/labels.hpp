// The label catalogue: every word a renderer (gap, report, tasks, and the office formats)
// shows a reader, keyed and in both output languages. The texts live in pgi/labels.def, one
// line per label; a label is used as `label(Label::col_target, language)`, so a renamed or
// missing label is a compile error, and two swapped lines in labels.def change nothing.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/model.hpp"

namespace pgi {

/// Output language for labels (`--lang vi|en`).
enum class Language { vi, en };

/// Every label of labels.def, by key.
enum class Label {
#define PGI_LABEL(key, vi, en) key,
#define PGI_PLURAL(key, vi_one, vi_other, en_one, en_other) key,
#include "pgi/labels.def"
#undef PGI_LABEL
#undef PGI_PLURAL
};

/// The text of a label in `language`, with its fmt placeholders unformatted. For a counted
/// label (PGI_PLURAL) this is the "other" form; use label_count() to format a count.
std::string_view label(Label key, Language language);

/// The form of a label for the count `n`: English uses the "one" form for n == 1 and the
/// "other" form otherwise; Vietnamese has no plural and uses its one form (labels.def keeps
/// two so that the API allows a language that has one).
std::string_view plural_form(Label key, Language language, long n);

/// fmt::format of the label with `args` ({} placeholders in order, or {0}, {1} … by position).
template <class... Args>
std::string format_label(Label key, Language language, const Args&... args) {
    return fmt::format(fmt::runtime(label(key, language)), args...);
}

/// A counted label: the plural form for `n`, formatted with `n` as argument {0} and then
/// `rest`. `label_count(Label::days_count, Language::en, 1)` is "1 day", with 2 "2 days".
template <class... Args>
std::string label_count(Label key, Language language, long n, const Args&... rest) {
    return fmt::format(fmt::runtime(plural_form(key, language, n)), n, rest...);
}

/// "Chưa thực hiện" / "Not started" …: the label of a task status, from the shipped data
/// (data/task-labels.yaml, embedded at build time; the one source of status words).
std::string_view status_label(TaskStatus status, Language language);

/// Every word a status is written with besides its id: its Vietnamese and English labels and
/// its aliases ("chưa triển khai"), from data/task-labels.yaml, for reading a status
/// (tracking.hpp, parse_status_label()).
const std::vector<std::string>& status_words(TaskStatus status);

/// The role an owner has in a task: lead (cơ quan chủ trì) or cooperating (cơ quan phối hợp).
enum class TaskRole { lead, cooperating };

/// "Chủ trì" / "Lead", "Phối hợp" / "Cooperating", from data/task-labels.yaml.
std::string_view role_label(TaskRole role, Language language);

/// The month's name (`month` 1–12): "October"; in Vietnamese "tháng 10". "" out of range.
std::string_view month_label(int month, Language language);

/// A date as a reader of `language` writes it (labels.def `date_day`): "29/11/2026" in
/// Vietnamese (day first, dd/mm/yyyy, the convention of Vietnamese administrative documents;
/// shared/domain.md "Conventions of the documents"), ISO 8601 "2026-11-29" in English. For
/// every table and text a person reads; CSV, JSON and plan files keep format_date() (ISO).
std::string format_date(const Date& d, Language language);

/// A date that may lack its day: a full date as format_date(d, language); a month as
/// "tháng 5/2025" / "2025-05" (labels.def `date_month`); a year alone as "2025".
std::string format_partial_date(const PartialDate& d, Language language);

/// Which decimal separator a score or percentage is written with in tables and text:
/// `by_language` (the default) is the comma for Vietnamese labels ("6,58 điểm", as Vietnamese
/// documents write scores, shared/domain.md) and the point for English; `comma` and `point`
/// are the user's choice (`--decimal-comma`, `--decimal-point`). Not for CSV, JSON or .xlsx
/// numbers, which stay machine-readable unless a CSV dialect asks for the comma.
enum class DecimalMark { by_language, comma, point };

/// True when scores are written with a decimal comma under `mark` for `language`.
bool decimal_comma_for(DecimalMark mark, Language language);

/// The cell of the progress column ("Mức tăng đạt được / kế hoạch", `col_achieved`): the
/// share of the planned increase reached, `percent` as format_percent() gives it ("41,1"),
/// with "%"; above 100% marked as beaten, "vượt (398,7%)" in Vietnamese, so that it cannot be
/// read as "398,7% of the target" (docs/reports.md, "The progress column").
std::string achieved_cell(const std::string& percent, bool above_plan, Language language);

/// A name as a reader of `language` sees it: `name_en` in English when there is one, else
/// `name` (the plan's language), else `fallback` (an id). For components and owners alike.
std::string display_name(const std::string& name, const std::string& name_en, Language language,
                         const std::string& fallback = {});

/// A plan component's names as every output shows them. For the four PGI components (the
/// ids of data/pgi-components.yaml: `pollution`, `compliance`, `green-practices`,
/// `incentives`) they come from that data only: the short Vietnamese name (`name`) and VCCI's
/// English name verbatim (`name_en`, "Minimizing the risk of climate hazards to firms" …),
/// whatever the plan writes (validate warns about a plan `name_en` that differs:
/// `component-name-en`). Any other component keeps the plan's `name` and `name_en`.
struct ComponentNames {
    std::string name;
    std::string name_en;
};
ComponentNames component_names(const Component& component);

/// The name of a PGI component from the shipped reference data (data/pgi-components.yaml,
/// embedded at build time): its short Vietnamese name or VCCI's English name, by `id`
/// (`pollution`, `compliance`, `green-practices`, `incentives`). std::nullopt for an
/// unknown id. For output that names components without a plan (national tables).
std::optional<std::string> reference_component_name(std::string_view id, Language language);

}  // namespace pgi
