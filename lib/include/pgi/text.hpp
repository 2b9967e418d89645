// Unicode text helpers (UTF-8 validity, NFC, display width, slugs) built on utf8proc.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace pgi {

/// Byte offset of the first byte that does not start or continue a well-formed UTF-8
/// sequence (overlong forms, surrogates and code points above U+10FFFF count as invalid),
/// or std::nullopt when all of `text` is valid UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

/// True when `text` (valid UTF-8) is already in Unicode Normalization Form C.
bool is_nfc(std::string_view text);

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

/// The 1-based line and code-point column of byte `offset` in `text`.
struct LineColumn {
    int line = 1;
    int column = 1;
};
LineColumn line_column_at(std::string_view text, std::size_t offset);

}  // namespace pgi

namespace pgi {
/// Levenshtein distance between two byte strings (for did-you-mean hints on ids and keys).
std::size_t edit_distance(std::string_view a, std::string_view b);
}  // namespace pgi
