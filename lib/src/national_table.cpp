// National score tables (national_table.hpp): the province data, CSV/YAML reading, checks.
#include "pgi/national_table.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "doc_tree.hpp"
#include "pgi/i18n.hpp"
#include "pgi/io.hpp"
#include "pgi/text.hpp"

namespace pgi {

namespace detail {
extern const char* const embedded_provinces_yaml;  // provinces_data.cpp (generated)
}

namespace {

struct ProvinceData {
    std::vector<Region> regions;
    std::vector<Province> p63, p34;
    std::map<std::string, const Province*> keys63, keys34;
};

const ProvinceData& data() {
    static const ProvinceData d = [] {
        ProvinceData out;
        // Shipped with the library and checked by the unit tests; a parse failure would be a
        // build defect, so it yields no provinces rather than a throw.
        try {
            YAML::Node root = YAML::Load(detail::embedded_provinces_yaml);
            for (const auto& r : root["regions"])
                out.regions.push_back(
                    {r["id"].as<std::string>(), r["name"].as<std::string>(), r["name_en"].as<std::string>()});
            auto read = [](const YAML::Node& list, std::vector<Province>& into) {
                for (const auto& p : list) {
                    Province v;
                    v.id = p["id"].as<std::string>();
                    v.name = p["name"].as<std::string>();
                    if (p["region"]) v.region = p["region"].as<std::string>();
                    if (p["aliases"])
                        for (const auto& a : p["aliases"]) v.aliases.push_back(a.as<std::string>());
                    if (p["merged"])
                        for (const auto& m : p["merged"]) v.merged.push_back(m.as<std::string>());
                    into.push_back(std::move(v));
                }
            };
            read(root["provinces_63"], out.p63);
            read(root["provinces_34"], out.p34);
        } catch (const YAML::Exception&) {
            out = ProvinceData{};
        }
        auto index = [](const std::vector<Province>& list, std::map<std::string, const Province*>& keys) {
            for (const auto& p : list) {
                keys.emplace(province_key(p.id), &p);
                keys.emplace(province_key(p.name), &p);
                for (const auto& a : p.aliases) keys.emplace(province_key(a), &p);
            }
        };
        index(out.p63, out.keys63);
        index(out.p34, out.keys34);
        return out;
    }();
    return d;
}

bool after_merger(int year) {
    return year >= 2025;
}

}  // namespace

const std::vector<Region>& regions() {
    return data().regions;
}

const Region* find_region(std::string_view id) {
    for (const auto& r : data().regions)
        if (r.id == id) return &r;
    return nullptr;
}

const std::vector<Province>& provinces_for_year(int year) {
    return after_merger(year) ? data().p34 : data().p63;
}

std::string province_key(std::string_view name) {
    std::string k = ascii_slug(to_nfc(name));
    for (std::string_view prefix : {"tinh-", "thanh-pho-", "tp-"})
        if (k.size() > prefix.size() && k.compare(0, prefix.size(), prefix) == 0) {
            k.erase(0, prefix.size());
            break;
        }
    return k;
}

const Province* find_province(std::string_view name, int year) {
    const auto& keys = after_merger(year) ? data().keys34 : data().keys63;
    auto it = keys.find(province_key(name));
    return it == keys.end() ? nullptr : it->second;
}

const Province* find_province_other_set(std::string_view name, int year) {
    const auto& keys = after_merger(year) ? data().keys63 : data().keys34;
    auto it = keys.find(province_key(name));
    return it == keys.end() ? nullptr : it->second;
}

std::optional<int> year_in_file_name(std::string_view file_name) {
    std::size_t slash = file_name.find_last_of("/\\");
    std::string_view base = slash == std::string_view::npos ? file_name : file_name.substr(slash + 1);
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    std::size_t i = 0;
    while (i < base.size()) {
        if (!digit(base[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < base.size() && digit(base[j])) ++j;
        if (j - i == 4 && base[i] == '2' && base[i + 1] == '0')
            return 2000 + (base[i + 2] - '0') * 10 + (base[i + 3] - '0');
        i = j;
    }
    return std::nullopt;
}

std::optional<Score> TableRow::component_sum() const {
    Score s;
    for (const auto& c : components) {
        if (!c) return std::nullopt;
        s += *c;
    }
    return s;
}

bool NationalTable::complete() const {
    std::set<std::string> with_total;
    for (const auto& r : rows)
        if (r.total_or_sum()) with_total.insert(r.province);
    for (const auto& p : provinces_for_year(year))
        if (!with_total.count(p.id)) return false;
    return true;
}

int NationalTable::rows_with_total() const {
    return static_cast<int>(
        std::count_if(rows.begin(), rows.end(), [](const TableRow& r) { return r.total_or_sum().has_value(); }));
}

const TableRow* NationalTable::find(std::string_view province_id) const {
    for (const auto& r : rows)
        if (r.province == province_id) return &r;
    return nullptr;
}

namespace {

enum class Column { province, c1, c2, c3, c4, total, rank, source, unknown };

Column column_of(std::string_view head) {
    std::string k = ascii_slug(to_nfc(head));
    // "Chỉ số 1", "Chỉ số thành phần 2" name components by number
    for (std::string_view prefix : {"chi-so-thanh-phan-", "chi-so-"})
        if (k.size() > prefix.size() && k.compare(0, prefix.size(), prefix) == 0) {
            k.erase(0, prefix.size());
            break;
        }
    static const std::map<std::string, Column> names{{"province", Column::province},
                                                     {"tinh-thanh-pho", Column::province},
                                                     {"tinh", Column::province},
                                                     {"tinh-thanh", Column::province},
                                                     {"1", Column::c1},
                                                     {"2", Column::c2},
                                                     {"3", Column::c3},
                                                     {"4", Column::c4},
                                                     {"pollution", Column::c1},
                                                     {"compliance", Column::c2},
                                                     {"green-practices", Column::c3},
                                                     {"incentives", Column::c4},
                                                     {"total", Column::total},
                                                     {"tong-diem", Column::total},
                                                     {"tong", Column::total},
                                                     {"pgi", Column::total},
                                                     {"rank", Column::rank},
                                                     {"xep-hang", Column::rank},
                                                     {"source", Column::source},
                                                     {"nguon", Column::source}};
    auto it = names.find(k);
    return it == names.end() ? Column::unknown : it->second;
}

bool is_na(std::string_view v) {
    std::string k = ascii_slug(v);
    return v.empty() || k == "n-a" || k == "na" || v == "-" || v == "—" || v == "–";
}

std::string trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return std::string(s);
}

struct RawCell {
    std::string text;
    int line = 0;
    int column = 0;
};

// One CSV record per element; quoted cells may span lines. Columns count code points.
std::vector<std::vector<RawCell>> split_csv(std::string_view text, char sep) {
    std::vector<std::vector<RawCell>> records;
    std::size_t i = 0;
    int line = 1;
    std::size_t line_start = 0;
    auto col = [&](std::size_t pos) {
        return static_cast<int>(code_point_count(text.substr(line_start, pos - line_start))) + 1;
    };
    while (i < text.size()) {
        // a comment or blank line
        if (text[i] == '#' || text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
            std::size_t e = text.find('\n', i);
            i = e == std::string_view::npos ? text.size() : e + 1;
            ++line;
            line_start = i;
            continue;
        }
        std::vector<RawCell> rec;
        for (;;) {
            RawCell c;
            c.line = line;
            c.column = col(i);
            std::size_t j = i;
            while (j < text.size() && text[j] == ' ') ++j;
            if (j < text.size() && text[j] == '"') {
                i = j + 1;
                for (;;) {
                    if (i >= text.size()) break;
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            c.text += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n') {
                        ++line;
                        line_start = i + 1;
                    }
                    c.text += text[i++];
                }
                while (i < text.size() && text[i] != sep && text[i] != '\n') ++i;  // text after the quote
            } else {
                while (i < text.size() && text[i] != sep && text[i] != '\n') c.text += text[i++];
            }
            c.text = trim(c.text);
            rec.push_back(std::move(c));
            if (i < text.size() && text[i] == sep) {
                ++i;
                continue;
            }
            if (i < text.size() && text[i] == '\n') {
                ++i;
                ++line;
                line_start = i;
            }
            break;
        }
        records.push_back(std::move(rec));
    }
    return records;
}

struct RowBuilder {
    NationalTable& table;
    Diagnostics& out;

    std::optional<Score> score_value(const std::string& v, const SourceLocation& at, const char* what) {
        if (is_na(v)) return std::nullopt;
        auto s = parse_score(v);
        if (!s)
            out.error(at, "table-invalid-value", trf("{} `{}` is not a score", what, v),
                      tr("write a score with at most two decimals (6.58 or 6,58), `N/A` or leave the cell empty"));
        return s;
    }
    std::optional<int> rank_value(const std::string& v, const SourceLocation& at) {
        if (is_na(v)) return std::nullopt;
        bool digits = !v.empty() && v.size() <= 4 &&
                      std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        if (!digits) {
            out.error(at, "table-invalid-value", trf("rank `{}` is not a whole number", v),
                      tr("write the published rank (1, 2, …), `N/A` or leave the cell empty"));
            return std::nullopt;
        }
        return std::stoi(v);
    }
};

// A table-level setting: `published`, `partial` or `source` (YAML key or CSV `# key: value`).
// False when `key` is none of them.
bool table_setting(std::string_view key, const std::string& value, const SourceLocation& at, NationalTable& table,
                   Diagnostics& out) {
    if (key == "published") {
        if (auto d = parse_partial_date(value))
            table.published = d;
        else
            out.error(at, "table-invalid-value", trf("published `{}` is not a date", value),
                      tr("write when the figures were published: YYYY-MM (e.g. 2025-05) or YYYY-MM-DD"));
        return true;
    }
    if (key == "partial") {
        std::string v = ascii_slug(value);
        if (v == "true" || v == "yes")
            table.partial = true;
        else if (v == "false" || v == "no")
            table.partial = false;
        else
            out.error(at, "table-invalid-value", trf("partial `{}` is not true or false", value),
                      tr("write `partial: true` for a table that holds only some provinces"));
        return true;
    }
    if (key == "source") {
        table.source = value;
        return true;
    }
    return false;
}

// The settings of a CSV table: comment lines `# published: 2025-05`, `# partial: true`,
// `# source: …` (other comment lines are comments).
void csv_settings(std::string_view text, NationalTable& table, Diagnostics& out) {
    int line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t e = text.find('\n', i);
        std::string_view l = text.substr(i, e == std::string_view::npos ? std::string_view::npos : e - i);
        if (!l.empty() && l.front() == '#') {
            std::string body = trim(l.substr(1));
            auto colon = body.find(':');
            if (colon != std::string::npos) {
                std::string key = trim(std::string_view(body).substr(0, colon));
                std::string value = trim(std::string_view(body).substr(colon + 1));
                std::size_t v = l.find(':') + 1;
                while (v < l.size() && (l[v] == ' ' || l[v] == '\t')) ++v;
                int column = static_cast<int>(code_point_count(l.substr(0, v))) + 1;
                table_setting(key, value, SourceLocation{table.file, line, column}, table, out);
            }
        }
        if (e == std::string_view::npos) break;
        i = e + 1;
        ++line;
    }
}

void parse_csv(std::string_view text, NationalTable& table, Diagnostics& out) {
    auto at = [&](int line, int column) { return SourceLocation{table.file, line, column}; };
    csv_settings(text, table, out);
    // the separator: whichever splits the first non-comment line into more cells
    std::string_view first;
    {
        std::size_t i = 0;
        while (i < text.size()) {
            std::size_t e = text.find('\n', i);
            std::string_view l = text.substr(i, e == std::string_view::npos ? std::string_view::npos : e - i);
            if (!l.empty() && l.front() != '#' && trim(l).size()) {
                first = l;
                break;
            }
            if (e == std::string_view::npos) break;
            i = e + 1;
        }
    }
    char sep = std::count(first.begin(), first.end(), ';') > std::count(first.begin(), first.end(), ',') ? ';' : ',';
    auto records = split_csv(text, sep);
    if (records.empty()) {
        out.error(at(1, 1), "table-missing-column", tr("the table is empty"),
                  tr("start with the header `province,1,2,3,4,total,rank,source` (docs/rank.md)"));
        return;
    }
    std::vector<Column> cols;
    std::set<Column> seen;
    for (const auto& h : records.front()) {
        Column c = column_of(h.text);
        if (c == Column::unknown)
            out.error(at(h.line, h.column), "table-unknown-column", trf("unknown column `{}`", h.text),
                      tr("columns: province, 1, 2, 3, 4 (or the component ids), total, rank, source"));
        else if (!seen.insert(c).second)
            out.error(at(h.line, h.column), "table-unknown-column", trf("column `{}` appears twice", h.text),
                      tr("keep one column of each kind"));
        cols.push_back(c);
    }
    bool all_components =
        seen.count(Column::c1) && seen.count(Column::c2) && seen.count(Column::c3) && seen.count(Column::c4);
    if (!seen.count(Column::province) || (!all_components && !seen.count(Column::total))) {
        out.error(at(records.front().front().line, 1), "table-missing-column",
                  !seen.count(Column::province) ? tr("the header has no `province` column")
                                                : tr("the header has neither the four components nor `total`"),
                  tr("the header is `province,1,2,3,4,total,rank,source` (docs/rank.md)"));
        return;
    }
    RowBuilder b{table, out};
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        TableRow row;
        row.location = at(rec.front().line, rec.front().column);
        if (rec.size() > cols.size())
            out.error(
                at(rec[cols.size()].line, rec[cols.size()].column), "table-invalid-value",
                trf("the row has {} cells, the header {}", rec.size(), cols.size()),
                tr("quote a cell that contains the separator, or write the decimal comma with `;` between cells"));
        for (std::size_t i = 0; i < rec.size() && i < cols.size(); ++i) {
            const auto& cell = rec[i];
            SourceLocation loc = at(cell.line, cell.column);
            switch (cols[i]) {
                case Column::province:
                    row.name = cell.text;
                    break;
                case Column::c1:
                case Column::c2:
                case Column::c3:
                case Column::c4: {
                    auto k = static_cast<std::size_t>(cols[i]) - static_cast<std::size_t>(Column::c1);
                    row.components[k] = b.score_value(cell.text, loc, tr("component score"));
                    row.component_at[k] = loc;
                    break;
                }
                case Column::total:
                    row.total = b.score_value(cell.text, loc, tr("total"));
                    row.total_at = loc;
                    break;
                case Column::rank:
                    row.rank = b.rank_value(cell.text, loc);
                    row.rank_at = loc;
                    break;
                case Column::source:
                    row.source = cell.text;
                    break;
                case Column::unknown:
                    break;
            }
        }
        table.rows.push_back(std::move(row));
    }
}

