#include "pgi/escape.hpp"

#include <utf8proc.h>

namespace pgi {

CharClass char_class(char32_t cp) {
    if (cp == U'\n' || cp == U'\r' || cp == 0x2028 || cp == 0x2029) return CharClass::line_break;
    if (cp == U'\t') return CharClass::tab;
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return CharClass::control;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return CharClass::bidi;
    if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) return CharClass::invisible;
    return CharClass::ordinary;
}

namespace {
constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

std::string clean(std::string_view text, bool one_line) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        unsigned char b = static_cast<unsigned char>(text[i]);
        if (b >= 0x20 && b < 0x7F) {  // printable ASCII, the common case
            out += static_cast<char>(b);
            ++i;
            continue;
        }
        utf8proc_int32_t cp = -1;
        auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                  static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0 || cp < 0) {
            out += replacement;
            ++i;
            continue;
        }
        switch (char_class(static_cast<char32_t>(cp))) {
            case CharClass::control:
            case CharClass::bidi:
                out += replacement;
                break;
            case CharClass::line_break:
                // CR LF is one break
                if (one_line) {
                    if (!(cp == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) out += ' ';
                } else {
                    out.append(text.substr(i, static_cast<std::size_t>(n)));
                }
                break;
            case CharClass::tab:
                out += one_line ? std::string_view(" ") : std::string_view("\t");
                break;
            case CharClass::invisible:
            case CharClass::ordinary:
                out.append(text.substr(i, static_cast<std::size_t>(n)));
                break;
        }
        i += static_cast<std::size_t>(n);
    }
    return out;
}
}  // namespace

std::string visible_text(std::string_view text) {
    return clean(text, false);
}
std::string visible_line(std::string_view text) {
    return clean(text, true);
}

}  // namespace pgi
