#include "pgi/intake.hpp"

#include <fmt/format.h>
#include <zip.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <pugixml.hpp>
#include <unordered_map>

#include "pgi/form.hpp"
#include "pgi/i18n.hpp"
#include "pgi/io.hpp"
#include "pgi/text.hpp"
#include "pgi/tracking.hpp"
#include "pgi/update_write.hpp"

namespace pgi {

namespace fs = std::filesystem;

const ReadCell* ReadSheet::at(int row, int col) const {
    auto it = cells.find({row, col});
    return it == cells.end() ? nullptr : &it->second;
}

std::string ReadSheet::text(int row, int col) const {
    const ReadCell* c = at(row, col);
    return c ? c->text : std::string();
}

std::string cell_name(int row, int col) {
    std::string letters;
    for (int c = col + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

namespace {

constexpr zip_uint64_t max_entry = 256u << 20;

std::optional<std::string> zip_entry(zip_t* z, const std::string& name) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name.c_str(), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE) || st.size > max_entry)
        return std::nullopt;
    zip_file_t* f = zip_fopen(z, name.c_str(), 0);
    if (!f) return std::nullopt;
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_int64_t n = data.empty() ? 0 : zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
    return data;
}

// The text of a string item (<si> or <is>): every <t>, skipping phonetic runs (<rPh>).
std::string item_text(const pugi::xml_node& n) {
    std::string out;
    for (pugi::xml_node c : n.children()) {
        std::string_view name = c.name();
        if (name == "t")
            out += c.text().get();
        else if (name == "r")
            out += item_text(c);
    }
    return out;
}

// (row, col) of "G7"; std::nullopt when malformed.
std::optional<std::pair<int, int>> parse_ref(std::string_view ref) {
    int col = 0;
    std::size_t i = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z') {
        col = col * 26 + (ref[i] - 'A' + 1);
        if (col > 16384) return std::nullopt;
        ++i;
    }
    if (i == 0 || i == ref.size()) return std::nullopt;
    int row = 0;
    for (; i < ref.size(); ++i) {
        if (ref[i] < '0' || ref[i] > '9') return std::nullopt;
        row = row * 10 + (ref[i] - '0');
        if (row > 1048576) return std::nullopt;
    }
    if (row == 0) return std::nullopt;
    return std::make_pair(row - 1, col - 1);
}

std::string number_text(double v) {
    if (std::floor(v) == v && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
    return fmt::format("{}", v);
}

}  // namespace