void parse_yaml(std::string_view text, NationalTable& table, Diagnostics& out, bool need_year) {
    detail::ParseContext ctx{table.file, out};
    detail::Node root;
    if (!detail::parse_yaml_tree(text, ctx, root)) return;
    auto at = [&](detail::Pos p) { return ctx.at(p); };
    if (root.kind != detail::Node::Kind::mapping) {
        out.error(at(root.pos.line ? root.pos : detail::Pos{1, 1}), "table-missing-column",
                  tr("a YAML table is a mapping with `year`, `source`, `published`, `partial` and `rows`"),
                  tr("see docs/rank.md"));
        return;
    }
    RowBuilder b{table, out};
    bool have_year = false;
    for (const auto& e : root.entries) {
        if (e.key == "year") {
            const std::string& v = e.value.scalar;
            bool ok = v.size() == 4 &&
                      std::all_of(v.begin(), v.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) && v[0] == '2';
            if (ok) {
                if (need_year) table.year = std::stoi(v);
                have_year = true;
            } else
                out.error(at(e.value.pos), "table-invalid-value", trf("year `{}` is not a year", e.value.scalar),
                          tr("write the PGI edition, e.g. `year: 2024`"));
        } else if (e.key == "source" || e.key == "published" || e.key == "partial") {
            table_setting(e.key, e.value.scalar, at(e.value.pos), table, out);
        } else if (e.key == "rows") {
            for (const auto& item : e.value.items) {
                TableRow row;
                row.location = at(item.pos);
                for (const auto& f : item.entries) {
                    SourceLocation loc = at(f.value.pos);
                    Column c = column_of(f.key);
                    const std::string& v = f.value.scalar;
                    switch (c) {
                        case Column::province:
                            row.name = v;
                            break;
                        case Column::c1:
                        case Column::c2:
                        case Column::c3:
                        case Column::c4: {
                            auto k = static_cast<std::size_t>(c) - static_cast<std::size_t>(Column::c1);
                            row.components[k] = b.score_value(f.value.kind == detail::Node::Kind::null ? "" : v, loc,
                                                              tr("component score"));
                            row.component_at[k] = loc;
                            break;
                        }
                        case Column::total:
                            row.total =
                                b.score_value(f.value.kind == detail::Node::Kind::null ? "" : v, loc, tr("total"));
                            row.total_at = loc;
                            break;
                        case Column::rank:
                            row.rank = b.rank_value(f.value.kind == detail::Node::Kind::null ? "" : v, loc);
                            row.rank_at = loc;
                            break;
                        case Column::source:
                            row.source = v;
                            break;
                        case Column::unknown:
                            out.error(at(f.key_pos), "table-unknown-column", trf("unknown key `{}`", f.key),
                                      tr("keys: province, 1, 2, 3, 4 (or the component ids), total, rank, source"));
                    }
                }
                if (row.source.empty()) row.source = table.source;
                table.rows.push_back(std::move(row));
            }
        } else {
            out.error(at(e.key_pos), "table-unknown-column", trf("unknown key `{}`", e.key),
                      tr("a YAML table has `year`, `source`, `published`, `partial` and `rows`"));
        }
    }
    if (!have_year && need_year) table.year = 0;
}

}  // namespace

