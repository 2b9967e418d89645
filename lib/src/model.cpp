#include "pgi/model.hpp"

#include <algorithm>

namespace pgi {

template <class T>
std::size_t IdIndex::find(const std::vector<T>& list, int which, std::string_view id) const {
    std::lock_guard lock(mutex_);
    List& l = lists_[which];
    if (!l.built || l.data != static_cast<const void*>(list.data()) || l.size != list.size()) {
        l.pos.clear();
        l.pos.reserve(list.size());
        for (std::size_t i = 0; i < list.size(); ++i) l.pos.emplace(list[i].id, i);  // keeps the first
        l.data = list.data();
        l.size = list.size();
        l.built = true;
    }
    auto it = l.pos.find(std::string(id));
    if (it == l.pos.end()) return std::string::npos;
    if (list[it->second].id != id) {  // renamed in place since: fall back to a search
        l.built = false;
        for (std::size_t i = 0; i < list.size(); ++i)
            if (list[i].id == id) return i;
        return std::string::npos;
    }
    return it->second;
}

namespace {
template <class T>
const T* find_by_id(const IdIndex& index, const std::vector<T>& v, int which, std::string_view id) {
    std::size_t i = index.find(v, which, id);
    return i == std::string::npos ? nullptr : &v[i];
}
}  // namespace

const Component* Plan::find_component(std::string_view id) const {
    return find_by_id(ids, components, 0, id);
}
const Owner* Plan::find_owner(std::string_view id) const {
    return find_by_id(ids, owners, 1, id);
}

int PlanMeta::utc_offset_minutes() const {
    if (time_zone.empty()) return 7 * 60;
    return parse_utc_offset(time_zone).value_or(7 * 60);
}
const Task* Plan::find_task(std::string_view id) const {
    return find_by_id(ids, tasks, 2, id);
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
