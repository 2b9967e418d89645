// `pgi import`: the tables of tasks in a PHỤ LỤC (AnnexReader in import_build.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "import_build.hpp"
#include "pgi/i18n.hpp"
#include "pgi/score.hpp"
#include "pgi/text.hpp"

namespace pgi::import_detail {

using namespace recognise;

namespace {

// Cell `i` with its spaces collapsed; "" when the row has no such cell (or i is -1).
std::string cell_at(const std::vector<std::string>& cells, int i) {
    return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? collapse_spaces(cells[static_cast<std::size_t>(i)])
                                                                : std::string();
}

}  // namespace

// A header row names the columns; it needs a task and a lead column.
bool AnnexReader::header_row(const std::vector<std::string>& cells) {
    int task_col = -1, lead_col = -1;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string k = folded_key(cells[i]);
        if (contains_phrase(k, "chu tri"))
            lead_col = static_cast<int>(i);
        else if (task_col < 0 && (starts_with_phrase(k, "nhiem vu") || starts_with_phrase(k, "noi dung") ||
                                  starts_with_phrase(k, "giai phap") || starts_with_phrase(k, "ten nhiem vu")))
            task_col = static_cast<int>(i);
    }
    if (task_col < 0 || lead_col < 0) return false;
    table_ = Columns{};
    ++headers_;
    table_.active = true;
    table_.task = task_col;
    table_.lead = lead_col;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string k = folded_key(cells[i]);
        int ii = static_cast<int>(i);
        if (k == "stt" || k == "tt" || k == "so tt")
            table_.stt = ii;
        else if (contains_phrase(k, "phoi hop"))
            table_.coop = ii;
        else if (contains_phrase(k, "thoi gian") || contains_phrase(k, "thoi han") || contains_phrase(k, "tien do"))
            table_.deadline = ii;
        else if (contains_phrase(k, "san pham") || contains_phrase(k, "ket qua"))
            table_.product = ii;
        else if (starts_with_phrase(k, "chi so"))
            table_.component = ii;
    }
    group_component_ = nullptr;
    group_.clear();
    return true;
}

// "| Chỉ số thành phần | Kết quả năm 2023 | Mục tiêu năm 2024 | Mục tiêu năm 2025 |": a table
// of targets. Columns naming a year are read; a column of results ("kết quả", "thực hiện",
// "đạt được") or of a year before the plan is the baseline.
bool AnnexReader::target_header(const std::vector<std::string>& cells) {
    if (cells.size() < 2) return false;
    std::string first = folded_key(cells[0]);
    if (!(contains_phrase(first, "chi so") || contains_phrase(first, "tieu chi") ||
          contains_phrase(first, "noi dung") || contains_phrase(first, "thanh phan")))
        return false;
    std::vector<YearColumn> cols;
    int plan_first = meta_.period.start ? meta_.period.start : meta_.issued ? meta_.issued->year : 0;
    for (std::size_t i = 1; i < cells.size(); ++i) {
        auto words = split_words(cells[i]);
        int year = 0;
        for (const auto& w : words)
            if (w.number && w.fold.size() == 4) year = std::atoi(w.fold.c_str());
        if (year < 1900 || year > 2200) continue;
        std::string k = folded_key(cells[i]);
        if (contains_phrase(k, "tang")) continue;  // "Tăng so với 2023": derived, not read
        bool result = contains_phrase(k, "ket qua") || contains_phrase(k, "thuc hien") ||
                      contains_phrase(k, "dat duoc") || (plan_first && year < plan_first);
        cols.push_back({static_cast<int>(i), year, result});
    }
    if (cols.empty()) return false;
    year_columns_ = cols;
    table_ = Columns{};  // a table of targets is not a table of tasks
    return true;
}