void check_table(NationalTable& table, Diagnostics& out) {
    const auto& set = provinces_for_year(table.year);
    table.province_count = static_cast<int>(set.size());
    std::map<std::string, SourceLocation> seen;
    std::vector<TableRow> kept;
    for (auto& row : table.rows) {
        const Province* p = find_province(row.name, table.year);
        if (!p) {
            if (const Province* other = find_province_other_set(row.name, table.year)) {
                if (after_merger(table.year)) {
                    const Province* into = nullptr;
                    for (const auto& q : set)
                        if (std::find(q.merged.begin(), q.merged.end(), other->id) != q.merged.end()) into = &q;
                    out.error(row.location, "merged-province",
                              trf("`{}` was merged into {} on 1 July 2025; PGI {} ranks the 34 provinces", row.name,
                                  into ? into->name : tr("another province"), table.year),
                              into ? trf("use the row of {}", into->name) : "");
                } else {
                    out.error(row.location, "merged-province",
                              trf("`{}` is a province formed on 1 July 2025; PGI {} ranks the 63 provinces", row.name,
                                  table.year),
                              tr("list the provinces as they were before the merger"));
                }
                continue;
            }
            // The one did-you-mean rule (text.hpp), on names folded as lookups fold them.
            std::vector<std::string> keys;
            keys.reserve(set.size());
            for (const auto& q : set) keys.push_back(province_key(q.name));
            std::vector<std::string_view> views(keys.begin(), keys.end());
            std::string best;
            if (auto near = did_you_mean(province_key(row.name), views))
                best = set[static_cast<std::size_t>(std::find(keys.begin(), keys.end(), *near) - keys.begin())].name;
            out.error(
                row.location, "unknown-province",
                trf("`{}` is not one of the {} provinces of PGI {}", row.name, set.size(), table.year),
                best.empty() ? tr("use the province names of data/provinces.yaml") : trf("did you mean `{}`?", best));
            continue;
        }
        row.province = p->id;
        auto [it, inserted] = seen.emplace(p->id, row.location);
        if (!inserted) {
            out.add({Severity::error,
                     row.location,
                     "duplicate-province",
                     trf("{} has a second row", p->name),
                     tr("keep one row per province"),
                     {it->second}});
            continue;
        }
        for (std::size_t k = 0; k < 4; ++k)
            if (row.components[k] &&
                (*row.components[k] < Score{} || *row.components[k] > Score::from_hundredths(1000)))
                out.error(
                    row.component_at[k], "score-out-of-range",
                    trf("{}: component {} score {} is outside 0–10", p->name, k + 1, format_score(*row.components[k])),
                    tr("component scores are on the 0–10 scale"));
        if (row.total && (*row.total < Score{} || *row.total > Score::from_hundredths(4000)))
            out.error(row.total_at, "score-out-of-range",
                      trf("{}: total {} is outside 0–40", p->name, format_score(*row.total)),
                      tr("the PGI score is the sum of four 0–10 component scores"));
        if (row.total && row.component_sum()) {
            Score diff = *row.total - *row.component_sum();
            if (diff > Score::from_hundredths(1) || diff < Score::from_hundredths(-1))
                out.warning(
                    row.total_at, "total-mismatch",
                    trf("{}: the published total {} differs from the sum of the components {} by {}", p->name,
                        format_score(*row.total), format_score(*row.component_sum()), format_signed_score(diff)),
                    tr("VCCI rounds each score on its own, so only ±0.01 is expected; check the row"));
        }
        if (row.rank && (*row.rank < 1 || *row.rank > table.province_count))
            out.error(row.rank_at, "rank-out-of-range",
                      trf("{}: rank {} is outside 1–{}", p->name, *row.rank, table.province_count),
                      trf("PGI {} ranks {} provinces", table.year, table.province_count));
        kept.push_back(std::move(row));
    }
    table.rows = std::move(kept);

    // Published ranks against published totals: in rank order the totals never rise, and one
    // rank has one total. Ranks outside 1..N were reported above and take no part.
    std::vector<const TableRow*> ranked;
    for (const auto& r : table.rows)
        if (r.rank && r.total && *r.rank >= 1 && *r.rank <= table.province_count) ranked.push_back(&r);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const TableRow* a, const TableRow* b) { return *a->rank < *b->rank; });
    for (std::size_t i = 1; i < ranked.size(); ++i) {
        const TableRow& a = *ranked[i - 1];
        const TableRow& b = *ranked[i];
        bool same_rank = *a.rank == *b.rank;
        if ((same_rank && *a.total != *b.total) || (!same_rank && *b.total > *a.total))
            out.add({Severity::error,
                     b.rank_at,
                     "rank-contradicts-total",
                     same_rank ? trf("{} and {} share rank {} but have totals {} and {}", a.name, b.name, *a.rank,
                                     format_score(*a.total), format_score(*b.total))
                               : trf("{} is ranked {} with total {}, below {} ranked {} with the lower total {}",
                                     b.name, *b.rank, format_score(*b.total), a.name, *a.rank, format_score(*a.total)),
                     tr("check the rank and total columns of both rows against the publication"),
                     {a.rank_at}});
    }

    std::vector<std::string> missing;
    for (const auto& p : set)
        if (!seen.count(p.id)) missing.push_back(p.name);
    if (!missing.empty() && !table.partial)
        out.warning(
            SourceLocation{table.file, 1, 1}, "missing-province",
            missing.size() <= 10
                ? trf("{} of the {} provinces of PGI {} have no row: {}", missing.size(), set.size(), table.year,
                      fmt::join(missing, ", "))
                : trf("{} of the {} provinces of PGI {} have no row (the first: {}, …)", missing.size(), set.size(),
                      table.year, fmt::join(std::vector<std::string>(missing.begin(), missing.begin() + 3), ", ")),
            tr("implied ranks need every province; add the missing rows (N/A where nothing was published), or declare "
               "the table partial (`# partial: true`, docs/rank.md)"));
}

