// National tables (national_table.hpp): reading CSV and YAML in every accepted form, and each
// check of check_table(). The tables are SYNTHETIC test data written inline.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pgi/national_table.hpp"

using namespace pgi;

static Score h(long v) {
    return Score::from_hundredths(v);
}

// The findings as "line:col code", in order.
static std::vector<std::string> codes(const Diagnostics& ds) {
    std::vector<std::string> out;
    for (const auto& d : ds.items())
        out.push_back(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " + d.code);
    return out;
}

static bool has_code(const Diagnostics& ds, const std::string& code) {
    for (const auto& d : ds.items())
        if (d.code == code) return true;
    return false;
}

static const Diagnostic* first(const Diagnostics& ds, const std::string& code) {
    for (const auto& d : ds.items())
        if (d.code == code) return &d;
    return nullptr;
}

TEST_CASE("year_in_file_name: the first run of exactly four digits that reads 2000-2099") {
    CHECK(year_in_file_name("tables/pgi-2024.csv") == 2024);
    CHECK(year_in_file_name("PGI_2023_final.yaml") == 2023);
    CHECK(year_in_file_name("2022.csv") == 2022);
    CHECK(year_in_file_name("v1-pgi-2025-05.csv") == 2025);     // "1" and "05" are not four digits
    CHECK(year_in_file_name("a\\b\\pgi-2024.csv") == 2024);     // a Windows path: the last component
    CHECK(year_in_file_name("2023/pgi.csv") == std::nullopt);   // the year is in the directory only
    CHECK(year_in_file_name("pgi-20245.csv") == std::nullopt);  // five digits are not a year
    CHECK(year_in_file_name("pgi-1999.csv") == std::nullopt);
    CHECK(year_in_file_name("pgi-2100.csv") == std::nullopt);
    CHECK(year_in_file_name("table.csv") == std::nullopt);
    CHECK(year_in_file_name("") == std::nullopt);
}

TEST_CASE("province names: tone-mark placement, case, diacritics and a leading tỉnh/TP. are ignored") {
    REQUIRE(find_province("Hòa Bình", 2024) != nullptr);
    CHECK(find_province("Hòa Bình", 2024)->id == "hoa-binh");
    CHECK(find_province("Hoà Bình", 2024)->id == "hoa-binh");  // tone mark on the o, not the a
    CHECK(find_province("HOA BINH", 2024)->id == "hoa-binh");
    CHECK(find_province("tỉnh Lạng Sơn", 2024)->id == "lang-son");
    CHECK(find_province("TP. Hồ Chí Minh", 2024)->id == "ho-chi-minh");
    CHECK(find_province("Bắc Cạn", 2024)->id == "bac-kan");  // an alias
    CHECK(find_province("Lang Son City", 2024) == nullptr);
    CHECK(provinces_for_year(2024).size() == 63);
    CHECK(provinces_for_year(2025).size() == 34);
    // Hà Giang was merged into Tuyên Quang on 1 July 2025: not in the 34, but known to the other set
    CHECK(find_province("Hà Giang", 2025) == nullptr);
    REQUIRE(find_province_other_set("Hà Giang", 2025) != nullptr);
    CHECK(find_province_other_set("Hà Giang", 2025)->id == "ha-giang");
}

TEST_CASE("CSV header: numbers, component ids and the Vietnamese heads, any case, with or without diacritics") {
    const char* headers[] = {
        "province,1,2,3,4,total,rank,source",
        "Province,pollution,compliance,green-practices,incentives,Total,Rank,Source",
        "\"Tỉnh, thành phố\",Chỉ số 1,Chỉ số thành phần 2,CHỈ SỐ 3,4,Tổng điểm,Xếp hạng,Nguồn",
        "TINH,chi so 1,chi so 2,chi so 3,chi so 4,TONG DIEM,xep hang,nguon",
        "tỉnh,1,2,3,4,tổng,xếp hạng,nguồn",
    };
    for (const char* header : headers) {
        CAPTURE(header);
        std::string text = std::string(header) + "\nLạng Sơn,4.95,4.95,6.71,6.02,N/A,N/A,VCCI\n";
        TableLoadResult r = load_national_table_text(text, "pgi-2024.csv");
        REQUIRE(r.table);
        CHECK_FALSE(r.diagnostics.has_errors());
        REQUIRE(r.table->rows.size() == 1);
        const TableRow& row = r.table->rows[0];
        CHECK(row.province == "lang-son");
        CHECK(row.components[0] == h(495));
        CHECK(row.components[3] == h(602));
        CHECK(row.total == std::nullopt);
        CHECK(row.rank == std::nullopt);
        CHECK(row.source == "VCCI");
        // 4.95 + 4.95 + 6.71 + 6.02 = 22.63, derived because the total is N/A
        CHECK(row.component_sum() == h(2263));
        CHECK(row.total_or_sum() == h(2263));
        CHECK(row.total_derived());
    }
}

TEST_CASE("CSV header: an unknown column, a repeated column, no province column") {
    TableLoadResult r = load_national_table_text("province,1,2,3,4,score\nLạng Sơn,1,2,3,4,5\n", "pgi-2024.csv");
    REQUIRE(r.table);
    const Diagnostic* d = first(r.diagnostics, "table-unknown-column");
    REQUIRE(d);
    CHECK(d->location.line == 1);
    CHECK(d->location.column == 18);  // "province,1,2,3,4," is 17 characters

    r = load_national_table_text("province,1,1,2,3,4\nLạng Sơn,1,1,2,3,4\n", "pgi-2024.csv");
    d = first(r.diagnostics, "table-unknown-column");
    REQUIRE(d);
    CHECK(d->location.column == 12);  // the second "1"

    // a header that cannot be used: that error alone (no missing-province), and no table
    r = load_national_table_text("1,2,3,4,total\n1,2,3,4,10\n", "pgi-2024.csv");
    CHECK_FALSE(r.table);
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"1:1 table-missing-column"});
    r = load_national_table_text("province,1,2,rank\nLạng Sơn,1,2,3\n",
                                 "pgi-2024.csv");  // neither 4 components nor total
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"1:1 table-missing-column"});
    r = load_national_table_text("# only a comment\n", "pgi-2024.csv");
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"1:1 table-missing-column"});
}

