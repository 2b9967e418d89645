// An administrative document (văn bản hành chính) as a .docx file: WordprocessingML written
// by pgi, zipped with libzip (zip.hpp). Pure: a document model in, bytes out.
//
// The presentation follows Nghị định 30/2020/NĐ-CP, Phụ lục I (docs/report-docx.md cites each
// rule): A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman,
// black; body 13 pt; page numbers centred in the top margin from page 2 on; the header
// block (issuing body, number, national motto, place and date) as a borderless two-column
// table; the document type and subject centred; tables with borders and a repeated header
// row; recipients bottom left and the signer bottom right.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pgi/date.hpp"
#include "pgi/table.hpp"
#include "pgi/zip.hpp"

namespace pgi {

/// A block of the document's body.
struct DocBlock {
    enum class Kind {
        heading,     ///< a numbered section title: bold
        subheading,  ///< bold italic
        paragraph,   ///< justified, first line indented 1 cm
        closing,     ///< a paragraph kept on the page of the signature block
        note,        ///< italic, not indented ("Không có.")
        table,       ///< `table`, bordered, header row repeated on each page
        page_break,
    };
    Kind kind = Kind::paragraph;
    std::string text;
    Table table;                  ///< Kind::table; Align::right columns are numbers
    std::vector<bool> bold_rows;  ///< Kind::table: rows (by index) set in bold, e.g. a total
};

/// Everything on the page of an administrative document.
struct OfficialDocument {
    std::string parent_body;   ///< cơ quan chủ quản (upper case on the page); may be empty
    std::string issuing_body;  ///< cơ quan ban hành (bold upper case)
    std::string number;        ///< after `Số: `, e.g. `…/BC-TNMT`
    std::string place_date;    ///< e.g. `Lạng Sơn, ngày 05 tháng 11 năm 2024` (italic)
    std::string motto_1 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    std::string motto_2 = "Độc lập - Tự do - Hạnh phúc";
    std::string kind;     ///< tên loại, e.g. `BÁO CÁO`
    std::string subject;  ///< trích yếu
    std::vector<DocBlock> body;
    std::string recipients_label = "Nơi nhận:";
    std::vector<std::string> recipients;  ///< one line each; `- ` is added
    std::string signer_authority;         ///< e.g. `KT. TRƯỞNG PHÒNG`; may be empty
    std::string signer_title;             ///< e.g. `TRƯỞNG PHÒNG`
    std::string signer_name;              ///< may be empty: written by hand
    std::vector<DocBlock> appendix;       ///< on its own page after the signature; may be empty
    std::string language = "vi";          ///< w:lang of the text
};

/// Page geometry in twentieths of a point (twips; 1 mm = 56.7 twips).
struct PageGeometry {
    int width = 11906;   ///< A4 210 mm
    int height = 16838;  ///< A4 297 mm
    int top = 1134;      ///< 20 mm
    int bottom = 1134;   ///< 20 mm
    int left = 1701;     ///< 30 mm
    int right = 850;     ///< 15 mm
    int header = 567;    ///< page number 10 mm from the top edge, inside the top margin
    int text_width() const { return width - left - right; }
};

/// Width of `text` set in Times New Roman at `half_points` (26 = 13 pt), in twips, from the
/// Times Roman glyph widths (Adobe AFM, 1/1000 em); a Vietnamese letter measures as its base
/// letter. `bold` adds 6 %.
int text_twips(std::string_view text, int half_points, bool bold = false);

/// Column widths in twips for `t` set at `half_points`, summing to at most `available`:
/// each column gets at least its longest word (or date, or number) plus cell padding, then
/// the remaining width is shared in proportion to how much more the column's longest cell
/// needs. When even the longest words do not fit, std::nullopt.
std::optional<std::vector<int>> fit_columns(const Table& t, int half_points, int available);

/// The parts of the .docx: `[Content_Types].xml`, `_rels/.rels`, `word/document.xml`,
/// `word/styles.xml`, `word/settings.xml`, `word/header1.xml` (page number),
/// `word/header2.xml` (empty, first page), `word/_rels/document.xml.rels`, `docProps/core.xml`
/// (created/modified = `stamp`) and `docProps/app.xml`, in that order. A table too wide for
/// the portrait text width goes on a landscape section of its own.
std::vector<ZipEntry> docx_parts(const OfficialDocument& doc, const Date& stamp);

/// The .docx file: docx_parts() zipped (make_zip) with `stamp` as every entry's date.
/// Byte-identical for the same document and stamp. std::nullopt with `error` set when zipping
/// fails.
std::optional<std::string> render_docx(const OfficialDocument& doc, const Date& stamp, std::string& error);

/// `ngày 05 tháng 11 năm 2024`: a date written as Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục
/// III.4 asks (a day below 10 and the months 1 and 2 with a leading zero).
std::string vietnamese_date_words(const Date& d);

}  // namespace pgi
