// How alike two task texts are, and which tasks of two lists are the same task: the one text
// similarity of libpgi, used by `pgi diff` (diff.hpp: reworded and renumbered tasks) and by
// `pgi import --into` (import.hpp: stable task ids across amendments).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace pgi {

/// The words of `text` for comparison: NFC, lower case (utf8proc), split at every character
/// that is not a letter or a digit; Vietnamese diacritics are kept (`phòng` ≠ `phong`).
std::vector<std::string> comparison_words(std::string_view text);

/// How alike two texts are, in whole percent 0–100: the Dice coefficient of their word
/// multisets (comparison_words()), 200 × |common words| / (|words of a| + |words of b|),
/// rounded down; integer arithmetic, so the same texts give the same figure everywhere. Word
/// order is ignored; a reworded sentence keeps most of its words. Two texts without words
/// are 100 alike, one without words and one with are 0. Invalid UTF-8 is compared bytewise.
int text_similarity(std::string_view a, std::string_view b);

/// One pairing of match_by_similarity(): `old_index` into the first list, `new_index` into
/// the second, and their text_similarity().
struct SimilarPair {
    std::size_t old_index = 0;
    std::size_t new_index = 0;
    int similarity = 0;
    bool operator==(const SimilarPair&) const = default;
};

/// Pairs texts of `old_texts` with texts of `new_texts`, each at most once: every pair with
/// text_similarity() >= `threshold` (percent) that `allowed(old_index, new_index)` accepts
/// (null: every pair) is a candidate; candidates are taken most similar first (ties: lower
/// old index, then lower new index), skipping those whose texts are already paired. Greedy
/// and deterministic; the result is sorted by new_index. O(n·m) similarity computations.
std::vector<SimilarPair> match_by_similarity(const std::vector<std::string_view>& old_texts,
                                             const std::vector<std::string_view>& new_texts, int threshold,
                                             const std::function<bool(std::size_t, std::size_t)>& allowed = {});

}  // namespace pgi
