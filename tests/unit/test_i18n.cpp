// Message catalogues (pgi/i18n.hpp): which language wins, and a catalogue with a broken
// translation never crashes a message. The catalogue here is a .mo file written by the test
// (GNU gettext's binary format), so the cases do not depend on po/vi.po's wording.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "pgi/i18n.hpp"

using namespace pgi;

namespace {

std::function<const char*(const char*)> env(std::map<std::string, std::string> vars) {
    return [vars = std::move(vars)](const char* name) -> const char* {
        auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
    };
}

// A .mo file (GNU gettext manual, "The Format of GNU MO Files"): a header, the tables of
// original and translated strings (length, offset), sorted by original, then the strings.
void write_mo(const std::filesystem::path& file, const std::map<std::string, std::string>& entries) {
    std::filesystem::create_directories(file.parent_path());
    auto n = static_cast<std::uint32_t>(entries.size());
    std::uint32_t orig_table = 28, trans_table = orig_table + 8 * n, strings = trans_table + 8 * n;
    std::string body;
    std::vector<std::uint32_t> orig, trans;
    for (const auto& [k, v] : entries) {
        orig.push_back(static_cast<std::uint32_t>(k.size()));
        orig.push_back(strings + static_cast<std::uint32_t>(body.size()));
        body += k + '\0';
    }
    for (const auto& [k, v] : entries) {
        trans.push_back(static_cast<std::uint32_t>(v.size()));
        trans.push_back(strings + static_cast<std::uint32_t>(body.size()));
        body += v + '\0';
    }
    std::vector<std::uint32_t> head{0x950412de, 0, n, orig_table, trans_table, 0, strings};
    std::ofstream out(file, std::ios::binary);
    auto put = [&](const std::vector<std::uint32_t>& v) {
        out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * 4));
    };
    put(head);
    put(orig);
    put(trans);
    out << body;
}

struct EnglishAfter {
    ~EnglishAfter() { set_message_language("en"); }
};

}  // namespace

TEST_CASE("message_language_of reads the language part of a locale name") {
    CHECK(message_language_of("vi") == "vi");
    CHECK(message_language_of("vi_VN.UTF-8") == "vi");
    CHECK(message_language_of("vi-VN") == "vi");
    CHECK(message_language_of("VI_vn.utf8@x") == "vi");
    CHECK(message_language_of("en_US.UTF-8") == "en");
    CHECK(message_language_of("C") == "en");
    CHECK(message_language_of("C.UTF-8") == "en");
    CHECK(message_language_of("POSIX") == "en");
    CHECK_FALSE(message_language_of("fr_FR.UTF-8"));
    CHECK_FALSE(message_language_of("view"));  // not "vi" followed by a separator
}

TEST_CASE("the message language: --lang, PGI_LANG, LANGUAGE, LC_ALL, LC_MESSAGES, LANG, English") {
    // docs/cli.md, "Language": the first one set decides.
    CHECK(resolve_message_language("", env({})) == "en");
    CHECK(resolve_message_language("vi", env({{"PGI_LANG", "en"}, {"LANG", "en_US.UTF-8"}})) == "vi");
    CHECK(resolve_message_language("en", env({{"PGI_LANG", "vi"}})) == "en");
    CHECK(resolve_message_language("", env({{"PGI_LANG", "vi"}, {"LANGUAGE", "en"}})) == "vi");
    CHECK(resolve_message_language("", env({{"PGI_LANG", ""}, {"LANG", "vi_VN.UTF-8"}})) == "vi");  // empty = unset
    // LANGUAGE is a list: its first entry with a catalogue (or English) wins; it counts even
    // when the locale is C (unlike a C program's gettext).
    CHECK(resolve_message_language("", env({{"LANGUAGE", "fr:vi:en"}, {"LANG", "C"}})) == "vi");
    CHECK(resolve_message_language("", env({{"LANGUAGE", "en:vi"}, {"LANG", "vi_VN.UTF-8"}})) == "en");
    CHECK(resolve_message_language("", env({{"LANGUAGE", "fr"}, {"LANG", "vi_VN.UTF-8"}})) == "vi");
    // POSIX order: LC_ALL over LC_MESSAGES over LANG; the first set one decides even when
    // pgi has no catalogue for it.
    CHECK(resolve_message_language("", env({{"LC_ALL", "C.UTF-8"}, {"LANG", "vi_VN.UTF-8"}})) == "en");
    CHECK(resolve_message_language("", env({{"LC_MESSAGES", "vi_VN.UTF-8"}, {"LANG", "en_US.UTF-8"}})) == "vi");
    CHECK(resolve_message_language("", env({{"LC_ALL", "fr_FR.UTF-8"}, {"LANG", "vi_VN.UTF-8"}})) == "en");
    CHECK(resolve_message_language("", env({{"LANG", "vi_VN.UTF-8"}})) == "vi");
}

TEST_CASE("a catalogue translates; a translation that does not fit its arguments falls back to English") {
    EnglishAfter restore;
    auto dir = std::filesystem::temp_directory_path() / ("pgi-i18n-test-" + std::to_string(::getpid()));
    write_mo(dir / "vi" / "LC_MESSAGES" / "pgi.mo",
             {{"", "Content-Type: text/plain; charset=UTF-8\nLanguage: vi\nPlural-Forms: nplurals=1; plural=0;\n"},
              {"task `{}` is late by {} days", "nhiệm vụ `{}` chậm {} ngày"},
              {"broken {}", "hỏng {} {} {}"},  // three fields for one argument
              {"brace {}", "ngoặc {"},         // not a format string at all
              {"{} task", "{} nhiệm vụ"},
              {"plain", "thường"}});

    CHECK(std::string(tr("plain")) == "plain");  // English until a language is set
    REQUIRE(set_message_language("vi", dir.string()));
    CHECK(message_language() == "vi");
    CHECK(std::string(tr("plain")) == "thường");
    CHECK(std::string(tr("not in the catalogue")) == "not in the catalogue");
    CHECK(trf("task `{}` is late by {} days", "a.1", 3) == "nhiệm vụ `a.1` chậm 3 ngày");
    CHECK(trf("broken {}", 7) == "broken 7");  // fmt::format_error caught: the English text
    CHECK(trf("brace {}", 7) == "brace 7");
    CHECK(trnf("{} task", "{} tasks", 2, 2) == "2 nhiệm vụ");  // Vietnamese: one form
    {
        ScopedEnglish english;  // JSON, GitHub, GitLab findings
        CHECK(std::string(tr("plain")) == "plain");
        CHECK(trnf("{} task", "{} tasks", 2, 2) == "2 tasks");
    }
    CHECK(std::string(tr("plain")) == "thường");

    // Back to English: tr is the identity again.
    CHECK(set_message_language("en"));
    CHECK(std::string(tr("plain")) == "plain");
    CHECK(trnf("{} task", "{} tasks", 1, 1) == "1 task");
    // glibc's own messages are English again too (LC_MESSAGES and LANGUAGE restored).
    CHECK(std::string(error_text(ENOENT)) == "No such file or directory");
    CHECK(std::string(std::strerror(ENOENT)) == "No such file or directory");

    // No catalogue: English, and set_message_language says so.
    CHECK_FALSE(set_message_language("vi", (dir / "nowhere").string()));
    CHECK(message_language() == "en");
    CHECK(std::string(tr("plain")) == "plain");
    std::filesystem::remove_all(dir);
}
