// The driver of `pgi import`: walks the prepared paragraphs, decides which region of the
// document each belongs to, and hands it to that region's reader (import_build.hpp); then
// assembles a Plan that validate_plan() accepts (contract in pgi/import.hpp).
//
// Regions follow the usual shape of a plan (docs/domain.md, and the seed):
//   header        number (Số: …), place and date, issuing body       HeaderReader
//   title         after the line KẾ HOẠCH                            HeaderReader
//   preamble      "Thực hiện Kế hoạch số …" (parents), "Căn cứ …"    HeaderReader, TargetCollector
//   purpose       I. MỤC ĐÍCH, YÊU CẦU / MỤC TIÊU (targets only)     TargetCollector
//   tasks         II. NHIỆM VỤ, GIẢI PHÁP: component sections        TaskSections
//   organisation  III. TỔ CHỨC THỰC HIỆN: focal agency, reports      DutyReader
//   signature     CHỦ TỊCH, Nơi nhận … (ignored)
//   annex         PHỤ LỤC: tables of tasks                           AnnexReader
#include "pgi/import.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>

#include "import_build.hpp"
#include "pgi/i18n.hpp"
#include "pgi/load.hpp"
#include "pgi/text.hpp"
#include "pgi/validate.hpp"
#include "pgi/write.hpp"

namespace pgi {

namespace import_detail {

std::string head_key(std::string_view text) {
    return folded_key(text.substr(0, std::min<std::size_t>(text.size(), 96)));
}

Region classify_roman(const std::string& key) {
    if (contains_phrase(key, "nhiem vu") || contains_phrase(key, "giai phap")) return Region::tasks;
    if (contains_phrase(key, "to chuc thuc hien")) return Region::organisation;
    if (contains_phrase(key, "muc dich") || contains_phrase(key, "muc tieu") || contains_phrase(key, "yeu cau") ||
        contains_phrase(key, "quan diem"))
        return Region::purpose;
    return Region::other;
}

}  // namespace import_detail

namespace {

using namespace recognise;
using namespace import_detail;

bool is_signature(const Paragraph& p) {
    if (p.text.size() > 200) return false;
    std::string key = folded_key(p.text);
    if (starts_with_phrase(key, "noi nhan")) return true;
    if (!is_uppercase_text(p.text)) return false;
    return key == "chu tich" || key == "pho chu tich" || starts_with_phrase(key, "kt chu tich") ||
           starts_with_phrase(key, "tm uy ban nhan dan") || starts_with_phrase(key, "tm ubnd") ||
           starts_with_phrase(key, "kt ubnd");
}

bool is_annex_heading(const Paragraph& p) {
    if (p.table_row || p.text.size() > 200) return false;
    std::string key = folded_key(p.text);
    return starts_with_phrase(key, "phu luc") && std::count(key.begin(), key.end(), ' ') < 16;
}

// "Căn cứ …", "Thực hiện …", "Triển khai …": the preamble.
bool opens_preamble(const std::string& key) {
    return starts_with_phrase(key, "can cu") || starts_with_phrase(key, "thuc hien") ||
           starts_with_phrase(key, "trien khai");
}

char32_t decode_first(std::string_view s) {
    std::size_t n = 0;
    return decode_at(s, 0, n);
}

class Importer {
public:
    Importer(const PreparedText& prep, std::string file, Diagnostics& diags)
        : paras_(prep.paragraphs),
          footnotes_(prep.footnotes),
          sink_{std::move(file), diags, {}},
          owners_(sink_),
          footnote_use_(prep.footnotes),
          header_(sink_),
          targets_(sink_, header_.meta()),
          sections_(sink_, owners_, targets_, tasks_, footnote_use_, numbering_, header_.meta()),
          annex_(sink_, owners_, targets_, tasks_, footnote_use_, header_.meta()),
          duties_(sink_, owners_, numbering_, header_.meta()) {}

