// Unicode text helpers (UTF-8 validity, NFC, display width, slugs) built on utf8proc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pgi {

/// Byte offset of the first byte that does not start or continue a well-formed UTF-8
/// sequence (overlong forms, surrogates and code points above U+10FFFF count as invalid),
/// or std::nullopt when all of `text` is valid UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// True when `text` (valid UTF-8) is already in Unicode Normalization Form C.
bool is_nfc(std::string_view text);

/// True when the code point `cp` can never change under NFC, whatever surrounds it: not a
/// combining mark (which may compose with what precedes it), not a conjoining Hangul vowel or
/// trailer, and not a character whose canonical decomposition is excluded from composition
/// (singletons such as U+212B). Text made only of such code points is in NFC. A table
/// look-up, cached per BMP code point (Unicode data from utf8proc; UAX #15 "Unicode
/// Normalization Forms"). Loaders that decode every character anyway call it so that
/// `is_nfc` need not scan the text a second time.
bool nfc_inert(char32_t cp);

/// `text` converted to NFC; invalid UTF-8 is returned unchanged.
std::string to_nfc(std::string_view text);

/// Terminal columns `text` occupies: combining marks take 0, East Asian wide characters 2,
/// everything else 1 (utf8proc_charwidth). Invalid bytes count 1 each.
std::size_t display_width(std::string_view text);

/// Number of code points in `text` (invalid bytes count 1 each); used to turn byte offsets
/// into the 1-based columns editors show.
std::size_t code_point_count(std::string_view text);

/// An ASCII slug for an id: Vietnamese letters lose their diacritics (đ/Đ -> d), letters are
/// lowercased, every run of other characters becomes one '-', and leading/trailing '-' go.
/// "Phòng Tài nguyên và Môi trường" -> "phong-tai-nguyen-va-moi-truong".
std::string ascii_slug(std::string_view text);

/// A legacy Vietnamese 8-bit encoding whose text, read as Windows-1252 and saved as UTF-8,
/// gives mojibake such as "ChÝnh quyÒn" (TCVN3) or "Vieät Nam" (VNI).
enum class LegacyEncoding { none, tcvn3, vni };

/// Whether `text` (valid UTF-8) looks like Vietnamese typed in a legacy font encoding and
/// re-saved as UTF-8 (issue 14, item 2). A heuristic over words, built from the encodings'
/// byte tables: TCVN3 (ABC, the .VnTime fonts) puts its letters at bytes 0xA1-0xFE, so words
/// hold symbols (µ ¸ ¹ ® ¬ «) or capitals (Ý Ò Ø) between lowercase letters ("L¹ng", "quyÒn");
/// VNI writes a base letter then a mark byte, so a vowel is followed by letters Vietnamese
/// never uses (ä ë ï ø û ü å æ ö: "Vieät", "Laïng"), and đ is ñ ("ñöôøng"). At least two such
/// words are needed, and any letter only Vietnamese uses (ă đ ơ ư ạ ả … U+1EA0–U+1EF9, or a
/// combining tone mark) rules the guess out: mojibake has only Latin-1 letters. English and
/// Vietnamese in Unicode give none; so do "Hoà Bình", "Müller", "naïve", "30°C", "«Bonjour»".
LegacyEncoding guess_legacy_vietnamese(std::string_view text);

/// The 1-based line and code-point column of byte `offset` in `text`.
struct LineColumn {
    int line = 1;
    int column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

}  // namespace pgi

namespace pgi {

/// One code point decoded from UTF-8 (decode_utf8).
struct Utf8Char {
    char32_t code_point = 0;  ///< U+FFFD when `valid` is false
    std::size_t size = 0;     ///< bytes consumed: 1-4, or 1 for an invalid byte; 0 only at the end
    bool valid = false;
};

/// THE UTF-8 decoder of libpgi (utf8proc_iterate): the code point that starts at byte
/// `offset` of `text`. An ill-formed sequence (stray continuation byte, overlong form,
/// surrogate, above U+10FFFF, cut short) gives {U+FFFD, 1, false}, so a loop that advances
/// by `size` always moves on and sees every byte. `offset >= text.size()` gives {0, 0, false}.
Utf8Char decode_utf8(std::string_view text, std::size_t offset);

/// Optimal-string-alignment distance between `a` and `b` counted in code points: the least
/// number of insertions, deletions, substitutions and swaps of two neighbours ("tittle" →
/// "title" is 1, "gpa" → "gap" is 1). For did-you-mean hints only.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The did-you-mean rule, the one every hint uses (unknown keys, ids, commands): the
/// candidate nearest to `word` by edit_distance(), if it is a near miss, i.e. at most
/// min(3, n / 3) edits away where n is the code-point length of `word`: a third of the word
/// may be wrong, so `t9` (n = 2) suggests nothing, `gpa` → `gap`, `complaince` allows 3.
/// Ties go to the earlier candidate; an exact match is returned as is. std::nullopt when
/// nothing is that near.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace pgi