void AnnexReader::target_row(const Paragraph& p) {
    if (p.cells.empty()) return;
    const std::string& name = p.cells[0];
    std::string key = folded_key(name);
    const ReferenceComponent* ref = match_component(component_name_from(name));
    if (!ref) ref = component_in_sentence(name);
    bool total = !ref && (contains_phrase(key, "pgi") || contains_phrase(key, "chi so xanh") ||
                          contains_phrase(key, "tong diem") || key == "tong" || contains_phrase(key, "tong cong"));
    if (!ref && !total) return;  // reported by the check for unrecognised sentences when it holds scores
    TargetStatement st;
    for (const auto& c : year_columns_) {
        std::string cell = cell_at(p.cells, c.column);
        std::string_view v = trim(cell);
        constexpr std::string_view points = "điểm";
        if (v.size() >= points.size() && v.substr(v.size() - points.size()) == points)
            v = trim(v.substr(0, v.size() - points.size()));
        auto score = parse_score(v);
        if (!score) continue;
        if (c.baseline) {
            if (!st.baseline_score || *st.baseline_year < c.year) {
                st.baseline_year = c.year;
                st.baseline_score = score;
            }
        } else {
            st.scores.push_back({c.year, *score, std::nullopt});
        }
    }
    if (st.empty() && !st.baseline_score) return;
    std::string source = "bảng mục tiêu";
    if (ref) {
        targets_.add_targets(ref, st, p.line, source, "");
    } else {
        if (st.baseline_score) {  // the total's past result
            TargetStatement past;
            past.scores.push_back({*st.baseline_year, *st.baseline_score, std::nullopt});
            targets_.free_total(past, p.line, source);
        }
        targets_.free_total(st, p.line, source);
    }
}

namespace {

// A cell of a Markdown table's separator row: dashes, with colons for alignment.
bool is_rule_cell(const std::string& c) {
    return c.find('-') != std::string::npos && c.find_first_not_of("-: ") == std::string::npos;
}

// An empty cell, or one holding only a placeholder (dashes `-` `–` `—`, dots, `…`, `_`): what
// documents write for "none", which is no agency and no task.
bool is_placeholder_cell(const std::string& c) {
    std::string_view v = c;
    while (!v.empty()) {
        if (v[0] == '-' || v[0] == '.' || v[0] == ' ' || v[0] == '_')
            v.remove_prefix(1);
        else if (v.substr(0, 3) == "\xE2\x80\x93" || v.substr(0, 3) == "\xE2\x80\x94" ||
                 v.substr(0, 3) == "\xE2\x80\xA6")
            v.remove_prefix(3);  // – — …
        else
            return false;
    }
    return true;
}

}  // namespace

void AnnexReader::row(const Paragraph& p) {
    if (header_row(p.cells)) {
        year_columns_.clear();
        return;
    }
    if (!table_.active && target_header(p.cells)) return;
    if (!year_columns_.empty()) {
        target_row(p);
        return;
    }
    if (!table_.active) return;
    auto cell = [&](int i) { return cell_at(p.cells, i); };
    std::string stt = cell(table_.stt), text = cell(table_.task), lead_cell = cell(table_.lead);
    if (text.empty() && stt.empty()) return;
    // A separator row (`|---|---|`) inside the table, misplaced or with the wrong number of
    // cells: pandoc and hand edits leave them; it is no task.
    if (is_rule_cell(stt) || is_rule_cell(text)) {
        sink_.diags.warning(sink_.at(p.line), "malformed-table-row",
                            trf("annex row `{}` has only dashes for its number or task: a misplaced table "
                                "separator row; it is skipped",
                                stt.empty() ? text : stt),
                            tr("delete the line, or keep one separator row (`|---|---|`) right under the header row"));
        return;
    }
    // A group row: "I | Chỉ số …" with the other cells empty, or a roman/letter STT.
    bool others_empty = lead_cell.empty() && cell(table_.coop).empty() && cell(table_.deadline).empty();
    auto stt_marker = parse_list_marker(stt + ". x");
    bool group_stt = !stt.empty() && (stt_marker.kind == ListMarker::Kind::roman ||
                                      (stt.size() == 1 && stt[0] >= 'A' && stt[0] <= 'Z'));
    if (group_stt || (others_empty && !text.empty())) {
        const ReferenceComponent* ref = match_component(component_name_from(text));
        if (!ref && contains_phrase(folded_key(text), "chi so")) ref = component_in_sentence(text);
        group_ = stt;
        group_component_ = ref;
        rows_ = 0;
        if (ref)
            targets_.touch_component(ref, p.line, component_name_from(text));
        else if (contains_phrase(folded_key(text), "chi so"))
            sink_.diags.warning(sink_.at(p.line), "unmatched-component",
                                trf("annex group `{}` names no known PGI component; its rows are skipped", text),
                                tr("component names are matched with data/pgi-components.yaml"));
        return;
    }
    const ReferenceComponent* ref = group_component_;
    if (table_.component >= 0) {
        if (auto r = match_component(cell(table_.component))) ref = r;
    }
    if (!ref) {
        sink_.unplaced(p, tr("an annex row outside any component group"));
        return;
    }
    if (is_placeholder_cell(lead_cell)) {
        sink_.diags.warning(
            sink_.at(p.line), "missing-lead",
            lead_cell.empty()
                ? trf("annex row {} has no lead agency (Cơ quan chủ trì); it is skipped", stt.empty() ? text : stt)
                : trf("annex row {} has the placeholder `{}` for its lead agency (Cơ quan chủ trì); it is skipped",
                      stt.empty() ? text : stt, lead_cell),
            tr("fill in the lead agency"));
        return;
    }
    if (is_placeholder_cell(text)) {
        sink_.diags.warning(sink_.at(p.line), "empty-task-cell",
                            text.empty()
                                ? trf("annex row {} has no task text (Nhiệm vụ); it is skipped", stt)
                                : trf("annex row {} has no task text (Nhiệm vụ), only `{}`; it is skipped", stt, text),
                            tr("a task cell merged over several rows in Word comes out empty in every row but the "
                               "first: unmerge the cells and write the task in each row before converting"));
        return;
    }
    task_row(p, ref, stt, text, lead_cell);
}