TableLoadResult load_national_table_text(std::string_view text, const std::string& file_name, std::optional<int> year) {
    TableLoadResult res;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (auto bad = first_invalid_utf8(text)) {
        auto lc = line_column_at(text, *bad);
        res.diagnostics.error(SourceLocation{file_name, lc.line, lc.column}, "invalid-utf8",
                              tr("the table is not valid UTF-8"), tr("save the file as UTF-8 (Excel: CSV UTF-8)"));
        return res;
    }
    NationalTable t;
    t.file = file_name;
    t.year = year.value_or(0);
    std::string ext = std::filesystem::path(file_name).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".yaml" || ext == ".yml")
        parse_yaml(text, t, res.diagnostics, !year);
    else
        parse_csv(text, t, res.diagnostics);
    if (!t.year) {
        if (auto y = year_in_file_name(file_name)) t.year = *y;
        if (!t.year) {
            res.diagnostics.error(
                SourceLocation{file_name, 0, 0}, "table-year-unknown", tr("cannot tell which PGI edition the table is"),
                tr("name the file after the year (tables/pgi-2024.csv); a YAML table may say `year: 2024`"));
            return res;
        }
    }
    // A table whose header (or YAML shape) cannot be used has no rows to check: its one error
    // says why, without a missing-province warning for every province.
    for (const auto& d : res.diagnostics.items())
        if (d.code == "table-missing-column") {
            res.diagnostics.sort();
            return res;
        }
    check_table(t, res.diagnostics);
    res.diagnostics.sort();
    res.table = std::move(t);
    return res;
}

TableLoadResult load_national_table(const std::filesystem::path& path, std::optional<int> year) {
    auto text = read_file(path);
    if (!text) {
        TableLoadResult res;
        res.diagnostics.error(SourceLocation{path.string(), 0, 0}, "io-error", text.error().message,
                              text.error().hint.empty() ? tr("check the path") : text.error().hint);
        return res;
    }
    return load_national_table_text(*text, path.string(), year);
}

std::vector<std::filesystem::path> tables_in_directory(const std::filesystem::path& plan_dir) {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    auto dir = plan_dir / "tables";
    if (!std::filesystem::is_directory(dir, ec)) return out;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
        auto ext = e.path().extension().string();
        if (e.is_regular_file(ec) && (ext == ".csv" || ext == ".yaml" || ext == ".yml")) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace pgi
