// The label catalogue: every word a renderer (gap, report, tasks, and the office formats)
// shows a reader, keyed and in both output languages. The texts live in pgi/labels.def, one
// line per label; a label is used as `label(Label::col_target, language)`, so a renamed or
// missing label is a compile error, and two swapped lines in labels.def change nothing.
#pragma once

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>

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

/// "Chưa thực hiện" / "Not started" …: the label of a task status.
std::string_view status_label(TaskStatus status, Language language);

/// The month's name (`month` 1–12): "October"; in Vietnamese "tháng 10". "" out of range.
std::string_view month_label(int month, Language language);

/// A name as a reader of `language` sees it: `name_en` in English when there is one, else
/// `name` (the plan's language), else `fallback` (an id). For components and owners alike.
std::string display_name(const std::string& name, const std::string& name_en, Language language,
                         const std::string& fallback = {});

/// The name of a PGI component from the shipped reference data (data/pgi-components.yaml,
/// embedded at build time): its short Vietnamese name or VCCI's English name, by `id`
/// (`pollution`, `compliance`, `green-practices`, `incentives`). std::nullopt for an
/// unknown id. For output that names components without a plan (national tables).
std::optional<std::string> reference_component_name(std::string_view id, Language language);

}  // namespace pgi
