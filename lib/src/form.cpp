#include "pgi/form.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <set>

#include "pgi/i18n.hpp"
#include "pgi/labels.hpp"
#include "pgi/report.hpp"
#include "pgi/text.hpp"
#include "pgi/tracking.hpp"

namespace pgi {

namespace fs = std::filesystem;

std::string plan_identity(const Plan& plan) {
    return plan.meta.document_number + " | " + plan.meta.issuer + " | " + plan.meta.title;
}

std::vector<std::string> form_owners(const Plan& plan) {
    OwnerIndex owners(plan);
    std::vector<std::string> out;
    std::set<std::string> seen;
    auto add = [&](const std::string& id) {
        if (id.empty()) return;
        for (auto& u : owners.units(id))
            if (seen.insert(u).second) out.push_back(u);
    };
    for (const auto& t : plan.tasks) {
        add(t.lead);
        for (const auto& c : t.cooperating) add(c);
    }
    std::stable_sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
        return owners.position(a) < owners.position(b);
    });
    return out;
}

namespace {

// the form is in Vietnamese: dd/mm/yyyy (labels.hpp)
std::string vi_date(const Date& d) {
    return format_date(d, Language::vi);
}

const char* recurrence_vi(Recurrence r) {
    switch (r) {
        case Recurrence::none:
            return "";
        case Recurrence::continuous:
            return "Thường xuyên";
        case Recurrence::daily:
            return "Hằng ngày";
        case Recurrence::weekly:
            return "Hằng tuần";
        case Recurrence::monthly:
            return "Hằng tháng";
        case Recurrence::quarterly:
            return "Hằng quý";
        case Recurrence::half_yearly:
            return "6 tháng một lần";
        case Recurrence::yearly:
            return "Hằng năm";
    }
    return "";
}

std::string owner_name(const Plan& plan, const std::string& id) {
    const Owner* o = plan.find_owner(id);
    return o ? o->name : id;
}

}  // namespace

std::vector<FormRow> form_rows(const Plan& plan, const std::string& owner, const CalendarPeriod& period,
                               const Date& as_of) {
    OwnerIndex owners(plan);
    std::vector<FormRow> rows;
    for (const auto& t : plan.tasks) {
        bool lead = owners.is_owner(t, owner, OwnerRole::lead);
        if (!lead && !owners.is_owner(t, owner, OwnerRole::cooperating)) continue;
        FormRow r;
        r.cells[form_col_task] = t.id;
        r.cells[form_col_text] = t.text;
        const Component* c = plan.find_component(t.component);
        r.cells[form_col_component] = c ? component_names(*c).name : t.component;
        r.cells[form_col_role] = role_label(lead ? TaskRole::lead : TaskRole::cooperating, Language::vi);
        TaskState s = task_state(t, period, as_of);
        if (s.due)
            r.cells[form_col_due] = vi_date(*s.due);
        else
            r.cells[form_col_due] = recurrence_vi(t.recurrence);
        r.cells[form_col_status] = std::string(status_label(s.status, Language::vi));
        if (s.percent) r.cells[form_col_status] += fmt::format(" ({}%)", *s.percent);
        rows.push_back(std::move(r));
    }
    return rows;
}

namespace {

// Rows of wrapped text need an explicit height: neither libxlsxwriter nor LibreOffice fits
// them when the file is opened. Lines of `text` in a column `width` characters wide (Excel's
// unit, the width of "0"; Vietnamese text runs a little narrower), at 15 points a line.
double wrapped_height(const std::string& text, double width) {
    std::size_t per_line = static_cast<std::size_t>(width * 1.1);
    if (per_line == 0) per_line = 1;
    std::size_t lines = 0, chars = 0;
    auto flush = [&] {
        lines += chars == 0 ? 1 : (chars + per_line - 1) / per_line;
        chars = 0;
    };
    for (std::size_t i = 0; i < text.size();) {  // count code points, not bytes
        if (text[i] == '\n')
            flush();
        else
            ++chars;
        i += decode_utf8(text, i).size;
    }
    flush();
    return static_cast<double>(lines) * 15.0 + 3.0;
}

// libxlsxwriter error to text.
std::string lxw_text(lxw_error e) {
    return e == LXW_NO_ERROR ? std::string() : std::string(lxw_strerror(e));
}

}  // namespace