TEST_CASE("N/A in every spelling, and an empty cell, are absent values") {
    std::string text =
        "province,1,2,3,4,total,rank\n"
        "Hà Nội,N/A,n/a,NA,-,,—\n"
        "Hải Phòng,–,7.00,7.00,7.00,N/A,\n";
    TableLoadResult r = load_national_table_text(text, "pgi-2024.csv");
    REQUIRE(r.table);
    CHECK_FALSE(r.diagnostics.has_errors());
    REQUIRE(r.table->rows.size() == 2);
    for (const auto& c : r.table->rows[0].components) CHECK(c == std::nullopt);
    CHECK(r.table->rows[0].total == std::nullopt);
    CHECK(r.table->rows[0].rank == std::nullopt);
    CHECK(r.table->rows[1].components[0] == std::nullopt);
    CHECK(r.table->rows[1].components[1] == h(700));
    // three components only: no sum, so no total at all
    CHECK(r.table->rows[1].total_or_sum() == std::nullopt);
}

TEST_CASE("`;` between cells, decimal commas, a BOM and CRLF line ends") {
    std::string text =
        "\xEF\xBB\xBF# a comment\r\n"
        "\"Tỉnh, thành phố\";1;2;3;4;Tổng điểm;Xếp hạng;Nguồn\r\n"
        "Hà Nội;7,20;7,40;7,60;7,80;30,00;1;\"VCCI; 2025\"\r\n"
        "Lạng Sơn;4,95;4,95;6,71;6,02;N/A;N/A;VCCI\r\n";
    TableLoadResult r = load_national_table_text(text, "pgi-2024.csv");
    REQUIRE(r.table);
    CHECK_FALSE(r.diagnostics.has_errors());
    REQUIRE(r.table->rows.size() == 2);
    const TableRow& hn = r.table->rows[0];
    CHECK(hn.province == "ha-noi");
    CHECK(hn.components[0] == h(720));
    CHECK(hn.total == h(3000));  // 7.20 + 7.40 + 7.60 + 7.80 = 30.00: no total-mismatch
    CHECK(hn.rank == 1);
    CHECK(hn.source == "VCCI; 2025");
    CHECK(hn.location.line == 3);  // the BOM is not a character of line 1's count; the comment is line 1
    CHECK(r.table->rows[1].source == "VCCI");
}