    std::optional<Plan> build();
    /// Writes `plan` in `format`, loads and validates the text; false, with each error as a
    /// finding at the task's input line, when it would not read back.
    bool reads_back(const Plan& plan, PlanFormat format, const std::string& name);
    /// True when the import failed but every finding explains why (no target, no task).
    bool explain() const { return explain_; }

private:
    bool explain_ = false;
    const std::vector<Paragraph>& paras_;
    const std::vector<Footnote>& footnotes_;
    Sink sink_;
    Numbering numbering_;
    OwnerRegistry owners_;
    FootnoteUse footnote_use_;
    TaskList tasks_;
    HeaderReader header_;
    TargetCollector targets_;
    TaskSections sections_;
    AnnexReader annex_;
    DutyReader duties_;

    Region region_ = Region::header;
    bool has_roman_ = false;
    std::size_t title_idx_ = 0;  // the KẾ HOẠCH paragraph, or paras_.size()
    bool in_title_ = false;
    std::map<std::string, int> roman_lines_;  // roman section label -> its first line
    std::vector<Region> region_of_;           // the region each paragraph was read in
    std::deque<Paragraph> header_cells_;      // cells of a header table, read as header lines
    int repeated_line_ = 0;                   // where a second plan body starts, or 0

    bool repeated_body(const Paragraph& p);
    void heading_year(const Paragraph& p);
    void impossible_dates(const Paragraph& p);
    void unrecognised_sentences();

