// Message catalogues: pgi's diagnostics, hints, usage errors and --help texts in the user's
// language, with GNU gettext (glibc's libintl) and the catalogue po/<lang>.po compiled to
// <localedir>/<lang>/LC_MESSAGES/pgi.mo.
//
// Contract:
// - Source strings are English and are the msgids. Mark them with tr("…") (a plain text),
//   trf("…{}…", args…) (an fmt format string, formatted after translation) or N_("…") (a
//   table entry translated later with tr). scripts/update-pot.sh extracts exactly these
//   keywords into po/pgi.pot.
// - Until set_message_language() picks a language with a catalogue, every call returns the
//   English msgid unchanged (never touching gettext), so English output is byte-identical
//   to the source strings.
// - Only messages are translated. Finding codes (`duplicate-key`), JSON keys and the JSON,
//   GitHub and GitLab outputs are not (callers render those with English text: see
//   ScopedEnglish). Report labels follow the plan's language (labels.hpp), not this setting.
// - Not thread-safe to change: call set_message_language once at start-up, before any
//   thread is started; tr/trf are then safe from any thread.
// - Language rules (docs/cli.md, "Language"): resolve_message_language.
#pragma once

#include <fmt/format.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pgi {

/// `s` itself: marks a string literal for extraction whose translation is looked up later
/// with tr() (e.g. entries of a static table).
constexpr const char* N_(const char* s) {
    return s;
}

/// The message language a setting names: "vi" for `vi`, `vi_VN`, `vi-VN`, `vi_VN.UTF-8`…;
/// "en" for `en…`, `C`, `POSIX`, `C.UTF-8`; nullopt for anything else (a language pgi has no
/// catalogue for).
std::optional<std::string> message_language_of(std::string_view setting);

/// The message language to use, "vi" or "en". `option` is the value of `--lang` (empty when
/// not given); `getenv` reads an environment variable (nullptr or "" = unset). Rule (docs/cli.md):
/// `--lang`, else `PGI_LANG`, else `LANGUAGE` (a colon-separated list: its first entry pgi has
/// a catalogue for, `en` included), else the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`
/// (POSIX: the first one set decides, even if it names a language without a catalogue), else
/// English. Unlike a C program's gettext, `LANGUAGE` counts even when the locale is `C`, and
/// the named locale (vi_VN.UTF-8) need not be installed: pgi only reads the name.
std::string resolve_message_language(std::string_view option, const std::function<const char*(const char*)>& getenv);

/// The directory holding <lang>/LC_MESSAGES/pgi.mo: `$PGI_LOCALEDIR` if set; else
/// `<dir of the running executable>/../share/locale` if it holds pgi.mo (the installed layout
/// bin/pgi + share/locale, and the build tree, where the .mo files are compiled to
/// <build>/share/locale and the binary sits in <build>/cli); else the install prefix's
/// locale directory chosen at configure time.
std::string default_locale_dir();

/// Makes tr/trf answer in `lang` ("vi", "en"), reading the catalogue from `locale_dir`
/// (default_locale_dir() when empty). Returns false, and leaves English in place, when the
/// catalogue cannot be loaded. Works on a machine with only the C/C.UTF-8 locale: it selects
/// LC_MESSAGES=C.UTF-8 (only that category; numbers keep the C locale) and LANGUAGE=<lang>,
/// which glibc honours for every locale but plain "C", and asks for UTF-8 text.
bool set_message_language(const std::string& lang, const std::string& locale_dir = {});

/// The language set_message_language last made effective: "vi" or "en".
const std::string& message_language();

/// The translation of `msgid` in the message language, else `msgid` itself.
const char* tr(const char* msgid);

/// The translation of `singular` (n == 1) or `plural` (other n) for the count `n`, by the
/// catalogue's plural rule (Vietnamese has one form); the English text when not translating.
const char* trn(const char* singular, const char* plural, unsigned long n);

/// strerror(err), in the message language for the system errors users meet (no such file,
/// permission denied, is a directory, not a directory, no space left, read-only file system,
/// file exists); glibc's English text otherwise and whenever the language is English.
const char* error_text(int err);

/// While alive, tr/trf answer in English (for machine-read outputs: JSON, GitHub, GitLab).
class ScopedEnglish {
public:
    ScopedEnglish();
    ~ScopedEnglish();
    ScopedEnglish(const ScopedEnglish&) = delete;
    ScopedEnglish& operator=(const ScopedEnglish&) = delete;

private:
    bool saved_;
};

/// fmt::format of the translation of `fmt_msgid` with `args`. A translation whose
/// placeholders do not fit the arguments (fmt::format_error) never throws: the English
/// msgid is formatted instead. (tests/i18n/check_po.py also rejects such translations.)
template <class... Args>
std::string trf(const char* fmt_msgid, Args&&... args) {
    const char* t = tr(fmt_msgid);
    if (t != fmt_msgid) {
        try {
            return fmt::format(fmt::runtime(t), args...);
        } catch (const fmt::format_error&) {  // a broken translation: say it in English
        }
    }
    return fmt::format(fmt::runtime(fmt_msgid), args...);
}

/// fmt::format of trn(singular, plural, n) with `args` (usually n itself), with trf's
/// fallback to the English text when a translation does not fit the arguments.
template <class... Args>
std::string trnf(const char* singular, const char* plural, unsigned long n, Args&&... args) {
    const char* english = n == 1 ? singular : plural;
    const char* t = trn(singular, plural, n);
    if (t != english) {
        try {
            return fmt::format(fmt::runtime(t), args...);
        } catch (const fmt::format_error&) {  // a broken translation: say it in English
        }
    }
    return fmt::format(fmt::runtime(english), args...);
}

}  // namespace pgi
