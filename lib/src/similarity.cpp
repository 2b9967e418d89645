// Text similarity and greedy matching of task texts (similarity.hpp).
#include "pgi/similarity.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <map>

#include "pgi/text.hpp"

namespace pgi {

std::vector<std::string> comparison_words(std::string_view text) {
    std::string nfc = to_nfc(text);
    std::vector<std::string> words;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) words.push_back(std::move(word));
        word.clear();
    };
    for (std::size_t i = 0; i < nfc.size();) {
        Utf8Char c = decode_utf8(nfc, i);
        if (!c.valid) {  // compared bytewise: an invalid byte is a word character of its own
            word += nfc[i];
            i += c.size;
            continue;
        }
        auto cp = static_cast<utf8proc_int32_t>(c.code_point);
        auto category = utf8proc_category(cp);
        bool letter_or_digit = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                               (category >= UTF8PROC_CATEGORY_MN && category <= UTF8PROC_CATEGORY_ME) ||
                               (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
        if (!letter_or_digit) {
            flush();
        } else {
            utf8proc_uint8_t buf[4];
            auto n = utf8proc_encode_char(utf8proc_tolower(cp), buf);
            word.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
        }
        i += c.size;
    }
    flush();
    return words;
}

namespace {

int dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() && b.empty()) return 100;
    std::map<std::string_view, int> counts;
    for (const auto& w : a) ++counts[w];
    long common = 0;
    for (const auto& w : b) {
        auto it = counts.find(w);
        if (it != counts.end() && it->second > 0) {
            --it->second;
            ++common;
        }
    }
    return static_cast<int>(200 * common / static_cast<long>(a.size() + b.size()));
}

}  // namespace

int text_similarity(std::string_view a, std::string_view b) {
    return dice(comparison_words(a), comparison_words(b));
}

std::vector<SimilarPair> match_by_similarity(const std::vector<std::string_view>& old_texts,
                                             const std::vector<std::string_view>& new_texts, int threshold,
                                             const std::function<bool(std::size_t, std::size_t)>& allowed) {
    std::vector<std::vector<std::string>> old_words, new_words;
    for (auto t : old_texts) old_words.push_back(comparison_words(t));
    for (auto t : new_texts) new_words.push_back(comparison_words(t));
    std::vector<SimilarPair> candidates;
    for (std::size_t i = 0; i < old_texts.size(); ++i)
        for (std::size_t j = 0; j < new_texts.size(); ++j) {
            if (allowed && !allowed(i, j)) continue;
            int s = dice(old_words[i], new_words[j]);
            if (s >= threshold) candidates.push_back({i, j, s});
        }
    std::sort(candidates.begin(), candidates.end(), [](const SimilarPair& x, const SimilarPair& y) {
        if (x.similarity != y.similarity) return x.similarity > y.similarity;
        if (x.old_index != y.old_index) return x.old_index < y.old_index;
        return x.new_index < y.new_index;
    });
    std::vector<bool> old_used(old_texts.size()), new_used(new_texts.size());
    std::vector<SimilarPair> out;
    for (const auto& c : candidates) {
        if (old_used[c.old_index] || new_used[c.new_index]) continue;
        old_used[c.old_index] = new_used[c.new_index] = true;
        out.push_back(c);
    }
    std::sort(out.begin(), out.end(),
              [](const SimilarPair& x, const SimilarPair& y) { return x.new_index < y.new_index; });
    return out;
}

}  // namespace pgi
