#include "pgi/model.hpp"

#include <algorithm>

namespace pgi {

namespace {
template <class T>
const T* find_by_id(const std::vector<T>& v, std::string_view id) {
    auto it = std::find_if(v.begin(), v.end(), [&](const T& x) { return x.id == id; });
    return it == v.end() ? nullptr : &*it;
}
}  // namespace

const Component* Plan::find_component(std::string_view id) const {
    return find_by_id(components, id);
}
const Owner* Plan::find_owner(std::string_view id) const {
    return find_by_id(owners, id);
}

int PlanMeta::utc_offset_minutes() const {
    if (time_zone.empty()) return 7 * 60;
    return parse_utc_offset(time_zone).value_or(7 * 60);
}
const Task* Plan::find_task(std::string_view id) const {
    return find_by_id(tasks, id);
}

const char* to_string(Recurrence r) {
    return enum_name(r);
}
const char* to_string(TargetKind k) {
    return enum_name(k);
}
const char* to_string(OwnerKind k) {
    return enum_name(k);
}
const char* to_string(TaskStatus s) {
    return enum_name(s);
}
const char* to_string(ObservationKind k) {
    return enum_name(k);
}
std::optional<Recurrence> parse_recurrence(std::string_view s) {
    return parse_enum<Recurrence>(s);
}
std::optional<OwnerKind> parse_owner_kind(std::string_view s) {
    return parse_enum<OwnerKind>(s);
}
std::optional<TaskStatus> parse_task_status(std::string_view s) {
    return parse_enum<TaskStatus>(s);
}
std::optional<ObservationKind> parse_observation_kind(std::string_view s) {
    return parse_enum<ObservationKind>(s);
}

}  // namespace pgi