void AnnexReader::task_row(const Paragraph& p, const ReferenceComponent* ref, const std::string& stt,
                           const std::string& text, const std::string& lead_cell) {
    auto cell = [&](int i) { return cell_at(p.cells, i); };
    ++rows_;
    std::string lead = owners_.add_lead(lead_cell, p.line);
    Task t;
    std::string number = stt.empty() ? std::to_string(rows_) : ascii_slug(stt);
    if (number.empty()) number = std::to_string(rows_);
    t.id = tasks_.unique_id(fmt::format("c{}.{}", ref->number, number));
    t.component = ref->id;
    t.lead = lead;
    t.text = text;
    t.source = group_.empty() ? fmt::format("PL.{}", stt) : fmt::format("PL.{}.{}", group_, stt);
    // Cooperating agencies: every agency in the cell, not the generic "các cơ quan liên quan".
    for (const auto& part : owners_.split_agency_list(cell(table_.coop))) {
        std::string k = folded_key(part);
        if (k.empty() || contains_phrase(k, "lien quan")) continue;
        auto id = owners_.add_owner(owners_.canonical(part), p.line);
        if (!id.empty() && id != lead &&
            std::find(t.cooperating.begin(), t.cooperating.end(), id) == t.cooperating.end())
            t.cooperating.push_back(id);
    }
    std::string deadline = cell(table_.deadline);
    if (!deadline.empty()) {
        auto d = parse_deadline(deadline, default_year(meta_));
        t.due = d.due;
        t.recurrence = d.recurrence;
        if (!d.recognised) {
            sink_.diags.warning(
                sink_.at(p.line), "unrecognised-deadline",
                trf("deadline `{}` is neither a date nor a recurrence; kept in the note", deadline),
                tr("write it as a date (15/12/2024, Quý III/2024) or a recurrence (Thường xuyên, Hằng năm)"));
            append_note(t.note, "Thời gian hoàn thành: " + deadline + ".");
        }
    }
    std::string product = cell(table_.product);
    if (!product.empty()) append_note(t.note, "Sản phẩm: " + std::string(trim_end_chars(product, ".")) + ".");
    append_note(t.note, footnotes_.note_for(p));
    t.location = sink_.at(p.line);
    sink_.use(p.line);
    tasks_.tasks.push_back(std::move(t));
}

void AnnexReader::finish() const {
    if (annex_line_ && !headers_)
        sink_.diags.warning(
            sink_.at(annex_line_), "unreadable-table",
            tr("the annex has no table pgi can read (a Markdown pipe table or tab-separated rows with "
               "`Nhiệm vụ` and `Cơ quan chủ trì` columns); its tasks are not imported"),
            tr("convert the document with `pandoc -t markdown-simple_tables-multiline_tables-grid_tables`, or "
               "paste the table from Word as text (docs/import.md)"));
}

}  // namespace pgi::import_detail
