// The plan builder of `pgi import`, split by region of the document. Each reader owns the
// state of its region and is tested on its own (tests/unit/test_import_regions.cpp); the
// driver (import.cpp) classifies paragraphs into regions and hands each to its reader.
//
//   OwnerRegistry    owners named anywhere: headings, lead cells, "phối hợp …" clauses
//   FootnoteUse      footnote texts attached to the tasks that cite them
//   HeaderReader     number, place and date, issuing body, title, period, preamble
//   TargetCollector  component and total targets and baselines, checked when finished
//   TaskSections     component sections of the tasks region: owner headings and tasks
//   AnnexReader      PHỤ LỤC tables of tasks
//   DutyReader       section III: focal agency and reporting duties
//
// Internal to the library; the contract of the whole is import_plan_text() in pgi/import.hpp.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "import_detail.hpp"
#include "pgi/import.hpp"

namespace pgi::import_detail {

using recognise::CitedDocument;
using recognise::Footnote;
using recognise::LetterUse;
using recognise::ListMarker;
using recognise::Paragraph;
using recognise::ReferenceComponent;
using recognise::TargetStatement;

/// The regions of a plan document, in their usual order (docs/domain.md, and the seed).
/// `repeated`: a second plan body in the same text (refused, see `repeated-section`).
enum class Region { header, preamble, purpose, tasks, organisation, other, signature, annex, repeated };

/// The region a roman heading opens, from its folded words: NHIỆM VỤ/GIẢI PHÁP -> tasks, TỔ
/// CHỨC THỰC HIỆN -> organisation, MỤC ĐÍCH/MỤC TIÊU/YÊU CẦU/QUAN ĐIỂM -> purpose, else other.
Region classify_roman(const std::string& key);

/// The folded words of the start of `text` (about 12 words): enough to recognise a heading
/// without folding a long paragraph.
std::string head_key(std::string_view text);

/// Where findings go and how locations are written; shared by every reader.
struct Sink {
    std::string file;
    Diagnostics& diags;

    SourceLocation at(int line, int column = 1) const { return SourceLocation{file, line, column}; }
    /// `unplaced-paragraph`: a paragraph that is neither a heading, a target nor a task.
    void unplaced(const Paragraph& p, std::string_view why) const;
    /// Lines of paragraphs a reader turned into a field of the plan (or reported): the
    /// check for sentences that look like facts but were not understood skips them.
    mutable std::set<int> used;
    void use(int line) const { used.insert(line); }
    /// A finding of severity note (how something was read, nothing to fix).
    void note(int line, std::string code, std::string message) const {
        diags.add({Severity::note, at(line), std::move(code), std::move(message), {}, {}});
    }
};

/// The position in the document's numbering: the roman section (`II`) and the last arabic
/// number (`3`), which make the `source` of targets, tasks and reports (`II.3`).
struct Numbering {
    std::string roman;
    std::string number;
    /// `roman.label`, or the one that is not empty.
    std::string source_of(const std::string& label) const {
        if (roman.empty()) return label;
        return label.empty() ? roman : roman + "." + label;
    }
};

/// The year for a deadline written without one: the plan's first year, else the issue year.
int default_year(const PlanMeta& meta);

// ---- Owners ----------------------------------------------------------------------------------

/// The owners of the plan, registered in the order the document names them (ids are the
/// ascii_slug() of the name; the first spelling wins), and the names of the document's own
/// owner headings (known names) that running text is matched against.
class OwnerRegistry {
public:
    explicit OwnerRegistry(const Sink& sink) : sink_(sink) {}

    /// Pass 1: the names the lettered owner headings of the tasks region use.
    void learn_heading_names(const std::vector<Paragraph>& paras, bool has_roman);
    const std::vector<KnownName>& known() const { return known_words_; }

    /// Registers one agency (name cleaned of punctuation, capitalised); its id, or "" when
    /// the name gives no id.
    std::string add_owner(std::string_view name, int line);
    /// An owner heading or a lead cell: one agency, or a group of several ("A, B và C").
    std::string add_lead(std::string_view name, int line);
    /// The canonical form of a name when it is one agency find_agencies() knows.
    std::string canonical(std::string_view name) const;
    /// Splits "A, B và C" where each part starts an agency name; ";" always splits.
    std::vector<std::string> split_agency_list(std::string_view text) const;
    /// "Phòng Kinh tế (chủ trì)", "Phòng Kinh tế chủ trì, phối hợp …": the agency alone.
    std::string agency_part(std::string_view name) const;
    /// Registers every agency named in `text`.
    void add_mentions(std::string_view text, int line);
    /// "phối hợp [với] A, B và các cơ quan liên quan" -> the ids of A and B (not `lead`).
    std::vector<std::string> cooperating(std::string_view text, int line, const std::string& lead);

