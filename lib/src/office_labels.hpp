// The labels of the office formats (report_docx.cpp, report_xlsx.cpp), taken from the label
// catalogue (pgi/labels.def) into one struct per language so that the builders read
// `L.col_target`. Internal to libpgi. Counted labels (late_by_days) are formatted with
// label_count() where they are used.
#pragma once

#include "pgi/labels.hpp"

namespace pgi::office {

struct DocLabels {
    const char *kind, *report_subject, *gap_subject, *intro, *gap_intro, *closing, *plan_ref, *s_scores,
        *s_components, *s_owners, *s_changes, *s_deadlines, *overdue_title, *upcoming_title, *s_not_reported,
        *s_gap_tasks, *none, *appendix_title, *appendix_note;
    const char *col_number, *col_component, *col_baseline, *col_current, *col_source, *col_target, *col_gap,
        *col_assessment, *met, *not_met, *total, *all_components, *from_baseline, *from_official, *from_estimate,
        *col_tasks, *col_overdue, *col_percent, *col_agency, *col_lead, *col_cooperating, *col_reported,
        *reported_on, *not_reported, *due_on, *no_duty, *not_yet_due, *col_date, *col_task, *col_reporter,
        *col_status, *col_progress, *col_evidence, *col_note, *col_due, *col_days_overdue, *col_days_left,
        *col_report_due, *col_situation, *col_send_to, *col_file, *col_revision;
    const char *sheet_scores, *sheet_components, *sheet_owners, *sheet_changes, *sheet_overdue, *sheet_upcoming,
        *sheet_not_reported, *sheet_sources, *sheet_tasks, *chart_title, *col_id, *col_recurrence, *col_last_update,
        *col_text, *col_plan_ref, *col_period, *col_days_late, *col_result;
};

// The catalogue's texts are string literals, so their data() is NUL-terminated.
inline DocLabels make_labels(Language l) {
    auto t = [l](Label k) { return label(k, l).data(); };
    return DocLabels{
        t(Label::office_kind_report), t(Label::office_report_subject), t(Label::office_gap_subject),
        t(Label::office_intro), t(Label::office_gap_intro), t(Label::office_closing), t(Label::office_plan_ref),
        t(Label::office_s_scores), t(Label::office_s_components), t(Label::office_s_owners),
        t(Label::office_s_changes), t(Label::office_s_deadlines), t(Label::report_overdue_title),
        t(Label::office_upcoming_title), t(Label::office_s_not_reported), t(Label::office_s_gap_tasks),
        t(Label::report_none), t(Label::office_appendix_title), t(Label::office_appendix_note),
        t(Label::col_number), t(Label::col_component), t(Label::col_baseline), t(Label::col_current),
        t(Label::col_source), t(Label::col_target), t(Label::col_gap), t(Label::col_assessment), t(Label::met),
        t(Label::not_met), t(Label::total_pgi), t(Label::all_components), t(Label::source_baseline),
        t(Label::source_official), t(Label::source_estimate), t(Label::col_tasks), t(Label::col_overdue),
        t(Label::col_percent_done), t(Label::col_agency), t(Label::role_lead), t(Label::role_cooperating),
        t(Label::col_reported_this_period), t(Label::reported_on), t(Label::not_reported), t(Label::due_on),
        t(Label::no_duty), t(Label::not_yet_due), t(Label::col_date), t(Label::col_task), t(Label::col_reporter),
        t(Label::col_status), t(Label::col_progress), t(Label::col_evidence), t(Label::col_note), t(Label::col_due),
        t(Label::col_days_overdue), t(Label::col_days_left), t(Label::col_report_due), t(Label::col_situation),
        t(Label::col_send_to), t(Label::col_file), t(Label::col_revision),
        t(Label::sheet_scores), t(Label::sheet_components), t(Label::sheet_owners), t(Label::sheet_changes),
        t(Label::sheet_overdue), t(Label::sheet_upcoming), t(Label::sheet_not_reported), t(Label::sheet_sources),
        t(Label::sheet_tasks), t(Label::chart_scores), t(Label::col_agency_id), t(Label::col_recurrence),
        t(Label::col_last_update), t(Label::col_text), t(Label::col_plan_ref), t(Label::col_about_period),
        t(Label::col_days_late), t(Label::col_result)};
}

inline const DocLabels& labels(Language l) {
    static const DocLabels vi = make_labels(Language::vi);
    static const DocLabels en = make_labels(Language::en);
    return l == Language::en ? en : vi;
}

}  // namespace pgi::office
