// Internal helpers shared by the import_*.cpp files: code points, words without case or
// diacritics, trimming. Not part of the public API.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "pgi/import.hpp"

namespace pgi::import_detail {

/// Decodes the code point at byte `i` and sets `len` to its length; an invalid byte decodes
/// as U+FFFD with length 1, so every loop over text advances.
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len);
/// The code point that ends just before byte `end` (U+0000 when `end` is 0).
char32_t decode_before(std::string_view s, std::size_t end, std::size_t* len = nullptr);
void append_utf8(std::string& out, char32_t cp);

bool is_letter(char32_t cp);  ///< Unicode letters and combining marks
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);

/// True when `t` has at least two upper-case letters and no lower-case one (a heading such as
/// "KẾ HOẠCH" or "II. NHIỆM VỤ").
bool is_uppercase_text(std::string_view t);
inline bool is_digit(char32_t cp) {
    return cp >= '0' && cp <= '9';
}
bool is_space(char32_t cp);  ///< ASCII and Unicode spaces, tabs, no-break spaces

/// Lower case without diacritics, ASCII only: "Phòng" -> "phong", "Đ" -> "d".
std::string fold(std::string_view word);
/// `text` with its first letter in upper case.
std::string capitalise(std::string_view text);
/// `text` in lower case (Vietnamese letters keep their diacritics).
std::string lower(std::string_view text);

std::string_view trim(std::string_view s);
/// Trims and collapses every run of spaces to one ASCII space.
std::string collapse_spaces(std::string_view s);
/// Removes trailing characters in `chars` (bytes, ASCII) and spaces.
std::string_view trim_end_chars(std::string_view s, std::string_view chars);
/// Appends `more` to a task's or target's `note`, one space apart; nothing when `more` is empty.
void append_note(std::string& note, const std::string& more);

/// A word: a maximal run of letters, combining marks and digits.
struct Word {
    std::size_t begin = 0, end = 0;
    std::string fold;     ///< fold() of the word
    bool upper = false;   ///< starts with an upper-case letter
    bool number = false;  ///< all ASCII digits
};
std::vector<Word> split_words(std::string_view text);

/// True when the text between words `a` and `b` (a before b) holds only spaces and
/// characters from `allowed` (ASCII).
bool gap_only(std::string_view text, const Word& a, const Word& b, std::string_view allowed);

/// Matches the folded words `phrase` (each an element, e.g. {"ubnd","cac","phuong","xa"})
/// at words[i...], with gaps of spaces and `allowed` characters. Returns the index after the
/// last matched word, or 0 when there is no match.
std::size_t match_words(std::string_view text, const std::vector<Word>& words, std::size_t i,
                        const std::vector<std::string>& phrase, std::string_view allowed = ",-&");
std::vector<std::string> fold_words(std::string_view text);

// ---- The phrase matcher ----------------------------------------------------------------------
// One way to look for a phrase: both sides folded (folded_key(): words without case or
// diacritics joined by single spaces), matched at word boundaries. "chi so" is in
// "1 chi so thanh phan" but not in "chi sox".

/// The byte position of the folded `phrase` in the folded `key` at word boundaries, from
/// `from` on; npos when absent or when `phrase` is empty.
std::size_t find_phrase(std::string_view key, std::string_view phrase, std::size_t from = 0);
/// find_phrase() != npos.
bool contains_phrase(std::string_view key, std::string_view phrase);
/// True when the folded `key` starts with the folded `phrase` at a word boundary.
bool starts_with_phrase(std::string_view key, std::string_view phrase);

/// The folded words of `text` joined by single spaces ("Phòng  Kinh tế:" -> "phong kinh te").
std::string folded_key(std::string_view text);

/// Names the document itself uses for agencies (its owner headings), folded for matching.
struct KnownName {
    std::vector<std::string> words;  ///< fold_words(name)
    std::string name;
};
std::vector<KnownName> known_names(const std::vector<std::string>& names);

/// An agency name matched at words[i...]: the index after its last word, its canonical
/// name and kind (see recognise::find_agencies()).
struct AgencyHit {
    std::size_t end_word = 0;
    std::string name;
};
/// The longest agency name starting at word `i`, or an empty hit (end_word == 0).
AgencyHit match_agency_at(std::string_view text, const std::vector<Word>& words, std::size_t i,
                          const std::vector<KnownName>& known);

/// find_agencies() and looks_like_agency() with the known names already folded.
std::vector<recognise::AgencyName> find_agencies_in(std::string_view text, const std::vector<KnownName>& known);
bool looks_like_agency_in(std::string_view text, const std::vector<KnownName>& known);

/// A generic phrase for unnamed partners, "(các) cơ quan, đơn vị (có) liên quan": the index
/// after it, or 0.
std::size_t match_generic_partners(std::string_view text, const std::vector<Word>& words, std::size_t i);

}  // namespace pgi::import_detail