    const std::vector<Owner>& owners() const { return owners_; }
    const Owner* find(const std::string& id) const;

private:
    const Sink& sink_;
    std::vector<Owner> owners_;
    std::vector<std::string> known_;
    std::vector<KnownName> known_words_;
};

// ---- Footnotes -------------------------------------------------------------------------------

/// Footnote texts go into the note of the task whose paragraph cites them; the others are
/// reported (`unattached-footnote`).
class FootnoteUse {
public:
    explicit FootnoteUse(const std::vector<Footnote>& footnotes) : footnotes_(footnotes) {}
    /// The texts of the footnotes `p` cites, joined by spaces; marks them used.
    std::string note_for(const Paragraph& p);
    /// `unattached-footnote` for each footnote cited by a paragraph that is not a task.
    void report_unattached(const std::vector<Paragraph>& paras, const Sink& sink) const;

private:
    const std::vector<Footnote>& footnotes_;
    std::set<int> used_;
};

// ---- Tasks list ------------------------------------------------------------------------------

/// The tasks found so far, with unique ids (a second `c1.a.1` becomes `c1.a.1-2`).
struct TaskList {
    std::vector<Task> tasks;
    std::set<std::string> ids;
    std::string unique_id(std::string id);
};

// ---- Header and preamble ---------------------------------------------------------------------

/// The header (Số: …, place and date, ỦY BAN NHÂN DÂN …), the title after KẾ HOẠCH, the
/// preamble (parents "Thực hiện Kế hoạch số …", the issuing level "UBND thành phố ban
/// hành"), the period and the references.
class HeaderReader {
public:
    explicit HeaderReader(const Sink& sink) : sink_(sink) {}

    PlanMeta& meta() { return meta_; }
    const PlanMeta& meta() const { return meta_; }

    /// A paragraph before the title or the preamble: document number, place and date.
    void header_paragraph(const Paragraph& p);
    /// A header paragraph that begins the title ("KẾ HOẠCH <title>" or a following line).
    void start_title(const Paragraph& p, bool keyword_line);
    void add_title_part(std::string text) { title_parts_.push_back(std::move(text)); }
    const std::vector<std::string>& title_parts() const { return title_parts_; }
    /// A preamble paragraph: parents and the issuing level (targets are the caller's).
    void preamble_paragraph(const Paragraph& p, const OwnerRegistry& owners);
    /// Every cited document of a paragraph, kept for the references.
    void cite(const Paragraph& p);

    /// Sets the title from its parts and, once, the period from its years; true when the
    /// title gave a period.
    bool update_title_period();
    /// Title, period (from the title, else `fallback` years of targets), issuer,
    /// references; warnings for what is missing.
    void finish(const std::vector<const Target*>& targets, const std::vector<const Baseline*>& baselines,
                const std::vector<Footnote>& footnotes);

private:
    const Sink& sink_;
    PlanMeta meta_;
    bool have_number_ = false, have_issued_ = false;
    std::string issuer_level_;  // "thành phố" from "UBND thành phố ban hành"
    std::vector<std::string> title_parts_;
    int title_line_ = 0;
    bool period_from_title_ = false;
    std::vector<const Paragraph*> header_;
    std::vector<std::pair<int, CitedDocument>> cited_;  // line, document
    std::vector<std::string> parent_numbers_;

    std::string joined_title() const;
    bool period_from_title();
    void decide_period(const std::vector<const Target*>& targets, const std::vector<const Baseline*>& baselines);
    void decide_issuer();
    std::string issuer_from_header_lines() const;
    void finish_references(const std::vector<Footnote>& footnotes);
};

/// "ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN" -> "UBND thành phố Lạng Sơn"; "" when the text is
/// not an issuing body with a level.
std::string issuer_from_header(const std::string& text);
/// The years of a title: "giai đoạn 2024–2025" -> 2024..2025, "năm 2024 và các năm tiếp
/// theo" -> 2024.. (open), "năm 2024" -> 2024..2024, "đến năm 2025" -> `issued_year`..2025
/// (2025..2025 when the year of issue is unknown or later). False when the title names no year.
bool period_in_title(const std::string& title, Period& period, int issued_year = 0);

// ---- Targets ---------------------------------------------------------------------------------

/// Component and total targets with their baselines, from target sentences anywhere.
class TargetCollector {
public:
    TargetCollector(const Sink& sink, const PlanMeta& meta) : sink_(sink), meta_(meta) {}

