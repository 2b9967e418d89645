// Importing a plan document (plain text or Markdown, as pandoc or pdftotext give it) into the
// plan model: `pgi import`. The importer is a pipeline of small recognisers, each declared
// here with its contract so that it can be tested on its own:
//
//   text preparation   prepare_import_text()        BOM, CRLF, NFC, paragraphs, footnotes,
//                                                   sentences split by page breaks, tables
//   list structure     parse_list_marker(),         I. / 1. / a) / - items, the Vietnamese
//                      check_lettering()            list alphabet and its anomalies
//   numbers and dates  find_dates(), parse_deadline()
//   targets            parse_target_statement()
//   documents          parse_document_number(), find_cited_documents()
//   footnotes          find_footnote_markers(), parse_footnote_definition()
//   components         reference_components(), match_component()
//   agencies           find_agencies(), agency_kind()
//   the builder        import_plan_text()
//
// Terms follow docs/domain.md. The document conventions they rely on (lettering,
// day-first dates, decimal commas, document numbers) are the ones listed there under
// "Conventions of the documents"; docs/import.md describes what is recognised for users.
// Nothing here prints or reads files.
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/diagnostic.hpp"
#include "pgi/model.hpp"
#include "pgi/score.hpp"

namespace pgi {

// ---------------------------------------------------------------------------------------
// The importer
// ---------------------------------------------------------------------------------------

struct ImportOptions {
    /// The name used in diagnostics and in the generated file's header comment, e.g.
    /// `plan.txt` or `<stdin>`.
    std::string file_name = "<stdin>";
};

/// The result of an import: the plan (absent when the input has no recognisable plan
/// structure or is not UTF-8) and every finding, sorted by line.
struct ImportResult {
    std::optional<Plan> plan;
    Diagnostics diagnostics;
};

/// Reads the text of a Vietnamese PGI improvement plan and builds a Plan that
/// validate_plan() accepts. `text` is UTF-8 with or without a BOM, LF or CRLF line ends,
/// NFC or NFD; it is normalised to NFC first. Every task, owner, target and report gets the
/// 1-based line of the input it comes from in its `location` (`file` = options.file_name).
///
/// Errors (no plan is returned, nothing should be written):
/// - `invalid-utf8`: a byte sequence that is not UTF-8 (line:column of the first one);
/// - `no-plan-structure`: no component section (`1. Chỉ số “…”`), no component target and
///   no annex table of tasks was found.
/// - `no-targets-or-tasks`: components are named but no target and no task was found; the
///   warnings are returned with it, since they say what was not understood.
/// Warnings (the plan is still returned):
/// - `negated-statement`: "không đứng trong nhóm 20 …", a fact stated as not achieved;
/// - `unknown-region`: a regional rank target ("nhóm 3 tỉnh dẫn đầu vùng …") whose region is
///   none of the six of data/provinces.yaml (match_region()); it is not imported;
/// - `impossible-date`: a date that does not exist (`31/4/2025`);
/// - `several-deadlines`: a task naming more than one deadline (`due` is the first);
/// - `repeated-section`: a roman section seen a second time (a second plan body, refused);
/// - `unrecognised-sentence`: a paragraph with a score, a rank, a date or a recurrence
///   (looks_like_fact()) that gave no field and no other finding;
/// - `repeated-letter`, `skipped-letter`, `out-of-order-letter`: list lettering anomalies
///   within one component section (check_lettering());
/// - `unplaced-paragraph`: a paragraph of the tasks section that is neither a heading, a
///   target nor a task (e.g. a bullet before any owner heading);
/// - `target-mismatch`: a stated increase that differs from target − baseline (the increase
///   is then moved to the target's `note` so that the plan stays valid), or a stated total
///   that differs from the sum of the component targets (it is dropped, and named here);
/// - `unmatched-component`: a `Chỉ số …` section that matches none of the four components;
///   its tasks are skipped;
/// - `missing-target`: a component section without a target sentence;
/// - `duplicate-target`: a second target of the same kind and year for one component
///   (the first is kept);
/// - `missing-footnote`, `orphan-footnote`, `unattached-footnote`: a ⁽N⁾ marker without
///   footnote text, footnote text no marker points to, a footnote on a paragraph that is
///   not a task;
/// - `unrecognised-deadline`: an annex deadline cell that is not a date or a recurrence
///   (kept in the task's `note`);
/// - `missing-lead`: an annex row or heading without a lead owner (the row is skipped);
/// - `unreadable-table`: a PHỤ LỤC (annex) without a table it can read (pipe or tab-separated
///   rows with task and lead columns), e.g. the drawn tables of `pandoc -t plain`;
/// - `missing-issuer`, `missing-title`, `missing-period`: header fields that were not found
///   and were filled with a placeholder the analyst must correct.
/// Notes: `joined-paragraphs` for each sentence rejoined across a page break;
/// `baseline-statement` for a score or rank of a year before the plan, read as a baseline
/// (components) or an observation (the total), never as a target.
/// When no plan is returned, only the errors are reported (what could not be placed in a
/// text that is no plan is noise).
ImportResult import_plan_text(std::string_view text, const ImportOptions& options = {});

// ---------------------------------------------------------------------------------------
// Recognisers (namespace pgi::recognise). All take NFC text; offsets are byte offsets.
// ---------------------------------------------------------------------------------------
namespace recognise {

// ---- Text preparation ------------------------------------------------------------------

/// The structural marker a paragraph starts with.
struct ListMarker {
    enum class Kind { none, roman, number, letter, bullet };
    Kind kind = Kind::none;
    /// `II` (roman), `1` or `2.1` (number), `a` or `đ` (letter, lower case), the bullet
    /// character (`-`, `–`, `•`, `+`, `*` …).
    std::string label;
    int value = 0;               ///< roman/number: its value (2.1 -> 1, the last part); letter: index
    std::size_t text_begin = 0;  ///< byte offset of the item's text after the marker and spaces
};

/// Recognises `II. `/`II.`+space, `2. `/`2.1. `/`2) `, `a) `/`đ) `/`a. ` (the Vietnamese list
/// alphabet, lower case) and bullets `- – — • + * ◦ ▪ ·` and Word's symbol-font bullets
/// (U+F0B7, U+F0A7, U+F0D8) followed by a space. Roman numerals are I..XXXIX; a number
/// above 99 or a year is not a list number. Returns Kind::none for anything else.
ListMarker parse_list_marker(std::string_view paragraph);

/// A paragraph of the prepared text: consecutive non-blank lines joined with one space,
/// Markdown decoration removed (`#` headings, `**`/`__`/`*` emphasis, `\` escapes, `> `,
/// pandoc's `[text]{.underline}` spans and raw blocks),
/// spaces collapsed. A Markdown table row (`| a | b |`) or a tab-separated row (two or more
/// tabs) is a paragraph of its own with `cells`.
struct Paragraph {
    int line = 0;      ///< 1-based line of its first line in the input
    int end_line = 0;  ///< its last line (later than `line` for wrapped or rejoined text)
    std::string text;
    ListMarker marker;
    bool table_row = false;
    std::vector<std::string> cells;  ///< table_row: the cells, trimmed
    std::vector<int> footnotes;      ///< indices into PreparedText::footnotes of the markers removed
    std::vector<int> joined_lines;   ///< lines where a continuation after a page break began
};

struct Footnote {
    int number = 0;
    std::string text;
    int line = 0;
    bool referenced = false;
};

struct PreparedText {
    bool ok = false;  ///< false when the input is not UTF-8 (see diagnostics)
    std::vector<Paragraph> paragraphs;
    std::vector<Footnote> footnotes;
    Diagnostics diagnostics;
};

/// Turns raw input into paragraphs:
/// 1. strips a UTF-8 BOM; invalid UTF-8 is the error `invalid-utf8` (ok = false);
/// 2. CRLF and CR become LF; each line is normalised to NFC; form feeds (pdftotext's page
///    breaks) end a paragraph; no-break and other Unicode spaces become spaces, zero-width
///    characters are removed; lines that are only a page number (`3`, `- 3 -`) or a rule
///    (`-----`, `____`) are blank;
/// 3. before a `KẾ HOẠCH` title line, runs of three or more spaces split a line into
///    columns (the two-column header of `pdftotext -layout`);
/// 4. paragraphs are runs of non-blank lines; a line that starts a list item, a line in
///    capitals (headings) and an indented line after a finished sentence start new ones;
/// 5. footnote definitions (a paragraph starting with `¹`, `⁽¹⁾`, `[1]` or `[^1]:`) are
///    moved to `footnotes`; their markers are removed from the text of the paragraphs that
///    cite them (for `¹`-style markers only when a definition with that number exists, so
///    `m²` stays);
/// 6. a paragraph that does not end a sentence (. ; : ! ? … possibly followed by a closing
///    quote or bracket) followed by one that starts with a lower-case letter and no list
///    marker is one sentence split by a page break: they are joined (note
///    `joined-paragraphs`).
PreparedText prepare_import_text(std::string_view raw, const std::string& file_name);

// ---- Lettered lists --------------------------------------------------------------------

/// The 0-based position of `letter` (one lower-case letter, UTF-8) in the Vietnamese list
/// alphabet a b c d đ e g h i k l m n o p q r s t u v x y (no f, j, w, z; see
/// docs/domain.md), or -1 when it is not in it.
int vietnamese_letter_index(std::string_view letter);

/// The letter as written in ids and source references: `đ` -> `dd`, others unchanged.
std::string letter_id(std::string_view letter);

/// One lettered heading of a section: its letter and 1-based line.
struct LetterUse {
    std::string letter;
    int line = 0;
};

/// A lettering anomaly. `line` is the heading where it shows; `other_line` is the earlier
/// use of a repeated letter, or the heading before a gap; `missing` lists skipped letters.
struct LetterAnomaly {
    enum class Kind { repeated, skipped, out_of_order };
    Kind kind = Kind::repeated;
    std::string letter;
    std::string previous;  ///< the letter before (skipped, out_of_order)
    std::vector<std::string> missing;
    int line = 0;
    int other_line = 0;
};

/// Checks the letters of one list against the Vietnamese alphabet: a letter used again is
/// `repeated`; a letter further on than the next one is `skipped` (also when the list does
/// not start at a); a letter before the previous one is `out_of_order`. đ) may be left out
/// without a finding (documents letter both d) đ) e) and d) e); the seed does both), so the
/// seed's a) b) d) e) g) h) is one gap, c). When the list uses f, j, w or z it is taken to
/// follow the Latin alphabet instead.
std::vector<LetterAnomaly> check_lettering(const std::vector<LetterUse>& letters);

// ---- Numbers and dates -----------------------------------------------------------------

struct DateMatch {
    PartialDate date;
    std::size_t begin = 0, end = 0;  ///< byte range of the whole date expression
};

/// Every date in `text`, day first as Vietnamese documents write them:
/// `12/7/2024`, `12-7-2024`, `12.7.2024` (full); `ngày 08 tháng 8 năm 2024` (full);
/// `ngày   tháng 8 năm 2024` or `ngày … tháng 8 năm 2024` (day left blank: year and month);
/// `tháng 8 năm 2024`, `tháng 8/2024` (year and month). Impossible dates (31/2/2024) are
/// skipped; years outside 1900..2200 are not dates.
std::vector<DateMatch> find_dates(std::string_view text);

/// Dates written in a date's shape that no calendar has (`31/4/2025`, `ngày 30 tháng 2 năm
/// 2024`, `15/13/2024`): find_dates() skips them; the importer warns (`impossible-date`).
/// `date` holds the numbers as written (it is not a valid PartialDate).
std::vector<DateMatch> find_impossible_dates(std::string_view text);

/// What makes `text` look like a target, a rank, a deadline or a duty, so that the importer
/// must either read it or warn (`unrecognised-sentence`): "score" (a number with a decimal
/// comma and one or two decimals, `6,58`), "rank" (`thứ N`, `nhóm N`, `top N`, `N bậc`,
/// `N/63`), "date" (find_dates(), an impossible date, `Quý III`), "recurrence" (`hằng tháng`,
/// `hằng quý`, `hằng năm`, `hằng tuần`, `hằng ngày`, `định kỳ`, `6 tháng`); "" for none.
std::string looks_like_fact(std::string_view text);

/// A deadline as an annex's "Thời gian hoàn thành" column or a task sentence gives it.
struct Deadline {
    std::optional<PartialDate> due;
    Recurrence recurrence = Recurrence::none;
    bool recognised = false;  ///< false when the text is neither a date nor a recurrence
};

/// Recognises (case- and diacritic-insensitively):
/// - recurrences: `Thường xuyên`/`liên tục` -> continuous, `Hằng năm`/`Hàng năm` -> yearly,
///   `Hằng quý` -> quarterly, `Hằng tháng` -> monthly, `6 tháng`/`nửa năm` (with hằng/định
///   kỳ) -> half_yearly, `Hằng tuần` -> weekly, `Hằng ngày` -> daily;
/// - `Quý III/2024`, `Quý 3 năm 2024` -> due 2024-09 (the last month of the quarter; a
///   partial date stands for the end of that month);
/// - `6 tháng đầu năm 2024` -> 2024-06; `6 tháng cuối năm 2024` -> 2024-12;
/// - `Trước 15/12/2024`, `Trước ngày 15/12/2024`, `chậm nhất ngày 15/12/2024`, `15/12/2024`
///   -> 2024-12-15; `Tháng 10/2024` -> 2024-10; `Năm 2024`, `Trong năm 2024` -> 2024;
/// - a day and month without a year (`trước ngày 15/12 hằng năm`) uses `default_year`
///   (when not 0).
/// Both a recurrence and a due date may be found (`Hằng năm, trước 15/12/2024`).
Deadline parse_deadline(std::string_view text, int default_year = 0);

/// Which period the occurrences of a recurring reporting duty are about (ReportCovers,
/// docs/tracking.md: `previous` = the month/quarter/half/year before the one the due date
/// falls in, `current` = that one), as a clause states it. `before` is the clause up to the
/// deadline's `trước`/`chậm nhất`, `deadline` the deadline's own words (`ngày 5 tháng sau`),
/// `first_due` the first due date. In this order:
/// 1. the deadline lies in the next unit (`tháng sau`, `tháng tiếp theo`, `quý sau`, `năm
///    sau`, `tháng đầu quý`, `đầu tháng`, `đầu quý`) -> previous;
/// 2. the deadline lies in the unit reported on (`tháng cuối quý`, `cuối tháng`, `cuối quý`,
///    `cuối năm`, `trong tháng`, `trong quý`) -> current;
/// 3. the clause names the unit before as the subject (`kết quả tháng trước`, `quý trước`,
///    `năm trước`, `6 tháng trước`, `kỳ trước`) -> previous;
/// 4. the clause cuts the figures off within the unit or names it (`chốt số liệu`, `tháng
///    này`, `quý này`, `năm nay`) -> current;
/// 5. a quarterly, half-yearly or yearly duty first due in the last month of its unit (`hằng
///    quý trước ngày 15/9`, `báo cáo năm trước ngày 15/12`) -> current: the unit before ended
///    months earlier;
/// 6. otherwise the clause does not say: `previous`, the default of docs/tracking.md, with
///    `assumed` set (the importer notes `assumed-covers`).
/// Only monthly, quarterly, half-yearly and yearly duties have a period to cover.
struct CoversReading {
    ReportCovers covers = ReportCovers::previous;
    bool assumed = false;  ///< rule 6: nothing in the clause or the date says
};
CoversReading parse_report_covers(std::string_view before, std::string_view deadline, Recurrence frequency,
                                  Date first_due);

/// The recurrence a task's wording implies, as the shipped Lạng Sơn example transcribes
/// it (docs/plan-format.md, last section): `hàng ngày`/`hằng ngày` -> daily, `hằng năm`
/// -> yearly, `hằng quý` -> quarterly, `hằng tháng` -> monthly; standing duties
/// (`thường xuyên`, `tiếp tục`, `tăng cường`, `kịp thời`, `đẩy mạnh`, `chủ động`, `định kỳ`),
/// ongoing enforcement (`xử lý`, `kiểm soát`, `kiểm tra`, `theo dõi`, `giám sát`) and
/// tasks that open with an ongoing verb -> continuous; tasks whose main verb is one-off
/// (`rà soát`, `công khai`, `xây dựng`, `ban hành`, `hoàn thiện`, `tổ chức` …, after an
/// optional `Chủ trì, phối hợp <agency>`) -> none. A heuristic: the analyst reviews it.
Recurrence infer_recurrence(std::string_view task_text);

// ---- Targets ---------------------------------------------------------------------------

/// What a target sentence states. Scores are in points (decimal comma or point, at most two
/// decimals). `year` is 0 when the sentence does not name the target year.
struct TargetStatement {
    struct ScoreTarget {
        int year = 0;
        Score score;
        std::optional<Score> increase;
    };
    struct RankTarget {
        int year = 0;
        TargetKind kind = TargetKind::rank_top;  ///< rank_top, rank_increase or rank_not_below
        int rank = 0;
        /// rank_top among the provinces of a region ("nhóm 3 tỉnh dẫn đầu vùng Trung du và
        /// miền núi phía Bắc"): the words from `vùng`/`khu vực` to the end of the clause, as
        /// written; empty for the whole country. The importer maps it to a region id of
        /// data/provinces.yaml.
        std::string region;
        int out_of = 0;  ///< "thứ 26/63": 63; 0 when not written
    };
    std::vector<ScoreTarget> scores;
    std::vector<RankTarget> ranks;
    std::optional<int> baseline_year;
    std::optional<Score> baseline_score;
    /// Negated statements ("không đứng trong nhóm 20 tỉnh dẫn đầu", "chưa đạt 5,00 điểm"):
    /// never targets; each is the words as written, for a finding.
    std::vector<std::string> negated;
    bool empty() const { return scores.empty() && ranks.empty(); }
};

/// Parses a target sentence such as `Mục tiêu phấn đấu đạt từ 6,58 điểm trở lên (tăng 1,74
/// điểm so với năm 2023 đạt 4,84 điểm)` -> score 6.58, increase 1.74, baseline 2023 4.84.
/// - a score target is `đạt [từ|tối thiểu|ít nhất|trên] X [điểm]` or `lên X điểm`;
/// - its increase is `tăng [thêm] X [điểm]` (attached to the score target before it, or
///   the next one);
/// - the baseline is the year and score after `so với [kết quả] [năm] YYYY` (`điểm` may be
///   missing, as in the seed's II.4);
/// - `năm YYYY` outside the baseline clause sets the year of the targets after it, so
///   `năm 2024 đạt 6,00 điểm, năm 2025 đạt 6,50 điểm` gives two targets;
/// - rank targets: `trong nhóm N tỉnh … [đứng|dẫn] đầu`, `top N`, `xếp thứ N`/`đứng thứ N`
///   -> rank_top N (`thứ 26/63` sets `out_of`); `… dẫn đầu vùng|khu vực X` sets `region`;
///   `không thấp hơn [vị trí] [thứ|hạng] N` -> rank_not_below N; `tăng [thêm|ít
///   nhất|tối thiểu] N bậc|hạng` -> rank_increase N;
/// - `năm YYYY` holds to the end of its clause (`;` ends it);
/// - a score or rank after `không`/`chưa` (within three words) is negated: not returned,
///   listed in `negated`.
TargetStatement parse_target_statement(std::string_view sentence);

/// The socio-economic region (data/provinces.yaml, Nghị quyết 81/2023/QH15) that the words
/// of a regional rank target name: `vùng Trung du và miền núi phía Bắc` ->
/// `trung-du-mien-nui-phia-bac`. The words are folded (no case, no diacritics, no
/// punctuation); a leading `vùng` or `khu vực` and the word `và` are ignored; a region matches
/// when its name or its id (as words) starts them, the longest winning, so `vùng Tây Nguyên
/// và tăng 2 bậc` is `tay-nguyen` and `vùng Trung du, miền núi phía Bắc` is the first region.
/// "" when no region matches (the importer warns `unknown-region`).
std::string match_region(std::string_view words);

// ---- Documents -------------------------------------------------------------------------

/// The number of a `Số: 163/KH-UBND` line: `163/KH-UBND`, or `/KH-UBND` when the draft
/// leaves the number blank (`Số:   /KH-UBND`). std::nullopt when `text` does not start
/// with `Số` followed by a document number.
std::optional<std::string> parse_document_number(std::string_view text);

/// A document cited in running text.
struct CitedDocument {
    std::string kind;  ///< as written: `Kế hoạch`, `Quyết định`, `Công văn`, `Luật` …
    DocumentRef ref;   ///< number, date, issuer, title (title starts with a capital)
    std::size_t begin = 0, end = 0;
};

/// Finds cited documents: `<kind> [số] <number> [ngày <date>] [của <issuer>] [<title>]`
/// where kind is Kế hoạch, Quyết định, Công văn, Văn bản, Nghị định, Nghị quyết, Chỉ thị,
/// Thông tư, Thông báo, Hướng dẫn or Báo cáo and the number looks like `163/KH-UBND`,
/// `08/2022/NĐ-CP` or `524/QĐ-TTg`; the issuer runs to ` về `, ` phê duyệt `, ` quy định `,
/// ` ban hành `, ` hướng dẫn ` or punctuation, and the title from there to `;` or the end
/// of the sentence. Laws have no number: `Luật Bảo vệ môi trường năm 2020` gives number
/// `Luật Bảo vệ môi trường năm 2020` and date 2020 (a law named without its year is not
/// returned).
std::vector<CitedDocument> find_cited_documents(std::string_view text);

// ---- Footnotes -------------------------------------------------------------------------

struct FootnoteMarker {
    enum class Style { superscript, parenthesised, bracket, caret };
    Style style = Style::superscript;
    int number = 0;
    std::size_t begin = 0, end = 0;
};

/// Footnote markers in running text: superscript digits `¹²³⁴⁵⁶⁷⁸⁹⁰`, the parenthesised
/// form `⁽¹⁾` that Word exports, `[1]` (pandoc -t plain), `[^1]` (pandoc -t markdown, Word
/// footnotes) and `^1^` / `^(1)^` (pandoc -t markdown, digits in superscript formatting).
std::vector<FootnoteMarker> find_footnote_markers(std::string_view text);

struct FootnoteDefinition {
    int number = 0;
    std::string text;
};

/// A paragraph that is the text of a footnote: it starts with a marker (`¹ `, `⁽¹⁾ `,
/// `[1] `, `[^1]: `) followed by its text.
std::optional<FootnoteDefinition> parse_footnote_definition(std::string_view paragraph);

/// `text` without the markers whose number is in `numbers`.
std::string remove_footnote_markers(std::string_view text, const std::set<int>& numbers);

// ---- Components ------------------------------------------------------------------------

/// A component index as the shipped reference data describes it (data/pgi-components.yaml,
/// embedded into the library when it is built).
struct ReferenceComponent {
    std::string id;
    int number = 0;
    std::string name;
    std::string name_long;
    std::string name_en;
    std::vector<std::string> aliases;  ///< other names, written into imported plans
    std::vector<std::string> forms;    ///< further names documents use, for matching only
};

/// A spelling or abbreviation that means the same words in component names
/// (data/pgi-components.yaml, `equivalents`): `Bảo đảm` = `Đảm bảo`, `BĐKH` = `biến đổi khí
/// hậu`, `BVMT` = `bảo vệ môi trường` …
struct NameEquivalent {
    std::string write;  ///< as documents write it
    std::string read;   ///< what it is read as
};
const std::vector<NameEquivalent>& name_equivalents();

/// The words of `text` as component names are compared: folded (no case, no diacritics)
/// and every `write` form of name_equivalents() replaced by its `read` form, e.g.
/// `Bảo đảm tuân thủ` -> `dam bao tuan thu`.
std::string component_key(std::string_view text);

/// The four PGI components from the embedded data/pgi-components.yaml, in VCCI's order.
const std::vector<ReferenceComponent>& reference_components();

/// The component a name found in a document refers to: the name, after dropping a leading
/// `Chỉ số [thành phần] [số] [N][:.-]`, quotes and case, compared as component_key() to
/// each component's name, aliases and forms; one of them contained in the name (at word
/// boundaries) also matches, the longest winning; `Chỉ số thành phần 2` alone matches by
/// number.
/// nullptr when nothing matches.
const ReferenceComponent* match_component(std::string_view name);

// ---- Agencies --------------------------------------------------------------------------

/// An agency named in running text. `name` is its canonical form: `Ủy ban nhân dân` is
/// written `UBND`; `UBND phường, xã`, `UBND cấp xã`, `UBND các xã, phường` are
/// `UBND các phường, xã`; a known name is written as first registered; the first letter
/// is a capital.
struct AgencyName {
    std::string name;
    OwnerKind kind = OwnerKind::other;
    std::size_t begin = 0, end = 0;
};

/// Finds agency names in `text`, longest match first, without overlaps:
/// - `known` names (e.g. the owner headings of the document), compared word by word
///   without case or diacritics;
/// - city and provincial departments by their standard names (Phòng …, Sở …, per Nghị định
///   37/2014/NĐ-CP and 24/2014/NĐ-CP as amended), with a few common abbreviations (TNMT);
/// - `UBND|Ủy ban nhân dân`, `Công an`, `Thanh tra`, `Ban Chỉ huy Quân sự`, `Ủy ban Mặt
///   trận Tổ quốc Việt Nam`, `[các] tổ chức chính trị - xã hội` followed by a scope
///   (`thành phố`, `tỉnh`, `huyện` … with an optional capitalised place name, or `[các]
///   phường, xã`, `cấp xã` …).
/// Ministries and the national government (Bộ …, Chính phủ, Thủ tướng) are not agencies of
/// a local plan and are not returned.
std::vector<AgencyName> find_agencies(std::string_view text, const std::vector<std::string>& known = {});

/// The owner kind a name implies: Phòng/Sở/Văn phòng/Chi cục -> department; UBND of the
/// wards and communes -> ward_committees, other UBND -> people_committee; Công an ->
/// police; Ban/Bộ Chỉ huy Quân sự -> military; Thanh tra -> inspectorate; Ban Quản lý dự án
/// -> project_board; Trung tâm -> centre; `Các …` -> group; anything else -> other.
OwnerKind agency_kind(std::string_view name);

/// True when `text` reads like the name of an agency or a group of agencies (a heading
/// `a) Phòng Kinh tế`), not like a task: it starts with an agency word (Phòng, Sở, Ban,
/// UBND, Công an, Trung tâm, Các …) or is an agency find_agencies() recognises, has at most
/// 20 words and does not end with a full stop.
bool looks_like_agency(std::string_view text, const std::vector<std::string>& known = {});

}  // namespace recognise
}  // namespace pgi