std::optional<std::vector<ReadSheet>> read_xlsx(const fs::path& path, std::string& error) {
    int zerr = 0;
    zip_t* z = zip_open(path.string().c_str(), ZIP_RDONLY, &zerr);
    if (!z) {
        zip_error_t ze;
        zip_error_init_with_code(&ze, zerr);
        error = trf("not a readable .xlsx (zip) file: {}", zip_error_strerror(&ze));
        zip_error_fini(&ze);
        return std::nullopt;
    }
    struct Closer {
        zip_t* z;
        ~Closer() { zip_discard(z); }
    } closer{z};

    auto wb_xml = zip_entry(z, "xl/workbook.xml");
    auto rels_xml = zip_entry(z, "xl/_rels/workbook.xml.rels");
    if (!wb_xml || !rels_xml) {
        error = tr("not an .xlsx workbook (no xl/workbook.xml)");
        return std::nullopt;
    }
    pugi::xml_document wb, rels, sst_doc;
    if (!wb.load_buffer(wb_xml->data(), wb_xml->size()) || !rels.load_buffer(rels_xml->data(), rels_xml->size())) {
        error = tr("the workbook's XML cannot be parsed");
        return std::nullopt;
    }
    std::map<std::string, std::string> targets;
    for (pugi::xml_node r : rels.child("Relationships").children("Relationship"))
        targets[r.attribute("Id").value()] = r.attribute("Target").value();

    std::vector<std::string> shared;
    if (auto sst = zip_entry(z, "xl/sharedStrings.xml")) {
        if (!sst_doc.load_buffer(sst->data(), sst->size())) {
            error = tr("xl/sharedStrings.xml cannot be parsed");
            return std::nullopt;
        }
        for (pugi::xml_node si : sst_doc.child("sst").children("si")) shared.push_back(item_text(si));
    }

    std::vector<ReadSheet> sheets;
    for (pugi::xml_node s : wb.child("workbook").child("sheets").children("sheet")) {
        ReadSheet sheet;
        sheet.name = s.attribute("name").value();
        std::string target = targets[s.attribute("r:id").value()];
        if (target.empty()) continue;
        std::string entry = target[0] == '/' ? target.substr(1) : "xl/" + target;
        auto xml = zip_entry(z, entry);
        if (!xml) {
            error = trf("the sheet `{}` cannot be read ({})", sheet.name, entry);
            return std::nullopt;
        }
        pugi::xml_document doc;
        if (!doc.load_buffer(xml->data(), xml->size())) {
            error = trf("the sheet `{}` cannot be parsed", sheet.name);
            return std::nullopt;
        }
        int next_row = 0;
        for (pugi::xml_node row : doc.child("worksheet").child("sheetData").children("row")) {
            int r = row.attribute("r") ? row.attribute("r").as_int() - 1 : next_row;
            next_row = r + 1;
            int next_col = 0;
            for (pugi::xml_node c : row.children("c")) {
                std::pair<int, int> at{r, next_col};
                if (auto ref = parse_ref(c.attribute("r").value())) at = *ref;
                next_col = at.second + 1;
                std::string_view type = c.attribute("t").value();
                ReadCell cell;
                if (type == "s") {
                    auto i = c.child("v").text().as_llong(-1);
                    if (i >= 0 && static_cast<std::size_t>(i) < shared.size())
                        cell.text = shared[static_cast<std::size_t>(i)];
                } else if (type == "inlineStr") {
                    cell.text = item_text(c.child("is"));
                } else if (type == "str" || type == "e") {
                    cell.text = c.child("v").text().get();
                } else if (type == "b") {
                    cell.text = c.child("v").text().as_int() ? "TRUE" : "FALSE";
                } else {
                    const char* v = c.child("v").text().get();
                    if (*v) {
                        cell.number = c.child("v").text().as_double();
                        cell.text = number_text(*cell.number);
                    }
                }
                if (!cell.text.empty() || cell.number) sheet.cells[at] = std::move(cell);
            }
        }
        sheets.push_back(std::move(sheet));
    }
    return sheets;
}

namespace {}  // namespace

std::optional<ReadSheet> read_csv_table(const fs::path& path, std::string& error) {
    auto text = read_file(path);
    if (!text) {
        error = text.error().message;
        return std::nullopt;
    }
    std::string_view s = *text;
    if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    if (first_invalid_utf8(s)) {
        // Windows-1258 writes Vietnamese with combining tone marks at 0xCC 0xD2 0xDE 0xEC 0xF2
        // and letters such as ơ (0xF5), ư (0xFD), đ (0xF0).
        bool cp1258 = false;
        for (unsigned char c : s)
            if (c == 0xCC || c == 0xD2 || c == 0xDE || c == 0xEC || c == 0xF2 || c == 0xF5 || c == 0xFD || c == 0xF0)
                cp1258 = true;
        error =
            cp1258
                ? tr("the file is not UTF-8; it looks like Windows-1258 (Vietnamese \"ANSI\", Excel's plain \"CSV\"): "
                     "save it again as \"CSV UTF-8 (Comma delimited)\", or send the .xlsx")
                : tr("the file is not UTF-8: save it as \"CSV UTF-8\"");
        return std::nullopt;
    }
    // Separator: whichever of , and ; the first line has more of, outside quotes.
    int commas = 0, semis = 0;
    bool q = false;
    for (char c : s) {
        if (c == '"')
            q = !q;
        else if (!q && c == '\n')
            break;
        else if (!q && c == ',')
            ++commas;
        else if (!q && c == ';')
            ++semis;
    }
    char sep = semis > commas ? ';' : ',';
    ReadSheet sheet;
    sheet.name = path.filename().string();
    int row = 0, col = 0;
    std::string field;
    bool quoted = false, was_quoted = false;
    auto put = [&] {
        if (!field.empty()) sheet.cells[{row, col}] = ReadCell{field, std::nullopt};
        field.clear();
        was_quoted = false;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
        } else if (c == sep) {
            put();
            ++col;
        } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            put();
            ++row;
            col = 0;
        } else {
            field += c;
        }
    }
    put();
    return sheet;
}