    /// The targets of `st` for component `ref`. A score or rank of a year before the plan's
    /// first year is a past result: the component's baseline (`baseline-statement` note),
    /// never a target; negated statements give `negated-statement`; a regional rank target
    /// gets the region's id (recognise::match_region()), or, when the region is none of the
    /// six, is not imported and gives `unknown-region` on its line.
    void add_targets(const ReferenceComponent* ref, const TargetStatement& st, int line, const std::string& source,
                     const std::string& name_hint);
    /// The year a heading gives the targets below it ("Mục tiêu cụ thể năm 2024:"); 0 ends it.
    void set_heading_year(int year) { heading_year_ = year; }
    int heading_year() const { return heading_year_; }
    /// The component is in the plan (a section or an annex group names it).
    void touch_component(const ReferenceComponent* ref, int line, const std::string& name);
    /// Targets named outside component sections: "Chỉ số “…” đạt …" or the total PGI.
    /// True when `p` was a target sentence of a component or of the total.
    bool free_targets(const Paragraph& p, const std::string& source);

    bool empty() const { return comps_.empty(); }
    /// Targets of the PGI as a whole (a table's total row); past years become observations.
    void free_total(const TargetStatement& st, int line, const std::string& source) {
        total_statement(st, line, source);
    }
    /// True when component `id` has a target.
    bool has_targets_for(const std::string& id) const {
        auto it = comps_.find(id);
        return it != comps_.end() && !it->second.targets.empty();
    }
    /// True when a component or the total has a target.
    bool has_targets() const;
    std::vector<const Target*> all_targets() const;
    std::vector<const Baseline*> all_baselines() const;
    /// Components (in VCCI order) and total targets into `plan`; targets without a year get
    /// `first_year`; `duplicate-target` and `target-mismatch` warnings.
    void finish(Plan& plan, int first_year);

private:
    struct CompData {
        const ReferenceComponent* ref = nullptr;
        std::string name;
        std::optional<Baseline> baseline;
        std::vector<Target> targets;
        SourceLocation location;
    };
    const Sink& sink_;
    const PlanMeta& meta_;
    std::map<std::string, CompData> comps_;
    std::vector<Target> total_targets_;
    std::vector<Observation> observations_;  // past totals and ranks stated in the text
    int heading_year_ = 0;

    int year_of(int stated) const { return stated ? stated : heading_year_; }
    bool past(int year) const;
    void statement_findings(const TargetStatement& st, int line);
    std::optional<Target> rank_target(const TargetStatement::RankTarget& r, int year, int line,
                                      const std::string& source) const;
    void total_statement(const TargetStatement& st, int line, const std::string& source);
    void observe_total(int year, std::optional<Score> total, std::optional<int> rank, int line);
};

/// The component name as a heading writes it: the quoted name, else the text after
/// "Chỉ số [thành phần] [N]:".
std::string component_name_from(std::string_view text);
/// A component named in a sentence: a quoted name (returned in `quoted`), or a name/alias
/// contained in the text.
const ReferenceComponent* component_in_sentence(std::string_view text, std::string* quoted = nullptr);

// ---- Task sections ---------------------------------------------------------------------------

/// The component sections of the tasks region: `1. Chỉ số “…”`, its target sentence,
/// lettered owner headings `a) Phòng …:` and their tasks (bullets or paragraphs).
class TaskSections {
public:
    TaskSections(const Sink& sink, OwnerRegistry& owners, TargetCollector& targets, TaskList& tasks,
                 FootnoteUse& footnotes, const Numbering& numbering, const PlanMeta& meta)
        : sink_(sink),
          owners_(owners),
          targets_(targets),
          tasks_(tasks),
          footnotes_(footnotes),
          numbering_(numbering),
          meta_(meta) {}

    void paragraph(const Paragraph& p);
    /// Ends the current section: lettering findings and notes, `missing-target`.
    void close();
    /// A new roman section starts: the tasks of an unmatched component end with it.
    void reset_skipping() { skipping_ = false; }
    /// True while a component section is open.
    bool open() const { return section_.has_value(); }

private:
    struct Heading {
        std::string letter;  // as written: "đ"
        std::string key;     // in ids: "dd", "d-2"
        int occurrence = 1;
        std::string owner;  // lead owner id
        std::string owner_name;
        int line = 0;
        std::vector<std::size_t> tasks;        // indices into tasks_.tasks
        std::string bullet;                    // the bullet character of its tasks
        std::vector<std::string> cooperating;  // named in the heading: "X chủ trì, phối hợp Y"
        int count = 0;                         // tasks so far (inline + bullets)
        bool numbered = false;                 // "1.1. Sở …": its lettered items are tasks
    };
    struct Section {
        const ReferenceComponent* ref = nullptr;
        std::string label;   // "1"
        std::string source;  // "II.1"
        int line = 0;
        bool has_target = false;
        std::vector<LetterUse> letters;
        std::vector<Heading> headings;
    };