TEST_CASE("a cell that is not a score or a rank, and a row with too many cells") {
    TableLoadResult r = load_national_table_text(
        "province,1,2,3,4,total,rank\n"
        "Hà Nội,six,7.00,7.00,7.001,28.00,1st\n",
        "pgi-2024.csv");
    // "Hà Nội," is 7 characters: six at column 8; "six,7.00,7.00," 14 more: 7.001 (three decimals)
    // at 22; "7.001,28.00," 12 more: 1st at 34
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"1:1 missing-province", "2:8 table-invalid-value",
                                                           "2:22 table-invalid-value", "2:34 table-invalid-value"});
    // a decimal comma in a `,` table splits the score: "00" (after "Hải Phòng,7,", 12 characters)
    // is not a score (no leading zero), and there are 6 cells for 5 heads: the 6th starts after
    // "Hải Phòng,7,00,7.00,7.00," (25 characters)
    r = load_national_table_text("province,1,2,3,4\nHải Phòng,7,00,7.00,7.00,7.00\n", "pgi-2024.csv");
    CHECK(codes(r.diagnostics) ==
          std::vector<std::string>{"1:1 missing-province", "2:13 table-invalid-value", "2:26 table-invalid-value"});
}

TEST_CASE("YAML tables: year, source, rows with the same column names; the file name's year is not needed") {
    std::string text =
        "year: 2024\n"
        "source: SYNTHETIC\n"
        "rows:\n"
        "  - {province: Lạng Sơn, 1: 4.95, 2: 4.95, 3: 6.71, 4: 6.02, total: N/A}\n"
        "  - {province: Hà Nội, pollution: 7.20, compliance: 7.40, green-practices: 7.60, incentives: 7.80,\n"
        "     total: 30.00, rank: 1, source: own}\n";
    TableLoadResult r = load_national_table_text(text, "national.yaml");
    REQUIRE(r.table);
    CHECK(r.table->year == 2024);
    CHECK_FALSE(r.diagnostics.has_errors());
    REQUIRE(r.table->rows.size() == 2);
    CHECK(r.table->rows[0].source == "SYNTHETIC");  // the table's source for a row without one
    CHECK(r.table->rows[1].source == "own");
    CHECK(r.table->rows[1].total == h(3000));
    CHECK(r.table->rows[1].rank == 1);

    r = load_national_table_text("year: twenty\nrows: []\n", "national.yaml");
    CHECK(has_code(r.diagnostics, "table-invalid-value"));
    CHECK(has_code(r.diagnostics, "table-year-unknown"));
    r = load_national_table_text("year: 2024\nrows:\n  - {province: Hà Nội, colour: red}\n", "t.yaml");
    const Diagnostic* d = first(r.diagnostics, "table-unknown-column");
    REQUIRE(d);
    CHECK(d->location.line == 3);
}

TEST_CASE("the year: --year, else the YAML year, else the file name; none is table-year-unknown") {
    std::string csv = "province,1,2,3,4\nLạng Sơn,4.95,4.95,6.71,6.02\n";
    CHECK(load_national_table_text(csv, "pgi-2023.csv").table->year == 2023);
    CHECK(load_national_table_text(csv, "pgi-2023.csv", 2024).table->year == 2024);
    TableLoadResult r = load_national_table_text(csv, "national.csv");
    CHECK_FALSE(r.table);
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"0:0 table-year-unknown"});
}

TEST_CASE("invalid UTF-8 is reported at its line and column") {
    TableLoadResult r = load_national_table_text("province,1,2,3,4\nL\xE1ng,1,2,3,4\n", "pgi-2024.csv");
    CHECK_FALSE(r.table);
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"2:2 invalid-utf8"});
}

