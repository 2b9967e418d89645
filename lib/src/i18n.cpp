#include "pgi/i18n.hpp"

#include <libintl.h>
#include <locale.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

#ifndef PGI_INSTALL_LOCALEDIR
#define PGI_INSTALL_LOCALEDIR "/usr/local/share/locale"
#endif

namespace pgi {

namespace {

constexpr const char* domain = "pgi";

struct State {
    std::string language = "en";
    bool translating = false;                   ///< a catalogue is loaded and not suspended by ScopedEnglish
    bool environment_changed = false;           ///< LC_MESSAGES and LANGUAGE are set for the catalogue
    std::string saved_locale;                   ///< LC_MESSAGES before
    std::optional<std::string> saved_language;  ///< LANGUAGE before
};

// LC_MESSAGES and LANGUAGE as they were before set_message_language changed them, so that
// glibc's own messages (strerror) are English again too.
void restore_environment(State& st) {
    if (!st.environment_changed) return;
    if (st.saved_language)
        setenv("LANGUAGE", st.saved_language->c_str(), 1);
    else
        unsetenv("LANGUAGE");
    setlocale(LC_MESSAGES, st.saved_locale.c_str());
    textdomain("pgi");
    st.environment_changed = false;
}

State& state() {
    static State s;
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return out;
}

bool has_catalogue(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / "vi" / "LC_MESSAGES" / "pgi.mo", ec);
}

}  // namespace

std::optional<std::string> message_language_of(std::string_view setting) {
    std::string s = lower(setting);
    // The language part: up to '_', '-', '.' or '@' (vi_VN.UTF-8@euro → vi).
    std::string lang = s.substr(0, s.find_first_of("_-.@"));
    if (lang == "vi") return std::string("vi");
    if (lang == "en" || lang == "c" || lang == "posix") return std::string("en");
    return std::nullopt;
}

std::string resolve_message_language(std::string_view option, const std::function<const char*(const char*)>& getenv) {
    auto set = [&](const char* name) -> std::string_view {
        const char* v = getenv(name);
        return v ? std::string_view(v) : std::string_view();
    };
    if (!option.empty()) return message_language_of(option).value_or("en");
    if (auto p = set("PGI_LANG"); !p.empty()) return message_language_of(p).value_or("en");
    if (auto list = set("LANGUAGE"); !list.empty()) {
        while (!list.empty()) {
            auto colon = list.find(':');
            auto entry = list.substr(0, colon);
            if (auto l = message_language_of(entry)) return *l;
            list = colon == std::string_view::npos ? std::string_view() : list.substr(colon + 1);
        }
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (auto v = set(name); !v.empty()) return message_language_of(v).value_or("en");
    return "en";
}

std::string default_locale_dir() {
    if (const char* env = std::getenv("PGI_LOCALEDIR"); env && *env) return env;
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        auto dir = exe.parent_path().parent_path() / "share" / "locale";
        if (has_catalogue(dir)) return dir.string();
    }
    return PGI_INSTALL_LOCALEDIR;
}

bool set_message_language(const std::string& lang, const std::string& locale_dir) {
    State& st = state();
    if (lang != "vi") {
        restore_environment(st);
        st.language = "en";
        st.translating = false;
        return lang == "en";
    }
    std::string dir = locale_dir.empty() ? default_locale_dir() : locale_dir;
    // glibc ignores LANGUAGE when LC_MESSAGES is "C"; C.UTF-8 exists on every Debian
    // machine, vi_VN.UTF-8 often does not. Only LC_MESSAGES changes: numbers and character
    // classes keep the C locale pgi's parsers rely on.
    if (!st.environment_changed) {
        const char* old_locale = setlocale(LC_MESSAGES, nullptr);
        st.saved_locale = old_locale ? old_locale : "C";
        const char* old_language = std::getenv("LANGUAGE");
        st.saved_language = old_language ? std::optional<std::string>(old_language) : std::nullopt;
    }
    if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8") &&
        !setlocale(LC_MESSAGES, "vi_VN.UTF-8"))
        return false;
    st.environment_changed = true;
    setenv("LANGUAGE", lang.c_str(), 1);
    bindtextdomain(domain, dir.c_str());
    bind_textdomain_codeset(domain, "UTF-8");
    // strerror texts pgi does not translate itself (error_text) come from glibc's own
    // catalogue when installed: UTF-8 as well, not "?" for every letter of the C locale.
    bind_textdomain_codeset("libc", "UTF-8");
    textdomain(domain);  // also drops glibc's cache of earlier lookups
    // The catalogue's header (the translation of "") names its language when it was found.
    const char* header = dgettext(domain, "");
    if (!header || !*header || std::string_view(header).find("Language: " + lang) == std::string_view::npos) {
        // No catalogue: everything English again, glibc's messages included.
        restore_environment(st);
        st.language = "en";
        st.translating = false;
        return false;
    }
    st.language = lang;
    st.translating = true;
    return true;
}

const std::string& message_language() {
    return state().language;
}

const char* tr(const char* msgid) {
    if (!state().translating || !msgid || !*msgid) return msgid;
    return dgettext(domain, msgid);
}

const char* trn(const char* singular, const char* plural, unsigned long n) {
    if (!state().translating) return n == 1 ? singular : plural;
    return dngettext(domain, singular, plural, n);
}

const char* error_text(int err) {
    if (!state().translating) return std::strerror(err);
    switch (err) {
        case ENOENT:
            return tr("No such file or directory");
        case EACCES:
            return tr("Permission denied");
        case EISDIR:
            return tr("Is a directory");
        case ENOTDIR:
            return tr("Not a directory");
        case ENOSPC:
            return tr("No space left on device");
        case EROFS:
            return tr("Read-only file system");
        case EEXIST:
            return tr("File exists");
        default:
            return std::strerror(err);
    }
}

ScopedEnglish::ScopedEnglish() : saved_(state().translating) {
    state().translating = false;
}
ScopedEnglish::~ScopedEnglish() {
    state().translating = saved_;
}

}  // namespace pgi
