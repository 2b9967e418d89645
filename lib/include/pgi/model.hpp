// The plan model: what an improvement plan for the Provincial Green Index says.
// Terms follow docs/domain.md: component, baseline, target, gap, lead owner,
// cooperating owner, focal agency, observation.
#pragma once

#include <array>
#include <cstddef>
#include <iterator>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/diagnostic.hpp"
#include "pgi/score.hpp"

namespace pgi {

/// Where a value was written in its file. It is kept with the value for findings, and takes
/// no part in the value's equality: a plan read back from what write_plan() wrote equals the
/// plan it was written from, though every line moved. `P` is SourceLocation, TextPosition
/// or a container of them; the wrapper converts to it, so positions are used as before.
template <class P>
struct NotCompared : P {
    NotCompared() = default;
    explicit NotCompared(const P& p) : P(p) {}
    NotCompared& operator=(const P& p) {
        P::operator=(p);
        return *this;
    }
    bool operator==(const NotCompared&) const { return true; }
};
using Where = NotCompared<SourceLocation>;
using WhereInText = NotCompared<TextPosition>;
using WhereEach = NotCompared<std::vector<TextPosition>>;

/// The version of the plan file format this library reads and writes (`pgi: 1`).
inline constexpr int plan_format_version = 1;

/// A cited official document: `163/KH-UBND` of 2024-07-12 by the provincial People's
/// Committee. `number` may have its numeric part blank (`/KH-UBND`) as in drafts.
struct DocumentRef {
    std::string number;
    std::optional<PartialDate> date;
    std::string issuer;
    std::string title;
    Where location;
    bool operator==(const DocumentRef&) const = default;
};

/// How often something recurs. `none` means a one-off, dated or undated.
enum class Recurrence { none, continuous, daily, weekly, monthly, quarterly, half_yearly, yearly };

/// A reporting duty: who reports to whom, by when, and how often.
/// `from` lists owner ids; empty means every owner with a task (the seed's "all units").
/// Which period each occurrence of a reporting duty is about (docs/tracking.md): the unit
/// before the one its due date falls in (`previous`: "trước ngày 03 của tháng sau"), the unit
/// its due date falls in (`current`: "chốt số liệu ngày 25, gửi trước ngày 28 hằng tháng"), or,
/// when the duty does not say, `previous` unless the first due date is the last day of its
/// unit (a quarterly report due 30/09 is about that quarter).
enum class ReportCovers { automatic, previous, current };

struct ReportDeadline {
    Date due;
    std::vector<std::string> from;
    std::string to;  ///< owner id of the recipient, usually the focal agency
    Recurrence frequency = Recurrence::none;
    std::string source;  ///< reference into the document, e.g. `III.1`
    std::string note;
    ReportCovers covers = ReportCovers::automatic;  ///< `covers: previous | current`
    Where location;
    WhereEach from_at;  ///< where each `from` id is written
    WhereInText to_at;
    bool operator==(const ReportDeadline&) const = default;
};

/// The years a plan covers: `start` to `end` inclusive; no `end` means open-ended
/// ("năm 2024 và các năm tiếp theo").
struct Period {
    int start = 0;
    std::optional<int> end;
    bool operator==(const Period&) const = default;
};

struct PlanMeta {
    std::string document_number;  ///< `/KH-UBND` style; may lack the numeric part
    std::string issuer;
    std::string title;
    std::optional<PartialDate> issued;
    std::string place;
    std::string language = "vi";  ///< language of the plan's text: `vi` or `en`
    Period period;
    std::vector<DocumentRef> parents;     ///< documents this plan implements
    std::vector<DocumentRef> references;  ///< other documents it cites
    std::string focal_agency;             ///< owner id (cơ quan đầu mối)
    std::vector<ReportDeadline> reports;
    /// The plan's time zone as written (`+07:00`, `UTC+7`); empty: Vietnam, UTC+7. "Today"
    /// is the date there (docs/tracking.md).
    std::string time_zone;
    Where location;
    Where period_location;
    Where focal_agency_location;
    bool operator==(const PlanMeta&) const = default;
    /// Minutes east of UTC of `time_zone` (parse_utc_offset()), 420 (UTC+7) when empty or invalid.
    int utc_offset_minutes() const;
};

/// A target for one year. A score target means "at least `score`" (đạt từ … điểm trở lên).
/// Rank targets (for the total PGI) are evaluated against a national table (rank.hpp):
/// `rank_top` "in the top N" (of the country, or of `region` when set), `rank_increase` "up
/// N places" on the previous edition's rank, `rank_not_below` "not below Nth" (rank ≤ N).
enum class TargetKind { score, rank_top, rank_increase, rank_not_below };

struct Target {
    int year = 0;
    TargetKind kind = TargetKind::score;
    Score score;                           ///< kind == score: the minimum score, points
    std::optional<Score> stated_increase;  ///< the increase the document states, points
    int rank = 0;                          ///< rank_top: "in the top N"; rank_increase: N places
    std::string region;                    ///< rank_top only: region id (data/provinces.yaml); empty = national
    std::string source;
    std::string note;
    Where location;
    bool operator==(const Target&) const = default;
};

struct Baseline {
    int year = 0;
    Score score;
    Where location;
    bool operator==(const Baseline&) const = default;
};

/// One of the four PGI component indices (chỉ số thành phần), scored 0–10.
struct Component {
    std::string id;
    int number = 0;    ///< 1..4 in VCCI's order; 0 when not a PGI component
    std::string name;  ///< in the plan's language
    std::string name_en;
    std::vector<std::string> aliases;
    Score scale_min = Score::from_hundredths(0);
    Score scale_max = Score::from_hundredths(1000);
    std::optional<Baseline> baseline;
    std::vector<Target> targets;
    Where location;
    bool operator==(const Component&) const = default;
};

/// Targets for the total PGI score. Score targets for the total are normally derived as the
/// sum of the component targets; a stated one is checked against that sum. A total-only plan
/// ("baseline 21.88, target ≥ 22.24, up 0.36", no per-component figures) states
/// `baseline` here; it stands for the sum of the component baselines.
struct TotalSpec {
    std::optional<Baseline> baseline;  ///< the stated total baseline, points (0–40)
    std::vector<Target> targets;
    bool operator==(const TotalSpec&) const = default;
};

enum class OwnerKind {
    department,        ///< Phòng … of a city, Sở … of a province
    people_committee,  ///< UBND of a ward/commune/district
    ward_committees,   ///< the group "UBND các phường, xã"
    police,
    military,
    inspectorate,
    project_board,
    centre,  ///< public service unit, e.g. culture and sports centre
    group,   ///< several agencies named together
    other
};

/// An agency that leads or cooperates on tasks, or receives reports.
struct Owner {
    std::string id;
    std::string name;
    std::string name_en;
    OwnerKind kind = OwnerKind::other;
    std::vector<std::string> members;  ///< owner ids, for kind == group
    Where location;
    WhereEach members_at;
    bool operator==(const Owner&) const = default;
};

enum class TaskStatus { not_started, in_progress, done, blocked, cancelled };

/// A dated progress report on one task, from its owner (execution tracking, docs/tracking.md).
struct TaskUpdate {
    Date date;
    TaskStatus status = TaskStatus::not_started;
    std::optional<int> percent;  ///< 0..100
    std::string period;          ///< for recurring tasks: `2024-Q3`, `2024-10`, `2024`
    std::string note;
    std::vector<std::string> evidence;
    std::string reported_by;  ///< owner id
    Where location;
    WhereInText reported_by_at;
    bool operator==(const TaskUpdate&) const = default;
};

/// A task (nhiệm vụ, giải pháp) under one component, led by one owner.
struct Task {
    std::string id;
    std::string component;                 ///< component id
    std::string lead;                      ///< owner id (cơ quan chủ trì)
    std::vector<std::string> cooperating;  ///< owner ids (cơ quan phối hợp)
    std::string text;
    std::optional<PartialDate> due;  ///< a one-off deadline; partial = end of that period
    Recurrence recurrence = Recurrence::none;
    TaskStatus status = TaskStatus::not_started;
    std::string source;  ///< reference into the document, e.g. `II.1.a.2`
    std::string note;
    std::vector<TaskUpdate> updates;
    Where location;
    WhereInText component_at;  ///< where `component`, `lead` and each cooperating id are written
    WhereInText lead_at;
    WhereEach cooperating_at;
    bool operator==(const Task&) const = default;
};

/// Where an observed score comes from: VCCI's official publication, or an interim
/// estimate (a provincial survey, a self-assessment).
enum class ObservationKind { official, estimate };

/// Scores for a reference year as published on a date. "Current as of D" is the latest
/// observation published on or before D (a partial publication date counts from its last
/// day: `2025-05` is known from 2025-05-31).
/// Every figure stored here is a PUBLISHED one (named by `source`). From PGI 2024 VCCI
/// publishes the total and the rank only for the top 30 provinces (docs/domain.md); for
/// the others `total` and `rank` stay empty and the total is DERIVED as the sum of `scores`
/// (gap.hpp, TotalBasis) and the rank is implied by a national table (rank.hpp), never
/// stored here as if published.
struct Observation {
    int year = 0;
    PartialDate published;
    ObservationKind kind = ObservationKind::official;
    std::string source;
    std::map<std::string, Score> scores;  ///< component id -> score, points; may be empty
    std::optional<Score> total;           ///< the published total, only when published
    std::optional<int> rank;              ///< the published rank, only when published
    Where location;
    NotCompared<std::map<std::string, SourceLocation>> score_locations;
    bool operator==(const Observation&) const = default;
};

/// One entry of an update file (docs/tracking.md): a progress update for the task `task`.
struct UpdateEntry {
    std::string task;  ///< task id
    TaskUpdate update;
    bool operator==(const UpdateEntry&) const = default;
};

/// A deadline set after the plan was issued (a follow-up letter, a schedule from the focal
/// agency): the task's `due` from then on. Kept apart from the plan's transcription.
struct DeadlineEntry {
    std::string task;  ///< task id
    PartialDate due;
    std::string source;  ///< the document that set it, e.g. `123/UBND-TNMT`
    std::string note;
    Where location;
    bool operator==(const DeadlineEntry&) const = default;
};

/// A separate update file: progress reported by one agency for one period, and/or deadlines
/// and reporting duties added after the plan was issued. See updates.hpp for how update files
/// are found and merged into a Plan.
struct UpdateFile {
    std::string file;
    std::string reported_by;  ///< file default for updates without `reported_by` (owner id)
    std::string period;       ///< file default for updates without `period`
    std::vector<UpdateEntry> updates;
    std::vector<DeadlineEntry> deadlines;
    std::vector<ReportDeadline> reports;  ///< extra reporting duties
    bool operator==(const UpdateFile&) const = default;
};

/// How `pgi report --format docx` presents the report as an administrative document
/// (Nghị định 30/2020/NĐ-CP, Phụ lục I): the plan's `report_settings:` section
/// (docs/plan-format.md). Every field is optional; an empty one takes the default that
/// report_document_settings() (docx.hpp) derives from the plan's focal agency. Read and
/// written through the schema tables like every other section, so it survives write → load.
struct ReportSettings {
    std::string parent_body;              ///< cơ quan chủ quản, e.g. `UBND thành phố Lạng Sơn`
    std::string issuing_body;             ///< cơ quan ban hành, e.g. `Phòng Tài nguyên và Môi trường`
    std::string number;                   ///< số, ký hiệu, e.g. `…/BC-TNMT` or `25/BC-TNMT`
    std::string place;                    ///< địa danh, e.g. `Lạng Sơn`
    std::vector<std::string> recipients;  ///< nơi nhận, one line each, without the leading `- `
    std::string signer_title;             ///< e.g. `TRƯỞNG PHÒNG`
    std::string signer_name;              ///< may stay empty: the name is then written by hand
    std::string signer_authority;         ///< thẩm quyền ký above the title, e.g. `KT. TRƯỞNG PHÒNG`
    std::vector<std::string> sections;    ///< report sections to include, in order; empty = all
    Where location;
    bool present = false;  ///< the plan has a `report_settings:` section
    bool operator==(const ReportSettings&) const = default;
};

/// Id → position hash maps over a plan's components, owners and tasks, built on the first
/// look-up (once, under a mutex, so threads may share a plan) and rebuilt when a list has
/// changed size or storage. A copy starts empty. Not part of what the plan says.
class IdIndex {
public:
    IdIndex() = default;
    IdIndex(const IdIndex&) {}
    IdIndex& operator=(const IdIndex&) {
        std::lock_guard lock(mutex_);
        for (auto& l : lists_) l = {};
        return *this;
    }
    /// The position of `id` in `list` (`which`: 0 components, 1 owners, 2 tasks), or npos.
    /// The first of duplicate ids wins, as a linear search would find it.
    template <class T>
    std::size_t find(const std::vector<T>& list, int which, std::string_view id) const;

private:
    struct List {
        const void* data = nullptr;
        std::size_t size = 0;
        bool built = false;
        std::unordered_map<std::string, std::size_t> pos;
    };
    mutable std::mutex mutex_;
    mutable List lists_[3];
};

/// Where a plan came from and what was merged into it: not part of what the plan says, so
/// not part of its equality (Plan derives from it).
struct PlanOrigin {
    IdIndex ids;       ///< the look-ups of Plan::find_component/find_owner/find_task
    std::string file;  ///< the file it was loaded from
    /// Filled by merge_updates() (updates.hpp), not by the loader: the update files merged
    /// in, in merge order, and the updates whose task id names no task (for validate).
    std::vector<std::string> update_files;
    std::vector<UpdateEntry> unmatched_updates;
    bool operator==(const PlanOrigin&) const { return true; }
};

/// A plan. Equality compares every member except source positions (NotCompared) and the
/// PlanOrigin: a member added here is compared, and must be in the schema tables
/// (schema_tables.cpp), or the write/load round-trip test fails.
struct Plan : PlanOrigin {
    int format_version = plan_format_version;
    PlanMeta meta;
    std::vector<Component> components;
    TotalSpec total;
    std::vector<Owner> owners;
    std::vector<Task> tasks;
    std::vector<Observation> observations;
    /// Presentation of the report as a document (`report_settings:`).
    ReportSettings report_settings;
    /// The plan's own `updates:` list: update files, directories or globs, relative to the
    /// plan file's directory (docs/tracking.md).
    std::vector<std::string> update_sources;
    Where update_sources_location;
    bool operator==(const Plan&) const = default;