    std::size_t find_title() const;
    bool title_paragraph(const Paragraph& p);
    bool structure_paragraph(const Paragraph& p);
    void region_paragraph(const Paragraph& p);
    std::optional<Plan> finish();
};

// The KẾ HOẠCH line in capitals among the first 60 paragraphs.
std::size_t Importer::find_title() const {
    for (std::size_t k = 0; k < paras_.size() && k < 60; ++k) {
        if (paras_[k].table_row || !is_uppercase_text(paras_[k].text)) continue;
        if (starts_with_phrase(folded_key(paras_[k].text), "ke hoach")) return k;
    }
    return paras_.size();
}

// The title: up to three paragraphs after KẾ HOẠCH, until the preamble or a list. True when
// `p` is part of it.
bool Importer::title_paragraph(const Paragraph& p) {
    std::string key = head_key(p.text);
    const auto& parts = header_.title_parts();
    bool preamble = opens_preamble(key) || p.marker.kind != ListMarker::Kind::none || p.table_row;
    bool same_style = parts.empty() || is_uppercase_text(p.text) == is_uppercase_text(parts.back()) ||
                      starts_with_phrase(key, "nam") || !is_upper(decode_first(p.text));
    if (!preamble && same_style && parts.size() < 3) {
        if (p.text.front() != '(') header_.add_title_part(p.text);  // "(Kèm theo …)" is not the title
        return true;
    }
    in_title_ = false;
    return false;
}

// "2. Mục tiêu cụ thể năm 2024:", "I. MỤC TIÊU ĐẾN NĂM 2025": a heading that names a year
// gives it to the targets below that name none; a numbered heading without one ends it.
void Importer::heading_year(const Paragraph& p) {
    std::string_view rest = trim(std::string_view(p.text).substr(p.marker.text_begin));
    bool heading = p.marker.kind == ListMarker::Kind::number || p.marker.kind == ListMarker::Kind::roman ||
                   (!rest.empty() && rest.back() == ':') || is_uppercase_text(rest);
    if (!heading || rest.size() > 160 || !parse_target_statement(rest).empty()) return;
    auto words = split_words(rest);
    int year = 0;
    for (std::size_t w = 0; w + 1 < words.size(); ++w)
        if (words[w].fold == "nam" && words[w + 1].number) {
            int y = std::atoi(words[w + 1].fold.c_str());
            if (y >= 1900 && y <= 2200) year = y;
        }
    if (year || p.marker.kind == ListMarker::Kind::number) targets_.set_heading_year(year);
}

// `31/4/2025`: a date no calendar has is never silently dropped.
void Importer::impossible_dates(const Paragraph& p) {
    for (const auto& d : find_impossible_dates(p.text))
        sink_.diags.warning(sink_.at(p.line), "impossible-date",
                            trf("`{}` is not a date ({}-{:02}-{:02} does not exist); it is not used",
                                p.text.substr(d.begin, d.end - d.begin), d.date.year, d.date.month, d.date.day),
                            tr("correct the date in the plan by hand"));
}

// Every paragraph of the body that looks like a target, a rank, a deadline or a duty
// (looks_like_fact()) and gave no field of the plan and no finding: `unrecognised-sentence`,
// so that nothing is lost silently. The header, the signature, annex text outside tables
// and a refused second body are not checked.
void Importer::unrecognised_sentences() {
    std::set<int> reported;
    for (const auto& d : sink_.diags.items()) reported.insert(d.location.line);
    for (std::size_t k = 0; k < paras_.size(); ++k) {
        const auto& p = paras_[k];
        Region r = region_of_[k];
        if (r == Region::header || r == Region::signature || (r == Region::annex && !p.table_row) ||
            r == Region::repeated || sink_.used.count(p.line) || reported.count(p.line))
            continue;
        std::string kind = looks_like_fact(p.text);
        if (kind.empty()) continue;
        static const std::map<std::string, std::string> what = {{"score", N_("a score")},
                                                                {"rank", N_("a rank")},
                                                                {"date", N_("a date or deadline")},
                                                                {"recurrence", N_("a recurring duty")}};
        std::string excerpt = collapse_spaces(p.text);
        if (code_point_count(excerpt) > 80) {
            std::size_t cut = 0, cps = 0;
            while (cut < excerpt.size() && cps < 77) {
                std::size_t n = 0;
                decode_at(excerpt, cut, n);
                cut += n;
                ++cps;
            }
            excerpt = excerpt.substr(0, cut) + "…";
        }
        sink_.diags.warning(
            sink_.at(p.line), "unrecognised-sentence",
            trf("this paragraph names {} but was not understood: \"{}\"", tr(what.at(kind).c_str()), excerpt),
            tr("add what it states to the plan by hand (docs/import.md lists the wordings pgi reads)"));
    }
}

// A roman section seen before (a second "II. NHIỆM VỤ, GIẢI PHÁP": the text holds two plan
// bodies, such as a plan pasted twice or followed by its amendment). The second body is
// refused with a finding, never merged into the first.
bool Importer::repeated_body(const Paragraph& p) {
    auto [it, fresh] = roman_lines_.emplace(p.marker.label, p.line);
    if (fresh) return false;
    repeated_line_ = p.line;
    sections_.close();
    region_ = Region::repeated;
    sink_.diags.add({Severity::warning,
                     sink_.at(p.line),
                     "repeated-section",
                     trf("section {} appears a second time (first at line {}): the text holds a second plan "
                         "body, which is not imported",
                         p.marker.label, it->second),
                     tr("import each plan from its own file; an amendment's targets and tasks must be added by hand"),
                     {sink_.at(it->second)}});
    return true;
}

// Paragraphs that change the region: roman headings, the signature, PHỤ LỤC; and table rows.
// True when `p` was one of them.
bool Importer::structure_paragraph(const Paragraph& p) {
    if (region_ == Region::repeated) return true;  // a second plan body: reported once
    // "I. Sở Kế hoạch và Đầu tư chủ trì …" inside a component section is a list item, not a
    // section of the plan: those are in capitals or name a known region.
    bool roman_item = region_ == Region::tasks && sections_.open() && !is_uppercase_text(p.text) &&
                      classify_roman(head_key(p.text)) == Region::other;
    if (!p.table_row && p.marker.kind == ListMarker::Kind::roman && region_ != Region::signature &&
        region_ != Region::annex && !roman_item) {
        if (repeated_body(p)) return true;
        sections_.close();
        sections_.reset_skipping();
        numbering_.roman = p.marker.label;
        numbering_.number.clear();
        region_ = classify_roman(head_key(p.text));
        targets_.set_heading_year(0);
        heading_year(p);
        return true;
    }
    if (region_ == Region::signature) {
        // After the signature, a roman section seen before starts a second plan body.
        if (!p.table_row && p.marker.kind == ListMarker::Kind::roman && is_uppercase_text(p.text) &&
            roman_lines_.count(p.marker.label))
            return repeated_body(p);
        if (is_annex_heading(p)) {
            region_ = Region::annex;
            annex_.annex_heading(p.line);
        }
        return true;
    }
    if (region_ != Region::header && is_signature(p)) {
        sections_.close();
        region_ = Region::signature;
        return true;
    }
    if (is_annex_heading(p) && region_ != Region::header) {
        sections_.close();
        region_ = Region::annex;
        annex_.annex_heading(p.line);
        numbering_.roman.clear();
        return true;
    }
    if (p.table_row) {
        if (region_ != Region::header) {
            annex_.row(p);
            return true;
        }
        // The two-column header as a table (pandoc from Word): each cell is a header line.
        for (const auto& c : p.cells) {
            if (c.empty()) continue;
            Paragraph cell;
            cell.line = cell.end_line = p.line;
            cell.text = c;
            header_cells_.push_back(std::move(cell));
            header_.header_paragraph(header_cells_.back());
        }
        return true;
    }
    return false;
}

void Importer::region_paragraph(const Paragraph& p) {
    if (p.marker.kind == ListMarker::Kind::number) numbering_.number = p.marker.label;
    switch (region_) {
        case Region::header: {
            std::string key = head_key(p.text);
            if (opens_preamble(key)) {
                region_ = Region::preamble;
                header_.preamble_paragraph(p, owners_);
                targets_.free_targets(p, numbering_.source_of(""));
            } else if (header_.title_parts().empty() && title_idx_ == paras_.size() &&
                       starts_with_phrase(key, "ke hoach") && !is_uppercase_text(p.text)) {
                header_.start_title(p, false);
            } else {
                header_.header_paragraph(p);
            }
            break;
        }
        case Region::preamble:
            if (!has_roman_ && p.marker.kind == ListMarker::Kind::number) {
                region_ = Region::tasks;  // no roman sections: the numbered sections are the tasks
                sections_.paragraph(p);
            } else {
                header_.preamble_paragraph(p, owners_);
                targets_.free_targets(p, numbering_.source_of(""));
            }
            break;
        case Region::purpose:
        case Region::other:
            heading_year(p);
            targets_.free_targets(p, numbering_.source_of(numbering_.number));
            break;
        case Region::tasks:
            sections_.paragraph(p);
            break;
        case Region::organisation:
            duties_.paragraph(p);
            break;
        case Region::signature:
        case Region::annex:
        case Region::repeated:
            break;
    }
}

std::optional<Plan> Importer::build() {
    has_roman_ = std::any_of(paras_.begin(), paras_.end(), [](const Paragraph& p) {
        return !p.table_row && p.marker.kind == ListMarker::Kind::roman;
    });
    // Pass 1: the names the owner headings use, so that running text can be matched to them.
    owners_.learn_heading_names(paras_, has_roman_);
    title_idx_ = find_title();
    region_ = title_idx_ < paras_.size() || has_roman_ ? Region::header : Region::tasks;

    region_of_.assign(paras_.size(), Region::header);
    for (std::size_t k = 0; k < paras_.size(); ++k) {
        const auto& p = paras_[k];
        region_of_[k] = in_title_ || k == title_idx_ ? Region::header : region_;
        // Once the title is known, its years give the period (needed for deadlines without a year).
        if (!in_title_) header_.update_title_period();
        header_.cite(p);
        if (region_ != Region::repeated) impossible_dates(p);
        if (k == title_idx_) {
            header_.start_title(p, true);
            in_title_ = true;
            region_ = Region::preamble;
            continue;
        }
        if (in_title_) {
            if (title_paragraph(p)) continue;
            header_.update_title_period();  // the title just ended: its years apply from here
        }
        if (structure_paragraph(p)) continue;
        region_paragraph(p);
    }
    sections_.close();
    if (!targets_.empty()) unrecognised_sentences();
    return finish();
}

std::optional<Plan> Importer::finish() {
    if (targets_.empty()) {
        sink_.diags.error(
            sink_.at(0, 0), "no-plan-structure",
            tr("no plan structure found: no component section (`1. Chỉ số “…”`), no component target and no "
               "annex table of tasks"),
            tr("is this the text of a PGI improvement plan? docs/import.md shows the layouts pgi import reads"));
        return std::nullopt;
    }
    if (!targets_.has_targets() && tasks_.tasks.empty()) {
        explain_ = true;
        sink_.diags.error(
            sink_.at(0, 0), "no-targets-or-tasks",
            tr("no target and no task found: the text names components but sets no target and lists no task "
               "pgi can read"),
            tr("the warnings above say what was not understood; docs/import.md shows the layouts pgi import "
               "reads"));
        return std::nullopt;
    }
    header_.finish(targets_.all_targets(), targets_.all_baselines(), footnotes_);
    annex_.finish();
    footnote_use_.report_unattached(paras_, sink_);

    Plan plan;
    plan.file = sink_.file;
    targets_.finish(plan, header_.meta().period.start);
    duties_.finish(header_.meta());
    plan.meta = header_.meta();
    plan.owners = owners_.owners();
    plan.tasks = tasks_.tasks;

    // The importer's promise: what it writes passes `pgi validate`.
    Diagnostics check;
    validate_plan(plan, check);
    if (check.has_errors()) {
        for (auto d : check.items()) {
            if (d.severity != Severity::error) continue;
            d.message = trf("internal: the imported plan would not validate: {}", d.message);
            sink_.diags.add(d);
        }
        return std::nullopt;
    }
    // And what it writes reads back: the plan written in each format, loaded and validated
    // as `pgi validate` would, has no error. A finding of the reloaded text is reported at
    // the input line of the task it is in (else at the document), never at a line of a file
    // that is not written.
    if (!reads_back(plan, PlanFormat::yaml, "plan.yaml") || !reads_back(plan, PlanFormat::toml, "plan.toml"))
        return std::nullopt;
    return plan;
}

bool Importer::reads_back(const Plan& plan, PlanFormat format, const std::string& name) {
    LoadResult back = load_plan_text(write_plan(plan, format), name);
    validate_loaded(back);
    if (!back.diagnostics.has_errors()) return true;
    for (auto d : back.diagnostics.items()) {
        if (d.severity != Severity::error) continue;
        SourceLocation at = sink_.at(0);
        if (back.plan) {
            // The task whose block holds the finding: the last one starting at or before it.
            const auto& written = back.plan->tasks;
            for (std::size_t i = 0; i < written.size() && i < plan.tasks.size(); ++i)
                if (written[i].location.line > 0 && written[i].location.line <= d.location.line)
                    at = plan.tasks[i].location;
        }
        d.location = at;
        d.related.clear();
        d.message = trf("the imported plan would not read back: {}", d.message);
        d.hint = tr("nothing is written; fix the document at this line (docs/import.md)");
        sink_.diags.add(d);
    }
    return false;
}

}  // namespace

ImportResult import_plan_text(std::string_view text, const ImportOptions& options) {
    ImportResult result;
    auto prepared = recognise::prepare_import_text(text, options.file_name);
    Diagnostics found = prepared.diagnostics;
    bool explain = false;
    if (prepared.ok) {
        Importer b(prepared, options.file_name, found);
        result.plan = b.build();
        explain = b.explain();
    }
    // Without a plan structure, what could not be placed is noise: only the errors say why.
    // With a structure but no target and no task, the warnings are the reasons.
    for (const auto& d : found.items())
        if (result.plan || explain || d.severity == Severity::error) result.diagnostics.add(d);
    result.diagnostics.sort();
    return result;
}

}  // namespace pgi
