// The label catalogue (pgi/labels.hpp): the texts of pgi/labels.def as an array indexed by
// Label, with compile-time checks that both languages take the same placeholders.
#include "pgi/labels.hpp"

#include <yaml-cpp/yaml.h>

#include <array>
#include <cstddef>

#include "pgi/import.hpp"

namespace pgi {

namespace detail {
extern const char* const embedded_task_labels_yaml;  // task_labels_data.cpp (generated)
}

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

namespace {

// One status or role of data/task-labels.yaml.
struct TaskWord {
    std::string id;
    std::string vi;
    std::string en;
    std::vector<std::string> words;  // vi, en, then the aliases
};

struct TaskWords {
    std::array<TaskWord, task_status_count> statuses;
    std::array<TaskWord, 2> roles;  // indexed by TaskRole
};

// Each entry is put at the place its id names, so the file's order cannot mislabel; an id
// the data lacks keeps its code as label (the unit tests check that none is missing).
const TaskWords& task_words() {
    static const TaskWords words = [] {
        TaskWords w;
        for (std::size_t i = 0; i < task_status_count; ++i) {
            auto s = static_cast<TaskStatus>(i);
            w.statuses[i] = {std::string(to_string(s)), std::string(to_string(s)), std::string(to_string(s)), {}};
        }
        w.roles[0] = {"lead", "lead", "lead", {}};
        w.roles[1] = {"cooperating", "cooperating", "cooperating", {}};
        auto read = [](const YAML::Node& n) {
            TaskWord t{n["id"].as<std::string>(), n["vi"].as<std::string>(), n["en"].as<std::string>(), {}};
            t.words = {t.vi, t.en};
            if (n["aliases"])
                for (const auto& a : n["aliases"]) t.words.push_back(a.as<std::string>());
            return t;
        };
        // The data ships with the library and is checked by the unit tests; a parse failure
        // would be a build defect, so it leaves the codes in place rather than throw.
        try {
            YAML::Node root = YAML::Load(detail::embedded_task_labels_yaml);
            for (const auto& n : root["statuses"]) {
                TaskWord t = read(n);
                if (auto s = parse_task_status(t.id)) w.statuses[static_cast<std::size_t>(*s)] = std::move(t);
            }
            for (const auto& n : root["roles"]) {
                TaskWord t = read(n);
                if (t.id == "lead") w.roles[0] = std::move(t);
                if (t.id == "cooperating") w.roles[1] = std::move(t);
            }
        } catch (const YAML::Exception&) {
        }
        return w;
    }();
    return words;
}

}  // namespace

std::string_view status_label(TaskStatus status, Language language) {
    const TaskWord& t = task_words().statuses[static_cast<std::size_t>(status)];
    return language == Language::en ? t.en : t.vi;
}

const std::vector<std::string>& status_words(TaskStatus status) {
    return task_words().statuses[static_cast<std::size_t>(status)].words;
}

std::string_view role_label(TaskRole role, Language language) {
    const TaskWord& t = task_words().roles[role == TaskRole::lead ? 0 : 1];
    return language == Language::en ? t.en : t.vi;
}

std::string_view month_label(int month, Language language) {
    static constexpr Label months[] = {Label::month_1, Label::month_2,  Label::month_3,  Label::month_4,
                                       Label::month_5, Label::month_6,  Label::month_7,  Label::month_8,
                                       Label::month_9, Label::month_10, Label::month_11, Label::month_12};
    if (month < 1 || month > 12) return {};
    return label(months[month - 1], language);
}

std::string format_date(const Date& d, Language language) {
    return format_label(Label::date_day, language, d.day, d.month, d.year);
}

std::string format_partial_date(const PartialDate& d, Language language) {
    if (d.day) return format_date(Date{d.year, d.month, d.day}, language);
    if (d.month) return format_label(Label::date_month, language, d.month, d.year);
    return std::to_string(d.year);
}

bool decimal_comma_for(DecimalMark mark, Language language) {
    switch (mark) {
        case DecimalMark::comma:
            return true;
        case DecimalMark::point:
            return false;
        case DecimalMark::by_language:
            break;
    }
    return language == Language::vi;
}

std::string achieved_cell(const std::string& percent, bool above_plan, Language language) {
    std::string cell = percent + "%";
    return above_plan ? format_label(Label::achieved_above_plan, language, cell) : cell;
}

std::string display_name(const std::string& name, const std::string& name_en, Language language,
                         const std::string& fallback) {
    if (language == Language::en && !name_en.empty()) return name_en;
    return name.empty() ? fallback : name;
}

ComponentNames component_names(const Component& component) {
    for (const auto& c : recognise::reference_components())
        if (c.id == component.id) return {c.name, c.name_en};
    return {component.name, component.name_en};
}

std::optional<std::string> reference_component_name(std::string_view id, Language language) {
    for (const auto& c : recognise::reference_components())
        if (c.id == id) return language == Language::en && !c.name_en.empty() ? c.name_en : c.name;
    return std::nullopt;
}

}  // namespace pgi
