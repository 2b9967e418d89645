// National score tables: one PGI edition's scores for every province (docs/rank.md), and the
// provinces and socio-economic regions they are checked against (data/provinces.yaml).
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/diagnostic.hpp"
#include "pgi/score.hpp"

namespace pgi {

/// One of the six socio-economic regions (Nghị quyết 81/2023/QH15).
struct Region {
    std::string id;    ///< ASCII slug, e.g. `trung-du-mien-nui-phia-bac`
    std::string name;  ///< Vietnamese
    std::string name_en;
};

/// A province or centrally-run city.
struct Province {
    std::string id;                    ///< ASCII slug of the name, e.g. `lang-son`
    std::string name;                  ///< usual Vietnamese name, e.g. `Lạng Sơn`
    std::string region;                ///< region id; empty for the 34 provinces after the merger
    std::vector<std::string> aliases;  ///< other spellings
    std::vector<std::string> merged;   ///< the 34 only: the ids of the 63 it covers
};

/// The six regions, in data order.
const std::vector<Region>& regions();
const Region* find_region(std::string_view id);

/// The provinces a PGI edition ranks: the 63 until 30 June 2025 (PGI 2022–2024, `year` ≤
/// 2024), the 34 from 1 July 2025 (Nghị quyết 202/2025/QH15; `year` ≥ 2025). Source:
/// data/provinces.yaml, embedded at build time.
const std::vector<Province>& provinces_for_year(int year);

/// The key a province name is matched by: NFC, lower case, no diacritics ("Hoà" = "Hòa" =
/// "hoa"), punctuation and spaces as one '-', a leading "tỉnh", "thành phố" or "TP." dropped.
/// "TP. Hồ Chí Minh" -> "ho-chi-minh".
std::string province_key(std::string_view name);

/// The province of `year`'s set named `name` (its name, id or an alias, by province_key),
/// or nullptr.
const Province* find_province(std::string_view name, int year);

/// For a name not in `year`'s set: the province of the other set it names (a 63-province name
/// in a table for 2025 or later is merged into one of the 34), or nullptr.
const Province* find_province_other_set(std::string_view name, int year);

/// The PGI edition a table's file name names: the first run of exactly four digits in the
/// name's last path component that reads 2000–2099 ("tables/pgi-2024.csv" -> 2024,
/// "PGI_2023_final.csv" -> 2023). std::nullopt when there is none ("pgi-20245.csv",
/// "table.csv", "pgi-1999.csv"). Plain parsing, no regular expression.
std::optional<int> year_in_file_name(std::string_view file_name);

/// One row of a national table. Absent values were "N/A" or empty: VCCI publishes the total
/// and the rank only for the top 30 provinces from PGI 2024 (docs/domain.md, "Published or derived").
struct TableRow {
    std::string province;                            ///< province id; empty when the name is unknown (reported)
    std::string name;                                ///< as written in the file
    std::array<std::optional<Score>, 4> components;  ///< components 1–4, points 0–10
    std::optional<Score> total;                      ///< the PUBLISHED total, points 0–40
    std::optional<int> rank;                         ///< the PUBLISHED rank
    std::string source;
    SourceLocation location;  ///< the row's first cell
    std::array<SourceLocation, 4> component_at;
    SourceLocation total_at, rank_at;

    /// The sum of the four components, when all four are present.
    std::optional<Score> component_sum() const;
    /// The published total, else the sum of the components (derived), else nothing.
    std::optional<Score> total_or_sum() const { return total ? total : component_sum(); }
    bool total_derived() const { return !total && component_sum().has_value(); }
};

/// A year's table of every province.
struct NationalTable {
    int year = 0;  ///< the PGI edition (reference year)
    std::string file;
    std::string source;  ///< table-level source (YAML `source`, CSV `# source:`); rows may name their own
    /// When the figures were published (YAML `published`, CSV `# published:`): `YYYY`,
    /// `YYYY-MM` or `YYYY-MM-DD`, e.g. 2025-05 for PGI 2024. Absent when the table does not say;
    /// outputs then say "publication date not given".
    std::optional<PartialDate> published;
    /// The table declares itself partial (YAML `partial: true`, CSV `# partial: true`): it
    /// holds only the rows that could be sourced, so missing provinces are expected and not a
    /// `missing-province` warning. Ranks it cannot settle stay ranges, and rank targets it
    /// cannot settle "cannot be evaluated" (rank.hpp) all the same.
    bool partial = false;
    std::vector<TableRow> rows;  ///< rows whose province is known, in file order
    int province_count = 0;      ///< provinces of the year's set (63 or 34)
    /// Every province of the year's set has a row with a total (published or the sum).
    bool complete() const;
    /// Rows with a total (published, or the sum of four published components).
    int rows_with_total() const;
    const TableRow* find(std::string_view province_id) const;
};

struct TableLoadResult {
    std::optional<NationalTable> table;  ///< absent when the file cannot be read or parsed at all, or its header cannot
                                         ///< be used (`table-missing-column`)
    Diagnostics diagnostics;
};

/// Reads a table in CSV or YAML (by extension: .csv, .yaml/.yml). CSV: UTF-8 with or without
/// BOM, `,` or `;` between cells (whichever splits the header line), decimal point or comma,
/// RFC 4180 quotes, lines starting with `#` ignored except the settings `# published: 2025-05`,
/// `# partial: true` and `# source: …` (the YAML keys `published`, `partial`, `source`);
/// header `province,1,2,3,4,total,rank,source`
/// (components by number or id; `Tỉnh, thành phố`, `Tổng điểm`, `Xếp hạng`, `Nguồn` accepted;
/// case- and diacritic-insensitive). The year is `year` when given, else the YAML `year`, else
/// the first 4-digit year 2000–2099 in the file name (`pgi-2024.csv`). Then check_table().
/// Findings (file:line:col): `io-error`, `invalid-utf8`, `table-year-unknown`,
/// `table-missing-column`, `table-unknown-column`, `table-invalid-value`, and those of
/// check_table().
TableLoadResult load_national_table(const std::filesystem::path& path, std::optional<int> year = std::nullopt);
TableLoadResult load_national_table_text(std::string_view text, const std::string& file_name,
                                         std::optional<int> year = std::nullopt);

/// Checks a table against the year's province set: `unknown-province` (with a did-you-mean
/// hint), `merged-province` (a province merged on 1 July 2025, in a table for 2025 or later),
/// `duplicate-province`, `score-out-of-range` (component outside 0–10, total outside 0–40),
/// `total-mismatch` (published total differs from the sum of the components by more than
/// 0.01: VCCI rounds each figure on its own), `rank-out-of-range`, `rank-contradicts-total`
/// (a better published rank with a lower published total, or one rank for two totals),
/// `missing-province` (one warning naming the provinces without a row). Rows with an unknown
/// or duplicate province are dropped from `table.rows`.
void check_table(NationalTable& table, Diagnostics& out);

/// The tables of a plan directory: `tables/*.csv`, `tables/*.yaml`, `tables/*.yml`, sorted by
/// name. Empty when there is no such directory.
std::vector<std::filesystem::path> tables_in_directory(const std::filesystem::path& plan_dir);

}  // namespace pgi