std::optional<Date> cell_date(const ReadCell& cell) {
    if (cell.number) {
        double v = *cell.number;
        if (v < 1 || v > 2958465) return std::nullopt;  // 1900-01-01 .. 9999-12-31
        // Serial 60 is the phantom 1900-02-29 of the 1900 system; serials after it count from
        // 1899-12-30, which is what every date a form can hold uses.
        return add_days(Date{1899, 12, 30}, static_cast<long>(std::floor(v)));
    }
    std::string t = cell.text;
    while (!t.empty() && t.back() == ' ') t.pop_back();
    while (!t.empty() && t.front() == ' ') t.erase(t.begin());
    if (auto iso = parse_date(t)) return iso;
    int parts[3] = {0, 0, 0};
    int k = 0, digits = 0;
    for (char c : t) {
        if (c >= '0' && c <= '9') {
            parts[k] = parts[k] * 10 + (c - '0');
            if (++digits > 4) return std::nullopt;
        } else if ((c == '/' || c == '-' || c == '.') && digits > 0 && k < 2) {
            ++k;
            digits = 0;
        } else {
            return std::nullopt;
        }
    }
    if (k != 2 || digits != 4) return std::nullopt;
    Date d{parts[2], parts[1], parts[0]};
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    return d;
}

namespace {

std::string trim(std::string s) {
    auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && ws(s.back())) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && ws(s[i])) ++i;
    return s.substr(i);
}

}  // namespace

