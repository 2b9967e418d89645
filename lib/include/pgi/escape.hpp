// Characters that must not reach a reader's screen or document as they are: control
// characters, bidirectional overrides, line breaks where a line is expected. One
// classification shared by the output writers (terminal, Markdown, CSV, comments) and the
// input check of every scalar (issue 14; docs/diagnostics.md, docs/cli.md "Output escaping").
#pragma once

#include <string>
#include <string_view>

namespace pgi {

/// What a code point is to a writer of text for people.
enum class CharClass {
    ordinary,    ///< shown as itself
    line_break,  ///< LF, CR, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
    tab,         ///< U+0009
    control,     ///< C0 other than tab/LF/CR, DEL, C1 (U+0080–U+009F, NEL U+0085 included)
    bidi,        ///< U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates): reorder what follows
    invisible,   ///< zero-width U+200B–U+200D, U+2060 WORD JOINER, U+FEFF (BOM / ZWNBSP)
};

/// The class of code point `cp` (Unicode 15; the ranges are listed on CharClass).
CharClass char_class(char32_t cp);

/// `text` with every `control` and `bidi` code point replaced by U+FFFD REPLACEMENT CHARACTER
/// (shown as "�"), so that it cannot move the cursor, clear a screen, change colours or
/// reorder a line; tabs, line breaks and invisible characters are kept. Invalid UTF-8 bytes
/// are replaced by U+FFFD too. Used by every text writer (table.hpp) and by diagnostics.
std::string visible_text(std::string_view text);

/// visible_text(), and also every line break and tab as one space: for a text that must stay
/// on one line (a terminal table cell, a `#` comment in a written plan file).
std::string visible_line(std::string_view text);

// Markdown. markdown_cell() (table.hpp) escapes inline text (a table cell, or text after
// other text on a line) so that it renders as the same text, never as markup, on GitHub
// (GFM), GitLab and pandoc (its default Markdown, smart punctuation included): control and
// bidi characters become U+FFFD (visible_text()); line breaks (LF, CR, CRLF, U+2028, U+2029)
// `<br>`; a tab a space; `|` `\|`; the punctuation that starts markup anywhere in a line is
// backslash-escaped: `\ * _ ` < > [ ] & ~ ^ $ @ # ' "` (emphasis, code, HTML and entities
// such as `&amp;`, links, strikeout `~~x~~` and pandoc's sub/superscript, math, citations, a
// heading's closing `#`, smart quotes), the second `-` of `--` and `.` of `..` (smart dashes
// and ellipses), the `:` of `://` or of an emoji shortcode (`:smile:`) and the `.` of `www.`
// (GFM's bare autolinks and emoji). Runs of spaces are not preserved (Markdown collapses
// them). Docs: docs/cli.md, "Output escaping".

/// markdown_cell() for text at the start of a line (a heading, a list item after `- `): also
/// escapes what would make the line a block: a leading `-`, `+`, `=`, `:`, `(`, and the `.` or
/// `)` after a leading run of letters or digits (`1.`, `a)`, `iv.`: list markers in pandoc);
/// leading spaces are dropped (they would indent into a code block).
std::string markdown_line(std::string_view text);

/// Lines of plain text (separated by LF) as Markdown lines: on each, a leading `bullet` (such
/// as "- ") is kept and the rest escaped with markdown_line(); empty lines stay empty.
std::string markdown_lines(std::string_view text, std::string_view bullet);

}  // namespace pgi