    /// The component, owner or task with this id (the first, if the id is used twice), or
    /// nullptr. O(1): a hash map built on the first call (IdIndex). The lists may grow or be
    /// replaced freely; after an id is renamed in place, a look-up of the old id notices and
    /// rebuilds, one of the new id may miss until then.
    const Component* find_component(std::string_view id) const;
    const Owner* find_owner(std::string_view id) const;
    const Task* find_task(std::string_view id) const;
};

// ---- enum spellings: one table per enum ----
// The snake_case spellings are the file format (plan files, update files, CSV and JSON
// output, CLI option values). Each enum has ONE table, `EnumNames<E>::table`, in enumerator
// order; to_string(), the parse_*() functions, the schema (schema.hpp) and the CLI's lists
// of allowed values all read it. Adding an enumerator = one line in its table (a
// static_assert below fails when the table and the enum disagree on order).

template <class E>
struct EnumName {
    E value;
    const char* name;
};
template <class E>
struct EnumNames;  // specialised below, one per enum

template <>
struct EnumNames<Recurrence> {
    static constexpr EnumName<Recurrence> table[] = {{Recurrence::none, "none"},
                                                     {Recurrence::continuous, "continuous"},
                                                     {Recurrence::daily, "daily"},
                                                     {Recurrence::weekly, "weekly"},
                                                     {Recurrence::monthly, "monthly"},
                                                     {Recurrence::quarterly, "quarterly"},
                                                     {Recurrence::half_yearly, "half_yearly"},
                                                     {Recurrence::yearly, "yearly"}};
};
template <>
struct EnumNames<TargetKind> {
    static constexpr EnumName<TargetKind> table[] = {{TargetKind::score, "score"},
                                                     {TargetKind::rank_top, "rank_top"},
                                                     {TargetKind::rank_increase, "rank_increase"},
                                                     {TargetKind::rank_not_below, "rank_not_below"}};
};
template <>
struct EnumNames<OwnerKind> {
    static constexpr EnumName<OwnerKind> table[] = {{OwnerKind::department, "department"},
                                                    {OwnerKind::people_committee, "people_committee"},
                                                    {OwnerKind::ward_committees, "ward_committees"},
                                                    {OwnerKind::police, "police"},
                                                    {OwnerKind::military, "military"},
                                                    {OwnerKind::inspectorate, "inspectorate"},
                                                    {OwnerKind::project_board, "project_board"},
                                                    {OwnerKind::centre, "centre"},
                                                    {OwnerKind::group, "group"},
                                                    {OwnerKind::other, "other"}};
};
template <>
struct EnumNames<TaskStatus> {
    static constexpr EnumName<TaskStatus> table[] = {{TaskStatus::not_started, "not_started"},
                                                     {TaskStatus::in_progress, "in_progress"},
                                                     {TaskStatus::done, "done"},
                                                     {TaskStatus::blocked, "blocked"},
                                                     {TaskStatus::cancelled, "cancelled"}};
};
template <>
struct EnumNames<ObservationKind> {
    static constexpr EnumName<ObservationKind> table[] = {{ObservationKind::official, "official"},
                                                          {ObservationKind::estimate, "estimate"}};
};

/// How many enumerators E has (the size of its spelling table).
template <class E>
inline constexpr std::size_t enum_count = std::size(EnumNames<E>::table);

/// Every enumerator of E, in declaration order: `for (E e : enum_values<E>())`.
template <class E>
constexpr auto enum_values() {
    std::array<E, enum_count<E>> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = EnumNames<E>::table[i].value;
    return out;
}

template <class E>
constexpr bool enum_table_in_order() {
    for (std::size_t i = 0; i < enum_count<E>; ++i)
        if (static_cast<std::size_t>(EnumNames<E>::table[i].value) != i) return false;
    return true;
}
static_assert(enum_table_in_order<Recurrence>() && enum_table_in_order<TargetKind>() &&
                  enum_table_in_order<OwnerKind>() && enum_table_in_order<TaskStatus>() &&
                  enum_table_in_order<ObservationKind>(),
              "an EnumNames table is not in enumerator order");

/// The number of task statuses: arrays of counts by status have this size, indexed by TaskStatus.
inline constexpr std::size_t task_status_count = enum_count<TaskStatus>;
static_assert(static_cast<std::size_t>(TaskStatus::cancelled) + 1 == task_status_count,
              "TaskStatus: add the new status to EnumNames<TaskStatus>");

/// The file-format spelling of an enumerator.
template <class E>
constexpr const char* enum_name(E value) {
    auto i = static_cast<std::size_t>(value);
    return i < enum_count<E> ? EnumNames<E>::table[i].name : "";
}

/// The enumerator spelled `s`, exactly; std::nullopt for any other text.
template <class E>
constexpr std::optional<E> parse_enum(std::string_view s) {
    for (const auto& e : EnumNames<E>::table)
        if (s == e.name) return e.value;
    return std::nullopt;
}

/// The spellings joined for a message: "a, b or c" (`last` = " or ") or "a, b, c" (`last` = ", ").
template <class E>
std::string enum_names_text(std::string_view last = " or ") {
    std::string out;
    for (std::size_t i = 0; i < enum_count<E>; ++i) {
        if (i) out += i + 1 == enum_count<E> ? std::string(last) : std::string(", ");
        out += EnumNames<E>::table[i].name;
    }
    return out;
}

const char* to_string(Recurrence r);
const char* to_string(TargetKind k);
const char* to_string(OwnerKind k);
const char* to_string(TaskStatus s);
const char* to_string(ObservationKind k);
std::optional<Recurrence> parse_recurrence(std::string_view s);
std::optional<OwnerKind> parse_owner_kind(std::string_view s);
std::optional<TaskStatus> parse_task_status(std::string_view s);
std::optional<ObservationKind> parse_observation_kind(std::string_view s);

}  // namespace pgi
