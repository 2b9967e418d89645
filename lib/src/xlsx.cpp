// render_xlsx() over libxlsxwriter.
#include "pgi/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pgi/i18n.hpp"
#include "pgi/text.hpp"

namespace pgi {

namespace {

namespace fs = std::filesystem;

double cell_chars(const XlsxValue& v) {
    if (auto s = std::get_if<std::string>(&v)) {
        // The longest line, in display columns.
        std::size_t best = 0, start = 0;
        for (;;) {
            auto nl = s->find('\n', start);
            best = std::max(best,
                            display_width(s->substr(start, nl == std::string::npos ? std::string::npos : nl - start)));
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
        return static_cast<double>(best);
    }
    if (std::holds_alternative<Date>(v)) return 10;
    if (std::holds_alternative<Score>(v)) return 7;
    if (std::holds_alternative<long>(v)) return 6;
    return 0;
}

// Days since 1970-01-01 of a UTC date, as time_t at midnight.
time_t midnight_utc(const Date& d) {
    return static_cast<time_t>(days_from_civil(d)) * 86400;
}

}  // namespace

std::optional<std::string> render_xlsx(const Workbook& wb, const Date& stamp, std::string& error) {
    // libxlsxwriter 1.1 writes to a file name only: a private temporary file.
    std::string tmpdir = std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
    std::string pattern = tmpdir + "/pgi-xlsx-XXXXXX";
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) {
        error = trf("cannot create a temporary file in {}", tmpdir);
        return std::nullopt;
    }
    ::close(fd);
    std::string path(name.data());
    struct Cleanup {
        std::string p;
        ~Cleanup() { std::remove(p.c_str()); }
    } cleanup{path};

    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = nullptr;
    options.use_zip64 = LXW_FALSE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (!book) {
        error = tr("libxlsxwriter cannot start a workbook");
        return std::nullopt;
    }
    lxw_doc_properties props{};
    std::string title = wb.title, author = wb.author;
    props.title = title.data();
    props.author = author.data();
    props.created = midnight_utc(stamp);
    workbook_set_properties(book, &props);

    lxw_format* header = workbook_add_format(book);
    format_set_bold(header);
    format_set_text_wrap(header);
    format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
    format_set_bottom(header, LXW_BORDER_THIN);
    auto make = [&](const char* num, bool bold) {
        lxw_format* f = workbook_add_format(book);
        if (num) format_set_num_format(f, num);
        if (bold) format_set_bold(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        return f;
    };
    lxw_format* text_f[2] = {make(nullptr, false), make(nullptr, true)};
    format_set_text_wrap(text_f[0]);
    format_set_text_wrap(text_f[1]);
    lxw_format* score_f[2] = {make("0.00", false), make("0.00", true)};
    lxw_format* int_f[2] = {make("0", false), make("0", true)};
    lxw_format* pct_f[2] = {make("0%", false), make("0%", true)};
    lxw_format* date_f[2] = {make("dd/mm/yyyy", false), make("dd/mm/yyyy", true)};

    for (const auto& sheet : wb.sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(book, sheet.name.c_str());
        if (!ws) {
            workbook_close(book);
            error = trf("invalid sheet name `{}`", sheet.name);
            return std::nullopt;
        }
        for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
            const auto& col = sheet.columns[c];
            auto cc = static_cast<lxw_col_t>(c);
            worksheet_write_string(ws, 0, cc, col.header.c_str(), header);
            double w = col.width;
            if (w <= 0) {
                // The longest word of the header (it wraps) or the longest cell, within 8..60.
                double longest = 0;
                std::string word;
                for (char ch : col.header + " ") {
                    if (ch == ' ') {
                        longest = std::max(longest, static_cast<double>(display_width(word)));
                        word.clear();
                    } else
                        word += ch;
                }
                for (const auto& row : sheet.rows)
                    if (c < row.size()) longest = std::max(longest, cell_chars(row[c]));
                w = std::clamp(longest + 2, 8.0, 60.0);
            }
            worksheet_set_column(ws, cc, cc, w, nullptr);
        }
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            auto rr = static_cast<lxw_row_t>(r + 1);
            int b = r < sheet.bold_rows.size() && sheet.bold_rows[r] ? 1 : 0;
            for (std::size_t c = 0; c < sheet.rows[r].size() && c < sheet.columns.size(); ++c) {
                auto cc = static_cast<lxw_col_t>(c);
                const XlsxValue& v = sheet.rows[r][c];
                XlsxKind kind = sheet.columns[c].kind;
                if (auto s = std::get_if<std::string>(&v)) {
                    worksheet_write_string(ws, rr, cc, s->c_str(), text_f[b]);
                } else if (auto sc = std::get_if<Score>(&v)) {
                    // Hundredths to a double only at the very end, for the file: 484 -> 4.84.
                    worksheet_write_number(ws, rr, cc, static_cast<double>(sc->hundredths()) / 100.0, score_f[b]);
                } else if (auto n = std::get_if<long>(&v)) {
                    if (kind == XlsxKind::percent)
                        worksheet_write_number(ws, rr, cc, static_cast<double>(*n) / 100.0, pct_f[b]);
                    else
                        worksheet_write_number(ws, rr, cc, static_cast<double>(*n), int_f[b]);
                } else if (auto d = std::get_if<Date>(&v)) {
                    lxw_datetime dt{d->year, d->month, d->day, 0, 0, 0};
                    worksheet_write_datetime(ws, rr, cc, &dt, date_f[b]);
                } else if (b) {
                    worksheet_write_blank(ws, rr, cc, text_f[b]);
                }
            }
        }
        worksheet_freeze_panes(ws, 1, 0);
        if (sheet.autofilter && !sheet.columns.empty())
            worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(sheet.rows.size()),
                                 static_cast<lxw_col_t>(sheet.columns.size() - 1));
        if (sheet.chart && !sheet.rows.empty()) {
            const XlsxChart& ch = *sheet.chart;
            lxw_chart* chart = workbook_add_chart(book, LXW_CHART_COLUMN);
            for (std::size_t s : ch.series) {
                lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
                auto first = static_cast<lxw_row_t>(ch.first_row + 1), last = static_cast<lxw_row_t>(ch.last_row + 1);
                chart_series_set_categories(series, sheet.name.c_str(), first, static_cast<lxw_col_t>(ch.categories),
                                            last, static_cast<lxw_col_t>(ch.categories));
                chart_series_set_values(series, sheet.name.c_str(), first, static_cast<lxw_col_t>(s), last,
                                        static_cast<lxw_col_t>(s));
                chart_series_set_name_range(series, sheet.name.c_str(), 0, static_cast<lxw_col_t>(s));
            }
            chart_title_set_name(chart, ch.title.c_str());
            chart_axis_set_num_format(chart->y_axis, "0.00");
            chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
            lxw_chart_options place{};
            place.x_scale = 1.6;
            place.y_scale = 1.4;
            worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(sheet.rows.size() + 3), 1, chart, &place);
        }
    }
    lxw_error rc = workbook_close(book);
    if (rc != LXW_NO_ERROR) {
        error = std::string("libxlsxwriter: ") + lxw_strerror(rc);
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = trf("cannot read back {}", path);
        return std::nullopt;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace pgi
