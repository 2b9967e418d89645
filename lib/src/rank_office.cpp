// `pgi rank` as a .docx and an .xlsx, and the rank blocks of the report and gap documents and
// workbooks (rank_office.hpp). The texts are those of the terminal output (rank_render.hpp).
#include "pgi/rank_office.hpp"

#include <fmt/format.h>

#include "pgi/labels.hpp"
#include "rank_render.hpp"

namespace pgi {

namespace {

std::string L(Label key, Language l) {
    return std::string(label(key, l));
}

DocBlock block(DocBlock::Kind kind, std::string text) {
    DocBlock b;
    b.kind = kind;
    b.text = std::move(text);
    return b;
}

DocBlock table_block(Table t) {
    DocBlock b;
    b.kind = DocBlock::Kind::table;
    b.table = std::move(t);
    return b;
}

XlsxValue opt(const std::optional<Score>& s) {
    return s ? XlsxValue(*s) : XlsxValue();
}
XlsxValue opt_int(int n) {
    return n ? XlsxValue(static_cast<long>(n)) : XlsxValue();
}
XlsxValue txt(std::string s) {
    return XlsxValue(std::move(s));
}

}  // namespace

OfficialDocument rank_document(const RankReport& r, const ReportSettings& s, const Date& date,
                               const DocumentOptions& o) {
    const Language l = o.language;
    const bool comma = o.decimal_comma;
    OfficialDocument d;
    fill_office_header(d, s, date);
    d.language = l == Language::en ? "en" : "vi";
    d.kind = L(Label::office_kind_report, l);
    d.subject = format_label(Label::office_rank_subject, l, r.province_name, r.year);
    d.body.push_back(block(DocBlock::Kind::paragraph, detail::rank_table_line(r, l) + "."));
    int n = 1;
    auto heading = [&](const std::string& text) {
        d.body.push_back(block(DocBlock::Kind::heading, fmt::format("{}. {}", n++, text)));
    };

    heading(format_label(Label::rank_title, l, r.year, r.province_name));
    for (const auto& [k, v] : detail::rank_summary(r, l, comma))
        d.body.push_back(block(DocBlock::Kind::paragraph, "- " + k + ": " + v + "."));

    heading(L(Label::rank_components_title, l));
    d.body.push_back(table_block(detail::rank_component_table(r, l, comma)));

    if (!r.targets.empty()) {
        heading(format_label(Label::gap_rank_targets, l, r.year));
        for (const auto& line : detail::rank_target_lines(r.targets, l, comma))
            d.body.push_back(block(DocBlock::Kind::paragraph, "- " + line + "."));
    }
    if (r.trend.size() > 1) {
        heading(L(Label::rank_trend_title, l));
        d.body.push_back(table_block(detail::rank_trend_table(r, l, comma)));
    }
    if (!r.changes.empty()) {
        heading(L(Label::rank_what_if_title, l));
        for (const auto& line : detail::rank_what_if_lines(r, l, comma))
            d.body.push_back(block(DocBlock::Kind::paragraph, "- " + line + "."));
    }
    d.body.push_back(block(DocBlock::Kind::note, L(Label::rank_note, l)));
    return d;
}

Workbook rank_workbook(const RankReport& r, Language l) {
    Workbook wb;
    wb.title = format_label(Label::rank_title, l, r.year, r.province_name);
    {
        XlsxSheet s;
        s.name = L(Label::sheet_rank, l);
        s.columns = {{L(Label::rank_col_item, l), XlsxKind::text, 0}, {L(Label::rank_col_value, l), XlsxKind::text, 0}};
        s.rows.push_back({txt(format_label(Label::rank_title, l, r.year, r.province_name)), XlsxValue()});
        s.rows.push_back({txt(L(Label::col_source, l)), txt(detail::rank_table_line(r, l))});
        for (const auto& [k, v] : detail::rank_summary(r, l, false)) s.rows.push_back({txt(k), txt(v)});
        if (!r.targets.empty()) {
            s.rows.push_back({txt(format_label(Label::gap_rank_targets, l, r.year)), XlsxValue()});
            for (const auto& t : r.targets)
                s.rows.push_back({txt(detail::rank_target_label(t.target, l)), txt(rank_target_line(t, l, false))});
        }
        if (!r.changes.empty()) {
            s.rows.push_back({txt(L(Label::rank_what_if_title, l)), XlsxValue()});
            for (const auto& line : detail::rank_what_if_lines(r, l, false)) s.rows.push_back({XlsxValue(), txt(line)});
        }
        s.rows.push_back({txt(L(Label::col_note, l)), txt(L(Label::rank_note, l))});
        s.columns[0].width = 60;
        s.columns[1].width = 160;
        wb.sheets.push_back(std::move(s));
    }
    {
        XlsxSheet s;
        s.name = L(Label::sheet_rank_components, l);
        s.columns = {{L(Label::col_number, l), XlsxKind::integer, 5},
                     {L(Label::col_component, l), XlsxKind::text, 0},
                     {L(Label::rank_col_score, l), XlsxKind::score, 0},
                     {L(Label::rank_col_place, l), XlsxKind::integer, 0},
                     {L(Label::rank_col_median, l), XlsxKind::score, 0},
                     {L(Label::rank_col_best, l), XlsxKind::score, 0},
                     {L(Label::rank_col_gap_median, l), XlsxKind::score, 0},
                     {format_label(Label::rank_col_group_avg, l, r.top_n), XlsxKind::score, 0},
                     {format_label(Label::rank_col_gap_group, l, r.top_n), XlsxKind::score, 0}};
        Table names = detail::rank_component_table(r, l, false);
        for (std::size_t k = 0; k < r.components.size(); ++k) {
            const auto& c = r.components[k];
            s.rows.push_back({XlsxValue(static_cast<long>(c.number)), txt(names.rows[k][1].text), opt(c.score),
                              opt_int(c.place), opt(c.median), opt(c.best), opt(c.gap_to_median), opt(c.group_average),
                              opt(c.gap_to_group)});
        }
        wb.sheets.push_back(std::move(s));
    }
    {
        XlsxSheet s;
        s.name = L(Label::sheet_rank_trend, l);
        s.columns = {{L(Label::rank_col_year, l), XlsxKind::integer, 0},
                     {L(Label::rank_total, l), XlsxKind::score, 0},
                     {L(Label::rank_col_total_basis, l), XlsxKind::text, 0},
                     {L(Label::rank_rank, l), XlsxKind::text, 0},
                     {format_label(Label::rank_nth_province, l, r.top_n), XlsxKind::score, 0},
                     {L(Label::rank_col_points_needed, l), XlsxKind::score, 0},
                     {L(Label::rank_col_published, l), XlsxKind::text, 0}};
        Table texts = detail::rank_trend_table(r, l, false);
        for (std::size_t i = 0; i < r.trend.size(); ++i) {
            const auto& y = r.trend[i];
            const auto& row = texts.rows[i];
            s.rows.push_back({XlsxValue(static_cast<long>(y.year)), opt(y.placing.total),
                              y.placing.total ? txt(row[2].text) : XlsxValue(), txt(row[3].text), opt(y.threshold),
                              opt(y.points_needed), y.published ? txt(row[6].text) : XlsxValue()});
        }
        wb.sheets.push_back(std::move(s));
    }
    return wb;
}

std::vector<DocBlock> gap_rank_blocks(const GapReport& g, const DocumentOptions& o) {
    std::vector<DocBlock> out;
    if (g.rank)
        out.push_back(block(DocBlock::Kind::paragraph,
                            "- " + rank_line(g.rank_year, g.province_name, *g.rank, o.language) + "."));
    for (const auto& t : g.rank_targets)
        out.push_back(block(DocBlock::Kind::paragraph, "- " + rank_target_line(t, o.language, o.decimal_comma) + "."));
    return out;
}

std::optional<XlsxSheet> gap_rank_sheet(const GapReport& g, Language l) {
    if (!g.rank && g.rank_targets.empty()) return std::nullopt;
    XlsxSheet s;
    s.name = L(Label::sheet_rank, l);
    s.columns = {{L(Label::col_target, l), XlsxKind::text, 0},
                 {L(Label::col_assessment, l), XlsxKind::text, 0},
                 {L(Label::rank_rank, l), XlsxKind::text, 0},
                 {L(Label::rank_col_needed_rank, l), XlsxKind::integer, 0},
                 {L(Label::rank_col_threshold, l), XlsxKind::score, 0},
                 {L(Label::rank_col_points_needed, l), XlsxKind::score, 0},
                 {L(Label::rank_col_detail, l), XlsxKind::text, 160}};
    if (g.rank)
        s.rows.push_back({txt(format_label(Label::rank_row_label, l, g.rank_year, g.province_name)), XlsxValue(),
                          txt(placing_text(*g.rank, l)), XlsxValue(), XlsxValue(), XlsxValue(),
                          txt(rank_line(g.rank_year, g.province_name, *g.rank, l))});
    for (const auto& t : g.rank_targets)
        s.rows.push_back({txt(detail::rank_target_label(t.target, l)), txt(detail::rank_verdict_text(t, l)),
                          t.placing.best || t.placing.published_rank ? txt(placing_text(t.placing, l)) : XlsxValue(),
                          opt_int(t.needed_rank), opt(t.threshold), opt(t.points_needed),
                          txt(rank_target_line(t, l, false))});
    return s;
}

}  // namespace pgi