std::string write_form_xlsx(const Plan& plan, const std::string& owner, const CalendarPeriod& period, const Date& as_of,
                            long long created_epoch, const fs::path& path) {
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    fs::path tmp = dir / ("." + path.filename().string() + ".tmp");
    lxw_workbook* wb = workbook_new(tmp.string().c_str());
    if (!wb) return trf("cannot create {}", tmp.string());

    lxw_doc_properties props{};
    std::string title =
        "Phiếu báo cáo tiến độ — " + owner_name(plan, owner) + " — " + period_label(period, Language::vi);
    props.title = const_cast<char*>(title.c_str());
    props.author = const_cast<char*>("pgi");
    props.created = static_cast<time_t>(created_epoch);
    workbook_set_properties(wb, &props);

    // ---- formats ----
    lxw_format* h1 = workbook_add_format(wb);
    format_set_bold(h1);
    format_set_font_size(h1, 14);
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    lxw_format* wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_bg_color(head, 0xD9E1F2);
    lxw_format* locked = workbook_add_format(wb);
    format_set_text_wrap(locked);
    format_set_align(locked, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(locked, LXW_BORDER_THIN);
    format_set_bg_color(locked, 0xEDEDED);
    lxw_format* input = workbook_add_format(wb);
    format_set_unlocked(input);
    format_set_text_wrap(input);
    format_set_align(input, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(input, LXW_BORDER_THIN);
    format_set_bg_color(input, 0xFFF2CC);
    lxw_format* input_date = workbook_add_format(wb);
    format_set_unlocked(input_date);
    format_set_num_format(input_date, "dd/mm/yyyy");
    format_set_align(input_date, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(input_date, LXW_BORDER_THIN);
    format_set_bg_color(input_date, 0xFFF2CC);

    std::string agency = owner_name(plan, owner);
    std::string period_text =
        period_label(period, Language::vi) + " (từ " + vi_date(period.first) + " đến " + vi_date(period.last) + ")";
    std::string plan_text =
        plan.meta.document_number.empty() ? plan.meta.title : plan.meta.document_number + ", " + plan.meta.title;
    // Where and when to send it: the agency's earliest report owed for the period.
    OwnerIndex owners(plan);
    std::string send_to = plan.meta.focal_agency.empty() ? std::string() : owner_name(plan, plan.meta.focal_agency);
    // The due date to print: of the reports owed for the period (duty occurrences whose
    // period ends in it), the first due on or after the as-of date, else the last one.
    std::optional<Date> due;
    for (const auto& rep : plan.meta.reports) {
        auto senders = duty_senders(plan, owners, rep);
        if (std::find(senders.begin(), senders.end(), owner) == senders.end()) continue;
        for (const auto& occ : duty_occurrences(plan, rep, period)) {
            if (!contains(period, occ.covers.last)) continue;
            bool better = !due || (!(occ.due < as_of) && (*due < as_of || occ.due < *due)) ||
                          (*due < as_of && occ.due < as_of && *due < occ.due);
            if (better) {
                due = occ.due;
                if (!rep.to.empty()) send_to = owner_name(plan, rep.to);
            }
        }
    }
    std::string due_text = due ? vi_date(*due) : std::string();

    // ---- sheet 1: instructions ----
    lxw_worksheet* guide = workbook_add_worksheet(wb, "Hướng dẫn");
    worksheet_set_column(guide, 0, 0, 110, wrap);
    int r = 0;
    worksheet_write_string(guide, r++, 0,
                           "PHIẾU BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI THIỆN CHỈ SỐ XANH CẤP TỈNH (PGI)", h1);
    ++r;
    worksheet_write_string(guide, r++, 0, ("Cơ quan, đơn vị báo cáo: " + agency).c_str(), bold);
    worksheet_write_string(guide, r++, 0, ("Kỳ báo cáo: " + period_text).c_str(), bold);
    worksheet_set_row(guide, static_cast<lxw_row_t>(r), wrapped_height("Kế hoạch: " + plan_text, 110), nullptr);
    worksheet_write_string(guide, r++, 0, ("Kế hoạch: " + plan_text).c_str(), wrap);
    if (!plan.meta.issuer.empty())
        worksheet_write_string(guide, r++, 0, ("Cơ quan ban hành: " + plan.meta.issuer).c_str(), wrap);
    if (!send_to.empty()) worksheet_write_string(guide, r++, 0, ("Gửi về: " + send_to).c_str(), wrap);
    if (!due_text.empty()) worksheet_write_string(guide, r++, 0, ("Hạn gửi báo cáo: " + due_text).c_str(), bold);
    ++r;
    worksheet_write_string(guide, r++, 0, "Cách điền phiếu", bold);
    std::string labels;
    for (const auto& l : vietnamese_status_labels()) labels += (labels.empty() ? "" : ", ") + l;
    const std::string steps[] = {
        "1. Mở trang tính \"Báo cáo\". Mỗi dòng là một nhiệm vụ mà cơ quan chủ trì hoặc phối hợp thực hiện.",
        "2. Các cột nền xám (Mã nhiệm vụ, Nội dung, Chỉ số thành phần, Vai trò, Thời hạn, Tình trạng trước) đã được "
        "điền "
        "sẵn và khóa lại: không sửa các ô này.",
        "3. Điền vào các cột nền vàng cho những nhiệm vụ có thay đổi trong kỳ:",
        "   • Tình trạng mới: chọn trong danh sách (" + labels + ");",
        "   • Ngày cập nhật: ngày có kết quả hoặc ngày báo cáo, dạng ngày/tháng/năm (ví dụ " + vi_date(period.last) +
            "), trong kỳ báo cáo hoặc tháng liền sau;",
        "   • Tỷ lệ hoàn thành (%): số từ 0 đến 100 (có thể để trống);",
        "   • Kết quả thực hiện: nội dung đã làm trong kỳ;",
        "   • Minh chứng: số, ký hiệu văn bản hoặc đường dẫn; nhiều minh chứng cách nhau bằng dấu chấm phẩy (;);",
        "   • Khó khăn, vướng mắc, đề xuất (nếu có).",
        "4. Nhiệm vụ không có thay đổi: để trống cột \"Tình trạng mới\".",
        "5. Không thêm, xóa hay đổi thứ tự các dòng, không đổi tên trang tính. Lưu tệp ở dạng Excel (.xlsx) và gửi lại "
        "cho cơ quan đầu mối" +
            (send_to.empty() ? std::string() : " (" + send_to + ")") +
            (due_text.empty() ? std::string(".") : " trước ngày " + due_text + "."),
    };
    for (const auto& s : steps) {
        worksheet_set_row(guide, static_cast<lxw_row_t>(r), wrapped_height(s, 110), nullptr);
        worksheet_write_string(guide, r++, 0, s.c_str(), wrap);
    }
    worksheet_set_landscape(guide);
    worksheet_set_paper(guide, 9);  // A4
    worksheet_fit_to_pages(guide, 1, 0);

    // ---- sheet 2: the form ----
    lxw_worksheet* ws = workbook_add_worksheet(wb, form_sheet);
    auto rows = form_rows(plan, owner, period, as_of);
    const double widths[form_columns] = {9, 44, 18, 9, 12, 15, 15, 12, 10, 32, 18, 26};
    for (int c = 0; c < form_columns; ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
    worksheet_write_string(ws, 0, 0, "PHIẾU BÁO CÁO TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI THIỆN CHỈ SỐ PGI", h1);
    worksheet_write_string(ws, 1, 0, ("Cơ quan, đơn vị: " + agency).c_str(), bold);
    worksheet_write_string(ws, 2, 0, ("Kỳ báo cáo: " + period_text).c_str(), bold);
    const char* titles[form_columns] = {"Mã nhiệm vụ",       "Nội dung nhiệm vụ", "Chỉ số thành phần",
                                        "Vai trò",           "Thời hạn",          "Tình trạng trước",
                                        "Tình trạng mới",    "Ngày cập nhật",     "Tỷ lệ hoàn thành (%)",
                                        "Kết quả thực hiện", "Minh chứng",        "Khó khăn, vướng mắc, đề xuất"};
    const lxw_row_t header = form_header_row - 1;
    worksheet_set_row(ws, header, 32, nullptr);
    for (int c = 0; c < form_columns; ++c)
        worksheet_write_string(ws, header, static_cast<lxw_col_t>(c), titles[c], head);
    lxw_row_t first = header + 1;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        lxw_row_t row = first + static_cast<lxw_row_t>(i);
        double height = 18;
        for (int c = 0; c < 6; ++c) height = std::max(height, wrapped_height(rows[i].cells[c], widths[c]));
        worksheet_set_row(ws, row, height, nullptr);
        for (int c = 0; c < 6; ++c)
            worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), rows[i].cells[c].c_str(), locked);
        for (int c = 6; c < form_columns; ++c)
            worksheet_write_blank(ws, row, static_cast<lxw_col_t>(c), c == form_col_date ? input_date : input);
    }
    if (!rows.empty()) {
        lxw_row_t last = first + static_cast<lxw_row_t>(rows.size()) - 1;
        // Drop-down of the Vietnamese labels (Excel keeps at most 255 characters of list).
        std::vector<std::string> list = vietnamese_status_labels();
        std::vector<char*> ptrs;
        for (auto& s : list) ptrs.push_back(s.data());
        ptrs.push_back(nullptr);
        lxw_data_validation status{};
        status.validate = LXW_VALIDATION_TYPE_LIST;
        status.value_list = ptrs.data();
        status.input_title = const_cast<char*>("Tình trạng mới");
        status.input_message = const_cast<char*>("Chọn trong danh sách; để trống nếu không thay đổi.");
        status.error_title = const_cast<char*>("Tình trạng không hợp lệ");
        status.error_message = const_cast<char*>("Chọn một tình trạng trong danh sách.");
        worksheet_data_validation_range(ws, first, form_col_new_status, last, form_col_new_status, &status);

        CalendarPeriod after = period_containing(PeriodKind::month, add_days(period.last, 1));
        lxw_data_validation date{};
        date.validate = LXW_VALIDATION_TYPE_DATE;
        date.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        date.minimum_datetime = lxw_datetime{period.first.year, period.first.month, period.first.day, 0, 0, 0};
        date.maximum_datetime = lxw_datetime{after.last.year, after.last.month, after.last.day, 0, 0, 0};
        date.error_title = const_cast<char*>("Ngày không hợp lệ");
        std::string date_msg = "Nhập ngày từ " + vi_date(period.first) + " đến " + vi_date(after.last) + ".";
        date.error_message = date_msg.data();
        worksheet_data_validation_range(ws, first, form_col_date, last, form_col_date, &date);

        lxw_data_validation pct{};
        pct.validate = LXW_VALIDATION_TYPE_INTEGER;
        pct.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        pct.minimum_number = 0;
        pct.maximum_number = 100;
        pct.error_title = const_cast<char*>("Tỷ lệ không hợp lệ");
        pct.error_message = const_cast<char*>("Nhập một số nguyên từ 0 đến 100.");
        worksheet_data_validation_range(ws, first, form_col_percent, last, form_col_percent, &pct);
    }
    worksheet_freeze_panes(ws, first, 2);
    worksheet_repeat_rows(ws, header, header);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_protect(ws, nullptr, nullptr);
    worksheet_activate(ws);

    // ---- hidden sheet: what intake needs to match the form back ----
    lxw_worksheet* meta = workbook_add_worksheet(wb, form_meta_sheet);
    const std::pair<const char*, std::string> keys[] = {
        {"pgi-form", "1"},
        {"plan", plan_identity(plan)},
        {"owner", owner},
        {"period", format_period(period)},
        {"as_of", format_date(as_of)},
    };
    lxw_row_t mr = 0;
    for (const auto& [k, v] : keys) {
        worksheet_write_string(meta, mr, 0, k, nullptr);
        worksheet_write_string(meta, mr, 1, v.c_str(), nullptr);
        ++mr;
    }
    ++mr;
    for (std::size_t i = 0; i < rows.size(); ++i, ++mr)
        for (int c = 0; c < 6; ++c)
            worksheet_write_string(meta, mr, static_cast<lxw_col_t>(c), rows[i].cells[c].c_str(), nullptr);
    worksheet_hide(meta);
    worksheet_protect(meta, nullptr, nullptr);

    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR) {
        std::remove(tmp.string().c_str());
        return trf("cannot write {}: {}", path.string(), lxw_text(e));
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return trf("cannot write {}: {}", path.string(), ec.message());
    }
    return {};
}

}  // namespace pgi