TEST_CASE("check: duplicate and unknown provinces, tone-mark variants are one province") {
    std::string text =
        "province,1,2,3,4\n"
        "Hòa Bình,5.00,5.00,5.00,5.00\n"
        "Hoà Bình,5.10,5.00,5.00,5.00\n"  // the same province: duplicate
        "HOA BINH,5.20,5.00,5.00,5.00\n"  // again
        "Lang Son City,5.00,5.00,5.00,5.00\n"
        "Lạng Sơnn,5.00,5.00,5.00,5.00\n";
    TableLoadResult r = load_national_table_text(text, "pgi-2024.csv");
    REQUIRE(r.table);
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"1:1 missing-province", "3:1 duplicate-province",
                                                           "4:1 duplicate-province", "5:1 unknown-province",
                                                           "6:1 unknown-province"});
    const Diagnostic* dup = first(r.diagnostics, "duplicate-province");
    REQUIRE(dup);
    REQUIRE(dup->related.size() == 1);
    CHECK(dup->related[0].line == 2);  // the first Hòa Bình row
    // "lang-son-city" is 5 edits from "lang-son": no guess; "lang-sonn" is 1 edit away
    const Diagnostic* unknown = &r.diagnostics.items()[4];
    CHECK(unknown->hint.find("Lạng Sơn") != std::string::npos);
    // only the first Hòa Bình row is kept (5.00), the others are dropped
    REQUIRE(r.table->rows.size() == 1);
    CHECK(r.table->rows[0].components[0] == h(500));
}

TEST_CASE("check: merged provinces against the 63 and the 34") {
    // PGI 2025 ranks the 34: Hà Giang is a province merged into Tuyên Quang
    TableLoadResult r = load_national_table_text("province,1,2,3,4\nHà Giang,5,5,5,5\n", "pgi-2025.csv");
    const Diagnostic* d = first(r.diagnostics, "merged-province");
    REQUIRE(d);
    CHECK(d->location.line == 2);
    CHECK(d->message.find("Tuyên Quang") != std::string::npos);
    CHECK(r.table->rows.empty());
}

TEST_CASE("check: scores outside 0-10 and totals outside 0-40") {
    std::string text =
        "province,1,2,3,4,total\n"
        "Hà Nội,10.01,5.00,5.00,5.00,N/A\n"       // component above 10
        "Hải Phòng,10.00,0.00,5.00,5.00,20.00\n"  // the limits themselves are fine
        "Hà Nam,-0.01,5.00,5.00,5.00,N/A\n"       // below 0
        "Bắc Ninh,N/A,N/A,N/A,N/A,40.01\n";       // total above 40
    TableLoadResult r = load_national_table_text(text, "pgi-2024.csv");
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"1:1 missing-province", "2:8 score-out-of-range",
                                                           "4:8 score-out-of-range", "5:26 score-out-of-range"});
}

TEST_CASE("check: a published total may differ from the sum by 0.01, not more") {
    std::string text =
        "province,1,2,3,4,total\n"
        "Hà Nội,7.00,7.00,7.00,7.00,28.01\n"     // 28.00 + 0.01: rounding, fine
        "Hải Phòng,7.00,7.00,7.00,7.00,27.99\n"  // 28.00 - 0.01: fine
        "Hà Nam,7.00,7.00,7.00,7.00,28.02\n"     // +0.02: total-mismatch
        "Bắc Ninh,7.00,7.00,7.00,7.00,27.98\n";  // -0.02: total-mismatch
    TableLoadResult r = load_national_table_text(text, "pgi-2024.csv");
    CHECK(codes(r.diagnostics) ==
          std::vector<std::string>{"1:1 missing-province", "4:28 total-mismatch", "5:30 total-mismatch"});
    const Diagnostic* d = first(r.diagnostics, "total-mismatch");
    REQUIRE(d);
    CHECK(d->severity == Severity::warning);
    CHECK(d->message.find("+0.02") != std::string::npos);
}

