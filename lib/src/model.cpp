#include "pgi/model.hpp"

#include <algorithm>

namespace pgi {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& v, std::string_view id) {
    auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
    return it == v.end() ? nullptr : &*it;
}

template <class E, std::size_t N>
std::optional<E> parse_enum(std::string_view s, const E (&values)[N]) {
    for (E v : values)
        if (s == to_string(v)) return v;
    return std::nullopt;
}
}  // namespace

const Component* Plan::find_component(std::string_view id) const { return find_by_id(components, id); }
const Owner* Plan::find_owner(std::string_view id) const { return find_by_id(owners, id); }
const Task* Plan::find_task(std::string_view id) const { return find_by_id(tasks, id); }

const char* to_string(Recurrence r) {
    switch (r) {
        case Recurrence::none: return "none";
        case Recurrence::continuous: return "continuous";
        case Recurrence::daily: return "daily";
        case Recurrence::weekly: return "weekly";
        case Recurrence::monthly: return "monthly";
        case Recurrence::quarterly: return "quarterly";
        case Recurrence::half_yearly: return "half_yearly";
        case Recurrence::yearly: return "yearly";
    }
    return "none";
}

const char* to_string(TargetKind k) {
    switch (k) {
        case TargetKind::score: return "score";
        case TargetKind::rank_top: return "rank_top";
        case TargetKind::rank_increase: return "rank_increase";
    }
    return "score";
}

const char* to_string(OwnerKind k) {
    switch (k) {
        case OwnerKind::department: return "department";
        case OwnerKind::people_committee: return "people_committee";
        case OwnerKind::ward_committees: return "ward_committees";
        case OwnerKind::police: return "police";
        case OwnerKind::military: return "military";
        case OwnerKind::inspectorate: return "inspectorate";
        case OwnerKind::project_board: return "project_board";
        case OwnerKind::centre: return "centre";
        case OwnerKind::group: return "group";
        case OwnerKind::other: return "other";
    }
    return "other";
}

const char* to_string(TaskStatus s) {
    switch (s) {
        case TaskStatus::not_started: return "not_started";
        case TaskStatus::in_progress: return "in_progress";
        case TaskStatus::done: return "done";
        case TaskStatus::blocked: return "blocked";
        case TaskStatus::cancelled: return "cancelled";
    }
    return "not_started";
}

const char* to_string(ObservationKind k) {
    return k == ObservationKind::official ? "official" : "estimate";
}

std::optional<Recurrence> parse_recurrence(std::string_view s) {
    static constexpr Recurrence all[] = {Recurrence::none,    Recurrence::continuous, Recurrence::daily,
                                         Recurrence::weekly,  Recurrence::monthly,    Recurrence::quarterly,
                                         Recurrence::half_yearly, Recurrence::yearly};
    return parse_enum(s, all);
}

std::optional<OwnerKind> parse_owner_kind(std::string_view s) {
    static constexpr OwnerKind all[] = {OwnerKind::department,    OwnerKind::people_committee,
                                        OwnerKind::ward_committees, OwnerKind::police,
                                        OwnerKind::military,      OwnerKind::inspectorate,
                                        OwnerKind::project_board, OwnerKind::centre,
                                        OwnerKind::group,         OwnerKind::other};
    return parse_enum(s, all);
}

std::optional<TaskStatus> parse_task_status(std::string_view s) {
    static constexpr TaskStatus all[] = {TaskStatus::not_started, TaskStatus::in_progress, TaskStatus::done,
                                         TaskStatus::blocked, TaskStatus::cancelled};
    return parse_enum(s, all);
}

std::optional<ObservationKind> parse_observation_kind(std::string_view s) {
    static constexpr ObservationKind all[] = {ObservationKind::official, ObservationKind::estimate};
    return parse_enum(s, all);
}

}  // namespace pgi
