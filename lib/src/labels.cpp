// The label catalogue (pgi/labels.hpp): the texts of pgi/labels.def as an array indexed by
// Label, with compile-time checks that both languages take the same placeholders.
#include "pgi/labels.hpp"

#include <array>
#include <cstddef>

#include "pgi/import.hpp"

namespace pgi {

namespace {

struct Forms {
    const char* vi_one;
    const char* vi_other;
    const char* en_one;
    const char* en_other;
};

// Placeholders in a format string: "{}" and "{N}", not the escaped "{{".
constexpr int placeholders(const char* s) {
    int n = 0;
    for (std::size_t i = 0; s[i] != '\0'; ++i) {
        if (s[i] != '{') continue;
        if (s[i + 1] == '{') {
            ++i;
            continue;
        }
        ++n;
    }
    return n;
}

constexpr bool same_placeholders(const Forms& f) {
    int n = placeholders(f.vi_one);
    return placeholders(f.vi_other) == n && placeholders(f.en_one) == n && placeholders(f.en_other) == n;
}

#define PGI_LABEL(key, vi, en) Forms{vi, vi, en, en},
#define PGI_PLURAL(key, vi_one, vi_other, en_one, en_other) Forms{vi_one, vi_other, en_one, en_other},
constexpr Forms forms[] = {
#include "pgi/labels.def"
};
#undef PGI_LABEL
#undef PGI_PLURAL

// One check per label, so that the compiler names the label whose translations differ.
#define PGI_LABEL(key, vi, en)                                                    \
    static_assert(same_placeholders(forms[static_cast<std::size_t>(Label::key)]), \
                  "labels.def: " #key " has different placeholders in vi and en");
#define PGI_PLURAL(key, vi_one, vi_other, en_one, en_other) PGI_LABEL(key, vi_one, en_one)
#include "pgi/labels.def"
#undef PGI_LABEL
#undef PGI_PLURAL

const Forms& forms_of(Label key) {
    return forms[static_cast<std::size_t>(key)];
}

}  // namespace

std::string_view label(Label key, Language language) {
    const Forms& f = forms_of(key);
    return language == Language::en ? f.en_other : f.vi_other;
}

std::string_view plural_form(Label key, Language language, long n) {
    const Forms& f = forms_of(key);
    if (language == Language::en) return n == 1 ? f.en_one : f.en_other;
    return f.vi_other;
}

std::string_view status_label(TaskStatus status, Language language) {
    switch (status) {
        case TaskStatus::not_started:
            return label(Label::status_not_started, language);
        case TaskStatus::in_progress:
            return label(Label::status_in_progress, language);
        case TaskStatus::done:
            return label(Label::status_done, language);
        case TaskStatus::blocked:
            return label(Label::status_blocked, language);
        case TaskStatus::cancelled:
            return label(Label::status_cancelled, language);
    }
    return label(Label::status_not_started, language);
}

std::string_view month_label(int month, Language language) {
    static constexpr Label months[] = {Label::month_1, Label::month_2,  Label::month_3,  Label::month_4,
                                       Label::month_5, Label::month_6,  Label::month_7,  Label::month_8,
                                       Label::month_9, Label::month_10, Label::month_11, Label::month_12};
    if (month < 1 || month > 12) return {};
    return label(months[month - 1], language);
}

std::string display_name(const std::string& name, const std::string& name_en, Language language,
                         const std::string& fallback) {
    if (language == Language::en && !name_en.empty()) return name_en;
    return name.empty() ? fallback : name;
}

std::optional<std::string> reference_component_name(std::string_view id, Language language) {
    for (const auto& c : recognise::reference_components())
        if (c.id == id) return language == Language::en && !c.name_en.empty() ? c.name_en : c.name;
    return std::nullopt;
}

}  // namespace pgi