TEST_CASE("check: published ranks that contradict the published totals, and ranks out of range") {
    std::string text =
        "province,total,rank\n"
        "Hà Nội,30.00,1\n"
        "Hải Phòng,28.00,2\n"
        "Bắc Ninh,29.00,3\n"  // ranked 3rd with more than the 2nd: contradiction
        "Hà Nam,25.00,4\n"
        "Nam Định,25.00,4\n"  // shares rank 4 with the same total: fine (a tie)
        "Ninh Bình,24.00,6\n"
        "Thái Bình,23.00,6\n"  // shares rank 6 with another total: contradiction
        "Hưng Yên,22.00,64\n"  // 63 provinces in PGI 2024
        "Vĩnh Phúc,22.00,0\n";
    TableLoadResult r = load_national_table_text(text, "pgi-2024.csv");
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"1:1 missing-province", "4:16 rank-contradicts-total",
                                                           "8:17 rank-contradicts-total", "9:16 rank-out-of-range",
                                                           "10:17 rank-out-of-range"});
    const Diagnostic* d = first(r.diagnostics, "rank-contradicts-total");
    REQUIRE(d);
    REQUIRE(d->related.size() == 1);
    CHECK(d->related[0].line == 3);  // Hải Phòng's rank
}

TEST_CASE("check: missing provinces are one warning that counts them") {
    // 3 rows of the 63: 60 missing, the first three named in data order
    std::string text = "province,1,2,3,4\nLạng Sơn,4.95,4.95,6.71,6.02\nHà Nội,7,7,7,7\nCà Mau,6,6,6,6\n";
    TableLoadResult r = load_national_table_text(text, "pgi-2024.csv");
    REQUIRE(r.table);
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"1:1 missing-province"});
    const Diagnostic& d = r.diagnostics.items()[0];
    CHECK(d.severity == Severity::warning);
    CHECK(d.message.find("60 of the 63 provinces") != std::string::npos);
    CHECK(d.message.find("Hà Giang, Cao Bằng, Lào Cai") != std::string::npos);
    CHECK_FALSE(r.table->complete());
    CHECK(r.table->province_count == 63);
}

TEST_CASE("table settings: published, partial and source, in CSV comments and YAML keys") {
    std::string csv =
        "# A comment: not a setting\n"
        "# published: 2025-05\n"
        "#partial:true\n"
        "# source: VCCI, PGI 2024\n"
        "province,1,2,3,4\nLạng Sơn,4.95,4.95,6.71,6.02\n";
    TableLoadResult r = load_national_table_text(csv, "pgi-2024.csv");
    REQUIRE(r.table);
    CHECK(r.diagnostics.empty());  // partial: the 62 missing provinces are no warning
    REQUIRE(r.table->published);
    CHECK(*r.table->published == PartialDate{2025, 5, 0});
    CHECK(r.table->partial);
    CHECK(r.table->source == "VCCI, PGI 2024");
    CHECK(r.table->rows_with_total() == 1);  // 4.95 + 4.95 + 6.71 + 6.02 = 22.63, derived

    std::string yaml =
        "year: 2024\npublished: 2025-05-12\npartial: true\nsource: VCCI\n"
        "rows:\n  - {province: Lạng Sơn, 1: 4.95, 2: 4.95, 3: 6.71, 4: 6.02}\n";
    r = load_national_table_text(yaml, "t.yaml");
    REQUIRE(r.table);
    CHECK(r.diagnostics.empty());
    CHECK(*r.table->published == PartialDate{2025, 5, 12});
    CHECK(r.table->partial);

    // a bad date and a bad flag, at the value's line and column
    r = load_national_table_text("# published: May 2025\n# partial: maybe\nprovince,1,2,3,4\nLạng Sơn,1,2,3,4\n",
                                 "pgi-2024.csv");
    CHECK(codes(r.diagnostics) ==
          std::vector<std::string>{"1:1 missing-province", "1:14 table-invalid-value", "2:12 table-invalid-value"});
    CHECK_FALSE(r.table->published);
    CHECK_FALSE(r.table->partial);
    r = load_national_table_text("year: 2024\npublished: soon\nrows: []\n", "t.yaml");
    CHECK(codes(r.diagnostics) == std::vector<std::string>{"1:1 missing-province", "2:12 table-invalid-value"});
}