    const Sink& sink_;
    OwnerRegistry& owners_;
    TargetCollector& targets_;
    TaskList& tasks_;
    FootnoteUse& footnotes_;
    const Numbering& numbering_;
    const PlanMeta& meta_;
    std::optional<Section> section_;
    bool skipping_ = false;

    void numbered(const Paragraph& p, std::string_view rest);
    void lettered(const Paragraph& p, std::string_view rest);
    void start(const Paragraph& p, const ReferenceComponent* ref, const std::string& label, std::string_view heading);
    void sub_heading(const Paragraph& p, std::string_view rest);
    void several_deadlines(const Paragraph& p, std::string_view body, Task& t);
    void item_with_lead(const Paragraph& p, std::string_view rest, const std::string& lead, const std::string& key);
    /// "Sở Công Thương chủ trì, …", "Giao Sở X chủ trì …" at the start of an item: the lead's
    /// owner id (registered), or "".
    std::string lead_in_text(std::string_view text, int line);
    void add_task(const Paragraph& p, std::string_view text, std::string lead, const std::string& item = {});
    void lettering_findings(Section& sec);
    std::optional<PartialDate> due_in_text(std::string_view text) const;
};

// ---- Annex tables ----------------------------------------------------------------------------

/// The tables of a PHỤ LỤC: a header row with task and lead columns, group rows naming a
/// component, task rows.
class AnnexReader {
public:
    AnnexReader(const Sink& sink, OwnerRegistry& owners, TargetCollector& targets, TaskList& tasks,
                FootnoteUse& footnotes, const PlanMeta& meta)
        : sink_(sink), owners_(owners), targets_(targets), tasks_(tasks), footnotes_(footnotes), meta_(meta) {}

    void row(const Paragraph& p);
    /// The first PHỤ LỤC heading (for `unreadable-table`).
    void annex_heading(int line) {
        if (!annex_line_) annex_line_ = line;
    }
    /// `unreadable-table` when an annex had no table with task and lead columns.
    void finish() const;

private:
    struct Columns {
        int stt = -1, task = -1, lead = -1, coop = -1, deadline = -1, product = -1, component = -1;
        bool active = false;
    };
    const Sink& sink_;
    OwnerRegistry& owners_;
    TargetCollector& targets_;
    TaskList& tasks_;
    FootnoteUse& footnotes_;
    const PlanMeta& meta_;
    Columns table_;
    std::string group_;  // label of the current group row ("I")
    const ReferenceComponent* group_component_ = nullptr;
    int rows_ = 0;
    int headers_ = 0;  // tables with a task and a lead column
    int annex_line_ = 0;

    bool header_row(const std::vector<std::string>& cells);
    // Target tables: components × years ("| Chỉ số | Kết quả 2023 | Mục tiêu 2024 |").
    struct YearColumn {
        int column = 0;
        int year = 0;
        bool baseline = false;  // a past result ("Kết quả năm 2023"), not a target
    };
    std::vector<YearColumn> year_columns_;
    bool target_header(const std::vector<std::string>& cells);
    void target_row(const Paragraph& p);
    void task_row(const Paragraph& p, const ReferenceComponent* ref, const std::string& stt, const std::string& text,
                  const std::string& lead_cell);
};

// ---- Duties (section III) --------------------------------------------------------------------

/// Section III (TỔ CHỨC THỰC HIỆN): the focal agency ("đầu mối") and reporting duties.
class DutyReader {
public:
    DutyReader(const Sink& sink, OwnerRegistry& owners, const Numbering& numbering, const PlanMeta& meta)
        : sink_(sink), owners_(owners), numbering_(numbering), meta_(meta) {}

    void paragraph(const Paragraph& p);
    /// The focal agency and the reports (sent to the focal agency unless a clause names
    /// another) into `meta`.
    void finish(PlanMeta& meta) const;

private:
    const Sink& sink_;
    OwnerRegistry& owners_;
    const Numbering& numbering_;
    const PlanMeta& meta_;
    std::string focal_;
    std::vector<std::pair<ReportDeadline, bool>> reports_;  // report, `to` given explicitly

    void report(const Paragraph& p, std::string_view text);
};

}  // namespace pgi::import_detail