namespace {

IntakeForm read_form_impl(const Plan& plan, const fs::path& path, const IntakeOptions& opt, Diagnostics& out) {
    IntakeForm form;
    form.file = path.string();
    form.owner = opt.owner;
    form.period = opt.period;
    std::string ext = path.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool csv = ext == ".csv";
    std::string err;
    const ReadSheet* sheet = nullptr;
    const ReadSheet* meta = nullptr;
    std::vector<ReadSheet> sheets;
    std::optional<ReadSheet> csv_sheet;
    bool table = false;  // a plain table (CSV, or an xlsx without the hidden sheet): --by and --period say whose
    auto where = [&](const std::string& sheet_name, int row, int col) {
        return SourceLocation{form.file + (csv ? "!" : ":" + sheet_name + "!") + cell_name(row, col), 0, 0};
    };
    if (csv) {
        csv_sheet = read_csv_table(path, err);
        if (!csv_sheet) {
            out.error(SourceLocation{form.file, 0, 0}, "form-unreadable", err);
            return form;
        }
        sheet = &*csv_sheet;
        if (opt.owner.empty() || !opt.period) {
            out.error(SourceLocation{form.file, 0, 0}, "form-not-pgi",
                      tr("a CSV form does not say whose and for which period it is"),
                      tr("give --by OWNER and --period PERIOD with a CSV form"));
            return form;
        }
    } else {
        auto read = read_xlsx(path, err);
        if (!read) {
            out.error(SourceLocation{form.file, 0, 0}, "form-unreadable", err,
                      tr("pgi intake reads the .xlsx forms written by `pgi form`, or the same table as CSV"));
            return form;
        }
        sheets = std::move(*read);
        for (const auto& s : sheets) {
            if (s.name == form_sheet) sheet = &s;
            if (s.name == form_meta_sheet) meta = &s;
        }
        if ((!meta || meta->text(0, 0) != "pgi-form") && !opt.owner.empty() && opt.period && !sheets.empty()) {
            // A table of the form's columns in a workbook of another tool (LibreOffice's
            // conversion of a CSV): read its first sheet like a CSV, with --by and --period.
            meta = nullptr;
            table = true;
            sheet = &sheets.front();
        } else if (!meta || meta->text(0, 0) != "pgi-form") {
            out.error(
                SourceLocation{form.file, 0, 0}, "form-not-pgi",
                trf("no hidden sheet `{}`: this is not a form written by `pgi form`", form_meta_sheet),
                tr("send the agency the form from `pgi form`; a table of your own can be read as CSV with --by and "
                   "--period"));
            return form;
        }
        if (!table && !sheet) {
            out.error(SourceLocation{form.file, 0, 0}, "form-not-pgi",
                      trf("the sheet `{}` is missing (renamed?)", form_sheet), tr("keep the sheet names of the form"));
            return form;
        }
    }
    if (!csv && !table) {
        if (meta->text(1, 1) != plan_identity(plan))
            out.error(where(form_meta_sheet, 1, 1), "form-wrong-plan",
                      trf("the form was made for another plan: `{}`", meta->text(1, 1)),
                      trf("this plan is `{}`; make the form again with `pgi form`", plan_identity(plan)));
        std::string owner = meta->text(2, 1);
        if (!opt.owner.empty() && owner != opt.owner)
            out.error(where(form_meta_sheet, 2, 1), "form-unknown-owner",
                      trf("the form is `{}`'s, not `{}`'s", owner, opt.owner), "");
        form.owner = owner;
        auto p = parse_period(meta->text(3, 1));
        if (!p) {
            out.error(where(form_meta_sheet, 3, 1), "form-not-pgi", tr("the form's period cannot be read"), "");
            return form;
        }
        if (opt.period && !(*opt.period == *p))
            out.error(where(form_meta_sheet, 3, 1), "form-wrong-period",
                      trf("the form is for {}, not for {}", format_period(*p), format_period(*opt.period)),
                      tr("intake the forms of one period at a time, or leave out --period"));
        form.period = p;
    }
    if (!plan.find_owner(form.owner)) {
        out.error(csv || table ? SourceLocation{form.file, 0, 0} : where(form_meta_sheet, 2, 1), "form-unknown-owner",
                  trf("`{}` is not an owner of the plan", form.owner), tr("owner ids are listed under `owners`"));
        return form;
    }
    if (out.has_errors()) return form;

    // The table: the header row, found by its first title ("Mã nhiệm vụ"), then data rows.
    int header = form_header_row - 1;
    if (csv || table) {
        header = -1;
        for (const auto& [rc, cell] : sheet->cells)
            if (rc.second == 0 && search_key(cell.text) == search_key("Mã nhiệm vụ")) {
                header = rc.first;
                break;
            }
        if (header < 0) {
            out.error(SourceLocation{form.file, 0, 0}, "form-not-pgi",
                      tr("no header row whose first column is `Mã nhiệm vụ`"),
                      tr("keep the form's column titles in the CSV"));
            return form;
        }
    }
    int last_row = header;
    for (const auto& [rc, cell] : sheet->cells) last_row = std::max(last_row, rc.first);

    OwnerIndex owners(plan);
    std::unordered_map<std::string_view, const Task*> tasks;
    tasks.reserve(plan.tasks.size());
    for (const auto& t : plan.tasks) tasks.emplace(t.id, &t);  // first wins, as everywhere
    const CalendarPeriod period = *form.period;
    const std::string sname = csv ? std::string() : sheet->name;
    if (table) form.owner = opt.owner, form.period = opt.period;
    for (int r = header + 1, i = 0; r <= last_row; ++r, ++i) {
        std::string task_id = trim(sheet->text(r, form_col_task));
        bool any_input = false;
        for (int c = form_col_new_status; c < form_columns; ++c)
            if (!trim(sheet->text(r, c)).empty()) any_input = true;
        if (task_id.empty() && !any_input) continue;
        // Locked cells: as the form wrote them (the hidden sheet keeps a copy from row 7).
        if (meta) {
            int mr = 6 + i;
            for (int c = 0; c < 6; ++c)
                if (trim(sheet->text(r, c)) != trim(meta->text(mr, c))) {
                    out.error(where(sname, r, c), "form-locked-cell-changed",
                              trf("the pre-filled cell was changed: `{}`, the form said `{}`", sheet->text(r, c),
                                  meta->text(mr, c)),
                              tr("the grey columns are not to be edited; put changes in the yellow columns"));
                    break;
                }
        }
        auto found = tasks.find(task_id);
        const Task* task = found == tasks.end() ? nullptr : found->second;
        if (!task) {
            out.error(where(sname, r, form_col_task), "form-unknown-task",
                      trf("`{}` is not a task of the plan", task_id), tr("rows may not be added to the form"));
            continue;
        }
        if (!owners.is_owner(*task, form.owner)) {
            out.error(where(sname, r, form_col_task), "form-foreign-task",
                      trf("task `{}` is not `{}`'s: it neither leads nor cooperates on it", task_id, form.owner),
                      tr("each agency reports on its own tasks; rows may not be added to the form"));
            continue;
        }
        std::string status_text = trim(sheet->text(r, form_col_new_status));
        if (status_text.empty()) {
            if (any_input)
                out.error(where(sname, r, form_col_new_status), "form-missing-status",
                          trf("task `{}` has a date, note or evidence but no new status", task_id),
                          trf("choose the status from the list ({})", accepted_status_text()));
            continue;
        }
        UpdateEntry e;
        e.task = task_id;
        e.update.reported_by = form.owner;
        e.update.period = format_period(period);
        e.update.location = where(sname, r, form_col_new_status);
        auto status = parse_status_label(status_text);
        if (!status)
            out.error(where(sname, r, form_col_new_status), "form-bad-status", trf("`{}` is not a status", status_text),
                      trf("use {}", accepted_status_text()));
        else
            e.update.status = *status;
        const ReadCell* dc = sheet->at(r, form_col_date);
        if (!dc || trim(dc->text).empty()) {
            out.error(where(sname, r, form_col_date), "form-missing-date",
                      trf("task `{}`: the date of the update is missing", task_id), tr("write the date as dd/mm/yyyy"));
        } else if (auto d = cell_date(*dc)) {
            e.update.date = *d;
            if (!update_date_fits_period(*d, period))
                out.error(where(sname, r, form_col_date), "form-date-outside-period",
                          trf("the date {} is outside the period {}", format_date(*d), format_period(period)),
                          tr("a date in the period or in the month after it"));
        } else {
            out.error(where(sname, r, form_col_date), "form-bad-date", trf("`{}` is not a date", dc->text),
                      tr("write the date as dd/mm/yyyy"));
        }
        std::string pct = trim(sheet->text(r, form_col_percent));
        if (!pct.empty()) {
            if (pct.back() == '%') pct = trim(pct.substr(0, pct.size() - 1));
            const ReadCell* pc = sheet->at(r, form_col_percent);
            int value = -1;
            if (pc && pc->number && !pc->text.empty() && pc->text.back() != '%') {
                double v = *pc->number;
                // A cell formatted as a percentage stores 0.6 for 60%.
                if (v > 0 && v < 1 && std::floor(v * 100) == v * 100) v *= 100;
                if (std::floor(v) == v && v >= 0 && v <= 100) value = static_cast<int>(v);
            } else if (!pct.empty() && pct.size() <= 3 && pct.find_first_not_of("0123456789") == std::string::npos) {
                value = std::stoi(pct);
                if (value > 100) value = -1;
            }
            if (value < 0)
                out.error(where(sname, r, form_col_percent), "form-bad-percent",
                          trf("`{}` is not a whole number from 0 to 100", sheet->text(r, form_col_percent)), "");
            else
                e.update.percent = value;
        }
        std::string note = trim(sheet->text(r, form_col_note));
        std::string difficulties = trim(sheet->text(r, form_col_difficulties));
        if (!difficulties.empty())
            note += (note.empty() ? "" : "\n") + std::string("Khó khăn, vướng mắc: ") + difficulties;
        e.update.note = note;
        std::string ev = sheet->text(r, form_col_evidence);
        std::size_t start = 0;
        while (start <= ev.size()) {
            auto semi = ev.find(';', start);
            std::string part = trim(ev.substr(start, semi == std::string::npos ? std::string::npos : semi - start));
            if (!part.empty()) e.update.evidence.push_back(part);
            if (semi == std::string::npos) break;
            start = semi + 1;
        }
        form.entries.push_back(std::move(e));
    }
    return form;
}

}  // namespace

IntakeForm read_form(const Plan& plan, const fs::path& path, const IntakeOptions& options, Diagnostics& out) {
    Diagnostics mine;
    IntakeForm form = read_form_impl(plan, path, options, mine);
    out.append(mine);
    return form;
}

}  // namespace pgi
